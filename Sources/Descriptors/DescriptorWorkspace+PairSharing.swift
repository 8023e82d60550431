import Geometry

/// The radial factors of each pair computed once, not from both ends: f_c(r), f_c′(r) and every
/// exp(−η(r − r_s)²) of a pair of atoms of one species are the same numbers at both of its slots of a
/// full list whenever the two distances are the same number (they are functions of r alone, and the
/// centre's species fixes which ones). The first end to be loaded stores them with r; the second,
/// its ``NeighborList/mirrorSlots`` entry, copies them if the stored r is bit for bit its own, and
/// computes them otherwise. Results are therefore the same bits as computing every slot.
///
/// Used by one workspace over one evaluation (the atoms one worker loads); an entry counts only if
/// stored in the same evaluation, which its stamp says.
final class PairShare {
    /// Per list slot: stamp, centre species, r, then f_c and f_c′ of each radius and the Gaussians.
    private var values = GrowingBuffer<Double>(capacity: 1)
    let stride: Int
    static let header = 3
    let slopeStart: Int, gaussianStart: Int
    private(set) var stamp = 0.0
    /// ``NeighborList/mirrorSlots`` and ``NeighborList/owners`` of the evaluation's list.
    private(set) var mirror = GrowingBuffer<Int32>(), owners = GrowingBuffer<Int32>()
    private(set) var slotCount = 0
    /// Slots whose factors were copied from their mirror so far (what the tests look at).
    var reused = 0

    init(radiusStride: Int, gaussianStride: Int) {
        slopeStart = PairShare.header + radiusStride
        gaussianStart = PairShare.header + 2 * radiusStride
        stride = gaussianStart + gaussianStride
    }

    deinit { values.deallocate(); mirror.deallocate(); owners.deallocate() }

    /// Starts an evaluation over `list`'s slots.
    func begin(_ list: NeighborList) {
        slotCount = list.neighbors.count
        mirror.copy(list.mirrorSlots)
        owners.copy(list.owners)
        stamp += 1
        // Fresh memory is zeroed: stamps start at 1, so no entry of it counts.
        if values.reserve(stride * slotCount) { values.base.initialize(repeating: 0, count: values.capacity) }
    }

    /// The entry of slot k.
    @inline(__always) func entry(_ k: Int) -> UnsafeMutablePointer<Double> { values.base + k * stride }
}

extension DescriptorWorkspace {
    /// The largest table of pair values (doubles, summed over slots) worth keeping: beyond a few MB it
    /// no longer stays in cache, and reading it back costs about what it saves.
    static let pairShareLimit = 1 << 19

    /// Computes each radial pair factor once per pair over the evaluation that loads atoms of `frame`
    /// from now on (see ``PairShare``), when the table fits the cache; else every slot computes its own.
    /// The results are the same bits either way.
    public func shareSymmetricPairs(of frame: DescriptorFrame) {
        let list = frame.neighbors
        guard list.kind == .full,
              list.neighbors.count * (PairShare.header + 2 * radiusStride + gaussianStride) <= DescriptorWorkspace.pairShareLimit else {
            pairShare = nil
            return
        }
        let share = pairShare ?? PairShare(radiusStride: radiusStride, gaussianStride: gaussianStride)
        share.begin(list)
        pairShare = share
    }
}

