extension NeighborList {
    /// For each list slot k, the slot that holds the same pair seen from its other end, or −1.
    ///
    /// Slot k of centre i lists extended atom e, an image of atom j = owners[e] at displacement
    /// (r_j + o_e) − (r_i + o_i), where o are the ``offsets``. Its mirror is the slot of centre j whose
    /// neighbour e′ is the image of i at the opposite displacement: o_e′ = o_i + o_j − o_e. A term that
    /// depends only on the distance of two atoms of one species (a radial symmetry function) is then
    /// the same at both slots whenever the two distances computed there are the same number, and can
    /// be computed once (see `DescriptorWorkspace`).
    ///
    /// A half list holds each pair once, so none of its slots has a mirror. Made on first use after
    /// each build in O(pairs): a hash of (centre, neighbour) → slot, and the few images of each atom.
    public var mirrorSlots: [Int32] {
        mirrorCache.value { kind == .full ? NeighborList.mirrors(of: self) : [Int32](repeating: -1, count: neighbors.count) }
    }

    private static func mirrors(of list: NeighborList) -> [Int32] {
        let n = list.localCount, extended = list.extendedCount
        var mirror = [Int32](repeating: -1, count: list.neighbors.count)
        // The extended atoms of each owner: images[imageStart[i] ..< imageStart[i + 1]].
        var imageStart = [Int](repeating: 0, count: n + 1)
        for e in 0..<extended { imageStart[Int(list.owners[e]) + 1] += 1 }
        for i in 0..<n { imageStart[i + 1] += imageStart[i] }
        var images = [Int32](repeating: 0, count: extended)
        var fill = Array(imageStart.dropLast())
        for e in 0..<extended {
            let o = Int(list.owners[e])
            images[fill[o]] = Int32(e)
            fill[o] += 1
        }
        let slots = SlotIndex(list)
        for i in 0..<n {
            for k in Int(list.firstNeighbor[i])..<Int(list.firstNeighbor[i + 1]) {
                let e = Int(list.neighbors[k]), j = Int(list.owners[e])
                let target = list.offsets[i] + list.offsets[j] - list.offsets[e]
                // Images of one atom are whole lattice vectors apart; offsets agree to rounding only.
                let tolerance = 1e-9 * max(1, (target * target).sum())
                for m in imageStart[i]..<imageStart[i + 1] {
                    let image = Int(images[m])
                    let d = list.offsets[image] - target
                    guard (d * d).sum() <= tolerance else { continue }
                    mirror[k] = slots.slot(centre: j, neighbor: image) ?? -1
                    break
                }
            }
        }
        return mirror
    }
}

/// (centre, neighbour) → list slot, by open addressing with linear probing over a power-of-two table.
private struct SlotIndex {
    private var keys: [UInt64]
    private var slots: [Int32]
    private let mask: Int
    private let shift: UInt64

    init(_ list: NeighborList) {
        var bits = 4
        while 1 << bits < 2 * list.neighbors.count { bits += 1 }
        let size = 1 << bits
        mask = size - 1
        shift = UInt64(64 - bits)
        keys = [UInt64](repeating: .max, count: size)
        slots = [Int32](repeating: -1, count: size)
        for i in 0..<list.localCount {
            for k in Int(list.firstNeighbor[i])..<Int(list.firstNeighbor[i + 1]) {
                let key = SlotIndex.key(i, Int(list.neighbors[k]))
                var h = hash(key)
                while keys[h] != .max { h = (h + 1) & mask }
                keys[h] = key
                slots[h] = Int32(k)
            }
        }
    }

    func slot(centre: Int, neighbor: Int) -> Int32? {
        let key = SlotIndex.key(centre, neighbor)
        var h = hash(key)
        while keys[h] != .max {
            if keys[h] == key { return slots[h] }
            h = (h + 1) & mask
        }
        return nil
    }

    private static func key(_ centre: Int, _ neighbor: Int) -> UInt64 { UInt64(centre) << 32 | UInt64(neighbor) }
    /// Fibonacci hashing: the top bits of key·2⁶⁴/φ.
    private func hash(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }
}
