import Foundation

extension DescriptorWorkspace {
    /// Writes neighbour j's triplets with the neighbours k in `start ..< end` to the triplet cache from
    /// index `first`, as columns (see ``TripletBlock``): their count T, then T partners k (as bit
    /// patterns), T distances R_jk, T cosines cos θ_jik and, for the n-th narrow group of `groups`, T
    /// exponentials x, T values f_c(R_jk) and T slopes f_c'(R_jk) (zeros where f_c(R_ij) or f_c(R_ik) is
    /// zero: the group skips those triplets). ``visit(_:replaying:)`` reads them back column by column.
    ///
    /// Column by column: each loop has independent iterations and few live values, so the processor
    /// overlaps the square roots, divisions and exponentials of consecutive triplets without spilling
    /// registers around each call to exp. Not inlined: called once per neighbour, it keeps its own
    /// registers instead of competing for them with the group loops.
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
        for t in 0..<triplets {
            let k = Int(candidates[t])
            partner[t] = Double(bitPattern: UInt64(truncatingIfNeeded: k))
            distanceJK[t] = candidateDistance2[t].squareRoot()
            cosine[t] = (ux * dx[k] + uy * dy[k] + uz * dz[k]) / (rij * distance[k])
        }
        // exp(-η_base R_jk²), replacing R_jk² (no longer needed), when a group is a power of it.
        if groups.contains(where: { $0.narrow && $0.basePower > 0 }) {
            for t in 0..<triplets { candidateDistance2[t] = Foundation.exp(-baseEta * candidateDistance2[t]) }
        }
        var column = cosine + triplets
        // The f_c(R_jk) columns of the last narrow group, reused by the next one of the same radius.
        var shared: (radius: Int, fjk: UnsafeMutablePointer<Double>, dfjk: UnsafeMutablePointer<Double>)? = nil
        cutoffs.withUnsafeBufferPointer { cutoffs in
            for group in groups where group.narrow {
                let x = column, fjk = column + triplets, dfjk = column + 2 * triplets
                column += 3 * triplets
                let q = Int(group.radius)
                if cutoffValue[j * rs + q] == 0 {
                    x.update(repeating: 0, count: 3 * triplets)
                    shared = nil
                    continue
                }
                if let s = shared, s.radius == q {
                    fjk.update(from: s.fjk, count: triplets); dfjk.update(from: s.dfjk, count: triplets)
                } else {
                    for t in 0..<triplets { (fjk[t], dfjk[t]) = cutoffs[q].valueAndDerivative(distanceJK[t]) }
                }
                shared = (q, fjk, dfjk)
                for t in 0..<triplets {
                    if fjk[t] == 0 || cutoffValue[Int(candidates[t]) * rs + q] == 0 {
                        x[t] = 0
                    } else if group.basePower > 0 {
                        // One exponential serves every group of the triplet that is a power of it.
                        x[t] = integerPower(candidateDistance2[t], group.basePower)
                    } else {
                        let s = distanceJK[t] - group.shift
                        x[t] = Foundation.exp(-group.eta * s * s)
                    }
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
