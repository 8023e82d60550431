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
    /// Per list slot: stamp, centre species, r, then the neighbour's row of the workspace's tables:
    /// f_c and f_c′ of each radius (``DescriptorWorkspace/radiusStride`` each) and its Gaussians
    /// (``DescriptorWorkspace/gaussianStride``).
    private var values = GrowingBuffer<Double>(capacity: 1)
    let stride: Int
    static let header = 3
    let radiusStride: Int, gaussianStride: Int
    private(set) var stamp = 0.0
    /// ``NeighborList/mirrorSlots`` of the evaluation's list.
    private(set) var mirror: [Int32] = []
    /// Slots whose factors were copied from their mirror so far (what the tests look at).
    var reused = 0

    init(radiusStride: Int, gaussianStride: Int) {
        (self.radiusStride, self.gaussianStride) = (radiusStride, gaussianStride)
        stride = PairShare.header + 2 * radiusStride + gaussianStride
    }

    deinit { values.deallocate() }

    /// Starts an evaluation over `list`'s slots.
    func begin(_ list: NeighborList) {
        mirror = list.mirrorSlots
        stamp += 1
        // Fresh memory is zeroed: stamps start at 1, so no entry of it counts.
        if values.reserve(stride * mirror.count) { values.base.initialize(repeating: 0, count: values.capacity) }
    }

    /// The entry of slot k.
    @inline(__always) func entry(_ k: Int) -> UnsafeMutablePointer<Double> { values.base + k * stride }

    /// Whether `entry` holds factors stored in this evaluation for centre species `species` at distance r.
    @inline(__always) func holds(_ entry: UnsafePointer<Double>, species: Int, distance r: Double) -> Bool {
        entry[0] == stamp && entry[1] == Double(species) && entry[2].bitPattern == r.bitPattern
    }
}

extension DescriptorWorkspace {
    /// Copies loaded neighbour `slot`'s radial factors from a ``PairShare`` entry (whole rows).
    @inline(__always) func copyPairFactors(from entry: UnsafePointer<Double>, to slot: Int) {
        let rs = radiusStride, gs = gaussianStride, row = entry + PairShare.header
        (cutoffValue + slot * rs).update(from: row, count: rs)
        (cutoffSlope + slot * rs).update(from: row + rs, count: rs)
        (gaussian + slot * gs).update(from: row + 2 * rs, count: gs)
    }

    /// Stores loaded neighbour `slot`'s radial factors, computed at distance r for centre species
    /// `species`, in a ``PairShare`` entry.
    @inline(__always) func savePairFactors(of slot: Int, species: Int, distance r: Double, stamp: Double,
                                           to entry: UnsafeMutablePointer<Double>) {
        let rs = radiusStride, gs = gaussianStride, row = entry + PairShare.header
        entry[0] = stamp; entry[1] = Double(species); entry[2] = r
        row.update(from: cutoffValue + slot * rs, count: rs)
        (row + rs).update(from: cutoffSlope + slot * rs, count: rs)
        (row + 2 * rs).update(from: gaussian + slot * gs, count: gs)
    }
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

