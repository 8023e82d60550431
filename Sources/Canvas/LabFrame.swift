/// Everything one frame of the lab shows, as a plain value: the lab fills it from the simulation's
/// snapshot and its own UI state, and ``LabScreen/render(frame:size:mode:)`` draws it.
public struct LabFrame: Sendable {
    public var atoms: AtomScene
    public var camera: Camera
    public var energy: EnergyTrace
    public var status: StatusFields
    /// A panel drawn over the view: help or command output (Esc closes it).
    public var panel: OverlayPanel?
    /// The `:` command line while it is open; it replaces the key hints.
    public var commandLine: CommandLineState?
    /// The conservation plot on a log axis (|ΔE| and its running RMS) instead of ΔE itself: key `l`.
    public var logarithmicDrift = false
    /// How far the panel is scrolled from where it opens (help: lines down from the top; output:
    /// lines up from the end), PgUp/PgDn; the rendering clamps it.
    public var panelScroll = 0
    /// What the atom colours mean, e.g. "colour: |F_i|  blue 0.01 … red 0.93 eV/Å" (nil: elements).
    public var atomLegend: String?
    /// The inspector (`i`), shown instead of the energy plots (compare mode has precedence).
    public var inspector: InspectorPanel?
    /// Compare mode's legend and plot, shown instead of the energy and conservation plots.
    public var compare: ComparePanel?
    /// The lesson's narration, over the lower part of the atom view (nil: no lesson).
    public var lesson: LessonPanel?
    /// The picked atom's report (`x`): ε_i, |F_i|, neighbours, G against the training range; shown in
    /// place of the plots (nil: no atom picked).
    public var atomReport: [String]?
    /// Lines the report is scrolled down from its top (PgUp/PgDn, the wheel); the rendering clamps it.
    public var atomReportScroll = 0

    public init(atoms: AtomScene, camera: Camera = Camera(), energy: EnergyTrace, status: StatusFields,
                panel: OverlayPanel? = nil, commandLine: CommandLineState? = nil) {
        self.atoms = atoms
        self.camera = camera
        self.energy = energy
        self.status = status
        self.panel = panel
        self.commandLine = commandLine
    }
}

/// What the status line shows. Units: dt fs, temperature K, time fs.
public struct StatusFields: Sendable, Hashable {
    public var sceneName: String
    /// Cutoff kind name, e.g. "smooth" (shown as `cutoff: smooth`).
    public var cutoff: String
    /// Activation name, e.g. "tanh" (shown as `activation: tanh`).
    public var activation: String
    /// Time step Δt, fs.
    public var timeStep: Double
    /// Instantaneous temperature, K.
    public var temperature: Double
    /// Simulated time, fs (shown in ps).
    public var time: Double
    /// Simulation steps per second of wall-clock time.
    public var stepsPerSecond: Double
    public var isRunning: Bool
    /// A message or warning, e.g. "exploded: max force 1e5 eV/Å, paused — press r".
    public var message: StatusMessage?
    /// The playback speed, e.g. "1 ps/s" or "max" (nil: not shown).
    public var speed: String?

    public init(sceneName: String, cutoff: String, activation: String, timeStep: Double, temperature: Double,
                time: Double, stepsPerSecond: Double, isRunning: Bool, message: StatusMessage? = nil,
                speed: String? = nil) {
        self.sceneName = sceneName
        self.cutoff = cutoff
        self.activation = activation
        self.timeStep = timeStep
        self.temperature = temperature
        self.time = time
        self.stepsPerSecond = stepsPerSecond
        self.isRunning = isRunning
        self.message = message
        self.speed = speed
    }
}

/// A line of news for the user: information, or a warning drawn in red.
public struct StatusMessage: Sendable, Hashable {
    public enum Severity: Sendable, Hashable { case info, warning }
    public var text: String
    public var severity: Severity
    public init(_ text: String, severity: Severity = .info) {
        self.text = text
        self.severity = severity
    }
}

/// The `:` line being edited: its text and the cursor position (in characters, 0...text.count).
public struct CommandLineState: Sendable, Hashable {
    public var text: String
    public var cursor: Int
    /// A line with the cursor at `cursor` (clamped), or at the end when nil.
    public init(text: String = "", cursor: Int? = nil) {
        self.text = text
        self.cursor = min(max(cursor ?? text.count, 0), text.count)
    }
}

/// A panel over the lab's view.
public enum OverlayPanel: Sendable, Hashable {
    /// Every key and what it does.
    case help
    /// Output of a command (e.g. `status`, `drift`): the last lines that fit are shown.
    case output(title: String, lines: [String])
}
