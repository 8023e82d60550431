import Geometry
import Potentials
import Scenes

extension ExtensivityCheck {
    /// The exercise on a scene: two halves of its structure as free clusters A and B, set beyond the
    /// potential's r_c (r_c + 0.5 Å: the energies add) and, for contrast, within it (0.6 r_c: they need not).
    public struct SceneExercise: Sendable, Equatable {
        public var potentialSummary: String
        /// Beyond r_c first, then within it.
        public var checks: [ExtensivityCheck]

        /// What the exercise shows, in words and numbers.
        public var report: String { ([potentialSummary] + checks.map(\.report)).joined(separator: "\n") }
    }

    /// Runs the exercise on `scene`'s built structure with `potential` (default: the scene's shipped
    /// smooth + tanh student, else its teacher).
    public static func run(scene: Scene, potential: (any Potential)? = nil) throws -> SceneExercise {
        let model = try potential ?? scene.shippedStudent() ?? scene.teacherPotential()
        let whole = scene.structure
        guard whole.count >= 2 else { throw ExerciseError("\(scene.name) has fewer than two atoms to split in two") }
        let half = whole.count / 2
        func piece(_ range: Range<Int>) throws -> AtomicSystem {
            try AtomicSystem(elements: Array(whole.elements[range]), positions: Array(whole.positions[range]),
                             masses: Array(whole.masses[range]), cell: nil)
        }
        let a = try piece(0..<half), b = try piece(half..<whole.count)
        let checks = try [model.cutoff + 0.5, 0.6 * model.cutoff].map { try run(model, a: a, b: b, separation: $0) }
        return SceneExercise(potentialSummary: "\(scene.name): \(model.summary)", checks: checks)
    }
}
