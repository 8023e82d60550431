import Testing
import Descriptors
import Geometry
@testable import Potentials
import StructureFiles

@Suite("Lennard-Jones against LAMMPS and finite differences")
struct LennardJonesTests {
    static let references: [(String, CutoffKind)] = ["fcc_rattled", "liquidlike"].flatMap { name in
        [("ar_\(name)_truncated.xyz", .step), ("ar_\(name)_shifted.xyz", .kinked), ("ar_\(name)_shiftedforce.xyz", .smooth)]
    }

    @Test("energy to 1e-9 relative and every force component to 1e-8 eV/Å of LAMMPS", arguments: references)
    func agreesWithLAMMPS(file: String, truncation: CutoffKind) throws {
        let reference = try TeacherOracles.lammps(file)
        let lj = try LennardJones(truncation: truncation)
        let result = TeacherOracles.evaluate(lj, reference.system)
        let energy = try #require(reference.energy)
        #expect(abs(result.energy - energy) <= 1e-9 * abs(energy))
        #expect(TeacherOracles.largestDifference(result.forces, try #require(reference.forces)) <= 1e-8)
    }

    @Test("forces are minus the central-difference gradient (away from r_c crossings for step)", arguments: CutoffKind.allCases)
    func forcesAreGradient(truncation: CutoffKind) throws {
        let system = try TeacherOracles.lammps("ar_fcc_rattled_truncated.xyz").system
        let lj = try LennardJones(truncation: truncation)
        let forces = TeacherOracles.evaluate(lj, system).forces
        var checked = 0
        for atom in stride(from: 0, to: system.count, by: 9) {
            // A displacement of ±h must not move any pair across r_c, where step's energy jumps.
            guard TeacherOracles.distanceToCutoffCrossing(system, atom: atom, cutoff: lj.cutoff) > 1e-3 else { continue }
            for axis in 0..<3 {
                let numeric = TeacherOracles.finiteDifferenceForce(lj, system, atom: atom, axis: axis)
                #expect(abs(numeric - forces[atom][axis]) < 2e-8, "atom \(atom) axis \(axis)")
            }
            checked += 1
        }
        #expect(checked >= 8)
    }

    @Test("a free cluster: forces match finite differences and the energy matches a plain double loop")
    func freeCluster() throws {
        let lj = try LennardJones(truncation: .kinked, element: Element(symbol: "Ne")!)
        let crystal = try Lattice.fcc.crystal(of: Element(symbol: "Ne")!, latticeConstant: 5.3, repeats: 2).rattled(sigma: 0.2, seed: 3)
        var cluster = crystal
        cluster.cell = nil
        let result = TeacherOracles.evaluate(lj, cluster)
        var pairSum = 0.0
        for i in 0..<cluster.count {
            for j in (i + 1)..<cluster.count { pairSum += lj.pairEnergy((cluster.positions[i] - cluster.positions[j]).length) }
        }
        #expect(abs(result.energy - pairSum) < 1e-12 * abs(pairSum))
        for atom in [0, 5, 17, 31] {
            for axis in 0..<3 {
                #expect(abs(TeacherOracles.finiteDifferenceForce(lj, cluster, atom: atom, axis: axis) - result.forces[atom][axis]) < 2e-8)
            }
        }
    }

    @Test("forces sum to zero, per-atom energies sum to E, energy-only agrees", arguments: CutoffKind.allCases)
    func conservationAndPartition(truncation: CutoffKind) throws {
        let system = try TeacherOracles.lammps("ar_liquidlike_truncated.xyz").system
        let lj = try LennardJones(truncation: truncation)
        let result = TeacherOracles.evaluate(lj, system)
        let total = result.forces.reduce(Vector3.zero, +)
        #expect(max(abs(total.x), abs(total.y), abs(total.z)) < 1e-13)
        #expect(abs(result.atomicEnergies.reduce(0, +) - result.energy) < 1e-12 * abs(result.energy))
        let energyOnly = TeacherOracles.evaluate(lj, system, request: .energy)
        #expect(energyOnly.energy == result.energy && energyOnly.derivatives == nil)
    }

    @Test("the virial is minus the strain derivative of the energy")
    func virialIsStrainDerivative() throws {
        let system = try TeacherOracles.lammps("ar_liquidlike_truncated.xyz").system
        let lj = try LennardJones(truncation: .smooth)
        let w = TeacherOracles.evaluate(lj, system).virial
        for (a, b) in [(0, 0), (1, 1), (2, 2), (0, 1), (1, 2), (2, 0)] {
            let numeric = try TeacherOracles.strainDerivative(lj, system, a, b)
            #expect(abs(numeric - w[a][b]) < 1e-6 * max(1, abs(numeric)), "W[\(a)][\(b)]")
        }
    }

    @Test("the pair energy follows each truncation's rule at r_c")
    func truncationsAtCutoff() throws {
        let (step, kinked, smooth) = (try LennardJones(truncation: .step), try LennardJones(truncation: .kinked),
                                      try LennardJones(truncation: .smooth))
        let below = 8.5 - 1e-9
        #expect(step.pairEnergy(below) < -1e-4)                   // jumps: E_LJ(r_c) ≈ -2.6e-4 eV
        #expect(abs(kinked.pairEnergy(below)) < 1e-12 && kinked.pairForce(below) < -1e-4)
        #expect(abs(smooth.pairEnergy(below)) < 1e-12 && abs(smooth.pairForce(below)) < 1e-12)
        #expect(step.pairEnergy(8.5) == 0 && step.pairForce(9) == 0)
        #expect(abs(step.pairEnergy(3.4)) < 1e-15)
        #expect(throws: LennardJones.ParameterError.self) { try LennardJones(sigma: -1) }
    }
}
