import Foundation
import Geometry

extension StillingerWeber {
    /// Energy, per-atom energies, forces and virial from a full neighbour list.
    ///
    /// For each centre i the quantities of each neighbour j within r_c (r_ij − r_i, r, 1/r²,
    /// exp(γσ/(r − aσ)) and its radial derivative factor) are computed once; the two-body term is
    /// then taken once per pair (from the end the half-list rule picks: owner j > i, or an image of
    /// i with a positive shift) and the three-body term over every j < k, both as in LAMMPS.
    /// Per-atom energies: half of φ₂ to each end, φ₃ to the centre atom i.
    ///
    /// From ``SplitThreshold/stillingerWeberAtoms`` atoms on, the centres run in fixed parts in parallel
    /// on ``threads`` (or ``ThreadCount/current``) threads (``PartitionedSums``); below it, in one serial
    /// loop. The choice depends on the system's size alone, so the result is the same bit for bit on any
    /// number of threads.
    public func evaluate(_ system: AtomicSystem, neighbors: NeighborList, request: EvaluationRequest) -> PotentialResult {
        evaluate(system, neighbors: neighbors, request: request, on: threads ?? .current,
                 partitioned: system.count >= SplitThreshold.stillingerWeberAtoms)
    }

    /// ``evaluate(_:neighbors:request:)`` in parts (on `threads` threads) or in one loop, whatever the size.
    func evaluate(_ system: AtomicSystem, neighbors: NeighborList, request: EvaluationRequest, on threads: ThreadCount,
                  partitioned: Bool) -> PotentialResult {
        let n = system.count
        let withForces = request == .energyAndForces
        let x = neighbors.extendedPositions(system.positions)
        var sums = ExtendedSums(count: x.count, withForces: withForces)
        var mostNeighbors = 0
        for i in 0..<n { mostNeighbors = max(mostNeighbors, Int(neighbors.firstNeighbor[i + 1] - neighbors.firstNeighbor[i])) }
        let workers = partitioned ? PartitionedSums.blocks(centres: n).workers(threads) : 1
        let shells = (0..<workers).map { _ in NeighborShell(capacity: mostNeighbors) }
        defer { shells.forEach { $0.deallocate() } }

        x.withUnsafeBufferPointer { x in
        neighbors.firstNeighbor.withUnsafeBufferPointer { first in
        neighbors.neighbors.withUnsafeBufferPointer { list in
        neighbors.owners.withUnsafeBufferPointer { owners in
        neighbors.offsets.withUnsafeBufferPointer { offsets in
            let kernel = ThreeBodyKernel(sw: self, withForces: withForces, shells: shells, x: x, first: first,
                                         list: list, owners: owners, offsets: offsets)
            if partitioned {
                sums.addPartitioned(centres: n, threads: threads) { centres, worker, parts in
                    kernel.run(atoms: centres, worker: worker, into: &parts)
                }
            } else {
                sums.addDirectly { kernel.run(atoms: 0..<n, worker: 0, into: &$0) }
            }
        }}}}}
        return sums.result(positions: x, neighbors: neighbors)
    }
}

/// The Stillinger-Weber loop over a range of centre atoms of a full list.
private struct ThreeBodyKernel {
    let sw: StillingerWeber
    let withForces: Bool
    /// One scratch shell per worker.
    let shells: [NeighborShell]
    let x: UnsafeBufferPointer<Vector3>
    let first: UnsafeBufferPointer<Int32>, list: UnsafeBufferPointer<Int32>
    let owners: UnsafeBufferPointer<Int32>, offsets: UnsafeBufferPointer<Vector3>

    func run(atoms: Range<Int>, worker: Int, into sink: inout DirectScatter) {
        let shell = shells[worker]
        let parameters = sw.parameters
        let (cutoff, cutoffSquared, sigmaGamma) = (sw.cutoff, sw.cutoffSquared, sw.sigmaGamma)
        let (c1, c2, c3, c4, c5, c6) = (sw.c1, sw.c2, sw.c3, sw.c4, sw.c5, sw.c6)
        let (lambdaEpsilon, lambdaEpsilon2) = (sw.lambdaEpsilon, sw.lambdaEpsilon2)
        for i in atoms {
            let xi = x[i]
            var fi = Vector3.zero
            var ei = 0.0
            let slots = Int(first[i])..<Int(first[i + 1])
            // Per-neighbour quantities, once per centre atom.
            var m = 0
            for k in slots {
                let e = Int(list[k])
                let d = x[e] - xi
                let r2 = (d * d).sum()
                if r2 >= cutoffSquared { continue }
                let r = r2.squareRoot()
                let rainv = 1 / (r - cutoff)
                let gsrainv = sigmaGamma * rainv
                shell.index[m] = e
                shell.delta[m] = d
                shell.rinvsq[m] = 1 / r2
                shell.expGamma[m] = exp(gsrainv)
                shell.gammaRadial[m] = gsrainv * rainv / r
                m += 1
                // Two-body term, once per pair: from the end the half list would list it on.
                guard NeighborList.isUpperHalf(i, e, owners: owners, offsets: offsets) else { continue }
                let rinvsq = 1 / r2
                let rp = parameters.p == 4 ? rinvsq * rinvsq : pow(r, -parameters.p)
                let rq = parameters.q == 0 ? 1.0 : pow(r, -parameters.q)
                let expsrainv = exp(parameters.sigma * rainv)
                let pair = (c5 * rp - c6 * rq) * expsrainv
                ei += 0.5 * pair
                sink.addEnergy(0.5 * pair, to: e)
                if withForces {
                    // −dφ₂/dr · (1/r), and d = r_j − r_i, so f_i = −fpair·d.
                    let fpair = (c1 * rp - c2 * rq + (c3 * rp - c4 * rq) * rainv * rainv * r) * expsrainv * rinvsq
                    fi -= fpair * d
                    sink.addForce(fpair * d, to: e)
                }
            }
            // Three-body terms centred on i.
            for j in 0..<m {
                let d1 = shell.delta[j], rinvsq1 = shell.rinvsq[j], exp1 = shell.expGamma[j], g1 = shell.gammaRadial[j]
                var fjSum = Vector3.zero
                for k in (j + 1)..<max(j + 1, m) {
                    let d2 = shell.delta[k]
                    let rinvsq2 = shell.rinvsq[k]
                    let rinv12 = (rinvsq1 * rinvsq2).squareRoot()
                    let cs = (d1 * d2).sum() * rinv12
                    let delcs = cs - parameters.cosTheta0
                    let facexp = exp1 * shell.expGamma[k]
                    let facrad = lambdaEpsilon * facexp * delcs * delcs
                    ei += facrad
                    guard withForces else { continue }
                    let facang = lambdaEpsilon2 * facexp * delcs
                    let facang12 = rinv12 * facang
                    let csfacang = cs * facang
                    let fj = d1 * (facrad * g1 + rinvsq1 * csfacang) - d2 * facang12
                    let fk = d2 * (facrad * shell.gammaRadial[k] + rinvsq2 * csfacang) - d1 * facang12
                    fi -= fj + fk
                    fjSum += fj
                    sink.addForce(fk, to: shell.index[k])
                }
                if withForces { sink.addForce(fjSum, to: shell.index[j]) }
            }
            sink.addEnergy(ei, to: i)
            if withForces { sink.addForce(fi, to: i) }
        }
    }
}

/// Scratch arrays for one centre atom's neighbours within r_c, one set per worker thread.
private struct NeighborShell {
    let index: UnsafeMutablePointer<Int>
    let delta: UnsafeMutablePointer<Vector3>
    let rinvsq: UnsafeMutablePointer<Double>
    let expGamma: UnsafeMutablePointer<Double>
    /// γσ/(r − aσ)² / r: the radial factor of the three-body force.
    let gammaRadial: UnsafeMutablePointer<Double>

    init(capacity: Int) {
        let c = max(1, capacity)
        index = .allocate(capacity: c); delta = .allocate(capacity: c); rinvsq = .allocate(capacity: c)
        expGamma = .allocate(capacity: c); gammaRadial = .allocate(capacity: c)
    }

    func deallocate() {
        index.deallocate(); delta.deallocate(); rinvsq.deallocate(); expGamma.deallocate(); gammaRadial.deallocate()
    }
}
