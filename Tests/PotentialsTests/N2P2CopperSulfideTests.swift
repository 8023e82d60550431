import Foundation
import Geometry
import Potentials
import Testing
import Descriptors
import StructureFiles

@Suite("n2p2 Cu2S potential (monoclinic cell, types 2/3/9, poly2 cutoff, softplus, sigma scaling)")
struct N2P2CopperSulfideTests {
    @Test("input.data reproduces its DFT energy and forces within the published potential's accuracy")
    func reproducesDFTLabels() throws {
        let potential = try N2P2PotentialLoader.load(folder: N2P2Reference.copperSulfide)
        #expect(potential.units == .metal)
        #expect(potential.symmetryFunctions.cutoffShape == .poly2)
        let structure = try N2P2Reference.structure(N2P2Reference.copperSulfide, "input.data")
        let result = N2P2Reference.evaluate(potential, structure.system)
        let n = Double(structure.system.count)
        let labelEnergy = try #require(structure.energy)
        let labelForces = try #require(structure.forces)
        let perAtom = abs(result.energy - labelEnergy) / n
        var squared = 0.0
        for (f, r) in zip(result.forces, labelForces) { squared += (f - r).lengthSquared }
        let forceRMS = (squared / (3 * n)).squareRoot()
        print("Cu2S input.data: |dE|/N = \(perAtom * 1000) meV/atom, force RMSE = \(forceRMS * 1000) meV/Å")
        // Singraber et al. (JCTC 2019) report test RMSEs of about 1 meV/atom and 70 meV/Å for this potential;
        // a training-like configuration must come out within a few times that.
        #expect(perAtom < 0.005)
        #expect(forceRMS < 0.2)
    }

    @Test("rattled.data: forces equal central differences and the energy is translation invariant")
    func rattledConsistency() throws {
        let potential = try N2P2PotentialLoader.load(folder: N2P2Reference.copperSulfide)
        let system = try N2P2Reference.structure(N2P2Reference.copperSulfide, "rattled.data").system
        let result = N2P2Reference.evaluate(potential, system)
        let h = 1e-5
        for i in [60] {
            for d in 0..<3 {
                var plus = system, minus = system
                plus.positions[i][d] += h
                minus.positions[i][d] -= h
                let fd = -(N2P2Reference.evaluate(potential, plus, request: .energy).energy
                    - N2P2Reference.evaluate(potential, minus, request: .energy).energy) / (2 * h)
                #expect(abs(fd - result.forces[i][d]) < 1e-6, "atom \(i) axis \(d)")
            }
        }
        var moved = system
        moved.positions = system.positions.map { $0 + Vector3(0.37, -1.1, 2.9) }
        let e = N2P2Reference.evaluate(potential, moved, request: .energy).energy
        #expect(abs(e - result.energy) <= 1e-10 * abs(result.energy))
    }
}
