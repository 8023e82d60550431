import Descriptors
import Training

extension Scene {
    /// The `[student.training]` table as the Training module's sampling plan and fitting settings.
    /// Keys left out take the Training module's own defaults (``TeacherSampling/Defaults``,
    /// ``TrainingSettings/Defaults``), except `patience`: left out, every epoch runs (patience =
    /// epochs). One `seed` seeds sampling, label noise, the split and the initial weights. Noise
    /// keys are σ_E in meV/atom and σ_F in meV/Å.
    static func parseTraining(_ t: SceneTable) throws -> (sampling: TeacherSampling, settings: TrainingSettings) {
        typealias S = TeacherSampling.Defaults
        typealias F = TrainingSettings.Defaults
        // Read in the file's documented order, so a misspelt key is matched against the first key missing.
        let epochs = try t.int("epochs", "a number of epochs in [1, \(SceneLimits.maximumEpochs)]", where: { $0 > 0 && $0 <= SceneLimits.maximumEpochs })
        let temperatures = try t.doubles("temperatures", "positive temperatures in K at most 100000",
                                         where: { $0 > 0 && SceneLimits.temperature.contains($0) })
        let configurations = try t.int("configurations", "a number of configurations in [2, \(SceneLimits.maximumConfigurations)]",
                                       where: { $0 >= 2 && $0 <= SceneLimits.maximumConfigurations })
        let timeStep = try t.double("sample_dt", default: S.timeStep, "a time step in fs \(SceneLimits.describe(SceneLimits.timeStep))",
                                    where: SceneLimits.timeStep.contains)
        let friction = try t.double("sample_friction", default: S.friction, "a friction in 1/fs \(SceneLimits.describe(SceneLimits.friction))",
                                    where: SceneLimits.friction.contains)
        let equilibrationSteps = try t.int("sample_equilibration_steps", default: S.equilibrationSteps,
                                           "a number of steps in [0, \(SceneLimits.maximumSamplingSteps)]",
                                           where: { $0 >= 0 && $0 <= SceneLimits.maximumSamplingSteps })
        let interval = try t.int("sample_interval", default: S.stepsBetweenSamples, "a number of steps in [1, \(SceneLimits.maximumSamplingSteps)]",
                                 where: { $0 > 0 && $0 <= SceneLimits.maximumSamplingSteps })
        let rattle = try t.double("rattle", default: 0, "a displacement in Å in [0, 1]", where: { $0 >= 0 && $0 <= 1 })
        let strain = try t.double("strain", default: 0, "a strain fraction in [0, 0.2]", where: { $0 >= 0 && $0 <= 0.2 })
        let perturbed = try t.double("perturbed_fraction", default: S.perturbedFraction, "a fraction in [0, 1]", where: { $0 >= 0 && $0 <= 1 })
        let energyNoise = try t.double("energy_noise", default: 0, "σ_E in meV/atom \(SceneLimits.describe(SceneLimits.noise))",
                                       where: SceneLimits.noise.contains)
        let forceNoise = try t.double("force_noise", default: 0, "σ_F in meV/Å \(SceneLimits.describe(SceneLimits.noise))",
                                      where: SceneLimits.noise.contains)
        let batchSize = try t.int("batch_size", default: F.batchSize, "a batch size in [1, \(SceneLimits.maximumConfigurations)]",
                                  where: { $0 > 0 && $0 <= SceneLimits.maximumConfigurations })
        let learningRate = try t.double("learning_rate", "an Adam step size \(SceneLimits.describe(SceneLimits.learningRate))",
                                        where: SceneLimits.learningRate.contains)
        let finalFraction = try t.double("final_learning_rate_fraction", default: F.finalLearningRateFraction,
                                         "a fraction in (0, 1]", where: { $0 > 0 && $0 <= 1 })
        let forceWeight = try t.double("force_weight", "a force weight \(SceneLimits.describe(SceneLimits.weight))", where: SceneLimits.weight.contains)
        let l2 = try t.double("l2", default: 0, "an L2 weight \(SceneLimits.describe(SceneLimits.weight))", where: SceneLimits.weight.contains)
        let validation = try t.double("validation_fraction", default: F.validationFraction, "a fraction in (0, 0.5]",
                                      where: { $0 > 0 && $0 <= 0.5 })
        let patience = t.contains("patience") ? try t.int("patience", "a number of epochs in [1, \(SceneLimits.maximumEpochs)]",
                                                          where: { $0 > 0 && $0 <= SceneLimits.maximumEpochs }) : epochs
        let seed = UInt64(try t.int("seed", "a non-negative integer seed", where: { $0 >= 0 }))
        try t.finish()
        let sampling = TeacherSampling(
            temperatures: temperatures, configurations: configurations, timeStep: timeStep, friction: friction,
            equilibrationSteps: equilibrationSteps, stepsBetweenSamples: interval, rattle: rattle, strain: strain,
            perturbedFraction: perturbed, noise: LabelNoise(energyPerAtom: energyNoise / 1000, force: forceNoise / 1000), seed: seed)
        let settings = TrainingSettings(
            epochs: epochs, batchSize: batchSize, learningRate: learningRate, finalLearningRateFraction: finalFraction,
            forceWeight: forceWeight, l2: l2, validationFraction: validation, patience: patience, scaling: .scale, seed: seed)
        return (sampling, settings)
    }
}
