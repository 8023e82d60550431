import Dynamics
import Geometry
import Potentials
import Scenes

extension Scene {
    /// The state at t = 0 for `seed`: the built structure, Maxwell-Boltzmann velocities at
    /// ``Scenes/MDSettings/temperature`` (zero total momentum), then each equilibration stage as a
    /// Langevin run with `teacher` (γ = ``Scenes/MDSettings/friction``, Δt =
    /// ``Scenes/MDSettings/timeStep``). Positions Å, velocities Å/fs. The same seed gives the same
    /// state bit for bit; `seed` defaults to the scene's.
    public func initialState(teacher: any Potential, seed: UInt64? = nil) throws -> AtomicSystem {
        let seed = seed ?? md.seed
        var system = structure
        system.assignMaxwellBoltzmannVelocities(temperature: md.temperature, seed: seed)
        guard let first = md.equilibration.first else { return system }
        var dynamics = try MolecularDynamics(
            system: system, potential: teacher,
            integrator: Langevin(timeStep: md.timeStep, temperature: first.temperature, friction: md.friction), seed: seed)
        for (k, stage) in md.equilibration.enumerated() {
            dynamics.replaceIntegrator(try Langevin(timeStep: md.timeStep, temperature: stage.temperature, friction: md.friction))
            // Each stage draws from its own stream, so adding a stage leaves earlier ones unchanged.
            dynamics.reseed(seed &* 1_000_003 &+ UInt64(k + 1))
            try dynamics.run(steps: Int((stage.time * 1000 / md.timeStep).rounded()))
        }
        system = dynamics.state.system
        // Put atoms back in the cell: the lab draws wrapped positions and files store them so.
        system.positions = system.wrappedPositions
        return system
    }
}
