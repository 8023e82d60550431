import Foundation
import Potentials
import Scenes

extension TimestepCheck {
    /// The models compared for `scene` until shipped students are at hand: the teacher cut at the
    /// student's r_c in the three ways (Lennard-Jones scenes), else the teacher itself.
    public static func candidates(for scene: Scene) throws -> [DriftCandidate] {
        let cut = try DriftExperiment.truncatedTeachers(scene)
        if !cut.isEmpty { return cut }
        return [DriftCandidate(cutoff: .smooth, activation: "teacher", potential: try scene.teacherPotential())]
    }

    /// The table, the slopes and what they mean, and a log-log plot.
    public var report: String {
        var lines = [String(format: "RMS fluctuation of E_total per atom (meV/atom) over %.2f ps of NVE from one state (%d atoms), "
            + "against the time step:", duration, atomCount)]
        lines.append(pad("model", 18) + timeSteps.map { pad(String(format: "Δt %g fs", $0), 12) }.joined() + "slope")
        for r in rows {
            lines.append(pad(r.model, 18) + r.fluctuations.map { pad(String(format: "%.3e", $0), 12) }.joined()
                         + String(format: "%.2f  %@", r.slope, TimestepCheck.verdict(r.slope)))
        }
        lines.append("Velocity Verlet follows a nearby 'shadow' energy surface whose distance from the true one grows as Δt²; "
            + "that holds only where the surface is smooth. Where the energy jumps (step cutoff) each crossing adds its jump "
            + "whatever Δt; where only the force jumps (kinked cutoff, ReLU) each crossing adds an error that shrinks more "
            + "slowly than Δt².")
        lines.append("")
        lines.append(plot())
        return lines.joined(separator: "\n")
    }

    /// An ASCII log-log plot: one letter per model (a, b, c…), Δt across, fluctuation up.
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
                grid[row][col] = letters[m % letters.count]
            }
        }
        var out = [String(format: "log10 fluctuation (meV/atom), from %.1f to %.1f; log10 Δt (fs) from %.2f to %.2f", y0, top, x0, x1)]
        for (k, line) in grid.enumerated() {
            let label = k == 0 ? String(format: "%6.1f", top) : k == height - 1 ? String(format: "%6.1f", y0) : "      "
            out.append(label + " |" + String(line))
        }
        out.append("       +" + String(repeating: "-", count: width))
        out.append("        " + rows.enumerated().map { "\(letters[$0.offset % letters.count]) = \($0.element.model)" }.joined(separator: ", "))
        return out.joined(separator: "\n")
    }
}

extension TimestepCheck {
    /// The scene's time steps for the check: its Δt times 1/4, 1/2, 1 and 2, fs.
    public static func defaultTimeSteps(for scene: Scene) -> [Double] { [0.25, 0.5, 1, 2].map { $0 * scene.md.timeStep } }

    /// The check on `scene`: its models (``candidates(for:)``) from its equilibrated initial state,
    /// NVE for `duration` ps at every Δt (default ``defaultTimeSteps(for:)``).
    public static func run(scene: Scene, timeSteps: [Double]? = nil, duration: Double = 1,
                           progress: (String) -> Void = { _ in }) throws -> TimestepCheck {
        let teacher = try scene.teacherPotential()
        let initial = try scene.initialState(teacher: teacher)
        return try run(try candidates(for: scene), from: initial, timeSteps: timeSteps ?? defaultTimeSteps(for: scene),
                       duration: duration, seed: scene.md.seed, progress: progress)
    }
}
