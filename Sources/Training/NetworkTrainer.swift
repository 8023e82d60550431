import Descriptors
import Geometry
import NeuralNetworks

/// Fits one network per species to labelled descriptors (``TrainingExample``s) with Adam, energy
/// and force errors, L2 regularisation, a validation split and early stopping.
///
/// Deterministic: the split and the batch order come from ``TrainingSettings/seed``; the gradient of
/// a batch is summed over configurations in batch order even though configurations are evaluated
/// on all cores, so the trained networks are the same bits on any machine with IEEE doubles.
public struct NetworkTrainer: Sendable {
    public var settings: TrainingSettings
    /// Initial networks, one per species index used by the samples.
    public var initialNetworks: [FeedForwardNetwork]
    /// Atomic reference energies ε_s in eV, one per species (nil: all zero). Each species' shift is
    /// μ_s = ε_s + Δ with Δ the mean of (E − Σ_i ε_s(i))/N over the training set.
    public var atomicEnergies: [Double]?

    public init(initialNetworks: [FeedForwardNetwork], settings: TrainingSettings, atomicEnergies: [Double]? = nil) {
        self.initialNetworks = initialNetworks
        self.settings = settings
        self.atomicEnergies = atomicEnergies
    }

    /// Trains on `examples` (raw, unscaled descriptors). `progress` is called after every epoch.
    /// Throws ``TrainingError`` for fewer than two examples or descriptors that do not fit the networks.
    public func train(_ examples: [TrainingExample], progress: (EpochReport) -> Void = { _ in }) throws -> TrainingOutcome {
        guard examples.count >= 2 else { throw TrainingError.invalidData("need at least 2 configurations, got \(examples.count)") }
        let counts = initialNetworks.map(\.inputCount)
        for (c, e) in examples.enumerated() where e.descriptors.descriptorCounts != counts {
            throw TrainingError.invalidData("configuration \(c) has descriptor counts \(e.descriptors.descriptorCounts), the networks take \(counts)")
        }
        guard settings.epochs > 0, settings.batchSize > 0 else { throw TrainingError.invalidPlan("epochs and batch size must be positive") }
        if let atomicEnergies, atomicEnergies.count != counts.count || !atomicEnergies.allSatisfy(\.isFinite) {
            throw TrainingError.invalidData("\(atomicEnergies.count) atomic reference energies for \(counts.count) networks (all must be finite)")
        }

        // Split, then scale inputs by statistics of the training part only.
        var random = SeededGenerator(seed: settings.seed)
        let order = shuffled(Array(examples.indices), &random)
        let validationCount = min(examples.count - 1, max(1, Int((settings.validationFraction * Double(examples.count)).rounded())))
        let validationIndices = Array(order.prefix(validationCount)).sorted()
        let trainingIndices = Array(order.dropFirst(validationCount)).sorted()
        let statistics = DescriptorSample.statistics(trainingIndices.map { examples[$0].descriptors }, descriptorCounts: counts)
        let scaling = try Self.scaling(settings.scaling, statistics)
        let scaled = examples.map { e in
            var copy = e
            copy.descriptors = e.descriptors.scaled(by: scaling)
            return copy
        }
        let training = trainingIndices.map { scaled[$0] }, validation = validationIndices.map { scaled[$0] }

        let residual = Self.meanEnergyPerAtom(training, atomicEnergies: atomicEnergies)
        var model = EnergyModel(networks: initialNetworks,
                                energyShifts: TrainingOutcome.energyShifts(residual, atomicEnergies: atomicEnergies, species: counts.count),
                                energyScale: Self.energyScale(training))
        var parameters = model.parameters
        let mask = model.weightMask
        var adam = Adam(parameterCount: model.parameterCount)
        var best = (loss: Double.infinity, parameters: parameters, epoch: 0, report: nil as EpochReport?)
        var history: [EpochReport] = []
        var batchOrder = Array(training.indices)

        for epoch in 0..<settings.epochs {
            let rate = settings.learningRate(atEpoch: epoch)
            batchOrder = shuffled(batchOrder, &random)
            var epochErrors: [ConfigurationErrors] = []
            for start in stride(from: 0, to: batchOrder.count, by: settings.batchSize) {
                let batch = batchOrder[start..<min(start + settings.batchSize, batchOrder.count)].map { training[$0] }
                let (gradient, errors) = Self.batchGradient(model, batch, forceWeight: settings.forceWeight)
                epochErrors += errors
                var g = gradient
                if settings.l2 > 0 { for k in g.indices { g[k] += 2 * settings.l2 * mask[k] * parameters[k] } }
                adam.step(&parameters, gradient: g, learningRate: rate)
                model.setParameters(parameters)
            }
            let validationErrors = Self.errors(model, validation)
            let report = EpochReport(
                epoch: epoch + 1, epochs: settings.epochs,
                trainingLoss: Self.meanLoss(epochErrors, settings.forceWeight),
                validationLoss: Self.meanLoss(validationErrors, settings.forceWeight),
                training: ErrorMetrics(epochErrors), validation: ErrorMetrics(validationErrors), learningRate: rate)
            history.append(report)
            progress(report)
            if report.validationLoss < best.loss {
                best = (report.validationLoss, parameters, epoch + 1, report)
            } else if epoch + 1 - best.epoch >= settings.patience {
                break
            }
        }
        model.setParameters(best.parameters)
        let final = best.report ?? history[history.count - 1]
        return TrainingOutcome(networks: model.networks, scaling: scaling,
                               energyScale: model.energyScale, energyShift: residual,
                               training: ErrorMetrics(Self.errors(model, training)), validation: final.validation,
                               bestEpoch: best.epoch, history: history,
                               trainingCount: training.count, validationCount: validation.count)
    }

    /// The potential's scaling in `mode` (onto [−1, 1]); a function constant over the training set
    /// (G_max = G_min or σ = 0) gets a unit range instead, so it never divides by zero.
    static func scaling(_ mode: ScalingMode, _ statistics: [[SymmetryFunctionStatistics]]) throws -> DescriptorScaling {
        let safe = statistics.map { row in
            row.map { st -> SymmetryFunctionStatistics in
                var s = st
                if s.maximum <= s.minimum { s.maximum = s.minimum + 1 }
                if s.sigma <= 0 { s.sigma = 1 }
                return s
            }
        }
        return try DescriptorScaling(mode: mode, targetMinimum: -1, targetMaximum: 1, statistics: safe)
    }

    /// The mean gradient of ℓ over `batch` and each configuration's errors; configurations run in
    /// parallel into their own buffers, which are then added in batch order.
    static func batchGradient(_ model: EnergyModel, _ batch: [TrainingExample], forceWeight: Double)
        -> (gradient: [Double], errors: [ConfigurationErrors]) {
        let scale = 1 / Double(batch.count)
        let parts = parallelMap(batch.count) { c in
            var scratch = EvaluationScratch(model: model)
            var g = [Double](repeating: 0, count: model.parameterCount)
            let e = g.withUnsafeMutableBufferPointer {
                model.evaluate(batch[c], forceWeight: forceWeight, gradientScale: scale, into: $0.baseAddress!, scratch: &scratch)
            }
            return (g, e)
        }
        var total = parts[0].0
        for part in parts.dropFirst() { for k in total.indices { total[k] += part.0[k] } }
        return (total, parts.map(\.1))
    }

    /// Errors of every configuration (no gradient), evaluated in parallel, returned in order.
    static func errors(_ model: EnergyModel, _ data: [TrainingExample]) -> [ConfigurationErrors] {
        parallelMap(data.count) { c in
            var scratch = EvaluationScratch(model: model)
            return model.evaluate(data[c], forceWeight: 0, gradientScale: 0, into: nil, scratch: &scratch)
        }
    }

    static func meanLoss(_ errors: [ConfigurationErrors], _ forceWeight: Double) -> Double {
        errors.reduce(0) { $0 + $1.loss(forceWeight: forceWeight) } / Double(max(errors.count, 1))
    }

    /// Δ: mean reference energy per atom over the training set (eV/atom), after subtracting each
    /// atom's reference energy ε_s when given: ⟨(E − Σ_i ε_s(i))/N⟩. Without ε this is ⟨E/N⟩,
    /// computed exactly as for a single element.
    static func meanEnergyPerAtom(_ data: [TrainingExample], atomicEnergies: [Double]? = nil) -> Double {
        data.reduce(0) { $0 + residualEnergy($1, atomicEnergies) / Double($1.atomCount) } / Double(data.count)
    }

    /// E − Σ_i ε_s(i) of one configuration (E itself without reference energies), eV.
    static func residualEnergy(_ e: TrainingExample, _ atomicEnergies: [Double]?) -> Double {
        guard let atomicEnergies else { return e.energy }
        var reference = 0.0
        for s in e.descriptors.species { reference += atomicEnergies[Int(s)] }
        return e.energy - reference
    }

    /// σ: RMS reference force component times 1 Å (the energy change of moving an atom by 1 Å),
    /// falling back to the spread of the energies per atom, then to 1 eV, when forces vanish.
    static func energyScale(_ data: [TrainingExample]) -> Double {
        var sum = 0.0, count = 0
        for e in data { for f in e.forces { sum += (f * f).sum() }; count += 3 * e.atomCount }
        let forceScale = (sum / Double(max(count, 1))).squareRoot()
        if forceScale > 0 { return forceScale }
        let mean = meanEnergyPerAtom(data)
        let spread = (data.reduce(0) { $0 + ($1.energy / Double($1.atomCount) - mean) * ($1.energy / Double($1.atomCount) - mean) } / Double(data.count)).squareRoot()
        return spread > 0 ? spread : 1
    }

    /// Fisher-Yates with the seeded stream.
    func shuffled<T>(_ a: [T], _ random: inout SeededGenerator) -> [T] {
        var a = a
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = Int(random.next() % UInt64(i + 1))
            a.swapAt(i, j)
        }
        return a
    }
}

extension ErrorMetrics {
    /// RMSEs over a set of configurations' errors.
    init(_ errors: [ConfigurationErrors]) {
        let n = Double(max(errors.count, 1))
        let components = Double(max(errors.reduce(0) { $0 + 3 * $1.atomCount }, 1))
        self.init(energyRMSE: (errors.reduce(0) { $0 + $1.energyPerAtomSquared } / n).squareRoot(),
                  forceRMSE: (errors.reduce(0) { $0 + $1.forceSquaredSum } / components).squareRoot())
    }
}

/// What training produced: atomic energies ε_i = σ·N_s(G̃_i) + μ with G̃ the descriptors under
/// ``scaling`` (whose statistics are the range seen in training), the errors and the history —
/// exactly the parts of a ``BehlerParrinelloPotential``.
public struct TrainingOutcome: Sendable, Hashable, Codable {
    public var networks: [FeedForwardNetwork]
    public var scaling: DescriptorScaling
    /// σ in eV, and Δ in eV/atom: the mean residual energy per atom, the shift of every species on
    /// top of its atomic reference energy (``energyShifts(_:atomicEnergies:species:)``).
    public var energyScale: Double
    public var energyShift: Double
    /// Errors of the returned networks on the training and validation sets.
    public var training: ErrorMetrics
    public var validation: ErrorMetrics
    /// Epoch (1-based) whose networks were kept: the one with the lowest validation loss.
    public var bestEpoch: Int
    public var history: [EpochReport]
    public var trainingCount: Int
    public var validationCount: Int
}

extension TrainingOutcome {
    /// The per-species shifts μ_s = ε_s + Δ (eV/atom) of `species` species; every species gets Δ
    /// itself when there are no reference energies ε.
    public static func energyShifts(_ residual: Double, atomicEnergies: [Double]?, species: Int) -> [Double] {
        atomicEnergies.map { $0.map { $0 + residual } } ?? Array(repeating: residual, count: species)
    }
}
