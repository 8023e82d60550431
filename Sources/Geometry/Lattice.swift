/// Cubic crystal lattices, built as n₁×n₂×n₃ repeats of the conventional cubic cell.
///
/// The lattice constant a (Å) is the edge of the conventional cell: simple cubic has 1 atom per
/// cell, fcc 4 (argon: a = 5.26 Å at 0 K, 5.7 Å in the benchmark), diamond 8 (silicon: a = 5.431 Å).
public enum Lattice: String, Sendable, CaseIterable, CustomStringConvertible {
    case simpleCubic = "sc"
    case fcc
    case diamond

    public var description: String { rawValue }

    /// Fractional positions of the atoms in one conventional cubic cell.
    public var basis: [Vector3] {
        switch self {
        case .simpleCubic:
            return [Vector3(0, 0, 0)]
        case .fcc:
            return [Vector3(0, 0, 0), Vector3(0, 0.5, 0.5), Vector3(0.5, 0, 0.5), Vector3(0.5, 0.5, 0)]
        case .diamond:
            return Lattice.fcc.basis.flatMap { [$0, $0 + Vector3(repeating: 0.25)] }
        }
    }

    /// Bad lattice parameters (from a scene file or a command line).
    public enum ParameterError: Error, Sendable, Equatable, CustomStringConvertible {
        case nonPositiveLatticeConstant(Double)
        case nonPositiveRepeats(SIMD3<Int>)
        public var description: String {
            switch self {
            case let .nonPositiveLatticeConstant(a): return "lattice constant must be positive: \(a)"
            case let .nonPositiveRepeats(n): return "repeats must be at least 1: \(n.x)x\(n.y)x\(n.z)"
            }
        }
    }

    /// A periodic crystal of `element`: `repeats` conventional cells of edge `latticeConstant` (Å)
    /// along x, y, z; atoms at rest with the element's standard mass, ordered cell by cell.
    public func crystal(of element: Element, latticeConstant a: Double, repeats n: SIMD3<Int>) throws -> AtomicSystem {
        guard a > 0, a.isFinite else { throw ParameterError.nonPositiveLatticeConstant(a) }
        guard n.x >= 1, n.y >= 1, n.z >= 1 else { throw ParameterError.nonPositiveRepeats(n) }
        let basis = self.basis
        var positions: [Vector3] = []
        positions.reserveCapacity(n.x * n.y * n.z * basis.count)
        for i in 0..<n.x {
            for j in 0..<n.y {
                for k in 0..<n.z {
                    let corner = Vector3(Double(i), Double(j), Double(k))
                    for b in basis { positions.append(a * (corner + b)) }
                }
            }
        }
        let lengths = a * Vector3(Double(n.x), Double(n.y), Double(n.z))
        return AtomicSystem(checkedShape: Array(repeating: element, count: positions.count), positions: positions,
                            cell: Cell.orthorhombic(lengths))
    }

    /// A periodic crystal of n×n×n conventional cells.
    public func crystal(of element: Element, latticeConstant a: Double, repeats n: Int) throws -> AtomicSystem {
        try crystal(of: element, latticeConstant: a, repeats: SIMD3(repeating: n))
    }
}

extension AtomicSystem {
    /// A system at rest whose arrays have the same length by construction.
    init(checkedShape elements: [Element], positions: [Vector3], cell: Cell?) {
        self.elements = elements
        self.positions = positions
        velocities = Array(repeating: .zero, count: positions.count)
        masses = elements.map(\.standardMass)
        self.cell = cell
    }
}
