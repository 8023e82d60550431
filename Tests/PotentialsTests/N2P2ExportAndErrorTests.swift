import Descriptors
import Foundation
import Geometry
import NeuralNetworks
import Potentials
import Testing
import StructureFiles

@Suite("n2p2 export and bad files")
struct N2P2ExportAndErrorTests {
    static func temporaryFolder(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnplab-\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("export then load gives the same energies and forces", arguments: [CutoffShape.step, .cosine, .poly2])
    func roundTrip(shape: CutoffShape) throws {
        let original = try BPFixture.potential(shape, activation: .softplus)
        let folder = Self.temporaryFolder("export")
        defer { try? FileManager.default.removeItem(at: folder) }
        try N2P2PotentialExporter.write(original, to: folder)
        let loaded = try N2P2PotentialLoader.load(folder: folder)
        #expect(loaded.symmetryFunctions == original.symmetryFunctions)
        let system = try BPFixture.system()
        let a = N2P2Reference.evaluate(original, system), b = N2P2Reference.evaluate(loaded, system)
        #expect(abs(a.energy - b.energy) <= 1e-13 * abs(a.energy))
        for (f, g) in zip(a.forces, b.forces) { #expect((f - g).length <= 1e-12 * max(1, f.length)) }
    }

    @Test("the kinked cutoff and SiLU are refused with the reason")
    func refusals() throws {
        #expect(throws: N2P2PotentialExporter.Refusal.self) {
            try N2P2PotentialExporter.render(try BPFixture.potential(.kinked, activation: .tanh))
        }
        #expect(throws: N2P2PotentialExporter.Refusal.self) {
            try N2P2PotentialExporter.render(try BPFixture.potential(.cosine, activation: .silu))
        }
    }

    /// A copy of the Cu2S folder with one file changed by `edit`.
    static func brokenCopy(_ file: String, _ edit: (String) -> String?) throws -> URL {
        let folder = temporaryFolder("broken").appendingPathComponent("Cu2S_PBE")
        try FileManager.default.copyItem(at: N2P2Reference.copperSulfide, to: folder)
        let url = folder.appendingPathComponent(file)
        if let text = edit(try String(contentsOf: url, encoding: .utf8)) {
            try text.write(to: url, atomically: true, encoding: .utf8)
        } else {
            try FileManager.default.removeItem(at: url)
        }
        return folder
    }

    static func loadError(_ folder: URL) -> String {
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        do {
            _ = try N2P2PotentialLoader.load(folder: folder)
            return "loaded without error"
        } catch {
            return "\(error)"
        }
    }

    @Test("bad folders give one line naming the file (and line) and the problem")
    func badFolders() throws {
        func replacing(_ a: String, _ b: String) -> (String) -> String? { { $0.replacingOccurrences(of: a, with: b) } }
        let cases: [(String, (String) -> String?, [String])] = [
            ("weights.029.data", { _ in nil }, ["Cu2S_PBE/weights.029.data", "cannot read"]),
            ("weights.016.data", { text in
                var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                lines.removeLast(2)
                return lines.joined(separator: "\n")
            }, ["weights.016.data", "expected", "found"]),
            ("input.nn", replacing("symfunction_short S  2 S  2.000E+00 1.500E+00 6.000E+00",
                                   "symfunction_short S  2 Cl 2.000E+00 1.500E+00 6.000E+00"), ["input.nn:", "'Cl'"]),
            ("input.nn", replacing("cutoff_type                     6 0.0", "cutoff_type 11"), ["input.nn:", "cutoff_type 11"]),
            ("input.nn", replacing("global_activation_short         p p l", "global_activation_short x p l"),
             ["input.nn:", "unknown activation 'x'"]),
            ("input.nn", replacing("symfunction_short S  2 S  2.000E+00 1.500E+00 6.000E+00",
                                   "symfunction_short S  2 S  2.000E+00 1.500E+00"), ["input.nn:", "needs 6 fields"]),
            ("input.nn", replacing("conv_length   6.1376931796181502E+00", ""),
             ["input.nn:13", "use all or none of 'mean_energy', 'conv_energy' and 'conv_length'"]),
            ("input.nn", replacing("conv_energy   7.3890846653659121E+00", "conv_energy   0"),
             ["input.nn:14", "must be non-zero"]),
            ("scaling.data", { text in
                let lines = text.split(separator: "\n")
                return lines.prefix(lines.count / 2).joined(separator: "\n")
            }, ["scaling.data", "ends early"]),
            ("scaling.data", { text in String(text.prefix(text.count / 2)) }, ["scaling.data:", "expected"]),
        ]
        for (file, edit, fragments) in cases {
            let message = Self.loadError(try Self.brokenCopy(file, edit))
            #expect(!message.contains("\n"), "one line: \(message)")
            for fragment in fragments { #expect(message.contains(fragment), "\(message) lacks \(fragment)") }
        }
    }

    @Test("a structure with an element the potential lacks is reported, not evaluated")
    func unknownElementInStructure() throws {
        let potential = try N2P2PotentialLoader.load(folder: N2P2Reference.copperSulfide)
        let system = try AtomicSystem(elements: [Element(symbol: "Cu")!, Element(symbol: "O")!],
                                      positions: [.zero, Vector3(2, 0, 0)], cell: nil)
        #expect(throws: PotentialError.self) { try potential.validate(system) }
        #expect(N2P2Reference.evaluate(potential, system).energy.isNaN)
    }

    @Test("UnitConvertedPotential gives metal-unit energies and forces of the Bohr/Hartree water model")
    func unitConversion() throws {
        let water = try N2P2PotentialLoader.load(folder: N2P2Reference.water)
        let converted = UnitConvertedPotential(wrapping: water)
        // A small cluster cut from input.data keeps this fast in debug builds.
        let full = try N2P2Reference.structure(N2P2Reference.water, "input.data").system
        let bohr = try AtomicSystem(elements: Array(full.elements[0..<24]), positions: Array(full.positions[0..<24]), cell: nil)
        var angstrom = bohr
        angstrom.positions = bohr.positions.map { $0 * UnitSystem.atomic.lengthInAngstrom }
        let own = N2P2Reference.evaluate(water, bohr), metal = N2P2Reference.evaluate(converted, angstrom)
        let ev = UnitSystem.atomic.energyInElectronvolt, forceFactor = ev / UnitSystem.atomic.lengthInAngstrom
        #expect(abs(metal.energy - own.energy * ev) <= 1e-12 * abs(metal.energy))
        for (f, g) in zip(metal.forces, own.forces) { #expect((f - g * forceFactor).length <= 1e-10) }
    }
}

@Suite("n2p2 export of a loaded n2p2 potential")
struct N2P2ReexportTests {
    @Test("the water potential (normalised, Bohr/Ha) exported and reloaded gives the same energy and forces")
    func waterRoundTrip() throws {
        let water = try N2P2PotentialLoader.load(folder: N2P2Reference.water)
        let folder = N2P2ExportAndErrorTests.temporaryFolder("water").appendingPathComponent("H2O")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try N2P2PotentialExporter.write(water, to: folder)
        let reloaded = try N2P2PotentialLoader.load(folder: folder)
        #expect(reloaded.units == .atomic)
        let full = try N2P2Reference.structure(N2P2Reference.water, "input.data").system
        let cluster = try AtomicSystem(elements: Array(full.elements[0..<30]), positions: Array(full.positions[0..<30]), cell: nil)
        let a = N2P2Reference.evaluate(water, cluster), b = N2P2Reference.evaluate(reloaded, cluster)
        #expect(abs(a.energy - b.energy) <= 1e-13 * abs(a.energy))
        for (f, g) in zip(a.forces, b.forces) { #expect((f - g).length <= 1e-12) }
    }
}
