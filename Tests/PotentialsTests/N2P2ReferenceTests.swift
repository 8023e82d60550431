import Foundation
import Geometry
import Potentials
import Testing
import StructureFiles

@Suite("n2p2 reference potentials")
struct N2P2ReferenceTests {
    @Test("water input.data matches n2p2's energy (1e-9 relative) and every force component (1e-8)")
    func waterMatchesReference() throws {
        let potential = try N2P2PotentialLoader.load(folder: N2P2Reference.water)
        #expect(potential.units == .atomic)
        let structure = try N2P2Reference.structure(N2P2Reference.water, "input.data")
        let reference = try N2P2Reference.waterReference()
        let result = N2P2Reference.evaluate(potential, structure.system)
        #expect(abs(result.energy - reference.energy) <= 1e-9 * abs(reference.energy))
        #expect(result.forces.count == reference.forces.count)
        var worst = 0.0
        for (f, r) in zip(result.forces, reference.forces) {
            worst = max(worst, abs(f.x - r.x), abs(f.y - r.y), abs(f.z - r.z))
        }
        #expect(worst <= 1e-8, "largest force deviation \(worst)")
        print("water input.data: relative energy deviation \(abs(result.energy - reference.energy) / abs(reference.energy)), largest force deviation \(worst) Ha/Bohr")
    }
}
