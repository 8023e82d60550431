import Descriptors
import NeuralNetworks
import Simulation
import Scenes

/// The verbs of the lab's command language, with their usage and meaning: the one list the parser,
/// `help` and tab completion read.
public enum Verb: String, CaseIterable, Sendable {
    case help, load, set, run, pause, resume, reset, status, check, drift, compare, messages, lesson, save, export, quit

    /// How the verb is written, e.g. "run N".
    public var usage: String {
        switch self {
        case .help: "help [VERB]"
        case .load: "load SCENE"
        case .set: "set cutoff|activation|dt|temperature|thermostat|seed|speed VALUE"
        case .run: "run N"
        case .pause: "pause"
        case .resume: "resume"
        case .reset: "reset"
        case .status: "status"
        case .check: "check [EXERCISE]"
        case .drift: "drift [PS]"
        case .compare: "compare [MODEL ...]"
        case .messages: "messages"
        case .lesson: "lesson NAME"
        case .save: "save[!] trajectory|log|plot FILE [--force]"
        case .export: "export[!] FOLDER [--force]"
        case .quit: "quit"
        }
    }

    /// What the verb does, in one line.
    public var meaning: String {
        switch self {
        case .help: "list the commands, or explain one"
        case .load: "open another scene"
        case .set: "change a setting (the energy plot marks the moment)"
        case .run: "advance N steps, then pause"
        case .pause: "stop stepping"
        case .resume: "continue stepping"
        case .reset: "back to the scene's initial atoms and MD settings (keeps cutoff and activation)"
        case .status: "show the scene, model, settings, energies, conservation since the last change, extrapolation"
        case .check: "run an exercise on this scene (without a name: list them)"
        case .messages: "show every message so far, whole (the message line shows one, cut to the window)"
        case .compare: "run the scene's models (or the named ones, e.g. step-relu smooth-tanh) side by side, live; again or m: back to one"
        case .drift: "every model of the scene from the current atoms, NVE for PS ps (default 2): the conservation table"
        case .save: "write extended XYZ, a CSV log or an SVG plot; ! or --force overwrites"
        case .export: "write the current network as an n2p2 folder (LAMMPS pair_style hdnnp); ! or --force overwrites"
        case .lesson: "run a guided lesson (Scenes/lessons/NAME.toml): n and p step through it in the view"
        case .quit: "leave the lab"
        }
    }
}

/// The settings `set` changes.
public enum SettingKey: String, CaseIterable, Sendable {
    case cutoff, activation, dt, temperature, thermostat, seed, speed

    /// The words a value may be (for completion and errors), or nil for a number.
    public var choices: [String]? {
        switch self {
        case .cutoff: CutoffKind.allCases.map(\.rawValue)
        case .activation: ModelChoice.lessonActivations.map(\.rawValue)
        case .thermostat: ["nve", "langevin"]
        case .speed: ["max"]
        case .dt, .temperature, .seed: nil
        }
    }

    /// What a value looks like, for error messages.
    public var expected: String {
        switch self {
        case .cutoff, .activation: (choices ?? []).joined(separator: "|")
        case .dt: "a time step in fs of at least 0.01, e.g. 2"
        case .temperature: "a temperature in K, e.g. 90"
        case .thermostat: "nve or langevin [FRICTION in 1/fs, at most 10]"
        case .seed: "a whole number ≥ 0"
        case .speed: "simulated ps per second, e.g. 0.5, or max"
        }
    }
}

/// What `save` writes.
public enum SaveTarget: String, CaseIterable, Sendable {
    /// Extended XYZ of the recorded frames (ASE and OVITO read it).
    case trajectory
    /// CSV of the energy history.
    case log
    /// SVG of the energy plot.
    case plot
}
