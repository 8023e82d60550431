import Foundation
import Geometry
import Potentials
import Training

/// The time-step exercise: velocity Verlet conserves a smooth potential's energy up to an error
/// that shrinks as Δt², so the RMS fluctuation of E_total against Δt is a line of slope 2 on log-log
/// axes. A step cutoff's energy jumps do not shrink with Δt (slope 0). A kinked cutoff's or ReLU's
/// force jumps cost ≈ ΔF·v·Δt·(θ − ½) each (θ where in the step the jump falls), a random walk that
/// scales as Δt (slope 1), plus the smooth part's Δt².
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
    /// Length of each run, ps.
    public var duration: Double
    public var atomCount: Int
    /// Independent starts pooled into every fluctuation (one run per start, model and Δt).
    public var starts: Int
    /// Which models the rows are, in words ("the scene's student models from …", or why not).
    public var models: String
    public var rows: [Row]

    /// NVE runs of every candidate at every Δt, each for `duration` ps from each of `starts` (positions
    /// Å, velocities Å/fs), on all cores. A row's fluctuation at one Δt pools the starts:
    /// √(mean over starts of RMS²). Pooling matters: where the error is a random walk (jumps at
    /// cutoff crossings or ReLU switches) one run's RMS scatters by tens of per cent. `models` says in
    /// words what the candidates are. Throws for a Δt ≤ 0, fewer than two time steps, or no start.
    public static func run(_ candidates: [DriftCandidate], from starts: [AtomicSystem], timeSteps: [Double],
                           duration: Double, seed: UInt64 = 1, models: String = "",
                           progress: (String) -> Void = { _ in }) throws -> TimestepCheck {
        guard timeSteps.count >= 2, timeSteps.allSatisfy({ $0 > 0 && $0.isFinite }), duration > 0, let first = starts.first else {
            throw ExerciseError("the time-step check needs at least two positive time steps, a positive duration and a start")
        }
        progress("\(candidates.count) models × \(timeSteps.count) time steps × \(starts.count) starts, \(duration) ps each")
        let perModel = timeSteps.count * starts.count
        let runs = parallelMap(candidates.count * perModel) { k in
            Result {
                let (m, t, s) = (k / perModel, (k % perModel) / starts.count, k % starts.count)
                return try DriftExperiment(timeStep: timeSteps[t], duration: duration, countsHiddenUnitSwitches: false)
                    .run(candidates[m], from: starts[s], seed: seed).rmsDeviation
            }
        }
        let values = try runs.map { try $0.get() }
        let rows = candidates.enumerated().map { m, c -> Row in
            let pooled = timeSteps.indices.map { t -> Double in
                let own = values[(m * perModel + t * starts.count)..<(m * perModel + (t + 1) * starts.count)]
                return (own.reduce(0) { $0 + $1 * $1 } / Double(starts.count)).squareRoot()
            }
            return Row(model: "\(c.cutoff)/\(c.activation)", fluctuations: pooled, slope: logLogSlope(timeSteps, pooled))
        }
        return TimestepCheck(timeSteps: timeSteps, duration: duration, atomCount: first.count, starts: starts.count,
                             models: models, rows: rows)
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

    /// How a slope reads: ≥ 1.75 "≈ Δt²" (smooth), ≤ 0.4 "flat" (the energy jumps), else "in between"
    /// (the force jumps; kinks alone give slope 1).
    public static func verdict(_ slope: Double) -> String {
        if slope >= 1.75 { return "≈ Δt²: smooth, Verlet's error shrinks with the square of the step" }
        if slope <= 0.4 { return "flat: the energy itself jumps, a smaller step does not help" }
        return "in between: the force jumps, each jump crossed costs an error ∝ Δt"
    }
}
