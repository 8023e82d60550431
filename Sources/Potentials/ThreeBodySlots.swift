import Geometry

/// Where the Stillinger-Weber loop sends its additions: straight into the sums (``DirectScatter``,
/// the serial loop) or into runs (``RunRecorder``, pass 1 of ``SlotGather``).
///
/// Centre i makes, to the neighbour p-th within r_c (list slot k, target e), this run of force
/// additions: the two-body share (position 0), the three-body share of each triplet (j, p) with
/// j < p (position 1 + j), then the summed share of the triplets (p, k > p) (position 1 + p).
protocol ThreeBodySink {
    /// Centre i starts; its list slots are `slots`.
    mutating func begin(centre i: Int, slots: Range<Int>)
    /// List slot k (target e) is the centre's neighbour p within r_c.
    mutating func neighbor(_ p: Int, slot k: Int, to e: Int)
    /// energies[e] += value, the two-body share made from slot k.
    mutating func addEnergy(_ value: Double, slot k: Int, to e: Int)
    /// forces[e] += value, the addition at `position` of neighbour p's run.
    mutating func addForce(_ value: Vector3, neighbor p: Int, position q: Int, to e: Int)
    /// energies[i] += value, the centre's own sum, after its runs.
    mutating func addOwnEnergy(_ value: Double, to i: Int)
    /// forces[i] += value, the centre's own sum, after its runs.
    mutating func addOwnForce(_ value: Vector3, to i: Int)
    /// The centre had m neighbours within r_c.
    mutating func end(neighbors m: Int)
}

extension DirectScatter: ThreeBodySink {
    @inline(__always) func begin(centre i: Int, slots: Range<Int>) {}
    @inline(__always) func neighbor(_ p: Int, slot k: Int, to e: Int) {}
    @inline(__always) mutating func addForce(_ value: Vector3, neighbor p: Int, position q: Int, to e: Int) { addForce(value, to: e) }
    @inline(__always) func end(neighbors m: Int) {}
}

/// One run of force additions from a centre atom to one of its neighbours within r_c, with the
/// two-body energy added along with it (+0 when the pair's two-body term is taken from its other end).
struct RunRecord {
    var centre: Int32, target: Int32
    /// The run: values start ..< start + count of the centre's block's run buffer.
    var start: Int32, count: Int32
    var energy: Double
}

/// Pass 1 of ``SlotGather`` for the Stillinger-Weber loop, one block of centres: neighbour p's run of
/// p + 2 values at p(p + 3)/2 from the centre's start (the two-body position holds +0 when the pair's
/// two-body term is taken from its other end), a ``RunRecord`` per neighbour within r_c, in the
/// serial order, and the centre's own sums.
///
/// Only pairs within r_c get a record: a full list with a skin lists several times more pairs than
/// interact, and touching a slot per listed pair would cost as much as the loop itself.
struct RunRecorder: ThreeBodySink {
    /// The block's runs and records; moved in and out of ``SlotScratch``.
    var values: GrowingBuffer<Vector3>, records: GrowingBuffer<RunRecord>
    private(set) var recordCount = 0
    /// Where the current centre's runs start in `values`.
    private var start = 0
    private var centre: Int32 = 0
    let ownEnergies: UnsafeMutablePointer<Double>, ownForces: UnsafeMutablePointer<Vector3>

    init(_ scratch: SlotScratch, values: GrowingBuffer<Vector3>, records: GrowingBuffer<RunRecord>) {
        (self.values, self.records) = (values, records)
        (ownEnergies, ownForces) = (scratch.ownEnergies.base, scratch.ownForces.base)
    }

    /// Offset of neighbour p's run from the centre's start: Σ_{q<p} (q + 2).
    @inline(__always) static func offset(_ p: Int) -> Int { p * (p + 3) / 2 }

    mutating func begin(centre i: Int, slots: Range<Int>) {
        // Room for every listed neighbour within r_c.
        values.grow(to: start + Self.offset(slots.count), keeping: start)
        records.grow(to: recordCount + slots.count, keeping: recordCount)
        centre = Int32(i)
    }

    @inline(__always) mutating func neighbor(_ p: Int, slot k: Int, to e: Int) {
        let at = start + Self.offset(p)
        records.base[recordCount] = RunRecord(centre: centre, target: Int32(e), start: Int32(at), count: Int32(p + 2), energy: 0)
        recordCount += 1
        values.base[at] = .zero
    }

    /// The two-body energy of the neighbour last passed to ``neighbor(_:slot:to:)``.
    @inline(__always) func addEnergy(_ value: Double, slot k: Int, to e: Int) { records.base[recordCount - 1].energy = value }
    @inline(__always) func addForce(_ value: Vector3, neighbor p: Int, position q: Int, to e: Int) {
        values.base[start + Self.offset(p) + q] = value
    }
    @inline(__always) func addOwnEnergy(_ value: Double, to i: Int) { ownEnergies[i] = value }
    @inline(__always) func addOwnForce(_ value: Vector3, to i: Int) { ownForces[i] = value }
    @inline(__always) mutating func end(neighbors m: Int) { start += Self.offset(m) }
}

/// Pass 2's view of the records sorted by target: each one's energy and its run in the block of its centre.
struct SortedRuns: EntryValues {
    let records: UnsafePointer<RunRecord>
    /// Each block's run values.
    let blocks: UnsafeBufferPointer<UnsafeMutablePointer<Vector3>>
    /// log₂ of the atoms per block (a shift, not a division, per record).
    let blockShift: Int

    /// Reads `records` and the block buffers `blocks` of ``AtomBlocks`` of `blockSize` (a power of 2) atoms.
    init(records: UnsafePointer<RunRecord>, blocks: UnsafeBufferPointer<UnsafeMutablePointer<Vector3>>, blockSize: Int) {
        precondition(blockSize > 0 && blockSize & (blockSize - 1) == 0, "blocks of a power of 2 atoms")
        (self.records, self.blocks, blockShift) = (records, blocks, blockSize.trailingZeroBitCount)
    }

    @inline(__always) func energy(entry t: Int) -> Double { records[t].energy }

    @inline(__always) func addForces(entry t: Int, to sum: inout Vector3) {
        let r = records[t]
        let values = blocks[Int(r.centre) >> blockShift]
        for q in Int(r.start)..<Int(r.start + r.count) { sum += values[q] }
    }
}

extension SlotScratch {
    /// Sorts the blocks' run records by target, keeping their order within each target (block order,
    /// then the serial order), into ``sortedRecords``; sets ``targetStart`` (extended + 1 entries) and,
    /// for the local atoms, ``targetOwnAt``: the first record of a centre above the target.
    /// A counting sort over the records (pairs within r_c), not the listed pairs.
    func sortRecords(blocks: Int, extended: Int, local n: Int) {
        var total = 0
        for b in 0..<blocks { total += blockRecordCounts.base[b] }
        sortedRecords.reserve(total)
        targetStart.reserve(extended + 1)
        targetOwnAt.reserve(max(1, n))
        let start = targetStart.base, ownAt = targetOwnAt.base, sorted = sortedRecords.base
        start.update(repeating: 0, count: extended + 1)
        for b in 0..<blocks {
            let records = blockRecords[b].base
            for r in 0..<blockRecordCounts.base[b] { start[Int(records[r].target) + 1] += 1 }
        }
        for e in 0..<extended { start[e + 1] += start[e] }
        // ownAt[e] doubles as e's fill position while sorting; records come in centre order, so a
        // local target's own place is the fill position once its last lower centre is placed.
        let fill = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, extended))
        defer { fill.deallocate() }
        fill.update(from: start, count: extended)
        for e in 0..<n { ownAt[e] = start[e] }
        for b in 0..<blocks {
            let records = blockRecords[b].base
            for r in 0..<blockRecordCounts.base[b] {
                let record = records[r]
                let e = Int(record.target)
                let at = Int(fill[e])
                sorted[at] = record
                fill[e] = Int32(at + 1)
                if e < n && Int(record.centre) < e { ownAt[e] = Int32(at + 1) }
            }
        }
    }
}
