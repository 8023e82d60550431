import Geometry

/// Counts pair distances that cross a cutoff r_c between consecutive observations of a trajectory:
/// a pair crosses when its distance goes from r < r_c to r ≥ r_c or back.
///
/// Each crossing is a moment when a truncated potential's energy (step cutoff) or force (kinked
/// cutoff) jumps, so crossings per ps say how often a rough cutoff is felt.
///
/// The pairs come from the run's ``NeighborList`` (every pair within r_c + skin, each periodic image
/// on its own), and the distance a pair had at the previous observation is recomputed from the
/// previous positions with the same lattice shift. A pair's identity (atom i, atom j, lattice shift)
/// does not change when the list is rebuilt, so rebuilds need no bookkeeping. The counter keeps the
/// previous positions (O(N) memory) and adds no allocation per observation.
///
/// Why every crossing is seen: a pair crossing inwards has r < r_c now, so it is listed; a pair
/// crossing outwards had r < r_c before, so it was listed then and stays listed until the next
/// rebuild, and a rebuilt list holds every pair within r_c + skin (a step moves atoms far less
/// than the skin).
public struct CutoffCrossingCounter: Sendable {
    /// The cutoff r_c whose crossings are counted, in Å (the positions' length unit).
    public let cutoff: Double
    /// Crossings counted since creation or the last ``reset()``.
    public private(set) var count = 0
    /// The atoms of the pairs that crossed at the latest observation, each once, ascending (both
    /// atoms of every crossing pair: the culprits of a step cutoff's energy jump).
    public private(set) var latestCrossingAtoms: [Int] = []

    private var previousPositions: [Vector3] = []
    private var previousCell: Cell?
    /// Previous positions moved next to the current ones, and the current extended positions
    /// (scratch, kept to avoid reallocating).
    private var earlier: [Vector3] = []
    private var extended: [Vector3] = []

    /// A counter for `cutoff` (Å, positive).
    public init(cutoff: Double) {
        precondition(cutoff > 0, "cutoff must be positive")
        self.cutoff = cutoff
    }

    /// Forgets the count and the previous positions: the next observation starts afresh.
    public mutating func reset() {
        count = 0
        latestCrossingAtoms.removeAll()
        previousPositions.removeAll(keepingCapacity: true)
    }

    /// Counts the pairs that crossed ``cutoff`` since the previous observation, adds them to
    /// ``count`` and returns them. `neighbors` must be current for `system` (as
    /// ``Potentials/ForceEvaluator`` keeps it) and reach at least ``cutoff``. The first observation,
    /// and one after the atom count or the cell changed, only records the positions.
    @discardableResult
    public mutating func observe(_ system: AtomicSystem, neighbors: NeighborList) -> Int {
        precondition(neighbors.cutoff >= cutoff, "the neighbour list must reach the counted cutoff")
        defer {
            previousPositions = system.positions
            previousCell = system.cell
        }
        let n = system.count
        latestCrossingAtoms.removeAll(keepingCapacity: true)
        guard previousPositions.count == n, previousCell == system.cell, neighbors.localCount == n else { return 0 }
        let moved = alignPreviousPositions(with: system)
        let crossed = countCrossings(now: system.positions, before: earlier, neighbors: neighbors,
                                     largestDisplacement: moved)
        count += crossed
        return crossed
    }

    /// Fills ``earlier`` with the previous positions, each shifted by the lattice vector that puts it
    /// nearest the current position (a caller that wraps atoms back into the cell between
    /// observations does not create false crossings), and returns the largest displacement (Å).
    private mutating func alignPreviousPositions(with system: AtomicSystem) -> Double {
        let n = system.count
        if earlier.count != n { earlier = [Vector3](repeating: .zero, count: n) }
        // A displacement shorter than half the narrowest cell width is its own minimum image.
        let halfWidth = system.cell.map { 0.5 * $0.perpendicularWidths.min() } ?? .infinity
        var largest = 0.0
        for i in 0..<n {
            let now = system.positions[i]
            var moved = now - previousPositions[i]
            if moved.lengthSquared >= halfWidth * halfWidth, let cell = system.cell { moved = cell.minimumImage(moved) }
            earlier[i] = now - moved
            largest = max(largest, moved.lengthSquared)
        }
        return largest.squareRoot()
    }

    /// The number of listed pairs whose distance is on different sides of r_c in `now` and `before`.
    /// A pair (i, extended atom e owned by j) has separation x_j - x_i + (offset_e - offset_i) at
    /// both times; the current one is read from the extended positions, as a potential reads it. A
    /// pair's distance changes by at most twice the largest displacement δ, so only pairs now within
    /// r_c ± 2δ need their earlier distance. A full list holds every pair from both ends, so its
    /// count is halved.
    private mutating func countCrossings(now: [Vector3], before: [Vector3], neighbors: NeighborList,
                                         largestDisplacement: Double) -> Int {
        neighbors.fillExtendedPositions(now, into: &extended)
        let rc2 = cutoff * cutoff
        let reach = 2 * largestDisplacement + 1e-9 * cutoff   // a hair wider, for rounding
        let lower = max(cutoff - reach, 0), upper = cutoff + reach
        // One test, |r² - middle| > halfWidth, instead of two: which side a skipped pair lies on is a
        // coin toss, and a second branch on it would be mispredicted half the time.
        let middle = 0.5 * (upper * upper + lower * lower), halfWidth = 0.5 * (upper * upper - lower * lower)
        var crossed = 0
        var atoms: [Int] = []   // allocates only when a pair crosses
        extended.withUnsafeBufferPointer { x in
            before.withUnsafeBufferPointer { y in
                neighbors.owners.withUnsafeBufferPointer { owners in
                    neighbors.offsets.withUnsafeBufferPointer { offsets in
                        neighbors.firstNeighbor.withUnsafeBufferPointer { first in
                            neighbors.neighbors.withUnsafeBufferPointer { list in
                                for i in 0..<y.count {
                                    let xi = x[i]
                                    for k in Int(first[i])..<Int(first[i + 1]) {
                                        let e = Int(list[k])
                                        let r2 = (x[e] - xi).lengthSquared
                                        if abs(r2 - middle) > halfWidth { continue }
                                        let shift = offsets[e] - offsets[i]
                                        let wasInside = (y[Int(owners[e])] - y[i] + shift).lengthSquared < rc2
                                        if (r2 < rc2) != wasInside {
                                            crossed += 1
                                            atoms.append(i)
                                            atoms.append(Int(owners[e]))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if !atoms.isEmpty { latestCrossingAtoms = Array(Set(atoms)).sorted() }
        return neighbors.kind == .full ? crossed / 2 : crossed
    }
}
