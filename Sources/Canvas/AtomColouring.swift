import Foundation

/// What the atom view's colours mean (key `o` cycles them): the element, the atomic energy ε_i, the
/// force magnitude |F_i|, or whether the atom's descriptors lie outside the model's training range.
public enum AtomColouring: String, Sendable, CaseIterable {
    case element, atomicEnergy, force, extrapolation

    /// The next colouring in the `o` cycle.
    public var next: AtomColouring {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The legend's name, e.g. "atomic energy".
    public var name: String {
        switch self {
        case .element: "element"
        case .atomicEnergy: "atomic energy ε_i"
        case .force: "|F_i|"
        case .extrapolation: "extrapolation"
        }
    }

    /// The scale's colours, low to high.
    public static let ramp: [TermColor] = [.blue, .cyan, .green, .yellow, .red]

    /// Colours for `values` on ``ramp`` from their minimum to their maximum, and the legend line
    /// "colour: atomic energy ε_i  blue -3.21 … red -3.10 eV" (`unit` after the ends).
    public static func ramped(_ values: [Double], name: String, unit: String) -> (colors: [TermColor], legend: String) {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return ([], "colour: \(name) (no values)") }
        let span = high - low
        let colors = values.map { v -> TermColor in
            guard v.isFinite, span > 0 else { return ramp[ramp.count / 2] }
            return ramp[min(Int((v - low) / span * Double(ramp.count)), ramp.count - 1)]
        }
        func g(_ x: Double) -> String { String(format: "%.4g", x) }
        return (colors, "colour: \(name)  blue \(g(low)) … red \(g(high)) \(unit)")
    }
}
