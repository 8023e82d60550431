import Canvas
import Foundation
import LabShell
import Simulation
import Descriptors
import Experiments
import Geometry
import Scenes
import Dynamics

/// What the lab benchmark measured. Rates per second of wall-clock time; latencies in ms.
public struct LabBenchmarkResult: Sendable {
    public var atoms: Int
    /// The scene and the model that ran, in words.
    public var scene: String
    /// Steps/s of the same engine stepped with no UI at all, averaged over the cutoffs the lab cycles
    /// through (a step cutoff costs less than a smooth one) and over a run before and one after the
    /// lab's (so that a change in the shared machine's load favours neither side).
    public var headlessStepsPerSecond: Double
    /// Steps/s of the simulation actor while the lab loop drew frames.
    public var labStepsPerSecond: Double
    /// Frames drawn per second by the lab loop (rendered into the in-memory screen).
    public var framesPerSecond: Double
    /// Mean time to copy a snapshot, render it and show it, ms.
    public var millisecondsPerDraw: Double
    /// From a `c` key arriving to the first frame showing the new cutoff, for each press.
    public var keyToScreenMilliseconds: [Double]

    /// The lines `nnplab bench` prints.
    public var lines: [String] {
        return [
            "lab, \(atoms) atoms (\(scene)), 100x30 in-memory screen, speed unthrottled:",
            "  frames/s while the simulation runs: \(fixed(framesPerSecond, 1)) (target ≥ 30); "
                + "\(fixed(millisecondsPerDraw, 1)) ms to draw a frame",
            "  steps/s in the lab \(fixed(labStepsPerSecond, 1)) vs headless \(fixed(headlessStepsPerSecond, 1)): "
                + "\(fixed(100 * labStepsPerSecond / max(headlessStepsPerSecond, 1e-9), 0)) % (target ≥ 90 %)",
            "  key press to changed screen: " + latencySummary(keyToScreenMilliseconds),
            "  (measured by driving the lab's own loop against an in-memory screen: curses output is not included)",
        ]
    }
}

/// Measures the lab without a terminal: the loop of ``LabApp`` drives an ``InMemoryTerminal`` while
/// the simulation actor steps, and `c` is pressed every half second. The speed cap is lifted
/// (``Pace/unlimited``): the benchmark measures how fast the lab can go, not the lecture pace.
public enum LabBenchmark {
    public static func measure(engine: SimulationEngine, scenes: any SceneSource,
                               seconds: Double = 5) -> LabBenchmarkResult {
        var engine = engine
        engine.apply(.setPace(.unlimited))
        let headlessBefore = headlessRate(engine, seconds: seconds / 2)

        let clock = ContinuousClock()
        let simulation = Simulation(engine: engine)
        let runner = Task.detached { await simulation.run() }
        var terminal = InMemoryTerminal(size: GridSize(width: 100, height: 30))
        let start = clock.now + .milliseconds(300)
        let presses = Int(seconds * 2) - 1
        terminal.scheduledKeys = (1...max(presses, 1)).map { (start + .milliseconds(500 * $0), LabKey.character("c")) }
        let pressTimes = terminal.scheduledKeys.map(\.at)
        var cutoff = engine.choice.cutoff
        var expected: [String] = []
        for _ in pressTimes { cutoff = cutoff.next; expected.append("cutoff: \(cutoff)") }
        let latencies = Latencies(pressTimes: pressTimes, expected: expected)
        terminal.onShow = { grid, shownAt in latencies.observe(grid, at: shownAt) }
        let loop = LabLoop(terminal: terminal, simulation: simulation, shell: Shell(scenes: scenes),
                           mode: RenderMode(glyphs: .braille, color: true))
        let firstStep = simulation.latest().step
        let loopStart = clock.now
        let end = loopStart + .milliseconds(Int(seconds * 1000) + 300)
        loop.run { clock.now >= end }
        let elapsed = clock.now - loopStart
        let last = simulation.latest()
        simulation.stop()
        withExtendedLifetime(runner) {}
        // The actor stops after its current chunk (a few ms); let it finish before measuring again.
        Thread.sleep(forTimeInterval: 0.1)
        let headlessAfter = headlessRate(engine, seconds: seconds / 2)
        let elapsedSeconds = elapsed.inSeconds
        return LabBenchmarkResult(atoms: engine.state.system.count,
                                  scene: "\(engine.catalog.sceneName): \(engine.modelSummary)",
                                  headlessStepsPerSecond: (headlessBefore + headlessAfter) / 2,
                                  labStepsPerSecond: Double(last.step - firstStep) / elapsedSeconds,
                                  framesPerSecond: Double(loop.framesDrawn) / elapsedSeconds,
                                  millisecondsPerDraw: milliseconds(loop.drawingTime) / Double(max(loop.framesDrawn, 1)),
                                  keyToScreenMilliseconds: latencies.milliseconds)
    }
}

extension LabBenchmark {
    /// Mean steps/s of `engine` without a UI, spending `seconds` equally on each cutoff the scene has
    /// (the lab spends equal time on each, as `c` cycles them).
    static func headlessRate(_ engine: SimulationEngine, seconds: Double) -> Double {
        let kinds = engine.catalog.cutoffs.isEmpty ? [engine.choice.cutoff] : engine.catalog.cutoffs
        let rates = kinds.map { kind -> Double in
            var copy = engine
            copy.apply(.setCutoff(kind))
            return HeadlessRun.run(copy, for: .milliseconds(Int(seconds * 1000) / kinds.count)).stepsPerSecond
        }
        return rates.reduce(0, +) / Double(rates.count)
    }
}

/// Key-to-screen latencies (ms) in words: median, maximum and count, against the 50 ms target.
func latencySummary(_ milliseconds: [Double]) -> String {
    let sorted = milliseconds.sorted()
    let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    return "median \(fixed(median, 1)) ms, max \(fixed(sorted.last ?? 0, 1)) ms over \(sorted.count) presses (target ≤ 50 ms)"
}

/// Matches frames to key presses: the latency of press k is the first frame after it that shows
/// its expected status text.
final class Latencies {
    let pressTimes: [ContinuousClock.Instant]
    let expected: [String]
    private(set) var milliseconds: [Double] = []

    init(pressTimes: [ContinuousClock.Instant], expected: [String]) {
        self.pressTimes = pressTimes
        self.expected = expected
    }

    func observe(_ grid: CellGrid, at instant: ContinuousClock.Instant) {
        let k = milliseconds.count
        guard k < pressTimes.count, instant >= pressTimes[k] else { return }
        guard grid.rows().contains(where: { $0.contains(expected[k]) }) else { return }
        milliseconds.append(TerminalUI.milliseconds(instant - pressTimes[k]))
    }
}

/// A duration in milliseconds.
func milliseconds(_ d: Duration) -> Double {
    d.inSeconds * 1000
}
