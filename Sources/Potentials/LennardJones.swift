import Descriptors
import Geometry

/// The Lennard-Jones pair potential E_LJ(r) = 4ε[(σ/r)¹² − (σ/r)⁶] for one species (argon by
/// default), cut at r_c in one of the lesson's three ways (``CutoffKind``):
///
/// - `step`:   E(r) = E_LJ(r)                                      (LAMMPS `lj/cut`; E jumps at r_c)
/// - `kinked`: E(r) = E_LJ(r) − E_LJ(r_c)                          (`pair_modify shift yes`; F jumps)
/// - `smooth`: E(r) = E_LJ(r) − E_LJ(r_c) − (r − r_c)·E_LJ′(r_c)    (`lj/smooth/linear`; E, F → 0)
///
/// and E(r) = 0 for r ≥ r_c. Units: ε in eV, σ and r_c in Å. Argon (Rahman 1964 style) defaults:
/// ε = 0.0104 eV, σ = 3.40 Å, r_c = 8.5 Å; mass 39.948 amu comes from the element.
public struct LennardJones: Potential {
    /// Well depth ε (eV).
    public let epsilon: Double
    /// Zero-crossing distance σ (Å).
    public let sigma: Double
    /// Cutoff radius r_c (Å).
    public let cutoff: Double
    /// How the potential is cut at r_c.
    public let truncation: CutoffKind
    /// The single species this potential describes.
    public let element: Element

    // Constants precomputed once, as LAMMPS does: 48εσ¹², 24εσ⁶, 4εσ¹², 4εσ⁶, r_c².
    let lj1: Double, lj2: Double, lj3: Double, lj4: Double, cutoffSquared: Double
    /// Energy subtracted at every distance: E_LJ(r_c) for kinked and smooth, 0 for step.
    let energyShift: Double
    /// −E_LJ′(r_c) (eV/Å) for smooth, 0 otherwise: the constant force removed from every pair.
    let forceShift: Double

    /// Argon, Z = 18.
    public static let argon = Element(atomicNumber: 18)!
    /// Argon's parameters, the one place they are written: ε = 0.0104 eV, σ = 3.40 Å, r_c = 8.5 Å.
    public static let argonEpsilon = 0.0104
    public static let argonSigma = 3.40
    public static let argonCutoff = 8.5

    /// Parameters that cannot describe a potential.
    public enum ParameterError: Error, Sendable, Equatable, CustomStringConvertible {
        case notPositive(name: String, value: Double)
        public var description: String {
            switch self {
            case let .notPositive(name, value): return "Lennard-Jones \(name) must be a positive number: \(value)"
            }
        }
    }

    /// Creates the potential; ε, σ and r_c must be finite and positive.
    public init(epsilon: Double = LennardJones.argonEpsilon, sigma: Double = LennardJones.argonSigma,
                cutoff: Double = LennardJones.argonCutoff, truncation: CutoffKind = .smooth,
                element: Element = LennardJones.argon) throws {
        for (name, value) in [("epsilon", epsilon), ("sigma", sigma), ("cutoff", cutoff)] where !(value > 0 && value.isFinite) {
            throw ParameterError.notPositive(name: name, value: value)
        }
        self.epsilon = epsilon
        self.sigma = sigma
        self.cutoff = cutoff
        self.truncation = truncation
        self.element = element
        let s6 = pow6(sigma)
        lj1 = 48 * epsilon * s6 * s6
        lj2 = 24 * epsilon * s6
        lj3 = 4 * epsilon * s6 * s6
        lj4 = 4 * epsilon * s6
        cutoffSquared = cutoff * cutoff
        let r6inv = 1 / pow6(cutoff)
        let energyAtCutoff = r6inv * (lj3 * r6inv - lj4)
        let forceAtCutoff = r6inv * (lj1 * r6inv - lj2) / cutoff
        energyShift = truncation == .step ? 0 : energyAtCutoff
        forceShift = truncation == .smooth ? forceAtCutoff : 0
    }

    public var neighborListKind: NeighborListKind { .half }
    public var elements: [Element]? { [element] }
    public var summary: String {
        "Lennard-Jones \(element.symbol), ε \(epsilon) eV, σ \(sigma) Å, r_c \(cutoff) Å, \(truncation)"
    }

    /// The truncated pair energy E(r) in eV at distance r (Å); 0 at and beyond r_c.
    public func pairEnergy(_ r: Double) -> Double {
        guard r < cutoff else { return 0 }
        let r6inv = 1 / pow6(r)
        return r6inv * (lj3 * r6inv - lj4) - energyShift + (r - cutoff) * forceShift
    }

    /// The pair force −dE/dr in eV/Å at distance r (Å), positive when repulsive; 0 at and beyond r_c.
    public func pairForce(_ r: Double) -> Double {
        guard r < cutoff else { return 0 }
        let r6inv = 1 / pow6(r)
        return r6inv * (lj1 * r6inv - lj2) / r - forceShift
    }
}

@inline(__always) func pow6(_ x: Double) -> Double { let x2 = x * x; return x2 * x2 * x2 }
