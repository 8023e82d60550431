import Descriptors
import Dynamics
import Geometry
import Potentials

/// The lab's simulation as a plain value: a scene's catalog, the chosen model, MD settings, the MD
/// state, the energy history and the run state. Synchronous and deterministic; the ``Simulation``
/// actor drives it in the background for the view, the repl drives it directly.
public struct SimulationEngine: Sendable {
    public internal(set) var catalog: any ModelCatalog
    public internal(set) var choice: ModelChoice
    public internal(set) var settings: RunSettings
    public internal(set) var state: MDState
    public internal(set) var history: EnergyHistory
    public internal(set) var trajectory: TrajectoryRecording
    public internal(set) var runState: RunState = .running
    public private(set) var message: LabMessage?
    public internal(set) var modelSummary: String
    /// How fast the view plays the simulation (the ``Simulation`` actor honours it; stepping the
    /// engine directly, as the repl and the benchmark do, never waits).
    public internal(set) var pace: Pace = .lectureDefault
    /// Watches the current model's inputs for extrapolation (nil for a potential without a training range).
    var extrapolation: ExtrapolationMonitor?
    /// Which of its warnings reach the message line.
    var extrapolationNews = ExtrapolationNews()
    var evaluator: ForceEvaluator
    var integrator: any Integrator
    var explosionGuard: ExplosionGuard
    var remainingRunSteps: Int?
    private var messageSerial = 0

    /// Starts `catalog`'s scene with its default model, running.
    public init(catalog: any ModelCatalog) throws {
        try self.init(catalog: catalog, choice: catalog.defaultChoice, settings: catalog.settings,
                      system: catalog.initialSystem)
    }

    /// Starts `system` under `catalog`, `choice` and `settings`, running, with a fresh history.
    private init(catalog: any ModelCatalog, choice: ModelChoice, settings: RunSettings, system: AtomicSystem) throws {
        let potential = try catalog.potential(for: choice)
        var evaluator = try ForceEvaluator(potential: potential, system: system)
        integrator = settings.integrator
        state = integrator.initialState(system, evaluator: &evaluator, seed: settings.seed)
        self.evaluator = evaluator
        self.catalog = catalog
        self.choice = choice
        self.settings = settings
        modelSummary = potential.summary
        extrapolation = ExtrapolationMonitor(potential)
        history = EnergyHistory(atomCount: system.count)
        trajectory = TrajectoryRecording()
        explosionGuard = ExplosionGuard(temperature: settings.temperature)
        recordCurrentState()
    }

    /// Steps while running, at most `maxSteps` times; stops early when a `run N` completes or the run
    /// blows up (then pauses with a message saying why). Returns the number of steps taken.
    @discardableResult
    public mutating func stepWhileRunning(maxSteps: Int) -> Int {
        var taken = 0
        while taken < maxSteps, runState == .running {
            integrator.step(&state, evaluator: &evaluator)
            taken += 1
            recordCurrentState()
            watchExtrapolation()
            if let explosion = explosionGuard.inspect(state, timeStep: settings.timeStep) {
                runState = .paused(.exploded(explosion))
                remainingRunSteps = nil
                post("step \(state.step): \(explosion); paused, press r to reset", isError: true)
                break
            }
            if let left = remainingRunSteps {
                if left <= 1 {
                    remainingRunSteps = nil
                    runState = .paused(.finishedRun)
                } else {
                    remainingRunSteps = left - 1
                }
            }
        }
        return taken
    }

    /// The state as the lab displays it. `stepsPerSecond` is measured by the caller.
    public func snapshot(stepsPerSecond: Double = 0, generation: Int = 0) -> Snapshot {
        Snapshot(sceneName: catalog.sceneName, choice: choice, cutoffs: catalog.cutoffs,
                 activations: catalog.activations, modelSummary: modelSummary, potential: evaluator.potential,
                 sourceScene: catalog.sourceScene, extrapolationSummary: extrapolation?.summary, pace: pace,
                 settings: settings,
                 step: state.step, time: state.time, system: state.system,
                 potentialEnergy: state.potentialEnergy, kineticEnergy: state.kineticEnergy,
                 temperature: state.temperature, history: history, trajectory: trajectory,
                 runState: runState, stepsPerSecond: stepsPerSecond, message: message, generation: generation)
    }

    /// Adds the current energies to the history and, on the stride, the atoms to the trajectory.
    mutating func recordCurrentState() {
        recordEnergy()
        trajectory.offer(step: state.step, time: state.time, system: state.system,
                         energy: state.potentialEnergy, forces: state.result.forces)
    }

    /// Adds the current energies to the history (after a setting changed them mid-step).
    mutating func recordEnergy() {
        history.append(EnergySample(state))
    }

    /// Shows `text` in the message line (and returns it, for the repl).
    @discardableResult
    mutating func post(_ text: String, isError: Bool = false) -> LabMessage {
        messageSerial += 1
        let posted = LabMessage(text: text, isError: isError, serial: messageSerial)
        message = posted
        return posted
    }

    /// Restarts from `system` under `catalog`, `choice` and `settings`: a fresh engine (new evaluator,
    /// state, history, trajectory, running) that keeps only the pace and the message line's serial.
    mutating func restart(catalog: any ModelCatalog, choice: ModelChoice, settings: RunSettings,
                          system: AtomicSystem) throws {
        var fresh = try SimulationEngine(catalog: catalog, choice: choice, settings: settings, system: system)
        fresh.pace = pace
        fresh.message = message
        fresh.messageSerial = messageSerial
        self = fresh
    }
}
