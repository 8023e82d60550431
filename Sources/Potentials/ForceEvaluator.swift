import Geometry

/// A potential together with the neighbour list it needs, kept current as atoms move.
///
/// This is the piece integrators hold: `evaluate(system)` rebuilds the list only when some atom has
/// moved more than half the skin (Verlet), then evaluates the potential.
public struct ForceEvaluator: Sendable {
    public let potential: any Potential
    public private(set) var neighbors: NeighborList

    /// Binds `potential` to `system`; `skin` is in the potential's length unit (Å for metal units).
    public init(potential: any Potential, system: AtomicSystem, skin: Double = 1.0) throws {
        try Self.checkStructure(system, for: potential, skin: skin)
        self.potential = potential
        neighbors = NeighborList(system: system, cutoff: potential.cutoff, skin: skin, kind: potential.neighborListKind)
    }

    /// Refuses, in one sentence, a structure `potential` cannot evaluate: an element it does not
    /// describe, a neighbour list too large to build (``NeighborListSizeError``), or two atoms closer
    /// than ``AtomicSystem/minimumSeparation`` (``AtomicSystem/CloseContact``), where every
    /// potential's energy is infinite or meaningless.
    public static func checkStructure(_ system: AtomicSystem, for potential: any Potential, skin: Double = 1.0) throws {
        try potential.validate(system)
        try NeighborList.checkSize(system: system, cutoff: potential.cutoff, skin: skin)
        if let contact = system.closeContact(limit: AtomicSystem.minimumSeparation / potential.units.lengthInAngstrom) { throw contact }
    }

    /// Updates the neighbour list if needed and evaluates the potential.
    public mutating func evaluate(_ system: AtomicSystem, request: EvaluationRequest = .energyAndForces) -> PotentialResult {
        neighbors.update(for: system)
        return potential.evaluate(system, neighbors: neighbors, request: request)
    }
}
