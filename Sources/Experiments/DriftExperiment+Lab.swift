import Geometry
import Potentials
import Scenes
import Foundation

extension DriftExperiment {
    /// Run length of the lab's `drift` without a number, ps: short enough to wait for in a lesson.
    public static let labDefaultDuration = 2.0

    /// The models the lab's `drift` compares for `scene`: its six shipped students, or, while they are
    /// missing, the teacher cut at the student's r_c three ways (with a note saying so). Empty when the
    /// scene's potential has one fixed cutoff and no students.
    public static func labCandidates(_ scene: Scene) throws -> (candidates: [DriftCandidate], note: String?) {
        if scene.student != nil, let students = try? studentModels(scene) { return (students, nil) }
        let teachers = try truncatedTeachers(scene)
        let note = teachers.isEmpty ? nil
            : "no student models shipped for \(scene.name) (nnplab train \(scene.name)); comparing the teacher cut three ways"
        return (teachers, note)
    }

    /// The lab's `drift` table: NVE with every model of `scene` for `duration` ps at `timeStep` fs, all
    /// from `system` (the atoms as they are now, velocities included), rendered as `nnplab drift` does.
    public static func labTable(scene: Scene, from system: AtomicSystem, seed: UInt64, timeStep: Double,
                                duration: Double) throws -> [String] {
        guard duration > 0, duration.isFinite else { throw ExerciseError("drift needs a positive length in ps, not \(duration)") }
        let (candidates, note) = try labCandidates(scene)
        guard !candidates.isEmpty else {
            throw ExerciseError("\(scene.name): no models to compare (the scene's potential has one fixed cutoff)")
        }
        let experiment = DriftExperiment(timeStep: timeStep, duration: duration)
        let rows = try experiment.run(candidates, from: [(seed, system)], teacher: try scene.teacherPotential())
        let header = "\(candidates.count) models of \(scene.name), NVE for \(String(format: "%g", duration)) ps at dt "
            + "\(String(format: "%g", timeStep)) fs (\(experiment.stepCount) steps) from the current atoms:"
        let table = try DriftResult.render(rows, as: .table).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init).filter { !$0.isEmpty }
        return (note.map { [$0] } ?? []) + [header] + table
    }
}
