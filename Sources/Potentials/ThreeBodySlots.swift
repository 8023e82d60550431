import Geometry

/// Where the Stillinger-Weber loop sends its additions: straight into the sums (``DirectScatter``,
/// the serial loop) or into runs by list slot (``RunRecorder``, pass 1 of ``SlotGather``).
///
/// Centre i makes, to the neighbour p-th within r_c (list slot k, target e), this run of force
/// additions: the two-body share (position 0), the three-body share of each triplet (j, p) with
/// j < p (position 1 + j), then the summed share of the triplets (p, k > p) (position 1 + p).
protocol ThreeBodySink {
    /// Centre i starts; its list slots are `slots`.
    mutating func begin(centre i: Int, slots: Range<Int>)
    /// List slot k is centre's neighbour p within r_c.
    mutating func neighbor(_ p: Int, slot k: Int)
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
    @inline(__always) func neighbor(_ p: Int, slot k: Int) {}
    @inline(__always) mutating func addForce(_ value: Vector3, neighbor p: Int, position q: Int, to e: Int) { addForce(value, to: e) }
    @inline(__always) func end(neighbors m: Int) {}
}

/// Pass 1 of ``SlotGather`` for the Stillinger-Weber loop: one block's force runs, neighbour p's
/// run of p + 2 values at p(p + 3)/2 from the centre's start (the two-body position holds +0 when
/// the pair's two-body term is taken from its other end); each slot's run and two-body energy (+0
/// when none is added from it) at its transpose entry; the centre's own sums.
struct RunRecorder: ThreeBodySink {
    /// The block's runs; moved in and out of ``SlotScratch/blockRuns``.
    var values: GrowingBuffer<Vector3>
    /// Where the current centre's runs start in `values`.
    private(set) var start = 0
    let entries: UnsafePointer<Int32>
    let runs: UnsafeMutablePointer<SIMD2<Int32>>
    let slotEnergies: UnsafeMutablePointer<Double>
    let ownEnergies: UnsafeMutablePointer<Double>, ownForces: UnsafeMutablePointer<Vector3>

    init(_ scratch: SlotScratch, entries: UnsafePointer<Int32>, values: GrowingBuffer<Vector3>) {
        (self.entries, self.values) = (entries, values)
        (runs, slotEnergies) = (scratch.runs.base, scratch.slotEnergies.base)
        (ownEnergies, ownForces) = (scratch.ownEnergies.base, scratch.ownForces.base)
    }

    /// Offset of neighbour p's run from the centre's start: Σ_{q<p} (q + 2).
    @inline(__always) static func offset(_ p: Int) -> Int { p * (p + 3) / 2 }

    mutating func begin(centre i: Int, slots: Range<Int>) {
        // Room for every listed neighbour within r_c; slots beyond r_c add nothing.
        values.grow(to: start + Self.offset(slots.count), keeping: start)
        for k in slots {
            let t = Int(entries[k])
            runs[t] = .zero
            slotEnergies[t] = 0
        }
    }

    @inline(__always) func neighbor(_ p: Int, slot k: Int) {
        let at = start + Self.offset(p)
        runs[Int(entries[k])] = SIMD2(Int32(at), Int32(p + 2))
        values.base[at] = .zero
    }

    @inline(__always) func addEnergy(_ value: Double, slot k: Int, to e: Int) { slotEnergies[Int(entries[k])] = value }
    @inline(__always) func addForce(_ value: Vector3, neighbor p: Int, position q: Int, to e: Int) {
        values.base[start + Self.offset(p) + q] = value
    }
    @inline(__always) func addOwnEnergy(_ value: Double, to i: Int) { ownEnergies[i] = value }
    @inline(__always) func addOwnForce(_ value: Vector3, to i: Int) { ownForces[i] = value }
    @inline(__always) mutating func end(neighbors m: Int) { start += Self.offset(m) }
}

/// Pass 2's view of the runs: an entry's run lies in the block of its centre.
struct BlockRuns: SlotRuns {
    let runs: UnsafePointer<SIMD2<Int32>>
    let centres: UnsafePointer<Int32>
    /// Each block's run values.
    let blocks: UnsafeBufferPointer<UnsafeMutablePointer<Vector3>>
    /// log₂ of the atoms per block (a shift, not a division, per slot).
    let blockShift: Int

    /// Reads `runs` (by entry), the transpose's `centres` and the block buffers `blocks` of
    /// ``AtomBlocks`` of `blockSize` (a power of 2) atoms.
    init(runs: UnsafePointer<SIMD2<Int32>>, centres: UnsafePointer<Int32>,
         blocks: UnsafeBufferPointer<UnsafeMutablePointer<Vector3>>, blockSize: Int) {
        precondition(blockSize > 0 && blockSize & (blockSize - 1) == 0, "blocks of a power of 2 atoms")
        (self.runs, self.centres, self.blocks, blockShift) = (runs, centres, blocks, blockSize.trailingZeroBitCount)
    }

    @inline(__always) func add(entry t: Int, to sum: inout Vector3) {
        let run = runs[t]
        let values = blocks[Int(centres[t]) >> blockShift]
        for q in Int(run.x)..<Int(run.x + run.y) { sum += values[q] }
    }
}
