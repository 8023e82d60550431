import ArgumentParser
import Foundation

/// One performance figure: how to measure it and the bound it must stay under.
///
/// To add a benchmark, write a `static let` returning a `Benchmark` in its own file
/// (`Benchmark+Teachers.swift` is an example) and add it to ``Benchmark/all``.
struct Benchmark: Sendable {
    /// Short name for `--only`, e.g. "sw-silicon".
    let name: String
    /// One line saying what is run.
    let summary: String
    /// Unit of the figure, e.g. "µs/atom-step".
    let unit: String
    /// The figure passes when it is at most this.
    let target: Double
    /// Where the target comes from, e.g. "LAMMPS serial".
    let targetSource: String
    /// Runs the benchmark (shorter when `quick`) and returns the figure.
    let measure: @Sendable (_ quick: Bool) throws -> Double

    /// Every benchmark `nnplab bench` knows, in the order it runs them.
    static let all: [Benchmark] = [
        .stillingerWeberSilicon,
        .lennardJonesArgon,
        .lennardJonesScaling,
        .nnpWater,
        .nnpForceCost,
        .labFrameInterval,
        .labSlowdown,
        .labKeyLatency,
        .trainingArgon,
        .nnpWaterOneThread,
        .nnpWaterThreads,
        .lennardJonesThreads,
        .stillingerWeberThreads,
    ]
}

/// `nnplab bench`: the performance figures, each next to its target.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure performance figures (use a release build: swift build -c release).",
        discussion: """
        Runs each benchmark on one thread and prints its figure, its target and PASS or MISS. Time per \
        atom-step is the CPU time of whole velocity Verlet steps (neighbour list updates included) \
        divided by atoms × steps. CPU time rather than wall time, \
        so that other processes on a shared machine do not count; compare with LAMMPS' loop time × \
        its reported CPU use (Scenes/bench/lammps/README.md).

        Benchmarks: \(Benchmark.all.map(\.name).joined(separator: ", ")).
        Example: nnplab bench --only sw-silicon
        """)

    @OptionGroup var threads: ThreadsOption

    @Option(help: "Run only the benchmarks whose name contains this text.")
    var only: String?

    @Flag(help: "Short runs: a quick check, noisier figures.")
    var quick = false

    func run() throws {
        let chosen = Benchmark.all.filter { benchmark in only.map { benchmark.name.contains($0) } ?? true }
        guard !chosen.isEmpty else {
            throw CommandFailure("no benchmark matches '\(only ?? "")' (known: \(Benchmark.all.map(\.name).joined(separator: ", ")))")
        }
        Benchmark.setThreadsForParallelFigures()
        #if DEBUG
        print("note: this is a debug build; figures are meaningful only from `swift build -c release`")
        #endif
        var misses = 0
        for benchmark in chosen {
            if isatty(STDERR_FILENO) != 0 { printToStandardError("running \(benchmark.name)...") }
            let figure = try benchmark.measure(quick)
            let pass = figure <= benchmark.target
            if !pass { misses += 1 }
            let line = [benchmark.name.padding(toLength: 18, withPad: " ", startingAt: 0),
                        String(format: "%8.3f %@", figure, benchmark.unit),
                        String(format: "target ≤ %.3f (%@)", benchmark.target, benchmark.targetSource),
                        pass ? "PASS" : "MISS"].joined(separator: "  ")
            print(line)
            print("    \(benchmark.summary)")
        }
        print("\(chosen.count - misses) of \(chosen.count) benchmarks met their targets")
    }
}
