import Foundation

/// The shape of a cutoff function f_c(r), which takes a neighbour's contribution smoothly (or not) to
/// zero at the cutoff radius r_c.
///
/// Shapes that allow an inner cutoff r_ci = α·r_c are 1 for r < r_ci and f(x) with
/// x = (r - r_ci)/(r_c - r_ci) on [r_ci, r_c) (n2p2's convention, `cutoff_type N alpha`); every shape is 0
/// for r ≥ r_c. The smoothness class says how many derivatives are continuous at r_c.
public enum CutoffShape: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// f(x) = 1: the energy jumps when a neighbour crosses r_c (discontinuous, C⁻¹). n2p2 type 0 (CT_HARD).
    case step
    /// f(x) = 1 - x: continuous, but the slope jumps at r_c (C⁰). No n2p2 type.
    case kinked
    /// f(x) = ½[cos(πx) + 1]: value and slope vanish at r_c (C¹). n2p2 type 1 (CT_COS); the lab's `smooth`.
    case cosine
    /// f_c(r) = tanh³(1 - r/r_c), no inner cutoff (C²). n2p2 type 2 (CT_TANHU).
    case tanhUnnormalized
    /// f_c(r) = c·tanh³(1 - r/r_c) with c = [(e + 1/e)/(e - 1/e)]³ so that f_c(0) = 1, no inner cutoff (C²).
    /// n2p2 type 3 (CT_TANH).
    case tanh
    /// f(x) = exp(1 - 1/(1 - x²)) (C^∞). n2p2 type 4 (CT_EXP).
    case exponential
    /// f(x) = (2x - 3)x² + 1 (C¹). n2p2 type 5 (CT_POLY1).
    case poly1
    /// f(x) = ((15 - 6x)x - 10)x³ + 1 (C²). n2p2 type 6 (CT_POLY2).
    case poly2
    /// f(x) = (x(x(20x - 70) + 84) - 35)x⁴ + 1 (C³). n2p2 type 7 (CT_POLY3).
    case poly3
    /// f(x) = (x(x((315 - 70x)x - 540) + 420) - 126)x⁵ + 1 (C⁴). n2p2 type 8 (CT_POLY4).
    case poly4

    /// The lab's vocabulary: step, kinked, and smooth (= cosine).
    public init(_ kind: CutoffKind) {
        switch kind {
        case .step: self = .step
        case .kinked: self = .kinked
        case .smooth: self = .cosine
        }
    }

    /// n2p2's `cutoff_type` number, or nil for ``kinked`` (n2p2 has no linear cutoff).
    public var n2p2Code: Int? {
        switch self {
        case .step: 0
        case .kinked: nil
        case .cosine: 1
        case .tanhUnnormalized: 2
        case .tanh: 3
        case .exponential: 4
        case .poly1: 5
        case .poly2: 6
        case .poly3: 7
        case .poly4: 8
        }
    }

    /// The shape with n2p2 `cutoff_type` number `code`, or nil for an unknown number.
    public init?(n2p2Code code: Int) {
        guard let shape = CutoffShape.allCases.first(where: { $0.n2p2Code == code }) else { return nil }
        self = shape
    }

    /// The lesson's class of this shape, which is what the lab's `c` key and the model names say:
    /// ``CutoffKind/step`` (the value jumps), ``CutoffKind/kinked`` (the slope jumps) or
    /// ``CutoffKind/smooth`` (value and slope vanish at r_c; every n2p2 shape but the hard one).
    /// ``init(_:)`` picks the shape the lab uses for each class (smooth: cosine).
    public var kind: CutoffKind {
        switch self {
        case .step: .step
        case .kinked: .kinked
        default: .smooth
        }
    }

    /// Whether the inner-cutoff parameter α is used (n2p2 ignores it for the tanh shapes).
    public var usesInnerCutoff: Bool { self != .tanh && self != .tanhUnnormalized }

    public var description: String {
        switch self {
        case .step: "step"
        case .kinked: "kinked"
        case .cosine: "cosine"
        case .tanhUnnormalized: "tanhu"
        case .tanh: "tanh"
        case .exponential: "exp"
        case .poly1: "poly1"
        case .poly2: "poly2"
        case .poly3: "poly3"
        case .poly4: "poly4"
        }
    }
}

/// A cutoff function f_c(r) of a given ``CutoffShape`` with cutoff radius r_c and inner cutoff r_ci = α·r_c.
///
/// Lengths are in the unit of the positions it is applied to (Å for metal-unit potentials).
public struct CutoffFunction: Sendable, Hashable {
    public let shape: CutoffShape
    /// Cutoff radius r_c: f_c(r) = 0 for r ≥ r_c.
    public let radius: Double
    /// Inner-cutoff fraction α, 0 ≤ α < 1: f_c(r) = 1 for r < α·r_c (ignored by the tanh shapes).
    public let innerFraction: Double

    private let inner: Double
    private let inverseWidth: Double
    private let inverseRadius: Double

    /// The normalisation c = [(e + 1/e)/(e - 1/e)]³ = 1/tanh³(1) of ``CutoffShape/tanh``.
    static let tanhNormalization: Double = { let t = Foundation.tanh(1.0); return 1 / (t * t * t) }()

    public enum InvalidParameter: Error, CustomStringConvertible, Equatable {
        case radius(Double), innerFraction(Double)
        public var description: String {
            switch self {
            case .radius(let r): "cutoff radius must be positive and finite, got \(r)"
            case .innerFraction(let a): "inner cutoff fraction alpha must satisfy 0 <= alpha < 1, got \(a)"
            }
        }
    }

    public init(_ shape: CutoffShape, radius: Double, innerFraction: Double = 0) throws {
        guard radius > 0, radius.isFinite else { throw InvalidParameter.radius(radius) }
        guard innerFraction >= 0, innerFraction < 1 else { throw InvalidParameter.innerFraction(innerFraction) }
        self.init(validated: shape, radius: radius, innerFraction: innerFraction)
    }

    /// For parameters already checked (a ``SymmetryFunctionSet`` validates its radii and α).
    init(validated shape: CutoffShape, radius: Double, innerFraction: Double) {
        self.shape = shape
        self.radius = radius
        self.innerFraction = innerFraction
        inner = shape.usesInnerCutoff ? radius * innerFraction : 0
        inverseWidth = 1 / (radius - inner)
        inverseRadius = 1 / radius
    }

    /// f_c(r) (dimensionless).
    @inlinable public func value(_ r: Double) -> Double { valueAndDerivative(r).value }

    /// f_c(r) and df_c/dr (per length unit).
    @inline(__always)
    public func valueAndDerivative(_ r: Double) -> (value: Double, derivative: Double) {
        if r >= radius { return (0, 0) }
        switch shape {
        case .tanhUnnormalized, .tanh:
            let c = shape == .tanh ? CutoffFunction.tanhNormalization : 1
            // tanh x = 1 - 2/(e^{2x} + 1): one exp, cheaper than libm's tanh.
            let t = 1 - 2 / (exp(2 * (1 - r * inverseRadius)) + 1)
            let t2 = t * t
            return (c * t * t2, 3 * c * t2 * (t2 - 1) * inverseRadius)
        default:
            if r < inner { return (1, 0) }
            let x = (r - inner) * inverseWidth
            let (f, df) = CutoffFunction.core(shape, x)
            return (f, df * inverseWidth)
        }
    }

    /// The core f(x) and df/dx on x ∈ [0, 1) for the shapes with an inner cutoff.
    @inline(__always)
    static func core(_ shape: CutoffShape, _ x: Double) -> (Double, Double) {
        switch shape {
        case .step, .tanh, .tanhUnnormalized:
            return (1, 0)
        case .kinked:
            return (1 - x, -1)
        case .cosine:
            let c = cos(Double.pi * x), s = sin(Double.pi * x)
            return (0.5 * (c + 1), -0.5 * Double.pi * s)
        case .exponential:
            let d = 1 - x * x
            let f = exp(1 - 1 / d)
            return (f, -2 * x * f / (d * d))
        case .poly1:
            return ((2 * x - 3) * x * x + 1, 6 * x * (x - 1))
        case .poly2:
            let xm = x - 1
            return (((15 - 6 * x) * x - 10) * x * x * x + 1, -30 * x * x * xm * xm)
        case .poly3:
            let x2 = x * x, xm = x - 1
            return ((x * (x * (20 * x - 70) + 84) - 35) * x2 * x2 + 1, 140 * x2 * x * xm * xm * xm)
        case .poly4:
            let x2 = x * x, xm = x - 1, xm2 = xm * xm
            return ((x * (x * ((315 - 70 * x) * x - 540) + 420) - 126) * x2 * x2 * x + 1, -630 * x2 * x2 * xm2 * xm2)
        }
    }
}
