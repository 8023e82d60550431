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
        var dynamics = try MolecularDynamics(system: system, potential: SmoothMorse(),
                                             integrator: Langevin(timeStep: dt, temperature: bath, friction: 0.02),
                                             seed: 5, skin: 1)
        // Equilibrate for 2 ps (40 friction times), then sample 20 ps.
        try dynamics.run(steps: 500)
        let samples = 5000
        let id = dynamics.attach(ConservationMonitor(atomCount: system.count, historyCapacity: samples))
        try dynamics.run(steps: samples - 1)
        let monitor = dynamics[id]
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
        var dynamics = try MolecularDynamics(system: system, potential: SmoothMorse(),
                                             integrator: Langevin(timeStep: 4, temperature: 0, friction: 0.05),
                                             seed: 2, skin: 1)
        try dynamics.run(steps: 250)
        #expect(dynamics.state.temperature < 0.5)
    }
}
