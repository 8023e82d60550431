import Dynamics
import Experiments
import Geometry
import Potentials
import Scenes
import Training

/// Compare mode's models in lockstep: each of a scene's student models runs its own trajectory from
/// the same positions and velocities, and all advance the same number of steps per call, the models
/// spread over the cores (``parallelMap(_:_:)``: each run is a value stepped by one thread).
///
/// What it measures is the drift table, live: per model the RMS of E_total(t) − E_total(start) per
/// atom (meV/atom), over every step since the start, and its history as a ``RunningRMSTrace``.
public struct CompareEngine: Sendable {
    /// One model's run.
    public struct Run: Sendable {
        public let choice: ModelChoice
        var dynamics: MolecularDynamics
        let stabilityID: ObserverID<InstabilityGuard>
        let recorderID: ObserverID<RunningRMSRecorder>
        /// Why the run stopped (it blew up), nil while it runs.
        public internal(set) var failure: String?
        /// Wall-clock seconds per step of the last ``step(_:)`` calls (a running mean), which
        /// ``CompareEngine/step(_:)`` hands out the longest first.
        var secondsPerStep = 0.0

        /// The run's state (positions Å, velocities Å/fs, energies eV).
        public var state: MDState { dynamics.state }
        /// RMS of E_total − E_total(start) per atom over every step so far, meV/atom.
        public var rmsDeviationPerAtom: Double { dynamics[recorderID].rmsDeviationPerAtom }
        /// Running RMS since the start, sampled for the plot.
        public var trace: RunningRMSTrace { dynamics[recorderID].trace }

        /// Steps `count` times unless the run has failed; a failure stops this run only.
        mutating func step(_ count: Int) {
            guard failure == nil, count > 0 else { return }
            let clock = ContinuousClock()
            let start = clock.now
            defer {
                let perStep = (clock.now - start).inSeconds / Double(count)
                secondsPerStep = secondsPerStep == 0 ? perStep : 0.5 * (secondsPerStep + perStep)
            }
            for _ in 0..<count {
                do {
                    try dynamics.step()
                } catch {
                    failure = (error as? Instability)?.cause ?? "\(error)"
                    return
                }
            }
        }
    }

    public private(set) var runs: [Run]

    /// Starts `choices` of `catalog` from `system` (its positions and velocities) under `settings`.
    public init(catalog: any ModelCatalog, choices: [ModelChoice], settings: RunSettings, system: AtomicSystem,
                startTime: Double = 0) throws {
        runs = try choices.map { choice in
            var dynamics = try MolecularDynamics(system: system, potential: try catalog.potential(for: choice),
                                                 integrator: try settings.integrator(), seed: settings.seed)
            let stabilityID = dynamics.attach(InstabilityGuard.lab(temperature: settings.temperature))
            let recorderID = dynamics.attach(RunningRMSRecorder(atomCount: system.count))
            var run = Run(choice: choice, dynamics: dynamics, stabilityID: stabilityID, recorderID: recorderID)
            do { try run.dynamics.observe() } catch { run.failure = "\(error)" }
            return run
        }
    }

    /// The models compare mode offers for `catalog`: its cutoffs × its activations, in the drift
    /// table's order (fewer than two: nothing to compare).
    public static func models(of catalog: any ModelCatalog) -> [ModelChoice] {
        ModelChoice.all.filter { catalog.cutoffs.contains($0.cutoff) && catalog.activations.contains($0.activation) }
    }

    /// Advances every run that has not failed by `count` steps, the runs spread over the cores.
    ///
    /// The cores take runs one at a time, in order, as they come free, and all wait for the last:
    /// handing out the slowest first (by the last calls' time per step; a smooth cutoff with tanh costs
    /// about 1.6 times a kinked one with ReLU) leaves the short ones to fill the gaps at the end, so
    /// the wait is shortest (longest-processing-time-first scheduling). Each run is stepped by one
    /// thread whatever the order, so the order changes no result.
    public mutating func step(_ count: Int) {
        let before = runs
        let order = before.indices.sorted { (before[$0].secondsPerStep, -$0) > (before[$1].secondsPerStep, -$1) }
        let stepped = parallelMap(order.count) { n in
            var run = before[order[n]]
            run.step(count)
            return run
        }
        for (n, i) in order.enumerated() { runs[i] = stepped[n] }
    }

    /// Whether every run has failed.
    public var allFailed: Bool { runs.allSatisfy { $0.failure != nil } }

    /// Simulated time of the runs, fs (they advance together; a failed one stops at its failure).
    public var time: Double { runs.map(\.state.time).max() ?? 0 }
}

/// A running value sampled over time for a plot, bounded: a point at most every ``interval`` fs; when
/// ``capacity`` points are held, every second point is dropped and the interval doubles, so the whole
/// run since the start stays in view at an even density.
public struct RunningRMSTrace: Sendable {
    /// (time fs, value) oldest first.
    public private(set) var points: [SIMD2<Double>] = []
    public private(set) var interval = 1.0
    public let capacity: Int

    public init(capacity: Int = 1024) { self.capacity = max(capacity, 4) }

    /// Keeps (time, value) if at least ``interval`` fs after the last kept point.
    public mutating func offer(time: Double, value: Double) {
        if let last = points.last, time - last.x < interval { return }
        if points.count >= capacity {
            points = points.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            interval *= 2
        }
        points.append(SIMD2(time, value))
    }
}

/// Compare mode's observer: the RMS of E_total(t) − E_total(start) per atom over every observed state
/// (O(1) running sums, meV/atom), and its history for the plot. Lighter than a
/// ``ConservationMonitor`` (no crossing count, no drift fit), which is what six lockstep runs need.
struct RunningRMSRecorder: MDObserver {
    let atomCount: Int
    private var reference: Double?
    private var sumSquares = 0.0
    private var count = 0
    private(set) var trace = RunningRMSTrace()

    init(atomCount: Int) { self.atomCount = max(atomCount, 1) }

    /// sqrt(mean of (E − E₀)²) × 1000 / N, meV/atom.
    var rmsDeviationPerAtom: Double {
        count > 0 ? (sumSquares / Double(count)).squareRoot() * 1000 / Double(atomCount) : 0
    }

    mutating func observe(_ state: MDState, in context: ObservationContext) throws {
        let e = state.totalEnergy
        let e0 = reference ?? e
        reference = e0
        sumSquares += (e - e0) * (e - e0)
        count += 1
        trace.offer(time: state.time, value: rmsDeviationPerAtom)
    }
}
