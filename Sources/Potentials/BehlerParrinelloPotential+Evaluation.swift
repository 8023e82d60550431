import Descriptors
import Geometry
import NeuralNetworks

extension BehlerParrinelloPotential {
    /// Energy (and forces) of `system`. A system with an element the potential lacks gives NaN energies
    /// (``Potential/validate(_:)`` reports it first in every NNPLab caller).
    public func evaluate(_ system: AtomicSystem, neighbors: NeighborList, request: EvaluationRequest) -> PotentialResult {
        guard let frame = try? DescriptorFrame(system: system, neighbors: neighbors, set: symmetryFunctions) else {
            return PotentialResult(energy: .nan, atomicEnergies: Array(repeating: .nan, count: system.count),
                                   forces: request == .energy ? [] : Array(repeating: Vector3(repeating: .nan), count: system.count))
        }
        let workspace = evaluator.makeWorkspace()
        let offsets = evaluator.offsets(for: frame)
        var g = [Double]()
        evaluator.computeDescriptors(frame, offsets: offsets, into: &g, workspace: workspace)
        let withForces = request == .energyAndForces
        var dEdG = withForces ? [Double](repeating: 0, count: g.count) : []
        var atomic = [Double](repeating: 0, count: system.count)
        var networkWorkspaces = networks.map { NetworkWorkspace(for: $0) }
        let widest = symmetryFunctions.functions.map(\.count).max() ?? 0
        var input = [Double](repeating: 0, count: widest)
        var gradient = [Double](repeating: 0, count: widest)
        input.withUnsafeMutableBufferPointer { x in
            gradient.withUnsafeMutableBufferPointer { grad in
                for i in 0..<system.count {
                    let e = Int(frame.extendedSpecies[i])
                    let n = offsets[i + 1] - offsets[i]
                    let factor = scaling.factor[e], reference = scaling.reference[e]
                    for s in 0..<n { x[s] = scaling.offset + factor[s] * (g[offsets[i] + s] - reference[s]) }
                    let inputs = UnsafeBufferPointer(rebasing: x[0..<n])
                    let output: Double
                    if withForces {
                        output = networks[e].valueAndInputGradient(inputs, gradient: UnsafeMutableBufferPointer(rebasing: grad[0..<n]),
                                                                   workspace: &networkWorkspaces[e])
                        // dE/dG = s · ∂N/∂G̃ · a (chain rule through the scaling).
                        for s in 0..<n { dEdG[offsets[i] + s] = energyScale * grad[s] * factor[s] }
                    } else {
                        output = networks[e].value(inputs, workspace: &networkWorkspaces[e])
                    }
                    atomic[i] = energyScale * output + energyShifts[e]
                }
            }
        }
        var forces = [Vector3]()
        if withForces {
            forces = [Vector3](repeating: .zero, count: system.count)
            evaluator.accumulateForces(frame, offsets: offsets, dEdG: dEdG, forces: &forces, workspace: workspace)
        }
        return PotentialResult(energy: atomic.reduce(0, +), atomicEnergies: atomic, forces: forces)
    }
}
