import Geometry
import Potentials

/// The one molecular dynamics driver: an integrator stepping an ``MDState`` with a
/// ``ForceEvaluator``, and the observers attached to the run (JAX-MD's `init`/`step` over a small
/// state, ASE's `Dynamics.attach`).
///
/// `init` evaluates the forces of the starting positions; ``step()`` and ``run(steps:)`` advance the
/// state and then call each observer whose interval divides the new step. An observer attached to a
/// run sees the state it was attached at first, before the next step. The driver integrates in metal
/// units only (Å, eV, amu, fs): a potential in other units must be wrapped in
/// ``Potentials/UnitConvertedPotential`` first, so that Bohr and Hartree are never taken for Å and eV.
///
/// Every place in NNPLab that steps MD does it through this type: `nnplab run`, the lab's engine,
/// `drift`, `check timestep`, teacher sampling, scene equilibration and the benchmarks.
public struct MolecularDynamics: Sendable {
    /// Positions, velocities, forces and energies now; the step count and time.
    public private(set) var state: MDState
    /// The potential with its neighbour list, kept current as atoms move.
    public private(set) var evaluator: ForceEvaluator
    /// How the equations of motion are integrated (its time step Δt in fs).
    public private(set) var integrator: any Integrator
    private var entries: [Entry] = []
    /// Counts changes made to the state between steps (a new potential, new velocities), so that
    /// observers see the changed state once more at the same step.
    private var revision = 0

    private struct Entry: Sendable {
        var observer: any MDObserver
        var interval: Int
        /// The (step, revision) this observer last saw, so that no state is observed twice.
        var lastObserved: (step: Int, revision: Int)?
    }

    /// Starts a run of `system` (Å, Å/fs, amu) under `potential`, evaluating its forces (the `init` of
    /// `init`/`step`). `seed` seeds the random stream of stochastic integrators; `skin` (Å) is the
    /// neighbour list's Verlet skin. Throws ``DynamicsError/notMetalUnits(_:)`` for a potential in
    /// other units and ``Potentials/PotentialError`` for elements it does not describe.
    public init(system: AtomicSystem, potential: any Potential, integrator: any Integrator, seed: UInt64 = 0,
                skin: Double = 1.0) throws {
        guard potential.units == .metal else { throw DynamicsError.notMetalUnits(potential.summary) }
        var evaluator = try ForceEvaluator(potential: potential, system: system, skin: skin)
        state = MDState(system: system, result: evaluator.evaluate(system), random: SeededGenerator(seed: seed))
        self.evaluator = evaluator
        self.integrator = integrator
    }

    /// Attaches `observer`, called with the current state at the next ``step()``/``run(steps:)``
    /// (or ``observe()``) and then after every step that is a multiple of `interval`.
    @discardableResult
    public mutating func attach<O: MDObserver>(_ observer: O, every interval: Int = 1) -> ObserverID<O> {
        entries.append(Entry(observer: observer, interval: max(interval, 1), lastObserved: nil))
        return ObserverID(index: entries.count - 1)
    }

    /// The observer `id` names, to read or change.
    public subscript<O: MDObserver>(id: ObserverID<O>) -> O {
        get { entries[id.index].observer as! O }
        set { entries[id.index].observer = newValue }
    }

    /// Calls every observer that has not yet seen the current state: the first call shows observers
    /// the initial state, and a call after a change between steps (``replacePotential(_:skin:)``,
    /// new velocities) shows them the changed state. Stops at the first observer that throws.
    public mutating func observe() throws {
        let context = ObservationContext(neighbors: evaluator.neighbors, potential: evaluator.potential,
                                         timeStep: integrator.timeStep)
        for k in entries.indices {
            if let last = entries[k].lastObserved {
                if last.step == state.step && last.revision == revision { continue }
                // After a step, observers on their interval only; a changed state, every observer.
                if last.revision == revision && state.step % entries[k].interval != 0 { continue }
            }
            entries[k].lastObserved = (state.step, revision)
            try entries[k].observer.observe(state, in: context)
        }
    }

    /// Advances one time step, then calls the observers due. Throws what an observer throws (an
    /// ``Instability`` when the ``InstabilityGuard`` finds the run has blown up).
    public mutating func step() throws {
        try observe()
        integrator.step(&state, evaluator: &evaluator)
        try observe()
    }

    /// Advances `count` steps (each followed by the observers due); stops at the first throw.
    public mutating func run(steps count: Int) throws {
        try observe()
        for _ in 0..<max(count, 0) {
            integrator.step(&state, evaluator: &evaluator)
            try observe()
        }
    }
}

extension MolecularDynamics {
    /// Swaps the potential, keeping positions and velocities bit for bit: a new neighbour list and the
    /// new model's forces at the same positions (the lab's `c` and `a` keys).
    public mutating func replacePotential(_ potential: any Potential, skin: Double = 1.0) throws {
        guard potential.units == .metal else { throw DynamicsError.notMetalUnits(potential.summary) }
        var fresh = try ForceEvaluator(potential: potential, system: state.system, skin: skin)
        state.result = fresh.evaluate(state.system)
        evaluator = fresh
        revision += 1
    }

    /// Swaps the integrator (a new time step or thermostat); the state is kept.
    public mutating func replaceIntegrator(_ integrator: any Integrator) {
        self.integrator = integrator
    }

    /// Scales every velocity so that the instantaneous temperature becomes `temperature` (K); atoms at
    /// rest get Maxwell–Boltzmann velocities drawn with `seed` instead. Forces are unchanged.
    public mutating func setTemperature(_ temperature: Double, seed: UInt64) {
        let now = state.system.temperature
        if now > 0 {
            let scale = (temperature / now).squareRoot()
            for i in 0..<state.system.count { state.system.velocities[i] *= scale }
        } else {
            state.system.assignMaxwellBoltzmannVelocities(temperature: temperature, seed: seed)
        }
        revision += 1
    }

    /// Draws fresh Maxwell–Boltzmann velocities at `temperature` (K) with `seed` and restarts the
    /// random stream of stochastic integrators from the same seed.
    public mutating func redrawVelocities(temperature: Double, seed: UInt64) {
        state.random = SeededGenerator(seed: seed)
        state.system.assignMaxwellBoltzmannVelocities(temperature: temperature, seed: seed)
        revision += 1
    }

    /// Restarts the random stream of stochastic integrators from `seed` (positions and velocities kept).
    public mutating func reseed(_ seed: UInt64) {
        state.random = SeededGenerator(seed: seed)
    }
}

/// A run that cannot be set up.
public enum DynamicsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The potential works in other units than Å and eV (the n2p2 water model: Bohr and Hartree).
    case notMetalUnits(String)
    /// An integrator parameter out of its range: the time step (fs) and friction (1/fs) must be
    /// positive, the temperature (K) non-negative, all finite.
    case invalidParameter(String, Double)

    public var description: String {
        switch self {
        case let .notMetalUnits(summary):
            "\(summary) works in other units than Å and eV; molecular dynamics needs it converted to metal units first"
        case let .invalidParameter(name, value):
            "the \(name) must be \(name == "temperature" ? "zero or positive" : "positive") and finite, not \(value)"
        }
    }
}
