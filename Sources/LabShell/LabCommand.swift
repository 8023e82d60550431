import Dynamics
import Descriptors
import Experiments
import Simulation
import Scenes
import NeuralNetworks

/// One command of the lab's language, as typed on the `:` line or in `nnplab repl`.
/// Values are already checked for form (numbers are numbers, words are known); ranges are the
/// simulation's to judge.
public enum LabCommand: Sendable, Equatable {
    case help(Verb?)
    case load(scene: String)
    case set(Setting)
    case run(steps: Int)
    case pause
    case resume
    case reset
    case status
    /// Runs an exercise; without one, lists them.
    case check(exercise: Exercise?)
    /// The six-model drift table for `picoseconds` of NVE (default ``DriftExperiment/labDefaultDuration``).
    case drift(picoseconds: Double?)
    /// Compare mode with the named models (empty: all the scene's); while comparing, back to one model.
    case compare([ModelChoice])
    /// The message log.
    case messages
    /// Starts the lesson `Scenes/lessons/NAME.toml` (or a path).
    case lesson(name: String)
    /// Writes `target` to `path`; an existing file is replaced only when `overwrite`.
    case save(SaveTarget, path: String, overwrite: Bool)
    /// Writes the current network as an n2p2 folder at `path`; existing files are replaced only when `overwrite`.
    case export(path: String, overwrite: Bool)
    case quit
}

/// A setting and its new value. Units: dt fs, temperature K, friction 1/fs.
public enum Setting: Sendable, Equatable {
    case cutoff(CutoffKind)
    case activation(Activation)
    case timeStep(Double)
    case temperature(Double)
    case thermostat(Thermostat)
    case seed(UInt64)
    /// How fast the view plays the simulation (simulated ps per wall-clock second, or max).
    case speed(Pace)

    /// The simulation command that makes this setting.
    public var command: SimulationCommand {
        switch self {
        case let .cutoff(kind): .setCutoff(kind)
        case let .activation(activation): .setActivation(activation)
        case let .timeStep(dt): .setTimeStep(dt)
        case let .temperature(t): .setTemperature(t)
        case let .thermostat(thermostat): .setThermostat(thermostat)
        case let .seed(seed): .setSeed(seed)
        case let .speed(pace): .setPace(pace)
        }
    }
}

/// A line that is not a command: what was wrong and the offending word.
public struct ShellError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
