import Geometry

/// What a caller needs from one evaluation of a potential.
public enum EvaluationRequest: Sendable, Hashable {
    /// Total and per-atom energies only (forces left empty).
    case energy
    /// Energies and forces (and the virial where the potential provides it).
    case energyAndForces
}

/// The result of evaluating a potential on a system: the one typed answer every integrator, checker
/// and tool consumes (ASE's Calculator results, as a value).
///
/// Units are the potential's (``Potential/units``): eV and eV/Å for metal-unit potentials.
public struct PotentialResult: Sendable, Equatable {
    /// Total potential energy E.
    public var energy: Double
    /// Per-atom energies ε_i with Σε_i = E (empty if the potential does not split its energy).
    public var atomicEnergies: [Double]
    /// Forces F_i = -∂E/∂r_i, one per atom (empty for ``EvaluationRequest/energy``).
    public var forces: [Vector3]
    /// Virial W = -Σ r_ij ⊗ F_ij as three rows (energy units), or nil where not computed.
    public var virial: (Vector3, Vector3, Vector3)?

    public init(energy: Double, atomicEnergies: [Double], forces: [Vector3],
                virial: (Vector3, Vector3, Vector3)? = nil) {
        self.energy = energy
        self.atomicEnergies = atomicEnergies
        self.forces = forces
        self.virial = virial
    }

    public static func == (l: Self, r: Self) -> Bool {
        l.energy == r.energy && l.atomicEnergies == r.atomicEnergies && l.forces == r.forces
            && l.virial?.0 == r.virial?.0 && l.virial?.1 == r.virial?.1 && l.virial?.2 == r.virial?.2
    }
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
    /// with at least ``cutoff`` and this potential's ``neighborListKind``.
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
