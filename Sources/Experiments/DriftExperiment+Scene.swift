import Descriptors
import Foundation
import Geometry
import Potentials
import Scenes
import Training
import NeuralNetworks

extension DriftExperiment {
    /// The scene's defaults: its time step and drift length, overridden where given (Δt fs, time ps).
    public init(scene: Scene, timeStep: Double? = nil, duration: Double? = nil) {
        self.init(timeStep: timeStep ?? scene.md.timeStep, duration: duration ?? scene.md.driftTime,
                  teacherStride: scene.md.teacherInterval)
    }

    /// The initial states of `seeds` runs: the scene's seed, then the next ones (each equilibrated
    /// with the teacher from its own Maxwell-Boltzmann velocities).
    public static func initialStates(_ scene: Scene, teacher: any Potential, seeds: Int) throws
        -> [(seed: UInt64, system: AtomicSystem)] {
        try (0..<max(seeds, 1)).map { k in
            let seed = scene.md.seed + UInt64(k)
            return (seed, try scene.initialState(teacher: teacher, seed: seed))
        }
    }

    /// The exact teacher cut at the student's r_c in each of the three ways, labelled activation
    /// "teacher": what the cutoff alone does to energy conservation, with no network at all.
    /// Empty when the teacher cannot be re-cut (only Lennard-Jones can) or the scene has no student.
    public static func truncatedTeachers(_ scene: Scene) throws -> [DriftCandidate] {
        guard let rc = scene.student?.cutoff else { return [] }
        return try CutoffKind.allCases.compactMap { kind in
            try scene.teacherTruncated(at: rc, kind).map { DriftCandidate(cutoff: kind, activation: "teacher", potential: $0) }
        }
    }

    /// The scene's student models in the order step, kinked, smooth × relu, tanh, with their
    /// validation RMSEs: the shipped ones (`Scenes/NAME/models/<cutoff>-<activation>.json`) or those
    /// in `folder`. Empty for a scene without a student; throws ``StudentModelError`` when a model
    /// file is missing or unreadable.
    public static func studentModels(_ scene: Scene, folder: URL? = nil) throws -> [DriftCandidate] {
        guard scene.student != nil else { return [] }
        return try ModelChoice.all.map { v in
            guard let model = try scene.shippedModel(v.cutoff, v.activation, in: folder) else {
                throw StudentModelError(path: scene.modelFile(v.cutoff, v.activation, in: folder).path,
                                        message: "no such model file (run `nnplab train \(scene.name)` to make it)")
            }
            return DriftCandidate(cutoff: v.cutoff, activation: v.activation.rawValue, potential: try model.potential(),
                                  validationEnergyRMSE: model.validationEnergyRMSE,
                                  validationForceRMSE: model.validationForceRMSE)
        }
    }
}
