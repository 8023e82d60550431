import Dynamics
import Experiments
import Geometry
import Scenes

/// What the lab shows of one compared model. Units: meV/atom, fs, Å.
public struct ComparedModel: Sendable {
    public var choice: ModelChoice
    /// RMS of E_total − E_total(start) per atom since compare mode began, meV/atom.
    public var rmsDeviationPerAtom: Double
    /// That RMS over time: (time fs, meV/atom).
    public var trace: [SIMD2<Double>]
    /// The model's own atoms now.
    public var system: AtomicSystem
    public var temperature: Double
    /// Simulated time since compare mode began, fs.
    public var time: Double
    /// Why its run stopped, nil while it runs.
    public var failure: String?
}

extension SimulationEngine {
    /// Starts compare mode with `choices` (empty: every model the scene has) from the current
    /// positions and velocities. A model the scene lacks is refused in one line.
    mutating func startCompare(_ choices: [ModelChoice]) -> LabMessage {
        let offered = CompareEngine.models(of: catalog)
        guard offered.count > 1 else {
            return post("compare: \(catalog.sceneName) has no student models to compare (\(catalog.modelsDescription))",
                        isError: true)
        }
        if let missing = choices.first(where: { !offered.contains($0) }) {
            return post("compare: \(catalog.sceneName) has no model \(missing.name) (it has: "
                        + offered.map(\.name).joined(separator: ", ") + ")", isError: true)
        }
        let models = choices.isEmpty ? offered : choices
        do {
            compare = try CompareEngine(catalog: catalog, choices: models, settings: settings, system: state.system)
        } catch {
            return post("compare: cannot start: \(error)", isError: true)
        }
        if case .paused(.exploded) = runState { runState = .paused(.user) }
        return post("compare: \(models.count) models in lockstep from the same atoms (Tab: which one the atoms show; m: back to one)")
    }

    /// Leaves compare mode with the run of compared model `index` as the single model.
    mutating func endCompare(keeping index: Int) -> LabMessage {
        guard let compare else { return post("not comparing (m starts compare mode)") }
        let run = compare.runs[min(max(index, 0), compare.runs.count - 1)]
        do {
            try restart(catalog: catalog, choice: run.choice, settings: settings, system: run.state.system)
        } catch {
            return post("compare: cannot go on with \(run.choice.name): \(error)", isError: true)
        }
        return post("one model again: \(run.choice) from the compared atoms of \(run.choice.name)")
    }

    /// Whether `command` changes a setting of the single model, which compare mode does not allow.
    static func changesModelSettings(_ command: SimulationCommand) -> Bool {
        switch command {
        case .setCutoff, .cycleCutoff, .setActivation, .toggleActivation, .setTimeStep, .scaleTimeStep,
             .setTemperature, .setThermostat, .setSeed:
            true
        default:
            false
        }
    }

    /// Steps compare mode's models together, at most `maxSteps` each; honours `run N` and pauses
    /// once every model has blown up. Returns the steps each model took.
    mutating func stepCompare(maxSteps: Int) -> Int {
        guard runState == .running, var engine = compare else { return 0 }
        let count = min(maxSteps, remainingRunSteps ?? maxSteps)
        guard count > 0 else { return 0 }
        engine.step(count)
        compare = engine
        if let left = remainingRunSteps {
            if left <= count {
                remainingRunSteps = nil
                runState = .paused(.finishedRun)
            } else {
                remainingRunSteps = left - count
            }
        }
        if engine.allFailed {
            runState = .paused(.user)
            post("compare: every model blew up; m returns to one model, r resets", isError: true)
        }
        return count
    }

    /// The compared models as the lab shows them (nil when not comparing).
    var comparedModels: [ComparedModel]? {
        compare?.runs.map {
            ComparedModel(choice: $0.choice, rmsDeviationPerAtom: $0.rmsDeviationPerAtom, trace: $0.trace.points,
                          system: $0.state.system, temperature: $0.state.temperature, time: $0.state.time,
                          failure: $0.failure)
        }
    }
}
