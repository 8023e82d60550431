import Foundation
import Geometry

/// n2p2's polynomial ("compact") symmetry functions, types 20 to 25 (Bircher, Singraber, Dellago,
/// Mach. Learn.: Sci. Technol. 2, 035026 (2021)). They carry their own compact support and ignore the
/// potential's `cutoff_type`.
///
/// A compact function on [a, b] is C(x) = c(|x - m| / w) with centre m = (a + b)/2, half width
/// w = (b - a)/2 and a core c: [0, 1] → [1, 0] (``Core``). With the radial part R = C on [r_l, r_c] and
/// the angular part A = C on [θ_l, θ_r] (radians; θ = acos cos θ_ijk), the values are
/// (dimensionless; lengths in the positions' unit):
///
/// - type 20 (radial): G = Σ_{j of e₁, r_l < R_ij < r_c} R(R_ij)
/// - type 21 (narrow angular): G = Σ_{j<k, elements {e₁,e₂}} A(θ_ijk) R(R_ij) R(R_ik) R(R_jk), with
///   R_ij, R_ik in (r_l, r_c), R_jk < r_c and R_jk > max(r_l, 0)
/// - type 22 (wide angular): as 21 without R(R_jk) and its range condition
/// - types 23, 24, 25: as 20, 21, 22 over every element, each term weighted by Z_j (Z_j Z_k for pairs).
///
/// Angular terms with cos θ = ±1 exactly, or θ outside [θ_l, θ_r], contribute nothing, as in n2p2.
public struct PolynomialSymmetryFunction: Sendable, Hashable {
    public enum Kind: Int, Sendable, Hashable, CaseIterable {
        case radial = 20, narrow = 21, wide = 22, weightedRadial = 23, weightedNarrow = 24, weightedWide = 25

        /// How many neighbour elements the n2p2 line names (0 for the weighted kinds).
        public var namedElementCount: Int {
            switch self {
            case .radial: 1
            case .narrow, .wide: 2
            case .weightedRadial, .weightedNarrow, .weightedWide: 0
            }
        }
        public var isAngular: Bool { self != .radial && self != .weightedRadial }
        public var isWeighted: Bool { rawValue >= 23 }
        public var isNarrow: Bool { self == .narrow || self == .weightedNarrow }
    }

    /// The core c(x) on [0, 1], n2p2's subtype letters: `p1`...`p4` polynomials (c(0) = 1, c(1) = 0 with
    /// 1 to 4 vanishing derivatives at both ends), `e` = e^{1 - 1/(1 - x²)}; a trailing `a` (`p2a`) makes the
    /// radial part asymmetric: c((2 - x)x) instead of c(x).
    public enum Core: String, Sendable, Hashable, CaseIterable {
        case p1, p2, p3, p4, e

        /// c(x) and dc/dx.
        @inline(__always)
        public func valueAndDerivative(_ x: Double) -> (Double, Double) {
            switch self {
            case .p1:
                return ((2 * x - 3) * x * x + 1, x * (6 * x - 6))
            case .p2:
                let x2 = x * x
                return (((15 - 6 * x) * x - 10) * x * x2 + 1, x2 * ((60 - 30 * x) * x - 30))
            case .p3:
                let x2 = x * x
                return ((x * (x * (20 * x - 70) + 84) - 35) * x2 * x2 + 1,
                        x2 * x * (x * (x * (140 * x - 420) + 420) - 140))
            case .p4:
                let x2 = x * x, x4 = x2 * x2
                return ((x * (x * ((315 - 70 * x) * x - 540) + 420) - 126) * x * x4 + 1,
                        x4 * (x * (x * ((2520 - 630 * x) * x - 3780) + 2520) - 630))
            case .e:
                let t = 1 / (x * x - 1)
                let v = M_E * Foundation.exp(t)
                return (v, -2 * x * t * t * v)
            }
        }
    }

    public var kind: Kind
    /// The named neighbour elements, by increasing atomic number (1 for type 20, 2 for 21 and 22, else none).
    public let elements: [Element]
    /// Lower and upper radial bounds r_l < r_c (length).
    public var lower: Double
    public var cutoff: Double
    /// Angular bounds θ_l < θ_r in degrees (angular kinds only; 0 otherwise).
    public var angleLeft: Double
    public var angleRight: Double
    /// n2p2's subtype text (`p2`, `p3a`, `e`), kept for writing the line back and for n2p2's sort order.
    public let subtype: String
    public let core: Core
    public let asymmetric: Bool

    public enum ParameterError: Error, CustomStringConvertible, Equatable {
        case invalid(String)
        public var description: String { switch self { case .invalid(let why): why } }
    }

    /// Checks the parameters as n2p2 does: a known subtype, r_l < r_c, and for angular kinds
    /// θ_l < θ_r, a span of at most 360°, and bounds outside [0°, 180°] only around a centre of 0° or 180°.
    public init(kind: Kind, elements: [Element], lower: Double, cutoff: Double,
                angleLeft: Double = 0, angleRight: Double = 0, subtype: String) throws {
        guard elements.count == kind.namedElementCount else {
            throw ParameterError.invalid("type \(kind.rawValue) names \(kind.namedElementCount) neighbour elements, got \(elements.count)")
        }
        self.kind = kind
        self.elements = elements.sorted()
        // As n2p2 reads it: 1 to 3 characters; 'p' with a digit 1-4 and an optional 'a', or 'e' (anything after
        // the 'e' is ignored).
        let letters = Array(subtype)
        let parsed: (Core, Bool)? = switch (letters.first, letters.count) {
        case ("e", 1...3): (.e, false)
        case ("p", 2...3):
            Core(rawValue: "p" + String(letters[1])).flatMap { c in
                letters.count == 2 ? (c, false) : letters[2] == "a" ? (c, true) : nil
            }
        default: nil
        }
        guard let parsed else {
            throw ParameterError.invalid("unknown polynomial subtype '\(subtype)' (p1, p2, p3, p4 with an optional 'a', or e)")
        }
        (core, asymmetric) = parsed
        self.subtype = subtype
        guard lower.isFinite, cutoff.isFinite, lower < cutoff, cutoff > 0 else {
            throw ParameterError.invalid("polynomial symmetry function needs r_l < r_c and r_c > 0, got r_l \(lower), r_c \(cutoff)")
        }
        self.lower = lower
        self.cutoff = cutoff
        if kind.isAngular {
            guard angleLeft.isFinite, angleRight.isFinite, angleLeft < angleRight else {
                throw ParameterError.invalid("angular bounds need left < right, got \(angleLeft) and \(angleRight) degrees")
            }
            let centre = (angleLeft + angleRight) / 2
            guard !(angleLeft < 0 && centre != 0), !(angleRight > 180 && centre != 180) else {
                throw ParameterError.invalid("angular bounds outside [0, 180] degrees need a centre of 0 or 180, got \(angleLeft) and \(angleRight)")
            }
            guard angleRight - angleLeft <= 360 else {
                throw ParameterError.invalid("angular bounds span more than 360 degrees (\(angleLeft) to \(angleRight))")
            }
            self.angleLeft = angleLeft
            self.angleRight = angleRight
        } else {
            self.angleLeft = 0
            self.angleRight = 0
        }
    }

    /// The radial part R(r) and dR/dr (r inside (r_l, r_c)).
    @inline(__always)
    func radial(_ r: Double) -> (Double, Double) {
        let centre = (cutoff + lower) / 2, scale = 1 / ((cutoff - lower) / 2)
        return PolynomialSymmetryFunction.compact(r, centre: centre, scale: scale, core: core, asymmetric: asymmetric)
    }

    /// C(a) = c(|a - m|/w) and dC/da; the asymmetric variant applies c to (2 - x)x.
    @inline(__always)
    static func compact(_ a: Double, centre: Double, scale: Double, core: Core, asymmetric: Bool) -> (Double, Double) {
        let t = (a - centre) * scale
        let x = abs(t)
        var value: Double, slope: Double
        if asymmetric {
            (value, slope) = core.valueAndDerivative((2 - x) * x)
            slope *= 2 - 2 * x
        } else {
            (value, slope) = core.valueAndDerivative(x)
        }
        return (value, slope * (t < 0 ? -scale : scale))
    }

    /// n2p2's order among functions of the same type (`SymFncComp*::operator<`): subtype text, then the
    /// named elements, r_c, r_l, θ_l, θ_r.
    static func n2p2Precedes(_ a: PolynomialSymmetryFunction, _ b: PolynomialSymmetryFunction) -> Bool {
        if a.subtype != b.subtype { return a.subtype.utf8.lexicographicallyPrecedes(b.subtype.utf8) }
        let ka = a.elements.map { Double($0.atomicNumber) } + [a.cutoff, a.lower, a.angleLeft, a.angleRight]
        let kb = b.elements.map { Double($0.atomicNumber) } + [b.cutoff, b.lower, b.angleLeft, b.angleRight]
        for (u, v) in zip(ka, kb) where u != v { return u < v }
        return false
    }

    /// The same function with lengths multiplied by `factor` (angles unchanged).
    func scalingLengths(by factor: Double) -> PolynomialSymmetryFunction {
        var p = self
        p.lower *= factor; p.cutoff *= factor
        return p
    }

    /// The parameter fields of n2p2's `symfunction_short` line after the central element and type.
    public var n2p2Fields: [String] {
        func n(_ v: Double) -> String { String(format: "%.17g", v) }
        let names = elements.map(\.symbol)
        return kind.isAngular ? names + [n(lower), n(cutoff), n(angleLeft), n(angleRight), subtype]
                              : names + [n(lower), n(cutoff), subtype]
    }
}
