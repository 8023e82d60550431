import Foundation
import Dynamics
import Geometry
import Potentials

/// What a finished (or exploded) headless run has to say.
struct RunOutcome {
    var atomCount: Int
    var isPeriodic: Bool
    var stepsDone: Int
    var stepsAsked: Int
    var timeStep: Double
    var startTemperature: Double
    var endTemperature: Double
    var report: ConservationReport
    var crossingCutoff: Double
    var listRebuilds: Int
    var wallSeconds: Double
    /// Why the run stopped early, if it did.
    var instability: Instability?
    /// For a trained NNP: whether its symmetry functions left the training range, in one line.
    var extrapolation: String? = nil
}

extension RunCommand {
    /// Runs `steps` steps of `integrator` from `system`, recording the conservation diagnostics, the
    /// log and the trajectory; stops at the first sign the run has blown up.
    func simulate(_ system: AtomicSystem, potential: any Potential, integrator: some Integrator) throws -> RunOutcome {
        var log = try self.log.map { try EnergyLog(path: $0, overwrite: force) }
        var frames = try trajectory.map { try TrajectoryFile(path: $0, overwrite: force) }
        var evaluator = try ForceEvaluator(potential: potential, system: system)
        // The thermostat's stream is seeded one past the velocities' so it does not replay their draws.
        var state = integrator.initialState(system, evaluator: &evaluator, seed: seed &+ 1)
        var monitor = ConservationMonitor(atomCount: system.count)
        var progress = ProgressBar(label: "MD", total: steps)
        var extrapolation = ExtrapolationMonitor(potential, interval: every)
        var extrapolationLines = 0

        func sample() throws {
            monitor.record(state, neighbors: evaluator.neighbors)
            // Each atom-function pair leaving the training range is told once on stderr (at most 20 lines).
            for w in extrapolation?.check(state.system, neighbors: evaluator.neighbors, step: state.step) ?? []
            where extrapolationLines < 20 {
                extrapolationLines += 1
                printToStandardError("extrapolation at step \(state.step): \(w)")
            }
            guard state.step % every == 0, let latest = monitor.latest else { return }
            try log?.append(step: state.step, latest)
            try frames?.append(state)
        }

        var instability = state.instability(timeStep: dt)
        if instability == nil { try sample() }
        let clock = ContinuousClock()
        let start = clock.now
        while instability == nil && state.step < steps {
            integrator.step(&state, evaluator: &evaluator)
            instability = state.instability(timeStep: dt)
            if instability == nil { try sample() }
            progress.update(state.step, detail: "T \(Int(state.temperature.rounded())) K")
        }
        let wall = ProgressBar.seconds(clock.now - start)
        progress.finish()
        try log?.close()
        try frames?.close()
        return RunOutcome(atomCount: system.count, isPeriodic: system.cell != nil, stepsDone: state.step,
                          stepsAsked: steps, timeStep: dt, startTemperature: system.temperature,
                          endTemperature: state.temperature, report: monitor.report,
                          crossingCutoff: monitor.crossingCutoff ?? potential.cutoff,
                          listRebuilds: evaluator.neighbors.buildCount - 1, wallSeconds: wall,
                          instability: instability, extrapolation: extrapolation?.summary)
    }
}

extension RunOutcome {
    /// The report printed at the end of `nnplab run`: one `name  value` line per figure.
    func text(structure: String, potential: String, dynamics: String) -> String {
        let r = report
        let ps = Double(stepsDone) * timeStep / 1000
        var lines: [(String, String)] = [
            ("structure", "\(structure) (\(atomCount) atoms, \(isPeriodic ? "periodic" : "free cluster"))"),
            ("potential", potential),
            ("dynamics", dynamics),
            ("steps", "\(stepsDone) of \(fixed(timeStep, 3)) fs = \(fixed(ps, 3)) ps"
                + (stepsDone < stepsAsked ? " (stopped early, of \(stepsAsked) asked)" : "")),
            ("temperature", "start \(fixed(startTemperature, 2)) K, mean \(fixed(r.meanTemperature, 2)) K, end \(fixed(endTemperature, 2)) K"),
            ("total energy", "start \(fixed(r.initialTotalEnergy, 6)) eV, end \(fixed(r.finalTotalEnergy, 6)) eV"),
            ("rms deviation", "\(scientific(r.rmsDeviationPerAtom)) meV/atom"),
            ("drift", "\(scientific(r.driftPerAtom)) meV/atom/ps"),
            ("largest step", "\(scientific(r.largestStepChange)) meV"),
            ("crossings", "\(fixed(r.crossingsPerPicosecond ?? 0, 1)) per ps (\(r.crossingCount ?? 0) pairs crossed r_c = \(fixed(crossingCutoff, 3)) Å)"),
            ("list rebuilds", "\(listRebuilds)"),
        ]
        if let extrapolation { lines.append(("extrapolation", extrapolation)) }
        if stepsDone > 0, wallSeconds > 0 {
            let perSecond = Double(stepsDone) / wallSeconds
            let perAtomStep = wallSeconds * 1e6 / (Double(stepsDone) * Double(atomCount))
            lines.append(("speed", "\(fixed(perSecond, 1)) steps/s, \(fixed(perAtomStep, 3)) µs/atom-step"))
        }
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }
            .joined(separator: "\n")
    }

    private func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
    private func scientific(_ x: Double) -> String { String(format: "%.3e", x) }
}
