import Foundation
import Testing
@testable import NeuralNetworks

@Suite("Parameter gradients (forward-over-reverse)")
struct ParameterGradientTests {
    let input: [Double] = [0.31, -0.52, 0.77, 0.05, -0.18]
    let direction: [Double] = [0.4, 1.1, -0.7, 0.25, -0.9]

    /// J(θ) = α N(G) + β ∇_G N · u, computed from the tested input gradient.
    func objective(_ n: FeedForwardNetwork, alpha: Double, beta: Double) -> Double {
        let (v, g) = n.valueAndInputGradient(input)
        return alpha * v + beta * zip(g, direction).reduce(0) { $0 + $1.0 * $1.1 }
    }

    func analytic(_ n: FeedForwardNetwork, alpha: Double, beta: Double, withDirection: Bool = true)
        -> (gradient: [Double], value: Double, directional: Double) {
        var workspace = NetworkWorkspace(for: n)
        var gradient = [Double](repeating: 0, count: n.parameterCount)
        let r = input.withUnsafeBufferPointer { x in
            direction.withUnsafeBufferPointer { u in
                gradient.withUnsafeMutableBufferPointer { g in
                    n.accumulateParameterGradient(input: x.baseAddress!, direction: withDirection ? u.baseAddress! : nil,
                                                  energyWeight: alpha, directionWeight: beta,
                                                  into: g.baseAddress!, workspace: &workspace)
                }
            }
        }
        return (gradient, r.value, r.directional)
    }

    @Test("∂/∂θ of α·N + β·(∇N·u) matches central finite differences, for every hidden activation")
    func matchesFiniteDifferences() throws {
        let h = 1e-6
        for f in Activation.allCases {
            let n = try FeedForwardNetworkTests.network(f, seed: 11)
            let (alpha, beta) = (0.7, -1.3)
            let exact = analytic(n, alpha: alpha, beta: beta)
            let (v, g) = n.valueAndInputGradient(input)
            #expect(exact.value == v)
            #expect(abs(exact.directional - zip(g, direction).reduce(0) { $0 + $1.0 * $1.1 }) < 1e-14)
            let p = n.parameters
            for k in p.indices {
                var plus = n, minus = n
                var pp = p, pm = p
                pp[k] += h; pm[k] -= h
                try plus.setParameters(pp); try minus.setParameters(pm)
                let numeric = (objective(plus, alpha: alpha, beta: beta) - objective(minus, alpha: alpha, beta: beta)) / (2 * h)
                #expect(abs(exact.gradient[k] - numeric) < 2e-7 * max(1, abs(numeric)), "\(f), parameter \(k)")
            }
        }
    }

    @Test("without a direction it is plain back-propagation of N")
    func energyOnly() throws {
        let n = try FeedForwardNetworkTests.network(.tanh)
        let withoutDirection = analytic(n, alpha: 1, beta: 5, withDirection: false)
        let zeroBeta = analytic(n, alpha: 1, beta: 0)
        for k in withoutDirection.gradient.indices {
            #expect(abs(withoutDirection.gradient[k] - zeroBeta.gradient[k]) < 1e-15)
        }
        #expect(withoutDirection.directional == 0)
    }

    @Test("gradients accumulate: two calls give twice one call (to rounding)")
    func accumulates() throws {
        let n = try FeedForwardNetworkTests.network(.gaussian)
        var workspace = NetworkWorkspace(for: n)
        var gradient = [Double](repeating: 0, count: n.parameterCount)
        for _ in 0..<2 {
            _ = input.withUnsafeBufferPointer { x in
                direction.withUnsafeBufferPointer { u in
                    gradient.withUnsafeMutableBufferPointer { g in
                        n.accumulateParameterGradient(input: x.baseAddress!, direction: u.baseAddress!, energyWeight: 1,
                                                      directionWeight: 1, into: g.baseAddress!, workspace: &workspace)
                    }
                }
            }
        }
        let once = analytic(n, alpha: 1, beta: 1).gradient
        #expect(zip(gradient, once).allSatisfy { abs($0 - 2 * $1) <= 1e-14 * max(1, abs($1)) })
    }
}
