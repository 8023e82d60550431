import ArgumentParser
import Descriptors
import Foundation
import Geometry
import Potentials

extension CutoffKind: ExpressibleByArgument {}

/// The `--potential` option and its parameters, shared by every command that evaluates a potential.
///
/// `lj`: Lennard-Jones argon (ε 0.0104 eV, σ 3.40 Å, r_c 8.5 Å) cut the `--cutoff` way (default
/// smooth), with `--epsilon`, `--sigma`, `--rc`, `--element` overriding. `sw`: Stillinger-Weber silicon (1985).
struct PotentialChoice: ParsableArguments {
    @Option(help: ArgumentHelp("The potential: lj (Lennard-Jones argon), sw (Stillinger-Weber silicon), or an n2p2 potential folder (input.nn, scaling.data, weights.ZZZ.data).",
                               valueName: "lj|sw|FOLDER"))
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
            do {
                return try LennardJones(epsilon: epsilon ?? 0.0104, sigma: sigma ?? 3.40, cutoff: rc ?? 8.5,
                                        truncation: cutoff ?? .smooth, element: species)
            } catch {
                throw CommandFailure("\(error)")
            }
        case "sw":
            let ljOnly = ljOnlyOptionsGiven
            guard ljOnly.isEmpty else {
                throw CommandFailure("\(ljOnly.joined(separator: ", ")) applies to lj only; Stillinger-Weber has its own smooth cutoff")
            }
            return StillingerWeber()
        default:
            if let folder = n2p2Folder { return try loadN2P2(folder, units: units, integrating: integrating) }
            throw CommandFailure("unknown potential '\(potential)' (expected lj, sw or an n2p2 folder with input.nn)")
        }
    }

    /// The Lennard-Jones-only options given on the command line (e.g. ["--rc"]), for other potentials to reject.
    var ljOnlyOptionsGiven: [String] {
        [("--epsilon", epsilon != nil), ("--sigma", sigma != nil), ("--rc", rc != nil),
         ("--cutoff", cutoff != nil), ("--element", element != nil)].filter(\.1).map(\.0)
    }
}

extension PotentialChoice {
    /// The folder `--potential` names when it is an n2p2 potential (a directory holding input.nn).
    var n2p2Folder: URL? {
        var isDirectory: ObjCBool = false
        let url = URL(fileURLWithPath: potential)
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue,
              FileManager.default.fileExists(atPath: url.appendingPathComponent("input.nn").path) else { return nil }
        return url
    }

    /// Loads an n2p2 folder; it is evaluated in its own units, which a note on stderr names, and n2p2's
    /// warnings about it go to stderr too.
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
        let loaded = read.potential
        if !read.unitsEstablished {
            printToStandardError("note: \(folder.lastPathComponent) does not declare its units: positions are read, and "
                + "energies and forces written, in the units it was trained in")
        } else if loaded.units != .metal {
            printToStandardError("note: \(folder.lastPathComponent) works in \(loaded.units.lengthName) and "
                + "\(loaded.units.energyName): positions are read, and energies and forces written, in those units")
        }
        return loaded
    }
}
