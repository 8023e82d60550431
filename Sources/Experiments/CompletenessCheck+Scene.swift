import Foundation
import Descriptors
import Geometry
import Potentials
import Scenes
import Training

extension CompletenessCheck {
    /// How the two students of the second half are trained: a few seconds in a release build.
    public struct TrainingPlan: Sendable, Equatable {
        public var configurations: Int
        public var epochs: Int
        public var hiddenLayers: [Int]
        public var batchSize: Int
        /// w_F in Å² (see ``TrainingSettings/forceWeight``).
        public var forceWeight: Double
        public init(configurations: Int = 60, epochs: Int = 300, hiddenLayers: [Int] = [12, 12], batchSize: Int = 4,
                    forceWeight: Double = 0.1) {
            self.forceWeight = forceWeight
            self.configurations = configurations
            self.epochs = epochs
            self.batchSize = batchSize
            self.hiddenLayers = hiddenLayers
        }
    }

    /// The check on `scene` (it must have angular functions: silicon), with the two students trained
    /// on the scene's teacher data when `plan` is given.
    public static func run(scene: Scene, plan: TrainingPlan? = nil, progress: (String) -> Void = { _ in }) throws -> CompletenessCheck {
        let spec = try ExerciseStudents.descriptorSpec(scene)
        guard !spec.angular.isEmpty else {
            throw ExerciseError("\(scene.name) has no angular symmetry functions to compare with (try silicon)")
        }
        let structure = try scene.builtStructure()
        guard let element = structure.elements.first, structure.distinctElements.count == 1 else {
            throw ExerciseError("the completeness check builds clusters of one element; \(scene.name) has \(structure.distinctElements.count)")
        }
        let radial = try ExerciseStudents.symmetryFunctions(spec, elements: [element], angular: false)
        // In the two clusters the neighbours are beyond r_c of each other, where the scene's narrow G4
        // (with f_c(R_jk)) vanish; the wide form with the same η, ζ, λ sees the angles.
        let wide = try ExerciseStudents.symmetryFunctions(spec, elements: [element], angular: true, wideAngular: true)
        let teacher = try scene.teacherPotential()
        var check = try run(teacher: teacher, radial: radial, full: wide, element: element)
        if let plan {
            let full = try ExerciseStudents.symmetryFunctions(spec, elements: [element], angular: true)
            check.students = try compareStudents(scene: scene, teacher: teacher, radial: radial, full: full, plan: plan, progress: progress)
        }
        return check
    }

    /// Samples teacher data once and trains a radial-only and a radial + angular student on it.
    static func compareStudents(scene: Scene, teacher: any Potential, radial: SymmetryFunctionSet, full: SymmetryFunctionSet,
                                plan: TrainingPlan, progress: (String) -> Void) throws -> StudentComparison {
        let sampling = try ExerciseStudents.sampling(scene, configurations: plan.configurations)
        progress("sampling \(plan.configurations) configurations from the teacher")
        let data = try sampling.sample(teacher: teacher, start: scene.builtStructure())
        let settings = TrainingSettings(epochs: plan.epochs, batchSize: plan.batchSize, learningRate: 3e-3, forceWeight: plan.forceWeight, l2: 1e-6,
                                        validationFraction: 0.2, patience: plan.epochs, seed: 1)
        func train(_ set: SymmetryFunctionSet, _ name: String) throws -> ErrorMetrics {
            progress("training the \(name) student (\(set.count(forElementAt: 0)) inputs, \(plan.epochs) epochs)")
            let design = StudentDesign(symmetryFunctions: set, hiddenLayers: plan.hiddenLayers, activation: .tanh,
                                       settings: settings, weightSeed: 5)
            return try TrainedStudent(design: design, examples: describe(data, with: set)).outcome.validation
        }
        let r = try train(radial, "radial-only"), f = try train(full, "radial + angular")
        return StudentComparison(configurations: plan.configurations, epochs: plan.epochs,
                                 radialInputs: radial.count(forElementAt: 0), fullInputs: full.count(forElementAt: 0),
                                 radialEnergyRMSE: r.energyMeVPerAtom, radialForceRMSE: r.forceMeVPerAngstrom,
                                 fullEnergyRMSE: f.energyMeVPerAtom, fullForceRMSE: f.forceMeVPerAngstrom)
    }

    /// What the check shows, in words and numbers.
    public var report: String {
        func list(_ v: [Double], _ f: String) -> String { v.map { String(format: f, $0) }.joined(separator: " ") }
        var lines = [String(format: "Two environments of one atom: a centre and four neighbours, all %.3f Å from it, no other atom "
            + "within r_c = %.2f Å of any neighbour (closest neighbour pair %.3f Å).", distance, cutoff, closestNeighbourPair)]
        for e in [regular, squashed] {
            lines.append("  \(pad(e.name + ":", 22)) angles \(list(e.angles, "%.1f°"))")
            lines.append("  \(pad("", 22)) radial G  \(list(e.radialG, "%.6f"))")
            lines.append("  \(pad("", 22)) angular G \(list(e.angularG, "%.6f"))")
            lines.append("  \(pad("", 22)) teacher energy \(String(format: "%.6f", e.teacherEnergy)) eV")
        }
        lines.append(String(format: "Radial fingerprints: identical (largest difference over every atom and radial function %.1e). "
            + "Teacher (%@): energies differ by %.4f eV. A network that sees only radial G must give both the same energy: "
            + "the information is lost before the network starts. The angular functions differ by up to %.4f, so a "
            + "network that sees them can tell the two apart. (These are the scene's angular parameters in the wide form, G5: "
            + "the narrow G4 also needs the two neighbours within r_c of each other, and is zero in both clusters.)", radialDifference, teacher, energyDifference, angularDifference))
        if let s = students {
            lines.append("")
            lines.append("Two students trained on the same \(s.configurations) teacher configurations (\(s.epochs) epochs), validation errors:")
            lines.append(String(format: "  radial only (%d inputs):       %8.3f meV/atom  %8.1f meV/Å", s.radialInputs, s.radialEnergyRMSE, s.radialForceRMSE))
            lines.append(String(format: "  radial + angular (%d inputs):  %8.3f meV/atom  %8.1f meV/Å", s.fullInputs, s.fullEnergyRMSE, s.fullForceRMSE))
            let ratio = s.radialForceRMSE / max(s.fullForceRMSE, 1e-300)
            lines.append(ratio > 1
                ? String(format: "With angles the force error is %.1fx smaller: part of silicon's three-body term is invisible "
                    + "to distances alone. (Small students trained for seconds; the shipped ones are trained longer.)", ratio)
                : String(format: "Here the angular student did not do better (force error ratio %.2f): too little data or "
                    + "training to learn the three-body term; try more --configurations and --epochs.", ratio))
        }
        return lines.joined(separator: "\n")
    }
}
