import Geometry
import NeuralNetworks

/// The sum-of-atomic-energies model being trained, on scaled descriptors:
///
///   E = Σ_i (μ_{s(i)} + σ·N_{s(i)}(G_i)),  F_a = −σ Σ_i Σ_k ∂N/∂G_ik · ∂G_ik/∂r_a
///
/// μ_s (eV/atom, one per species: its atomic reference energy plus the mean residual) and σ (eV)
/// keep the networks' outputs of order one; the potential applies the same numbers
/// (``BehlerParrinelloPotential``'s energy scale and shifts).
struct EnergyModel: Sendable {
    var networks: [FeedForwardNetwork]
    /// μ_s per species, eV/atom.
    let energyShifts: [Double]
    let energyScale: Double
    /// Start of each network's parameters in the flat vector.
    let parameterStart: [Int]
    let parameterCount: Int

    init(networks: [FeedForwardNetwork], energyShifts: [Double], energyScale: Double) {
        precondition(energyShifts.count == networks.count)
        self.networks = networks
        self.energyShifts = energyShifts
        self.energyScale = energyScale
        var start: [Int] = [], total = 0
        for n in networks { start.append(total); total += n.parameterCount }
        parameterStart = start
        parameterCount = total
    }

    var parameters: [Double] { networks.flatMap(\.parameters) }

    mutating func setParameters(_ p: [Double]) {
        for s in networks.indices {
            let range = parameterStart[s]..<(parameterStart[s] + networks[s].parameterCount)
            // The slice has exactly the network's length, so this cannot throw.
            try? networks[s].setParameters(Array(p[range]))
        }
    }

    /// 1 for connection weights, 0 for biases: the L2 term's mask over the flat vector.
    var weightMask: [Double] {
        networks.flatMap { n in n.layers.flatMap { Array(repeating: 1.0, count: $0.weights.count) + Array(repeating: 0.0, count: $0.biases.count) } }
    }
}

/// Per-thread scratch for ``EnergyModel/evaluate(_:forceWeight:gradientScale:into:scratch:)``.
struct EvaluationScratch {
    var workspaces: [NetworkWorkspace]
    var inputGradients: [Double] = []
    var forces: [Vector3] = []
    var direction: [Double]

    init(model: EnergyModel) {
        workspaces = model.networks.map(NetworkWorkspace.init(for:))
        direction = Array(repeating: 0, count: model.networks.map(\.inputCount).max() ?? 0)
    }
}

/// One configuration's squared errors: (ΔE/N)², Σ_a |ΔF_a|², and N.
struct ConfigurationErrors: Sendable {
    var energyPerAtomSquared: Double
    var forceSquaredSum: Double
    var atomCount: Int

    /// ℓ = (ΔE/N)² + w_F·Σ|ΔF|²/(3N).
    func loss(forceWeight: Double) -> Double {
        energyPerAtomSquared + forceWeight * forceSquaredSum / Double(3 * atomCount)
    }
}
