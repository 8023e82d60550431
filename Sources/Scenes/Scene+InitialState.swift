import Geometry
import Potentials
import Dynamics

extension Scene {
    /// The state at t = 0 for `seed`: the built structure, Maxwell-Boltzmann velocities at
    /// ``MDSettings/temperature`` (zero total momentum), then each equilibration stage as a Langevin
    /// run with `teacher` (γ = ``MDSettings/friction``, Δt = ``MDSettings/timeStep``). Positions Å,
    /// velocities Å/fs. The same seed gives the same state bit for bit; `seed` defaults to the scene's.
    public func initialState(teacher: any Potential, seed: UInt64? = nil) throws -> AtomicSystem {
        let seed = seed ?? md.seed
        var system = try builtStructure()
        system.assignMaxwellBoltzmannVelocities(temperature: md.temperature, seed: seed)
        guard !md.equilibration.isEmpty else { return system }
        var evaluator = try ForceEvaluator(potential: teacher, system: system)
        var state: MDState?
        for (k, stage) in md.equilibration.enumerated() {
            let langevin = Langevin(timeStep: md.timeStep, temperature: stage.temperature, friction: md.friction)
            // Each stage draws from its own stream, so adding a stage leaves earlier ones unchanged.
            var s = state ?? langevin.initialState(system, evaluator: &evaluator, seed: seed)
            s.random = SeededGenerator(seed: seed &* 1_000_003 &+ UInt64(k + 1))
            langevin.run(&s, evaluator: &evaluator, steps: Int((stage.time * 1000 / md.timeStep).rounded()))
            state = s
        }
        system = state?.system ?? system
        // Put atoms back in the cell: the lab draws wrapped positions and files store them so.
        system.positions = system.wrappedPositions
        return system
    }
}
