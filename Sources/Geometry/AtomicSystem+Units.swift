extension AtomicSystem {
    /// The same atoms with every length multiplied by `factor`: positions, the cell and velocities
    /// (length per fs). Converts a structure between length units, e.g. Bohr → Å with
    /// `factor = UnitSystem.atomic.lengthInAngstrom`.
    public func scalingLengths(by factor: Double) -> AtomicSystem {
        guard factor != 1 else { return self }
        var scaled = self
        scaled.positions = positions.map { $0 * factor }
        scaled.velocities = velocities.map { $0 * factor }
        if let cell { scaled.cell = Cell(a: cell.a * factor, b: cell.b * factor, c: cell.c * factor) }
        return scaled
    }
}
