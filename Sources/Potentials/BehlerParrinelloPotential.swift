import Descriptors
import Geometry
import NeuralNetworks

/// A Behler–Parrinello neural network potential: E = Σ_i ε_i with ε_i = s·N_{Z_i}(G̃_i) + c_{Z_i}, where
/// G̃_i are atom i's scaled symmetry functions, N_Z one feed-forward network per element, s an energy
/// scale and c_Z a per-element energy shift.
///
/// Forces come by reverse mode: G for every atom, then dE/dG from each network's backward pass, then a
/// second pass over neighbours and triplets contracting dE/dG with dG/dr on the fly (no finite
/// differences, no stored dG/dr). It needs a full neighbour list; forces on ghosts go to their owners.
///
/// Units are ``units`` (Å and eV for potentials NNPLab trains; n2p2's water model is Bohr and Hartree):
/// positions and cutoffs in its length unit, energies in its energy unit.
public struct BehlerParrinelloPotential: Potential {
    /// The descriptor definition (elements ordered by atomic number).
    public let symmetryFunctions: SymmetryFunctionSet
    /// Maps raw G to network inputs.
    public let scaling: DescriptorScaling
    /// One network per element of ``symmetryFunctions``, in the same order.
    public let networks: [FeedForwardNetwork]
    /// s: network outputs are multiplied by it (1/conv_energy for n2p2 normalised potentials).
    public let energyScale: Double
    /// c_Z per element, same order (n2p2: mean_energy + atom_energy offset).
    public let energyShifts: [Double]
    public let units: UnitSystem
    public let summary: String
    /// Threads for one evaluation; nil uses ``ThreadCount/current``. Results do not depend on it.
    public var threads: ThreadCount? = nil
    let evaluator: SymmetryFunctionEvaluator
    /// Per-worker scratch memory (workspaces sized for this potential's descriptors and networks) kept
    /// between evaluations, so an MD step does not allocate it afresh; copies of the potential share it.
    let scratchPool = ScratchPool<[AtomScratch]>(keeping: 4)

    public enum ConstructionError: Error, CustomStringConvertible, Equatable {
        case networkCount(expected: Int, got: Int)
        case networkInputs(element: Element, expected: Int, got: Int)
        case scalingShape(element: Element, expected: Int, got: Int)
        case shiftCount(expected: Int, got: Int)

        public var description: String {
            switch self {
            case let .networkCount(e, g): "expected \(e) networks (one per element), got \(g)"
            case let .networkInputs(el, e, g): "the network of \(el.symbol) takes \(g) inputs but \(el.symbol) has \(e) symmetry functions"
            case let .scalingShape(el, e, g): "scaling of \(el.symbol) covers \(g) functions but \(el.symbol) has \(e)"
            case let .shiftCount(e, g): "expected \(e) energy shifts (one per element), got \(g)"
            }
        }
    }

    /// A potential from its parts. `networks`, `energyShifts` and `scaling` follow
    /// `symmetryFunctions.elements` (by atomic number); `scaling` defaults to none and the shifts to 0.
    public init(symmetryFunctions: SymmetryFunctionSet, networks: [FeedForwardNetwork],
                scaling: DescriptorScaling? = nil, energyScale: Double = 1, energyShifts: [Double]? = nil,
                units: UnitSystem = .metal, summary: String? = nil) throws {
        let elements = symmetryFunctions.elements
        guard networks.count == elements.count else {
            throw ConstructionError.networkCount(expected: elements.count, got: networks.count)
        }
        let counts = symmetryFunctions.functions.map(\.count)
        for (k, e) in elements.enumerated() where networks[k].inputCount != counts[k] {
            throw ConstructionError.networkInputs(element: e, expected: counts[k], got: networks[k].inputCount)
        }
        let scaling = scaling ?? .identity(counts: counts)
        guard scaling.factor.count == elements.count else {
            throw ConstructionError.scalingShape(element: elements[min(scaling.factor.count, elements.count - 1)],
                                                 expected: elements.count, got: scaling.factor.count)
        }
        for (k, e) in elements.enumerated() where scaling.factor[k].count != counts[k] {
            throw ConstructionError.scalingShape(element: e, expected: counts[k], got: scaling.factor[k].count)
        }
        let shifts = energyShifts ?? Array(repeating: 0, count: elements.count)
        guard shifts.count == elements.count else {
            throw ConstructionError.shiftCount(expected: elements.count, got: shifts.count)
        }
        self.symmetryFunctions = symmetryFunctions
        self.networks = networks
        self.scaling = scaling
        self.energyScale = energyScale
        self.energyShifts = shifts
        self.units = units
        let activations = Set(networks.map(\.hiddenActivation.rawValue)).sorted().joined(separator: "/")
        self.summary = summary ?? "Behler-Parrinello NNP \(elements.map(\.symbol).joined(separator: " ")), "
            + "\(counts.map(String.init).joined(separator: "/")) symmetry functions, r_c \(symmetryFunctions.maximumCutoff) \(units.lengthName), "
            + "\(symmetryFunctions.cutoffShape) cutoff, \(activations)"
        evaluator = SymmetryFunctionEvaluator(symmetryFunctions)
    }

    /// The longest symmetry-function cutoff.
    public var cutoff: Double { symmetryFunctions.maximumCutoff }
    public var neighborListKind: NeighborListKind { .full }
    public var elements: [Element]? { symmetryFunctions.elements }
}
