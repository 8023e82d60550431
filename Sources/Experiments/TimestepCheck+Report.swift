import Dynamics
import Foundation
import Geometry
import Potentials
import Scenes
import Training
import Descriptors

extension TimestepCheck {
    /// The models compared for `scene` and what they are, in words: the scene's student models (every
    /// cutoff × activation, shipped beside the scene or in `folder`). When any model file is missing,
    /// the teacher cut at the student's r_c in the three ways (Lennard-Jones scenes), else the teacher
    /// itself, and the words say which files are missing. A model file that is there but unreadable
    /// throws (``StudentModelError``).
    public static func candidates(for scene: Scene, folder: URL? = nil) throws -> (models: [DriftCandidate], description: String) {
        if scene.student != nil {
            let directory = folder ?? scene.modelsDirectory
            let missing = ModelChoice.all.filter { v in
                !FileManager.default.fileExists(atPath: scene.modelFile(v.cutoff, v.activation, in: folder).path)
            }
            if missing.isEmpty {
                return (try DriftExperiment.studentModels(scene, folder: folder),
                        "the scene's student models from \(directory.path)")
            }
            let names = missing.map(\.name).joined(separator: ", ")
            let fallback = try teacherCandidates(scene)
            return (fallback.models, "no student models (missing in \(directory.path): \(names); `nnplab train \(scene.name)` "
                    + "makes them), so \(fallback.description) instead")
        }
        let fallback = try teacherCandidates(scene)
        return (fallback.models, "\(scene.name) has no student, so \(fallback.description)")
    }

    /// The teacher cut at the student's r_c three ways, or the teacher alone when it cannot be re-cut.
    static func teacherCandidates(_ scene: Scene) throws -> (models: [DriftCandidate], description: String) {
        let cut = try DriftExperiment.truncatedTeachers(scene)
        if !cut.isEmpty { return (cut, "the teacher cut at the student's r_c three ways") }
        return ([DriftCandidate(cutoff: .smooth, activation: "teacher", potential: try scene.teacherPotential())], "the teacher itself")
    }

    /// The table, the slopes and what they mean, and a log-log plot.
    public var report: String {
        var lines = [String(format: "RMS fluctuation of E_total per atom (meV/atom), NVE for %.2f ps from each of %d equilibrium "
            + "starts (%d atoms, pooled as √mean RMS²), against the time step.", duration, starts, atomCount)]
        if !models.isEmpty { lines.append("Models: \(models).") }
        lines.append(pad("model", 18) + timeSteps.map { pad(String(format: "Δt %g fs", $0), 12) }.joined() + "slope")
        for r in rows {
            lines.append(pad(r.model, 18) + r.fluctuations.map { pad(String(format: "%.3e", $0), 12) }.joined()
                         + String(format: "%.2f  %@", r.slope, TimestepCheck.verdict(r.slope)))
        }
        lines.append("Velocity Verlet follows a nearby 'shadow' energy surface whose distance from the true one grows as Δt² "
            + "(slope 2), but only where the surface is smooth. Where the energy jumps (step cutoff) each crossing adds "
            + "its whole jump whatever Δt (slope 0). Where only the force jumps (kinked cutoff, ReLU hinges) each jump "
            + "crossed adds an error of about ΔF·v·Δt with a random sign, and these add up like a random walk (slope 1); "
            + "a model whose kinks are few or weak lands between 1 and 2, its smooth part's Δt² error being comparable.")
        lines.append("")
        lines.append(plot())
        return lines.joined(separator: "\n")
    }

    /// An ASCII log-log plot: one letter per model (a, b, c…; * where several fall on one cell), Δt across,
    /// fluctuation up.
    public func plot(width: Int = 56, height: Int = 14) -> String {
        let xs = timeSteps.map(log10)
        let ys = rows.flatMap(\.fluctuations).filter { $0 > 0 }.map(log10)
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max(), x1 > x0 else { return "" }
        let top = max(y1, y0 + 1e-9)
        var grid = Array(repeating: Array(repeating: Character(" "), count: width), count: height)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        for (m, r) in rows.enumerated() {
            for (x, y) in zip(xs, r.fluctuations) where y > 0 {
                let col = Int(((x - x0) / (x1 - x0) * Double(width - 1)).rounded())
                let row = height - 1 - Int(((log10(y) - y0) / (top - y0) * Double(height - 1)).rounded())
                let letter = letters[m % letters.count]
                grid[row][col] = grid[row][col] == " " || grid[row][col] == letter ? letter : "*"
            }
        }
        var out = [String(format: "log10 fluctuation (meV/atom), from %.1f to %.1f; log10 Δt (fs) from %.2f to %.2f", y0, top, x0, x1)]
        for (k, line) in grid.enumerated() {
            let label = k == 0 ? String(format: "%6.1f", top) : k == height - 1 ? String(format: "%6.1f", y0) : "      "
            out.append(label + " |" + String(line))
        }
        out.append("       +" + String(repeating: "-", count: width))
        out.append("        " + rows.enumerated().map { "\(letters[$0.offset % letters.count]) = \($0.element.model)" }.joined(separator: ", ")
                   + ", * = several")
        return out.joined(separator: "\n")
    }
}

extension TimestepCheck {
    /// Length of each run (ps) and number of starts by default: on argon's six students, 4 × 4 × 6
    /// runs of 0.25 ps take about 6 s on two cores (release) and fit the slopes to about ±0.2.
    public static let defaultDuration = 0.25, defaultStarts = 4

    /// The scene's time steps for the check: its Δt times 1/2, 1, 2 and 4, fs.
    public static func defaultTimeSteps(for scene: Scene) -> [Double] { [0.5, 1, 2, 4].map { $0 * scene.md.timeStep } }

    /// `count` starts for the check: the scene's equilibrated state (``Scene/initialState(teacher:seed:)``),
    /// then the same positions with fresh Maxwell-Boltzmann velocities at the scene's temperature
    /// (seeds md.seed + k). Positions and momenta are independent in the canonical ensemble, so each
    /// is an equilibrium state, and the trajectories part within a fraction of a picosecond.
    public static func starts(_ scene: Scene, teacher: any Potential, count: Int) throws -> [AtomicSystem] {
        let base = try scene.initialState(teacher: teacher)
        return [base] + (1..<max(count, 1)).map { k in
            var start = base
            start.assignMaxwellBoltzmannVelocities(temperature: scene.md.temperature, seed: scene.md.seed &+ UInt64(k))
            return start
        }
    }

    /// The check on `scene`: its models (``candidates(for:folder:)``) from ``starts(_:teacher:count:)``,
    /// NVE for `duration` ps at every Δt (default ``defaultTimeSteps(for:)``).
    public static func run(scene: Scene, folder: URL? = nil, timeSteps: [Double]? = nil, duration: Double = defaultDuration,
                           starts count: Int = defaultStarts,
                           progress: (String) -> Void = { _ in }) throws -> TimestepCheck {
        let teacher = try scene.teacherPotential()
        let (models, description) = try candidates(for: scene, folder: folder)
        return try run(models, from: try starts(scene, teacher: teacher, count: count), timeSteps: timeSteps ?? defaultTimeSteps(for: scene),
                       duration: duration, seed: scene.md.seed, models: description, progress: progress)
    }
}
