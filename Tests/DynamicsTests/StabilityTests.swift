import Testing
import Geometry
import Potentials
@testable import Dynamics

@Suite("Detecting a run that blew up")
struct StabilityTests {
    @Test("a sound run passes the guard at every step")
    func soundRun() throws {
        var system = fccArgon(cells: 2, a: 5.4)
        system.assignMaxwellBoltzmannVelocities(temperature: 100, seed: 1)
        var dynamics = try MolecularDynamics(system: system, potential: SmoothMorse(),
                                             integrator: VelocityVerlet(timeStep: 5))
        dynamics.attach(InstabilityGuard())
        try dynamics.run(steps: 20)
        #expect(dynamics.state.step == 20)
    }

    @Test("two atoms pushed almost onto each other fly apart and the guard stops the run there")
    func overlappingAtomsRunAway() throws {
        var system = fccArgon(cells: 2, a: 5.4)
        system.positions[1] = system.positions[0] + Vector3(0.9, 0, 0)
        var dynamics = try MolecularDynamics(system: system, potential: SmoothMorse(),
                                             integrator: VelocityVerlet(timeStep: 10))
        dynamics.attach(InstabilityGuard())
        let after = dynamics.attach(StepCounter())
        do {
            try dynamics.run(steps: 50)
            Issue.record("no runaway detected in 50 steps")
        } catch let caught as Instability {
            guard case let .runaway(atom, displacement, step) = caught else {
                Issue.record("expected a runaway, got \(caught)")
                return
            }
            #expect(atom == 0 || atom == 1)
            #expect(displacement > 1)
            #expect(step == dynamics.state.step)
            // Observers attached after the guard never see the state that blew up.
            #expect(dynamics[after].lastStep == step - 1)
            #expect(caught.description.contains("exploded at step \(step)"))
        }
    }

    @Test("a NaN energy, position or force, and a temperature over the limit, are caught")
    func nonFinite() throws {
        let system = fccArgon(cells: 1, a: 5.4)
        let guardian = InstabilityGuard(temperatureLimit: 500)
        let resting = [Vector3](repeating: .zero, count: system.count)
        func result(energy: Double = 0, forces: [Vector3] = resting) -> PotentialResult {
            PotentialResult(energy: energy, atomicEnergies: Array(repeating: energy / Double(system.count), count: system.count),
                            forces: forces, virial: .zero)
        }
        var state = MDState(system: system, result: result(energy: .nan))
        #expect(guardian.inspect(state, timeStep: 1) == .nonFiniteEnergy(step: 0, energy: .nan) || {
            if case .nonFiniteEnergy? = guardian.inspect(state, timeStep: 1) { return true } else { return false }
        }())
        state.result = result()
        #expect(guardian.inspect(state, timeStep: 1) == nil)
        var infinite = resting
        infinite[3].z = -.infinity
        state.result = result(forces: infinite)
        #expect(guardian.inspect(state, timeStep: 1) == .nonFiniteForce(atom: 3, step: 0))
        state.system.positions[2].y = .infinity
        #expect(guardian.inspect(state, timeStep: 1) == .nonFiniteAtom(atom: 2, step: 0))
        state.system.positions[2].y = 0
        state.result = result()
        state.system.assignMaxwellBoltzmannVelocities(temperature: 600, seed: 1)
        guard case let .overheated(t, limit, _)? = guardian.inspect(state, timeStep: 1) else {
            Issue.record("600 K not caught by a 500 K limit")
            return
        }
        #expect(abs(t - 600) < 1e-9 && limit == 500)
    }
}

/// Remembers the last step it saw.
struct StepCounter: MDObserver {
    var lastStep: Int?
    var observed = 0
    mutating func observe(_ state: MDState, in context: ObservationContext) throws {
        lastStep = state.step
        observed += 1
    }
}
