import Descriptors
import Geometry
import NeuralNetworks

extension BehlerParrinelloPotential {
    /// Energy (and forces and virial) of `system`. A system with an element the potential lacks gives
    /// NaN energies (``Potential/validate(_:)`` reports it first in every NNPLab caller).
    ///
    /// Atom by atom: G_i, the scaled inputs G̃_i, the network's value and (for forces) its input gradient,
    /// ω_i = s·∂N/∂G̃·a, then the reverse pass over atom i's neighbours and triplets giving ∂ε_i/∂r_n for
    /// the atom and each neighbour n. Forces F_n = −Σ_i ∂ε_i/∂r_n (ghost shares to their owners); the
    /// virial W_ab = Σ_i Σ_n (r_n − r_i)_a (−∂ε_i/∂r_n)_b, which equals Σ_e x_e,a f_e,b over extended atoms
    /// (the convention of ``PotentialResult/virial`` and the teachers) because each ε_i is unchanged by
    /// a translation.
    ///
    /// Atoms run in parallel on ``threads`` (or ``ThreadCount/current``) threads; the result is the same
    /// bit for bit on any number of them (see ``BlockKernel``).
    public func evaluate(_ system: AtomicSystem, neighbors: NeighborList, request: EvaluationRequest) -> PotentialResult {
        guard let frame = try? DescriptorFrame(system: system, neighbors: neighbors, set: symmetryFunctions) else {
            let atomic = [Double](repeating: .nan, count: system.count)
            guard request == .energyAndForces else { return PotentialResult(energy: .nan, atomicEnergies: atomic) }
            return PotentialResult(energy: .nan, atomicEnergies: atomic,
                                   forces: Array(repeating: Vector3(repeating: .nan), count: system.count),
                                   virial: Virial(rows: Vector3(repeating: .nan), Vector3(repeating: .nan), Vector3(repeating: .nan)))
        }
        let withForces = request == .energyAndForces
        let n = system.count
        let threads = self.threads ?? .current
        var atomic = [Double](repeating: 0, count: n)
        var forces = [Vector3](repeating: .zero, count: withForces ? n : 0)
        // Each atom's share of the virial, three rows per atom, summed in atom order below.
        var virials = [Vector3](repeating: .zero, count: withForces ? 3 * n : 0)
        let workers = AtomBlocks(count: n).workers(threads)
        scratchPool.withItem(make: { [] }) { scratch in
            while scratch.count < workers { scratch.append(AtomScratch(self)) }
            for worker in scratch.prefix(workers) { worker.descriptors.shareSymmetricPairs(of: frame) }
            atomic.withUnsafeMutableBufferPointer { energies in
            forces.withUnsafeMutableBufferPointer { f in
            virials.withUnsafeMutableBufferPointer { w in
            neighbors.owners.withUnsafeBufferPointer { owners in
                var direct = DirectScatter(energies: energies.baseAddress, forces: f.baseAddress)
                let kernel = AtomKernel(potential: self, frame: frame, scratch: scratch, withForces: withForces,
                                        energies: energies, virials: w, owners: owners)
                kernel.runBlocks(count: n, threads: threads, into: &direct)
            }}}}
        }
        guard withForces else { return PotentialResult(energy: atomic.reduce(0, +), atomicEnergies: atomic) }
        var w0 = Vector3.zero, w1 = Vector3.zero, w2 = Vector3.zero
        for i in 0..<n { w0 += virials[3 * i]; w1 += virials[3 * i + 1]; w2 += virials[3 * i + 2] }
        return PotentialResult(energy: atomic.reduce(0, +), atomicEnergies: atomic, forces: forces, virial: Virial(rows: w0, w1, w2))
    }
}

/// One worker's scratch memory: a descriptor workspace, a workspace per element network, and G, ω and
/// network-input vectors as wide as the widest element's descriptor. Kept in the potential's
/// ``BehlerParrinelloPotential/scratchPool`` between evaluations; `@unchecked Sendable` because the pool
/// hands each to one evaluation at a time, and an evaluation gives each worker its own.
final class AtomScratch: @unchecked Sendable {
    let descriptors: DescriptorWorkspace
    var networks: [NetworkWorkspace]
    let g: UnsafeMutablePointer<Double>, weights: UnsafeMutablePointer<Double>, input: UnsafeMutablePointer<Double>

    init(_ potential: BehlerParrinelloPotential) {
        descriptors = potential.evaluator.makeWorkspace()
        networks = potential.networks.map { NetworkWorkspace(for: $0) }
        let widest = max(1, potential.symmetryFunctions.functions.map(\.count).max() ?? 0)
        g = .allocate(capacity: widest); weights = .allocate(capacity: widest); input = .allocate(capacity: widest)
    }

    deinit { g.deallocate(); weights.deallocate(); input.deallocate() }
}

/// The loop over a range of atoms: descriptors, network, reverse pass, force scatter, virial share.
private struct AtomKernel: BlockKernel {
    let potential: BehlerParrinelloPotential
    let frame: DescriptorFrame
    let scratch: [AtomScratch]
    let withForces: Bool
    /// Per-atom energies ε_i, each written by its own atom only.
    let energies: UnsafeMutableBufferPointer<Double>
    /// Three virial rows per atom, each written by its own atom only.
    let virials: UnsafeMutableBufferPointer<Vector3>
    let owners: UnsafeBufferPointer<Int32>

    func run<S: Scatter>(atoms: Range<Int>, worker: Int, into scatter: inout S) {
        let s = scratch[worker]
        let scaling = potential.scaling, energyScale = potential.energyScale
        for i in atoms {
            let e = s.descriptors.descriptors(ofAtom: i, frame: frame, into: s.g)
            let factor = scaling.factor[e], reference = scaling.reference[e], offset = scaling.offset
            let n = factor.count
            for k in 0..<n { s.input[k] = offset + factor[k] * (s.g[k] - reference[k]) }
            let inputs = UnsafeBufferPointer(start: s.input, count: n)
            let output: Double
            if withForces {
                output = potential.networks[e].valueAndInputGradient(
                    inputs, gradient: UnsafeMutableBufferPointer(start: s.weights, count: n), workspace: &s.networks[e])
                // dE/dG = s · ∂N/∂G̃ · a (chain rule through the scaling).
                for k in 0..<n { s.weights[k] *= energyScale * factor[k] }
            } else {
                output = potential.networks[e].value(inputs, workspace: &s.networks[e])
            }
            energies[i] = energyScale * output + potential.energyShifts[e]
            guard withForces else { continue }
            // a − b is a + (−b) exactly in IEEE arithmetic, so these adds match subtracting the gradients.
            scatter.addForce(-s.descriptors.backward(weights: s.weights), to: i)
            var w0 = Vector3.zero, w1 = Vector3.zero, w2 = Vector3.zero
            for m in 0..<s.descriptors.neighborCount {
                let (extended, d, gradient) = s.descriptors.neighbor(m)
                scatter.addForce(-gradient, to: Int(owners[extended]))
                w0 -= d.x * gradient; w1 -= d.y * gradient; w2 -= d.z * gradient
            }
            virials[3 * i] = w0; virials[3 * i + 1] = w1; virials[3 * i + 2] = w2
        }
    }
}
