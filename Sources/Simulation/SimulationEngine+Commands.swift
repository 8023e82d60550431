import Descriptors
import Dynamics
import Geometry
import Potentials
import Experiments
import Scenes

extension SimulationEngine {
    /// Largest time step the lab accepts, fs (larger ones are refused, not clamped).
    public static let maxTimeStep = 500.0
    /// Largest temperature the lab accepts, K.
    public static let maxTemperature = 100_000.0

    /// Carries out `command` and returns the one line that answers it (also shown as ``message``).
    @discardableResult
    public mutating func apply(_ command: SimulationCommand) -> LabMessage {
        // After the command (a reset or a model switch starts the news afresh): keep its answer readable.
        defer { extrapolationNews.commandAnswered(atStep: state.step) }
        if compare != nil, Self.changesModelSettings(command) {
            return post("compare mode runs the scene's models as they are: press m (or Esc) to go back to one model first",
                        isError: true)
        }
        switch command {
        case let .setCutoff(kind): return switchModel(to: ModelChoice(cutoff: kind, activation: choice.activation))
        case .cycleCutoff: return cycleCutoff()
        case let .setActivation(activation):
            return switchModel(to: ModelChoice(cutoff: choice.cutoff, activation: activation))
        case .toggleActivation:
            return switchModel(to: ModelChoice(cutoff: choice.cutoff, activation: choice.activation.lessonToggled))
        case let .setTimeStep(dt): return setTimeStep(dt)
        case let .scaleTimeStep(factor): return setTimeStep(settings.timeStep * factor)
        case let .setTemperature(t): return setTemperature(t)
        case let .setThermostat(thermostat): return setThermostat(thermostat)
        case let .setSeed(seed): return setSeed(seed)
        case let .run(steps): return run(steps: steps)
        case .pause: return pause()
        case .resume: return resume()
        case .togglePause: return runState == .running ? pause() : resume()
        case .reset: return reset()
        case let .load(catalog): return load(catalog)
        case let .setPace(pace): return setPace(pace)
        case let .startCompare(choices): return startCompare(choices)
        case let .endCompare(index): return endCompare(keeping: index)
        case let .scalePace(factor):
            guard case let .picosecondsPerSecond(rate) = pace else {
                return post("speed is max (unthrottled); set speed PS_PER_S to cap it")
            }
            return setPace(.picosecondsPerSecond(min(max(rate * factor, Pace.allowedRange.lowerBound),
                                                     Pace.allowedRange.upperBound)))
        }
    }

    private mutating func cycleCutoff() -> LabMessage {
        let kinds = catalog.cutoffs
        guard kinds.count > 1 else {
            return post("\(catalog.sceneName) has no other cutoff to switch to (\(catalog.modelsDescription))")
        }
        let next = kinds.firstIndex(of: choice.cutoff).map { kinds[($0 + 1) % kinds.count] } ?? kinds[0]
        return switchModel(to: ModelChoice(cutoff: next, activation: choice.activation))
    }

    /// Swaps the model, keeping positions and velocities bit for bit; marks the energy history.
    private mutating func switchModel(to newChoice: ModelChoice) -> LabMessage {
        if newChoice.cutoff != choice.cutoff, !catalog.cutoffs.contains(newChoice.cutoff) {
            let offered = catalog.cutoffs.isEmpty
                ? "its cutoff is fixed: \(catalog.modelsDescription)"
                : "it has: \(catalog.cutoffs.map(\.rawValue).joined(separator: ", "))"
            return post("\(catalog.sceneName) has no model with the \(newChoice.cutoff) cutoff (\(offered))", isError: true)
        }
        if newChoice.activation != choice.activation, !catalog.activations.contains(newChoice.activation) {
            if catalog.activations.isEmpty {
                return post("no network activation to switch: \(catalog.modelsDescription)")
            }
            return post("activation stays \(choice.activation): \(catalog.sceneName) has no \(newChoice.activation) model",
                        isError: true)
        }
        if newChoice == choice { return post("already \(choice)") }
        do {
            let potential = try catalog.potential(for: newChoice)
            try dynamics.replacePotential(potential)
            modelSummary = potential.summary
            inspection = ModelInspection(potential: potential, choice: newChoice, element: inspection.dimerElement)
            dynamics[extrapolationID] = ExtrapolationMonitor(potential)
            extrapolationNews = ExtrapolationNews()
        } catch {
            return post("cannot switch to \(newChoice): \(error)", isError: true)
        }
        let label = newChoice.cutoff != choice.cutoff ? "cutoff: \(newChoice.cutoff)" : "activation: \(newChoice.activation)"
        choice = newChoice
        markHistory(label)
        observeChangedState()
        if case .paused(.exploded) = runState { return message ?? post(label) }
        return post("\(label) (\(modelSummary))")
    }

    private mutating func setPace(_ newPace: Pace) -> LabMessage {
        if case let .picosecondsPerSecond(rate) = newPace, !Pace.allowedRange.contains(rate) {
            return post("speed must be between \(Pace.allowedRange.lowerBound) and "
                        + "\(fixed(Pace.allowedRange.upperBound, 0)) ps/s, or max, not \(rate)", isError: true)
        }
        pace = newPace
        if newPace == .unlimited { return post("speed max: the view steps as fast as the machine can") }
        return post("speed \(pace): the view plays at most this much simulated time per wall-clock second")
    }

    private mutating func setTimeStep(_ dt: Double) -> LabMessage {
        guard dt.isFinite, dt > 0, dt <= Self.maxTimeStep else {
            return post("dt must be between 0 and \(fixed(Self.maxTimeStep, 0)) fs, not \(dt)", isError: true)
        }
        var changed = settings
        changed.timeStep = dt
        do { dynamics.replaceIntegrator(try changed.integrator()) } catch { return post("\(error)", isError: true) }
        settings = changed
        let label = "dt \(formattedTime(dt)) fs"
        markHistory(label)
        return post(label)
    }

    private mutating func setTemperature(_ t: Double) -> LabMessage {
        guard t.isFinite, t >= 0, t <= Self.maxTemperature else {
            return post("temperature must be between 0 and \(fixed(Self.maxTemperature, 0)) K, not \(t)", isError: true)
        }
        var changed = settings
        changed.temperature = t
        do { dynamics.replaceIntegrator(try changed.integrator()) } catch { return post("\(error)", isError: true) }
        settings = changed
        dynamics[stabilityID] = InstabilityGuard.lab(temperature: t)
        if settings.thermostat == .nve {
            // NVE has no bath: give the atoms the new temperature now.
            markHistory("T \(fixed(t, 0)) K")
            dynamics.setTemperature(t, seed: settings.seed)
            observeChangedState()
            return post("velocities rescaled to \(fixed(t, 0)) K")
        }
        markHistory("bath \(fixed(t, 0)) K")
        return post("Langevin bath at \(fixed(t, 0)) K")
    }

    private mutating func setThermostat(_ thermostat: Thermostat) -> LabMessage {
        if case let .langevin(friction) = thermostat, !(friction.isFinite && friction > 0) {
            return post("Langevin friction must be a positive number in 1/fs, not \(friction)", isError: true)
        }
        var changed = settings
        changed.thermostat = thermostat
        do { dynamics.replaceIntegrator(try changed.integrator()) } catch { return post("\(error)", isError: true) }
        settings = changed
        markHistory(thermostat.description)
        return post("thermostat: \(thermostat)")
    }

    private mutating func setSeed(_ seed: UInt64) -> LabMessage {
        settings.seed = seed
        markHistory("seed \(seed)")
        dynamics.redrawVelocities(temperature: settings.temperature, seed: seed)
        observeChangedState()
        return post("seed \(seed): velocities redrawn at \(fixed(settings.temperature, 0)) K")
    }

    private mutating func run(steps: Int) -> LabMessage {
        guard steps > 0 else { return post("run needs a positive number of steps, not \(steps)", isError: true) }
        if case let .paused(.exploded(why)) = runState {
            return post("the run blew up (\(why.cause)); reset first", isError: true)
        }
        remainingRunSteps = steps
        runState = .running
        return post("running \(steps) steps")
    }

    private mutating func pause() -> LabMessage {
        guard runState == .running else { return post(runState.description) }
        runState = .paused(.user)
        remainingRunSteps = nil
        return post("paused")
    }

    private mutating func resume() -> LabMessage {
        if case let .paused(.exploded(why)) = runState {
            return post("the run blew up (\(why.cause)); press r to reset", isError: true)
        }
        runState = .running
        return post("running")
    }

    private mutating func reset() -> LabMessage {
        let wasExploded: Bool = if case .paused(.exploded) = runState { true } else { false }
        do {
            try restart(catalog: catalog, choice: choice, settings: catalog.settings, system: catalog.initialSystem)
        } catch {
            return post("cannot reset: \(error)", isError: true)
        }
        let scene = "dt \(formattedTime(settings.timeStep)) fs, \(fixed(settings.temperature, 0)) K, \(settings.thermostat)"
        return post((wasExploded ? "recovered: " : "") + "reset to the initial state of \(catalog.sceneName) (\(scene))")
    }

    private mutating func load(_ newCatalog: any ModelCatalog) -> LabMessage {
        do {
            try restart(catalog: newCatalog, choice: newCatalog.defaultChoice, settings: newCatalog.settings,
                        system: newCatalog.initialSystem)
        } catch {
            return post("cannot load \(newCatalog.sceneName): \(error)", isError: true)
        }
        return post("loaded \(newCatalog.sceneName): \(newCatalog.initialSystem.count) atoms, \(choice)")
    }
}

extension RunState: CustomStringConvertible {
    public var description: String {
        switch self {
        case .running: "running"
        case let .paused(reason): reason.description
        }
    }
}
