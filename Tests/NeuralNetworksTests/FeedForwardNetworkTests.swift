import Foundation
import Testing
@testable import NeuralNetworks

@Suite("Feed-forward network")
struct FeedForwardNetworkTests {
    static let input: [Double] = [0.31, -0.52, 0.77, 0.05, -0.18]

    /// A small random network with nonzero biases (so hidden units sit away from special points).
    static func network(_ hidden: Activation, output: Activation = .identity, seed: UInt64 = 7) throws -> FeedForwardNetwork {
        var n = try FeedForwardNetwork(layerSizes: [5, 6, 4, 1], hidden: hidden, output: output, seed: seed)
        let p = n.parameters.enumerated().map { $0.element + 0.05 * sin(Double($0.offset) * 1.7) }
        try n.setParameters(p)
        return n
    }

    @Test("input gradient matches central finite differences, for every hidden activation")
    func inputGradient() throws {
        let h = 1e-6
        for f in Activation.allCases {
            let n = try Self.network(f)
            let (value, gradient) = n.valueAndInputGradient(Self.input)
            #expect(value == n.value(Self.input))
            for k in Self.input.indices {
                var plus = Self.input, minus = Self.input
                plus[k] += h; minus[k] -= h
                let numeric = (n.value(plus) - n.value(minus)) / (2 * h)
                #expect(abs(gradient[k] - numeric) < 1e-7 * max(1, abs(numeric)), "\(f), input \(k)")
            }
        }
    }

    @Test("a non-identity output activation is differentiated too")
    func outputActivation() throws {
        let n = try Self.network(.tanh, output: .softplus)
        let (_, gradient) = n.valueAndInputGradient(Self.input)
        let h = 1e-6
        var plus = Self.input, minus = Self.input
        plus[2] += h; minus[2] -= h
        #expect(abs(gradient[2] - (n.value(plus) - n.value(minus)) / (2 * h)) < 1e-8)
    }

    @Test("the same seed gives the same network; another seed a different one")
    func deterministicInitialisation() throws {
        let a = try FeedForwardNetwork(layerSizes: [10, 20, 20, 1], hidden: .tanh, seed: 42)
        let b = try FeedForwardNetwork(layerSizes: [10, 20, 20, 1], hidden: .tanh, seed: 42)
        let c = try FeedForwardNetwork(layerSizes: [10, 20, 20, 1], hidden: .tanh, seed: 43)
        #expect(a == b)
        #expect(a != c)
        #expect(a.parameterCount == 10 * 20 + 20 + 20 * 20 + 20 + 20 + 1)
        #expect(a.layerSizes == [10, 20, 20, 1])
    }

    @Test("Glorot limits for tanh, He limits for ReLU")
    func initialisationScale() throws {
        let t = try FeedForwardNetwork(layerSizes: [10, 20, 1], hidden: .tanh, seed: 1)
        let r = try FeedForwardNetwork(layerSizes: [10, 20, 1], hidden: .relu, seed: 1)
        #expect(t.layers[0].weights.allSatisfy { abs($0) <= (6.0 / 30).squareRoot() })
        #expect(r.layers[0].weights.allSatisfy { abs($0) <= (6.0 / 10).squareRoot() })
        #expect(r.layers[0].weights.contains { abs($0) > (6.0 / 30).squareRoot() })
    }

    @Test("flat parameters round-trip and keep layer order: weights then biases")
    func parameterRoundTrip() throws {
        var n = try Self.network(.tanh)
        let p = n.parameters
        #expect(p.count == n.parameterCount)
        #expect(Array(p[0..<30]) == n.layers[0].weights)
        #expect(Array(p[30..<36]) == n.layers[0].biases)
        let shifted = p.map { $0 + 1 }
        try n.setParameters(shifted)
        #expect(n.parameters == shifted)
        #expect(throws: NetworkShapeError.self) { try n.setParameters([1, 2]) }
    }

    @Test("layers that do not fit are refused with the reason")
    func shapeChecks() throws {
        let a = try DenseLayer(inputCount: 2, outputCount: 3, weights: Array(repeating: 0, count: 6), biases: [0, 0, 0], activation: .tanh)
        let b = try DenseLayer(inputCount: 4, outputCount: 1, weights: [0, 0, 0, 0], biases: [0], activation: .identity)
        #expect(throws: NetworkShapeError.mismatchedLayers(layer: 1, expected: 4, previousOutputs: 3)) {
            try FeedForwardNetwork(layers: [a, b])
        }
        #expect(throws: NetworkShapeError.notScalarOutput(outputCount: 3)) { try FeedForwardNetwork(layers: [a]) }
        #expect(throws: NetworkShapeError.noLayers) { try FeedForwardNetwork(layers: []) }
        #expect(throws: NetworkShapeError.self) {
            try DenseLayer(inputCount: 2, outputCount: 2, weights: [1], biases: [0, 0], activation: .relu)
        }
    }

    @Test("JSON round trip is bit-exact, and a decoded inconsistent network is refused")
    func codable() throws {
        let n = try Self.network(.silu)
        let data = try JSONEncoder().encode(n)
        #expect(try JSONDecoder().decode(FeedForwardNetwork.self, from: data) == n)
        let bad = #"{"layers":[{"inputCount":2,"outputCount":1,"weights":[1],"biases":[0],"activation":"tanh"}]}"#
        #expect(throws: NetworkShapeError.self) { try JSONDecoder().decode(FeedForwardNetwork.self, from: Data(bad.utf8)) }
    }

    @Test("replacing the hidden activation keeps the linear output layer")
    func hiddenActivationSwap() throws {
        let n = try Self.network(.tanh)
        #expect(n.withHiddenActivation(.relu).layers.map(\.activation) == [.relu, .relu, .identity])
    }

    @Test("workspace evaluation equals the allocating one and a reused workspace gives the same answer")
    func workspaceReuse() throws {
        let n = try Self.network(.softplus)
        var workspace = NetworkWorkspace(for: n)
        var gradient = [Double](repeating: 0, count: 5)
        let other = Self.input.map { -$0 }
        for x in [Self.input, other, Self.input] {
            let v = x.withUnsafeBufferPointer { xp in
                gradient.withUnsafeMutableBufferPointer { n.valueAndInputGradient(xp, gradient: $0, workspace: &workspace) }
            }
            let reference = n.valueAndInputGradient(x)
            #expect(v == reference.value && gradient == reference.gradient)
        }
    }
}
