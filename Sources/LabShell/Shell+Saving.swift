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
            text = ExtendedXYZ.text(Self.labelledFrames(snapshot.trajectory))
            what = "\(snapshot.trajectory.frames.count) frames (every \(snapshot.trajectory.stride) steps"
                + (snapshot.trajectory.droppedFrames > 0 ? ", the latest of the run)" : ")")
        case .log:
            text = Self.csv(snapshot)
            what = "\(snapshot.history.samples.count) energy samples"
                + (snapshot.history.firstOrdinal > 0 ? " (the latest of the run)" : "")
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

    /// The recorded frames in the form `nnplab run --trajectory` writes (``StructureFiles/LabelledStructure/mdFrame(system:energy:forces:step:time:timeStep:model:)``);
    /// when earlier frames were dropped, the first frame's `window` key says so.
    static func labelledFrames(_ recording: TrajectoryRecording) -> [LabelledStructure] {
        var frames = recording.frames.map {
            LabelledStructure.mdFrame(system: $0.system, energy: $0.energy, forces: $0.forces, step: $0.step,
                                      time: $0.time, timeStep: $0.timeStep, model: $0.model)
        }
        if recording.droppedFrames > 0, let first = recording.frames.first, !frames.isEmpty {
            frames[0].info["window"] = "the latest \(recording.frames.count) frames of the run, from step \(first.step); "
                + "\(recording.droppedFrames) earlier frames were dropped"
        }
        return frames
    }

    /// The energy history in the form `nnplab run --log` writes (``Dynamics/EnergySample/csvHeader``), the
    /// setting column naming every setting in force at the sample. When earlier samples were dropped,
    /// a first line `# …` says which window of the run the rows are.
    static func csv(_ snapshot: Snapshot) -> String {
        let history = snapshot.history
        var lines: [String] = []
        if history.firstOrdinal > 0, let first = history.samples.first {
            lines.append("# the latest \(history.samples.count) samples of the run, from step \(first.step) "
                         + "(t = \(first.time) fs); \(history.firstOrdinal) earlier samples were dropped")
        }
        lines.append(EnergySample.csvHeader)
        var marks = history.marks[...]
        var setting = history.settingAtFirstSample
        for sample in history.samples {
            while let mark = marks.first, mark.time <= sample.time {
                setting = mark.setting.isEmpty ? mark.label : mark.setting
                marks = marks.dropFirst()
            }
            lines.append(sample.csvRow(setting: setting))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
