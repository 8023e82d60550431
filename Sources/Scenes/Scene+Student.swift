import Descriptors
import Foundation
import Geometry
import NeuralNetworks
import Potentials
import Training

/// A scene's student recipe mapped onto the Training module: the teacher, the structure the sampling
/// chains start from, the sampling plan, and a ``StudentDesign`` for every cutoff kind × activation.
/// Everything comes from the scene file's `[student]` tables; nothing here has defaults of its own.
public struct StudentPlan: Sendable {
    public let sceneName: String
    public let teacher: any Potential
    /// The scene's built structure (Å), from which every Langevin chain starts.
    public let start: AtomicSystem
    public let sampling: TeacherSampling
    public let student: StudentSpec
    /// Elements the student describes (those of ``start``, by atomic number).
    public let elements: [Element]

    /// The scene's symmetry functions with cutoff shape `kind`: every radial function for every
    /// neighbour element, every angular function (narrow or wide, as the scene says) for every pair
    /// of neighbour elements.
    public func symmetryFunctions(_ kind: CutoffKind) throws -> SymmetryFunctionSet {
        let d = student.descriptors
        var byElement = [Element: [SymmetryFunction]]()
        for centre in elements {
            var list: [SymmetryFunction] = []
            for j in elements {
                list += d.radial.map { .radial(.init(neighbor: j, eta: $0.eta, shift: $0.center, cutoff: d.cutoff)) }
            }
            for (a, j) in elements.enumerated() {
                for k in elements[a...] {
                    list += d.angular.map { $0.symmetryFunction(neighbors: j, k, cutoff: d.cutoff) }
                }
            }
            byElement[centre] = list
        }
        return try SymmetryFunctionSet(cutoffShape: CutoffShape(kind), functions: byElement)
    }

    /// The fitting settings of the recipe (no patience: every epoch runs).
    public var settings: TrainingSettings {
        let r = student.training
        return TrainingSettings(epochs: r.epochs, batchSize: r.batchSize, learningRate: r.learningRate,
                                finalLearningRateFraction: r.finalLearningRateFraction, forceWeight: r.forceWeight,
                                l2: r.l2, validationFraction: r.validationFraction, patience: r.patience ?? r.epochs,
                                scaling: .scale, seed: r.seed)
    }

    /// The design of the model with cutoff `kind` and hidden `activation`. Every model of a scene
    /// starts from the same seed, so they differ only in cutoff and activation. One network per
    /// element; each element's energy shift starts from the teacher's energy of a lone atom of it
    /// (``isolatedAtomEnergies(of:elements:)``; all zero, and so left out, for argon and silicon).
    public func design(_ kind: CutoffKind, _ activation: Activation) throws -> StudentDesign {
        let set = try symmetryFunctions(kind)
        let reference = try isolatedAtomEnergies(of: teacher, elements: set.elements)
        return StudentDesign(symmetryFunctions: set, hiddenLayers: student.hiddenLayers,
                             activation: activation, settings: settings, weightSeed: student.training.seed,
                             atomicEnergies: reference.allSatisfy { $0 == 0 } ? nil : reference)
    }

    /// Samples and labels the training data with the teacher (deterministic for the recipe's seed).
    public func sample() throws -> [LabelledConfiguration] {
        try sampling.sample(teacher: teacher, start: start)
    }
}

extension Scene {
    /// The scene's student recipe ready to train. Throws a ``SceneError`` for a scene without a
    /// `[student]` table (a loaded potential such as water).
    public func studentPlan() throws -> StudentPlan {
        guard let student else {
            throw SceneError(file: file.path, line: 0,
                             message: "expected a [student] table to train, got none (this scene runs a fixed, loaded potential)")
        }
        let start = try builtStructure()
        let teacher = try teacherPotential()
        try checkTeacherDescribes(start, teacher: teacher)
        let r = student.training
        let sampling = TeacherSampling(
            temperatures: r.temperatures, configurations: r.configurations, timeStep: r.sampleTimeStep,
            friction: r.sampleFriction, equilibrationSteps: r.sampleEquilibrationSteps,
            stepsBetweenSamples: r.sampleInterval, rattle: r.rattle, strain: r.strain,
            perturbedFraction: r.perturbedFraction,
            noise: LabelNoise(energyPerAtom: r.energyNoise / 1000, force: r.forceNoise / 1000), seed: r.seed)
        return StudentPlan(sceneName: name, teacher: teacher, start: start, sampling: sampling,
                           student: student, elements: start.distinctElements.sorted())
    }

    /// Where the model with `cutoff` and `activation` lives in `folder`, by default the shipped one:
    /// `Scenes/NAME/models/<cutoff>-<activation>.json`.
    public func modelFile(_ cutoff: CutoffKind, _ activation: Activation, in folder: URL? = nil) -> URL {
        (folder ?? modelsDirectory).appendingPathComponent(StudentModel.fileName(cutoff: cutoff, activation: activation))
    }
}

extension DescriptorSpec.AngularFunction {
    /// This function for neighbours of elements `j` and `k` with cutoff `cutoff` (Å): n2p2 type 3
    /// (narrow) or type 9 (wide), same η, ζ, λ.
    public func symmetryFunction(neighbors j: Element, _ k: Element, cutoff: Double) -> SymmetryFunction {
        let p = SymmetryFunction.Angular(neighbors: j, k, eta: eta, lambda: lambda, zeta: zeta, cutoff: cutoff)
        return switch form {
        case .narrow: .narrowAngular(p)
        case .wide: .wideAngular(p)
        }
    }
}
