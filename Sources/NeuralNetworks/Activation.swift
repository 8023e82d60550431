#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The activation functions f(x) of a network's neurons: the ones n2p2 defines (with its one-letter
/// codes from `input.nn`'s `global_activation_short`) plus SiLU.
///
/// Each case gives f, f′ and f″. The second derivative is needed by force training (the gradient of
/// the forces with respect to the weights runs through f″), and the smoothness class decides what an
/// MD run sees: forces are −∂E/∂r, so an activation whose *derivative* jumps (ReLU) gives forces that
/// jump and a total energy that velocity Verlet cannot conserve.
public enum Activation: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// f(x) = x (n2p2 `l`). C∞; the usual output activation.
    case identity
    /// f(x) = tanh x (n2p2 `t`). C∞: smooth energies and forces.
    case tanh
    /// f(x) = 1/(1 + e^(−x)) (n2p2 `s`). C∞.
    case logistic
    /// f(x) = ln(1 + e^x) (n2p2 `p`). C∞ (a smooth ReLU).
    case softplus
    /// f(x) = max(0, x) (n2p2 `r`). Continuous, but f′ jumps at 0 (and f″ is a delta there): the
    /// energy is continuous, the forces jump whenever a hidden unit switches on or off, so NVE
    /// energy is not conserved.
    case relu
    /// f(x) = e^(−x²/2) (n2p2 `g`). C∞.
    case gaussian
    /// f(x) = cos x (n2p2 `c`). C∞.
    case cos
    /// f(x) = 1 − 1/(1 + e^(−x)) (n2p2 `S`, "reverse logistic"). C∞.
    case reverseLogistic
    /// f(x) = e^(−x) (n2p2 `e`). C∞.
    case exp
    /// f(x) = x² (n2p2 `h`). C∞.
    case harmonic
    /// f(x) = x/(1 + e^(−x)), SiLU or swish. C∞. n2p2 has no letter for it, so n2p2 cannot read it.
    case silu

    public var description: String { rawValue }

    /// Reads n2p2's one-letter activation code (`l t s p r g c S e h`); nil for any other string.
    public init?(n2p2Letter: String) {
        guard let match = Activation.allCases.first(where: { $0.n2p2Letter == n2p2Letter }) else { return nil }
        self = match
    }

    /// n2p2's one-letter code, or nil for activations n2p2 does not define (SiLU).
    public var n2p2Letter: String? {
        switch self {
        case .identity: "l"
        case .tanh: "t"
        case .logistic: "s"
        case .softplus: "p"
        case .relu: "r"
        case .gaussian: "g"
        case .cos: "c"
        case .reverseLogistic: "S"
        case .exp: "e"
        case .harmonic: "h"
        case .silu: nil
        }
    }

    /// True when f is infinitely differentiable, so the forces are smooth functions of the positions.
    public var isSmooth: Bool { self != .relu }

    /// f(x).
    @inlinable public func value(_ x: Double) -> Double { evaluate(x).value }
    /// f′(x) (for ReLU: 0 at x ≤ 0, 1 above).
    @inlinable public func derivative(_ x: Double) -> Double { evaluate(x).first }
    /// f″(x) (for ReLU: 0 everywhere away from the hinge).
    @inlinable public func secondDerivative(_ x: Double) -> Double { evaluate(x).second }

    /// f(x), f′(x) and f″(x) together, sharing the expensive part (one exp or tanh).
    @inlinable @inline(__always)
    public func evaluate(_ x: Double) -> (value: Double, first: Double, second: Double) {
        switch self {
        case .identity:
            return (x, 1, 0)
        case .tanh:
            let t = libmTanh(x)
            let d = 1 - t * t
            return (t, d, -2 * t * d)
        case .logistic:
            let s = logisticFunction(x)
            let d = s * (1 - s)
            return (s, d, d * (1 - 2 * s))
        case .softplus:
            // ln(1 + e^x) = max(x, 0) + ln(1 + e^(−|x|)) never overflows.
            let s = logisticFunction(x)
            return (Swift.max(x, 0) + log1p(libmExp(-Swift.abs(x))), s, s * (1 - s))
        case .relu:
            return x > 0 ? (x, 1, 0) : (0, 0, 0)
        case .gaussian:
            let g = libmExp(-0.5 * x * x)
            return (g, -x * g, (x * x - 1) * g)
        case .cos:
            let c = libmCos(x)
            return (c, -libmSin(x), -c)
        case .reverseLogistic:
            let s = logisticFunction(x)
            let d = s * (1 - s)
            return (1 - s, -d, -d * (1 - 2 * s))
        case .exp:
            let e = libmExp(-x)
            return (e, -e, e)
        case .harmonic:
            return (x * x, 2 * x, 2)
        case .silu:
            let s = logisticFunction(x)
            let d = s * (1 - s)
            return (x * s, s + x * d, d * (2 + x * (1 - 2 * s)))
        }
    }

    /// f(x) and f′(x) only: the forward pass of force evaluation needs no f″.
    @inlinable @inline(__always)
    public func valueAndDerivative(_ x: Double) -> (value: Double, first: Double) {
        switch self {
        case .identity: return (x, 1)
        case .relu: return x > 0 ? (x, 1) : (0, 0)
        case .tanh:
            let t = libmTanh(x)
            return (t, 1 - t * t)
        default:
            let e = evaluate(x)
            return (e.value, e.first)
        }
    }
}

/// 1/(1 + e^(−x)), written so that e^(±x) never overflows.
@inlinable @inline(__always) func logisticFunction(_ x: Double) -> Double {
    if x >= 0 { return 1 / (1 + libmExp(-x)) }
    let e = libmExp(x)
    return e / (1 + e)
}

// Inside `Activation` the cases `tanh`, `cos` and `exp` shadow the C library's functions; these reach them.
@inlinable @inline(__always) func libmTanh(_ x: Double) -> Double { tanh(x) }
@inlinable @inline(__always) func libmExp(_ x: Double) -> Double { exp(x) }
@inlinable @inline(__always) func libmCos(_ x: Double) -> Double { cos(x) }
@inlinable @inline(__always) func libmSin(_ x: Double) -> Double { sin(x) }
