/// Whether a neighbour list holds each pair once or from both ends.
public enum NeighborListKind: Sendable, Hashable {
    /// Each pair {i, j} once: pair potentials add f to one atom and -f to the other (Newton's third law).
    case half
    /// Each pair from both ends: many-body terms (three-body, symmetry functions) centred on every atom.
    case full
}

/// A Verlet neighbour list over periodic images, built with cell bins in O(N).
///
/// Periodicity is handled with *ghost* atoms, as in LAMMPS: the list's extended atoms are the N
/// local atoms (extended index i = atom i) followed by images of atoms near the cell faces. Extended
/// atom e sits at `positions[owners[e]] + offsets[e]` (Å), so the list stays valid while atoms move
/// and is rebuilt only when some atom has moved more than half the skin since the last build. A
/// cutoff longer than half the cell is fine: every image within reach is its own ghost, so an atom
/// interacting with several images of one neighbour sees each of them, as LAMMPS and n2p2 do.
///
/// Pairs are stored within `cutoff + skin`; potentials test r < r_c themselves. Forces on a ghost
/// belong to its owner.
public struct NeighborList: Sendable {
    /// Interaction cutoff r_c (length unit of the positions).
    public let cutoff: Double
    /// Verlet skin: pairs out to r_c + skin are listed.
    public let skin: Double
    public let kind: NeighborListKind
    /// Number of local atoms N.
    public private(set) var localCount: Int
    /// Owner of each extended atom (locals first, so owners[i] = i for i < N).
    public private(set) var owners: [Int32]
    /// Offset of each extended atom from its owner's current position.
    public private(set) var offsets: [Vector3]
    /// Neighbours of local atom i are neighbors[firstNeighbor[i] ..< firstNeighbor[i + 1]] (extended indices).
    public private(set) var firstNeighbor: [Int32]
    public private(set) var neighbors: [Int32]
    /// How many times the list has been built (1 after init).
    public private(set) var buildCount = 0
    /// Threads the pair search of a build may use (nil: ``ThreadCount/current``). The list is the same
    /// whatever the count (see ``pairs(_:owners:offsets:localCount:reach:kind:threads:)``).
    public var threads: ThreadCount?
    /// The list read by target (``transposed``) and each slot's mirror (``mirrorSlots``), made on first
    /// use after each build.
    var transposeCache = BuildTable<NeighborTranspose>()
    var mirrorCache = BuildTable<[Int32]>()

    private var referencePositions: [Vector3]
    private var referenceCell: Cell?

    /// Builds the list for `system`. `cutoff` and `skin` are lengths in the system's units; `threads`
    /// (default ``ThreadCount/current``) share out the pair search of this and later builds.
    public init(system: AtomicSystem, cutoff: Double, skin: Double = 1.0, kind: NeighborListKind, threads: ThreadCount? = nil) {
        precondition(cutoff > 0 && skin >= 0, "cutoff must be positive and skin non-negative")
        self.cutoff = cutoff
        self.skin = skin
        self.kind = kind
        self.threads = threads
        localCount = 0
        owners = []; offsets = []; firstNeighbor = [0]; neighbors = []
        referencePositions = []
        build(system)
    }

    /// Number of extended atoms (locals and ghosts).
    public var extendedCount: Int { owners.count }

    /// Neighbours (extended indices) of local atom i.
    @inlinable public func neighbors(of i: Int) -> ArraySlice<Int32> {
        neighbors[Int(firstNeighbor[i])..<Int(firstNeighbor[i + 1])]
    }

    /// True if the list must be rebuilt before it can be used for `system`: the atom count or the cell
    /// changed, or some atom moved more than skin/2 since the last build.
    public func needsRebuild(for system: AtomicSystem) -> Bool {
        if system.count != localCount || system.cell != referenceCell { return true }
        let limit = 0.25 * skin * skin
        for i in 0..<system.count where (system.positions[i] - referencePositions[i]).lengthSquared > limit {
            return true
        }
        return false
    }

    /// Rebuilds the list if ``needsRebuild(for:)``; returns whether it did.
    @discardableResult
    public mutating func update(for system: AtomicSystem) -> Bool {
        guard needsRebuild(for: system) else { return false }
        build(system)
        return true
    }

    /// Positions of every extended atom: locals then ghosts.
    public func extendedPositions(_ positions: [Vector3]) -> [Vector3] {
        var out = [Vector3](repeating: .zero, count: owners.count)
        fillExtendedPositions(positions, into: &out)
        return out
    }

    /// Writes the extended positions into `buffer` (resized if needed), avoiding an allocation per step.
    public func fillExtendedPositions(_ positions: [Vector3], into buffer: inout [Vector3]) {
        if buffer.count != owners.count { buffer = [Vector3](repeating: .zero, count: owners.count) }
        positions.withUnsafeBufferPointer { x in
            owners.withUnsafeBufferPointer { own in
                offsets.withUnsafeBufferPointer { off in
                    buffer.withUnsafeMutableBufferPointer { out in
                        for e in 0..<own.count { out[e] = x[Int(own[e])] + off[e] }
                    }
                }
            }
        }
    }

    // MARK: - Building

    private mutating func build(_ system: AtomicSystem) {
        let n = system.count
        localCount = n
        referencePositions = system.positions
        referenceCell = system.cell
        buildCount += 1
        transposeCache = BuildTable()
        mirrorCache = BuildTable()
        let reach = cutoff + skin
        (owners, offsets) = NeighborList.extendedAtoms(system, reach: reach)
        let x = extendedPositions(system.positions)
        (firstNeighbor, neighbors) = NeighborList.pairs(x, owners: owners, offsets: offsets,
                                                        localCount: n, reach: reach, kind: kind, threads: threads ?? .current)
    }

    /// Locals (wrapped into the cell) and every periodic image within `reach` of the cell: the images
    /// of each lattice shift in atom order, the shifts in lexicographic order.
    ///
    /// An image is kept when its fractional coordinates lie within `reach` of the cell on every axis
    /// (reach / width is that distance in fractional units). The rule is symmetric, so the partner of
    /// every listed image pair is listed too. It is a test per axis, so each axis and shift along it
    /// gets one bit per atom, and a lattice shift's images are the set bits of the three masks' AND,
    /// read in ascending order: 64 atoms per operation instead of a test per atom and shift.
    static func extendedAtoms(_ system: AtomicSystem, reach: Double) -> ([Int32], [Vector3]) {
        let n = system.count
        var owners = (0..<n).map { Int32($0) }
        guard let cell = system.cell else { return (owners, [Vector3](repeating: .zero, count: n)) }
        var offsets = [Vector3](repeating: .zero, count: n)
        var fractional = [Vector3](repeating: .zero, count: n)
        for i in 0..<n {
            let shift = cell.wrapShift(system.positions[i])
            offsets[i] = -cell.translation(shift)
            var s = cell.fractional(system.positions[i]) - Vector3(Double(shift.x), Double(shift.y), Double(shift.z))
            s.clamp(lowerBound: Vector3(repeating: 0), upperBound: Vector3(repeating: 1))
            fractional[i] = s
        }
        let pad = Vector3(repeating: reach) / cell.perpendicularWidths
        let most = SIMD3<Int>(Int(pad.x.rounded(.up)), Int(pad.y.rounded(.up)), Int(pad.z.rounded(.up)))
        let words = (n + 63) / 64
        // masks[axis][m + most[axis]]: bit i set when atom i shifted by m along `axis` is kept on that axis.
        let masks = (0..<3).map { axis in
            (-most[axis]...most[axis]).map { m in
                var mask = [UInt64](repeating: 0, count: words)
                for i in 0..<n {
                    let s = fractional[i][axis] + Double(m)
                    if s >= -pad[axis] && s < 1 + pad[axis] { mask[i >> 6] |= 1 << UInt64(i & 63) }
                }
                return mask
            }
        }
        var imageOffsets = offsets
        for n1 in -most.x...most.x {
            for n2 in -most.y...most.y {
                for n3 in -most.z...most.z where n1 != 0 || n2 != 0 || n3 != 0 {
                    let lattice = cell.translation(SIMD3(n1, n2, n3))
                    let mx = masks[0][n1 + most.x], my = masks[1][n2 + most.y], mz = masks[2][n3 + most.z]
                    for w in 0..<words {
                        var bits = mx[w] & my[w] & mz[w]
                        while bits != 0 {
                            let i = w << 6 | bits.trailingZeroBitCount
                            owners.append(Int32(i))
                            imageOffsets.append(offsets[i] + lattice)
                            bits &= bits &- 1
                        }
                    }
                }
            }
        }
        return (owners, imageOffsets)
    }

    /// Sorts buffer[from...] (distinct extended indices) in place, allocating nothing. When the indices
    /// span few 64-bit words compared with their count (typical: a hundred neighbours among a few
    /// thousand extended atoms), each sets its bit in `marks` and the words are read back in order,
    /// clearing them: linear time, where insertion sort moves each element past about half of the
    /// others (the bins' ascending runs are short). Otherwise (indices spread over a large system)
    /// insertion sort. A set of distinct integers has one sorted order, so both give the same list.
    @inline(__always)
    static func sortNeighbors(_ buffer: UnsafeMutableBufferPointer<Int32>, from: Int, marks: UnsafeMutableBufferPointer<UInt64>) {
        guard from + 1 < buffer.count else { return }
        var low = buffer[from], high = low
        for k in (from + 1)..<buffer.count { low = min(low, buffer[k]); high = max(high, buffer[k]) }
        let firstWord = Int(low) >> 6, lastWord = Int(high) >> 6
        guard lastWord - firstWord < 2 * (buffer.count - from) else { return insertionSort(buffer, from: from) }
        for k in from..<buffer.count {
            let e = Int(buffer[k])
            marks[e >> 6] |= 1 << UInt64(e & 63)
        }
        var out = from
        for w in firstWord...lastWord {
            var word = marks[w]
            marks[w] = 0
            while word != 0 {
                buffer[out] = Int32(truncatingIfNeeded: w << 6 | word.trailingZeroBitCount)
                out += 1
                word &= word &- 1
            }
        }
    }

    /// Sorts buffer[from...] in place. Insertion sort: one atom's neighbours are few (tens) and come
    /// in ascending runs bin by bin, where it beats the general sort and allocates nothing.
    @inline(__always)
    static func insertionSort(_ buffer: UnsafeMutableBufferPointer<Int32>, from: Int) {
        guard from + 1 < buffer.count else { return }
        for k in (from + 1)..<buffer.count {
            let v = buffer[k]
            var j = k
            while j > from && buffer[j - 1] > v { buffer[j] = buffer[j - 1]; j -= 1 }
            buffer[j] = v
        }
    }

    /// The half-list rule: pair (i, e) with owner j and image shift S = offset_e - offset_i is kept from
    /// i's side when j > i, or when j == i and S is lexicographically positive. Public so that a
    /// potential walking a full list can count each pair once by the same rule (`owners`, `offsets`
    /// as in this list, or unsafe buffers over them).
    @inlinable @inline(__always)
    public static func isUpperHalf<Owners: RandomAccessCollection<Int32>, Offsets: RandomAccessCollection<Vector3>>(
        _ i: Int, _ e: Int, owners: Owners, offsets: Offsets
    ) -> Bool where Owners.Index == Int, Offsets.Index == Int {
        let j = Int(owners[e])
        if j != i { return j > i }
        let s = offsets[e] - offsets[i]
        if s.x != 0 { return s.x > 0 }
        if s.y != 0 { return s.y > 0 }
        return s.z > 0
    }
}
