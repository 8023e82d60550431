import Experiments
import Foundation
import Simulation
import Geometry
import Dynamics
import Scenes

/// Carries out the lab's commands against a backend: the one executor behind the `:` line and
/// `nnplab repl`.
public struct Shell: Sendable {
    /// Where `load SCENE` finds scenes.
    public var scenes: any SceneSource
    /// Where `lesson NAME` finds lessons.
    public var lessons: URL

    public init(scenes: any SceneSource, lessons: URL = Lesson.directory) {
        self.scenes = scenes
        self.lessons = lessons
    }

    /// For completion on the `:` line.
    public var completer: Completer {
        var completer = Completer(sceneNames: scenes.sceneNames, exerciseNames: Exercise.allCases.map(\.rawValue))
        completer.lessonNames = Lesson.names(in: lessons)
        return completer
    }

    /// Parses and carries out one line; blank lines and comments give an empty reply.
    public func execute(line: String, on backend: inout some LabBackend) -> ShellReply {
        do {
            guard let command = try LabCommand.parse(line) else { return ShellReply(lines: []) }
            return execute(command, on: &backend)
        } catch {
            return .error(error.message)
        }
    }

    /// Carries out `command`.
    public func execute(_ command: LabCommand, on backend: inout some LabBackend) -> ShellReply {
        switch command {
        case let .help(topic): return ShellReply(lines: Self.help(topic))
        case let .load(name):
            do {
                return reply(backend.perform(.load(try scenes.catalog(named: name))))
            } catch {
                return .error("load: \(error)")
            }
        case let .set(setting): return reply(backend.perform(setting.command))
        case let .run(steps): return reply(backend.perform(.run(steps: steps)))
        case .pause: return reply(backend.perform(.pause))
        case .resume: return reply(backend.perform(.resume))
        case .reset: return reply(backend.perform(.reset))
        case .status: return ShellReply(lines: Self.status(backend.snapshot()))
        case .check(nil): return ShellReply(lines: Self.exerciseList())
        case let .check(exercise?): return Self.check(exercise, in: backend.snapshot())
        case .messages:
            var reply = ShellReply(lines: ["(every message is printed as it comes here)"])
            reply.showsMessageLog = true
            return reply
        case let .lesson(name):
            do {
                let lesson = try Lesson.load(name, in: lessons)
                var reply = ShellReply(lines: ["lesson \(lesson.name): \(lesson.title) (\(lesson.steps.count) steps)"])
                reply.lesson = lesson
                return reply
            } catch {
                return .error("lesson: \(error)")
            }
        case let .compare(models):
            if backend.snapshot().compared != nil, models.isEmpty { return reply(backend.perform(.endCompare(keeping: 0))) }
            return reply(backend.perform(.startCompare(models)))
        case let .drift(picoseconds): return Self.drift(picoseconds: picoseconds, from: backend.snapshot())
        case let .save(target, path, overwrite):
            return save(target, to: path, overwrite: overwrite, from: backend.snapshot())
        case let .export(path, overwrite): return export(to: path, overwrite: overwrite, from: backend.snapshot())
        case .quit: return ShellReply(lines: [], quit: true)
        }
    }

    private func reply(_ message: LabMessage?) -> ShellReply {
        guard let message else { return ShellReply(lines: []) }
        return ShellReply(lines: [message.text], isError: message.isError)
    }

    /// The `help` text: every command, or one command's usage and meaning.
    public static func help(_ topic: Verb?) -> [String] {
        if let topic { return ["\(topic.usage): \(topic.meaning)"] }
        let width = Verb.allCases.map(\.usage.count).max() ?? 0
        return Verb.allCases.map { $0.usage.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.meaning }
    }

    /// The `status` lines: scene and model, settings, time, energies, conservation since the last
    /// change, the view's speed and the extrapolation watch.
    public static func status(_ s: Snapshot) -> [String] {
        let n = Double(max(s.system.count, 1))
        let watch = s.extrapolationSummary.map { "extrapolation: \($0)" }
            ?? "extrapolation: not watched (\(s.modelSummary) has no training range)"
        return [
            "scene \(s.sceneName): \(s.system.count) atoms, \(s.modelSummary)",
            "cutoff: \(s.choice.cutoff)  activation: \(s.choice.activation)  dt \(formattedTime(s.settings.timeStep)) fs  "
                + "T \(fixed(s.temperature, 1)) K (target \(fixed(s.settings.temperature, 0)) K)  \(s.settings.thermostat)  seed \(s.settings.seed)",
            "step \(s.step)  t \(fixed(s.time / 1000, 3)) ps  \(s.runState)"
                + (s.stepsPerSecond > 0 ? "  \(fixed(s.stepsPerSecond, 0)) steps/s" : ""),
            "E \(fixed(s.totalEnergy / n * 1000, 4)) meV/atom  K \(fixed(s.kineticEnergy / n * 1000, 4))  "
                + "U \(fixed(s.potentialEnergy / n * 1000, 4))  RMS ΔE \(fixed(s.history.rmsDeviationPerAtom, 6)) meV/atom",
        ] + conservation(s) + ["view speed \(s.pace) (set speed PS_PER_S|max; < and > in the view)", watch]
    }

    /// Conservation of E_total since the last setting change (part of `status`): every figure comes
    /// from the readout's running statistics, so all cover the same window, named in the first line.
    static func conservation(_ s: Snapshot) -> [String] {
        let r = s.history.report
        guard r.sampleCount > 1 else { return ["conservation: no steps since the last change yet"] }
        let n = Double(max(s.system.count, 1))
        let start = s.time - r.duration
        let since = s.history.marks.last.map { "since \($0.label) at \(fixed($0.time / 1000, 3)) ps" } ?? "since the start"
        return [
            "\(s.choice) \(since), \(r.sampleCount) samples from t \(fixed(start / 1000, 3)) to \(fixed(s.time / 1000, 3)) ps "
                + "(\(fixed(r.duration / 1000, 3)) ps):",
            "RMS of E_total - E_total(t0): \(fixed(r.rmsDeviationPerAtom, 6)) meV/atom; "
                + "net change \(fixed((r.finalTotalEnergy - r.initialTotalEnergy) / n * 1000, 6)) meV/atom; "
                + "largest single-step change \(fixed(r.largestStepChange, 4)) meV",
        ]
    }
}
