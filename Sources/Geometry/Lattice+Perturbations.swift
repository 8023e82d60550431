extension AtomicSystem {
    /// This system with every atom displaced by an independent Gaussian of standard deviation
    /// `sigma` (Å) along each axis, drawn from ``SeededGenerator`` with `seed` (reproducible).
    public func rattled(sigma: Double, seed: UInt64) -> AtomicSystem {
        var random = SeededGenerator(seed: seed)
        var copy = self
        for i in 0..<count { copy.positions[i] += sigma * random.normalVector() }
        return copy
    }

    /// This system deformed by (I + ε), with ε given by its rows: the cell vectors and every position
    /// r ↦ r + ε r (an affine strain, as in `Cell.strained`). Nil if the strained cell is degenerate.
    public func strained(_ epsilon: (Vector3, Vector3, Vector3)) -> AtomicSystem? {
        var copy = self
        if let cell {
            guard let deformed = cell.strained(epsilon) else { return nil }
            copy.cell = deformed
        }
        for i in 0..<count {
            let r = positions[i]
            copy.positions[i] = r + Vector3(epsilon.0.dot(r), epsilon.1.dot(r), epsilon.2.dot(r))
        }
        return copy
    }

    /// This system scaled uniformly by (1 + strain) in every direction (strain 0.01 = 1 % larger).
    public func strained(uniformly strain: Double) -> AtomicSystem? {
        strained((Vector3(strain, 0, 0), Vector3(0, strain, 0), Vector3(0, 0, strain)))
    }
}
