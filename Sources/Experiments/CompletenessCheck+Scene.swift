import Foundation
import Descriptors
import Geometry
import Potentials
import Scenes

extension CompletenessCheck {
    /// The check on `scene` (it must have angular functions: silicon), with the two students trained
    /// on the scene's teacher data when `plan` is given.
    public static func run(scene: Scene, plan: TrainingPlan? = nil, progress: (String) -> Void = { _ in }) throws -> CompletenessCheck {
        guard let recipe = scene.student else {
            throw ExerciseError("\(scene.name) has no student NNP (its potential is loaded, not trained)")
        }
        guard !recipe.angularForms.isEmpty else {
            throw ExerciseError("\(scene.name) has no angular symmetry functions to compare with (try silicon)")
        }
        let students = try scene.studentPlan()
        guard let element = recipe.elements.first, recipe.elements.count == 1 else {
            throw ExerciseError("the completeness check builds clusters of one element; \(scene.name) has \(recipe.elements.count)")
        }
        let radial = try students.radialOnly().student.symmetryFunctions(.smooth)
        // In the two clusters the neighbours are beyond r_c of each other, where a narrow G4 (with
        // f_c(R_jk)) vanishes; the wide form (silicon's own) with the same η, ζ, λ sees the angles.
        let wide = try students.angular(.wide).student.symmetryFunctions(.smooth)
        var check = try run(teacher: students.teacher, radial: radial, full: wide, element: element)
        if let plan {
            check.students = try compareStudents(students.reduced(configurations: plan.configurations, epochs: plan.epochs),
                                                 progress: progress)
        }
        return check
    }

    /// Differences of symmetry functions (dimensionless, of order 1) below this are rounding.
    static let descriptorTolerance = 1e-10
    /// Energy differences (eV) below this are rounding for a five-atom cluster.
    static let energyTolerance = 1e-9

    /// Whether the radial fingerprints of the two clusters agree to rounding, as measured.
    public var radialFingerprintsIdentical: Bool { radialDifference <= Self.descriptorTolerance }
    /// Whether the angular functions of the two centres differ beyond rounding, as measured.
    public var angularFunctionsDiffer: Bool { angularDifference > Self.descriptorTolerance }
    /// Whether the teacher gives the two clusters different energies, as measured.
    public var teacherEnergiesDiffer: Bool { abs(energyDifference) > Self.energyTolerance }

    /// The conclusion, each clause decided by the numbers measured (never assumed from the construction).
    var verdict: String {
        var text = radialFingerprintsIdentical
            ? String(format: "Radial fingerprints: identical (largest difference over every atom and radial function %.1e). ", radialDifference)
            : String(format: "Radial fingerprints: NOT identical (they differ by up to %.3e), so this pair of clusters does not "
                     + "show the loss of information here. ", radialDifference)
        text += teacherEnergiesDiffer
            ? String(format: "Teacher (%@): energies differ by %.4f eV. ", teacher, energyDifference)
            : String(format: "Teacher (%@): the two energies agree (difference %.1e eV), so nothing here needs the angles. ",
                     teacher, energyDifference)
        if radialFingerprintsIdentical && teacherEnergiesDiffer {
            text += "A network that sees only radial G must give both the same energy: the information is lost before the network starts. "
        }
        text += angularFunctionsDiffer
            ? String(format: "The angular functions differ by up to %.4f, so a network that sees them can tell the two apart. ", angularDifference)
            : String(format: "The angular functions do not tell them apart either (largest difference %.1e). ", angularDifference)
        return text + "(These are the scene's angular parameters in the wide form, G5; the narrow G4 also needs the two "
            + "neighbours within r_c of each other, and is zero in both clusters.)"
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
        lines.append(verdict)
        if let students { lines += [""] + students.reportLines }
        return lines.joined(separator: "\n")
    }
}
