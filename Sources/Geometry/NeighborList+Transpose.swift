import Synchronization

/// A neighbour list read by target: for each extended atom e, a run of entries start[e] ..< start[e + 1],
/// one per list slot k (position in ``NeighborList/neighbors``) whose neighbour is e, in increasing k.
///
/// Slots grow with their centre atom, so the entries of e come in the order a serial loop over centre
/// atoms reaches them: a potential that stores each pair's contribution at its slot's entry
/// (``entries``) can sum, per target, exactly the additions its serial scatter loop makes, in the
/// same order, in parallel over targets, reading memory in order.
public struct NeighborTranspose: Sendable {
    /// The entries of extended atom e are start[e] ..< start[e + 1].
    public let start: [Int32]
    /// The entry of each list slot k.
    public let entries: [Int32]
    /// For local atom i, the first of its entries whose centre is above i (start[i + 1] if none):
    /// where a serial loop adds i's own sums, made when it reaches i, among the slots' additions.
    public let ownAt: [Int32]

    /// Counting sort of the list's slots by their neighbour: O(pairs + extended atoms).
    init(_ list: NeighborList) {
        let extended = list.extendedCount, n = list.localCount
        var start = [Int32](repeating: 0, count: extended + 1)
        var entries = [Int32](repeating: 0, count: list.neighbors.count)
        var ownAt = [Int32](repeating: 0, count: n)
        list.neighbors.withUnsafeBufferPointer { neighbors in
        list.firstNeighbor.withUnsafeBufferPointer { first in
        start.withUnsafeMutableBufferPointer { start in
        entries.withUnsafeMutableBufferPointer { entries in
        ownAt.withUnsafeMutableBufferPointer { ownAt in
            for e in neighbors { start[Int(e) + 1] += 1 }
            for e in 0..<extended { start[e + 1] += start[e] }
            // The next free entry of each target.
            var fill = Array(start.dropLast())
            fill.withUnsafeMutableBufferPointer { fill in
                for i in 0..<n {
                    // Entries of i filled so far are exactly those of centres below i.
                    ownAt[i] = fill[i]
                    for k in Int(first[i])..<Int(first[i + 1]) {
                        let e = Int(neighbors[k])
                        let at = Int(fill[e])
                        entries[k] = Int32(at)
                        fill[e] = Int32(at + 1)
                    }
                }
            }
        }}}}}
        (self.start, self.entries, self.ownAt) = (start, entries, ownAt)
    }
}

extension NeighborList {
    /// The list read by target (see ``NeighborTranspose``), made on first use and kept until the
    /// list is rebuilt (copies of the list share it).
    public var transposed: NeighborTranspose { transposeCache.value { NeighborTranspose(self) } }
}

/// A table derived from one build of a list, made on first use: a fresh holder replaces it at every
/// build, so a copy of the list made before a rebuild keeps the table of its own entries.
final class BuildTable<Table: Sendable>: Sendable {
    private let cached = Mutex<Table?>(nil)

    /// The table, made by `make` the first time.
    func value(_ make: () -> Table) -> Table {
        cached.withLock { cached in
            if let cached { return cached }
            let made = make()
            cached = made
            return made
        }
    }
}
