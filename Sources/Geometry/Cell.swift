/// A periodic, possibly triclinic, simulation cell spanned by three lattice vectors (Å).
///
/// A point with fractional coordinates s = (s₁, s₂, s₃) sits at r = s₁a + s₂b + s₃c, the
/// convention of extended XYZ `Lattice="ax ay az bx by bz cx cy cz"` and of n2p2 `lattice` lines.
/// Cells are immutable values: a strained cell is a new cell.
public struct Cell: Sendable, Hashable {
    /// The lattice vectors a, b, c (Å).
    public let a: Vector3, b: Vector3, c: Vector3
    /// Rows of the inverse matrix: sᵢ = reciprocal[i]·r.
    public let reciprocal: (Vector3, Vector3, Vector3)

    /// Creates a cell from three lattice vectors; nil if they are (nearly) coplanar.
    public init?(a: Vector3, b: Vector3, c: Vector3) {
        let volume = a.dot(b.cross(c))
        guard volume.isFinite, abs(volume) > 1e-12 * max(1, a.length * b.length * c.length) else { return nil }
        self.a = a; self.b = b; self.c = c
        reciprocal = (b.cross(c) / volume, c.cross(a) / volume, a.cross(b) / volume)
    }

    /// An orthorhombic box with edge lengths `lengths` (Å).
    public static func orthorhombic(_ lengths: Vector3) -> Cell? {
        Cell(a: Vector3(lengths.x, 0, 0), b: Vector3(0, lengths.y, 0), c: Vector3(0, 0, lengths.z))
    }

    /// The lattice vectors in order a, b, c.
    public var vectors: [Vector3] { [a, b, c] }
    /// Volume |a·(b×c)| in Å³.
    public var volume: Double { abs(a.dot(b.cross(c))) }

    /// Distances between opposite faces (Å): the largest sphere that fits has diameter min(widths).
    /// A cutoff longer than half of a width reaches more than one image of the same atom.
    public var perpendicularWidths: Vector3 {
        let v = volume
        return Vector3(v / b.cross(c).length, v / c.cross(a).length, v / a.cross(b).length)
    }

    /// Fractional coordinates s of a Cartesian point r.
    @inlinable public func fractional(_ r: Vector3) -> Vector3 {
        Vector3(reciprocal.0.dot(r), reciprocal.1.dot(r), reciprocal.2.dot(r))
    }

    /// Cartesian point r of fractional coordinates s.
    @inlinable public func cartesian(_ s: Vector3) -> Vector3 { s.x * a + s.y * b + s.z * c }

    /// The lattice translation n₁a + n₂b + n₃c.
    @inlinable public func translation(_ n: SIMD3<Int>) -> Vector3 {
        Double(n.x) * a + Double(n.y) * b + Double(n.z) * c
    }

    /// The image of r inside the cell, with every fractional coordinate in [0, 1).
    public func wrapped(_ r: Vector3) -> Vector3 { r - translation(wrapShift(r)) }

    /// The lattice translation (in cell vectors) that moves r into the cell: wrapped(r) = r - translation(wrapShift(r)).
    public func wrapShift(_ r: Vector3) -> SIMD3<Int> {
        let s = fractional(r)
        var n = SIMD3<Int>(Int(s.x.rounded(.down)), Int(s.y.rounded(.down)), Int(s.z.rounded(.down)))
        // Rounding can leave a coordinate at exactly 1.0: move it to 0.
        let w = s - Vector3(Double(n.x), Double(n.y), Double(n.z))
        for k in 0..<3 where w[k] >= 1 { n[k] += 1 }
        return n
    }

    /// The shortest image of a displacement d (valid when |d| is below half the smallest width).
    public func minimumImage(_ d: Vector3) -> Vector3 {
        var s = fractional(d)
        s = s - s.rounded(.toNearestOrEven)
        return cartesian(s)
    }

    /// This cell deformed by the matrix (I + ε), with ε given by its rows: every vector v ↦ v + ε v.
    public func strained(_ epsilon: (Vector3, Vector3, Vector3)) -> Cell? {
        func apply(_ v: Vector3) -> Vector3 { v + Vector3(epsilon.0.dot(v), epsilon.1.dot(v), epsilon.2.dot(v)) }
        return Cell(a: apply(a), b: apply(b), c: apply(c))
    }

    public static func == (l: Cell, r: Cell) -> Bool { l.a == r.a && l.b == r.b && l.c == r.c }
    public func hash(into h: inout Hasher) { h.combine(a); h.combine(b); h.combine(c) }
}
