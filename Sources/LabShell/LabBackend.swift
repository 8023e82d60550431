import Simulation
import Geometry

/// What the shell drives: the repl's own engine, or the view's background simulation.
public protocol LabBackend {
    /// Carries out `command`. Returns its answer when it is known at once (the repl), nil when it
    /// will appear in the snapshot's message line (the view's background simulation).
    mutating func perform(_ command: SimulationCommand) -> LabMessage?
    /// The simulation as it is now.
    func snapshot() -> Snapshot
}

/// The repl's backend: an engine stepped synchronously, so `run N` returns after N steps; between
/// runs it stays paused.
public struct EngineBackend: LabBackend {
    public private(set) var engine: SimulationEngine
    private var meter = StepRateMeter()

    public init(engine: SimulationEngine) { self.engine = engine }

    public mutating func perform(_ command: SimulationCommand) -> LabMessage? {
        let answer = engine.apply(command)
        guard case let .run(steps) = command, !answer.isError else {
            // The repl steps only on `run`: a load or reset leaves it paused, not "running".
            switch command {
            case .load, .reset: engine.apply(.pause)
            default: break
            }
            return answer
        }
        let clock = ContinuousClock()
        let start = clock.now
        let taken = engine.stepWhileRunning(maxSteps: steps)
        meter.record(steps: taken, duration: clock.now - start)
        if case .paused(.exploded) = engine.runState { return engine.message }
        let snapshot = engine.snapshot()
        return LabMessage(text: "ran \(taken) steps to t = \(fixed(snapshot.time / 1000, 3)) ps; "
                          + "RMS ΔE \(fixed(snapshot.history.rmsDeviationPerAtom, 6)) meV/atom",
                          isError: false, serial: answer.serial)
    }

    public func snapshot() -> Snapshot { engine.snapshot(stepsPerSecond: meter.stepsPerSecond) }
}

/// The view's backend: commands go to the background actor's inbox; answers come back in the
/// snapshot's message line.
public struct ActorBackend: LabBackend {
    public let simulation: Simulation
    /// Sequence number of the last command sent (see ``Simulation/send(_:)``), nil before the first.
    public private(set) var lastSent: Int?
    public init(simulation: Simulation) { self.simulation = simulation }
    public mutating func perform(_ command: SimulationCommand) -> LabMessage? {
        lastSent = simulation.send(command)
        return nil
    }
    public func snapshot() -> Snapshot { simulation.latest() }
}
