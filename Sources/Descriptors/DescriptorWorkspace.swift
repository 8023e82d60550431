import Geometry

/// Scratch memory for evaluating symmetry functions atom by atom: the current atom's neighbours
/// (sorted by species) with their distances, cutoff values and Gaussians. One per thread; reused across
/// atoms and steps so the hot loops never allocate.
public final class DescriptorWorkspace {
    let plan: DescriptorPlan
    private(set) var capacity = 0
    // Neighbour data of the loaded atom, structure of arrays.
    var dx: UnsafeMutablePointer<Double>
    var dy: UnsafeMutablePointer<Double>
    var dz: UnsafeMutablePointer<Double>
    var distance: UnsafeMutablePointer<Double>
    var extended: UnsafeMutablePointer<Int32>
    /// Per neighbour: f_c and df_c/dr for each distinct radius, and exp(-η(r - r_s)²) for each Gaussian.
    var cutoffValue: UnsafeMutablePointer<Double>
    var cutoffSlope: UnsafeMutablePointer<Double>
    var gaussian: UnsafeMutablePointer<Double>
    /// Per neighbour: ∂E/∂(r_neighbour) accumulated by the backward pass (eV/Å in metal units).
    var gradient: UnsafeMutablePointer<Vector3>
    /// The loaded atom's triplets as ``writeTriplets(of:partners:to:groups:cutoffs:everything:reach2:baseEta:at:)``
    /// lays them out (per neighbour j: a count T, then columns of T values: k, R_jk, cos θ and 3
    /// R_jk-dependent columns per narrow group), written by the forward pass and replayed by the backward pass of the
    /// same atom, so each square root, division and transcendental is computed once.
    var tripletCache: UnsafeMutablePointer<Double> = .allocate(capacity: 1)
    var tripletCacheCapacity = 1
    /// Neighbours of species s are blockStart[s] ..< blockStart[s + 1].
    let blockStart: UnsafeMutablePointer<Int>
    /// Next free slot of each species block while ``load(atom:frame:)`` sorts the neighbours.
    private let fill: UnsafeMutablePointer<Int>
    /// Per neighbour j, scratch of the angular loop: the k > j (or of the other species) close enough
    /// to j for some group, and their R_jk².
    var candidates: UnsafeMutablePointer<Int32>
    var candidateDistance2: UnsafeMutablePointer<Double>
    /// 5 columns of `capacity` doubles: per triplet of one neighbour j, the backward pass's 4 derivative
    /// sums (zero between neighbours) and the forward pass's products of one group.
    var tripletScratch: UnsafeMutablePointer<Double>
    /// Per angular member of the loaded atom's species, filled by ``gradientPass(weights:replaying:)``
    /// (see ``GradientAccumulator/memberWeight``).
    let memberWeight: UnsafeMutablePointer<Double>, memberSlope: UnsafeMutablePointer<Double>
    var count = 0
    var center = 0
    var centerSpecies = 0
    /// Strides of the per-neighbour cutoff and Gaussian tables: the most radii and Gaussians of any species.
    let radiusStride: Int
    let gaussianStride: Int
    // The neighbour-list row of the loaded atom before sorting (raw memory: no checks in the hot loop).
    private var unsortedCapacity = 0
    private var unsortedSpecies: UnsafeMutablePointer<Int32> = .allocate(capacity: 1)
    private var unsortedExtended: UnsafeMutablePointer<Int32> = .allocate(capacity: 1)
    private var unsortedDelta: UnsafeMutablePointer<Vector3> = .allocate(capacity: 1)
    private var unsortedSlot: UnsafeMutablePointer<Int32> = .allocate(capacity: 1)
    /// Radial pair factors shared between the two ends of each pair in this evaluation, if on.
    var pairShare: PairShare?

    init(plan: DescriptorPlan) {
        self.plan = plan
        blockStart = .allocate(capacity: plan.speciesCount + 1)
        blockStart.initialize(repeating: 0, count: plan.speciesCount + 1)
        fill = .allocate(capacity: plan.speciesCount + 1)
        radiusStride = max(1, plan.species.map { $0.cutoffs.count }.max() ?? 1)
        gaussianStride = max(1, plan.species.map { $0.gaussians.count }.max() ?? 1)
        candidates = .allocate(capacity: 1); candidateDistance2 = .allocate(capacity: 1)
        tripletScratch = .allocate(capacity: 5)
        let members = max(1, plan.species.map(\.members.count).max() ?? 1)
        memberWeight = .allocate(capacity: members); memberSlope = .allocate(capacity: members)
        dx = .allocate(capacity: 1); dy = .allocate(capacity: 1); dz = .allocate(capacity: 1)
        distance = .allocate(capacity: 1); extended = .allocate(capacity: 1)
        cutoffValue = .allocate(capacity: 1); cutoffSlope = .allocate(capacity: 1); gaussian = .allocate(capacity: 1)
        gradient = .allocate(capacity: 1)
        reserve(256)
    }


    private func release() {
        dx.deallocate(); dy.deallocate(); dz.deallocate(); distance.deallocate(); extended.deallocate()
        cutoffValue.deallocate(); cutoffSlope.deallocate(); gaussian.deallocate(); gradient.deallocate()
        candidates.deallocate(); candidateDistance2.deallocate(); tripletScratch.deallocate()
    }

    deinit {
        release(); tripletCache.deallocate(); blockStart.deallocate(); fill.deallocate()
        memberWeight.deallocate(); memberSlope.deallocate()
        unsortedSpecies.deallocate(); unsortedExtended.deallocate(); unsortedDelta.deallocate()
        unsortedSlot.deallocate()
    }

    /// Makes room for the triplet cache of the loaded atom: per neighbour j of a pair with angular groups
    /// its triplet count, and per triplet k, R_jk, cos θ and 3 values per narrow group (in columns).
    func reserveTripletCache() {
        let sp = plan.species[centerSpecies]
        var needed = 0
        for a in 0..<plan.speciesCount {
            for b in a..<plan.speciesCount {
                let p = plan.pairIndex(a, b)
                if sp.angularStart[p] == sp.angularStart[p + 1] { continue }
                let na = blockStart[a + 1] - blockStart[a], nb = blockStart[b + 1] - blockStart[b]
                needed += na + (3 + 3 * sp.narrowGroupCount[p]) * (a == b ? na * (na - 1) / 2 : na * nb)
            }
        }
        if needed > tripletCacheCapacity {
            tripletCache.deallocate()
            tripletCacheCapacity = max(needed, 2 * tripletCacheCapacity)
            tripletCache = .allocate(capacity: tripletCacheCapacity)
        }
    }

    private func reserve(_ n: Int) {
        guard n > capacity else { return }
        release()
        let c = max(n, capacity * 2)
        dx = .allocate(capacity: c); dy = .allocate(capacity: c); dz = .allocate(capacity: c)
        distance = .allocate(capacity: c); extended = .allocate(capacity: c)
        cutoffValue = .allocate(capacity: c * radiusStride); cutoffSlope = .allocate(capacity: c * radiusStride)
        gaussian = .allocate(capacity: c * gaussianStride)
        // Zeroed: a row's unused Gaussians (another species' functions) are copied whole by pair sharing.
        gaussian.initialize(repeating: 0, count: c * gaussianStride)
        gradient = .allocate(capacity: c)
        candidates = .allocate(capacity: c); candidateDistance2 = .allocate(capacity: c)
        tripletScratch = .allocate(capacity: 5 * c)
        tripletScratch.initialize(repeating: 0, count: 5 * c)
        capacity = c
    }

    /// Loads local atom `i`: its neighbours within its species' largest cutoff, sorted by species, with
    /// their cutoff values and Gaussians.
    func load(atom i: Int, frame: DescriptorFrame) {
        center = i
        let c = Int(frame.species[i])
        centerSpecies = c
        let sp = plan.species[c]
        let reach2 = sp.maximumCutoff * sp.maximumCutoff
        let xi = frame.positions[i]
        let list = frame.neighbors
        let first = Int(list.firstNeighbor[i]), last = Int(list.firstNeighbor[i + 1])
        reserveUnsorted(last - first)
        let unsortedSpecies = self.unsortedSpecies, unsortedExtended = self.unsortedExtended
        let unsortedDelta = self.unsortedDelta, unsortedSlot = self.unsortedSlot
        var n = 0
        frame.positions.withUnsafeBufferPointer { x in
            list.neighbors.withUnsafeBufferPointer { nb in
                frame.extendedSpecies.withUnsafeBufferPointer { species in
                    for k in first..<last {
                        let e = Int(nb[k])
                        let d = x[e] - xi
                        if (d * d).sum() < reach2 {
                            unsortedSpecies[n] = species[e]
                            unsortedExtended[n] = Int32(e)
                            unsortedDelta[n] = d
                            unsortedSlot[n] = Int32(truncatingIfNeeded: k)
                            n += 1
                        }
                    }
                }
            }
        }
        reserve(n)
        count = n
        // Counting sort by species, keeping neighbour-list order within a species.
        let species = plan.speciesCount
        for s in 0...species { blockStart[s] = 0 }
        for m in 0..<n { blockStart[Int(unsortedSpecies[m]) + 1] += 1 }
        for s in 0..<species { blockStart[s + 1] += blockStart[s] }
        fill.update(from: blockStart, count: species + 1)
        let rs = radiusStride, gs = gaussianStride
        let dx = self.dx, dy = self.dy, dz = self.dz, distance = self.distance, extended = self.extended
        let cutoffValue = self.cutoffValue, cutoffSlope = self.cutoffSlope, gaussian = self.gaussian
        let share = pairShare.flatMap { $0.mirror.count == list.neighbors.count ? $0 : nil }
        let mirror = share?.mirror ?? [], owners = list.owners
        sp.cutoffs.withUnsafeBufferPointer { cutoffs in
        sp.gaussians.withUnsafeBufferPointer { gaussians in
        sp.gaussianList.withUnsafeBufferPointer { needed in
        sp.gaussianListStart.withUnsafeBufferPointer { neededStart in
            for m in 0..<n {
                let s = Int(unsortedSpecies[m])
                let slot = fill[s]
                fill[s] += 1
                let d = unsortedDelta[m]
                let r = d.length
                dx[slot] = d.x; dy[slot] = d.y; dz[slot] = d.z
                distance[slot] = r
                extended[slot] = unsortedExtended[m]
                // The pair's other end, loaded earlier in this evaluation, may have stored these factors;
                // else, if it comes later, they are stored for it.
                var store: UnsafeMutablePointer<Double>? = nil
                let k = Int(unsortedSlot[m])
                if let share, s == c, mirror[k] >= 0 {
                    let mk = Int(mirror[k]), j = Int(owners[Int(unsortedExtended[m])])
                    if j < i || (j == i && mk < k) {
                        let stored = share.entry(mk)
                        if share.holds(stored, species: c, distance: r) {
                            copyPairFactors(from: stored, to: slot)
                            share.reused &+= 1
                            continue
                        }
                    } else {
                        store = share.entry(k)
                    }
                }
                for q in 0..<cutoffs.count {
                    let (f, df) = cutoffs[q].valueAndDerivative(r)
                    cutoffValue[slot * rs + q] = f
                    cutoffSlope[slot * rs + q] = df
                }
                for l in neededStart[s]..<neededStart[s + 1] {
                    let q = Int(needed[l])
                    let g = gaussians[q]
                    let t = r - g.shift
                    gaussian[slot * gs + q] = Foundation.exp(-g.eta * t * t)
                }
                if let store, let share { savePairFactors(of: slot, species: c, distance: r, stamp: share.stamp, to: store) }
            }
        }}}}
    }

    /// Makes room for a neighbour-list row of `n` entries.
    private func reserveUnsorted(_ n: Int) {
        guard n > unsortedCapacity else { return }
        unsortedSpecies.deallocate(); unsortedExtended.deallocate(); unsortedDelta.deallocate()
        unsortedSlot.deallocate()
        unsortedCapacity = max(n, 2 * unsortedCapacity)
        unsortedSlot = .allocate(capacity: unsortedCapacity)
        unsortedSpecies = .allocate(capacity: unsortedCapacity)
        unsortedExtended = .allocate(capacity: unsortedCapacity)
        unsortedDelta = .allocate(capacity: unsortedCapacity)
    }
}

import Foundation

/// One configuration prepared for descriptor evaluation: the positions of every extended atom (locals,
/// then ghosts, as in ``NeighborList``), each extended atom's species index in the set, and the full
/// neighbour list.
public struct DescriptorFrame: Sendable {
    public let positions: [Vector3]
    public let extendedSpecies: [Int32]
    public let neighbors: NeighborList
    /// Species index of every local atom.
    public var species: ArraySlice<Int32> { extendedSpecies[0..<neighbors.localCount] }
    public var atomCount: Int { neighbors.localCount }

    /// Fails with ``SymmetryFunctionSet/DefinitionError/unknownElement(_:in:)`` for an element of
    /// `system` that `set` does not describe. `neighbors` must be a full list built for `system` with a
    /// cutoff of at least the set's ``SymmetryFunctionSet/maximumCutoff``.
    public init(system: AtomicSystem, neighbors: NeighborList, set: SymmetryFunctionSet) throws {
        var map = [Element: Int32]()
        for (k, e) in set.elements.enumerated() { map[e] = Int32(k) }
        var local = [Int32]()
        local.reserveCapacity(system.count)
        for e in system.elements {
            guard let s = map[e] else { throw SymmetryFunctionSet.DefinitionError.unknownElement(e, in: "the structure") }
            local.append(s)
        }
        positions = neighbors.extendedPositions(system.positions)
        extendedSpecies = neighbors.owners.map { local[Int($0)] }
        self.neighbors = neighbors
    }
}
