import Geometry

/// Parallel sums that come out bit for bit as a serial scatter loop over centre atoms makes them.
///
/// A serial loop over centre atoms i adds, for each listed neighbour slot k of i (target e =
/// neighbors[k]), a run of values to e's sums, and at the end of i its own sums to i. The sum of an
/// extended atom e therefore receives, in this order: the runs of the slots targeting e whose centre
/// is below e (in increasing slot order), e's own sums (a local atom), then the runs of slots whose
/// centre is above e. Floating-point addition is not associative, so that order is what fixes the bits.
///
/// Pass 1 (parallel over fixed blocks of centres) stores each slot's values at the slot's entry in
/// the list's transpose (``NeighborList/transposed``, kept with the list until it is rebuilt), and
/// each centre's own sums, instead of adding them. Pass 2 (parallel over fixed blocks of targets)
/// adds, per target, its entries' values in entry order with the own sums at ``NeighborTranspose/ownAt``,
/// starting from +0 as the serial sums do, reading memory in order. So the result is the serial
/// loop's, bit for bit, on any number of threads; the serial loop itself stays the path for one thread.
/// Lennard-Jones sums this way; Stillinger-Weber, whose additions cost as much to store as to make,
/// runs in parts instead (``PartitionedSums``).
enum SlotGather {
    /// Targets per block of pass 2.
    static let targetBlock = 256

    /// Pass 2: writes every extended atom e's energy (and force) sum into `sums`: the values of its
    /// entries start[e] ..< start[e + 1] in order (stored in `scratch` by ``SlotRecorder``), with a local
    /// atom's own sums added before entry ownAt[e].
    static func gather(start: UnsafeBufferPointer<Int32>, ownAt: UnsafeBufferPointer<Int32>,
                       threads: ThreadCount, scratch: SlotScratch, into sums: inout ExtendedSums) {
        let withForces = !sums.forces.isEmpty
        let n = ownAt.count
        let blocks = AtomBlocks(count: start.count - 1, size: targetBlock)
        sums.energies.withUnsafeMutableBufferPointer { energies in
        sums.forces.withUnsafeMutableBufferPointer { forces in
            let ownEnergies = scratch.ownEnergies.base, ownForces = scratch.ownForces.base
            let slotEnergies = scratch.slotEnergies.base, slotForces = scratch.slotForces.base
            blocks.forEach(threads: threads) { b, _ in
                for e in blocks.atoms(of: b) {
                    var energy = 0.0, force = Vector3.zero
                    let end = Int(start[e + 1])
                    // A local atom's own sums come between the entries of lower and higher centres.
                    let own = e < n ? Int(ownAt[e]) : end
                    func addEntries(_ entries: Range<Int>) {
                        for t in entries {
                            energy += slotEnergies[t]
                            if withForces { force += slotForces[t] }
                        }
                    }
                    addEntries(Int(start[e])..<own)
                    if e < n {
                        energy += ownEnergies[e]
                        if withForces { force += ownForces[e] }
                    }
                    addEntries(own..<end)
                    energies[e] = energy
                    if withForces { forces[e] = force }
                }
            }
        }}
    }
}

/// Pass-1 storage of ``SlotGather``: energies and forces by transpose entry and per-centre own sums.
/// Values are plain (trivial) numbers written before they are read, so the memory is never
/// initialised as a whole.
///
/// Kept in a ``ScratchPool`` between evaluations; each evaluation takes a set of its own.
final class SlotScratch: @unchecked Sendable {
    var slotEnergies = GrowingBuffer<Double>()
    var slotForces = GrowingBuffer<Vector3>()
    var ownEnergies = GrowingBuffer<Double>()
    var ownForces = GrowingBuffer<Vector3>()

    /// Sized for `slots` list slots (one value each) and `centres` centre atoms.
    func reserve(slots: Int, centres: Int, withForces: Bool) {
        ownEnergies.reserve(centres)
        if withForces { ownForces.reserve(centres) }
        slotEnergies.reserve(slots)
        if withForces { slotForces.reserve(slots) }
    }

    deinit {
        slotEnergies.deallocate(); slotForces.deallocate(); ownEnergies.deallocate(); ownForces.deallocate()
    }

    private static let pool = ScratchPool<SlotScratch>(keeping: 4)

    /// Runs `body` with a scratch set from the pool (or a new one), returned to the pool afterwards.
    static func withScratch<R>(_ body: (SlotScratch) -> R) -> R {
        pool.withItem(make: SlotScratch.init) { body($0) }
    }
}

/// Where a pair kernel sends each slot's addition and each centre's own sums: straight into the sums
/// (``DirectScatter``, the serial loop) or into ``SlotScratch`` (``SlotRecorder``, pass 1).
protocol SlotSink {
    /// energies[e] += value, made from list slot k.
    mutating func addEnergy(_ value: Double, slot k: Int, to e: Int)
    /// forces[e] += value, made from list slot k.
    mutating func addForce(_ value: Vector3, slot k: Int, to e: Int)
    /// energies[i] += value, centre i's own sum, added after its slots.
    mutating func addOwnEnergy(_ value: Double, to i: Int)
    /// forces[i] += value, centre i's own sum, added after its slots.
    mutating func addOwnForce(_ value: Vector3, to i: Int)
}

extension DirectScatter: SlotSink {
    @inline(__always) mutating func addEnergy(_ value: Double, slot k: Int, to e: Int) { addEnergy(value, to: e) }
    @inline(__always) mutating func addForce(_ value: Vector3, slot k: Int, to e: Int) { addForce(value, to: e) }
    @inline(__always) mutating func addOwnEnergy(_ value: Double, to i: Int) { addEnergy(value, to: i) }
    @inline(__always) mutating func addOwnForce(_ value: Vector3, to i: Int) { addForce(value, to: i) }
}

/// Pass 1 of ``SlotGather`` for kernels making at most one energy and one force addition per slot:
/// stores them at the slot's transpose entry, and the own sums by centre. Blocks write disjoint
/// entries and centres.
struct SlotRecorder: SlotSink {
    let entries: UnsafePointer<Int32>
    let slotEnergies: UnsafeMutablePointer<Double>, slotForces: UnsafeMutablePointer<Vector3>
    let ownEnergies: UnsafeMutablePointer<Double>, ownForces: UnsafeMutablePointer<Vector3>

    /// Writes into `scratch`, reserved for one value per slot, at the slots' `entries`.
    init(_ scratch: SlotScratch, entries: UnsafePointer<Int32>) {
        self.entries = entries
        (slotEnergies, slotForces) = (scratch.slotEnergies.base, scratch.slotForces.base)
        (ownEnergies, ownForces) = (scratch.ownEnergies.base, scratch.ownForces.base)
    }

    @inline(__always) func addEnergy(_ value: Double, slot k: Int, to e: Int) { slotEnergies[Int(entries[k])] = value }
    @inline(__always) func addForce(_ value: Vector3, slot k: Int, to e: Int) { slotForces[Int(entries[k])] = value }
    @inline(__always) func addOwnEnergy(_ value: Double, to i: Int) { ownEnergies[i] = value }
    @inline(__always) func addOwnForce(_ value: Vector3, to i: Int) { ownForces[i] = value }
}

/// A potential's loop over a range of centre atoms, making at most one energy and one force addition
/// per list slot (a pair potential on a half list), generic in where they go.
protocol SlotKernel {
    func run<S: SlotSink>(atoms: Range<Int>, into sink: inout S)
}

extension SlotKernel {
    /// Runs the kernel over every local atom of `neighbors` and leaves the sums in `sums`: the serial
    /// loop adding directly on one worker, else ``SlotGather``'s two passes. Same bits either way.
    func evaluate(_ neighbors: NeighborList, threads: ThreadCount, into sums: inout ExtendedSums) {
        let n = neighbors.localCount
        let blocks = AtomBlocks(count: n)
        // One worker, or no pairs (nothing to share out, and no list memory to point at): the serial loop.
        guard blocks.workers(threads) > 1, !neighbors.neighbors.isEmpty else {
            return sums.addDirectly { run(atoms: 0..<n, into: &$0) }
        }
        let transpose = neighbors.transposed
        SlotScratch.withScratch { scratch in
            scratch.reserve(slots: neighbors.neighbors.count, centres: n, withForces: !sums.forces.isEmpty)
            transpose.entries.withUnsafeBufferPointer { entries in
                let recorder = SlotRecorder(scratch, entries: entries.baseAddress!)
                blocks.forEach(threads: threads) { b, _ in
                    var sink = recorder
                    run(atoms: blocks.atoms(of: b), into: &sink)
                }
                transpose.start.withUnsafeBufferPointer { start in
                    transpose.ownAt.withUnsafeBufferPointer { ownAt in
                        SlotGather.gather(start: start, ownAt: ownAt, threads: threads, scratch: scratch, into: &sums)
                    }
                }
            }
        }
    }
}
