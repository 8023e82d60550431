import Testing
import Geometry
import Potentials
@testable import Experiments
import Descriptors

@Suite("Force check")
struct ForceCheckTests {
    @Test("smooth LJ on rattled argon: analytic forces match central differences; a wrong force would not")
    func agreesWithFiniteDifferences() throws {
        let system = try Lattice.fcc.crystal(of: LennardJones.argon, latticeConstant: 5.74, repeats: 2).rattled(sigma: 0.1, seed: 4)
        let check = try ForceCheck.run(try LennardJones(truncation: .smooth), on: system, step: 1e-4, maxAtoms: 4)
        #expect(check.largestDeviation < 1e-6)
        #expect(check.checkedAtoms == 4 && check.atomCount == 32)
        #expect(check.report.contains("4 of 32 atoms checked") && check.report.contains("eV/Å"))
        // The oracle can fail: a potential whose forces are off by 1 % is caught.
        let wrong = try ForceCheck.run(ScaledForces(inner: try LennardJones(truncation: .smooth)), on: system, maxAtoms: 4)
        #expect(wrong.largestDeviation > 1e-4)
    }

    @Test("a step of zero or no atoms is refused in words")
    func refusals() throws {
        let system = try Lattice.fcc.crystal(of: LennardJones.argon, latticeConstant: 5.74, repeats: 2)
        #expect(throws: ExerciseError.self) { try ForceCheck.run(try LennardJones(truncation: .smooth), on: system, step: 0) }
        #expect(throws: ExerciseError.self) { try ForceCheck.run(try LennardJones(truncation: .smooth), on: system, maxAtoms: 0) }
    }
}

/// A potential whose forces are 1 % too large (its energy is right): what the check must catch.
private struct ScaledForces: Potential {
    var inner: LennardJones
    var cutoff: Double { inner.cutoff }
    var neighborListKind: NeighborListKind { inner.neighborListKind }
    var summary: String { "scaled forces" }
    func evaluate(_ system: AtomicSystem, neighbors: NeighborList, request: EvaluationRequest) -> PotentialResult {
        let result = inner.evaluate(system, neighbors: neighbors, request: request)
        guard let d = result.derivatives else { return result }
        return PotentialResult(energy: result.energy, atomicEnergies: result.atomicEnergies,
                               forces: d.forces.map { 1.01 * $0 }, virial: d.virial)
    }
}
