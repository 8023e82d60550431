import Geometry

/// What a caller needs from one evaluation of a potential.
public enum EvaluationRequest: Sendable, Hashable {
    /// Total and per-atom energies only (``PotentialResult/derivatives`` nil).
    case energy
    /// Energies, forces and the virial.
    case energyAndForces
}

/// An interatomic potential: the contract shared by teacher potentials (Lennard-Jones,
/// Stillinger-Weber) and neural network potentials.
///
/// A potential reads a system and a neighbour list built with its ``cutoff`` and ``neighborListKind``
/// and returns a ``PotentialResult``. It holds no mutable state, so one value can be shared by
/// threads and actors. ``ForceEvaluator`` pairs a potential with a neighbour list it keeps current.
public protocol Potential: Sendable {
    /// Interaction range r_c, in the potential's length unit: beyond it atoms do not interact.
    var cutoff: Double { get }
    /// Half lists suit pair potentials; many-body potentials need full lists.
    var neighborListKind: NeighborListKind { get }
    /// Units of lengths (positions, cutoff) and energies this potential works in. Metal (Å, eV) by default.
    var units: UnitSystem { get }
    /// Elements the potential can describe, or nil for any.
    var elements: [Element]? { get }
    /// A short human-readable description, e.g. "Lennard-Jones Ar, r_c 8.5 Å, smooth".
    var summary: String { get }

    /// Evaluates the potential. `neighbors` must have been built (or updated) for this `system`
    /// with at least ``cutoff`` and this potential's ``neighborListKind``. For
    /// ``EvaluationRequest/energyAndForces`` the result's ``PotentialResult/derivatives`` are present,
    /// with one force per atom of `system`; for ``EvaluationRequest/energy`` they are nil.
    func evaluate(_ system: AtomicSystem, neighbors: NeighborList, request: EvaluationRequest) -> PotentialResult
}

extension Potential {
    public var units: UnitSystem { .metal }
    public var elements: [Element]? { nil }
}

/// A structure a potential cannot evaluate.
public enum PotentialError: Error, CustomStringConvertible, Equatable {
    case unsupportedElement(Element, potential: String, supported: [Element])

    public var description: String {
        switch self {
        case let .unsupportedElement(e, potential, supported):
            return "element \(e.symbol) is not described by \(potential) (it knows \(supported.map(\.symbol).joined(separator: ", ")))"
        }
    }
}

extension Potential {
    /// Throws ``PotentialError/unsupportedElement(_:potential:supported:)`` for the first element of
    /// `system` that this potential does not describe.
    public func validate(_ system: AtomicSystem) throws {
        guard let known = elements else { return }
        for e in system.distinctElements where !known.contains(e) {
            throw PotentialError.unsupportedElement(e, potential: summary, supported: known)
        }
    }
}
