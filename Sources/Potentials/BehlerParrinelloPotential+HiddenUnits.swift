import Descriptors
import Geometry
import NeuralNetworks

/// A model whose hidden units can be watched switching (ReLU kinks): it writes one sign bit per
/// hidden pre-activation of every atom's network, in a fixed order, so that consecutive steps can be
/// compared. Behler–Parrinello potentials conform; teachers do not.
public protocol HiddenUnitObservable: Sendable {
    /// Whether the hidden units have kinks (ReLU) whose switching the drift table counts; smooth
    /// activations (tanh) report false and get no count.
    var hiddenUnitsHaveKinks: Bool { get }
    /// Fills `signs` with (pre-activation > 0) for every hidden unit of every atom, resizing it.
    func hiddenUnitSigns(_ system: AtomicSystem, neighbors: NeighborList, into signs: inout [Bool])
}

/// A Behler–Parrinello potential exposes its hidden units: for every atom, in atom order, the signs
/// of the pre-activations z = W a + b of every hidden layer, layer by layer. A sign change between
/// two MD steps is a ReLU unit switching on or off, where the force jumps.
extension BehlerParrinelloPotential: HiddenUnitObservable {
    /// Only ReLU-like activations (a kink at z = 0) make switches that matter for the dynamics.
    public var hiddenUnitsHaveKinks: Bool { networks.contains { $0.hiddenActivation == .relu } }

    public func hiddenUnitSigns(_ system: AtomicSystem, neighbors: NeighborList, into signs: inout [Bool]) {
        signs.removeAll(keepingCapacity: true)
        guard let frame = try? DescriptorFrame(system: system, neighbors: neighbors, set: symmetryFunctions) else { return }
        let evaluator = SymmetryFunctionEvaluator(symmetryFunctions)
        let offsets = evaluator.offsets(for: frame)
        var g: [Double] = []
        evaluator.computeDescriptors(frame, offsets: offsets, into: &g, workspace: evaluator.makeWorkspace())
        let width = networks.map(\.maximumWidth).max() ?? 0
        var a = [Double](repeating: 0, count: width), z = [Double](repeating: 0, count: width)
        for i in 0..<frame.atomCount {
            let e = Int(frame.species[i])
            for s in 0..<(offsets[i + 1] - offsets[i]) { a[s] = scaling.scaled(g[offsets[i] + s], element: e, function: s) }
            for layer in networks[e].layers.dropLast() {
                let (nIn, nOut) = (layer.inputCount, layer.outputCount)
                for o in 0..<nOut {
                    var sum = layer.biases[o]
                    for k in 0..<nIn { sum += layer.weights[o * nIn + k] * a[k] }
                    z[o] = sum
                    signs.append(sum > 0)
                }
                for o in 0..<nOut { a[o] = layer.activation.value(z[o]) }
            }
        }
    }
}
