import Descriptors
import Geometry
import NeuralNetworks
import Potentials

/// Untrained students for the exercises that need a network but not a fitted one (invariance,
/// extrapolation warnings). Trained ones come from the scene's recipe: ``Scene/studentPlan()``.
enum ExerciseStudents {
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
