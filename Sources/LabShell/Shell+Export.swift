import Foundation
import Potentials
import Simulation
import StructureFiles

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
        // Nothing the user made is written into: a folder that holds anything (`export /`, a home
        // folder, an earlier export) is refused unless asked.
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        if !overwrite, !entries.isEmpty {
            let first = entries.sorted()[0]
            return .error("export: \(path) is not empty (it holds \(first)\(entries.count > 1 ? " and \(entries.count - 1) more" : "")); "
                          + "use export! or --force to write into it")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return .error("export: cannot create the folder \(path)")
        }
        do {
            for (name, text) in files { try TextFile.write(text, to: folder.appendingPathComponent(name).path) }
        } catch let error as TextFileError {
            return .error("export: \(error)")
        } catch {
            return .error("export: cannot write \(path)")
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
