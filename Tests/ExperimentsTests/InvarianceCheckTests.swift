import Testing
import Geometry
import Potentials
import Scenes
@testable import Experiments

@Suite("Invariance check")
struct InvarianceCheckTests {
    @Test("translation, rotation and relabelling change an NNP's energy by < 1e-10 and carry its forces along")
    func nnpIsInvariant() throws {
        let scene = try SceneLibrary.load("silicon", in: scenesFolder)
        let check = try InvarianceCheck.run(scene: scene, seed: 3)
        #expect(check.operations.count == 3)
        #expect(check.worstEnergyChange < 1e-10)
        #expect(check.worstForceError < 1e-10)
        // The check can fail: the structure's forces are not zero, and the operations really move atoms.
        let nnp = try InvarianceCheck.nnp(for: scene, seed: 3)
        let structure = scene.structure.rattled(sigma: 0.1, seed: 4)
        let forces = try InvarianceCheck.evaluate(nnp, structure).forces
        #expect(forces.map(\.length).max() ?? 0 > 1e-3)
        let turned = structure.rotated(by: .random(seed: 9))
        #expect(zip(turned.positions, structure.positions).map { ($0 - $1).length }.max() ?? 0 > 0.1)
        #expect(check.report.contains("less than 1e-10"))
    }

    @Test("an NNP keeps a regular tetrahedron's symmetry; a raw-coordinate network breaks it and sees labels")
    func cartesianModelBreaksSymmetry() throws {
        let check = try InvarianceCheck.run(scene: try SceneLibrary.load("argon", in: scenesFolder), seed: 1)
        let nnp = check.nnpMolecule, wrong = check.cartesianMolecule
        #expect(nnp.meanForce > 1e-4)
        #expect(nnp.symmetryBreaking < 1e-10 && nnp.netTorque < 1e-12)
        #expect(abs(nnp.swapEnergyChange) < 1e-12 && abs(nnp.rotationEnergyChange) < 1e-12)
        // The wrong model is translation invariant (no net force) but nothing else.
        #expect(wrong.netForce < 1e-12)
        #expect(wrong.symmetryBreaking > 0.1)
        #expect(wrong.netTorque > 1e-2)
        #expect(abs(wrong.swapEnergyChange) > 1e-2 && abs(wrong.rotationEnergyChange) > 1e-2)
    }

    @Test("the raw-coordinate network's forces are minus its energy gradient (central differences)")
    func cartesianForcesMatchFiniteDifferences() throws {
        let model = try CartesianModel(atomCount: 4, lengthScale: 3, seed: 5)
        var positions = try InvarianceCheck.tetrahedron(of: LennardJones.argon, edge: 3.9).positions
        positions[2] += Vector3(0.1, -0.2, 0.05)
        let forces = model.energyAndForces(positions).forces
        let h = 1e-5
        for a in 0..<4 {
            for d in 0..<3 {
                var plus = positions, minus = positions
                plus[a][d] += h
                minus[a][d] -= h
                let fd = -(model.energyAndForces(plus).energy - model.energyAndForces(minus).energy) / (2 * h)
                #expect(abs(fd - forces[a][d]) < 1e-7)
            }
        }
    }

    @Test("relabelling shuffles only like atoms and reordering is a permutation")
    func relabellingKeepsElements() throws {
        let water = try AtomicSystem(elements: [.init(symbol: "O")!, .init(symbol: "H")!, .init(symbol: "H")!, .init(symbol: "O")!],
                                     positions: [Vector3(0, 0, 0), Vector3(1, 0, 0), Vector3(0, 1, 0), Vector3(3, 3, 3)],
                                     masses: [16, 1, 1, 16], cell: nil)
        let (moved, order) = water.relabellingLikeAtoms(seed: 2)
        #expect(moved.elements == water.elements)
        #expect(order.sorted() == [0, 1, 2, 3])
        for k in 0..<4 { #expect(moved.positions[k] == water.positions[order[k]]) }
    }
}
