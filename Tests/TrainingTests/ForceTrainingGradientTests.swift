import Foundation
import Testing
import Geometry
import NeuralNetworks
@testable import Training

@Suite("Force-training gradient")
struct ForceTrainingGradientTests {
    func model(_ hidden: Activation) throws -> EnergyModel {
        let a = try FeedForwardNetwork(layerSizes: [3, 5, 4, 1], hidden: hidden, seed: 3)
        let b = try FeedForwardNetwork(layerSizes: [3, 4, 1], hidden: hidden, seed: 4)
        return EnergyModel(networks: [a, b], energyShifts: [-0.2, 0.35], energyScale: 0.7)
    }

    func loss(_ m: EnergyModel, _ e: TrainingExample, forceWeight: Double) -> Double {
        var scratch = EvaluationScratch(model: m)
        return m.evaluate(e, forceWeight: forceWeight, gradientScale: 0, into: nil, scratch: &scratch).loss(forceWeight: forceWeight)
    }

    @Test("model forces are minus the finite-difference gradient of the model energy")
    func forcesAreEnergyGradient() throws {
        let m = try model(.tanh)
        let p = SyntheticDescriptors.cluster(7, seed: 5)
        let species = (0..<7).map { $0 % 2 }
        var scratch = EvaluationScratch(model: m)
        func energy(_ q: [Vector3]) throws -> Double {
            try m.predict(SyntheticDescriptors.sample(q, species: species), scratch: &scratch)
        }
        _ = m.predict(try SyntheticDescriptors.sample(p, species: species), scratch: &scratch)
        let forces = Array(scratch.forces.prefix(7))
        let h = 1e-5
        for a in [0, 3, 6] {
            for c in 0..<3 {
                var plus = p, minus = p
                plus[a][c] += h; minus[a][c] -= h
                let numeric = -(try energy(plus) - energy(minus)) / (2 * h)
                #expect(abs(forces[a][c] - numeric) < 1e-7, "atom \(a) component \(c)")
            }
        }
    }

    @Test("∂loss/∂θ with forces matches central finite differences of the loss, for tanh, softplus and SiLU")
    func gradientMatchesFiniteDifferences() throws {
        let example = try SyntheticDescriptors.examples(count: 1, atoms: 7, seed: 9)[0]
        for hidden in [Activation.tanh, .softplus, .silu] {
            var m = try model(hidden)
            let w = 0.8
            var scratch = EvaluationScratch(model: m)
            var gradient = [Double](repeating: 0, count: m.parameterCount)
            _ = gradient.withUnsafeMutableBufferPointer {
                m.evaluate(example, forceWeight: w, gradientScale: 1, into: $0.baseAddress!, scratch: &scratch)
            }
            let p = m.parameters
            let h = 1e-6
            for k in p.indices {
                var pp = p, pm = p
                pp[k] += h; pm[k] -= h
                m.setParameters(pp); let lp = loss(m, example, forceWeight: w)
                m.setParameters(pm); let lm = loss(m, example, forceWeight: w)
                let numeric = (lp - lm) / (2 * h)
                #expect(abs(gradient[k] - numeric) < 1e-6 * max(1e-3, abs(numeric)) + 1e-10, "\(hidden) parameter \(k)")
            }
            m.setParameters(p)
        }
    }

    @Test("the batch gradient is the same bits however many times it is computed in parallel")
    func parallelGradientIsDeterministic() throws {
        let m = try model(.tanh)
        let batch = try SyntheticDescriptors.examples(count: 6, seed: 21)
        let first = NetworkTrainer.batchGradient(m, batch, forceWeight: 1).gradient
        for _ in 0..<5 { #expect(NetworkTrainer.batchGradient(m, batch, forceWeight: 1).gradient == first) }
        // And equal to the serial sum in batch order.
        var serial = [Double](repeating: 0, count: m.parameterCount)
        for e in batch {
            var part = [Double](repeating: 0, count: m.parameterCount)
            var scratch = EvaluationScratch(model: m)
            _ = part.withUnsafeMutableBufferPointer {
                m.evaluate(e, forceWeight: 1, gradientScale: 1 / 6, into: $0.baseAddress!, scratch: &scratch)
            }
            if e == batch[0] { serial = part } else { for k in serial.indices { serial[k] += part[k] } }
        }
        #expect(serial == first)
    }
}
