#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Adam optimiser (Kingma and Ba 2015) over one flat parameter vector:
/// m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − η·m̂/(√v̂ + ε) with bias-corrected m̂, v̂.
///
/// A value: its moments and step count are part of the training state, so a run replays exactly.
public struct Adam: Sendable, Hashable, Codable {
    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    public private(set) var firstMoment: [Double]
    public private(set) var secondMoment: [Double]
    public private(set) var stepCount: Int

    public init(parameterCount: Int, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        firstMoment = Array(repeating: 0, count: parameterCount)
        secondMoment = Array(repeating: 0, count: parameterCount)
        stepCount = 0
    }

    /// One update of `parameters` along `gradient` with step size `learningRate`.
    public mutating func step(_ parameters: inout [Double], gradient: [Double], learningRate: Double) {
        precondition(parameters.count == firstMoment.count && gradient.count == firstMoment.count)
        stepCount += 1
        let c1 = 1 - pow(beta1, Double(stepCount)), c2 = 1 - pow(beta2, Double(stepCount))
        for k in parameters.indices {
            let g = gradient[k]
            firstMoment[k] = beta1 * firstMoment[k] + (1 - beta1) * g
            secondMoment[k] = beta2 * secondMoment[k] + (1 - beta2) * g * g
            parameters[k] -= learningRate * (firstMoment[k] / c1) / ((secondMoment[k] / c2).squareRoot() + epsilon)
        }
    }
}
