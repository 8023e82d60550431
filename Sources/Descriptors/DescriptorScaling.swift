/// Statistics of one symmetry function over a training set (n2p2 `scaling.data` columns 3–6).
public struct SymmetryFunctionStatistics: Sendable, Hashable, Codable {
    public var minimum: Double
    public var maximum: Double
    public var mean: Double
    public var sigma: Double
    public init(minimum: Double, maximum: Double, mean: Double, sigma: Double) {
        self.minimum = minimum; self.maximum = maximum; self.mean = mean; self.sigma = sigma
    }
}

/// How raw symmetry-function values G are mapped to network inputs G̃ (n2p2's scaling types).
public enum ScalingMode: Int, Sendable, Hashable, Codable, CaseIterable {
    /// G̃ = G (n2p2: no scaling keyword).
    case none = 0
    /// G̃ = S_min + (S_max - S_min)(G - G_min)/(G_max - G_min) (`scale_symmetry_functions`).
    case scale = 1
    /// G̃ = G - ⟨G⟩ (`center_symmetry_functions`).
    case center = 2
    /// G̃ = S_min + (S_max - S_min)(G - ⟨G⟩)/(G_max - G_min) (both keywords).
    case scaleCenter = 3
    /// G̃ = S_min + (S_max - S_min)(G - ⟨G⟩)/σ_G (`scale_symmetry_functions_sigma`).
    case scaleSigma = 4
}

/// The per-function affine map G̃ = S_min + a(G - G_ref) from raw descriptors to network inputs, for every
/// element of a ``SymmetryFunctionSet``, in n2p2's four modes. a is the factor that also multiplies
/// dE/dG̃ in the reverse pass.
public struct DescriptorScaling: Sendable, Hashable, Codable {
    public let mode: ScalingMode
    /// S_min and S_max (n2p2 `scale_min_short`, `scale_max_short`), used by the scaling modes.
    public let targetMinimum: Double
    public let targetMaximum: Double
    /// statistics[e][s] for function s of element index e (unused for ``ScalingMode/none``).
    public let statistics: [[SymmetryFunctionStatistics]]
    /// factor[e][s] = a and reference[e][s] = G_ref.
    public let factor: [[Double]]
    public let reference: [[Double]]
    /// The S_min actually added (0 for none and center).
    public let offset: Double

    public enum InvalidScaling: Error, CustomStringConvertible, Equatable {
        case degenerate(element: Int, function: Int, why: String)
        public var description: String {
            switch self {
            case let .degenerate(e, s, why): "scaling of function \(s + 1) of element \(e + 1): \(why)"
            }
        }
    }

    /// No scaling: G̃ = G, for `counts[e]` functions of each element.
    public static func identity(counts: [Int]) -> DescriptorScaling {
        DescriptorScaling(mode: .none, targetMinimum: 0, targetMaximum: 1,
                          statistics: counts.map { Array(repeating: SymmetryFunctionStatistics(minimum: 0, maximum: 1, mean: 0, sigma: 1), count: $0) },
                          factor: counts.map { Array(repeating: 1, count: $0) },
                          reference: counts.map { Array(repeating: 0, count: $0) }, offset: 0)
    }

    private init(mode: ScalingMode, targetMinimum: Double, targetMaximum: Double,
                 statistics: [[SymmetryFunctionStatistics]], factor: [[Double]], reference: [[Double]], offset: Double) {
        self.mode = mode; self.targetMinimum = targetMinimum; self.targetMaximum = targetMaximum
        self.statistics = statistics; self.factor = factor; self.reference = reference; self.offset = offset
    }

    /// Scaling in `mode` from per-function statistics. Throws if a divisor (G_max - G_min or σ) is zero
    /// where the mode divides by it.
    public init(mode: ScalingMode, targetMinimum: Double = 0, targetMaximum: Double = 1,
                statistics: [[SymmetryFunctionStatistics]]) throws {
        var factor = [[Double]](), reference = [[Double]]()
        let span = targetMaximum - targetMinimum
        for (e, list) in statistics.enumerated() {
            var a = [Double](), ref = [Double]()
            for (s, st) in list.enumerated() {
                switch mode {
                case .none: a.append(1); ref.append(0)
                case .center: a.append(1); ref.append(st.mean)
                case .scale, .scaleCenter:
                    guard st.maximum != st.minimum else {
                        throw InvalidScaling.degenerate(element: e, function: s, why: "G_max equals G_min (\(st.minimum))")
                    }
                    a.append(span / (st.maximum - st.minimum)); ref.append(mode == .scale ? st.minimum : st.mean)
                case .scaleSigma:
                    guard st.sigma != 0 else { throw InvalidScaling.degenerate(element: e, function: s, why: "sigma is zero") }
                    a.append(span / st.sigma); ref.append(st.mean)
                }
            }
            factor.append(a); reference.append(ref)
        }
        self.init(mode: mode, targetMinimum: targetMinimum, targetMaximum: targetMaximum, statistics: statistics,
                  factor: factor, reference: reference,
                  offset: mode == .none || mode == .center ? 0 : targetMinimum)
    }

    /// G̃ of function s of element e.
    @inline(__always)
    public func scaled(_ g: Double, element e: Int, function s: Int) -> Double {
        offset + factor[e][s] * (g - reference[e][s])
    }
}
