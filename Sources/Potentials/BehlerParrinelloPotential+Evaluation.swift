import Descriptors
import Geometry
import NeuralNetworks

extension BehlerParrinelloPotential {
    /// Energy (and forces) of `system`. A system with an element the potential lacks gives NaN energies
    /// (``Potential/validate(_:)`` reports it first in every NNPLab caller).
    ///
    /// Atom by atom: G_i, the scaled inputs G̃_i, the network's value and (for forces) its input gradient,
    /// ω_i = s·∂N/∂G̃·a, then the reverse pass over atom i's neighbours and triplets.
    public func evaluate(_ system: AtomicSystem, neighbors: NeighborList, request: EvaluationRequest) -> PotentialResult {
        guard let frame = try? DescriptorFrame(system: system, neighbors: neighbors, set: symmetryFunctions) else {
            return PotentialResult(energy: .nan, atomicEnergies: Array(repeating: .nan, count: system.count),
                                   forces: request == .energy ? [] : Array(repeating: Vector3(repeating: .nan), count: system.count))
        }
        let withForces = request == .energyAndForces
        var atomic = [Double](repeating: 0, count: system.count)
        var forces = [Vector3](repeating: .zero, count: withForces ? system.count : 0)
        var networkWorkspaces = networks.map { NetworkWorkspace(for: $0) }
        let widest = symmetryFunctions.functions.map(\.count).max() ?? 0
        var input = [Double](repeating: 0, count: widest)
        let workspace = evaluator.makeWorkspace()
        input.withUnsafeMutableBufferPointer { x in
            forces.withUnsafeMutableBufferPointer { f in
                evaluator.evaluateAtoms(frame, workspace: workspace, forces: withForces ? f.baseAddress : nil) { i, e, g, dEdG in
                    let factor = scaling.factor[e], reference = scaling.reference[e], offset = scaling.offset
                    let n = g.count
                    for s in 0..<n { x[s] = offset + factor[s] * (g[s] - reference[s]) }
                    let inputs = UnsafeBufferPointer(rebasing: x[0..<n])
                    let output: Double
                    if withForces {
                        output = networks[e].valueAndInputGradient(inputs, gradient: dEdG, workspace: &networkWorkspaces[e])
                        // dE/dG = s · ∂N/∂G̃ · a (chain rule through the scaling).
                        for s in 0..<n { dEdG[s] *= energyScale * factor[s] }
                    } else {
                        output = networks[e].value(inputs, workspace: &networkWorkspaces[e])
                    }
                    atomic[i] = energyScale * output + energyShifts[e]
                }
            }
        }
        return PotentialResult(energy: atomic.reduce(0, +), atomicEnergies: atomic, forces: forces)
    }
}
