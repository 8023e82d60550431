import ArgumentParser
import Descriptors
import Foundation
import Geometry
import Potentials
import Training

extension CutoffKind: ExpressibleByArgument {}

/// The `--potential` option and its parameters, shared by every command that evaluates a potential.
///
/// `lj`: Lennard-Jones argon (ε 0.0104 eV, σ 3.40 Å, r_c 8.5 Å) cut the `--cutoff` way (default
/// smooth), with `--epsilon`, `--sigma`, `--rc`, `--element` overriding. `sw`: Stillinger-Weber silicon (1985).
struct PotentialChoice: ParsableArguments {
    @Option(help: ArgumentHelp("The potential: lj (Lennard-Jones argon), sw (Stillinger-Weber silicon), an n2p2 potential folder (input.nn, scaling.data, weights.ZZZ.data), or a student model file (.json, as in Scenes/*/models).",
                               valueName: "lj|sw|FOLDER|MODEL.json"))
    var potential: String

    @Option(help: ArgumentHelp("How Lennard-Jones is cut at r_c: step (plain), kinked (energy shifted), smooth (force shifted). Default smooth.",
                               valueName: "step|kinked|smooth"))
    var cutoff: CutoffKind?

    @Option(help: "Lennard-Jones well depth ε in eV (default 0.0104).")
    var epsilon: Double?

    @Option(help: "Lennard-Jones σ in Å (default 3.40).")
    var sigma: Double?

    @Option(help: "Lennard-Jones cutoff radius r_c in Å (default 8.5).")
    var rc: Double?

    @Option(help: ArgumentHelp("The one species Lennard-Jones describes (default Ar).", valueName: "symbol"))
    var element: String?

    /// The potential these options name; a bad name or parameter is a one-line error. `units` says an n2p2
    /// folder's units; with `integrating`, a folder whose units cannot be established is refused.
    func make(units: UnitSystem? = nil, integrating: Bool = false) throws -> any Potential {
        switch potential.lowercased() {
        case "lj":
            let species = try element.map { symbol in
                guard let e = Element(symbol: symbol) else { throw CommandFailure("unknown chemical element for --element: '\(symbol)'") }
                return e
            } ?? LennardJones.argon
            return try teacher(.lennardJones(epsilon: epsilon ?? LennardJones.argonEpsilon,
                                             sigma: sigma ?? LennardJones.argonSigma, cutoff: rc ?? LennardJones.argonCutoff,
                                             truncation: cutoff ?? .smooth, element: species))
        case "sw":
            let ljOnly = ljOnlyOptionsGiven
            guard ljOnly.isEmpty else {
                throw CommandFailure("\(ljOnly.joined(separator: ", ")) applies to lj only; Stillinger-Weber has its own smooth cutoff")
            }
            return try teacher(.stillingerWeber)
        default:
            if potential.lowercased().hasSuffix(".json") { return try loadStudentModel(URL(fileURLWithPath: potential)) }
            if let folder = n2p2Folder { return try loadN2P2(folder, units: units, integrating: integrating) }
            throw CommandFailure("unknown potential '\(potential)' (expected lj, sw, an n2p2 folder with input.nn or a student model .json)")
        }
    }

    /// The Lennard-Jones-only options given on the command line (e.g. ["--rc"]), for other potentials to reject.
    var ljOnlyOptionsGiven: [String] {
        [("--epsilon", epsilon != nil), ("--sigma", sigma != nil), ("--rc", rc != nil),
         ("--cutoff", cutoff != nil), ("--element", element != nil)].filter(\.1).map(\.0)
    }
}

extension PotentialChoice {
    /// Builds `model` with the one teacher factory; its errors become one-line command failures.
    func teacher(_ model: TeacherModel) throws -> any Potential {
        do { return try model.potential() } catch { throw CommandFailure("\(error)") }
    }

    /// The folder `--potential` names when it is an n2p2 potential (a directory holding input.nn).
    var n2p2Folder: URL? {
        var isDirectory: ObjCBool = false
        let url = URL(fileURLWithPath: potential)
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue,
              FileManager.default.fileExists(atPath: url.appendingPathComponent("input.nn").path) else { return nil }
        return url
    }

    /// Loads an n2p2 folder, in its own units (each command says on stderr what it does with them); n2p2's
    /// warnings about it go to stderr. With `integrating`, a folder whose units cannot be established (no
    /// header, no `units`) is refused; otherwise it works in its own units, which a note says.
    func loadN2P2(_ folder: URL, units: UnitSystem? = nil, integrating: Bool = false) throws -> any Potential {
        let ljOnly = ljOnlyOptionsGiven
        guard ljOnly.isEmpty else {
            throw CommandFailure("\(ljOnly.joined(separator: ", ")) applies to lj only; an n2p2 potential brings its own cutoffs")
        }
        let read: N2P2PotentialLoader.Loaded
        do {
            read = try N2P2PotentialLoader.read(folder: folder, units: units)
            if integrating && !read.unitsEstablished { _ = try N2P2PotentialLoader.load(folder: folder, units: units) }
        } catch { throw CommandFailure("\(error)") }
        for warning in read.warnings { printToStandardError("\(folder.lastPathComponent)/input.nn: \(warning)") }
        if !read.unitsEstablished {
            printToStandardError("note: \(folder.lastPathComponent) does not declare its units: positions are read, and "
                + "energies and forces written, in the units it was trained in")
        }
        return read.potential
    }
}

extension PotentialChoice {
    /// Loads a student model file (what `nnplab train` writes, e.g. Scenes/argon/models/smooth-tanh.json):
    /// a Behler-Parrinello potential in metal units. A bad file is one line naming it and what is wrong.
    func loadStudentModel(_ file: URL) throws -> any Potential {
        let ljOnly = ljOnlyOptionsGiven
        guard ljOnly.isEmpty else {
            throw CommandFailure("\(ljOnly.joined(separator: ", ")) applies to lj only; a student model brings its own cutoff")
        }
        do {
            return try StudentModel.read(from: file).potential()
        } catch let error as StudentModelError {
            throw CommandFailure(error.description)
        } catch {
            throw CommandFailure("\(file.path): \(error)")
        }
    }
}
