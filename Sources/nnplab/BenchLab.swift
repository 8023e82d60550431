import Simulation
import Synchronization
import TerminalUI
import Experiments

/// The lab's three figures come from one measurement, made once per `nnplab bench` run.
private let labMeasurements = Mutex<[Bool: LabBenchmarkResult]>([:])

/// Copies of the default scene's cell in the lab benchmark: argon's 108 atoms × 9 = 972.
let labBenchmarkRepeats = SIMD3(3, 3, 1)

/// The lab benchmark: the default scene (argon, with its models) replicated to about 1000 atoms, the
/// lab's own loop drawing into an in-memory 100×30 screen while the simulation actor steps unthrottled
/// (curses output excluded).
private func labMeasurement(quick: Bool) throws -> LabBenchmarkResult {
    if let done = labMeasurements.withLock({ $0[quick] }) { return done }
    let scenes = labScenes()
    let catalog = try ReplicatedCatalog(try scenes.catalog(named: defaultSceneName), repeats: labBenchmarkRepeats)
    let engine = try SimulationEngine(catalog: catalog)
    let result = LabBenchmark.measure(engine: engine, scenes: scenes, seconds: quick ? 2 : 6)
    result.lines.forEach { print($0) }
    labMeasurements.withLock { $0[quick] = result }
    return result
}

extension Benchmark {
    /// Time between frames while the simulation runs: 30 frames/s or more is ≤ 33.3 ms.
    static let labFrameInterval = Benchmark(
        name: "lab-frames", summary: "lab loop, default scene ×9 (972 atoms) running, 100x30 in-memory screen: ms per frame",
        unit: "ms/frame", target: 1000.0 / 30, targetSource: "30 frames/s",
        measure: { quick in 1000 / max(try labMeasurement(quick: quick).framesPerSecond, 1e-9) })

    /// Headless steps/s over steps/s inside the lab: at most 1/0.9 when the lab keeps 90 % of the speed.
    static let labSlowdown = Benchmark(
        name: "lab-slowdown", summary: "simulation steps/s headless ÷ inside the lab (same 972-atom scene)",
        unit: "ratio", target: 1 / 0.9, targetSource: "lab ≥ 90 % of headless",
        measure: { quick in
            let m = try labMeasurement(quick: quick)
            return m.headlessStepsPerSecond / max(m.labStepsPerSecond, 1e-9)
        })

    /// Key press to changed screen: the slowest of the `c` presses.
    static let labKeyLatency = Benchmark(
        name: "lab-key", summary: "`c` key to the first frame showing the new cutoff (slowest press)",
        unit: "ms", target: 50, targetSource: "issue 5",
        measure: { quick in try labMeasurement(quick: quick).keyToScreenMilliseconds.max() ?? .infinity })
}
