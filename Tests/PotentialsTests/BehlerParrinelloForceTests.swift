import Descriptors
import Foundation
import Geometry
import NeuralNetworks
import Potentials
import Testing

@Suite("Behler-Parrinello forces and invariances")
struct BehlerParrinelloForceTests {
    static let activations: [Activation] = [.tanh, .softplus, .logistic, .silu, .gaussian, .cos, .relu]

    @Test("analytic forces equal central differences for every cutoff shape x activation (all 2G types)",
          arguments: CutoffShape.allCases, activations)
    func forcesMatchFiniteDifferences(shape: CutoffShape, activation: Activation) throws {
        let potential = try BPFixture.potential(shape, activation: activation)
        let system = try BPFixture.system()
        let (error, scale) = BPFixture.forceError(potential, system)
        #expect(scale > 1e-3, "forces should not vanish")
        #expect(error <= 1e-6 * max(1, scale), "largest deviation \(error) for forces of size \(scale)")
    }

    @Test("free clusters: analytic forces equal central differences")
    func clusterForces() throws {
        let potential = try BPFixture.potential(.poly2, activation: .tanh)
        let system = try BPFixture.system(count: 7, box: 4.0, periodic: false, seed: 11)
        let (error, scale) = BPFixture.forceError(potential, system)
        #expect(error <= 1e-6 * max(1, scale))
    }

    @Test("translating, rotating and permuting like atoms change the energy by < 1e-10 relative")
    func invariances() throws {
        let potential = try BPFixture.potential(.cosine, activation: .tanh)
        let system = try BPFixture.system(count: 10, box: 5.0, periodic: false, seed: 5)
        let e0 = N2P2Reference.evaluate(potential, system).energy
        var moved = system
        moved.positions = system.positions.map { $0 + Vector3(1.3, -7.1, 0.4) }
        // Rotation about an arbitrary axis by Rodrigues' formula.
        let axis = Vector3(0.3, -0.5, 0.8) / Vector3(0.3, -0.5, 0.8).length, angle = 0.9
        func rotate(_ v: Vector3) -> Vector3 {
            v * cos(angle) + axis.cross(v) * sin(angle) + axis * axis.dot(v) * (1 - cos(angle))
        }
        var rotated = system
        rotated.positions = system.positions.map(rotate)
        var permuted = system
        // Swap two hydrogens (indices 1 and 4) and two oxygens (0 and 3).
        permuted.positions.swapAt(1, 4)
        permuted.positions.swapAt(0, 3)
        for other in [moved, rotated, permuted] {
            let e = N2P2Reference.evaluate(potential, other).energy
            #expect(abs(e - e0) <= 1e-10 * abs(e0), "energy changed from \(e0) to \(e)")
        }
        // A periodic system translated by a non-lattice vector.
        let periodic = try BPFixture.system(count: 9, box: 6.0, seed: 8)
        var shifted = periodic
        shifted.positions = periodic.positions.map { $0 + Vector3(2.2, 0.7, -3.9) }
        let p0 = N2P2Reference.evaluate(potential, periodic).energy
        let p1 = N2P2Reference.evaluate(potential, shifted).energy
        #expect(abs(p1 - p0) <= 1e-10 * abs(p0))
    }
}

@Suite("Behler-Parrinello lab switches")
struct BehlerParrinelloSwitchTests {
    @Test("switching the cutoff shape or activation changes the energy and keeps forces exact")
    func switches() throws {
        let smooth = try BPFixture.potential(.cosine, activation: .tanh)
        let system = try BPFixture.system()
        let e0 = N2P2Reference.evaluate(smooth, system).energy
        for variant in [smooth.withCutoffShape(.step), smooth.withCutoffShape(.kinked), smooth.withHiddenActivation(.relu)] {
            #expect(N2P2Reference.evaluate(variant, system).energy != e0)
            let (error, scale) = BPFixture.forceError(variant, system)
            #expect(error <= 1e-6 * max(1, scale))
        }
        #expect(smooth.withCutoffShape(.step).symmetryFunctions.cutoffShape == .step)
    }
}
