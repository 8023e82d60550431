import Geometry
/// Runs an engine without a screen for a wall-clock duration: `nnplab view --headless` and the
/// lab benchmark's reference speed.
public struct HeadlessRun: Sendable {
    /// Steps taken.
    public var steps: Int
    /// Wall-clock seconds spent stepping.
    public var seconds: Double
    /// The final state.
    public var snapshot: Snapshot

    public var stepsPerSecond: Double { seconds > 0 ? Double(steps) / seconds : 0 }

    /// Steps `engine` for about `duration` (or until it pauses itself, e.g. on an explosion).
    public static func run(_ engine: SimulationEngine, for duration: Duration) -> HeadlessRun {
        var engine = engine
        let clock = ContinuousClock()
        let start = clock.now
        var steps = 0
        while clock.now - start < duration, engine.runState == .running {
            steps += engine.stepWhileRunning(maxSteps: 1)
        }
        let elapsed = clock.now - start
        let seconds = elapsed.inSeconds
        return HeadlessRun(steps: steps, seconds: seconds,
                           snapshot: engine.snapshot(stepsPerSecond: seconds > 0 ? Double(steps) / seconds : 0))
    }
}
