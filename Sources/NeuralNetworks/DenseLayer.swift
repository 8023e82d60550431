/// One fully connected layer: a = f(W x + b).
///
/// `weights` is row-major, `weights[o * inputCount + i]` connecting input i to output o; one bias per
/// output. (n2p2's weight files list the same numbers input-major; its loader transposes.)
public struct DenseLayer: Sendable, Hashable, Codable {
    /// Width of the layer's input.
    public let inputCount: Int
    /// Number of neurons (width of the output).
    public let outputCount: Int
    /// W, row-major: `weights[o * inputCount + i]`.
    public var weights: [Double]
    /// b, one per output neuron.
    public var biases: [Double]
    /// f, applied to every neuron of the layer.
    public var activation: Activation

    /// Number of trainable numbers: inputCount·outputCount weights plus outputCount biases.
    public var parameterCount: Int { inputCount * outputCount + outputCount }

    /// A layer with the given numbers; throws ``NetworkShapeError`` when the arrays do not match the sizes.
    public init(inputCount: Int, outputCount: Int, weights: [Double], biases: [Double], activation: Activation) throws {
        guard inputCount > 0, outputCount > 0 else {
            throw NetworkShapeError.emptyLayer(inputCount: inputCount, outputCount: outputCount)
        }
        guard weights.count == inputCount * outputCount, biases.count == outputCount else {
            throw NetworkShapeError.wrongParameterCount(
                layer: nil, expectedWeights: inputCount * outputCount, weights: weights.count,
                expectedBiases: outputCount, biases: biases.count)
        }
        self.inputCount = inputCount
        self.outputCount = outputCount
        self.weights = weights
        self.biases = biases
        self.activation = activation
    }

    // Codable through the throwing init, so a decoded layer is never inconsistent.
    private enum CodingKeys: String, CodingKey { case inputCount, outputCount, weights, biases, activation }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(inputCount: c.decode(Int.self, forKey: .inputCount),
                      outputCount: c.decode(Int.self, forKey: .outputCount),
                      weights: c.decode([Double].self, forKey: .weights),
                      biases: c.decode([Double].self, forKey: .biases),
                      activation: c.decode(Activation.self, forKey: .activation))
    }
}

/// A network whose layers do not fit together.
public enum NetworkShapeError: Error, Equatable, CustomStringConvertible {
    case noLayers
    case emptyLayer(inputCount: Int, outputCount: Int)
    case wrongParameterCount(layer: Int?, expectedWeights: Int, weights: Int, expectedBiases: Int, biases: Int)
    /// Layer `layer` expects `expected` inputs but the layer before it has `previousOutputs` outputs.
    case mismatchedLayers(layer: Int, expected: Int, previousOutputs: Int)
    /// The last layer must have one neuron: the network gives one atomic energy.
    case notScalarOutput(outputCount: Int)
    case wrongParameterVectorLength(expected: Int, got: Int)

    public var description: String {
        switch self {
        case .noLayers: "a network needs at least one layer"
        case let .emptyLayer(i, o): "a layer needs at least one input and one output (got \(i) -> \(o))"
        case let .wrongParameterCount(layer, ew, w, eb, b):
            "\(layer.map { "layer \($0): " } ?? "")expected \(ew) weights and \(eb) biases, got \(w) and \(b)"
        case let .mismatchedLayers(layer, expected, previous):
            "layer \(layer) expects \(expected) inputs but the layer before it has \(previous) outputs"
        case let .notScalarOutput(n): "the output layer must have 1 neuron (an atomic energy), not \(n)"
        case let .wrongParameterVectorLength(e, g): "expected \(e) parameters, got \(g)"
        }
    }
}
