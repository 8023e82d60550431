extension NeighborList {
    /// Local atoms from which a build shares its pair search over threads; the list is the same either
    /// way. Measured on 2 cores (best of 15, real-time priority), 2 threads against 1, when the image
    /// search was shared too: 1.37-1.63x for 512 silicon atoms, 1.60-1.68x for 1000, 1.32-1.61x for 864
    /// argon atoms and 1.76-1.81x for 2048-4000.
    static let parallelSearchAtoms = 512

    /// Cell-binned pair search over the extended atoms: for each local atom, its neighbours within
    /// `reach` (extended indices, sorted), half or full.
    ///
    /// On several threads, fixed blocks of local atoms (``AtomBlocks``, 64 atoms) are searched in
    /// parallel, each into a list of its own, and the lists are joined in block order. Each atom's
    /// neighbours depend on that atom alone and come out sorted, so the list has the same entries in
    /// the same order on any number of threads.
    static func pairs(_ x: [Vector3], owners: [Int32], offsets: [Vector3], localCount n: Int,
                      reach: Double, kind: NeighborListKind, threads: ThreadCount) -> ([Int32], [Int32]) {
        var first = [Int32](repeating: 0, count: n + 1)
        guard !x.isEmpty else { return (first, []) }
        let bins = CellBins(x, owners: owners, reach: reach)
        let half = kind == .half
        let blocks = AtomBlocks(count: n, size: 64)
        let workers = n >= parallelSearchAtoms ? blocks.workers(threads) : 1
        // One bit per extended atom and worker, all clear between atoms (see ``sortNeighbors``), and
        // room for every candidate of one atom.
        var marks = (0..<workers).map { _ in [UInt64](repeating: 0, count: (x.count + 63) / 64) }
        let scratch = (0..<workers).map { _ in UnsafeMutablePointer<Int32>.allocate(capacity: x.count) }
        defer { scratch.forEach { $0.deallocate() } }
        return first.withUnsafeMutableBufferPointer { first in
            // ends[i] = first[i + 1]: where atom i's neighbours end.
            let ends = first.baseAddress! + 1
            guard workers > 1 else {
                var list = [Int32]()
                list.reserveCapacity(n * (half ? 40 : 80))
                marks[0].withUnsafeMutableBufferPointer { marks in
                    bins.search(0..<n, x: x, owners: owners, offsets: offsets, half: half, into: &list, ends: ends, marks: marks,
                                scratch: scratch[0])
                }
                return (Array(first), list)
            }
            var lists = [[Int32]](repeating: [], count: blocks.blockCount)
            lists.withUnsafeMutableBufferPointer { lists in
                marks.withUnsafeMutableBufferPointer { marks in
                    blocks.forEach(threads: threads) { b, worker in
                        var list = [Int32]()
                        list.reserveCapacity(blocks.size * (half ? 40 : 80))
                        marks[worker].withUnsafeMutableBufferPointer { marks in
                            bins.search(blocks.atoms(of: b), x: x, owners: owners, offsets: offsets, half: half,
                                        into: &list, ends: ends, marks: marks, scratch: scratch[worker])
                        }
                        lists[b] = list
                    }
                }
            }
            // Each block's ends count from its own list's start; shift them by the lists before it.
            var total = 0
            for b in 0..<blocks.blockCount {
                for i in blocks.atoms(of: b) { ends[i] += Int32(total) }
                total += lists[b].count
            }
            let list = [Int32](unsafeUninitializedCapacity: total) { out, count in
                var at = 0
                for block in lists {
                    block.withUnsafeBufferPointer { out.baseAddress!.advanced(by: at).initialize(from: $0.baseAddress!, count: $0.count) }
                    at += block.count
                }
                count = total
            }
            return (Array(first), list)
        }
    }
}

/// The extended atoms sorted into cubic-ish bins, for the pair search.
private struct CellBins {
    let lo: Vector3, scale: Vector3
    let dims: SIMD3<Int>
    /// Bins are at least 1/scale wide, so neighbours within the reach lie at most `span` bins away.
    let span: SIMD3<Int>
    let reach2: Double
    /// Extended atoms in bin order, with their positions and owners copied in the same order so the
    /// scan reads memory contiguously; bin b holds sorted[binStart[b] ..< binStart[b + 1]].
    let sorted: [Int32], sortedX: [Vector3], sortedOwner: [Int32], binStart: [Int32]

    init(_ x: [Vector3], owners: [Int32], reach: Double) {
        var lo = x[0], hi = x[0]
        for p in x { lo = pointwiseMin(lo, p); hi = pointwiseMax(hi, p) }
        // Bins at least reach/2 wide (a stencil of ±2 bins then covers the reach while scanning
        // (2.5 reach)³ instead of (3 reach)³), and never many more bins than atoms (a sparse cluster).
        var binSize = max(0.5 * reach, 1e-6)
        var dims = SIMD3<Int>.one
        while true {
            let extent = hi - lo
            dims = SIMD3(max(1, Int(extent.x / binSize)), max(1, Int(extent.y / binSize)), max(1, Int(extent.z / binSize)))
            if dims.x * dims.y * dims.z <= 8 * x.count + 27 { break }
            binSize *= 1.5
        }
        let binCount = dims.x * dims.y * dims.z
        let scale = Vector3(Double(dims.x), Double(dims.y), Double(dims.z)) / pointwiseMax(hi - lo, Vector3(repeating: 1e-9))
        (self.lo, self.scale, self.dims, reach2) = (lo, scale, dims, reach * reach)
        span = SIMD3<Int>(Int((reach * scale.x).rounded(.up)), Int((reach * scale.y).rounded(.up)),
                          Int((reach * scale.z).rounded(.up)))
        // Counting sort of extended atoms by bin.
        var binOf = [Int32](repeating: 0, count: x.count)
        var binStart = [Int32](repeating: 0, count: binCount + 1)
        for e in 0..<x.count {
            let c = Self.coordinates(x[e], lo: lo, scale: scale, dims: dims)
            let b = (c.z * dims.y + c.y) * dims.x + c.x
            binOf[e] = Int32(b)
            binStart[b + 1] += 1
        }
        for b in 0..<binCount { binStart[b + 1] += binStart[b] }
        var fill = binStart
        var sorted = [Int32](repeating: 0, count: x.count)
        var sortedX = [Vector3](repeating: .zero, count: x.count)
        var sortedOwner = [Int32](repeating: 0, count: x.count)
        for e in 0..<x.count {
            let b = Int(binOf[e])
            let k = Int(fill[b])
            sorted[k] = Int32(e)
            sortedX[k] = x[e]
            sortedOwner[k] = owners[e]
            fill[b] += 1
        }
        (self.sorted, self.sortedX, self.sortedOwner, self.binStart) = (sorted, sortedX, sortedOwner, binStart)
    }

    @inline(__always)
    static func coordinates(_ p: Vector3, lo: Vector3, scale: Vector3, dims: SIMD3<Int>) -> SIMD3<Int> {
        let f = (p - lo) * scale
        return SIMD3(min(dims.x - 1, max(0, Int(f.x))), min(dims.y - 1, max(0, Int(f.y))), min(dims.z - 1, max(0, Int(f.z))))
    }

    /// Appends the neighbours of each local atom in `atoms` to `list`, sorted, and sets ends[i] to
    /// the list's length after atom i. `scratch` holds one index per extended atom.
    ///
    /// Whether a candidate is kept (within reach, and for a half list owned by an atom above i) is
    /// close to random, so a branch on it mispredicts often: each candidate is written to `scratch`,
    /// and the count advances by 1 exactly when it is kept, with no branch. Only candidates owned by i
    /// itself (i, and its images when the reach exceeds half the cell) take a branch, which is rare.
    func search(_ atoms: Range<Int>, x: [Vector3], owners: [Int32], offsets: [Vector3], half: Bool,
                into list: inout [Int32], ends: UnsafeMutablePointer<Int32>, marks: UnsafeMutableBufferPointer<UInt64>,
                scratch: UnsafeMutablePointer<Int32>) {
        sorted.withUnsafeBufferPointer { sorted in
        sortedX.withUnsafeBufferPointer { sortedX in
        sortedOwner.withUnsafeBufferPointer { sortedOwner in
        binStart.withUnsafeBufferPointer { binStart in
            for i in atoms {
                var kept = 0
                let xi = x[i]
                let c = Self.coordinates(xi, lo: lo, scale: scale, dims: dims)
                for bz in max(0, c.z - span.z)...min(dims.z - 1, c.z + span.z) {
                    for by in max(0, c.y - span.y)...min(dims.y - 1, c.y + span.y) {
                        let row = (bz * dims.y + by) * dims.x
                        // Bins along x in one row are contiguous in the sorted arrays.
                        let from = Int(binStart[row + max(0, c.x - span.x)])
                        let to = Int(binStart[row + min(dims.x - 1, c.x + span.x) + 1])
                        for k in from..<to {
                            let d = sortedX[k] - xi
                            let owner = Int(sortedOwner[k])
                            let e = sorted[k]
                            scratch[kept] = e
                            let within = (d * d).sum() < reach2
                            // For a half list, pairs whose owner is below i are listed from the owner's side.
                            var keep = within && (half ? owner > i : owner != i)
                            if owner == i && Int(e) != i {
                                keep = within && (!half || NeighborList.isUpperHalf(i, Int(e), owners: owners, offsets: offsets))
                            }
                            kept &+= Int(unsafeBitCast(keep, to: UInt8.self))
                        }
                    }
                }
                // Sorted neighbours give deterministic sums and better memory locality.
                let found = UnsafeMutableBufferPointer(start: scratch, count: kept)
                NeighborList.sortNeighbors(found, from: 0, marks: marks)
                list.append(contentsOf: found)
                ends[i] = Int32(list.count)
            }
        }}}}
    }
}
