import Geometry
/// How fast the lab plays the simulation: at most so many picoseconds of simulated time per second
/// of wall-clock time, or as fast as the machine steps.
///
/// Why a cap: 108 argon atoms step at tens of thousands of steps/s under Lennard-Jones (a few
/// thousand under a student NNP), so the energy plot's 2 ps window would scroll past in a fraction of
/// a second. At the default 1 ps/s a lecture audience sees the trace cross the plot in two seconds
/// and the atoms jiggle at a watchable pace. The benchmark and
/// `view --headless` always step unthrottled.
public enum Pace: Sendable, Hashable, CustomStringConvertible {
    /// At most this many ps of simulated time per wall-clock second.
    case picosecondsPerSecond(Double)
    /// As fast as the simulation steps.
    case unlimited

    /// What the lab opens with: 1 ps/s.
    public static let lectureDefault = Pace.picosecondsPerSecond(1)
    /// Caps the lab accepts, ps/s.
    public static let allowedRange = 0.001...1000.0

    /// Reads a speed as users type it (`--speed`, `set speed`): "max" (or "unlimited"), or a positive
    /// number of ps per second. Nil for anything else; the range check is ``allowedRange``'s.
    public init?(parsing text: String) {
        if ["max", "unlimited"].contains(text.lowercased()) {
            self = .unlimited
        } else if let rate = Double(text), rate.isFinite, rate > 0 {
            self = .picosecondsPerSecond(rate)
        } else {
            return nil
        }
    }

    /// "1 ps/s", "0.25 ps/s", "max".
    public var description: String {
        switch self {
        case let .picosecondsPerSecond(rate): "\(formattedTime(rate)) ps/s"
        case .unlimited: "max"
        }
    }

    /// Simulated fs per wall-clock second (infinite when unlimited).
    public var femtosecondsPerSecond: Double {
        switch self {
        case let .picosecondsPerSecond(rate): rate * 1000
        case .unlimited: .infinity
        }
    }
}

/// Spends a pace's allowance of simulated time as steps: a token bucket in fs that fills at the pace
/// and empties by Δt per step, holding at most ``burst`` seconds' worth (at least one step) so a pause or
/// a slow frame never releases a rush of steps. Times are wall-clock seconds from any fixed origin.
public struct PaceLimiter: Sendable {
    /// Seconds of allowance the bucket holds at most.
    public var burst = 0.05
    private var credit = 0.0
    private var lastTime: Double?

    public init() {}

    /// Steps of `timeStep` fs allowed at wall time `now` under `pace` (Int.max when unlimited).
    public mutating func allowance(now: Double, pace: Pace, timeStep: Double) -> Int {
        let rate = pace.femtosecondsPerSecond
        guard rate.isFinite else { return .max }
        if let lastTime { credit += rate * max(now - lastTime, 0) }
        lastTime = now
        credit = min(credit, max(rate * burst, timeStep))
        guard timeStep > 0 else { return 0 }
        return Int((credit / timeStep).rounded(.down))
    }

    /// Takes `steps` steps of `timeStep` fs out of the bucket.
    public mutating func spend(steps: Int, timeStep: Double) {
        credit = max(credit - Double(steps) * timeStep, 0)
    }

    /// Forgets the time: the next ``allowance(now:pace:timeStep:)`` starts from an empty bucket
    /// (after a pause, nothing has been earned).
    public mutating func restart() {
        credit = 0
        lastTime = nil
    }
}
