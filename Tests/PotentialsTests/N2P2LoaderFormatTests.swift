import Foundation
import Geometry
import Potentials
import StructureFiles
import Testing

/// The fixture potential of Tests/Fixtures/n2p2/HO-poly (every symmetry-function type including 20-25, a tanh
/// output neuron, per-element widths) and the energy and forces n2p2's nnp-predict gives on its input.data.
enum N2P2Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/n2p2/HO-poly")

    static func system() throws -> AtomicSystem {
        try N2P2Data.read(folder.appendingPathComponent("input.data"))[0].system
    }

    /// n2p2's total energy (eV) and forces (eV/Å), from reference.txt.
    static func reference() throws -> (energy: Double, forces: [Vector3]) {
        let text = try String(contentsOf: folder.appendingPathComponent("reference.txt"), encoding: .utf8)
        let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: " ").compactMap { Double($0) } }
        return (rows[0][0], rows.dropFirst().map { Vector3($0[0], $0[1], $0[2]) })
    }

    /// A copy of the fixture with `file` edited (nil removes it); removed with the returned folder's parent.
    static func variant(_ file: String, _ edit: (String) -> String?) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nnplab-fixture-\(UUID().uuidString)")
        let copy = root.appendingPathComponent("HO-poly")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: folder, to: copy)
        let url = copy.appendingPathComponent(file)
        if let text = edit(try String(contentsOf: url, encoding: .utf8)) {
            try text.write(to: url, atomically: true, encoding: .utf8)
        } else {
            try FileManager.default.removeItem(at: url)
        }
        return copy
    }

    static func loaded(_ file: String, _ edit: (String) -> String?) throws -> N2P2PotentialLoader.Loaded {
        let copy = try variant(file, edit)
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        return try N2P2PotentialLoader.read(folder: copy)
    }

    static func error(_ file: String, _ edit: (String) -> String?) throws -> String {
        do {
            _ = try loaded(file, edit)
            return "loaded without error"
        } catch {
            return "\(error)"
        }
    }

    static func energy(_ potential: any Potential) throws -> Double {
        N2P2Reference.evaluate(potential, try system()).energy
    }
}

@Suite("n2p2 format as n2p2 reads it")
struct N2P2LoaderFormatTests {
    func replacing(_ a: String, _ b: String) -> (String) -> String? {
        { text in
            precondition(text.contains(a), "fixture lacks \(a)")
            return text.replacingOccurrences(of: a, with: b)
        }
    }

    @Test("the fixture (types 2-25, tanh output, per-element widths) gives n2p2's energy and forces")
    func matchesNNPPredict() throws {
        let potential = try N2P2PotentialLoader.load(folder: N2P2Fixture.folder)
        let reference = try N2P2Fixture.reference()
        let result = N2P2Reference.evaluate(potential, try N2P2Fixture.system())
        #expect(abs(result.energy - reference.energy) <= 1e-11 * abs(reference.energy))
        #expect(result.forces.count == reference.forces.count)
        for (f, g) in zip(result.forces, reference.forces) { #expect((f - g).length <= 1e-10) }
    }

    @Test("the output neuron takes the last activation letter: 'l' instead of 't' changes the energy")
    func outputActivation() throws {
        let linear = try N2P2Fixture.loaded("input.nn", replacing("global_activation_short t p t", "global_activation_short t p l"))
        let reference = try N2P2Fixture.reference()
        #expect(abs(try N2P2Fixture.energy(linear.potential) - reference.energy) > 1e-3)
    }

    @Test("synonyms, '!' comments and an extra RuNNer energy line in scaling.data load the same potential",
          arguments: [
            ("input.nn", "nnp_type 2G-HDNNP", "nnp_generation 2"),
            ("input.nn", "nnp_type 2G-HDNNP", "nnp_gen 2"),
            ("input.nn", "nnp_type 2G-HDNNP", "nnp_type_gen 2"),
            ("input.nn", "symfunction_short", "symfunction"),
            ("input.nn", "elements H O", "elements H O   ! the elements, RuNNer style"),
            ("scaling.data", "\n# e_index", "\n# e_index"),
          ])
    func tolerated(file: String, from: String, to: String) throws {
        let reference = try N2P2Fixture.reference()
        let edit: (String) -> String? = file == "scaling.data" ? { $0 + "  -1.234 0.567\n" } : replacing(from, to)
        let loaded = try N2P2Fixture.loaded(file, edit)
        #expect(abs(try N2P2Fixture.energy(loaded.potential) - reference.energy) <= 1e-11 * abs(reference.energy))
    }

    @Test("Windows (CRLF) line endings load the same potential", arguments: ["input.nn", "scaling.data", "weights.001.data"])
    func crlf(file: String) throws {
        let reference = try N2P2Fixture.reference()
        let loaded = try N2P2Fixture.loaded(file) { $0.replacingOccurrences(of: "\n", with: "\r\n") }
        #expect(abs(try N2P2Fixture.energy(loaded.potential) - reference.energy) <= 1e-11 * abs(reference.energy))
    }

    @Test("an unknown keyword loads with n2p2's warning")
    func unknownKeyword() throws {
        let loaded = try N2P2Fixture.loaded("input.nn", replacing("cutoff_type 6 0.1", "cutoff_type 6 0.1\nrunner_mode 3"))
        #expect(loaded.warnings == ["WARNING: Unknown keyword \"runner_mode\" at line 11."])
    }

    @Test("3G, 4G and Q potentials are refused with one line naming the generation",
          arguments: [("4G-HDNNP", "4G"), ("4", "4G"), ("3", "3G"), ("Q-HDNNP", "Q-HDNNP"), ("10", "Q-HDNNP"), ("1", "unknown nnp_type")])
    func generations(value: String, named: String) throws {
        let message = try N2P2Fixture.error("input.nn", replacing("nnp_type 2G-HDNNP", "nnp_gen \(value)"))
        #expect(message.hasPrefix("HO-poly/input.nn:5: "), "\(message)")
        #expect(message.contains(named), "\(message)")
        #expect(!message.contains("\n"))
    }

    @Test("bad files: one line naming the file, the line and the problem", arguments: [
        ("input.nn", "nnp_type 2G-HDNNP", "nnp_type 2G-HDNNP\nnnp_gen 2", "input.nn:6: 'nnp_type' is given in two spellings"),
        ("input.nn", "cutoff_type 6 0.1", "cutoff_type 6 0.1\ncutoff_type 2", "input.nn:11: 'cutoff_type' is given twice"),
        ("input.nn", "atom_energy H -0.5", "atom_energy H nan", "input.nn:8: atom_energy is not a finite number"),
        ("input.nn", "scale_max_short 1.0", "scale_max_short inf", "input.nn:13: scale_max_short is not a finite number"),
        ("input.nn", "symfunction_short H 20 O 0.5 3.8 p2", "symfunction_short H 20 O 0.5 3.8 p7", "unknown polynomial subtype 'p7'"),
        ("input.nn", "symfunction_short H 20 O 0.5 3.8 p2", "symfunction_short H 20 O 0.5 3.8", "input.nn:24: type 20 symmetry function needs 6 fields"),
        ("input.nn", "symfunction_short H 21 H O 0.3 3.9 20 170 p3", "symfunction_short H 21 H O 0.3 3.9 170 20 p3", "left < right"),
        ("input.nn", "global_activation_short t p t", "global_activation_short t p", "global_activation_short lists 2 letters"),
        ("input.nn", "element_nodes_short O 5 3", "element_nodes_short O 5", "element_nodes_short O lists 1 widths for 2"),
        ("input.nn", "global_nodes_short 4 3", "global_nodes_short 4 3\nelement_hidden_layers_short O 3", "hidden layer"),
        ("scaling.data", "\n1 1 ", "\n1 1 nan ", "scaling.data:2: min, max, mean and sigma must be finite"),
        ("weights.001.data", "\n", "\nnan a 0\n", "weights.001.data:2: weight is not a number"),
    ])
    func refusals(file: String, from: String, to: String, fragment: String) throws {
        let message = try N2P2Fixture.error(file, { text in
            guard let range = text.range(of: from) else { return text }
            return text.replacingCharacters(in: range, with: to)
        })
        #expect(message.contains(fragment), "\(message)")
        #expect(!message.contains("\n"))
    }

    @Test("a scaling.data with a further full row does not match input.nn and is refused")
    func extraScalingRow() throws {
        let message = try N2P2Fixture.error("scaling.data", { $0 + "2 12 0 1 0.5 0.5\n" })
        #expect(message.contains("scaling.data:25: more lines than symmetry functions"), "\(message)")
    }

    @Test("without a unit header: read() works in its own units, load() (for MD) refuses and names the options")
    func undeclaredUnits() throws {
        let strip: (String) -> String? = { $0.replacingOccurrences(of: "# Length unit     : Angstrom\n", with: "") }
        let loaded = try N2P2Fixture.loaded("input.nn", strip)
        #expect(!loaded.unitsEstablished)
        #expect(loaded.potential.units == N2P2PotentialLoader.ownUnits)
        let copy = try N2P2Fixture.variant("input.nn", strip)
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        #expect(throws: N2P2FileError.self) { try N2P2PotentialLoader.load(folder: copy) }
        do { _ = try N2P2PotentialLoader.load(folder: copy) } catch { #expect("\(error)".contains("--length-unit")) }
        let given = try N2P2PotentialLoader.load(folder: copy, units: .metal)
        #expect(given.units == .metal)
    }
}
