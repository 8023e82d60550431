import Foundation

extension DescriptorWorkspace {
    /// Writes neighbour j's triplets with the neighbours k in `start ..< end` to the triplet cache from
    /// index `first`, as columns (see ``TripletBlock``): their count T, then T partners k (as bit
    /// patterns), T distances R_jk, T cosines cos θ_jik and, for the n-th narrow group of `groups`, T
    /// exponentials x, T values f_c(R_jk) and T slopes f_c'(R_jk) (zeros where f_c(R_ij) or f_c(R_ik) is
    /// zero: the group skips those triplets). ``visit(_:replaying:)`` reads them back column by column.
    ///
    /// Every iteration is independent of the others, so the processor overlaps the square root,
    /// division and exponentials of consecutive triplets. Not inlined: called once per neighbour, it
    /// keeps its own registers instead of competing for them with the group loops.
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
        let partner = cache + first + 1, distanceJK = partner + triplets, cosine = distanceJK + triplets
        let narrowColumns = cosine + triplets
        cutoffs.withUnsafeBufferPointer { cutoffs in
            for t in 0..<triplets {
                let k = Int(candidates[t])
                let rjk2 = candidateDistance2[t]
                let rjk = rjk2.squareRoot()
                partner[t] = Double(bitPattern: UInt64(truncatingIfNeeded: k))
                distanceJK[t] = rjk
                cosine[t] = (ux * dx[k] + uy * dy[k] + uz * dz[k]) / (rij * distance[k])
                var column = narrowColumns + t
                var cachedRadius = -1
                var base = -1.0
                var fjk = 0.0, dfjk = 0.0
                for group in groups where group.narrow {
                    defer { column += 3 * triplets }
                    let q = Int(group.radius)
                    if cutoffValue[j * rs + q] == 0 || cutoffValue[k * rs + q] == 0 {
                        column[0] = 0; column[triplets] = 0; column[2 * triplets] = 0
                        continue
                    }
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
                    column[0] = x; column[triplets] = fjk; column[2 * triplets] = dfjk
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
