import Geometry
/// Steps per second of wall-clock time, smoothed: an exponential moving average over chunks of steps
/// weighted by the chunks' durations (time constant ~1 s), so a slow chunk does not dominate.
public struct StepRateMeter: Sendable {
    public private(set) var stepsPerSecond = 0.0
    private var weight = 0.0

    public init() {}

    /// Adds a chunk of `steps` that took `duration`.
    public mutating func record(steps: Int, duration: Duration) {
        let seconds = duration.inSeconds
        guard steps > 0, seconds > 0 else { return }
        let rate = Double(steps) / seconds
        // The chunk's share of the (at most 1 s) window seen so far: 1 for the first chunk.
        let alpha = seconds / (weight + seconds)
        stepsPerSecond = (1 - alpha) * stepsPerSecond + alpha * rate
        weight = min(weight + seconds, 1.0)
    }
}
