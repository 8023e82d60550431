import Testing
import Geometry
import Potentials
@testable import Dynamics

@Suite("Seeded trajectories replay bit for bit")
struct ReproducibilityTests {
    func trajectory(_ integrator: some Integrator, seed: UInt64, steps: Int = 60) throws -> MDState {
        var system = fccArgon(cells: 2, a: 5.4)
        system.assignMaxwellBoltzmannVelocities(temperature: 120, seed: seed)
        var evaluator = try ForceEvaluator(potential: SmoothMorse(), system: system, skin: 0.5)
        var state = integrator.initialState(system, evaluator: &evaluator, seed: seed)
        integrator.run(&state, evaluator: &evaluator, steps: steps)
        return state
    }

    @Test("velocity Verlet from the same seed gives a bitwise-identical trajectory")
    func verlet() throws {
        let a = try trajectory(VelocityVerlet(timeStep: 5), seed: 9)
        let b = try trajectory(VelocityVerlet(timeStep: 5), seed: 9)
        let c = try trajectory(VelocityVerlet(timeStep: 5), seed: 10)
        #expect(a.system == b.system && a.result == b.result)
        #expect(a.system.positions != c.system.positions)
    }

    @Test("Langevin from the same seed gives a bitwise-identical trajectory")
    func langevin() throws {
        let thermostat = Langevin(timeStep: 5, temperature: 120, friction: 0.05)
        let a = try trajectory(thermostat, seed: 9)
        let b = try trajectory(thermostat, seed: 9)
        let c = try trajectory(thermostat, seed: 10)
        #expect(a.system == b.system && a.result == b.result && a.random == b.random)
        #expect(a.system.positions != c.system.positions)
    }
}
