import Foundation
import Descriptors
import Geometry
import Scenes
import Training
import NeuralNetworks

extension CompletenessCheck {
    /// How the students of the second half are trained: the scene's own recipe
    /// (``Scene/studentPlan()``: sampling, network, learning-rate schedule, force weight, seeds),
    /// optionally with fewer teacher configurations or epochs.
    public struct TrainingPlan: Sendable, Equatable {
        /// Teacher configurations and training epochs; nil keeps the scene's (silicon: 160 and 200,
        /// about 9 s for the three students on two cores in a release build).
        public var configurations: Int?
        public var epochs: Int?
        public init(configurations: Int? = nil, epochs: Int? = nil) {
            self.configurations = configurations
            self.epochs = epochs
        }
    }

    /// Samples `full`'s teacher data once and trains on it, side by side on all cores, the scene's
    /// smooth + tanh student three ways: without angular functions, with the scene's angular
    /// parameters in the narrow form (G4) and in the wide form (G5); the name of the scene's own form
    /// says so.
    static func compareStudents(_ full: StudentPlan, progress: (String) -> Void) throws -> StudentComparison {
        let (configurations, epochs) = (full.student.sampling.configurations, full.student.settings.epochs)
        progress("sampling \(configurations) configurations from the teacher (the scene's recipe)")
        let data = try full.sample()
        let own = full.student.angularForms
        func name(_ form: SymmetryFunction.AngularForm, _ symbol: String) -> String {
            own == [form] ? "radial + the scene's angular, \(form.rawValue) (\(symbol))"
                          : "radial + the same angular, \(form.rawValue) (\(symbol))"
        }
        let designs = [("radial only", try full.radialOnly().design(.smooth, .tanh)),
                       (name(.narrow, "G4"), try full.angular(.narrow).design(.smooth, .tanh)),
                       (name(.wide, "G5"), try full.angular(.wide).design(.smooth, .tanh))]
        progress("training \(designs.count) students (\(designs.map(\.0).joined(separator: "; "))), \(epochs) epochs each, side by side")
        let students = try parallelMap(designs.count) { k in
            Result {
                let (name, design) = designs[k]
                let validation = try TrainedStudent(design: design, examples: describe(data, with: design.symmetryFunctions)).outcome.validation
                return StudentComparison.Student(descriptors: name, inputs: design.symmetryFunctions.count(forElementAt: 0),
                                                 energyRMSE: validation.energyMeVPerAtom, forceRMSE: validation.forceMeVPerAngstrom)
            }
        }.map { try $0.get() }
        let pairs = neighbourPairs(data.map(\.system), cutoff: full.student.cutoff)
        return StudentComparison(configurations: configurations, epochs: epochs, cutoff: full.student.cutoff,
                                 neighbourPairsWithinCutoff: pairs.withinCutoff, medianNeighbourPairDistance: pairs.median,
                                 students: students)
    }

    /// Over every atom of `systems`, the pairs (j, k) of its neighbours within `cutoff` (Å): the fraction
    /// whose mutual distance R_jk is below `cutoff` too, and the median R_jk (Å). A narrow G4 counts an
    /// angle only when R_jk < r_c (its f_c(R_jk) factor); the wide G5 counts every one.
    static func neighbourPairs(_ systems: [AtomicSystem], cutoff: Double) -> (withinCutoff: Double, median: Double) {
        var distances: [Double] = []
        for system in systems {
            let list = NeighborList(system: system, cutoff: cutoff, skin: 0.1, kind: .full)
            let x = list.extendedPositions(system.positions)
            for i in 0..<system.count {
                let near = list.neighbors(of: i).map { x[Int($0)] }.filter { ($0 - x[i]).length < cutoff }
                for a in near.indices { for b in near.indices where b > a { distances.append((near[a] - near[b]).length) } }
            }
        }
        guard !distances.isEmpty else { return (0, 0) }
        distances.sort()
        return (Double(distances.count { $0 < cutoff }) / Double(distances.count), distances[distances.count / 2])
    }
}

/// Students trained on the same teacher data with different descriptors (radial only, radial +
/// angular): their validation errors, and how many of the data's bond angles a narrow G4 can see.
public struct StudentComparison: Sendable, Codable, Equatable {
    public struct Student: Sendable, Codable, Equatable {
        /// Which descriptors it sees, in words.
        public var descriptors: String
        public var inputs: Int
        /// Validation RMSE: energy meV/atom, force meV/Å.
        public var energyRMSE: Double
        public var forceRMSE: Double
    }
    public var configurations: Int
    public var epochs: Int
    /// The students' r_c (Å).
    public var cutoff: Double
    /// Of the pairs of neighbours around an atom in the data, the fraction within r_c of each other,
    /// and their median distance (Å) (see ``CompletenessCheck/neighbourPairs(_:cutoff:)``).
    public var neighbourPairsWithinCutoff: Double
    public var medianNeighbourPairDistance: Double
    /// Radial only, radial + narrow angular (G4), radial + wide angular (G5), in that order.
    public var students: [Student]

    /// The table and what it shows, from the numbers measured.
    var reportLines: [String] {
        var lines = ["Students trained with the scene's recipe on the same \(configurations) teacher configurations (\(epochs) epochs), "
            + "smooth cutoff + tanh, validation errors:"]
        for s in students {
            lines.append(String(format: "  %@ %8.3f meV/atom  %8.1f meV/Å", pad("\(s.descriptors), \(s.inputs) inputs:", 54), s.energyRMSE, s.forceRMSE))
        }
        guard students.count == 3 else { return lines }
        let (radial, narrow, wide) = (students[0], students[1], students[2])
        func ratio(_ a: Double, _ b: Double) -> Double { a / max(b, 1e-300) }
        let (forceGain, energyGain) = (ratio(radial.forceRMSE, wide.forceRMSE), ratio(radial.energyRMSE, wide.energyRMSE))
        lines.append(forceGain > 1.5
            ? String(format: "Angles resolve what distances cannot: with every bond angle in view (G5) the force error is %.1fx "
                + "and the energy error %.1fx smaller than with radial functions alone, which cannot see how the bonds bend.",
                forceGain, energyGain)
            : String(format: "Here even the wide angular student did not clearly beat radial only (force error ratio %.2f, "
                + "energy %.2f): too little data or training to learn the three-body term; try more --configurations and --epochs.",
                forceGain, energyGain))
        lines.append(String(format: "The narrow form of the same functions (G4) counts an angle only when its two "
            + "neighbours are also within r_c = %.2f Å of each other. In these configurations %.0f%% of neighbour pairs are "
            + "(median distance %.2f Å), so the narrow G4 see %@ of the angles: force error %.1fx, energy error %.1fx "
            + "that of radial only.", cutoff, 100 * neighbourPairsWithinCutoff, medianNeighbourPairDistance,
            neighbourPairsWithinCutoff < 0.5 ? "few" : "most", ratio(narrow.forceRMSE, radial.forceRMSE),
            ratio(narrow.energyRMSE, radial.energyRMSE)))
        return lines
    }
}
