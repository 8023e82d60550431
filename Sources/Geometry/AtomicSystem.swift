/// Atoms in a periodic cell or in free space: the state every potential, integrator and view reads.
///
/// Units: positions Å, velocities Å/fs, masses amu (for a potential in other units, positions are in
/// its length unit while it is being evaluated; see ``UnitSystem``). Arrays are parallel and always
/// the same length, which the initialiser checks.
public struct AtomicSystem: Sendable, Equatable {
    /// Element of every atom.
    public var elements: [Element]
    /// Positions r_i (Å). Not necessarily wrapped into the cell.
    public var positions: [Vector3]
    /// Velocities v_i (Å/fs).
    public var velocities: [Vector3]
    /// Masses m_i (amu).
    public var masses: [Double]
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
    public var count: Int { positions.count }
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
