import Foundation

extension DescriptorWorkspace {
    /// Writes neighbour j's triplets with the neighbours k in `start ..< end` to the triplet cache from
    /// index `first`: their count, then per triplet k, R_jk, cos θ_jik and, for each narrow
    /// group of `groups` whose f_c(R_ij) and f_c(R_ik) are non-zero, the exponential x, f_c(R_jk) and
    /// f_c'(R_jk). ``visit(_:replaying:)`` reads them back in this order.
    ///
    /// Every iteration is independent of the others (unlike the group loop, whose sums chain), so the
    /// processor overlaps the square root, division and exponentials of consecutive triplets. Not
    /// inlined: called once per neighbour, it keeps its own registers instead of competing for them
    /// with the group loop.
    @inline(never)
    func writeTriplets(of j: Int, partners start: Int, to end: Int, groups: UnsafeBufferPointer<DescriptorPlan.AngularGroup>,
                       cutoffs: [CutoffFunction], everything: Bool, reach2: Double, baseEta: Double,
                       at first: Int) {
        let triplets = gatherPartners(of: j, from: start, to: end, everything: everything, reach2: reach2)
        let cache = tripletCache, candidates = self.candidates, candidateDistance2 = self.candidateDistance2
        let dx = self.dx, dy = self.dy, dz = self.dz, distance = self.distance, cutoffValue = self.cutoffValue
        let rs = radiusStride
        let ux = dx[j], uy = dy[j], uz = dz[j], rij = distance[j]
        cache[first] = Double(triplets)
        var cursor = first + 1
        cutoffs.withUnsafeBufferPointer { cutoffs in
            for t in 0..<triplets {
                let k = Int(candidates[t])
                let rjk2 = candidateDistance2[t]
                let rjk = rjk2.squareRoot()
                cache[cursor] = Double(k); cache[cursor + 1] = rjk
                cache[cursor + 2] = (ux * dx[k] + uy * dy[k] + uz * dz[k]) / (rij * distance[k])
                cursor += 3
                var cachedRadius = -1
                var base = -1.0
                var fjk = 0.0, dfjk = 0.0
                for group in groups where group.narrow {
                    let q = Int(group.radius)
                    if cutoffValue[j * rs + q] == 0 || cutoffValue[k * rs + q] == 0 { continue }
                    if q != cachedRadius {
                        (fjk, dfjk) = cutoffs[q].valueAndDerivative(rjk)
                        cachedRadius = q
                    }
                    let x: Double
                    if fjk == 0 {
                        x = 0
                    } else if group.basePower > 0 {
                        // One exponential serves every group of the triplet that is a power of it.
                        if base < 0 { base = Foundation.exp(-baseEta * rjk2) }
                        x = integerPower(base, group.basePower)
                    } else {
                        let s = rjk - group.shift
                        x = Foundation.exp(-group.eta * s * s)
                    }
                    cache[cursor] = x; cache[cursor + 1] = fjk; cache[cursor + 2] = dfjk
                    cursor += 3
                }
            }
        }
    }

    /// Gathers into ``candidates`` the neighbours k in `start ..< end` that can form a triplet with j:
    /// all of them with `everything` (a wide group needs no R_jk test), else those with R_jk² below
    /// `reach2`, with their R_jk² in ``candidateDistance2``; returns their count.
    ///
    /// The test passes about half the time at random, so a branch on it mispredicts often: each k is
    /// stored, then the count advances by the sign bit of R_jk² − reach² (1 exactly when R_jk² < reach²;
    /// a difference of two distinct doubles is never zero), which compiles to no branch at all.
    @inline(never)
    func gatherPartners(of j: Int, from start: Int, to end: Int, everything: Bool, reach2: Double) -> Int {
        let dx = self.dx, dy = self.dy, dz = self.dz
        let candidates = self.candidates, candidateDistance2 = self.candidateDistance2
        let ux = dx[j], uy = dy[j], uz = dz[j]
        let bound = everything ? Double.infinity : reach2
        var n = 0
        for k in start..<end {
            let wx = dx[k] - ux, wy = dy[k] - uy, wz = dz[k] - uz
            let rjk2 = wx * wx + wy * wy + wz * wz
            candidates[n] = Int32(truncatingIfNeeded: k)
            candidateDistance2[n] = rjk2
            n &+= Int(truncatingIfNeeded: (rjk2 - bound).bitPattern >> 63)
        }
        return n
    }
}
