import Descriptors
import Geometry

/// One configuration's descriptors in the form the trainer consumes: every atom's symmetry-function
/// vector G_i and the sparse Jacobian ∂G_ik/∂r_a, as plain numbers.
///
/// The Jacobian is stored per centre atom i as blocks, one per atom a that G_i depends on (i itself
/// and its neighbours; periodic images already folded onto their owners, or listed as separate
/// blocks for the same a, which adds up the same). Block b holds K_i vectors ∂G_ik/∂r_a (Å⁻¹ times
/// the unit of G), k = 0..<K_i.
public struct DescriptorSample: Sendable, Equatable {
    /// Network (species) index of every atom.
    public let species: [Int32]
    /// K per species: length of G for atoms of that species.
    public let descriptorCounts: [Int]
    /// All G_i back to back: atom i's vector starts at ``valueStart``[i].
    public var values: [Double]
    public let valueStart: [Int]
    /// Atom i owns blocks blockStart[i] ..< blockStart[i + 1].
    public let blockStart: [Int]
    /// The atom a each block differentiates with respect to.
    public let partner: [Int32]
    /// All blocks' vectors back to back: block b's K_i vectors start at ``derivativeStart``[b].
    public var derivatives: [Vector3]
    public let derivativeStart: [Int]

    /// Number of atoms N.
    public var atomCount: Int { species.count }

    /// Builds a sample from nested arrays: `values[i]` is G_i, `jacobian[i]` lists (a, ∂G_i/∂r_a).
    /// Throws ``TrainingError/invalidData(_:)`` when lengths disagree or an index is out of range.
    public init(species: [Int], descriptorCounts: [Int], values: [[Double]],
                jacobian: [[(atom: Int, derivatives: [Vector3])]]) throws {
        let n = species.count
        guard values.count == n, jacobian.count == n else {
            throw TrainingError.invalidData("\(n) atoms but \(values.count) descriptor vectors and \(jacobian.count) Jacobian rows")
        }
        var flatValues: [Double] = [], valueStart: [Int] = [], blockStart: [Int] = [0]
        var partner: [Int32] = [], derivatives: [Vector3] = [], derivativeStart: [Int] = []
        for i in 0..<n {
            guard descriptorCounts.indices.contains(species[i]) else {
                throw TrainingError.invalidData("atom \(i) has species \(species[i]) but there are \(descriptorCounts.count) networks")
            }
            let k = descriptorCounts[species[i]]
            guard values[i].count == k else {
                throw TrainingError.invalidData("atom \(i) has \(values[i].count) descriptors, its network expects \(k)")
            }
            valueStart.append(flatValues.count)
            flatValues += values[i]
            for block in jacobian[i] {
                guard (0..<n).contains(block.atom), block.derivatives.count == k else {
                    throw TrainingError.invalidData("atom \(i): Jacobian block for atom \(block.atom) with \(block.derivatives.count) vectors (expected \(k))")
                }
                partner.append(Int32(block.atom))
                derivativeStart.append(derivatives.count)
                derivatives += block.derivatives
            }
            blockStart.append(partner.count)
        }
        self.species = species.map(Int32.init)
        self.descriptorCounts = descriptorCounts
        self.values = flatValues
        self.valueStart = valueStart
        self.blockStart = blockStart
        self.partner = partner
        self.derivatives = derivatives
        self.derivativeStart = derivativeStart
    }

    /// G_i as an array (for inspection and tests).
    public func descriptors(ofAtom i: Int) -> ArraySlice<Double> {
        let k = descriptorCounts[Int(species[i])]
        return values[valueStart[i]..<(valueStart[i] + k)]
    }

    /// Builds a sample from the evaluator's per-atom descriptors and sparse derivatives
    /// (``SymmetryFunctionEvaluator/descriptorsAndDerivatives(of:)``): entries are grouped into one
    /// block per atom they differentiate with respect to, in order of first appearance.
    public init(species: [Int], descriptorCounts: [Int], descriptors: [[Double]], derivatives: DescriptorDerivatives) throws {
        let n = species.count
        guard derivatives.entries.count == n else {
            throw TrainingError.invalidData("\(n) atoms but derivatives for \(derivatives.entries.count)")
        }
        var jacobian: [[(atom: Int, derivatives: [Vector3])]] = []
        var slot = [Int](repeating: -1, count: n)
        for i in 0..<n {
            guard descriptorCounts.indices.contains(species[i]) else {
                throw TrainingError.invalidData("atom \(i) has species \(species[i]) but there are \(descriptorCounts.count) networks")
            }
            let k = descriptorCounts[species[i]]
            var blocks: [(atom: Int, derivatives: [Vector3])] = []
            for e in derivatives.entries[i] {
                let a = Int(e.atom), f = Int(e.function)
                guard (0..<n).contains(a), (0..<k).contains(f) else {
                    throw TrainingError.invalidData("atom \(i): derivative of function \(f) with respect to atom \(a) is out of range")
                }
                if slot[a] < 0 { slot[a] = blocks.count; blocks.append((a, [Vector3](repeating: .zero, count: k))) }
                blocks[slot[a]].derivatives[f] += e.gradient
            }
            for b in blocks { slot[b.atom] = -1 }
            jacobian.append(blocks)
        }
        try self.init(species: species, descriptorCounts: descriptorCounts, values: descriptors, jacobian: jacobian)
    }

    /// The sample as network inputs: every G_k mapped to G̃_k = S + a_k(G_k − G_ref,k) and every
    /// ∂G_k/∂r to a_k·∂G_k/∂r, with the potential's own ``DescriptorScaling`` (so training sees
    /// exactly the inputs the potential will compute).
    public func scaled(by scaling: DescriptorScaling) -> DescriptorSample {
        var copy = self
        for i in 0..<atomCount {
            let s = Int(species[i]), k = descriptorCounts[s], v = valueStart[i]
            for j in 0..<k { copy.values[v + j] = scaling.scaled(values[v + j], element: s, function: j) }
            for b in blockStart[i]..<blockStart[i + 1] {
                let d = derivativeStart[b]
                for j in 0..<k { copy.derivatives[d + j] = scaling.factor[s][j] * derivatives[d + j] }
            }
        }
        return copy
    }

    /// Statistics (min, max, mean, σ) of every function over `samples`, per species, summed in
    /// sample order so they are reproducible: what input scaling is computed from, and the range a
    /// model has seen in training.
    public static func statistics(_ samples: [DescriptorSample], descriptorCounts: [Int]) -> [[SymmetryFunctionStatistics]] {
        var lo = descriptorCounts.map { Array(repeating: Double.infinity, count: $0) }
        var hi = descriptorCounts.map { Array(repeating: -Double.infinity, count: $0) }
        var sum = descriptorCounts.map { Array(repeating: 0.0, count: $0) }
        var sumSquares = sum
        var count = Array(repeating: 0, count: descriptorCounts.count)
        for sample in samples {
            for i in 0..<sample.atomCount {
                let s = Int(sample.species[i]), v = sample.valueStart[i]
                count[s] += 1
                for k in 0..<descriptorCounts[s] {
                    let g = sample.values[v + k]
                    lo[s][k] = min(lo[s][k], g); hi[s][k] = max(hi[s][k], g)
                    sum[s][k] += g; sumSquares[s][k] += g * g
                }
            }
        }
        return descriptorCounts.indices.map { s in
            (0..<descriptorCounts[s]).map { k in
                guard count[s] > 0 else { return SymmetryFunctionStatistics(minimum: 0, maximum: 0, mean: 0, sigma: 0) }
                let n = Double(count[s]), mean = sum[s][k] / n
                return SymmetryFunctionStatistics(minimum: lo[s][k], maximum: hi[s][k], mean: mean,
                                                  sigma: max(0, sumSquares[s][k] / n - mean * mean).squareRoot())
            }
        }
    }
}
