import Foundation
import Geometry
import Potentials

/// The time-step exercise: velocity Verlet conserves a smooth potential's energy up to an error
/// that shrinks as Δt², so the RMS fluctuation of E_total against Δt is a line of slope 2 on log-log
/// axes. A step cutoff's jumps do not shrink with Δt (slope near 0); a kinked cutoff's or ReLU's
/// force jumps give something in between.
/// Units: Δt fs, run length ps, fluctuation meV/atom (√⟨(E(t) − E(0))²⟩/N).
public struct TimestepCheck: Sendable, Codable {
    /// One model's fluctuation at every Δt and the fitted slope.
    public struct Row: Sendable, Codable, Equatable {
        /// "smooth/tanh", "kinked/teacher", …
        public var model: String
        public var fluctuations: [Double]
        /// Least-squares slope of log(fluctuation) against log(Δt).
        public var slope: Double
    }

    public var timeSteps: [Double]
    public var duration: Double
    public var atomCount: Int
    public var rows: [Row]

    /// NVE runs of every candidate at every Δt, each for `duration` ps from `initial` (the same
    /// positions and velocities every time). Throws for a Δt ≤ 0 or fewer than two time steps.
    public static func run(_ candidates: [DriftCandidate], from initial: AtomicSystem, timeSteps: [Double],
                           duration: Double, seed: UInt64 = 1, progress: (String) -> Void = { _ in }) throws -> TimestepCheck {
        guard timeSteps.count >= 2, timeSteps.allSatisfy({ $0 > 0 && $0.isFinite }), duration > 0 else {
            throw ExerciseError("the time-step check needs at least two positive time steps and a positive duration")
        }
        let rows = try candidates.map { c -> Row in
            let name = "\(c.cutoff)/\(c.activation)"
            let values = try timeSteps.map { dt -> Double in
                progress("\(name): Δt = \(dt) fs")
                return try DriftExperiment(timeStep: dt, duration: duration).run(c, from: initial, seed: seed).rmsDeviation
            }
            return Row(model: name, fluctuations: values, slope: logLogSlope(timeSteps, values))
        }
        return TimestepCheck(timeSteps: timeSteps, duration: duration, atomCount: initial.count, rows: rows)
    }

    /// Least-squares slope of log y against log x over the points with y > 0 (0 with fewer than two).
    public static func logLogSlope(_ x: [Double], _ y: [Double]) -> Double {
        let points = zip(x, y).filter { $0.0 > 0 && $0.1 > 0 }.map { (log($0.0), log($0.1)) }
        guard points.count >= 2 else { return 0 }
        let n = Double(points.count)
        let mx = points.map(\.0).reduce(0, +) / n, my = points.map(\.1).reduce(0, +) / n
        let sxy = points.reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = points.reduce(0) { $0 + ($1.0 - mx) * ($1.0 - mx) }
        return sxx > 0 ? sxy / sxx : 0
    }

    /// How a slope reads: "≈ Δt²: smooth", "flat: jumps", or "in between".
    public static func verdict(_ slope: Double) -> String {
        if slope > 1.6 { return "≈ Δt²: a smooth surface, Verlet's error shrinks with the step" }
        if slope < 0.5 { return "flat: jumps in the energy itself, a smaller step does not help" }
        return "in between: jumps in the force, partly helped by a smaller step"
    }
}
