import Descriptors
import Dynamics
import Geometry
import Potentials
import Experiments
import Scenes

/// The lab's simulation as a plain value: a scene's catalog, the chosen model, MD settings, the MD
/// state, the energy history and the run state. Synchronous and deterministic; the ``Simulation``
/// actor drives it in the background for the view, the repl drives it directly.
public struct SimulationEngine: Sendable {
    public internal(set) var catalog: any ModelCatalog
    public internal(set) var choice: ModelChoice
    public internal(set) var settings: RunSettings
    public internal(set) var runState: RunState = .running
    public private(set) var message: LabMessage?
    public internal(set) var modelSummary: String
    /// How fast the view plays the simulation (the ``Simulation`` actor honours it; stepping the
    /// engine directly, as the repl and the benchmark do, never waits).
    public internal(set) var pace: Pace = .lectureDefault
    /// The run: integrator, potential and state, with the lab's observers attached.
    var dynamics: MolecularDynamics
    let stabilityID: ObserverID<InstabilityGuard>
    let historyID: ObserverID<EnergyHistory>
    let trajectoryID: ObserverID<TrajectoryRecording>
    /// Watches the current model's inputs for extrapolation (empty for a potential without a training range).
    let extrapolationID: ObserverID<ExtrapolationMonitor?>
    /// When each atom last crossed the model's r_c (the atom view flashes recent ones).
    let crossingID: ObserverID<CrossingFlash>
    /// Which of its warnings reach the message line.
    var extrapolationNews = ExtrapolationNews()
    var remainingRunSteps: Int?
    /// The current model's cutoff, dimer and activation curves for the inspector.
    public internal(set) var inspection: ModelInspection
    /// Compare mode's models, stepped instead of ``dynamics`` while set.
    public internal(set) var compare: CompareEngine?
    private var messageSerial = 0

    /// Starts `catalog`'s scene with its default model, running.
    public init(catalog: any ModelCatalog) throws {
        try self.init(catalog: catalog, choice: catalog.defaultChoice, settings: catalog.settings,
                      system: catalog.initialSystem)
    }

    /// Starts `system` under `catalog`, `choice` and `settings`, running, with a fresh history.
    private init(catalog: any ModelCatalog, choice: ModelChoice, settings: RunSettings, system: AtomicSystem) throws {
        let potential = try catalog.potential(for: choice)
        var dynamics = try MolecularDynamics(system: system, potential: potential, integrator: try settings.integrator(),
                                             seed: settings.seed)
        // The guard first: nothing records a state that has blown up.
        stabilityID = dynamics.attach(InstabilityGuard.lab(temperature: settings.temperature))
        historyID = dynamics.attach(EnergyHistory(atomCount: system.count))
        trajectoryID = dynamics.attach(TrajectoryRecording())
        extrapolationID = dynamics.attach(ExtrapolationMonitor(potential))
        crossingID = dynamics.attach(CrossingFlash())
        self.catalog = catalog
        self.choice = choice
        self.settings = settings
        modelSummary = potential.summary
        inspection = ModelInspection(potential: potential, choice: choice,
                                     element: system.elements.first ?? Element(symbol: "Ar")!)
        self.dynamics = dynamics
        self.dynamics[historyID].initialSetting = settingDescription
        // The observers see the starting state: the guard, the history's first sample, and the
        // extrapolation watch, which warns at once about a structure outside the training range.
        observeChangedState()
        watchExtrapolation()
    }

    /// The MD state now (positions Å, velocities Å/fs, energies eV).
    public var state: MDState { dynamics.state }
    /// The energy history for the plots, with the conservation readout since the last mark.
    public var history: EnergyHistory { dynamics[historyID] }
    /// The recent frames `save trajectory` writes.
    public var trajectory: TrajectoryRecording { dynamics[trajectoryID] }
    /// The current model's extrapolation monitor (nil for a potential without a training range).
    var extrapolation: ExtrapolationMonitor? { dynamics[extrapolationID] }

    /// Steps while running, at most `maxSteps` times; stops early when a `run N` completes or the run
    /// blows up (then pauses with a message saying why). Returns the number of steps taken.
    @discardableResult
    public mutating func stepWhileRunning(maxSteps: Int) -> Int {
        if compare != nil { return stepCompare(maxSteps: maxSteps) }
        var taken = 0
        while taken < maxSteps, runState == .running {
            do {
                try dynamics.step()
            } catch {
                taken += 1
                pauseExploded(error)
                break
            }
            taken += 1
            watchExtrapolation()
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

    /// Pauses a run that blew up and says why in the message line.
    private mutating func pauseExploded(_ error: any Error) {
        remainingRunSteps = nil
        guard let instability = error as? Instability else {
            runState = .paused(.user)
            post("step \(state.step): \(error); paused", isError: true)
            return
        }
        runState = .paused(.exploded(instability))
        post("step \(instability.step): \(instability.cause); paused, press r to reset", isError: true)
    }

    /// Shows the observers the state after a setting changed it between steps (new forces or
    /// velocities), so the history and trajectory record it and the guard inspects it.
    mutating func observeChangedState() {
        do { try dynamics.observe() } catch { pauseExploded(error) }
    }

    /// The state as the lab displays it. `stepsPerSecond` is measured by the caller.
    public func snapshot(stepsPerSecond: Double = 0, generation: Int = 0) -> Snapshot {
        var state = dynamics.state
        if let run = compare?.runs.first { state = run.state }
        var snapshot = Snapshot(sceneName: catalog.sceneName, choice: choice, cutoffs: catalog.cutoffs,
                        activations: catalog.activations, modelSummary: modelSummary,
                        potential: dynamics.evaluator.potential, sourceScene: catalog.sourceScene,
                        extrapolationSummary: extrapolation?.summary, pace: pace, settings: settings,
                        step: state.step, time: state.time, system: state.system,
                        potentialEnergy: state.potentialEnergy, kineticEnergy: state.kineticEnergy,
                        temperature: state.temperature, history: history, trajectory: trajectory,
                        runState: runState, stepsPerSecond: stepsPerSecond, message: message, generation: generation,
                        compared: comparedModels, inspection: inspection)
        snapshot.atomicEnergies = state.result.atomicEnergies
        snapshot.forces = state.result.forces
        if compare == nil, let monitor = extrapolation, monitor.latestStep == state.step {
            snapshot.extrapolatingAtoms = Set(monitor.latestFresh.map(\.atom))
        }
        if compare == nil { snapshot.crossingTimes = dynamics[crossingID].crossedAt }
        return snapshot
    }

    /// Every setting now in force, in one line: "smooth/tanh, dt 2 fs, 94 K, NVE".
    public var settingDescription: String {
        "\(choice.cutoff)/\(choice.activation), dt \(formattedTime(settings.timeStep)) fs, "
            + "\(fixed(settings.temperature, 0)) K, \(settings.thermostat)"
    }

    /// Marks a setting change in the energy history (with every setting now in force): the
    /// conservation readout and curve restart at the next sample.
    mutating func markHistory(_ label: String) {
        dynamics[historyID].mark(label, at: state.time, setting: settingDescription)
    }

    /// Shows `text` in the message line (and returns it, for the repl).
    @discardableResult
    mutating func post(_ text: String, isError: Bool = false) -> LabMessage {
        messageSerial += 1
        let posted = LabMessage(text: text, isError: isError, serial: messageSerial)
        message = posted
        return posted
    }

    /// Restarts from `system` under `catalog`, `choice` and `settings`: a fresh engine (new dynamics,
    /// history, trajectory, running) that keeps only the pace and the message line's serial.
    mutating func restart(catalog: any ModelCatalog, choice: ModelChoice, settings: RunSettings,
                          system: AtomicSystem) throws {
        var fresh = try SimulationEngine(catalog: catalog, choice: choice, settings: settings, system: system)
        fresh.pace = pace
        if fresh.runState == .running { fresh.message = message }
        fresh.messageSerial = max(messageSerial, fresh.messageSerial)
        self = fresh
    }
}
