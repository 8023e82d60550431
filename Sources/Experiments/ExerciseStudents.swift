import Descriptors
import Geometry
import NeuralNetworks
import Potentials
import Scenes
import Training

/// The scene-derived pieces the exercises build their own small students from: symmetry-function
/// sets (with or without the angular part), teacher data plans, and untrained networks.
/// (Shipped, fully trained models are the `models` work; the checks only need quick ones.)
enum ExerciseStudents {
    /// The elements a scene's atoms have (by atomic number).
    static func elements(of scene: Scene) throws -> [Element] { try scene.builtStructure().distinctElements }

    /// The scene's student descriptors as a set for `elements`: radial G2 for every neighbour element
    /// and, when `angular`, G4 for every neighbour pair; cutoff shape from the lesson's `kind`.
    /// `wideAngular` uses the wide form (n2p2 type 9, Behler's G5: no f_c(R_jk) and no R_jk term), which
    /// sees the angle between two neighbours even when they are farther than r_c from each other.
    static func symmetryFunctions(_ spec: DescriptorSpec, elements: [Element], kind: CutoffKind = .smooth,
                                  angular: Bool = true, wideAngular: Bool = false) throws -> SymmetryFunctionSet {
        var byElement: [Element: [SymmetryFunction]] = [:]
        for centre in elements {
            var list: [SymmetryFunction] = []
            for neighbour in elements {
                list += spec.radial.map { .radial(.init(neighbor: neighbour, eta: $0.eta, shift: $0.center, cutoff: spec.cutoff)) }
            }
            if angular {
                for (a, first) in elements.enumerated() {
                    for second in elements[a...] {
                        list += spec.angular.map {
                            let p = SymmetryFunction.Angular(neighbors: first, second, eta: $0.eta, lambda: $0.lambda,
                                                             zeta: $0.zeta, cutoff: spec.cutoff)
                            return wideAngular ? .wideAngular(p) : .narrowAngular(p)
                        }
                    }
                }
            }
            byElement[centre] = list
        }
        return try SymmetryFunctionSet(cutoffShape: CutoffShape(kind), functions: byElement)
    }

    /// The scene's student descriptors, or an error naming the scene when it has no student.
    static func descriptorSpec(_ scene: Scene) throws -> DescriptorSpec {
        guard let spec = scene.student?.descriptors else {
            throw ExerciseError("\(scene.name) has no student NNP (its potential is loaded, not trained)")
        }
        return spec
    }

    /// The scene's teacher-sampling recipe with `configurations` samples and `noise` on the labels.
    static func sampling(_ scene: Scene, configurations: Int, noise: LabelNoise = .none,
                         equilibrationSteps: Int = 300, stepsBetweenSamples: Int = 20) throws -> TeacherSampling {
        guard let recipe = scene.student?.training else {
            throw ExerciseError("\(scene.name) has no training recipe")
        }
        return TeacherSampling(temperatures: recipe.temperatures, configurations: configurations,
                               timeStep: scene.md.timeStep, equilibrationSteps: equilibrationSteps,
                               stepsBetweenSamples: stepsBetweenSamples, rattle: recipe.rattle,
                               strain: recipe.strain, noise: noise, seed: recipe.seed)
    }

    /// A Behler–Parrinello potential with `set`, seeded random weights and input scaling from the G
    /// range of `reference` (so inputs are of order one): any weights give an NNP whose invariances
    /// come from its descriptors alone.
    static func untrainedPotential(_ set: SymmetryFunctionSet, hidden: [Int], activation: Activation = .tanh,
                                   reference: AtomicSystem, seed: UInt64) throws -> BehlerParrinelloPotential {
        let networks = try set.functions.enumerated().map { e, list in
            try FeedForwardNetwork(layerSizes: [list.count] + hidden + [1], hidden: activation, seed: seed &+ UInt64(e))
        }
        let g = try SymmetryFunctionEvaluator(set).descriptors(of: reference)
        let statistics = set.elements.enumerated().map { e, element in
            (0..<set.count(forElementAt: e)).map { s -> SymmetryFunctionStatistics in
                let values = (0..<reference.count).filter { reference.elements[$0] == element }.map { g[$0][s] }
                let lo = values.min() ?? 0, hi = values.max() ?? 1
                return SymmetryFunctionStatistics(minimum: lo, maximum: hi > lo ? hi : lo + 1, mean: (lo + hi) / 2, sigma: 1)
            }
        }
        let scaling = try DescriptorScaling(mode: .scale, targetMinimum: -1, targetMaximum: 1, statistics: statistics)
        return try BehlerParrinelloPotential(symmetryFunctions: set, networks: networks, scaling: scaling, energyScale: 0.1)
    }
}

/// An exercise that cannot run on what it was given, in one line.
public struct ExerciseError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
