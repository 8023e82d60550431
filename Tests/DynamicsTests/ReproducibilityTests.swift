import Testing
import Geometry
import Potentials
@testable import Dynamics

@Suite("Seeded trajectories replay bit for bit")
struct ReproducibilityTests {
    func trajectory(_ integrator: some Integrator, seed: UInt64, steps: Int = 60) throws -> MDState {
        var system = fccArgon(cells: 2, a: 5.4)
        system.assignMaxwellBoltzmannVelocities(temperature: 120, seed: seed)
        var dynamics = try MolecularDynamics(system: system, potential: SmoothMorse(), integrator: integrator,
                                             seed: seed, skin: 0.5)
        try dynamics.run(steps: steps)
        return dynamics.state
    }

    @Test("velocity Verlet from the same seed gives a bitwise-identical trajectory")
    func verlet() throws {
        let a = try trajectory(try VelocityVerlet(timeStep: 5), seed: 9)
        let b = try trajectory(try VelocityVerlet(timeStep: 5), seed: 9)
        let c = try trajectory(try VelocityVerlet(timeStep: 5), seed: 10)
        #expect(a.system == b.system && a.result == b.result)
        #expect(a.system.positions != c.system.positions)
    }

    @Test("Langevin from the same seed gives a bitwise-identical trajectory")
    func langevin() throws {
        let thermostat = try Langevin(timeStep: 5, temperature: 120, friction: 0.05)
        let a = try trajectory(thermostat, seed: 9)
        let b = try trajectory(thermostat, seed: 9)
        let c = try trajectory(thermostat, seed: 10)
        #expect(a.system == b.system && a.result == b.result && a.random == b.random)
        #expect(a.system.positions != c.system.positions)
    }
}
