import Canvas
import Foundation
import LabShell
import Scenes
import Simulation
import Experiments
import Geometry
import Dynamics

/// What the compare-mode benchmark measured: the lab's loop with every model of the scene stepping in
/// lockstep. Rates per second of wall-clock time; latencies in ms.
public struct LabCompareBenchmarkResult: Sendable {
    public var atoms: Int
    public var models: Int
    /// Frames drawn per second while comparing.
    public var framesPerSecond: Double
    /// Simulated ps per wall-clock second of the slowest model.
    public var slowestPicosecondsPerSecond: Double
    /// From a Tab arriving to the first frame whose status shows the newly followed model.
    public var keyToScreenMilliseconds: [Double]

    public var lines: [String] {
        return [
            "lab compare mode, \(models) models × \(atoms) atoms in lockstep, 100x30 in-memory screen, speed unthrottled:",
            "  frames/s: \(fixed(framesPerSecond, 1)) (target ≥ 30); slowest model advances "
                + "\(fixed(slowestPicosecondsPerSecond, 2)) ps per second (target ≥ 0.2)",
            "  Tab to changed screen: " + latencySummary(keyToScreenMilliseconds),
        ]
    }
}

extension LabBenchmark {
    /// Drives the lab's loop on an in-memory screen: `m` starts compare mode, then Tab is pressed every
    /// half second and each press is timed to the frame whose status names the followed model.
    public static func measureCompare(engine: SimulationEngine, scenes: any SceneSource,
                                      seconds: Double = 5) -> LabCompareBenchmarkResult {
        var engine = engine
        engine.apply(.setPace(.unlimited))
        let models = CompareEngine.models(of: engine.catalog)
        let clock = ContinuousClock()
        let simulation = Simulation(engine: engine)
        let runner = Task.detached { await simulation.run() }
        var terminal = InMemoryTerminal(size: GridSize(width: 100, height: 30))
        let start = clock.now + .milliseconds(200)
        let presses = max(Int(seconds * 2) - 1, 1)
        terminal.scheduledKeys = [(start, LabKey.character("m"))]
            + (1...presses).map { (start + .milliseconds(500 * $0), LabKey.tab) }
        let pressTimes = terminal.scheduledKeys.dropFirst().map(\.at)
        let first = models.firstIndex(of: engine.choice) ?? 0
        let expected = (1...presses).map { k -> String in
            let model = models[(first + k) % max(models.count, 1)]
            return "cutoff: \(model.cutoff)  activation: \(model.activation)"
        }
        let latencies = Latencies(pressTimes: Array(pressTimes), expected: expected)
        terminal.onShow = { grid, shownAt in latencies.observe(grid, at: shownAt) }
        let loop = LabLoop(terminal: terminal, simulation: simulation, shell: Shell(scenes: scenes),
                           mode: RenderMode(glyphs: .braille, color: true))
        let end = start + .milliseconds(Int(seconds * 1000) + 300)
        loop.run { clock.now >= end }
        let last = simulation.latest()
        simulation.stop()
        withExtendedLifetime(runner) {}
        Thread.sleep(forTimeInterval: 0.1)
        let comparing = Double(milliseconds(end - start)) / 1000
        let slowest = last.compared?.map(\.time).min() ?? 0
        return LabCompareBenchmarkResult(atoms: engine.state.system.count, models: models.count,
                                         framesPerSecond: Double(loop.framesDrawn) / (comparing + 0.2),
                                         slowestPicosecondsPerSecond: slowest / 1000 / comparing,
                                         keyToScreenMilliseconds: latencies.milliseconds)
    }
}
