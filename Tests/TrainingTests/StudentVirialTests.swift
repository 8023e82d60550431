import Foundation
import Geometry
import Potentials
import Testing
import Training

/// The shipped students' virial against central differences of their energy under the affine strain
/// r ↦ (I + ε) r of cell and atoms: W_ab = −∂E/∂ε_ab, the definition the teachers' virials also meet.
@Suite("Student virial")
struct StudentVirialTests {
    static let scenes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenes")

    static func energy(_ potential: BehlerParrinelloPotential, _ system: AtomicSystem, request: EvaluationRequest = .energy) -> PotentialResult {
        let list = NeighborList(system: system, cutoff: potential.cutoff, skin: 0.5, kind: .full)
        return potential.evaluate(system, neighbors: list, request: request)
    }

    @Test("argon and silicon students: the virial is minus the strain derivative of the energy",
          arguments: ["argon", "silicon"])
    func virialIsStrainDerivative(scene: String) throws {
        let model = try StudentModel.read(from: Self.scenes.appendingPathComponent("\(scene)/models/smooth-tanh.json"))
        let potential = try model.potential()
        let system = scene == "argon"
            ? try Lattice.fcc.crystal(of: LennardJones.argon, latticeConstant: 5.4, repeats: 3).rattled(sigma: 0.1, seed: 2)
            : try Lattice.diamond.crystal(of: StillingerWeber.silicon, latticeConstant: 5.431, repeats: 2).rattled(sigma: 0.1, seed: 2)
        let w = Self.energy(potential, system, request: .energyAndForces).virial
        let h = 1e-5
        for a in 0..<3 {
            for b in 0..<3 {
                var e = [Vector3.zero, .zero, .zero]
                e[a][b] = h
                let plus = try #require(system.strained((e[0], e[1], e[2])))
                let minus = try #require(system.strained((-e[0], -e[1], -e[2])))
                let numeric = (Self.energy(potential, minus).energy - Self.energy(potential, plus).energy) / (2 * h)
                #expect(abs(numeric - w[a][b]) < 1e-6 * max(1, abs(numeric)), "\(scene) W[\(a)][\(b)] = \(w[a][b]), FD \(numeric)")
            }
        }
        // The crystal is strained by the rattling: a non-zero virial, so the comparison is not 0 = 0.
        #expect(abs(w[0][0]) + abs(w[1][1]) + abs(w[2][2]) > 1e-3)
    }
}
