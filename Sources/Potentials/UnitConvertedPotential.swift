import Geometry

/// A potential made in other units (n2p2's water model: Bohr and Hartree) presented in metal units, so
/// MD and every NNPLab tool can use it: positions Å → the potential's length unit, energies back to eV,
/// forces to eV/Å.
///
/// A Behler–Parrinello potential is converted exactly once (its symmetry functions rescaled, see
/// ``BehlerParrinelloPotential/converted(to:)``) and then uses the caller's neighbour list directly. Any
/// other potential is evaluated on a copy of the system in its own units with a neighbour list built for
/// that call.
public struct UnitConvertedPotential: Potential {
    public let inner: any Potential
    private let direct: BehlerParrinelloPotential?

    public init(wrapping inner: any Potential) {
        self.inner = inner
        direct = (inner as? BehlerParrinelloPotential)?.converted(to: .metal)
    }

    private var length: Double { inner.units.lengthInAngstrom }
    private var energy: Double { inner.units.energyInElectronvolt }

    /// r_c in Å.
    public var cutoff: Double { direct?.cutoff ?? inner.cutoff * length }
    public var neighborListKind: NeighborListKind { inner.neighborListKind }
    public var units: UnitSystem { .metal }
    public var elements: [Element]? { inner.elements }
    public var summary: String { "\(inner.summary), converted from \(inner.units) to Å, eV" }

    /// Positions in Å; energies and the virial in eV, forces in eV/Å.
    public func evaluate(_ system: AtomicSystem, neighbors: NeighborList, request: EvaluationRequest) -> PotentialResult {
        if let direct { return direct.evaluate(system, neighbors: neighbors, request: request) }
        let own = system.scalingLengths(by: 1 / length)
        let list = NeighborList(system: own, cutoff: inner.cutoff, skin: 0, kind: inner.neighborListKind)
        return inner.evaluate(own, neighbors: list, request: request).scaled(energy: energy, length: length)
    }
}
