import Foundation
import Geometry
import NeuralNetworks
import Potentials
import Scenes
import Training

extension NoiseCheck {
    /// How the students are made: data, noise, and the two fitting recipes.
    public struct Plan: Sendable, Equatable {
        /// Labelled teacher configurations (training plus validation), and held-out test ones.
        public var configurations: Int
        public var testConfigurations: Int
        /// σ_E in meV/atom and σ_F in meV/Å on the labels.
        public var energyNoise: Double
        public var forceNoise: Double
        public var epochs: Int
        public var hiddenLayers: [Int]
        /// L2 weight λ of the regularised, force-trained student.
        public var l2: Double
        public init(configurations: Int = 30, testConfigurations: Int = 6, energyNoise: Double = 5, forceNoise: Double = 100,
                    epochs: Int = 600, hiddenLayers: [Int] = [20, 20], l2: Double = 1e-4) {
            self.configurations = configurations
            self.testConfigurations = testConfigurations
            self.energyNoise = energyNoise
            self.forceNoise = forceNoise
            self.epochs = epochs
            self.hiddenLayers = hiddenLayers
            self.l2 = l2
        }
    }

    /// Trains three students on `scene`'s teacher data — energies only on clean labels, energies only
    /// on noisy labels, forces + L2 on noisy labels — and compares them with the teacher.
    public static func run(scene: Scene, plan: Plan = Plan(), progress: (String) -> Void = { _ in }) throws -> NoiseCheck {
        let spec = try ExerciseStudents.descriptorSpec(scene)
        let start = try scene.builtStructure()
        let set = try ExerciseStudents.symmetryFunctions(spec, elements: start.distinctElements)
        let teacher = try scene.teacherPotential()
        let noise = LabelNoise(energyPerAtom: plan.energyNoise / 1000, force: plan.forceNoise / 1000)
        progress("sampling \(plan.configurations) + \(plan.testConfigurations) teacher configurations")
        let clean = try ExerciseStudents.sampling(scene, configurations: plan.configurations).sample(teacher: teacher, start: start)
        guard let recipeSeed = scene.student?.training.seed else { throw ExerciseError("\(scene.name) has no training recipe") }
        let noisy = noise.apply(to: clean, seed: recipeSeed &+ 0x6E6F_6973_65)
        var testPlan = try ExerciseStudents.sampling(scene, configurations: plan.testConfigurations)
        testPlan.seed &+= 1000
        let test = try testPlan.sample(teacher: teacher, start: start).map(\.system)

        func train(_ name: String, _ data: [LabelledConfiguration], forceWeight: Double, l2: Double) throws -> any Potential {
            progress("training: \(name)")
            let settings = TrainingSettings(epochs: plan.epochs, batchSize: 4, learningRate: 3e-3, forceWeight: forceWeight, l2: l2,
                                            validationFraction: 0.1, patience: plan.epochs, seed: 1)
            let design = StudentDesign(symmetryFunctions: set, hiddenLayers: plan.hiddenLayers, activation: .tanh,
                                       settings: settings, weightSeed: 3)
            return try TrainedStudent(design: design, examples: describe(data, with: set)).potential()
        }
        let models: [(String, any Potential)] = [
            ("teacher", teacher),
            ("energy only, clean labels", try train("energy only, clean labels", clean, forceWeight: 0, l2: 0)),
            ("energy only, noisy labels", try train("energy only, noisy labels", noisy, forceWeight: 0, l2: 0)),
            ("forces + L2, noisy labels", try train("forces + L2, noisy labels", noisy, forceWeight: 1, l2: plan.l2)),
        ]
        let (atom, half, h) = (0, 0.4, 0.01)
        let rows = try models.map { name, model -> Row in
            let path = try forcePath(model, test[0], atom: atom, halfLength: half, spacing: h)
            let e = try errors(model, against: teacher, on: test)
            return Row(model: name, forceRMSE: e.force, energyRMSE: e.energy, roughness: roughness(path, spacing: h), path: path)
        }
        return NoiseCheck(energyNoise: plan.energyNoise, forceNoise: plan.forceNoise, movingAtom: atom,
                          pathHalfLength: half, pathSpacing: h, rows: rows)
    }

    /// What the check shows, in words and numbers.
    public var report: String {
        var lines = [String(format: "Labels with Gaussian noise σ_E = %.2f meV/atom and σ_F = %.1f meV/Å. Errors against the clean "
            + "teacher on held-out configurations; roughness = RMS second difference of F_x on atom %d moved along x over "
            + "±%.2f Å in steps of %.3f Å, divided by h² (eV/Å³).", energyNoise, forceNoise, movingAtom, pathHalfLength, pathSpacing)]
        lines.append(pad("model", 28) + pad("energy (meV/atom)", 19) + pad("force (meV/Å)", 15) + pad("roughness (eV/Å³)", 19) + "× teacher")
        let reference = rows.first?.roughness ?? 0
        for r in rows {
            lines.append(pad(r.model, 28) + pad(String(format: "%.3f", r.energyRMSE), 19) + pad(String(format: "%.1f", r.forceRMSE), 15)
                         + pad(String(format: "%.3f", r.roughness), 19) + String(format: "%.1f", reference > 0 ? r.roughness / reference : 0))
        }
        if rows.count == 4 {
            let (e, f) = (rows[2], rows[3])
            lines.append(String(format: "Fitted to noisy energies alone, the network learns the noise as if it were physics: its forces "
                + "are off by %.1f meV/Å and its force curve is %.1fx as rough as the teacher's — differentiation amplifies the "
                + "bumps. Trained on forces too, with L2 regularisation, it is off by %.1f meV/Å and %.1fx as rough.",
                e.forceRMSE, reference > 0 ? e.roughness / reference : 0, f.forceRMSE, reference > 0 ? f.roughness / reference : 0))
        }
        return lines.joined(separator: "\n")
    }
}
