import Geometry
import Potentials
import Scenes
import Descriptors

extension InvarianceCheck {
    /// The NNP the check examines for `scene`, unless the caller passes one: the scene's shipped
    /// smooth + tanh student (what the lab opens on), the scene's own potential when it is an NNP
    /// (water), else the student design with seeded random weights (invariance comes from the
    /// descriptors, whatever the weights).
    public static func nnp(for scene: Scene, seed: UInt64 = 1) throws -> any Potential {
        if let shipped = try scene.shippedStudent() { return shipped }
        guard let student = scene.student else {
            let teacher = try scene.teacherPotential()
            guard teacher is any ExtrapolationDetecting else {
                throw ExerciseError("\(scene.name) has neither a student nor an NNP teacher to check")
            }
            return teacher
        }
        return try ExerciseStudents.untrainedPotential(student.symmetryFunctions(.smooth), hidden: student.hiddenLayers,
                                                       reference: scene.structure.rattled(sigma: 0.1, seed: seed), seed: seed)
    }

    /// The check on `scene`: its structure rattled by 0.1 Å (so forces are not zero by symmetry),
    /// `potential` (default ``nnp(for:seed:)``), and a tetrahedron with edge 0.6 r_c.
    public static func run(scene: Scene, potential: (any Potential)? = nil, seed: UInt64 = 1) throws -> InvarianceCheck {
        let model = try potential ?? nnp(for: scene, seed: seed)
        let structure = scene.structure.rattled(sigma: 0.1, seed: seed &+ 1)
        let edge = 0.6 * model.cutoff
        let cartesian = try CartesianModel(atomCount: 4, lengthScale: edge, energyScale: 1, seed: seed &+ 2)
        return try run(model, structure: structure, edge: edge, cartesian: cartesian, seed: seed)
    }
}
