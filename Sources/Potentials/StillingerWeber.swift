import Foundation
import Geometry

/// The Stillinger-Weber potential (Phys. Rev. B 31, 5262, 1985), written as in LAMMPS `pair_style sw`:
///
///     E = Σ_{i<j} φ₂(r_ij) + Σ_i Σ_{j<k} φ₃(r_ij, r_ik, θ_jik)
///     φ₂(r) = A ε [B (σ/r)^p − (σ/r)^q] exp(σ / (r − aσ))
///     φ₃ = λ ε (cos θ_jik − cos θ₀)² exp(γσ / (r_ij − aσ)) exp(γσ / (r_ik − aσ))
///
/// both zero beyond r_c = aσ. Units: ε in eV, σ in Å. One species (silicon by default).
public struct StillingerWeber: Potential {
    /// The parameters of one species, named as in a LAMMPS `.sw` file.
    public struct Parameters: Sendable, Hashable {
        public var epsilon: Double, sigma: Double, a: Double, lambda: Double, gamma: Double
        public var cosTheta0: Double, A: Double, B: Double, p: Double, q: Double

        public init(epsilon: Double, sigma: Double, a: Double, lambda: Double, gamma: Double,
                    cosTheta0: Double, A: Double, B: Double, p: Double, q: Double) {
            self.epsilon = epsilon; self.sigma = sigma; self.a = a; self.lambda = lambda; self.gamma = gamma
            self.cosTheta0 = cosTheta0; self.A = A; self.B = B; self.p = p; self.q = q
        }

        /// Silicon, Stillinger and Weber 1985, exactly as LAMMPS `Si.sw` (tol 0).
        public static let silicon1985 = Parameters(epsilon: 2.1683, sigma: 2.0951, a: 1.80, lambda: 21.0, gamma: 1.20,
                                                   cosTheta0: -1.0 / 3.0, A: 7.049556277, B: 0.6022245584, p: 4, q: 0)
    }

    public let parameters: Parameters
    /// The single species this potential describes.
    public let element: Element
    /// r_c = aσ (Å).
    public let cutoff: Double
    /// Threads for one evaluation; nil uses ``ThreadCount/current``. Results do not depend on it.
    public var threads: ThreadCount? = nil

    // LAMMPS' precomputed constants (pair_sw.cpp `setup_params`).
    let c1: Double, c2: Double, c3: Double, c4: Double, c5: Double, c6: Double
    let sigmaGamma: Double, lambdaEpsilon: Double, lambdaEpsilon2: Double, cutoffSquared: Double

    /// Silicon, Z = 14.
    public static let silicon = Element(atomicNumber: 14)!

    public init(parameters: Parameters = .silicon1985, element: Element = StillingerWeber.silicon) {
        self.parameters = parameters
        self.element = element
        let P = parameters
        cutoff = P.a * P.sigma
        cutoffSquared = cutoff * cutoff
        c1 = P.A * P.epsilon * P.p * P.B * pow(P.sigma, P.p)
        c2 = P.A * P.epsilon * P.q * pow(P.sigma, P.q)
        c3 = P.A * P.epsilon * P.B * pow(P.sigma, P.p + 1)
        c4 = P.A * P.epsilon * pow(P.sigma, P.q + 1)
        c5 = P.A * P.epsilon * P.B * pow(P.sigma, P.p)
        c6 = P.A * P.epsilon * pow(P.sigma, P.q)
        sigmaGamma = P.sigma * P.gamma
        lambdaEpsilon = P.lambda * P.epsilon
        lambdaEpsilon2 = 2 * P.lambda * P.epsilon
    }

    public var neighborListKind: NeighborListKind { .full }
    public var elements: [Element]? { [element] }
    public var summary: String {
        parameters == .silicon1985 && element == StillingerWeber.silicon
            ? "Stillinger-Weber Si (1985), r_c \(cutoff) Å" : "Stillinger-Weber \(element.symbol), r_c \(cutoff) Å"
    }
}
