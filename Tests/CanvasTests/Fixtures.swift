import Foundation
import Geometry
@testable import Canvas

/// Deterministic frames for the golden tests: a small fcc argon crystal and energies that trade
/// kinetic for potential energy with a slow drift, a cutoff change at 600 fs.
enum Fixtures {
    static let argon = Element(symbol: "Ar")!

    /// 2×2×2 fcc cells of argon (32 atoms), a = 5.26 Å.
    static var argonCrystal: AtomScene {
        let a = 5.26
        let basis = [Vector3(0, 0, 0), Vector3(0.5, 0.5, 0), Vector3(0.5, 0, 0.5), Vector3(0, 0.5, 0.5)]
        var positions: [Vector3] = []
        for i in 0..<2 { for j in 0..<2 { for k in 0..<2 { for b in basis {
            positions.append((Vector3(Double(i), Double(j), Double(k)) + b) * a + Vector3(0.3, 0.3, 0.3))
        } } } }
        return AtomScene(elements: Array(repeating: argon, count: positions.count), positions: positions,
                         cell: Cell.orthorhombic(Vector3(2 * a, 2 * a, 2 * a)))
    }

    /// 400 samples every 2 fs (0...798 fs): K and U oscillate against each other; E drifts after the
    /// mark at 600 fs.
    static var energy: EnergyTrace {
        let n = 32
        let samples = (0..<400).map { i -> EnergyTrace.Sample in
            let t = Double(i) * 2
            let swing = 0.004 * sin(t / 40)
            let drift = t > 600 ? 0.0002 * (t - 600) / 100 : 0
            return EnergyTrace.Sample(time: t, kinetic: 0.4 + swing, potential: -2.5 - swing + drift)
        }
        return EnergyTrace(samples: samples, marks: [PlotMark(time: 600, label: "smooth→step")], atomCount: n,
                           driftRMS: 0.0123, window: 1000)
    }

    static var status: StatusFields {
        StatusFields(sceneName: "argon", cutoff: "smooth", activation: "tanh", timeStep: 2, temperature: 94.4,
                     time: 798, stepsPerSecond: 5120, isRunning: true)
    }

    static var frame: LabFrame {
        LabFrame(atoms: argonCrystal, camera: Camera(), energy: energy, status: status)
    }
}
