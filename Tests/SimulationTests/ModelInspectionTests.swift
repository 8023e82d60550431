import Descriptors
import Foundation
import Geometry
import NeuralNetworks
import Scenes
import Testing
@testable import Simulation

@Suite("Inspector curves")
struct ModelInspectionTests {
    static let argon = Element(symbol: "Ar")!

    func inspection(_ kind: CutoffKind) -> ModelInspection {
        ModelInspection(potential: PlainLennardJones(kind: kind), choice: ModelChoice(cutoff: kind, activation: .tanh),
                        element: Self.argon)
    }

    /// The Lennard-Jones pair energy written out, the oracle for the dimer curve.
    func lj(_ r: Double) -> Double { let s6 = pow(3.4 / r, 6); return 4 * 0.0104 * (s6 * s6 - s6) }

    @Test("the step model's dimer energy jumps by u(r_c) across r_c; the smooth one's energy and force reach zero there")
    func dimerAcrossCutoff() {
        let rc = 6.5
        let step = inspection(.step).dimerEnergy
        let inside = step.last { $0.x < rc }!, outside = step.first { $0.x > rc }!
        #expect(abs((inside.y - outside.y) - lj(inside.x)) < 1e-3 * abs(lj(rc)) + abs(lj(inside.x) - lj(rc)))
        #expect(abs(inside.y - outside.y) > 0.5 * abs(lj(rc)))
        let smooth = inspection(.smooth)
        let nearE = smooth.dimerEnergy.last { $0.x < rc }!, nearF = smooth.dimerForce.last { $0.x < rc }!
        #expect(abs(nearE.y) < 1e-3 * abs(lj(rc)) * 10)
        #expect(abs(nearF.y) < 1e-4)
    }

    @Test("the dimer force is minus the slope of the dimer energy (central differences)")
    func forceIsMinusSlope() {
        let curve = inspection(.smooth)
        for k in stride(from: 5, to: curve.dimerEnergy.count - 40, by: 10) {
            let e = curve.dimerEnergy
            let slope = (e[k + 1].y - e[k - 1].y) / (e[k + 1].x - e[k - 1].x)
            // Central differences on a 0.03 Å grid: O(h²) ≈ 1 % of the slope where LJ curves most.
            #expect(abs(curve.dimerForce[k].y + slope) < 2e-2 * abs(slope) + 1e-6, "r = \(e[k].x)")
        }
    }

    @Test("the pair histogram counts each pair once in the bin of its distance, with the minimum image")
    func histogram() throws {
        let cell = try #require(Cell.orthorhombic(Vector3(20, 20, 20)))
        let system = try AtomicSystem(elements: [Self.argon, Self.argon, Self.argon],
                                      positions: [Vector3(1, 1, 1), Vector3(4.5, 1, 1), Vector3(19.4, 1, 1)], cell: cell)
        let bins = ModelInspection.pairHistogram(system, upTo: 6, bins: 6)
        // Distances 3.5 (0-1), 1.6 (0-2 through the boundary) and 5.1 (1-2, through it too).
        #expect(bins.map(\.y) == [0, 1, 0, 1, 0, 1])
    }
}
