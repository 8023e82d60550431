import Testing
import Geometry
@testable import Dynamics

@Suite("Conservation monitor readout")
struct ConservationMonitorTests {
    /// Samples whose total energy is E(t) = E₀ + rate·t, every `dt` fs from t = 0.
    func linearRun(count: Int, dt: Double, rate: Double, start: Double = -5) -> [EnergySample] {
        (0..<count).map { k in
            let t = Double(k) * dt
            return EnergySample(time: t, kinetic: 1, potential: start - 1 + rate * t, temperature: 100 + Double(k % 2))
        }
    }

    @Test("a linear energy gives its slope as drift, the analytic RMS and the step as largest change")
    func linearEnergy() {
        let atoms = 10, count = 101, dt = 2.0, rate = 3e-6 // eV/fs
        var monitor = ConservationMonitor(atomCount: atoms)
        for s in linearRun(count: count, dt: dt, rate: rate) { monitor.record(s) }
        let report = monitor.report
        // slope: 3e-6 eV/fs = 3 meV/ps = 0.3 meV/atom/ps for 10 atoms
        #expect(abs(report.driftPerAtom - 0.3) < 1e-12)
        // RMS of rate·t_k over t_k = k·dt, k = 0..<count: rate·dt·√(Σk²/count)
        let sumK2 = Double((count - 1) * count * (2 * count - 1) / 6)
        let rms = rate * dt * (sumK2 / Double(count)).squareRoot() * 1000 / Double(atoms)
        #expect(abs(report.rmsDeviationPerAtom - rms) < 1e-12)
        #expect(abs(report.largestStepChange - rate * dt * 1000) < 1e-12)
        #expect(report.duration == 200)
        #expect(report.sampleCount == count)
        #expect(abs(report.meanTemperature - (100 + 50.0 / 101)) < 1e-12)
        #expect(report.crossingCount == nil)
    }

    @Test("one energy jump is the largest step, and its RMS and drift follow from the jump alone")
    func singleJump() {
        var monitor = ConservationMonitor(atomCount: 4)
        for k in 0..<10 {
            monitor.record(EnergySample(time: Double(k), kinetic: 0, potential: k < 5 ? 0 : 0.002, temperature: 0))
        }
        let report = monitor.report
        #expect(abs(report.largestStepChange - 2) < 1e-12)      // 2 meV
        #expect(abs(report.rmsDeviationPerAtom - (0.5 * 4e-6).squareRoot() * 1000 / 4) < 1e-12)
        // Least squares through a step of height h at the midpoint of t = 0..9: slope = h·Σ_{t≥5}(t - 4.5)/Σ(t - 4.5)²
        // = 0.002·12.5/82.5 eV/fs → ×1000 (per ps) ×1000 (meV) / 4 atoms.
        #expect(abs(report.driftPerAtom - 0.002 * 12.5 / 82.5 * 1e6 / 4) < 1e-9)
    }

    @Test("restart makes the next sample the reference and forgets earlier jumps")
    func restart() {
        var monitor = ConservationMonitor(atomCount: 1)
        for s in linearRun(count: 10, dt: 1, rate: 1e-3) { monitor.record(s) }
        monitor.restart()
        // A different model: the energy jumps by 1 eV at the switch, then stays constant.
        for k in 10..<20 {
            monitor.record(EnergySample(time: Double(k), kinetic: 1, potential: 3, temperature: 50))
        }
        let report = monitor.report
        #expect(report.rmsDeviationPerAtom == 0)
        #expect(report.largestStepChange == 0)
        #expect(report.driftPerAtom == 0)
        #expect(report.duration == 9)
        #expect(report.initialTotalEnergy == 4)
        #expect(report.meanTemperature == 50)
    }

    @Test("the history keeps the latest samples, oldest first, within its capacity")
    func boundedHistory() {
        var monitor = ConservationMonitor(atomCount: 1, historyCapacity: 4)
        let run = linearRun(count: 11, dt: 1, rate: 0)
        for s in run[..<3] { monitor.record(s) }
        #expect(monitor.history == Array(run[..<3]))
        for s in run[3...] { monitor.record(s) }
        #expect(monitor.history == Array(run[7...]))
        #expect(monitor.latest == run.last)
        monitor.clearHistory()
        #expect(monitor.history.isEmpty)
        #expect(monitor.report.sampleCount == 11)
    }

    @Test("a monitor without history keeps none")
    func noHistory() {
        var monitor = ConservationMonitor(atomCount: 1)
        for s in linearRun(count: 5, dt: 1, rate: 0) { monitor.record(s) }
        #expect(monitor.history.isEmpty)
    }
}
