import ArgumentParser
import Foundation
import Simulation
import LabShell
import TerminalUI
import Geometry
import Scenes

/// `nnplab view [SCENE]`, the default command: the terminal lab.
struct ViewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Open the terminal lab on a scene (the default command).",
        discussion: "Keys: c cutoff, a activation, space pause, r reset, [ ] dt, < > speed, l log conservation plot, m compare, "
            + "Tab next compared model, i inspector, x pick an atom, n/p lesson steps, PgUp/PgDn scroll a panel, arrows/hjk rotate, +/- zoom, "
            + "? help, : command line, q quit. Mouse: a click on an atom picks it (on empty space: none); the wheel scrolls "
            + "the panel under it, and over the atoms zooms (in tmux: set -g mouse on).")

    @OptionGroup var threads: ThreadsOption

    @OptionGroup var lab: LabSceneOptions

    @Option(help: ArgumentHelp("Playback speed: simulated ps per wall-clock second, or max.", valueName: "PS_PER_S|max"))
    var speed: String = "1"

    @Option(help: "Stop by itself after this many seconds (for tests and demos).")
    var duration: Double?

    @Flag(help: "Run the simulation without a screen and print a summary (needs no terminal).")
    var headless = false

    @Option(help: ArgumentHelp("Record the session as an asciicast v2 file (asciinema's format) for replay or a GIF.",
                               valueName: "FILE.cast"))
    var record: String?

    @Option(help: ArgumentHelp("Open with a guided lesson (Scenes/lessons/NAME.toml, or a path); n and p step through it.",
                               valueName: "NAME"))
    var lesson: String?

    @Flag(help: "No colours (as does a non-empty NO_COLOR environment variable).")
    var noColor = false

    func validate() throws {
        try OptionRange.check("duration", duration, OptionRange.duration, "a number of seconds")
        _ = try pace()
        if headless, lesson != nil { throw ValidationError("--lesson needs the screen; it cannot run with --headless") }
    }

    func run() throws {
        // A bad lesson is one line and a non-zero exit, before the screen opens.
        let opening = try lesson.map { name in
            do { return try Lesson.load(name) } catch { throw CommandFailure("--lesson: \(error)") }
        }
        if let record, FileManager.default.fileExists(atPath: record) {
            throw CommandFailure("--record: \(record) exists; choose another name (nothing is overwritten)")
        }
        guard headless || isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure("nnplab view needs a terminal on stdout; use --headless, or nnplab repl for scripts")
        }
        let scenes = labScenes()
        var engine = try lab.engine(from: scenes)
        engine.apply(.setPace(try pace()))
        if headless {
            let seconds = duration ?? 10
            let result = HeadlessRun.run(engine, for: .milliseconds(Int(seconds * 1000)))
            print(headlessSummary(result))
            return
        }
        let status = try LabApp(engine: engine, scenes: scenes, options: .init(noColor: noColor, duration: duration,
                                                                                        recordPath: record, lesson: opening)).run()
        if status != 0 { throw ExitCode(status) }
    }

    /// `--speed` as a pace.
    private func pace() throws -> Pace {
        switch Pace(parsing: speed) {
        case .unlimited: return .unlimited
        case let .picosecondsPerSecond(rate) where Pace.allowedRange.contains(rate): return .picosecondsPerSecond(rate)
        default:
            throw ValidationError("--speed: expected ps per second in \(Pace.allowedRange.lowerBound)...\(Pace.allowedRange.upperBound) or max, got '\(speed)'")
        }
    }

    private func headlessSummary(_ run: HeadlessRun) -> String {
        let s = run.snapshot
        var lines = Shell.status(s)
        lines.append("headless: \(run.steps) steps in \(fixed(run.seconds, 2)) s = \(fixed(run.stepsPerSecond, 0)) steps/s")
        if let message = s.message, message.isError { lines.append(message.text) }
        return lines.joined(separator: "\n")
    }
}
