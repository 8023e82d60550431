import Canvas
import CNCurses
import Foundation
import LabShell
import Simulation
import Experiments
import Scenes

/// How the lab runs: colours and an optional time limit.
public struct LabOptions: Sendable {
    /// `--no-color` (a non-empty `NO_COLOR` has the same effect).
    public var noColor: Bool
    /// Seconds after which the lab stops by itself (tests, demos); nil: until q.
    public var duration: Double?
    /// `--record FILE.cast`: write the session as an asciicast v2 file.
    public var recordPath: String?
    /// `--lesson NAME`: the lesson the lab opens with (already loaded and checked).
    public var lesson: Lesson?
    public init(noColor: Bool = false, duration: Double? = nil, recordPath: String? = nil, lesson: Lesson? = nil) {
        self.noColor = noColor
        self.duration = duration
        self.recordPath = recordPath
        self.lesson = lesson
    }
}

/// The terminal lab: a ``LabLoop`` on a curses screen, with the simulation actor stepping in the
/// background. Restores the terminal on every way out (q, Ctrl-C, SIGTERM, the duration, errors).
public struct LabApp {
    private let engine: SimulationEngine
    private let scenes: any SceneSource
    private let options: LabOptions

    public init(engine: SimulationEngine, scenes: any SceneSource, options: LabOptions) {
        self.engine = engine
        self.scenes = scenes
        self.options = options
    }

    /// Runs until q, Ctrl-C, SIGTERM or the duration; returns the exit status.
    public func run() throws -> Int32 {
        SignalFlag.install()
        let environment = ProcessInfo.processInfo.environment
        let wanted = RenderMode(environment: environment, localeIsUTF8: true, noColorFlag: options.noColor)
        let session = try TerminalSession(wantColor: wanted.color)
        defer { session.close() }
        let mode = RenderMode(glyphs: session.isUTF8 ? .braille : .ascii, color: session.usesColor)
        let simulation = Simulation(engine: engine)
        let runner = Task.detached { await simulation.run() }
        defer { simulation.stop(); withExtendedLifetime(runner) {} }
        let clock = ContinuousClock()
        let deadline = options.duration.map { clock.now + .milliseconds(Int($0 * 1000)) }
        let shouldStop = { SignalFlag.received != nil || deadline.map { clock.now >= $0 } ?? false }
        let terminal = CursesTerminal(session: session)
        if let path = options.recordPath {
            let recorder = try AsciicastRecorder(path: path, size: terminal.size)
            defer { recorder.close() }
            LabLoop(terminal: RecordingTerminal(base: terminal, recorder: recorder), simulation: simulation,
                    shell: Shell(scenes: scenes), mode: mode, lesson: options.lesson).run(shouldStop: shouldStop)
        } else {
            LabLoop(terminal: terminal, simulation: simulation, shell: Shell(scenes: scenes), mode: mode,
                    lesson: options.lesson).run(shouldStop: shouldStop)
        }
        return SignalFlag.exitStatus
    }
}
