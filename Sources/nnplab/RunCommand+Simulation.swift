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
    /// False for Langevin dynamics, whose bath exchanges energy with the atoms: then E_total is not
    /// conserved and the report leaves out the conservation figures rather than present them.
    var conservesEnergy = true
}

extension RunCommand {
    /// Runs `steps` steps of `integrator` from `system`, recording the conservation diagnostics, the
    /// log and the trajectory; stops at the first sign the run has blown up.
    func simulate(_ system: AtomicSystem, potential: any Potential, thermostat: Thermostat) throws -> RunOutcome {
        let integrator = try thermostat.integrator(timeStep: dt, temperature: temperature ?? 0)
        // The thermostat's stream is seeded one past the velocities' so it does not replay their draws.
        var dynamics = try MolecularDynamics(system: system, potential: potential, integrator: integrator,
                                             seed: seed &+ 1)
        dynamics.attach(InstabilityGuard())
        let monitor = dynamics.attach(ConservationMonitor(atomCount: system.count))
        let extrapolation = dynamics.attach(ExtrapolationPrinter(potential, interval: every))
        let setting = "\(potential.summary), dt \(formattedTime(dt)) fs, \(thermostat)"
        let logID = try log.map { dynamics.attach(try EnergyLog(path: $0, overwrite: force, setting: setting), every: every) }
        let framesID = try trajectory.map { dynamics.attach(try TrajectoryFile(path: $0, overwrite: force), every: every) }
        let progress = dynamics.attach(ProgressBar(label: "MD", total: steps))
        var instability: Instability?
        let clock = ContinuousClock()
        let start = clock.now
        do {
            try dynamics.run(steps: steps)
        } catch let caught as Instability {
            instability = caught
        }
        let wall = (clock.now - start).inSeconds
        dynamics[progress].finish()
        if let logID { try dynamics[logID].close() }
        if let framesID { try dynamics[framesID].close() }
        let state = dynamics.state
        let report = dynamics[monitor].report
        return RunOutcome(atomCount: system.count, isPeriodic: system.cell != nil, stepsDone: state.step,
                          stepsAsked: steps, timeStep: dt, startTemperature: system.temperature,
                          endTemperature: state.temperature, report: report,
                          crossingCutoff: dynamics[monitor].crossingCutoff ?? potential.cutoff,
                          listRebuilds: dynamics.evaluator.neighbors.buildCount - 1, wallSeconds: wall,
                          instability: instability, extrapolation: dynamics[extrapolation]?.monitor.summary,
                          conservesEnergy: thermostat == .nve)
    }
}

/// Prints each atom-function pair leaving the training range once on stderr (at most 20 lines), as
/// the run goes; the report's summary line comes from its monitor.
struct ExtrapolationPrinter: MDObserver {
    private(set) var monitor: ExtrapolationMonitor
    private var printed = 0

    /// A printer for `potential` when it can detect extrapolation, checking every `interval` steps.
    init?(_ potential: any Potential, interval: Int) {
        guard let monitor = ExtrapolationMonitor(potential, interval: interval) else { return nil }
        self.monitor = monitor
    }

    mutating func observe(_ state: MDState, in context: ObservationContext) throws {
        for w in monitor.check(state.system, neighbors: context.neighbors, step: state.step) where printed < 20 {
            printed += 1
            printToStandardError("extrapolation at step \(state.step): \(w)")
        }
    }
}

extension ProgressBar: MDObserver {
    mutating func observe(_ state: MDState, in context: ObservationContext) throws {
        update(state.step, detail: "T \(Int(state.temperature.rounded())) K")
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
        ]
        if conservesEnergy {
            lines += [
                ("rms deviation", "\(scientific(r.rmsDeviationPerAtom)) meV/atom"),
                ("drift", "\(scientific(r.driftPerAtom)) meV/atom/ps"),
                ("largest step", "\(scientific(r.largestStepChange)) meV"),
            ]
        } else {
            lines.append(("conservation", "not measured: the Langevin bath exchanges energy with the atoms"))
        }
        lines += [
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

    private func scientific(_ x: Double) -> String { String(format: "%.3e", x) }
}
