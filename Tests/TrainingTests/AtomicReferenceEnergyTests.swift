import Testing
import Descriptors
import Geometry
import NeuralNetworks
import Potentials
@testable import Training

@Suite("Per-element energy offsets")
struct AtomicReferenceEnergyTests {
    static let settings = TrainingSettings(epochs: 6, batchSize: 4, learningRate: 1e-2, forceWeight: 1,
                                           validationFraction: 0.2, patience: 6, seed: 3)

    static func networks() throws -> [FeedForwardNetwork] {
        [try FeedForwardNetwork(layerSizes: [3, 6, 1], hidden: .tanh, seed: 1),
         try FeedForwardNetwork(layerSizes: [3, 6, 1], hidden: .tanh, seed: 2)]
    }

    /// The energy the trained model gives a configuration (eV), its shifts μ_s = ε_s + Δ applied per atom.
    static func energy(_ outcome: TrainingOutcome, _ atomic: [Double]?, _ sample: DescriptorSample) -> Double {
        let model = EnergyModel(networks: outcome.networks,
                                energyShifts: TrainingOutcome.energyShifts(outcome.energyShift, atomicEnergies: atomic, species: 2),
                                energyScale: outcome.energyScale)
        var scratch = EvaluationScratch(model: model)
        return model.predict(sample.scaled(by: outcome.scaling), scratch: &scratch)
    }

    @Test("moving species s's reference energy by c_s and every label by Σ n_s c_s moves every prediction by Σ n_s c_s, whatever the composition")
    func offsetsArePerElement() throws {
        // Mixed compositions in training: 8 atoms, species alternate; some configurations all species 0.
        let clusters = (0..<12).map { SyntheticDescriptors.cluster(8, seed: 50 &+ UInt64($0)) }
        let species = (0..<12).map { c in (0..<8).map { c % 3 == 0 ? 0 : $0 % 2 } }
        let c = [-7.25, 2.5]
        func data(_ shift: [Double]) throws -> [TrainingExample] {
            try zip(clusters, species).map { p, s in
                let labels = SyntheticDescriptors.teacherLabels(p)
                let offset = s.reduce(0.0) { $0 + shift[$1] }
                return try TrainingExample(descriptors: SyntheticDescriptors.sample(p, species: s),
                                           energy: labels.energy + offset, forces: labels.forces)
            }
        }
        let epsilon = [0.5, -0.375]
        let a = try NetworkTrainer(initialNetworks: Self.networks(), settings: Self.settings, atomicEnergies: epsilon)
            .train(try data([0, 0]))
        let shifted = zip(epsilon, c).map { $0 + $1 }
        let b = try NetworkTrainer(initialNetworks: Self.networks(), settings: Self.settings, atomicEnergies: shifted)
            .train(try data(c))
        // A composition never seen in training: 7 atoms of species 1, 2 of species 0.
        let probe = try SyntheticDescriptors.sample(SyntheticDescriptors.cluster(9, seed: 999), species: [0, 1, 1, 1, 0, 1, 1, 1, 1])
        let difference = Self.energy(b, shifted, probe) - Self.energy(a, epsilon, probe)
        #expect(abs(difference - (2 * c[0] + 7 * c[1])) < 1e-9)
        // With one common shift instead, the same change of labels would move this probe by 9·⟨c per atom⟩.
        #expect(abs(a.validation.energyRMSE - b.validation.energyRMSE) < 1e-9)
    }

    @Test("reference energies that do not match the networks are refused")
    func refusesWrongCount() throws {
        let data = try SyntheticDescriptors.examples(count: 6, seed: 4)
        #expect(throws: TrainingError.self) {
            try NetworkTrainer(initialNetworks: Self.networks(), settings: Self.settings, atomicEnergies: [1.0]).train(data)
        }
        #expect(throws: TrainingError.self) {
            try NetworkTrainer(initialNetworks: Self.networks(), settings: Self.settings, atomicEnergies: [1.0, .nan]).train(data)
        }
    }

    @Test("a lone atom of a pair or three-body teacher has energy exactly 0, so argon's and silicon's designs carry no offsets")
    func loneAtomsOfPairPotentials() throws {
        let argon = Element(symbol: "Ar")!, silicon = Element(symbol: "Si")!
        let lj = try LennardJones(epsilon: 0.0104, sigma: 3.4, cutoff: 8.5, truncation: .smooth, element: argon)
        #expect(try isolatedAtomEnergies(of: lj, elements: [argon]) == [0])
        #expect(try isolatedAtomEnergies(of: StillingerWeber(), elements: [silicon]) == [0])
    }
}
