/// A Cartesian 3-vector. Positions are in Å, velocities in Å/fs, forces in eV/Å
/// unless a potential declares other units (see ``UnitSystem``).
public typealias Vector3 = SIMD3<Double>

extension SIMD3 where Scalar == Double {
    /// Euclidean length |v|.
    @inlinable public var length: Double { (self * self).sum().squareRoot() }
    /// Squared length |v|², cheaper than ``length`` where only comparisons are needed.
    @inlinable public var lengthSquared: Double { (self * self).sum() }
    /// Dot product a·b.
    @inlinable public func dot(_ other: Self) -> Double { (self * other).sum() }
    /// Cross product a×b.
    @inlinable public func cross(_ b: Self) -> Self {
        Self(y * b.z - z * b.y, z * b.x - x * b.z, x * b.y - y * b.x)
    }
}
