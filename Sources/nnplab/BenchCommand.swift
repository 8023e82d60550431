import ArgumentParser
import Foundation

/// One performance figure: how to measure it and the bound it must stay under, or, for a figure that
/// a real program also produces, the ratio to that program measured in the same run.
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
    /// The real program's figure in the same unit, measured now; when set, PASS means figure / theirs ≤ target.
    var comparison: Comparison? = nil

    struct Comparison: Sendable {
        /// "LAMMPS lmp", "n2p2 nnp-predict".
        let program: String
        let measure: @Sendable (_ programs: OutsidePrograms, _ quick: Bool) throws -> Double
    }

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
        .labCompareFrames, .labCompareSpeed, .labCompareKey,
        .labWater,
        .trainingArgon,
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
        so that other processes on a shared machine do not count. The teacher benchmarks run LAMMPS \
        (lmp, Scenes/bench/lammps) and nnp-water runs n2p2's nnp-predict in the same run, when they are \
        on PATH or given with --lammps/--n2p2, and are judged by the ratio (the median of three rounds \
        that alternate between the two programs); otherwise the comparison is skipped and said so.

        Benchmarks: \(Benchmark.all.map(\.name).joined(separator: ", ")).
        Example: nnplab bench --only sw-silicon
        """)

    @OptionGroup var threads: ThreadsOption

    @Option(help: "Run only the benchmarks whose name contains this text.")
    var only: String?

    @Flag(help: "Short runs: a quick check, noisier figures.")
    var quick = false

    @Option(help: ArgumentHelp("n2p2's nnp-predict to compare with (default: the one on PATH).", valueName: "PATH"))
    var n2p2: String?

    @Option(help: ArgumentHelp("LAMMPS' lmp to compare with (default: the one on PATH).", valueName: "PATH"))
    var lammps: String?

    func run() throws {
        let chosen = Benchmark.all.filter { benchmark in only.map { benchmark.name.contains($0) } ?? true }
        guard !chosen.isEmpty else {
            throw CommandFailure("no benchmark matches '\(only ?? "")' (known: \(Benchmark.all.map(\.name).joined(separator: ", ")))")
        }
        Benchmark.setThreadsForParallelFigures()
        #if DEBUG
        print("note: this is a debug build; figures are meaningful only from `swift build -c release`")
        #endif
        let programs = OutsidePrograms(n2p2: n2p2, lammps: lammps)
        var misses = 0, judged = 0
        for benchmark in chosen {
            if isatty(STDERR_FILENO) != 0 { printToStandardError("running \(benchmark.name)...") }
            var figure = try benchmark.measure(quick)
            var verdict: String
            var pass: Bool?
            if let comparison = benchmark.comparison {
                do {
                    let rounds = try Self.alternatingRounds(benchmark, comparison, programs: programs, quick: quick, first: figure)
                    let middle = rounds.sorted { $0.ratio < $1.ratio }[rounds.count / 2]
                    figure = middle.ours
                    pass = middle.ratio <= benchmark.target
                    verdict = String(format: "%@ %.3f %@: ratio %.2f, target ≤ %.2f", comparison.program, middle.theirs,
                                     benchmark.unit, middle.ratio, benchmark.target)
                    if rounds.count > 1 {
                        verdict += " (median of \(rounds.count) alternating rounds: "
                            + rounds.map { String(format: "%.2f", $0.ratio) }.joined(separator: " ") + ")"
                    }
                } catch {
                    verdict = "comparison with \(comparison.program) skipped: \(error)"
                }
            } else {
                pass = figure <= benchmark.target
                verdict = String(format: "target ≤ %.3f (%@)", benchmark.target, benchmark.targetSource)
            }
            if let pass { judged += 1; if !pass { misses += 1 } }
            let line = [benchmark.name.padding(toLength: 18, withPad: " ", startingAt: 0),
                        String(format: "%8.3f %@", figure, benchmark.unit), verdict,
                        pass.map { $0 ? "PASS" : "MISS" } ?? "-"].joined(separator: "  ")
            print(line)
            print("    \(benchmark.summary)")
        }
        print("\(judged - misses) of \(judged) judged benchmarks met their targets"
              + (judged < chosen.count ? " (\(chosen.count - judged) compared with nothing: program missing)" : ""))
    }

    /// Ours and theirs measured in turn, round after round (one round when `quick`), each round's figures
    /// and ratio. A shared machine's speed drifts over seconds (another process, the host's CPU
    /// frequency): measured in alternation, both programs see the same conditions within a round, and
    /// the median round is not decided by when a slow spell fell. `first` is our first round's figure.
    static func alternatingRounds(_ benchmark: Benchmark, _ comparison: Benchmark.Comparison, programs: OutsidePrograms,
                                  quick: Bool, first: Double) throws -> [(ours: Double, theirs: Double, ratio: Double)] {
        var rounds: [(ours: Double, theirs: Double, ratio: Double)] = []
        for round in 0..<(quick ? 1 : 3) {
            let ours = round == 0 ? first : try benchmark.measure(quick)
            let theirs = try comparison.measure(programs, quick)
            rounds.append((ours, theirs, ours / theirs))
        }
        return rounds
    }
}

/// The middle value of `values` (the upper middle of an even count), the benchmarks' summary of repeats.
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
