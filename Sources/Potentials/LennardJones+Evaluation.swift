import Geometry

extension LennardJones {
    /// Energy, per-atom energies (half of each pair to each atom), forces and virial from a half
    /// neighbour list: each pair once, f on one atom and −f on the other (Newton's third law).
    ///
    /// Per pair with d = r_i − r_j, r² = |d|²: E(r) as in the type's formula, and
    /// F_i = −F_j = (−dE/dr)·d/r, with −dE/dr·(1/r) = (48εσ¹²/r¹⁴ − 24εσ⁶/r⁸) − [smooth] F_c/r.
    public func evaluate(_ system: AtomicSystem, neighbors: NeighborList, request: EvaluationRequest) -> PotentialResult {
        let withForces = request == .energyAndForces
        let x = neighbors.extendedPositions(system.positions)
        var sums = ExtendedSums(count: x.count, withForces: withForces)
        // Four copies of the pair loop with the two switches as constants, so neither is tested per pair.
        switch (forceShift != 0, withForces) {
        case (true, true): accumulatePairs(x, neighbors, into: &sums, smooth: true, withForces: true)
        case (false, true): accumulatePairs(x, neighbors, into: &sums, smooth: false, withForces: true)
        case (true, false): accumulatePairs(x, neighbors, into: &sums, smooth: true, withForces: false)
        case (false, false): accumulatePairs(x, neighbors, into: &sums, smooth: false, withForces: false)
        }
        return sums.result(positions: x, neighbors: neighbors)
    }

    @inline(__always)
    private func accumulatePairs(_ x: [Vector3], _ neighbors: NeighborList, into sums: inout ExtendedSums,
                                 smooth: Bool, withForces: Bool) {
        let (lj1, lj2, lj3, lj4, rc2) = (self.lj1, self.lj2, self.lj3, self.lj4, cutoffSquared)
        let (shift, fc, rc) = (energyShift, forceShift, cutoff)
        let n = neighbors.localCount
        x.withUnsafeBufferPointer { x in
        neighbors.firstNeighbor.withUnsafeBufferPointer { first in
        neighbors.neighbors.withUnsafeBufferPointer { list in
        sums.forces.withUnsafeMutableBufferPointer { f in
        sums.energies.withUnsafeMutableBufferPointer { energies in
            for i in 0..<n {
                let xi = x[i]
                var fi = Vector3.zero
                var ei = 0.0
                for k in Int(first[i])..<Int(first[i + 1]) {
                    let e = Int(list[k])
                    let d = xi - x[e]
                    let r2 = (d * d).sum()
                    if r2 >= rc2 { continue }
                    let r2inv = 1 / r2
                    let r6inv = r2inv * r2inv * r2inv
                    var pair = r6inv * (lj3 * r6inv - lj4) - shift
                    var fpair = r6inv * (lj1 * r6inv - lj2) * r2inv
                    if smooth {
                        let r = r2.squareRoot()
                        pair += (r - rc) * fc
                        fpair -= fc * r * r2inv
                    }
                    let half = 0.5 * pair
                    ei += half
                    energies[e] += half
                    if withForces {
                        let fv = fpair * d
                        fi += fv
                        f[e] -= fv
                    }
                }
                energies[i] += ei
                if withForces { f[i] += fi }
            }
        }}}}}
    }
}
