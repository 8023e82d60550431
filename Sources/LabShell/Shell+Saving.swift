import Canvas
import Foundation
import Simulation
import StructureFiles
import Dynamics
import Geometry
import Experiments

extension Shell {
    /// Writes `target` to `path`, refusing to replace an existing file unless `overwrite`.
    func save(_ target: SaveTarget, to path: String, overwrite: Bool, from snapshot: Snapshot) -> ShellReply {
        let url = Self.fileURL(path)
        if !overwrite, FileManager.default.fileExists(atPath: url.path) {
            return .error("save: \(path) exists; use save! or --force to replace it")
        }
        let text: String
        let what: String
        switch target {
        case .trajectory:
            guard !snapshot.trajectory.frames.isEmpty else { return .error("save: no frames recorded yet") }
            text = ExtendedXYZ.text(snapshot.trajectory.frames.map(Self.labelled))
            what = "\(snapshot.trajectory.frames.count) frames (every \(snapshot.trajectory.stride) steps)"
        case .log:
            text = Self.csv(snapshot)
            what = "\(snapshot.history.samples.count) energy samples"
        case .plot:
            let trace = EnergyTrace(history: snapshot.history, atomCount: snapshot.system.count)
            text = trace.svgDocument(title: "\(snapshot.sceneName): \(snapshot.choice), dt \(formattedTime(snapshot.settings.timeStep)) fs")
            what = "the energy plot (\(snapshot.history.samples.count) samples)"
        }
        do {
            try TextFile.write(text, to: url.path)
        } catch let error as TextFileError {
            return .error("save: \(path): \(error.reason)")
        } catch {
            return .error("save: cannot write \(path)")
        }
        return ShellReply(lines: ["saved \(what) to \(path)"])
    }

    static func labelled(_ frame: TrajectoryFrame) -> LabelledStructure {
        LabelledStructure(system: frame.system, energy: frame.energy, forces: frame.forces,
                          comment: "step=\(frame.step) time=\(frame.time)")
    }

    /// The energy history as CSV: time (fs), kinetic, potential and total energy (eV), and the
    /// setting in force (the label of the last mark at or before the sample).
    static func csv(_ snapshot: Snapshot) -> String {
        var lines = ["time_fs,kinetic_eV,potential_eV,total_eV,setting"]
        var marks = snapshot.history.marks[...]
        var setting = "start"
        for sample in snapshot.history.samples {
            while let mark = marks.first, mark.time <= sample.time {
                setting = mark.label
                marks = marks.dropFirst()
            }
            lines.append("\(sample.time),\(sample.kinetic),\(sample.potential),\(sample.total),\(setting)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
