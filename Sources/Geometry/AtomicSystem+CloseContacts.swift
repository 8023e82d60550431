/// Atoms that sit (nearly) on top of each other: a duplicated line in a structure file, a pasted
/// frame, a cell smaller than the spacing of its atoms. Every potential here diverges or divides by
/// zero there (Lennard-Jones as r⁻¹², symmetry-function derivatives as 1/r), so such a structure is
/// refused where it enters rather than turned into `energy=inf` and NaN forces.
extension AtomicSystem {
    /// The closest distance two atoms may have, in Å: 0.5 Å. No two nuclei in any molecule or solid
    /// are closer than 0.74 Å (the H₂ bond, the shortest there is); at 0.5 Å two argon atoms repel
    /// with about 10¹⁰ eV, far beyond any temperature a simulation here reaches.
    public static let minimumSeparation = 0.5

    /// Two atoms closer than the minimum separation: 0-based indices (equal when an atom meets its
    /// own periodic image) and their distance in the system's length unit.
    public struct CloseContact: Error, Sendable, Equatable, CustomStringConvertible {
        public let first: Int, second: Int
        public let distance: Double
        /// The threshold that was applied (length unit of the positions).
        public let limit: Double

        public var description: String { describe(unit: "") }

        /// The sentence with lengths in `unit` ("Å", "Bohr").
        public func describe(unit: String) -> String {
            let u = unit.isEmpty ? "" : " \(unit)"
            let d = distance < 1e-4 ? (distance == 0 ? "0" : "less than 0.0001") : "\((distance * 10_000).rounded() / 10_000)"
            let shown = (limit * 1000).rounded() / 1000
            let pair = first == second ? "atom \(first + 1) and its own periodic image"
                : "atoms \(first + 1) and \(second + 1)"
            return "\(pair) are \(d)\(u) apart (closer than \(shown)\(u)): coincident or overlapping atoms"
        }
    }

    /// The first pair of atoms closer than `limit` (a length in the positions' unit; default
    /// ``minimumSeparation`` Å, so pass 0.5 / lengthInAngstrom for a potential in other units), or
    /// nil. Uses a neighbour list of reach `limit`, O(N) for any physical structure; call it after
    /// ``NeighborList/checkSize(system:cutoff:skin:)`` has accepted a longer reach.
    public func closeContact(limit: Double = AtomicSystem.minimumSeparation) -> CloseContact? {
        if let cell, cell.perpendicularWidths.min() < limit, count > 0 {
            // Along its shortest width the cell repeats every atom closer than `limit`.
            return CloseContact(first: 0, second: 0, distance: cell.perpendicularWidths.min(), limit: limit)
        }
        let list = NeighborList(system: self, cutoff: limit, skin: 0, kind: .half)
        let x = list.extendedPositions(positions)
        let limit2 = limit * limit
        for i in 0..<count {
            for e in list.neighbors(of: i) {
                let d2 = (x[Int(e)] - x[i]).lengthSquared
                if d2 < limit2 {
                    let j = Int(list.owners[Int(e)])
                    return CloseContact(first: min(i, j), second: max(i, j), distance: d2.squareRoot(), limit: limit)
                }
            }
        }
        return nil
    }
}
