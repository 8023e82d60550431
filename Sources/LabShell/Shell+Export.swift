import Foundation
import Potentials
import Simulation

extension Shell {
    /// `export FOLDER`: the current network as an n2p2 folder (`input.nn`, `scaling.data`,
    /// `weights.ZZZ.data`), which n2p2 and LAMMPS `pair_style hdnnp` read. Refuses a model n2p2 cannot
    /// express (the kinked cutoff) with the reason, a teacher (no network), and replacing existing
    /// files unless `overwrite`.
    func export(to path: String, overwrite: Bool, from snapshot: Snapshot) -> ShellReply {
        guard let network = Self.network(in: snapshot.potential) else {
            return .error("export: there is no network to export: \(snapshot.sceneName) runs \(snapshot.modelSummary)")
        }
        let files: [(String, String)]
        do {
            files = try N2P2PotentialExporter.render(network)
        } catch {
            return .error("export: \(snapshot.choice): \(error)")
        }
        let folder = Self.fileURL(path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            return .error("export: \(path) is a file; give the name of a folder")
        }
        let existing = files.map(\.0).filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
        if !overwrite, let first = existing.first {
            return .error("export: \(path) already holds \(first); use export! or --force to replace it")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in files {
                try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
        } catch {
            return .error("export: cannot write \(path): \(error.localizedDescription)")
        }
        return ShellReply(lines: ["exported \(snapshot.choice) to \(path): \(files.map(\.0).joined(separator: ", ")) "
                                  + "(n2p2 and LAMMPS pair_style hdnnp read it)"])
    }

    /// The network behind `potential`: a Behler–Parrinello potential, possibly converted to Å and eV.
    static func network(in potential: any Potential) -> BehlerParrinelloPotential? {
        if let network = potential as? BehlerParrinelloPotential { return network }
        return (potential as? UnitConvertedPotential)?.inner as? BehlerParrinelloPotential
    }

    /// `path` with `~` expanded, as a file URL.
    static func fileURL(_ path: String) -> URL { URL(fileURLWithPath: (path as NSString).expandingTildeInPath) }
}
