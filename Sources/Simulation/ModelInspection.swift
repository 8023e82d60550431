import Descriptors
import Geometry
import NeuralNetworks
import Potentials
import Scenes

/// What the inspector (`i`) shows of a model, computed once per model: its cutoff function f_c(r) and
/// derivative on [0, 1.2 r_c], its own energy and force of a dimer across r_c, and its hidden
/// activation with its derivative. Units: Å, eV, eV/Å; f_c is dimensionless, df_c/dr in 1/Å.
public struct ModelInspection: Sendable {
    /// The cutoff radius r_c, Å.
    public var cutoffRadius: Double
    /// (r, f_c(r)) and (r, df_c/dr) for a network's descriptors; empty for a teacher potential.
    public var cutoffValue: [SIMD2<Double>] = []
    public var cutoffDerivative: [SIMD2<Double>] = []
    /// The dimer's E(r) − E(1.2 r_c) (eV) and the force on one atom along the bond F(r) = −dE/dr (eV/Å).
    public var dimerEnergy: [SIMD2<Double>] = []
    public var dimerForce: [SIMD2<Double>] = []
    /// The hidden activation σ(x) and σ'(x) on [−4, 4]; empty for a teacher.
    public var activation: [SIMD2<Double>] = []
    public var activationDerivative: [SIMD2<Double>] = []
    /// "step/relu".
    public var modelName: String
    /// The element of the dimer.
    public var dimerElement: Element

    /// Samples per curve.
    static let samples = 121

    /// The inspection of `potential`, the model `choice` names, with dimers of `element`.
    public init(potential: any Potential, choice: ModelChoice, element: Element) {
        let radius = potential.cutoff
        cutoffRadius = radius
        modelName = "\(choice.cutoff)/\(choice.activation)"
        dimerElement = element
        let grid = (0..<Self.samples).map { 1.2 * radius * Double($0) / Double(Self.samples - 1) }
        if let network = potential as? BehlerParrinelloPotential,
           let function = try? CutoffFunction(network.symmetryFunctions.cutoffShape, radius: radius,
                                              innerFraction: network.symmetryFunctions.innerFraction) {
            for r in grid {
                let f = function.valueAndDerivative(r)
                cutoffValue.append(SIMD2(r, f.value))
                cutoffDerivative.append(SIMD2(r, f.derivative))
            }
            for k in 0..<Self.samples {
                let x = -4 + 8 * Double(k) / Double(Self.samples - 1)
                let a = choice.activation.evaluate(x)
                activation.append(SIMD2(x, a.value))
                activationDerivative.append(SIMD2(x, a.first))
            }
        }
        (dimerEnergy, dimerForce) = Self.dimer(potential, element: element, radius: radius)
    }

    /// E(r) and F(r) of two `element` atoms r apart in an empty box, r on [0.6 r_c, 1.2 r_c] where the
    /// cutoff's jump, kink or smooth approach shows.
    static func dimer(_ potential: any Potential, element: Element, radius: Double)
        -> (energy: [SIMD2<Double>], force: [SIMD2<Double>]) {
        let side = 4 * radius + 10
        guard let cell = Cell.orthorhombic(Vector3(side, side, side)) else { return ([], []) }
        func system(_ r: Double) -> AtomicSystem? {
            try? AtomicSystem(elements: [element, element], positions: [Vector3(5, 5, 5), Vector3(5 + r, 5, 5)], cell: cell)
        }
        guard let far = system(1.2 * radius), var evaluator = try? ForceEvaluator(potential: potential, system: far) else {
            return ([], [])
        }
        let reference = evaluator.evaluate(far).energy
        var energy: [SIMD2<Double>] = [], force: [SIMD2<Double>] = []
        for k in 0..<Self.samples {
            let r = radius * (0.6 + 0.6 * Double(k) / Double(Self.samples - 1))
            guard let s = system(r) else { continue }
            let result = evaluator.evaluate(s)
            guard result.energy.isFinite, let f = result.forces.last?.x, f.isFinite else { continue }
            energy.append(SIMD2(r, result.energy - reference))
            force.append(SIMD2(r, f))
        }
        return (energy, force)
    }
}

extension ModelInspection {
    /// Pair distances of `system` up to `maximum` Å (minimum image in a periodic cell) counted in `bins`
    /// equal bins: (r at the bin's centre Å, pairs).
    public static func pairHistogram(_ system: AtomicSystem, upTo maximum: Double, bins: Int = 48) -> [SIMD2<Double>] {
        guard maximum > 0, bins > 0 else { return [] }
        var counts = [Double](repeating: 0, count: bins)
        let positions = system.positions
        for i in 0..<positions.count {
            for j in (i + 1)..<positions.count {
                var d = positions[j] - positions[i]
                if let cell = system.cell { d = cell.minimumImage(d) }
                let r = d.length
                guard r < maximum else { continue }
                counts[min(Int(r / maximum * Double(bins)), bins - 1)] += 1
            }
        }
        let width = maximum / Double(bins)
        return counts.enumerated().map { SIMD2((Double($0.offset) + 0.5) * width, $0.element) }
    }
}
