import Descriptors
import Foundation
import Geometry
import NeuralNetworks
import Potentials
import Testing
import Training
@testable import Scenes

@Suite("Water: a two-element student plan")
struct WaterStudentPlanTests {
    static let hydrogen = Element(symbol: "H")!, oxygen = Element(symbol: "O")!

    @Test("one network per element; radial functions for every neighbour element, angular for every neighbour pair (HH, HO, OO)")
    func elementPairsAndTriples() throws {
        let scene = try SceneLibrary.load("water", in: scenesFolder)
        let plan = try scene.studentPlan()
        #expect(plan.student.elements == [Self.hydrogen, Self.oxygen])
        #expect(plan.start.count == 192 && plan.start.elements.filter { $0 == Self.oxygen }.count == 64)
        let set = plan.student.symmetryFunctions(.smooth)
        #expect(set.elements == [Self.hydrogen, Self.oxygen])
        // water.toml: [[student.radial]] 1 η × 6 r_s and 1 η × 1 r_s; [[student.angular]] 1 η × 2 ζ × 2 λ.
        let radial = 7, angular = 4
        for e in set.elements.indices {
            let functions = set.functions[e]
            #expect(functions.count == 2 * radial + 3 * angular)
            for neighbour in [Self.hydrogen, Self.oxygen] {
                #expect(functions.filter { if case let .radial(p) = $0 { p.neighbor == neighbour } else { false } }.count == radial)
            }
            for (j, k) in [(Self.hydrogen, Self.hydrogen), (Self.hydrogen, Self.oxygen), (Self.oxygen, Self.oxygen)] {
                let count = functions.filter { f in
                    if case let .wideAngular(p) = f { return Set([p.neighbors.first, p.neighbors.second]) == Set([j, k]) }
                    return false
                }.count
                #expect(count == angular)
            }
        }
        let design = try plan.design(.smooth, .tanh)
        #expect(try design.initialNetworks().map(\.layerSizes) == Array(repeating: [2 * radial + 3 * angular, 16, 16, 1], count: 2))
        #expect(plan.student.layerSizes == [2 * radial + 3 * angular, 16, 16, 1])
    }

    @Test("each element's offset starts from the teacher's energy of a lone atom: far-apart atoms add up to it (beyond 6.35 Å)")
    func atomicReferenceEnergies() throws {
        let scene = try SceneLibrary.load("water", in: scenesFolder)
        let plan = try scene.studentPlan()
        let design = try plan.design(.smooth, .tanh)
        let epsilon = try #require(design.atomicEnergies)
        #expect(epsilon.count == 2 && epsilon.allSatisfy(\.isFinite) && epsilon[0] != epsilon[1])
        // An independent route to the same numbers: an H and an O 20 Å apart in vacuum, evaluated
        // together, have no neighbours, so their energy is ε_H + ε_O.
        let pair = try AtomicSystem(elements: [Self.hydrogen, Self.oxygen], positions: [.zero, Vector3(20, 0, 0)], cell: nil)
        let list = NeighborList(system: pair, cutoff: plan.teacher.cutoff, skin: 0, kind: plan.teacher.neighborListKind)
        let together = plan.teacher.evaluate(pair, neighbors: list, request: .energyAndForces).energy
        #expect(abs(together - (epsilon[0] + epsilon[1])) <= 1e-9 * abs(together))
        // Argon's teacher gives a lone atom exactly 0, so its designs (and shipped files) carry none.
        #expect(try SceneLibrary.load("argon", in: scenesFolder).studentPlan().design(.smooth, .tanh).atomicEnergies == nil)
    }

    @Test("a structure holding an element the teacher lacks: one line naming the scene file and the element")
    func elementTheTeacherLacks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnplab-water-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try String(contentsOf: scenesFolder.appendingPathComponent("water.toml"), encoding: .utf8)
        // The teacher's folder, seen from the temporary scene's folder.
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("water"),
                                                   withDestinationURL: scenesFolder.appendingPathComponent("water"))
        var data = try String(contentsOf: scenesFolder.appendingPathComponent("water/box64-relaxed.xyz"), encoding: .utf8)
        // The first oxygen becomes a chlorine.
        let firstO = try #require(data.range(of: "\nO "))
        data.replaceSubrange(firstO, with: "\nCl ")
        try data.write(to: folder.appendingPathComponent("box.xyz"), atomically: true, encoding: .utf8)
        #expect(original.contains("file = \"water/box64-relaxed.xyz\""))
        let text = original.replacingOccurrences(of: "file = \"water/box64-relaxed.xyz\"", with: "file = \"box.xyz\"")
        let file = folder.appendingPathComponent("salty.toml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let scene = try Scene.load(from: file)
        do {
            _ = try scene.studentPlan()
            Issue.record("a structure with Cl trained on an H, O teacher")
        } catch let e as SceneError {
            #expect(e.description.hasPrefix(file.path) && e.description.hasSuffix("got Cl"))
            #expect(!e.description.contains("\n"))
        }
    }
}
