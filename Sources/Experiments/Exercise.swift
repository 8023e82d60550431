import Geometry
import Potentials
import Scenes

/// The lessons' exercises by name: what `check NAME` runs in the lab, with the same defaults, code
/// and words-and-numbers report as `nnplab check NAME`.
public enum Exercise: String, CaseIterable, Sendable {
    case invariance, extensivity, completeness, noise, timestep, forces

    /// What the exercise shows, in one line.
    public var meaning: String {
        switch self {
        case .invariance: "translation, rotation and permutation invariance; a raw-coordinate network's spurious forces"
        case .extensivity: "E(A+B) = E(A) + E(B) for two pieces beyond r_c (the current model)"
        case .completeness: "two environments one radial fingerprint cannot tell apart; radial vs angular students (silicon)"
        case .noise: "noisy labels: energy-only vs forces + L2 students (trains three small models)"
        case .timestep: "energy fluctuation against dt (log-log) of the scene's students: slope 2 smooth, 0 step, ~1 kinks"
        case .forces: "analytic forces of the current model against finite differences, and their cost"
        }
    }

    /// Whether it trains networks or runs many MD runs (seconds, not milliseconds, in a release build).
    public var isLong: Bool { self != .extensivity }

    /// Where an exercise runs in the lab: the scene (nil for a built-in scene without a file), the
    /// model now driving the dynamics and the atoms as they are now (Å, Å/fs, amu).
    public struct Context: Sendable {
        public var scene: Scene?
        public var model: any Potential
        public var system: AtomicSystem
        public init(scene: Scene?, model: any Potential, system: AtomicSystem) {
            self.scene = scene
            self.model = model
            self.system = system
        }
    }

    /// Runs the exercise with the `nnplab check` defaults and returns its report. Scene exercises
    /// (invariance, completeness, noise, timestep) use the scene; extensivity uses the current model on
    /// the scene's structure; forces the current model on the current atoms. `progress` gets a line
    /// per stage of the long ones.
    public func report(in context: Context, progress: (String) -> Void = { _ in }) throws -> String {
        func scene() throws -> Scene {
            guard let scene = context.scene else {
                throw ExerciseError("check \(rawValue) needs a scene file (load one of the scenes first)")
            }
            return scene
        }
        switch self {
        case .forces:
            let check = try ForceCheck.run(context.model, on: context.system)
            return "current atoms (\(context.system.count)); potential: \(context.model.summary)\n" + check.report
        case .invariance:
            // The model now driving the dynamics, when it is a network; otherwise the scene's.
            let network = context.model is any ExtrapolationDetecting ? context.model : nil
            return try InvarianceCheck.run(scene: scene(), potential: network).report
        case .extensivity: return try ExtensivityCheck.run(scene: scene(), potential: context.model).report
        case .completeness:
            return try CompletenessCheck.run(scene: scene(), plan: CompletenessCheck.TrainingPlan(), progress: progress).report
        case .noise: return try NoiseCheck.run(scene: scene(), plan: NoiseCheck.Plan(), progress: progress).report
        case .timestep: return try TimestepCheck.run(scene: scene(), progress: progress).report
        }
    }
}
