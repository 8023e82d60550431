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
    try measuredOnce(in: labMeasurements, quick: quick, lines: \LabBenchmarkResult.lines) { scenes in
        let catalog = try ReplicatedCatalog(try scenes.catalog(named: defaultSceneName), repeats: labBenchmarkRepeats)
        return LabBenchmark.measure(engine: try SimulationEngine(catalog: catalog), scenes: scenes, seconds: quick ? 2 : 6)
    }
}

/// The lab's engine on scene `name` with its shipped models, as `nnplab view NAME` opens it.
private func engine(scene name: String, in scenes: any SceneSource) throws -> SimulationEngine {
    try SimulationEngine(catalog: try scenes.catalog(named: name))
}

/// The measurement kept in `store` for `quick`, or a new one by `measure` (given the lab's scenes),
/// printed and kept: several figures share one measurement per `nnplab bench` run.
private func measuredOnce<Result: Sendable>(in store: borrowing Mutex<[Bool: Result]>, quick: Bool, lines: (Result) -> [String],
                                            measure: (any SceneSource) throws -> Result) throws -> Result {
    if let done = store.withLock({ $0[quick] }) { return done }
    let result = try measure(labScenes())
    lines(result).forEach { print($0) }
    store.withLock { $0[quick] = result }
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

/// The compare-mode figures come from one measurement on the default scene (108 argon atoms, its six
/// models), made once per `nnplab bench` run.
private let compareMeasurements = Mutex<[Bool: LabCompareBenchmarkResult]>([:])

private func compareMeasurement(quick: Bool) throws -> LabCompareBenchmarkResult {
    try measuredOnce(in: compareMeasurements, quick: quick, lines: \LabCompareBenchmarkResult.lines) { scenes in
        LabBenchmark.measureCompare(engine: try engine(scene: defaultSceneName, in: scenes), scenes: scenes, seconds: quick ? 2 : 6)
    }
}

extension Benchmark {
    /// Frames/s in compare mode: 30 or more is ≤ 33.3 ms per frame.
    static let labCompareFrames = Benchmark(
        name: "lab-compare-frames", summary: "lab compare mode, default scene's 6 models in lockstep, 100x30: ms per frame",
        unit: "ms/frame", target: 1000.0 / 30, targetSource: "issue 9: 30 frames/s",
        measure: { quick in 1000 / max(try compareMeasurement(quick: quick).framesPerSecond, 1e-9) })

    /// Wall-clock seconds per simulated ps of the slowest compared model: at most 5 (≥ 0.2 ps/s).
    static let labCompareSpeed = Benchmark(
        name: "lab-compare-speed", summary: "compare mode: wall-clock s per simulated ps of the slowest of the 6 models",
        unit: "s/ps", target: 5, targetSource: "issue 9: each model ≥ 0.2 ps/s",
        measure: { quick in 1 / max(try compareMeasurement(quick: quick).slowestPicosecondsPerSecond, 1e-9) })

    /// Tab to changed screen in compare mode.
    static let labCompareKey = Benchmark(
        name: "lab-compare-key", summary: "compare mode: Tab to the first frame showing the newly followed model (slowest)",
        unit: "ms", target: 50, targetSource: "issue 9",
        measure: { quick in try compareMeasurement(quick: quick).keyToScreenMilliseconds.max() ?? .infinity })
}

/// The water lab figure: the `water` scene (64 molecules, its six two-element students) in the lab's
/// own loop, measured once per `nnplab bench` run like the default scene's.
private let waterLabMeasurements = Mutex<[Bool: LabBenchmarkResult]>([:])

private func waterLabMeasurement(quick: Bool) throws -> LabBenchmarkResult {
    try measuredOnce(in: waterLabMeasurements, quick: quick, lines: \LabBenchmarkResult.lines) { scenes in
        LabBenchmark.measure(engine: try engine(scene: "water", in: scenes), scenes: scenes, seconds: quick ? 2 : 6)
    }
}

extension Benchmark {
    /// The water box's steps/s in the lab, on all the threads `--threads` allows: 40 steps/s or more
    /// is ≤ 25 ms per step.
    static let labWater = Benchmark(
        name: "lab-water", summary: "lab loop on the water scene (192 atoms, students cycling c) running: wall-clock ms per MD step",
        unit: "ms/step", target: 1000.0 / 40, targetSource: "issue 12: ≥ 40 steps/s",
        measure: { quick in 1000 / max(try waterLabMeasurement(quick: quick).labStepsPerSecond, 1e-9) })
}
