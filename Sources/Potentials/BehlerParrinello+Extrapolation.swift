import Descriptors
import Geometry
import Foundation

/// One atom's symmetry function outside the range the model saw in training (n2p2's "extrapolation
/// warning", told in full): which atom, which function, its value and the training range.
///
/// A network is only trusted where it was fitted; outside [G_min, G_max] it extrapolates, and its
/// energies and forces there are guesses. G is dimensionless (the potential's own unit of length
/// enters only through η, r_s and r_c).
public struct ExtrapolationWarning: Sendable, Hashable, CustomStringConvertible {
    /// Index of the atom in the system (0-based) and its element.
    public var atom: Int
    public var element: Element
    /// Index of the function in the element's input vector G_i (0-based, n2p2 order) and its definition.
    public var functionIndex: Int
    public var function: SymmetryFunction
    /// G of this atom, and the smallest and largest G of this function over the training set.
    public var value: Double
    public var minimum: Double
    public var maximum: Double

    public init(atom: Int, element: Element, functionIndex: Int, function: SymmetryFunction,
                value: Double, minimum: Double, maximum: Double) {
        self.atom = atom
        self.element = element
        self.functionIndex = functionIndex
        self.function = function
        self.value = value
        self.minimum = minimum
        self.maximum = maximum
    }

    /// How far outside the range, in units of its width: (G − G_max)/(G_max − G_min) above it,
    /// (G_min − G)/(G_max − G_min) below it; always > 0 for a warning. A function that was constant in
    /// training (zero width) counts its distance in units of max(|G_max|, 1).
    public var excess: Double {
        let width = maximum > minimum ? maximum - minimum : max(abs(maximum), 1)
        return value > maximum ? (value - maximum) / width : (minimum - value) / width
    }

    /// True when G is above the training range, false when below.
    public var isAbove: Bool { value > maximum }

    /// "atom 17 (Ar): G[3] radial Ar, η 3 Å⁻², r_s 4.17 Å, r_c 6.5 Å = 2.3150 is above the training
    /// range [0.1200, 1.9800] by 0.18 of its width".
    public var description: String {
        let f = String(format: "%.4g", value), lo = String(format: "%.4g", minimum), hi = String(format: "%.4g", maximum)
        let by = String(format: "%.2f", excess)
        return "atom \(atom) (\(element.symbol)): G[\(functionIndex)] \(function.parameterSummary) = \(f) is "
            + "\(isAbove ? "above" : "below") the training range [\(lo), \(hi)] by \(by) of its width"
    }
}

extension SymmetryFunction {
    /// The function's type and parameters in words, lengths in the potential's unit (Å for metal):
    /// "radial Ar, η 3 Å⁻², r_s 4.17 Å, r_c 6.5 Å".
    public var parameterSummary: String {
        func g(_ x: Double) -> String { String(format: "%.3g", x) }
        switch self {
        case .radial(let p):
            return "radial \(p.neighbor.symbol), η \(g(p.eta)) Å⁻², r_s \(g(p.shift)) Å, r_c \(g(p.cutoff)) Å"
        case .narrowAngular(let p), .wideAngular(let p):
            let kind = n2p2Type == 3 ? "angular" : "wide angular"
            return "\(kind) \(p.neighbors.first.symbol)-\(p.neighbors.second.symbol), η \(g(p.eta)) Å⁻², "
                + "ζ \(g(p.zeta)), λ \(g(p.lambda)), r_c \(g(p.cutoff)) Å"
        case .weightedRadial(let p):
            return "weighted radial, η \(g(p.eta)) Å⁻², r_s \(g(p.shift)) Å, r_c \(g(p.cutoff)) Å"
        case .weightedNarrowAngular(let p):
            return "weighted angular, η \(g(p.eta)) Å⁻², ζ \(g(p.zeta)), λ \(g(p.lambda)), r_c \(g(p.cutoff)) Å"
        case .polynomial(let p):
            let angles = p.kind.isAngular ? ", θ \(g(p.angleLeft))-\(g(p.angleRight))°" : ""
            return "polynomial type \(p.kind.rawValue) \(p.subtype) \(p.elements.map(\.symbol).joined(separator: "-")), "
                + "r_l \(g(p.lower)) Å, r_c \(g(p.cutoff)) Å\(angles)"
        }
    }
}

/// A potential that knows the range of inputs it was trained on and can say where a structure
/// leaves it. The lab and `nnplab run` ask this of the current state.
public protocol ExtrapolationDetecting: Potential {
    /// Every (atom, function) of `system` whose G lies outside the training range, largest
    /// ``ExtrapolationWarning/excess`` first. Empty when the potential has no training range
    /// (unscaled inputs) or every G is inside it. `neighbors` is a current list of this potential's
    /// kind and cutoff for `system` (as a ``ForceEvaluator`` keeps).
    func extrapolationWarnings(_ system: AtomicSystem, neighbors: NeighborList) -> [ExtrapolationWarning]
}

extension ExtrapolationDetecting {
    /// The warnings for `system` with a neighbour list built for this call.
    public func extrapolationWarnings(_ system: AtomicSystem) -> [ExtrapolationWarning] {
        extrapolationWarnings(system, neighbors: NeighborList(system: system, cutoff: cutoff, skin: 0, kind: neighborListKind))
    }
}

extension BehlerParrinelloPotential: ExtrapolationDetecting {
    /// Whether ``scaling`` carries a training range (every mode but `.none` is computed from
    /// training statistics).
    public var hasTrainingRange: Bool { scaling.mode != .none }

    public func extrapolationWarnings(_ system: AtomicSystem, neighbors: NeighborList) -> [ExtrapolationWarning] {
        guard hasTrainingRange,
              let frame = try? DescriptorFrame(system: system, neighbors: neighbors, set: symmetryFunctions) else { return [] }
        let offsets = evaluator.offsets(for: frame)
        var g = [Double]()
        evaluator.computeDescriptors(frame, offsets: offsets, into: &g, workspace: evaluator.makeWorkspace())
        var warnings: [ExtrapolationWarning] = []
        for i in 0..<frame.atomCount {
            let e = Int(frame.extendedSpecies[i])
            let statistics = scaling.statistics[e]
            for s in 0..<statistics.count {
                let value = g[offsets[i] + s], range = statistics[s]
                // A tiny tolerance keeps rounding at the very edge of the range from warning.
                let slack = 1e-9 * max(range.maximum - range.minimum, abs(range.maximum), 1e-12)
                guard value > range.maximum + slack || value < range.minimum - slack else { continue }
                warnings.append(ExtrapolationWarning(
                    atom: i, element: symmetryFunctions.elements[e], functionIndex: s,
                    function: symmetryFunctions.functions[e][s], value: value,
                    minimum: range.minimum, maximum: range.maximum))
            }
        }
        return warnings.sorted { $0.excess > $1.excess }
    }
}

extension UnitConvertedPotential: ExtrapolationDetecting {
    /// The wrapped potential's warnings (a Behler–Parrinello potential converted to Å; other
    /// potentials have no training range and give none).
    public func extrapolationWarnings(_ system: AtomicSystem, neighbors: NeighborList) -> [ExtrapolationWarning] {
        guard let inner = inner as? BehlerParrinelloPotential else { return [] }
        return inner.converted(to: .metal).extrapolationWarnings(system, neighbors: neighbors)
    }
}
