import Testing
import Geometry
import Potentials
@testable import Dynamics

@Suite("Langevin thermostat")
struct LangevinTests {
    @Test("the mean temperature matches the bath within four block-average standard errors")
    func meanTemperature() throws {
        let bath = 60.0, dt = 4.0
        var system = fccArgon(cells: 2, a: 5.4)
        system.assignMaxwellBoltzmannVelocities(temperature: bath, seed: 5)
        var evaluator = try ForceEvaluator(potential: SmoothMorse(), system: system, skin: 1)
        let integrator = Langevin(timeStep: dt, temperature: bath, friction: 0.02)
        var state = integrator.initialState(system, evaluator: &evaluator, seed: 5)
        // Equilibrate for 2 ps (40 friction times), then sample 20 ps.
        integrator.run(&state, evaluator: &evaluator, steps: 500)
        let samples = 5000
        var monitor = ConservationMonitor(atomCount: system.count, historyCapacity: samples)
        for _ in 0..<samples {
            integrator.step(&state, evaluator: &evaluator)
            monitor.record(state)
        }
        // 20 blocks of 1 ps, each much longer than the kinetic energy's correlation time (~1/2γ = 25 fs),
        // so the block means are nearly independent and their spread gives an honest standard error.
        let temperatures = monitor.history.map(\.temperature)
        let blocks = 20, size = samples / blocks
        let means = (0..<blocks).map { b in temperatures[b * size..<(b + 1) * size].reduce(0, +) / Double(size) }
        let mean = means.reduce(0, +) / Double(blocks)
        let variance = means.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(blocks - 1)
        let standardError = (variance / Double(blocks)).squareRoot()
        #expect(abs(mean - monitor.report.meanTemperature) < 1e-9)
        // The instantaneous temperature of 93 degrees of freedom scatters by √(2/93) ≈ 15 %; averaged
        // over 20 ps it must be far tighter, or the test could not tell a wrong thermostat.
        #expect(standardError < 0.02 * bath, "standard error \(standardError) K")
        // The thermostat kicks every atom independently, so the total momentum is not conserved and all
        // 3N degrees of freedom carry k_B T/2, while the temperature reading divides by N_f = 3N - 3
        // (LAMMPS's convention for a periodic system): the expected reading is T·3N/N_f (61.9 K here).
        let expected = bath * Double(3 * system.count) / Double(system.degreesOfFreedom)
        #expect(abs(mean - expected) < 4 * standardError, "mean \(mean) K, expected \(expected) K, standard error \(standardError) K")
    }

    @Test("without the bath's noise (T = 0) friction drains the kinetic energy")
    func frictionCools() throws {
        var system = fccArgon(cells: 2, a: 5.4)
        system.assignMaxwellBoltzmannVelocities(temperature: 40, seed: 2)
        var evaluator = try ForceEvaluator(potential: SmoothMorse(), system: system, skin: 1)
        let integrator = Langevin(timeStep: 4, temperature: 0, friction: 0.05)
        var state = integrator.initialState(system, evaluator: &evaluator, seed: 2)
        integrator.run(&state, evaluator: &evaluator, steps: 250)
        #expect(state.temperature < 0.5)
    }
}
