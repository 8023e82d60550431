import Testing
@testable import NeuralNetworks

@Suite("Activation functions")
struct ActivationTests {
    /// Points away from ReLU's hinge at 0, covering both signs and the saturated tails.
    let points: [Double] = [-3.1, -1.2, -0.37, 0.21, 0.9, 2.6]

    /// Checks `analytic` against a central finite difference of `function` at every point.
    func expectDerivative(_ analytic: (Activation, Double) -> Double, of function: (Activation, Double) -> Double,
                          tolerance: Double) {
        let h = 1e-6
        for f in Activation.allCases {
            for x in points {
                let numeric = (function(f, x + h) - function(f, x - h)) / (2 * h)
                #expect(abs(analytic(f, x) - numeric) < tolerance * max(1, abs(numeric)), "\(f) at \(x)")
            }
        }
    }

    @Test("first derivative matches a central finite difference of the value, for every activation")
    func firstDerivative() {
        expectDerivative({ $0.derivative($1) }, of: { $0.value($1) }, tolerance: 1e-8)
    }

    @Test("second derivative matches a central finite difference of the first, for every activation")
    func secondDerivative() {
        expectDerivative({ $0.secondDerivative($1) }, of: { $0.derivative($1) }, tolerance: 1e-7)
    }

    @Test("valueAndDerivative agrees with evaluate")
    func fastPathAgrees() {
        for f in Activation.allCases {
            for x in points {
                let (v, d) = f.valueAndDerivative(x)
                #expect(v == f.value(x) && d == f.derivative(x), "\(f) at \(x)")
            }
        }
    }

    @Test("n2p2 letters round-trip and match n2p2's table")
    func n2p2Letters() {
        let table: [String: Activation] = ["l": .identity, "t": .tanh, "s": .logistic, "p": .softplus,
                                           "r": .relu, "g": .gaussian, "c": .cos, "S": .reverseLogistic,
                                           "e": .exp, "h": .harmonic]
        for (letter, f) in table {
            #expect(Activation(n2p2Letter: letter) == f)
            #expect(f.n2p2Letter == letter)
        }
        #expect(Activation.silu.n2p2Letter == nil)
        #expect(Activation(n2p2Letter: "x") == nil)
        #expect(Activation(n2p2Letter: "T") == nil)
    }

    @Test("known values: tanh(0) = 0, logistic(0) = 1/2, softplus(0) = ln 2, gaussian(0) = 1, silu(1) = 1/(1+e^-1)")
    func knownValues() {
        #expect(Activation.tanh.value(0) == 0)
        #expect(Activation.logistic.value(0) == 0.5)
        #expect(abs(Activation.softplus.value(0) - 0.6931471805599453) < 1e-15)
        #expect(Activation.gaussian.value(0) == 1)
        #expect(abs(Activation.silu.value(1) - 1 / (1 + 0.36787944117144233)) < 1e-15)
        #expect(Activation.reverseLogistic.value(2) + Activation.logistic.value(2) == 1)
    }

    @Test("softplus, logistic and SiLU stay finite far out in both tails")
    func noOverflow() {
        for f in [Activation.softplus, .logistic, .silu, .reverseLogistic] {
            for x in [-800.0, 800.0] {
                let e = f.evaluate(x)
                #expect(e.value.isFinite && e.first.isFinite && e.second.isFinite, "\(f) at \(x)")
            }
        }
        #expect(Activation.softplus.value(800) == 800)
    }

    @Test("ReLU's derivative jumps at the hinge: the smoothness class the lesson is about")
    func reluKink() {
        #expect(Activation.relu.derivative(-1e-12) == 0)
        #expect(Activation.relu.derivative(1e-12) == 1)
        #expect(!Activation.relu.isSmooth)
        #expect(Activation.tanh.isSmooth)
    }
}
