import Foundation
import Descriptors
import Geometry
import Potentials
import Training

extension Scene {
    /// The `[student]` table as a ``StudentRecipe`` for `elements` (the structure's): every radial
    /// function for every neighbour element and every angular function for every pair of neighbour
    /// elements, the same list for every central element; at most 1000 parameter combinations.
    static func parseStudent(_ t: SceneTable, teacher: TeacherModel, elements: [Element], folder: URL) throws -> StudentRecipe {
        let range = teacher.range ?? .infinity
        let cutoff = try t.double("cutoff", "a cutoff in Å \(SceneLimits.describe(SceneLimits.cutoff)) no longer than the teacher's range (\(range) Å)",
                                  where: { SceneLimits.cutoff.contains($0) && $0 <= range })
        // n2p2's cutoff_alpha: every cutoff shape but the step is 1 inside α·r_c and tapers over [α·r_c, r_c].
        let innerFraction = try t.double("inner_cutoff", default: 0, "an inner cutoff fraction α with 0 ≤ α < 1",
                                         where: { $0 >= 0 && $0 < 1 })
        // (η, r_s) of each radial function and (η, ζ, λ, form) of each angular one, as the grids expand.
        var radial: [(eta: Double, center: Double)] = []
        for r in try t.tables("radial") {
            let etas = try r.doublesOrScalar("eta", "a positive η in Å⁻² at most 1000 (or a list)", where: { $0 > 0 && $0 <= SceneLimits.eta.upperBound })
            let centers = try r.doublesOrScalar("r_s", "a centre r_s in Å within [0, r_c]", where: { $0 >= 0 && $0 <= cutoff })
            try r.finish()
            guard etas.count * centers.count <= 1000 - radial.count else {
                throw r.tableError("student.radial: expected at most 1000 symmetry functions, got \(etas.count)×\(centers.count) more")
            }
            for eta in etas { for c in centers { radial.append((eta, c)) } }
        }
        var angular: [(eta: Double, zeta: Double, lambda: Double, form: SymmetryFunction.AngularForm)] = []
        for a in try t.tables("angular") {
            let etas = try a.doublesOrScalar("eta", "a non-negative η in Å⁻² at most 1000 (or a list)", where: SceneLimits.eta.contains)
            let zetas = try a.doublesOrScalar("zeta", "ζ \(SceneLimits.describe(SceneLimits.zeta)) (or a list)", where: SceneLimits.zeta.contains)
            let lambdas = try a.doublesOrScalar("lambda", "λ = 1 or -1 (or a list)", where: { $0 == 1 || $0 == -1 })
            let form = try a.choice("form", default: SymmetryFunction.AngularForm.narrow)
            try a.finish()
            guard etas.count * zetas.count * lambdas.count <= 1000 - angular.count else {
                throw a.tableError("student.angular: expected at most 1000 symmetry functions, got \(etas.count)×\(zetas.count)×\(lambdas.count) more")
            }
            for eta in etas { for z in zetas { for l in lambdas { angular.append((eta, z, l, form)) } } }
        }
        guard !radial.isEmpty || !angular.isEmpty else {
            throw t.tableError("student: expected at least one [[student.radial]] or [[student.angular]] table, got none")
        }
        guard radial.count + angular.count <= 1000 else {
            throw t.tableError("student: expected at most 1000 symmetry functions, got \(radial.count + angular.count)")
        }
        let hidden = try t.ints("hidden", "hidden layer widths, positive integers at most 1024", where: { $0 > 0 && $0 <= 1024 })
        guard hidden.count <= 8 else { throw t.error("hidden", "expected at most 8 hidden layers, got \(hidden.count)") }
        let training = try t.table("training")
        let samplingStart = try parseSamplingStart(training, elements: elements, folder: folder)
        let (sampling, settings) = try parseTraining(training)
        try t.finish()

        var list: [SymmetryFunction] = []
        for j in elements {
            list += radial.map { .radial(.init(neighbor: j, eta: $0.eta, shift: $0.center, cutoff: cutoff)) }
        }
        for (a, j) in elements.enumerated() {
            for k in elements[a...] {
                list += angular.map {
                    .angular(.init(neighbors: j, k, eta: $0.eta, lambda: $0.lambda, zeta: $0.zeta, cutoff: cutoff), form: $0.form)
                }
            }
        }
        let set: SymmetryFunctionSet
        do {
            set = try SymmetryFunctionSet(cutoffShape: StudentRecipe.canonicalShape, innerFraction: innerFraction,
                                          functions: Dictionary(uniqueKeysWithValues: elements.map { ($0, list) }))
        } catch {
            // Every parameter was checked above and the structure has atoms; this guards the set's own rules.
            throw t.tableError("student: expected a valid set of symmetry functions, got \(error)")
        }
        return StudentRecipe(symmetryFunctions: set, hiddenLayers: hidden, sampling: sampling, settings: settings,
                             samplingStart: samplingStart)
    }

    /// The optional `[student.training.start]` table: the structure the sampling chains start from, in
    /// `[structure]`'s own form (a lattice or a file). Its elements must be the scene's: the students
    /// have networks for those only.
    static func parseSamplingStart(_ training: SceneTable, elements: [Element], folder: URL) throws -> AtomicSystem? {
        guard let t = try training.optionalTable("start") else { return nil }
        let start = try parseStructure(t, folder: folder).system
        if let stranger = start.distinctElements.first(where: { !elements.contains($0) }) {
            throw t.tableError("student.training.start: expected only the structure's elements (\(elements.map(\.symbol).joined(separator: " "))), got \(stranger.symbol)")
        }
        return start
    }
}
