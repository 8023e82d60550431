import Geometry

/// A feed-forward network mapping a descriptor vector G to one number (an atomic energy in eV):
/// a₀ = G, a_l = f_l(W_l a_{l−1} + b_l), output a_L (one neuron).
///
/// A value type holding only its parameters; evaluation scratch lives in a ``NetworkWorkspace`` the
/// caller owns, so one network can be shared by threads.
public struct FeedForwardNetwork: Sendable, Hashable, Codable {
    /// The layers from input to output; each layer's `inputCount` is the previous layer's `outputCount`.
    public private(set) var layers: [DenseLayer]

    /// A network from explicit layers; throws ``NetworkShapeError`` if consecutive layers do not fit
    /// or the last layer does not have exactly one neuron.
    public init(layers: [DenseLayer]) throws {
        guard let last = layers.last else { throw NetworkShapeError.noLayers }
        for l in layers.indices.dropFirst() where layers[l].inputCount != layers[l - 1].outputCount {
            throw NetworkShapeError.mismatchedLayers(layer: l, expected: layers[l].inputCount,
                                                     previousOutputs: layers[l - 1].outputCount)
        }
        guard last.outputCount == 1 else { throw NetworkShapeError.notScalarOutput(outputCount: last.outputCount) }
        self.layers = layers
    }

    /// A freshly initialised network with layer widths `layerSizes` (input first, e.g. [10, 20, 20, 1]),
    /// activation `hidden` in every hidden layer and `output` in the last.
    ///
    /// Weights are drawn uniformly from ±√(6/(n_in + n_out)) (Glorot) for saturating activations and
    /// ±√(6/n_in) (He) for ReLU-like ones (ReLU, softplus, SiLU), so signals neither vanish nor
    /// explode at the start; biases start at zero. The same seed gives the same network bit for bit.
    /// Throws ``NetworkShapeError`` when fewer than two sizes are given, a size is not positive, or
    /// the last size is not 1.
    public init(layerSizes: [Int], hidden: Activation, output: Activation = .identity, seed: UInt64) throws {
        guard layerSizes.count >= 2 else { throw NetworkShapeError.noLayers }
        var random = SeededGenerator(seed: seed)
        var layers: [DenseLayer] = []
        for l in 1..<layerSizes.count {
            let (nIn, nOut) = (layerSizes[l - 1], layerSizes[l])
            guard nIn > 0, nOut > 0 else { throw NetworkShapeError.emptyLayer(inputCount: nIn, outputCount: nOut) }
            let activation = l == layerSizes.count - 1 ? output : hidden
            let heLike = activation == .relu || activation == .softplus || activation == .silu
            let limit = heLike ? (6 / Double(nIn)).squareRoot() : (6 / Double(nIn + nOut)).squareRoot()
            let weights = (0..<(nIn * nOut)).map { _ in limit * (2 * random.uniform() - 1) }
            layers.append(try DenseLayer(inputCount: nIn, outputCount: nOut, weights: weights,
                                         biases: Array(repeating: 0, count: nOut), activation: activation))
        }
        try self.init(layers: layers)
    }

    /// Length of the input vector G.
    public var inputCount: Int { layers[0].inputCount }
    /// Widths of all layers, input first: e.g. [10, 20, 20, 1].
    public var layerSizes: [Int] { [inputCount] + layers.map(\.outputCount) }
    /// Activation of the hidden layers (of the output layer for a one-layer network).
    public var hiddenActivation: Activation { layers.count > 1 ? layers[0].activation : layers[layers.count - 1].activation }
    /// Widest layer, input included: the size of per-neuron scratch vectors.
    public var maximumWidth: Int { layerSizes.max() ?? 1 }

    /// Total number of weights and biases.
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

    /// All weights and biases as one vector: layer by layer, each layer's weights (row-major) then
    /// its biases. ``setParameters(_:)`` and the parameter gradients use the same order.
    public var parameters: [Double] {
        var p: [Double] = []
        p.reserveCapacity(parameterCount)
        for layer in layers { p += layer.weights; p += layer.biases }
        return p
    }

    /// Replaces every weight and bias from a vector in the order of ``parameters``.
    public mutating func setParameters(_ p: [Double]) throws {
        guard p.count == parameterCount else {
            throw NetworkShapeError.wrongParameterVectorLength(expected: parameterCount, got: p.count)
        }
        var offset = 0
        for l in layers.indices {
            let nW = layers[l].weights.count, nB = layers[l].biases.count
            layers[l].weights = Array(p[offset..<(offset + nW)])
            layers[l].biases = Array(p[(offset + nW)..<(offset + nW + nB)])
            offset += nW + nB
        }
    }

    /// The same network with every hidden layer's activation replaced (the output layer is kept).
    public func withHiddenActivation(_ activation: Activation) -> FeedForwardNetwork {
        var copy = self
        for l in copy.layers.indices.dropLast() { copy.layers[l].activation = activation }
        return copy
    }

    private enum CodingKeys: String, CodingKey { case layers }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(layers: c.decode([DenseLayer].self, forKey: .layers))
    }
}
