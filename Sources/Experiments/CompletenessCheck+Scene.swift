import Foundation
import Descriptors
import Geometry
import Potentials
import Scenes

extension CompletenessCheck {
    /// The check on `scene` (it must have angular functions: silicon), with the two students trained
    /// on the scene's teacher data when `plan` is given.
    public static func run(scene: Scene, plan: TrainingPlan? = nil, progress: (String) -> Void = { _ in }) throws -> CompletenessCheck {
        guard let spec = scene.student?.descriptors else {
            throw ExerciseError("\(scene.name) has no student NNP (its potential is loaded, not trained)")
        }
        guard !spec.angular.isEmpty else {
            throw ExerciseError("\(scene.name) has no angular symmetry functions to compare with (try silicon)")
        }
        let students = try scene.studentPlan()
        guard let element = students.elements.first, students.elements.count == 1 else {
            throw ExerciseError("the completeness check builds clusters of one element; \(scene.name) has \(students.elements.count)")
        }
        let radial = try students.radialOnly.symmetryFunctions(.smooth)
        // In the two clusters the neighbours are beyond r_c of each other, where a narrow G4 (with
        // f_c(R_jk)) vanishes; the wide form (silicon's own) with the same η, ζ, λ sees the angles.
        let wide = try students.angular(.wide).symmetryFunctions(.smooth)
        var check = try run(teacher: students.teacher, radial: radial, full: wide, element: element)
        if let plan {
            check.students = try compareStudents(students.reduced(configurations: plan.configurations, epochs: plan.epochs),
                                                 progress: progress)
        }
        return check
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
            + "network that sees them can tell the two apart. (These are the scene's angular parameters in the wide form, G5; "
            + "the narrow G4 also needs the two neighbours within r_c of each other, and is zero in both clusters.)", radialDifference, teacher, energyDifference, angularDifference))
        if let students { lines += [""] + students.reportLines }
        return lines.joined(separator: "\n")
    }
}
