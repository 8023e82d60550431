import Dynamics
import Scenes
import Descriptors
import Experiments
import NeuralNetworks

/// A request to the simulation: what the lab's keys and the shell's verbs turn into.
/// Time steps in fs, temperatures in K.
public enum SimulationCommand: Sendable {
    case setCutoff(CutoffKind)
    /// The `c` key: step → kinked → smooth → step, over the cutoffs the scene has.
    case cycleCutoff
    case setActivation(Activation)
    /// The `a` key: ReLU ↔ tanh.
    case toggleActivation
    case setTimeStep(Double)
    /// The `[` and `]` keys: multiply Δt by a factor (½ or 2).
    case scaleTimeStep(Double)
    case setTemperature(Double)
    case setThermostat(Thermostat)
    case setSeed(UInt64)
    /// Runs `steps` more steps, then pauses.
    case run(steps: Int)
    case pause
    case resume
    /// The space key.
    case togglePause
    /// Restores the scene's initial atoms and MD settings, keeping the model choice.
    case reset
    /// Replaces the scene.
    case load(any ModelCatalog)
    /// How fast the view plays the simulation (``Pace``); kept across reset and load.
    case setPace(Pace)
    /// The `<` and `>` keys: multiply the speed cap by a factor (½ or 2); max stays max.
    case scalePace(Double)
    /// Compare mode (`m`, `:compare`): the named models (empty: all the scene's) run in lockstep
    /// from the current positions and velocities.
    case startCompare([ModelChoice])
    /// Leaves compare mode, going on with the compared run of model `keeping` (an index into the
    /// compared models) as the single model.
    case endCompare(keeping: Int)
}

/// Why the simulation is not stepping.
public enum PauseReason: Sendable, Equatable, CustomStringConvertible {
    /// Paused by the user (space or `pause`).
    case user
    /// A `run N` finished its steps.
    case finishedRun
    /// The run blew up; `r` (reset) recovers.
    case exploded(Instability)

    public var description: String {
        switch self {
        case .user: "paused"
        case .finishedRun: "paused after run"
        case let .exploded(why): "paused: \(why.cause)"
        }
    }
}

/// Whether the simulation is stepping.
public enum RunState: Sendable, Equatable {
    case running
    case paused(PauseReason)
    public var isRunning: Bool { self == .running }
}

/// A line for the message area: the answer to a command, or news from the simulation.
public struct LabMessage: Sendable, Hashable {
    public var text: String
    public var isError: Bool
    /// Increases with every message, so a display can tell a repeated text from a new one.
    public var serial: Int
    public init(text: String, isError: Bool, serial: Int) {
        self.text = text
        self.isError = isError
        self.serial = serial
    }
}
