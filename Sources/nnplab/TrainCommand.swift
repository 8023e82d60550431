import ArgumentParser
import Descriptors
import Foundation
import NeuralNetworks
import Scenes
import Synchronization
import Training
import Geometry

/// `nnplab train SCENE`: samples the scene's teacher and trains its student models from the scene's
/// recipe, all models at once, writing one JSON model file per cutoff × activation.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a scene's student NNPs (every cutoff x activation) from its recipe.",
        discussion: """
        Samples configurations from the scene's teacher (Langevin MD), labels them, and fits one model \
        per cutoff (step, kinked, smooth) and activation (relu, tanh), the models concurrently. The \
        result is the same bit for bit on every run. By default the models go to the scene's models \
        folder (Scenes/NAME/models/<cutoff>-<activation>.json), which the lab and `nnplab drift` read; \
        existing files are kept unless --force is given. Example: nnplab train argon --cutoff smooth
        """)

    @OptionGroup var threads: ThreadsOption

    @Argument(help: "Scene name (argon, silicon, ...) or path to a scene .toml file.")
    var scene: String = SceneLibrary.defaultSceneName
    @Option(help: "Cutoff kind: step, kinked, smooth or all.")
    var cutoff: String = "all"
    @Option(help: "Hidden activation: relu, tanh or all.")
    var activation: String = "all"
    @Option(help: "Label noise 'SIGMA_E,SIGMA_F' in meV/atom and meV/Å (default: the scene's).")
    var noise: String?
    @Option(help: "Epochs (default: the scene's).")
    var epochs: Int?
    @Option(help: "Folder to write the models to (default: the scene's models folder).")
    var output: String?
    @Flag(help: "Overwrite existing model files.")
    var force = false

    func run() async throws {
        guard let kinds = cutoff == "all" ? CutoffKind.allCases : CutoffKind(rawValue: cutoff).map({ [$0] }) else {
            throw CommandFailure("--cutoff: expected step, kinked, smooth or all, got '\(cutoff)'")
        }
        let lesson = ModelChoice.lessonActivations
        guard let activations = activation == "all" ? lesson : lesson.first(where: { $0.rawValue == activation }).map({ [$0] }) else {
            throw CommandFailure("--activation: expected relu, tanh or all, got '\(activation)'")
        }
        if let epochs, epochs <= 0 { throw CommandFailure("--epochs: expected a positive number, got \(epochs)") }
        var scene = try SceneLibrary.load(self.scene)
        guard scene.student != nil else {
            throw CommandFailure("\(scene.name): no [student] table, nothing to train (its potential is fixed)")
        }
        if let noise {
            let (e, f) = try Self.noise(noise)
            scene.student?.sampling.noise = LabelNoise(energyPerAtom: e / 1000, force: f / 1000)
        }
        if let epochs { scene.student = scene.student?.withEpochs(epochs) }
        let plan = try scene.studentPlan()
        let variants = kinds.flatMap { k in activations.map { ModelChoice(cutoff: k, activation: $0) } }
        let folder = output.map { URL(fileURLWithPath: $0) } ?? scene.modelsDirectory
        let files = variants.map { folder.appendingPathComponent(StudentModel.fileName(cutoff: $0.cutoff, activation: $0.activation)) }
        if !force, let existing = files.first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
            throw CommandFailure("\(existing.path) exists: pass --force to overwrite it, or --output DIR to write elsewhere")
        }

        let clock = ContinuousClock(), start = clock.now
        let epochsEach = plan.student.settings.epochs
        let bar = Mutex(ProgressBar(label: "train \(variants.count) models", total: variants.count * epochsEach))
        let done = Mutex(0)
        let name = scene.name
        let models = try await plan.train(variants, sampled: { count in
            print("\(name): sampled \(count) configurations of \(plan.start.count) atoms in "
                  + String(format: "%.1f s", (clock.now - start).inSeconds))
        }, progress: { k, report in
            let n = done.withLock { $0 += 1; return $0 }
            bar.withLock { $0.update(n, detail: "\(variants[k].name) epoch \(report.epoch)") }
        })
        bar.withLock { $0.finish() }
        let elapsed = (clock.now - start).inSeconds
        for (model, file) in zip(models, files) {
            try model.write(to: file)
            print("\(model.cutoff)-\(model.activation)".padding(toLength: 12, withPad: " ", startingAt: 0) + String(
                format: " validation %.3f meV/atom  %.2f meV/Å  best epoch %d/%d  -> %@", model.validationEnergyRMSE, model.validationForceRMSE,
                         model.outcome.bestEpoch, epochsEach, file.path))
        }
        print(String(format: "trained %d models in %.1f s", models.count, elapsed))
    }

    /// "E,F" → (σ_E meV/atom, σ_F meV/Å), both non-negative.
    static func noise(_ text: String) throws -> (Double, Double) {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let e = parts[0], let f = parts[1], e >= 0, f >= 0, e.isFinite, f.isFinite else {
            throw CommandFailure("--noise: expected 'SIGMA_E,SIGMA_F' (meV/atom, meV/Å, both >= 0), got '\(text)'")
        }
        return (e, f)
    }
}
