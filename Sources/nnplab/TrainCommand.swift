import ArgumentParser
import Descriptors
import Foundation
import Geometry
import NeuralNetworks
import Potentials
import Training

/// `nnplab train`: samples teacher data and trains the lesson's student models from scratch.
///
/// Until scenes are wired in, it trains the argon lesson's students (108 Ar atoms at 1.4 g/cm³,
/// shifted-force LJ teacher, ten radial G2 with η = 3 Å⁻² and r_s 3.0–6.5 Å, r_c 6.5 Å, 10-20-20-1).
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train student NNPs on teacher data (the argon lesson: every cutoff x activation).")

    @Option(help: "Cutoff kind: step, kinked, smooth or all.")
    var cutoff: String = "all"
    @Option(help: "Hidden activation: relu, tanh (or any n2p2 activation name) or all (relu and tanh).")
    var activation: String = "all"
    @Option(help: "Label noise: σ_E in meV/atom (σ_F = 10x that in meV/Å).")
    var noise: Double = 0
    @Option(help: "Maximum epochs.")
    var epochs: Int = 120
    @Option(help: "Folder to write each model's training outcome as JSON.")
    var output: String?

    func run() throws {
        guard let kinds = cutoff == "all" ? CutoffKind.allCases : CutoffKind(rawValue: cutoff).map({ [$0] }) else {
            throw ValidationError("--cutoff: expected step, kinked, smooth or all, got '\(cutoff)'")
        }
        guard let activations = activation == "all" ? [Activation.relu, .tanh] : Activation(rawValue: activation).map({ [$0] }) else {
            throw ValidationError("--activation: expected relu, tanh, another activation name or all, got '\(activation)'")
        }
        guard noise >= 0, noise.isFinite, epochs > 0 else { throw ValidationError("--noise must be >= 0 and --epochs > 0") }
        let clock = ContinuousClock(), start = clock.now
        let lesson = try ArgonLesson(noise: LabelNoise(energyPerAtom: noise / 1000, force: 10 * noise / 1000))
        let data = try lesson.sampling.sample(teacher: lesson.teacher, start: lesson.start)
        let sampled = clock.now
        print("sampled \(data.count) configurations of \(lesson.start.count) atoms in \(Self.seconds(sampled - start)) s")
        var describeTime = Duration.zero
        for kind in kinds {
            let set = try lesson.symmetryFunctions(kind)
            let t = clock.now
            let examples = try describe(data, with: set)
            describeTime += clock.now - t
            for act in activations {
                var settings = lesson.settings
                settings.epochs = epochs
                let design = StudentDesign(symmetryFunctions: set, hiddenLayers: [20, 20], activation: act,
                                           settings: settings, weightSeed: 11)
                var bar = ProgressBar(label: "\(kind)/\(act)", total: epochs)
                let t0 = clock.now
                let student = try TrainedStudent(design: design, examples: examples) { r in
                    bar.update(r.epoch, detail: String(format: "loss %.3g  val %.2f meV/atom %.1f meV/Å",
                                                        r.trainingLoss, r.validation.energyMeVPerAtom,
                                                        r.validation.forceMeVPerAngstrom))
                }
                bar.finish()
                let v = student.outcome.validation
                print(String(format: "%-6@ %-4@ validation %.3f meV/atom %.2f meV/Å  best epoch %d/%d  %.1f s",
                             kind.rawValue, act.rawValue, v.energyMeVPerAtom, v.forceMeVPerAngstrom,
                             student.outcome.bestEpoch, student.outcome.history.count, ProgressBar.seconds(clock.now - t0)))
                if let output {
                    let url = URL(fileURLWithPath: output).appendingPathComponent("\(kind)-\(act).json")
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys]
                    try encoder.encode(student.outcome).write(to: url)
                }
            }
        }
        print("descriptors \(Self.seconds(describeTime)) s, total \(Self.seconds(clock.now - start)) s")
    }

    static func seconds(_ d: Duration) -> String { String(format: "%.1f", ProgressBar.seconds(d)) }
}

/// The argon lesson's teacher, structure, data plan and descriptors (issue 4's prototype values).
struct ArgonLesson {
    let teacher: LennardJones
    let start: AtomicSystem
    let sampling: TeacherSampling
    let settings = TrainingSettings(epochs: 120, batchSize: 8, learningRate: 3e-3, forceWeight: 1,
                                    validationFraction: 0.1, patience: 30, scaling: .scale, seed: 1)

    init(noise: LabelNoise) throws {
        teacher = try LennardJones(cutoff: 8.5, truncation: .smooth)
        // 108 atoms (3x3x3 fcc cells) at 1.4 g/cm³: a³ = 4·m/ρ.
        let a = pow(4 * 39.948 * 1.66053906660 / 1.4, 1.0 / 3.0)
        start = try Lattice.fcc.crystal(of: LennardJones.argon, latticeConstant: a, repeats: 3)
        sampling = TeacherSampling(temperatures: [80, 110, 140, 170], configurations: 220, timeStep: 2,
                                   equilibrationSteps: 500, stepsBetweenSamples: 40, rattle: 0.05,
                                   strain: 0.01, perturbedFraction: 0.1, noise: noise, seed: 1)
    }

    func symmetryFunctions(_ kind: CutoffKind) throws -> SymmetryFunctionSet {
        let ar = LennardJones.argon
        let functions = (0..<10).map { k in
            SymmetryFunction.radial(.init(neighbor: ar, eta: 3.0, shift: 3.0 + 3.5 * Double(k) / 9, cutoff: 6.5))
        }
        return try SymmetryFunctionSet(cutoffShape: CutoffShape(kind), functions: [ar: functions])
    }
}
