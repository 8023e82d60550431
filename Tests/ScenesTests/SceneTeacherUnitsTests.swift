import Foundation
import Testing
import Geometry
@testable import Scenes
import Potentials

/// The fixture potential of Tests/Fixtures/n2p2/HO-poly (declares Å and eV) copied with its unit
/// header lines removed, and a scene file beside it that names the copy as its teacher.
struct UndeclaredUnitsFolder {
    let root: URL
    init() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/n2p2/HO-poly")
        root = FileManager.default.temporaryDirectory.appendingPathComponent("nnplab-units-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let copy = root.appendingPathComponent("model")
        try FileManager.default.copyItem(at: fixture, to: copy)
        let input = copy.appendingPathComponent("input.nn")
        let text = try String(contentsOf: input, encoding: .utf8)
        try text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("Length unit") && !$0.contains("Energy unit") }
            .joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
    }

    func scene(_ unitKeys: String) throws -> Scene {
        let text = """
            title = "units"
            [structure]
            file = "model/input.data"
            [teacher]
            kind = "n2p2"
            directory = "model"
            \(unitKeys)
            [md]
            dt = 0.5
            temperature = 300
            """
        return try Scene.parse(text, file: root.appendingPathComponent("units.toml"))
    }
}

@Suite("A scene tells the units of an n2p2 teacher that does not declare them")
struct SceneTeacherUnitsTests {
    @Test("without unit keys the teacher cannot drive MD, and the error names the units")
    func refusedWithoutKeys() throws {
        let folder = try UndeclaredUnitsFolder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        let scene = try folder.scene("")
        #expect(throws: (any Error).self) { _ = try scene.teacherPotential() }
    }

    @Test("length_unit and energy_unit establish them: angstrom/ev gives the declared potential's energy")
    func establishedByKeys() throws {
        let folder = try UndeclaredUnitsFolder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        let scene = try folder.scene("length_unit = \"angstrom\"\nenergy_unit = \"ev\"")
        let told = try scene.teacherPotential()
        #expect(told.units == .metal)
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/n2p2/HO-poly")
        let declared = try N2P2PotentialLoader.load(folder: fixture)
        let system = scene.structure
        var a = try ForceEvaluator(potential: told, system: system), b = try ForceEvaluator(potential: declared, system: system)
        #expect(a.evaluate(system).energy == b.evaluate(system).energy)
        let atomic = try folder.scene("length_unit = \"bohr\"\nenergy_unit = \"hartree\"")
        #expect(try atomic.teacherPotential().units == .metal)   // wrapped for MD
        #expect(atomic.teacher == .n2p2(directory: folder.root.appendingPathComponent("model").standardizedFileURL, units: .atomic))
    }

    @Test("a unit alone or an unknown unit is one line naming the key", arguments: [
        ("length_unit = \"bohr\"", "length_unit"), ("energy_unit = \"ev\"", "energy_unit"),
        ("length_unit = \"furlong\"\nenergy_unit = \"ev\"", "length_unit"),
        ("length_unit = \"bohr\"\nenergy_unit = \"kcal\"", "energy_unit"),
    ])
    func badKeys(keys: String, named: String) throws {
        let folder = try UndeclaredUnitsFolder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        do {
            _ = try folder.scene(keys)
            Issue.record("accepted \(keys)")
        } catch {
            let line = "\(error)"
            #expect(line.contains(named) && !line.contains("\n"), "\(line)")
        }
    }
}
