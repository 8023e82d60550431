import Foundation
import Testing
import Geometry
import Descriptors
@testable import Scenes
import Dynamics
import Potentials
import Training

/// The repository's Scenes folder, from this file's path (…/Tests/ScenesTests/X.swift).
let scenesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Scenes")

@Suite("Scene files")
struct SceneLoadingTests {
    @Test("every shipped scene loads")
    func shippedScenesLoad() throws {
        let names = SceneLibrary.names(in: scenesFolder)
        #expect(names.contains("argon") && names.contains("silicon") && names.contains("water"))
        for name in names { _ = try SceneLibrary.load(name, in: scenesFolder) }
    }

    @Test("argon reads as designed: 108 atoms at 1.4 g/cm³, 10 G2 centred 3-6.5 Å plus one at 0, r_c 6.5 Å, 11-20-20-1")
    func argonContents() throws {
        let s = try SceneLibrary.load("argon", in: scenesFolder)
        #expect(s.structure.count == 108 && s.structure.distinctElements == [LennardJones.argon])
        // ρ = N m / V back in g/cm³ (1 amu/Å³ = 1.66053906660 g/cm³).
        let volume = try #require(s.structure.cell).volume
        let rho = 108 * 39.948 * 1.66053906660 / volume
        #expect(abs(rho - 1.4) < 1e-12)
        #expect(s.structure.velocities.allSatisfy { $0 == .zero })
        #expect(s.teacher == .argon(.smooth))
        let student = try #require(s.student)
        #expect(student.cutoff == 6.5 && student.elements == [LennardJones.argon])
        let functions = student.symmetryFunctions.functions[0]
        #expect(functions.count == 11 && functions.allSatisfy { $0.n2p2Type == 2 } && student.angularForms.isEmpty)
        #expect(functions.filter { if case let .radial(p) = $0 { p.shift == 0 } else { false } }.count == 1)
        #expect(student.layerSizes == [11, 20, 20, 1])
        #expect(student.settings.epochs == 200 && student.settings.patience == 200 && student.sampling.configurations == 220)
        #expect(s.md.timeStep == 0.5 && s.md.thermostat == .nve && s.md.equilibration.count == 2)
        #expect(s.modelsDirectory.path.hasSuffix("Scenes/argon/models"))
    }

    @Test("silicon expands its angular grid: 1 η × 3 ζ × 2 λ = 6 G4")
    func siliconAngular() throws {
        let s = try SceneLibrary.load("silicon", in: scenesFolder)
        let student = try #require(s.student)
        let angular = student.symmetryFunctions.functions[0].compactMap { f -> SymmetryFunction.Angular? in
            if case let .wideAngular(p) = f { p } else { nil }
        }
        #expect(angular.count == 6 && student.angularForms == [.wide])
        #expect(Set(angular.map(\.lambda)) == [-1, 1] && Set(angular.map(\.zeta)) == [1, 2, 4])
    }

    @Test("an angular table without form is narrow (G4), as before the key existed")
    func angularFormDefaultsToNarrow() throws {
        let url = scenesFolder.appendingPathComponent("silicon.toml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("form = ") })
        #expect(line.hasPrefix("form = \"wide\""))
        let s = try Scene.parse(text.replacingOccurrences(of: String(line), with: ""), file: url, displayPath: "silicon.toml")
        let student = try #require(s.student)
        #expect(student.symmetryFunctions.functions[0].filter { $0.n2p2Type == 3 }.count == 6 && student.angularForms == [.narrow])
    }

    @Test("an unknown angular form is refused on its line, listing the forms")
    func unknownAngularForm() throws {
        let url = scenesFolder.appendingPathComponent("silicon.toml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.hasPrefix("form = ") })
        let broken = text.replacingOccurrences(of: String(lines[index]), with: "form = \"broad\"")
        do {
            _ = try Scene.parse(broken, file: url, displayPath: "silicon.toml")
            Issue.record("an unknown form was accepted")
        } catch let e as SceneError {
            #expect(e.description == "silicon.toml:\(index + 1): student.angular.form: expected one of narrow, wide, got \"broad\"")
        }
    }

    @Test("water-1080 is the loaded n2p2 model alone, whose cutoff cannot be toggled; its Bohr structure is read in Å")
    func waterIsLoaded() throws {
        let s = try SceneLibrary.load("water-1080", in: scenesFolder)
        #expect(s.student == nil && !s.cutoffIsToggleable)
        guard case let .n2p2(dir, _) = s.teacher else { Issue.record("water teacher should be n2p2"); return }
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("weights.008.data").path))
        // The file's first atom, 0.529177210903 Å per Bohr.
        let text = try String(contentsOf: dir.appendingPathComponent("input.data"), encoding: .utf8)
        let atom = try #require(text.split(separator: "\n").first { $0.hasPrefix("atom") }).split(separator: " ")
        let bohr = try (1...3).map { try #require(Double(atom[$0])) }
        #expect(s.structure.count == 1080)
        for k in 0..<3 { #expect(abs(s.structure.positions[0][k] - bohr[k] * 0.529177210903) < 1e-12 * max(1, abs(bohr[k]))) }
    }
}

@Suite("Scene file errors: one line, file:line, expected and got")
struct SceneErrorTests {
    /// The argon scene's text with `old` replaced by `new`, parsed as if it were Scenes/argon.toml.
    func argonError(replacing old: String, with new: String) throws -> SceneError? {
        let url = scenesFolder.appendingPathComponent("argon.toml")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old))
        do {
            _ = try Scene.parse(text.replacingOccurrences(of: old, with: new), file: url, displayPath: "argon.toml")
            return nil
        } catch let e as SceneError {
            return e
        }
    }

    func lineNumber(of needle: String) throws -> Int {
        let text = try String(contentsOf: scenesFolder.appendingPathComponent("argon.toml"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.hasPrefix(needle) }) + 1
    }

    @Test("an impossible training setting is refused on its line: a zero batch size, a patience of 0")
    func impossibleTrainingSettings() throws {
        let line = try lineNumber(of: "seed = 7")
        let batch = try #require(try argonError(replacing: "seed = 7", with: "seed = 7\nbatch_size = 0"))
        #expect(batch.description == "argon.toml:\(line + 1): student.training.batch_size: expected a batch size in [1, 100000], got 0")
        let patience = try #require(try argonError(replacing: "seed = 7", with: "seed = 7\npatience = 0"))
        #expect(patience.description.hasPrefix("argon.toml:\(line + 1): student.training.patience: expected a number of epochs in [1, 100000]"))
    }

    @Test("a misspelt key is named on its line with the spelling expected")
    func misspeltKey() throws {
        let line = try lineNumber(of: "temperature = 92.0")
        let e = try #require(try argonError(replacing: "temperature = 92.0 ", with: "tempature = 92.0 "))
        #expect(e.description == "argon.toml:\(line): md.tempature: unknown key: expected 'temperature' (a temperature in K in [0, 100000]), got 'tempature'")
    }

    @Test("an unknown key names its line and the keys that are allowed")
    func unknownKey() throws {
        let line = try lineNumber(of: "thermostat = \"nve\"")
        let e = try #require(try argonError(replacing: "thermostat = \"nve\"", with: "barostat = \"nve\""))
        #expect(e.line == line)
        #expect(e.description.hasPrefix("argon.toml:\(line): md.barostat: unknown key in [md]: expected one of"))
        #expect(e.description.contains("thermostat") && e.description.hasSuffix("got 'barostat'"))
        #expect(!e.description.contains("\n"))
    }

    @Test("a negative time step is refused on its own line")
    func negativeTimeStep() throws {
        let line = try lineNumber(of: "dt = 0.5")
        let e = try #require(try argonError(replacing: "dt = 0.5", with: "dt = -1.0"))
        #expect(e.description == "argon.toml:\(line): md.dt: expected a time step in fs in [0.01, 20], got -1.0")
    }

    @Test("extreme numbers are refused on their own line with the allowed range: dt 1e-300, a teacher cutoff of 1e308, drift_time 1e308, temperature 1e308, 64×64×64 cells")
    func extremeNumbers() throws {
        let cases: [(old: String, new: String, key: String, expected: String)] = [
            ("dt = 0.5", "dt = 1e-300", "md.dt", "in [0.01, 20]"),
            ("cutoff = 8.5", "cutoff = 1e308", "teacher.cutoff", "at most 30"),
            ("drift_time = 20.0", "drift_time = 1e308", "md.drift_time", "at most 10000000 steps"),
            ("temperature = 92.0", "temperature = 1e308", "md.temperature", "in [0, 100000]"),
            ("repeats = [3, 3, 3]", "repeats = [64, 64, 64]", "structure.repeats", "1048576 atoms"),
        ]
        for c in cases {
            let line = try lineNumber(of: c.old)
            let e = try #require(try argonError(replacing: c.old, with: c.new))
            #expect(e.line == line, "\(c.new)")
            #expect(e.message.hasPrefix("\(c.key): expected") && e.message.contains(c.expected), "\(e)")
            #expect(!e.description.contains("\n"))
        }
    }

    @Test("a wrong type says which type was expected")
    func wrongType() throws {
        let line = try lineNumber(of: "configurations = 220")
        let e = try #require(try argonError(replacing: "configurations = 220", with: "configurations = \"many\""))
        #expect(e.description == "argon.toml:\(line): student.training.configurations: expected a number of configurations in [2, 100000], got \"many\"")
    }

    @Test("a student cutoff beyond the teacher's range is impossible")
    func cutoffBeyondTeacher() throws {
        let line = try lineNumber(of: "cutoff = 6.5")
        let e = try #require(try argonError(replacing: "cutoff = 6.5 ", with: "cutoff = 9.0 "))
        #expect(e.line == line)
        #expect(e.message.contains("no longer than the teacher's range (8.5 Å), got 9.0"))
    }

    @Test("a missing structure file names the path it looked for")
    func missingFile() throws {
        let line = try lineNumber(of: "lattice = \"fcc\"")
        let e = try #require(try argonError(replacing: "lattice = \"fcc\"", with: "file = \"nowhere.xyz\""))
        #expect(e.line == line)
        #expect(e.message.hasPrefix("structure.file: expected an existing structure file, got \"nowhere.xyz\""))
    }

    @Test("an unknown choice lists the choices")
    func unknownChoice() throws {
        let line = try lineNumber(of: "truncation = \"smooth\"")
        let e = try #require(try argonError(replacing: "truncation = \"smooth\"", with: "truncation = \"soft\""))
        #expect(e.description == "argon.toml:\(line): teacher.truncation: expected one of step, kinked, smooth, got \"soft\"")
    }

    @Test("a missing key points at its table's header")
    func missingKey() throws {
        let line = try lineNumber(of: "[md]")
        let e = try #require(try argonError(replacing: "dt = 0.5", with: ""))
        #expect(e.line == line && e.message == "missing key md.dt: expected a time step in fs in [0.01, 20], got nothing")
    }

    @Test("a key in the second [[md.equilibration]] table is found on its own line")
    func arrayOfTablesLine() throws {
        let text = try String(contentsOf: scenesFolder.appendingPathComponent("argon.toml"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let second = try #require(lines.indices.filter { lines[$0].hasPrefix("time = 4.0") }.last) + 1
        let broken = lines.enumerated().map { $0.offset + 1 == second ? "time = -1.0" : String($0.element) }
            .joined(separator: "\n")
        do {
            _ = try Scene.parse(broken, file: scenesFolder.appendingPathComponent("argon.toml"), displayPath: "a.toml")
            Issue.record("a negative equilibration time should be refused")
        } catch let e as SceneError {
            #expect(e.line == second && e.message == "md.equilibration.time: expected a time in ps in [0.001, 1000] and at most 10000000 steps of 0.5 fs, got -1.0")
        }
    }

    @Test("a TOML syntax error keeps TOMLKit's line")
    func syntaxError() throws {
        let e = try #require(try argonError(replacing: "seed = 7", with: "seed = = 7"))
        #expect(e.line == (try lineNumber(of: "seed = 7")))
        #expect(e.message.hasPrefix("expected valid TOML"))
    }

    @Test("an unknown scene name lists the scenes there are")
    func unknownScene() {
        #expect(throws: SceneError.self) { try SceneLibrary.load("argonn", in: scenesFolder) }
        do { _ = try SceneLibrary.load("argonn", in: scenesFolder) } catch let e as SceneError {
            #expect(e.description.contains("argon, silicon, water") && e.description.hasSuffix("got 'argonn'"))
        } catch { Issue.record("unexpected \(error)") }
    }
}

@Suite("A scene's structure is built when it loads")
struct SceneStructureLoadingTests {
    /// A folder holding `structure` as `box.xyz` and a scene naming it; the scene's text and URL.
    func sceneFolder(structure: String) throws -> (folder: URL, text: String, file: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnplab-structure-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try structure.write(to: folder.appendingPathComponent("box.xyz"), atomically: true, encoding: .utf8)
        let text = """
            title = "a box"
            [structure]
            file = "box.xyz"
            [teacher]
            kind = "lennard-jones"
            [md]
            dt = 1.0
            temperature = 90
            """
        return (folder, text, folder.appendingPathComponent("box.toml"))
    }

    @Test("a bad structure file fails the load in one line naming the scene's file key and the structure file's own line and value")
    func badStructureFile() throws {
        let (folder, text, file) = try sceneFolder(structure: "2\nLattice=\"10 0 0 0 10 0 0 0 10\" Properties=species:S:1:pos:R:3\nAr 0 0 0\nAr 1.0 zwei 0\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try Scene.parse(text, file: file, displayPath: "box.toml")
            Issue.record("a structure file with 'zwei' for a coordinate loaded")
        } catch let e as SceneError {
            #expect(e.file == "box.toml" && e.line == 3)
            #expect(e.message.hasPrefix("structure.file: expected a readable extended XYZ or n2p2 structure file, got \"box.xyz\""))
            #expect(e.message.contains("box.xyz:4:") && e.message.contains("zwei"), "\(e)")
            #expect(!e.description.contains("\n"))
        }
    }

    @Test("a structure file is read once, in Å, and two loads of a scene are equal; another rattle seed is another scene")
    func builtAndEqual() throws {
        let (folder, text, file) = try sceneFolder(structure: "2\nLattice=\"10 0 0 0 10 0 0 0 10\" Properties=species:S:1:pos:R:3\nAr 0 0 0\nAr 3.5 0 0\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scene = try Scene.parse(text, file: file)
        #expect(scene.structure.count == 2 && scene.structure.positions[1] == Vector3(3.5, 0, 0))
        #expect(try Scene.parse(text, file: file) == scene)
        let silicon = try SceneLibrary.load("silicon", in: scenesFolder)
        #expect(try SceneLibrary.load("silicon", in: scenesFolder) == silicon)
        let siliconText = try String(contentsOf: silicon.file, encoding: .utf8)
        let reseeded = try Scene.parse(siliconText.replacingOccurrences(of: "seed = 3", with: "seed = 4"), file: silicon.file)
        #expect(reseeded != silicon && reseeded.structure.cell == silicon.structure.cell)
        // The rattle is 0.05 Å: every atom moved, none far.
        let moved = zip(reseeded.structure.positions, silicon.structure.positions).map { ($0 - $1).length }
        #expect(moved.allSatisfy { $0 > 0 && $0 < 0.5 })
    }
}
