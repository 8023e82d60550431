import Testing
import Geometry
import Potentials
@testable import Dynamics

@Suite("The molecular dynamics driver")
struct MolecularDynamicsTests {
    func warmCrystal() -> AtomicSystem {
        var system = fccArgon(cells: 2, a: 5.4)
        system.assignMaxwellBoltzmannVelocities(temperature: 80, seed: 3)
        return system
    }

    @Test("observers see the initial state once, then the steps their interval selects")
    func observerIntervals() throws {
        var dynamics = try MolecularDynamics(system: warmCrystal(), potential: SmoothMorse(),
                                             integrator: VelocityVerlet(timeStep: 2))
        let every = dynamics.attach(StepCounter())
        let third = dynamics.attach(StepCounter(), every: 3)
        try dynamics.run(steps: 10)
        try dynamics.observe()   // nothing new to see
        #expect(dynamics[every].observed == 11)
        #expect(dynamics[third].observed == 4)   // steps 0, 3, 6, 9
        #expect(dynamics[third].lastStep == 9)
        // One more step by step(): 11 is not a multiple of 3.
        try dynamics.step()
        #expect(dynamics[every].lastStep == 11 && dynamics[third].lastStep == 9)
    }

    @Test("attaching observers never changes the trajectory")
    func observersDoNotPerturb() throws {
        var bare = try MolecularDynamics(system: warmCrystal(), potential: SmoothMorse(),
                                         integrator: VelocityVerlet(timeStep: 4))
        var watched = bare
        watched.attach(InstabilityGuard())
        watched.attach(ConservationMonitor(atomCount: 32, historyCapacity: 10))
        try bare.run(steps: 40)
        try watched.run(steps: 40)
        #expect(bare.state.system == watched.state.system && bare.state.result == watched.state.result)
    }

    @Test("a new potential keeps positions and velocities and is shown to every observer at the same step")
    func replacingThePotential() throws {
        var dynamics = try MolecularDynamics(system: warmCrystal(), potential: SmoothMorse(),
                                             integrator: VelocityVerlet(timeStep: 2))
        let counter = dynamics.attach(StepCounter(), every: 5)
        try dynamics.run(steps: 7)
        let before = dynamics.state.system
        var deeper = SmoothMorse()
        deeper.depth *= 2
        try dynamics.replacePotential(deeper)
        #expect(dynamics.state.system == before)
        var fresh = try ForceEvaluator(potential: deeper, system: before)
        #expect(dynamics.state.result == fresh.evaluate(before))
        try dynamics.observe()
        #expect(dynamics[counter].lastStep == 7)
        #expect(dynamics[counter].observed == 3)   // steps 0 and 5, then 7 after the change
    }

    @Test("a potential in Bohr and Hartree is refused unless converted to metal units")
    func refusesOtherUnits() throws {
        let atomic = AtomicUnitsMorse()
        #expect(throws: DynamicsError.self) {
            _ = try MolecularDynamics(system: warmCrystal(), potential: atomic, integrator: VelocityVerlet(timeStep: 1))
        }
        var converted = try MolecularDynamics(system: warmCrystal(), potential: UnitConvertedPotential(wrapping: atomic),
                                              integrator: VelocityVerlet(timeStep: 1))
        try converted.run(steps: 2)
        #expect(converted.state.step == 2)
    }

    @Test("time steps, temperatures and frictions out of range cannot make an integrator")
    func invalidIntegrators() {
        for dt in [0, -1, .nan, .infinity] as [Double] {
            #expect(throws: DynamicsError.self) { _ = try VelocityVerlet(timeStep: dt) }
            #expect(throws: DynamicsError.self) { _ = try Langevin(timeStep: dt, temperature: 300) }
        }
        #expect(throws: DynamicsError.self) { _ = try Langevin(timeStep: 1, temperature: -1) }
        #expect(throws: DynamicsError.self) { _ = try Langevin(timeStep: 1, temperature: 300, friction: 0) }
        #expect(throws: DynamicsError.self) { _ = try Thermostat.langevin(friction: .nan).integrator(timeStep: 1, temperature: 1) }
    }
}

/// SmoothMorse that declares Bohr and Hartree: only its declared units matter to the driver.
struct AtomicUnitsMorse: Potential {
    let inner = SmoothMorse()
    var cutoff: Double { inner.cutoff }
    var neighborListKind: NeighborListKind { .half }
    var units: UnitSystem { .atomic }
    var summary: String { "smooth Morse in atomic units (test)" }
    func evaluate(_ system: AtomicSystem, neighbors: NeighborList, request: EvaluationRequest) -> PotentialResult {
        inner.evaluate(system, neighbors: neighbors, request: request)
    }
}
