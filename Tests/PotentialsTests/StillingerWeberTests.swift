import Testing
import Geometry
@testable import Potentials
import StructureFiles

@Suite("Stillinger-Weber silicon against LAMMPS and finite differences")
struct StillingerWeberTests {
    @Test("energy to 1e-9 relative and every force component to 1e-8 eV/Å of LAMMPS",
          arguments: ["si_diamond_rattled_sw.xyz", "si_hot_sw.xyz"])
    func agreesWithLAMMPS(file: String) throws {
        let reference = try TeacherOracles.lammps(file)
        let result = TeacherOracles.evaluate(StillingerWeber(), reference.system)
        let energy = try #require(reference.energy)
        #expect(abs(result.energy - energy) <= 1e-9 * abs(energy))
        #expect(TeacherOracles.largestDifference(result.forces, try #require(reference.forces)) <= 1e-8)
    }

    @Test("forces are minus the central-difference gradient", arguments: ["si_diamond_rattled_sw.xyz", "si_hot_sw.xyz"])
    func forcesAreGradient(file: String) throws {
        let system = try TeacherOracles.lammps(file).system
        let sw = StillingerWeber()
        let forces = TeacherOracles.evaluate(sw, system).forces
        for atom in stride(from: 0, to: system.count, by: 7) {
            for axis in 0..<3 {
                let numeric = TeacherOracles.finiteDifferenceForce(sw, system, atom: atom, axis: axis)
                #expect(abs(numeric - forces[atom][axis]) < 1e-7 * max(1, abs(numeric)), "atom \(atom) axis \(axis)")
            }
        }
    }

    @Test("a small cell whose atoms see their own images: forces match finite differences")
    func selfImages() throws {
        // One conventional diamond cell (5.43 Å) strained and rattled: r_c = 3.77 Å > half the box.
        let system = try #require(try Lattice.diamond.crystal(of: StillingerWeber.silicon, latticeConstant: 5.43, repeats: 1)
            .rattled(sigma: 0.15, seed: 11).strained((Vector3(0.02, 0.05, 0), Vector3(0, -0.03, 0), Vector3(0, 0.04, 0.01))))
        let sw = StillingerWeber()
        let result = TeacherOracles.evaluate(sw, system)
        for atom in 0..<system.count {
            for axis in 0..<3 {
                let numeric = TeacherOracles.finiteDifferenceForce(sw, system, atom: atom, axis: axis)
                #expect(abs(numeric - result.forces[atom][axis]) < 1e-7 * max(1, abs(numeric)))
            }
        }
    }

    @Test("forces sum to zero, per-atom energies sum to E, energy-only agrees, virial is the strain derivative")
    func invariants() throws {
        let system = try TeacherOracles.lammps("si_hot_sw.xyz").system
        let sw = StillingerWeber()
        let result = TeacherOracles.evaluate(sw, system)
        let total = result.forces.reduce(Vector3.zero, +)
        #expect(max(abs(total.x), abs(total.y), abs(total.z)) < 1e-11)
        #expect(abs(result.atomicEnergies.reduce(0, +) - result.energy) < 1e-12 * abs(result.energy))
        #expect(TeacherOracles.evaluate(sw, system, request: .energy).energy == result.energy)
        let w = result.virial
        for (a, b) in [(0, 0), (1, 1), (2, 2), (0, 1), (1, 2), (2, 0)] {
            let numeric = try TeacherOracles.strainDerivative(sw, system, a, b)
            #expect(abs(numeric - w[a][b]) < 1e-6 * max(1, abs(numeric)), "W[\(a)][\(b)]")
        }
    }

    @Test("perfect diamond at a = 5.431 Å has the textbook cohesive energy -4.3366 eV/atom and no forces")
    func perfectDiamond() throws {
        let system = try Lattice.diamond.crystal(of: StillingerWeber.silicon, latticeConstant: 5.431, repeats: 2)
        let result = TeacherOracles.evaluate(StillingerWeber(), system)
        #expect(abs(result.energy / Double(system.count) + 4.3366) < 1e-3)
        #expect(TeacherOracles.largestDifference(result.forces, Array(repeating: .zero, count: system.count)) < 1e-12)
    }
}
