import Descriptors
import Geometry
import Training

/// The student NNP a scene describes, as the Training module's own values: the symmetry functions
/// for the scene's elements, the hidden layers, how the teacher's configurations are sampled and
/// how the networks are fitted. Made once when the scene loads, from its `[student]` tables.
public struct StudentRecipe: Sendable, Equatable {
    /// Every symmetry function of every element of the scene's structure (radial functions for every
    /// neighbour element, angular ones for every pair of neighbour elements; r_c and r_s in Å, η in
    /// Å⁻²), with the smooth (cosine) cutoff shape; ``symmetryFunctions(_:)`` gives any other.
    public var symmetryFunctions: SymmetryFunctionSet
    /// Hidden layer widths; the input width is the number of symmetry functions, the output 1.
    public var hiddenLayers: [Int]
    /// The teacher MD that samples and labels the training configurations (K, fs, 1/fs, Å).
    public var sampling: TeacherSampling
    /// The fitting: epochs, Adam, loss weights, validation split. A scene without `patience` runs
    /// every epoch (patience = epochs). Its seed is the scene's one training seed, which also seeds
    /// the sampling and the initial weights.
    public var settings: TrainingSettings
    /// The structure (Å) every sampling chain starts from when it is not the scene's own
    /// (`[student.training.start]`), nil for the scene's. Why a scene names one: the lesson may start
    /// from a relaxed box while the students must also learn the close contacts of an unrelaxed one.
    public var samplingStart: AtomicSystem?

    public init(symmetryFunctions: SymmetryFunctionSet, hiddenLayers: [Int], sampling: TeacherSampling,
                settings: TrainingSettings, samplingStart: AtomicSystem? = nil) {
        self.symmetryFunctions = symmetryFunctions.withCutoffShape(Self.canonicalShape)
        self.hiddenLayers = hiddenLayers
        self.sampling = sampling
        self.settings = settings
        self.samplingStart = samplingStart
    }

    /// The cutoff shape ``symmetryFunctions`` is kept in: the lab's `smooth`.
    public static let canonicalShape = CutoffShape(.smooth)

    /// The symmetry functions with the cutoff shape of `kind` (step, kinked, smooth).
    public func symmetryFunctions(_ kind: CutoffKind) -> SymmetryFunctionSet {
        symmetryFunctions.withCutoffShape(CutoffShape(kind))
    }

    /// The elements described (one network each), by atomic number.
    public var elements: [Element] { symmetryFunctions.elements }

    /// The cutoff radius r_c in Å of every symmetry function.
    public var cutoff: Double { symmetryFunctions.maximumCutoff }

    /// The forms (narrow G4, wide G5) of the recipe's angular functions; empty for radial ones only.
    public var angularForms: Set<SymmetryFunction.AngularForm> {
        Set(symmetryFunctions.functions.joined().compactMap(\.angularForm))
    }

    /// Seed of the initial weights (network e gets seed + e): the recipe's one seed.
    public var weightSeed: UInt64 { settings.seed }

    /// Layer widths input → output of the widest element's network, e.g. [11, 20, 20, 1].
    public var layerSizes: [Int] { [symmetryFunctions.functions.map(\.count).max() ?? 0] + hiddenLayers + [1] }

    /// The same recipe with `epochs` epochs. A recipe that runs every epoch (patience ≥ epochs, as
    /// when the scene names no patience) still does; a shorter patience is kept.
    public func withEpochs(_ epochs: Int) -> StudentRecipe {
        var copy = self
        if settings.patience >= settings.epochs { copy.settings.patience = epochs }
        copy.settings.epochs = epochs
        return copy
    }
}
