import Foundation
import Geometry
import NeuralNetworks
import Potentials
import Scenes
import Training
import Descriptors

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
    /// on noisy labels, forces + L2 on noisy labels — and compares them with the teacher. Data, descriptors
    /// and fitting recipe are the scene's (``Scene/studentPlan()``: its sampling with `plan`'s counts, its
    /// smooth + tanh design), except what the lesson varies: epochs, hidden layers, force weight and L2.
    public static func run(scene: Scene, plan: Plan = Plan(), progress: (String) -> Void = { _ in }) throws -> NoiseCheck {
        let students = try scene.studentPlan()
        let teacher = students.teacher
        let noise = LabelNoise(energyPerAtom: plan.energyNoise / 1000, force: plan.forceNoise / 1000)
        progress("sampling \(plan.configurations) + \(plan.testConfigurations) teacher configurations")
        var sampling = students.student.sampling
        (sampling.configurations, sampling.noise) = (plan.configurations, .none)
        let clean = try sampling.sample(teacher: teacher, start: students.start)
        let noisy = noise.apply(to: clean, seed: sampling.seed &+ 0x6E6F_6973_65)
        var testSampling = sampling
        (testSampling.configurations, testSampling.seed) = (plan.testConfigurations, sampling.seed &+ 1000)
        let test = try testSampling.sample(teacher: teacher, start: students.start).map(\.system)

        var base = try students.design(.smooth, .tanh)
        base.hiddenLayers = plan.hiddenLayers
        (base.settings.epochs, base.settings.patience) = (plan.epochs, plan.epochs)
        let examples = try [clean, noisy].map { try describe($0, with: base.symmetryFunctions) }
        // name, labels (0 clean, 1 noisy), force weight w_F (Å²), L2 weight λ
        let recipes: [(name: String, labels: Int, forceWeight: Double, l2: Double)] = [
            ("energy only, clean labels", 0, 0, 0), ("energy only, noisy labels", 1, 0, 0), ("forces + L2, noisy labels", 1, 1, plan.l2),
        ]
        let designs = recipes.map { r in
            var design = base
            (design.settings.forceWeight, design.settings.l2) = (r.forceWeight, r.l2)
            return design
        }
        progress("training \(recipes.map(\.name).joined(separator: "; ")), side by side")
        let trained = try parallelMap(recipes.count) { k in
            Result { () -> any Potential in try TrainedStudent(design: designs[k], examples: examples[recipes[k].labels]).potential() }
        }.map { try $0.get() }
        let models: [(String, any Potential)] = [("teacher", teacher)] + zip(recipes.map(\.name), trained).map { ($0, $1) }
        let (atom, half, h) = (0, 0.4, 0.01)
        let rows = try models.map { name, model -> Row in
            // One path per held-out configuration (its atom 0), pooled: a single path's roughness depends
            // much on how close that atom comes to a neighbour.
            let paths = try test.map { try forcePath(model, $0, atom: atom, halfLength: half, spacing: h) }
            let pooled = (paths.reduce(0) { $0 + pow(roughness($1, spacing: h), 2) } / Double(paths.count)).squareRoot()
            let e = try errors(model, against: teacher, on: test)
            return Row(model: name, forceRMSE: e.force, energyRMSE: e.energy, roughness: pooled, path: paths.first ?? [])
        }
        return NoiseCheck(energyNoise: plan.energyNoise, forceNoise: plan.forceNoise, testConfigurations: test.count, movingAtom: atom,
                          pathHalfLength: half, pathSpacing: h, rows: rows)
    }

    /// What the check shows, in words and numbers.
    public var report: String {
        var lines = [String(format: "Labels with Gaussian noise σ_E = %.2f meV/atom and σ_F = %.1f meV/Å. Errors against the clean "
            + "teacher on %d held-out configurations; roughness = RMS second difference of F_x on atom %d moved along x over "
            + "±%.2f Å in steps of %.3f Å, divided by h² (eV/Å³), pooled over those configurations.", energyNoise, forceNoise,
            testConfigurations, movingAtom, pathHalfLength, pathSpacing)]
        lines.append(pad("model", 28) + pad("energy (meV/atom)", 19) + pad("force (meV/Å)", 15) + pad("roughness (eV/Å³)", 19) + "× teacher")
        let reference = rows.first?.roughness ?? 0
        for r in rows {
            lines.append(pad(r.model, 28) + pad(String(format: "%.3f", r.energyRMSE), 19) + pad(String(format: "%.1f", r.forceRMSE), 15)
                         + pad(String(format: "%.3f", r.roughness), 19) + String(format: "%.1f", reference > 0 ? r.roughness / reference : 0))
        }
        if rows.count == 4 {
            let (c, e, f) = (rows[1], rows[2], rows[3])
            func times(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : 0 }
            lines.append(String(format: "Fitted to noisy energies alone, the network learns the noise as if it were physics: its forces "
                + "are off by %.1f meV/Å (%.1f with clean labels) and its force curve is %.1fx as rough as the same network's fitted "
                + "to clean energies — differentiation amplifies the bumps. Trained on forces too, with L2 regularisation, it is "
                + "off by %.1f meV/Å and %.1fx as rough as the clean energy-only fit. (× teacher compares with the teacher's own, "
                + "physical curvature along the same paths.)", e.forceRMSE, c.forceRMSE, times(e.roughness, c.roughness),
                f.forceRMSE, times(f.roughness, c.roughness)))
        }
        return lines.joined(separator: "\n")
    }
}
