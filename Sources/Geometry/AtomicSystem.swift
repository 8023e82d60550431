/// Atoms in a periodic cell or in free space: the state every potential, integrator and view reads.
///
/// Units: positions Å, velocities Å/fs, masses amu (for a potential in other units, positions are in
/// its length unit while it is being evaluated; see ``UnitSystem``). Arrays are parallel and always
/// the same length: the initialiser checks it, elements and masses change only through methods that
/// keep it (``reordered(_:)``), and positions and velocities may be changed in place or replaced by
/// arrays of the same length only (anything else stops the program with a message saying so, in
/// every build, rather than let two arrays disagree).
public struct AtomicSystem: Sendable, Equatable {
    /// Element of every atom.
    public internal(set) var elements: [Element]
    /// Positions r_i (Å). Not necessarily wrapped into the cell.
    public var positions: [Vector3] {
        didSet { Self.checkLength(positions.count, elements.count, "positions") }
    }
    /// Velocities v_i (Å/fs).
    public var velocities: [Vector3] {
        didSet { Self.checkLength(velocities.count, elements.count, "velocities") }
    }
    /// Masses m_i (amu).
    public internal(set) var masses: [Double]
    /// The periodic cell, or nil for a free cluster.
    public var cell: Cell?

    public enum ShapeError: Error, CustomStringConvertible, Equatable {
        case mismatchedCounts(elements: Int, positions: Int, velocities: Int, masses: Int)
        public var description: String {
            switch self {
            case let .mismatchedCounts(e, p, v, m):
                return "atom arrays disagree: \(e) elements, \(p) positions, \(v) velocities, \(m) masses"
            }
        }
    }

    /// Creates a system; velocities default to zero and masses to each element's standard mass.
    public init(elements: [Element], positions: [Vector3], velocities: [Vector3]? = nil,
                masses: [Double]? = nil, cell: Cell?) throws {
        let v = velocities ?? Array(repeating: .zero, count: positions.count)
        let m = masses ?? elements.map(\.standardMass)
        guard elements.count == positions.count, v.count == positions.count, m.count == positions.count else {
            throw ShapeError.mismatchedCounts(elements: elements.count, positions: positions.count,
                                              velocities: v.count, masses: m.count)
        }
        self.elements = elements
        self.positions = positions
        self.velocities = v
        self.masses = m
        self.cell = cell
    }

    /// Number of atoms N.
    public var count: Int { elements.count }

    /// Stops with a message when an array no longer matches the atoms (a programming error, never input).
    private static func checkLength(_ length: Int, _ atoms: Int, _ name: String) {
        if length != atoms { fatalError("AtomicSystem: \(length) \(name) for \(atoms) atoms") }
    }

    /// New atom k is old atom `order[k]`: every per-atom array permuted together. `order` must be a
    /// permutation of 0..<count.
    public func reordered(_ order: [Int]) -> AtomicSystem {
        var copy = self
        copy.elements = order.map { elements[$0] }
        copy.masses = order.map { masses[$0] }
        copy.positions = order.map { positions[$0] }
        copy.velocities = order.map { velocities[$0] }
        return copy
    }
    /// The distinct elements present, sorted by atomic number.
    public var distinctElements: [Element] { Array(Set(elements)).sorted() }

    /// Kinetic energy ½Σm_i v_i² in eV.
    public var kineticEnergy: Double {
        var twiceK = 0.0
        for i in 0..<count { twiceK += masses[i] * velocities[i].lengthSquared }
        return 0.5 * twiceK * MetalUnits.energyPerMassVelocitySquared
    }

    /// Instantaneous temperature T = 2K / (N_f k_B) in K, with N_f = 3N - 3 for a periodic system
    /// (total momentum is conserved) and 3N - 6 for a cluster of more than two atoms.
    public var temperature: Double {
        let dof = degreesOfFreedom
        return dof > 0 ? 2 * kineticEnergy / (Double(dof) * MetalUnits.boltzmann) : 0
    }

    /// Number of kinetic degrees of freedom used by ``temperature``.
    public var degreesOfFreedom: Int {
        if cell != nil || count < 3 { return max(3 * count - 3, count > 0 ? 3 : 0) }
        return 3 * count - 6
    }

    /// Total momentum Σm_i v_i in amu·Å/fs.
    public var momentum: Vector3 {
        var p = Vector3.zero
        for i in 0..<count { p += masses[i] * velocities[i] }
        return p
    }

    /// The positions wrapped into the cell (unchanged for a cluster).
    public var wrappedPositions: [Vector3] {
        guard let cell else { return positions }
        return positions.map(cell.wrapped)
    }
}
