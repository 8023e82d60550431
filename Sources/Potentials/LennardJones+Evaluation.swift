import Geometry

extension LennardJones {
    /// Energy, per-atom energies (half of each pair to each atom), forces and virial from a half
    /// neighbour list: each pair once, f on one atom and −f on the other (Newton's third law).
    ///
    /// Per pair with d = r_i − r_j, r² = |d|²: E(r) as in the type's formula, and
    /// F_i = −F_j = (−dE/dr)·d/r, with −dE/dr·(1/r) = (48εσ¹²/r¹⁴ − 24εσ⁶/r⁸) − [smooth] F_c/r.
    ///
    /// Centre atoms run in parallel on ``threads`` (or ``ThreadCount/current``) threads; the result is
    /// the same bit for bit on any number of them (see ``SlotGather``).
    public func evaluate(_ system: AtomicSystem, neighbors: NeighborList, request: EvaluationRequest) -> PotentialResult {
        let threads = SplitThreshold.threads(self.threads, work: neighbors.neighbors.count, worthSplitting: SplitThreshold.lennardJonesPairs)
        return evaluate(system, neighbors: neighbors, request: request, on: threads)
    }

    /// ``evaluate(_:neighbors:request:)`` on `threads` threads whatever the system's size.
    func evaluate(_ system: AtomicSystem, neighbors: NeighborList, request: EvaluationRequest, on threads: ThreadCount) -> PotentialResult {
        let withForces = request == .energyAndForces
        let x = neighbors.extendedPositions(system.positions)
        var sums = ExtendedSums(count: x.count, withForces: withForces)
        x.withUnsafeBufferPointer { x in
        neighbors.firstNeighbor.withUnsafeBufferPointer { first in
        neighbors.neighbors.withUnsafeBufferPointer { list in
            // Four copies of the pair loop with the two switches as constants, so neither is tested per pair.
            let smooth = forceShift != 0
            switch (smooth, withForces) {
            case (true, true): PairKernel<True, True>(lj: self, x: x, first: first, list: list)
                .evaluate(neighbors, threads: threads, into: &sums)
            case (false, true): PairKernel<False, True>(lj: self, x: x, first: first, list: list)
                .evaluate(neighbors, threads: threads, into: &sums)
            case (true, false): PairKernel<True, False>(lj: self, x: x, first: first, list: list)
                .evaluate(neighbors, threads: threads, into: &sums)
            case (false, false): PairKernel<False, False>(lj: self, x: x, first: first, list: list)
                .evaluate(neighbors, threads: threads, into: &sums)
            }
        }}}
        return sums.result(positions: x, neighbors: neighbors)
    }
}

/// A compile-time switch for ``PairKernel`` (so the pair loop tests neither switch per pair).
protocol StaticFlag { static var value: Bool { get } }
enum True: StaticFlag { static var value: Bool { true } }
enum False: StaticFlag { static var value: Bool { false } }

/// The Lennard-Jones pair loop over a range of centre atoms of a half list.
private struct PairKernel<Smooth: StaticFlag, WithForces: StaticFlag>: SlotKernel {
    let lj1: Double, lj2: Double, lj3: Double, lj4: Double, rc2: Double, shift: Double, fc: Double, rc: Double
    let x: UnsafeBufferPointer<Vector3>
    let first: UnsafeBufferPointer<Int32>
    let list: UnsafeBufferPointer<Int32>

    init(lj: LennardJones, x: UnsafeBufferPointer<Vector3>, first: UnsafeBufferPointer<Int32>, list: UnsafeBufferPointer<Int32>) {
        (lj1, lj2, lj3, lj4, rc2) = (lj.lj1, lj.lj2, lj.lj3, lj.lj4, lj.cutoffSquared)
        (shift, fc, rc) = (lj.energyShift, lj.forceShift, lj.cutoff)
        self.x = x; self.first = first; self.list = list
    }

    @inline(__always)
    func run<S: SlotSink>(atoms: Range<Int>, into sink: inout S) {
        let smooth = Smooth.value, withForces = WithForces.value
        for i in atoms {
            let xi = x[i]
            var fi = Vector3.zero
            var ei = 0.0
            for k in Int(first[i])..<Int(first[i + 1]) {
                let e = Int(list[k])
                let d = xi - x[e]
                let r2 = (d * d).sum()
                // Listed pairs beyond r_c (up to r_c + skin) count zero. A mask rather than a
                // branch: whether a pair is inside is close to random, and mispredictions cost
                // more than the arithmetic.
                let inside: Double = r2 < rc2 ? 1 : 0
                let r2inv = 1 / r2
                let r6inv = r2inv * r2inv * r2inv
                var pair = r6inv * (lj3 * r6inv - lj4) - shift
                var fpair = r6inv * (lj1 * r6inv - lj2) * r2inv
                if smooth {
                    let r = r2.squareRoot()
                    pair += (r - rc) * fc
                    fpair -= fc * r * r2inv
                }
                pair *= inside
                fpair *= inside
                let half = 0.5 * pair
                ei += half
                sink.addEnergy(half, slot: k, to: e)
                if withForces {
                    let fv = fpair * d
                    fi += fv
                    // a − b is a + (−b) exactly in IEEE arithmetic.
                    sink.addForce(-fv, slot: k, to: e)
                }
            }
            sink.addOwnEnergy(ei, to: i)
            if withForces { sink.addOwnForce(fi, to: i) }
        }
    }
}
