import Testing
import Descriptors
import Geometry
import NeuralNetworks
@testable import Training

@Suite("Network trainer")
struct NetworkTrainerTests {
    static func networks(_ hidden: Activation) throws -> [FeedForwardNetwork] {
        [try FeedForwardNetwork(layerSizes: [3, 8, 1], hidden: hidden, seed: 1),
         try FeedForwardNetwork(layerSizes: [3, 8, 1], hidden: hidden, seed: 2)]
    }

    static let settings = TrainingSettings(epochs: 150, batchSize: 4, learningRate: 1e-2, forceWeight: 1,
                                           validationFraction: 0.2, patience: 150, seed: 5)

    @Test("training lowers validation energy and force errors well below the untrained model's")
    func learns() throws {
        let data = try SyntheticDescriptors.examples(count: 30, seed: 100)
        var reports: [EpochReport] = []
        let outcome = try NetworkTrainer(initialNetworks: Self.networks(.tanh), settings: Self.settings)
            .train(data) { reports.append($0) }
        #expect(reports.count == outcome.history.count && reports.first?.epoch == 1)
        let first = reports[0].validation, best = outcome.validation
        #expect(best.forceRMSE < 0.1 * first.forceRMSE)
        #expect(best.energyRMSE < 0.1 * first.energyRMSE)
        #expect(outcome.trainingCount == 24 && outcome.validationCount == 6)
    }

    @Test("the same data, networks and seed give bitwise-identical models; another seed a different one")
    func deterministic() throws {
        let data = try SyntheticDescriptors.examples(count: 12, seed: 7)
        var settings = Self.settings
        settings.epochs = 5
        let a = try NetworkTrainer(initialNetworks: Self.networks(.relu), settings: settings).train(data)
        let b = try NetworkTrainer(initialNetworks: Self.networks(.relu), settings: settings).train(data)
        settings.seed = 6
        let c = try NetworkTrainer(initialNetworks: Self.networks(.relu), settings: settings).train(data)
        #expect(a == b)
        #expect(a.networks != c.networks)
    }

    @Test("returned networks reproduce the reported validation error (normalisation folded in)")
    func foldedNetworksMatchReport() throws {
        let data = try SyntheticDescriptors.examples(count: 10, seed: 40)
        var settings = Self.settings
        settings.epochs = 8
        let outcome = try NetworkTrainer(initialNetworks: Self.networks(.tanh), settings: settings).train(data)
        let folded = EnergyModel(networks: outcome.networks,
                                 energyShifts: TrainingOutcome.energyShifts(outcome.energyShift, atomicEnergies: nil, species: outcome.networks.count),
                                 energyScale: outcome.energyScale)
        let all = data.map { e in
            var s = e
            s.descriptors = e.descriptors.scaled(by: outcome.scaling)
            return s
        }
        let metrics = ErrorMetrics(NetworkTrainer.errors(folded, all))
        // The whole set mixes training and validation errors, so it lies between the two reports.
        let lo = min(outcome.training.forceRMSE, outcome.validation.forceRMSE)
        let hi = max(outcome.training.forceRMSE, outcome.validation.forceRMSE)
        #expect(metrics.forceRMSE >= lo * (1 - 1e-9) && metrics.forceRMSE <= hi * (1 + 1e-9))
    }

    @Test("too little data and mismatched descriptors are refused with the reason")
    func badInput() throws {
        let data = try SyntheticDescriptors.examples(count: 3, seed: 1)
        let trainer = try NetworkTrainer(initialNetworks: Self.networks(.tanh), settings: Self.settings)
        #expect(throws: TrainingError.self) { try trainer.train(Array(data.prefix(1))) }
        let wide = try NetworkTrainer(initialNetworks: [FeedForwardNetwork(layerSizes: [4, 2, 1], hidden: .tanh, seed: 1)],
                                      settings: Self.settings)
        #expect(throws: TrainingError.self) { try wide.train(data) }
    }

    @Test("min-max scaling maps the training range onto [−1, 1]")
    func minMaxScaling() throws {
        let data = try SyntheticDescriptors.examples(count: 5, seed: 3)
        let stats = DescriptorSample.statistics(data.map(\.descriptors), descriptorCounts: [3, 3])
        let scaling = try NetworkTrainer.scaling(.scale, stats)
        let scaled = data.map { $0.descriptors.scaled(by: scaling) }
        let rescaled = DescriptorSample.statistics(scaled, descriptorCounts: [3, 3])
        for s in 0..<2 {
            for k in 0..<3 {
                #expect(abs(rescaled[s][k].minimum + 1) < 1e-12 && abs(rescaled[s][k].maximum - 1) < 1e-12)
            }
        }
    }
}
