import Testing
import Geometry
import Potentials
@testable import Dynamics

@Suite("Detecting a run that blew up")
struct StabilityTests {
    @Test("a sound run reports no instability")
    func soundRun() throws {
        var system = fccArgon(cells: 2, a: 5.4)
        system.assignMaxwellBoltzmannVelocities(temperature: 100, seed: 1)
        var evaluator = try ForceEvaluator(potential: SmoothMorse(), system: system)
        let integrator = VelocityVerlet(timeStep: 5)
        var state = integrator.initialState(system, evaluator: &evaluator)
        integrator.run(&state, evaluator: &evaluator, steps: 20)
        #expect(state.instability(timeStep: 5) == nil)
    }

    @Test("two atoms pushed almost onto each other fly apart and are caught")
    func overlappingAtomsRunAway() throws {
        var system = fccArgon(cells: 2, a: 5.4)
        system.positions[1] = system.positions[0] + Vector3(0.9, 0, 0)
        var evaluator = try ForceEvaluator(potential: SmoothMorse(), system: system)
        let integrator = VelocityVerlet(timeStep: 10)
        var state = integrator.initialState(system, evaluator: &evaluator)
        var found: Instability?
        for _ in 0..<50 where found == nil {
            integrator.step(&state, evaluator: &evaluator)
            found = state.instability(timeStep: 10)
        }
        guard case let .runaway(atom, displacement, _)? = found else {
            Issue.record("no runaway detected: \(String(describing: found))")
            return
        }
        #expect(atom == 0 || atom == 1)
        #expect(displacement > 1)
    }

    @Test("a NaN energy or position is caught")
    func nonFinite() throws {
        let system = fccArgon(cells: 1, a: 5.4)
        var state = MDState(system: system, result: PotentialResult(energy: .nan, atomicEnergies: [], forces: []))
        if case .nonFiniteEnergy? = state.instability(timeStep: 1) {} else {
            Issue.record("NaN energy not caught")
        }
        state.result.energy = 0
        state.system.positions[2].y = .infinity
        #expect(state.instability(timeStep: 1) == .nonFiniteAtom(atom: 2, step: 0))
    }
}
