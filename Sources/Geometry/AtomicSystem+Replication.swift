/// Periodic replication: a bigger box of the same material, for benchmarks and for showing a larger
/// piece of a scene.
extension AtomicSystem {
    /// Errors of ``replicated(_:)``.
    public enum ReplicationError: Error, CustomStringConvertible, Equatable {
        case noCell
        case badRepeats(SIMD3<Int>)
        case degenerateCell
        case tooManyAtoms(SIMD3<Int>, atoms: Int)
        public var description: String {
            switch self {
            case .noCell: "a free cluster has no cell to replicate"
            case let .badRepeats(n): "repeats must be at least 1 along every axis, not \(n.x)×\(n.y)×\(n.z)"
            case .degenerateCell: "the replicated cell has no volume"
            case let .tooManyAtoms(n, atoms): "\(n.x)×\(n.y)×\(n.z) copies of \(atoms) atoms exceed \(AtomicSystem.maximumReplicatedAtoms) atoms"
            }
        }
    }

    /// Most atoms a replica may have: 10 million atoms take about a gigabyte with their neighbour list.
    public static let maximumReplicatedAtoms = 10_000_000

    /// The system repeated `repeats` times along its cell vectors a, b, c: n_a·n_b·n_c copies of every
    /// atom, copy (i, j, k) of atom m at r_m + i a + j b + k c with m's element, velocity (Å/fs) and
    /// mass (amu), in the cell (n_a a, n_b b, n_c c). Atom order: copies outer (i fastest), atoms inner,
    /// so the first N atoms are the original ones.
    ///
    /// Because the original is periodic, the replica is the same infinite crystal: every intensive
    /// property (energy per atom, temperature, density) is unchanged, and the total momentum scales by
    /// the number of copies (zero stays zero).
    public func replicated(_ repeats: SIMD3<Int>) throws -> AtomicSystem {
        guard let cell else { throw ReplicationError.noCell }
        guard repeats.x >= 1, repeats.y >= 1, repeats.z >= 1 else { throw ReplicationError.badRepeats(repeats) }
        // Counted with overflow checks before anything is allocated.
        let xy = repeats.x.multipliedReportingOverflow(by: repeats.y)
        let xyz = xy.partialValue.multipliedReportingOverflow(by: repeats.z)
        let total = xyz.partialValue.multipliedReportingOverflow(by: count)
        guard !xy.overflow, !xyz.overflow, !total.overflow, total.partialValue <= Self.maximumReplicatedAtoms else {
            throw ReplicationError.tooManyAtoms(repeats, atoms: count)
        }
        let copies = xyz.partialValue
        var newElements: [Element] = [], newPositions: [Vector3] = [], newVelocities: [Vector3] = []
        var newMasses: [Double] = []
        newElements.reserveCapacity(copies * count)
        newPositions.reserveCapacity(copies * count)
        newVelocities.reserveCapacity(copies * count)
        newMasses.reserveCapacity(copies * count)
        for k in 0..<repeats.z {
            for j in 0..<repeats.y {
                for i in 0..<repeats.x {
                    let shift = cell.translation(SIMD3(i, j, k))
                    newElements += elements
                    newPositions += positions.map { $0 + shift }
                    newVelocities += velocities
                    newMasses += masses
                }
            }
        }
        guard let scaled = Cell(a: Double(repeats.x) * cell.a, b: Double(repeats.y) * cell.b,
                                c: Double(repeats.z) * cell.c) else { throw ReplicationError.degenerateCell }
        return try AtomicSystem(elements: newElements, positions: newPositions, velocities: newVelocities,
                                masses: newMasses, cell: scaled)
    }
}
