/// Range and moments of every symmetry function over a training set, per species: what input
/// scaling is computed from, and the range outside which a model extrapolates.
public struct DescriptorStatistics: Sendable, Hashable, Codable {
    /// Per species, per function: smallest, largest, mean value and standard deviation of G.
    public var minimum: [[Double]]
    public var maximum: [[Double]]
    public var mean: [[Double]]
    public var standardDeviation: [[Double]]

    /// Statistics over every atom of every sample (in sample order, so the sums are reproducible).
    public init(samples: [DescriptorSample], descriptorCounts: [Int]) {
        let species = descriptorCounts.count
        var lo = descriptorCounts.map { Array(repeating: Double.infinity, count: $0) }
        var hi = descriptorCounts.map { Array(repeating: -Double.infinity, count: $0) }
        var sum = descriptorCounts.map { Array(repeating: 0.0, count: $0) }
        var sumSquares = sum
        var count = Array(repeating: 0, count: species)
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
        let means = zip(sum, count).map { row, n in row.map { n > 0 ? $0 / Double(n) : 0 } }
        minimum = lo; maximum = hi; mean = means
        standardDeviation = (0..<species).map { s in
            (0..<descriptorCounts[s]).map { k in
                let n = Double(max(count[s], 1))
                return max(0, sumSquares[s][k] / n - means[s][k] * means[s][k]).squareRoot()
            }
        }
        for s in 0..<species where count[s] == 0 {
            minimum[s] = minimum[s].map { _ in 0 }; maximum[s] = maximum[s].map { _ in 0 }
        }
    }
}

/// How symmetry functions are scaled before they enter the network (n2p2's scaling modes).
public enum InputScalingMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// G′ = G (n2p2 with no scaling keyword).
    case none
    /// G′ = −1 + 2(G − min)/(max − min): the training range maps to [−1, 1] (n2p2 `scale_symmetry_functions`).
    case minMax
    /// G′ = G − mean (n2p2 `center_symmetry_functions`).
    case center
    /// G′ = (G − mean)/σ (n2p2 `scale_symmetry_functions_sigma` with centring).
    case meanSigma

    /// Per species, per function (shift, factor) with G′ = (G − shift)·factor. A function constant
    /// over the training set gets factor 1, so it never divides by zero.
    public func affine(_ stats: DescriptorStatistics) -> (shift: [[Double]], factor: [[Double]]) {
        var shift: [[Double]] = [], factor: [[Double]] = []
        for s in stats.mean.indices {
            let n = stats.mean[s].count
            switch self {
            case .none:
                shift.append(Array(repeating: 0, count: n)); factor.append(Array(repeating: 1, count: n))
            case .minMax:
                // (G − min)·2/(max − min) − 1 = (G − mid)·2/(max − min).
                shift.append((0..<n).map { 0.5 * (stats.minimum[s][$0] + stats.maximum[s][$0]) })
                factor.append((0..<n).map { k in
                    let range = stats.maximum[s][k] - stats.minimum[s][k]
                    return range > 0 ? 2 / range : 1
                })
            case .center:
                shift.append(stats.mean[s]); factor.append(Array(repeating: 1, count: n))
            case .meanSigma:
                shift.append(stats.mean[s])
                factor.append(stats.standardDeviation[s].map { $0 > 0 ? 1 / $0 : 1 })
            }
        }
        return (shift, factor)
    }
}
