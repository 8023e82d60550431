import Descriptors
import Foundation
import Geometry
import NeuralNetworks
import Potentials
import Training

/// A scene's student recipe with what training it needs besides: the teacher that labels the data
/// and the structure the sampling chains start from. Gives a ``StudentDesign`` for every cutoff
/// kind × activation; everything comes from the scene file, nothing here has defaults of its own.
public struct StudentPlan: Sendable {
    public let sceneName: String
    public let teacher: any Potential
    /// The structure (Å) every Langevin chain starts from: the recipe's ``StudentRecipe/samplingStart``,
    /// else the scene's built structure.
    public let start: AtomicSystem
    /// Symmetry functions, network, sampling and fitting (the scene's, or a variant's:
    /// ``radialOnly()``, ``angular(_:)``, ``reduced(configurations:epochs:)``).
    public let student: StudentRecipe

    /// The design of the model with cutoff `kind` and hidden `activation`. Every model of a scene
    /// starts from the same seed, so they differ only in cutoff and activation. One network per
    /// element; each element's energy shift starts from the teacher's energy of a lone atom of it
    /// (``isolatedAtomEnergies(of:elements:)``; all zero, and so left out, for argon and silicon).
    public func design(_ kind: CutoffKind, _ activation: Activation) throws -> StudentDesign {
        let set = student.symmetryFunctions(kind)
        let reference = try isolatedAtomEnergies(of: teacher, elements: set.elements)
        return StudentDesign(symmetryFunctions: set, hiddenLayers: student.hiddenLayers,
                             activation: activation, settings: student.settings, weightSeed: student.weightSeed,
                             atomicEnergies: reference.allSatisfy { $0 == 0 } ? nil : reference)
    }

    /// Samples and labels the training data with the teacher (deterministic for the recipe's seed).
    public func sample() throws -> [LabelledConfiguration] {
        try student.sampling.sample(teacher: teacher, start: start)
    }
}

extension Scene {
    /// The scene's student recipe ready to train, with its teacher built. Throws a ``SceneError``
    /// for a scene without a `[student]` table (a loaded potential such as water-1080), or whose
    /// structure holds an element the teacher does not describe.
    public func studentPlan() throws -> StudentPlan {
        guard let student else {
            throw SceneError(file: file.path, line: 0,
                             message: "expected a [student] table to train, got none (this scene runs a fixed, loaded potential)")
        }
        let teacher = try teacherPotential()
        let start = student.samplingStart ?? structure
        try checkTeacherDescribes(start, teacher: teacher)
        return StudentPlan(sceneName: name, teacher: teacher, start: start, student: student)
    }

    /// Where the model with `cutoff` and `activation` lives in `folder`, by default the shipped one:
    /// `Scenes/NAME/models/<cutoff>-<activation>.json`.
    public func modelFile(_ cutoff: CutoffKind, _ activation: Activation, in folder: URL? = nil) -> URL {
        (folder ?? modelsDirectory).appendingPathComponent(StudentModel.fileName(cutoff: cutoff, activation: activation))
    }
}
