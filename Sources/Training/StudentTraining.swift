import Descriptors
import Geometry
import NeuralNetworks
import Potentials

/// Everything that defines a student model apart from its teacher's data: descriptors, network
/// shape and activation, and the fitting settings. With the same labelled data it yields the same
/// model bit for bit.
public struct StudentDesign: Sendable, Hashable, Codable {
    /// Symmetry functions (their cutoff shape is the lesson's cutoff kind).
    public var symmetryFunctions: SymmetryFunctionSet
    /// Hidden layer widths, e.g. [20, 20]; inputs and the single output are added.
    public var hiddenLayers: [Int]
    /// Activation of every hidden layer (the output is linear).
    public var activation: Activation
    public var settings: TrainingSettings
    /// Seed of the initial weights (network e gets seed + e).
    public var weightSeed: UInt64
    /// Atomic reference energies ε_e in eV, one per element of the set in its order (the teacher's
    /// energy of a lone atom of that element); nil when they are all zero (pair potentials), which
    /// leaves such models' files as they were.
    public var atomicEnergies: [Double]?

    public init(symmetryFunctions: SymmetryFunctionSet, hiddenLayers: [Int], activation: Activation,
                settings: TrainingSettings, weightSeed: UInt64, atomicEnergies: [Double]? = nil) {
        self.symmetryFunctions = symmetryFunctions
        self.hiddenLayers = hiddenLayers
        self.activation = activation
        self.settings = settings
        self.weightSeed = weightSeed
        self.atomicEnergies = atomicEnergies
    }

    /// Fresh networks, one per element of the set.
    public func initialNetworks() throws -> [FeedForwardNetwork] {
        try symmetryFunctions.functions.enumerated().map { e, list in
            try FeedForwardNetwork(layerSizes: [list.count] + hiddenLayers + [1], hidden: activation,
                                   seed: weightSeed &+ UInt64(e))
        }
    }
}

/// Turns labelled configurations into trainer input: descriptors and their sparse derivatives from
/// the NNP's own ``SymmetryFunctionEvaluator``, computed for all configurations on all cores.
/// Throws when a configuration has an element the set does not describe.
public func describe(_ data: [LabelledConfiguration], with set: SymmetryFunctionSet) throws -> [TrainingExample] {
    let evaluator = SymmetryFunctionEvaluator(set)
    let counts = set.functions.map(\.count)
    for c in data {
        for e in c.system.distinctElements where set.index(of: e) == nil {
            throw TrainingError.invalidData("element \(e.symbol) has no symmetry functions")
        }
    }
    let results = parallelMap(data.count) { c -> Result<TrainingExample, any Error> in
        Result {
            let config = data[c]
            let (g, derivatives) = try evaluator.descriptorsAndDerivatives(of: config.system)
            // Every element was checked above.
            let species = config.system.elements.map { set.index(of: $0) ?? 0 }
            let sample = try DescriptorSample(species: species, descriptorCounts: counts, descriptors: g, derivatives: derivatives)
            return try TrainingExample(descriptors: sample, energy: config.energy, forces: config.forces)
        }
    }
    return try results.map { try $0.get() }
}

/// A trained Behler–Parrinello student: everything needed to rebuild its potential bit for bit,
/// with the validation errors it reached.
public struct TrainedStudent: Sendable {
    public var design: StudentDesign
    public var outcome: TrainingOutcome

    /// Trains `design` on labelled examples (from ``describe(_:with:)``).
    public init(design: StudentDesign, examples: [TrainingExample], progress: (EpochReport) -> Void = { _ in }) throws {
        self.design = design
        outcome = try NetworkTrainer(initialNetworks: design.initialNetworks(), settings: design.settings,
                                     atomicEnergies: design.atomicEnergies)
            .train(examples, progress: progress)
    }

    /// The potential: ε_i = σ·N(G̃_i) + μ_s(i) with the trained networks and scaling.
    public func potential() throws -> BehlerParrinelloPotential {
        try Self.potential(design: design, outcome: outcome)
    }

    /// The potential of `design`'s descriptors with `outcome`'s networks, scaling, σ and μ_s = ε_s + Δ
    /// (metal units). Throws when the design's reference energies do not match its elements.
    static func potential(design: StudentDesign, outcome: TrainingOutcome) throws -> BehlerParrinelloPotential {
        let elements = design.symmetryFunctions.elements.count
        if let e = design.atomicEnergies, e.count != elements {
            throw TrainingError.invalidData("\(e.count) atomic reference energies for \(elements) elements")
        }
        return try BehlerParrinelloPotential(
            symmetryFunctions: design.symmetryFunctions, networks: outcome.networks, scaling: outcome.scaling,
            energyScale: outcome.energyScale,
            energyShifts: TrainingOutcome.energyShifts(outcome.energyShift, atomicEnergies: design.atomicEnergies, species: elements))
    }
}
