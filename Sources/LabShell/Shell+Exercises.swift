import Experiments
import Simulation
import Foundation
import Geometry

extension Shell {
    /// `check` without a name: every exercise and what it shows.
    static func exerciseList() -> [String] {
        let width = Exercise.allCases.map(\.rawValue.count).max() ?? 0
        return ["exercises (check NAME; the same as nnplab check NAME, on this scene):"]
            + Exercise.allCases.map { "  " + $0.rawValue.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.meaning }
    }

    /// `check NAME` as a job: the exercise on the scene, model and atoms of `snapshot`.
    static func check(_ exercise: Exercise, in snapshot: Snapshot) -> ShellReply {
        let context = Exercise.Context(scene: snapshot.sourceScene, model: snapshot.potential, system: snapshot.system)
        return .later(ShellJob(title: "check \(exercise.rawValue)") { progress in
            do {
                return ShellReply(lines: try exercise.report(in: context, progress: progress).split(
                    separator: "\n", omittingEmptySubsequences: false).map(String.init))
            } catch {
                return .error("check \(exercise.rawValue): \(error)")
            }
        })
    }

    /// `drift [PS]` as a job: every model of the scene from the atoms of `snapshot`, NVE at its Δt.
    static func drift(picoseconds: Double?, from snapshot: Snapshot) -> ShellReply {
        guard let scene = snapshot.sourceScene else {
            return .error("drift: \(snapshot.sceneName) is a built-in scene without models to compare; load a scene file")
        }
        if case let .paused(.exploded(why)) = snapshot.runState {
            return .error("drift: the run blew up (\(why)); reset first")
        }
        let duration = picoseconds ?? DriftExperiment.labDefaultDuration
        let system = snapshot.system, seed = snapshot.settings.seed, dt = snapshot.settings.timeStep
        return .later(ShellJob(title: "drift \(formattedTime(duration)) ps") { _ in
            do {
                return ShellReply(lines: try DriftExperiment.labTable(scene: scene, from: system, seed: seed,
                                                                      timeStep: dt, duration: duration))
            } catch {
                return .error("drift: \(error)")
            }
        })
    }
}
