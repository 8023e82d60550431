import Geometry
import Potentials

/// The state of a molecular dynamics run: positions and velocities (in ``system``), the forces and
/// energy at those positions, the step count, the simulated time and the random stream.
///
/// Integrators are values with an `init`/`step` pair over this small struct (JAX-MD's pattern): the
/// same initial state and integrator give a bitwise-identical trajectory.
public struct MDState: Sendable {
    /// Atoms; positions Å, velocities Å/fs, masses amu. Changed only by integrators and
    /// ``MolecularDynamics``, so that it never disagrees with ``result``.
    public internal(set) var system: AtomicSystem
    /// Potential energy, per-atom energies and forces at the current positions (eV, eV/Å).
    public internal(set) var result: PotentialResult
    /// Steps taken since the state was created.
    public var step: Int
    /// Simulated time in fs.
    public var time: Double
    /// Random stream for stochastic thermostats; part of the state so runs replay exactly.
    public var random: SeededGenerator

    init(system: AtomicSystem, result: PotentialResult, step: Int = 0, time: Double = 0,
                random: SeededGenerator = SeededGenerator(seed: 0)) {
        self.system = system
        self.result = result
        self.step = step
        self.time = time
        self.random = random
    }

    /// Potential energy U in eV.
    public var potentialEnergy: Double { result.energy }
    /// Kinetic energy K in eV.
    public var kineticEnergy: Double { system.kineticEnergy }
    /// Total energy E = K + U in eV: conserved by exact Hamiltonian dynamics.
    public var totalEnergy: Double { result.energy + system.kineticEnergy }
    /// Instantaneous temperature in K.
    public var temperature: Double { system.temperature }
}

/// An MD integrator: advances an ``MDState`` by one time step using a ``ForceEvaluator``.
/// ``MolecularDynamics`` is what calls it; its time step is fixed when it is made (a valid, positive
/// Δt), so a new time step is a new integrator.
public protocol Integrator: Sendable {
    /// Time step Δt in fs.
    var timeStep: Double { get }
    /// Advances `state` by one step of ``timeStep``.
    func step(_ state: inout MDState, evaluator: inout ForceEvaluator)
}

extension MDState {
    /// v ← v + (Δt/2)·F/m: the half kick shared by every splitting integrator.
    mutating func kick(halfStep dt: Double) {
        let n = system.count
        let scale = 0.5 * dt * MetalUnits.accelerationPerForceOverMass
        result.forces.withUnsafeBufferPointer { f in
            system.masses.withUnsafeBufferPointer { m in
                system.velocities.withUnsafeMutableBufferPointer { v in
                    for i in 0..<n { v[i] += (scale / m[i]) * f[i] }
                }
            }
        }
    }

    /// r ← r + τ·v.
    mutating func drift(_ tau: Double) {
        let n = system.count
        system.velocities.withUnsafeBufferPointer { v in
            system.positions.withUnsafeMutableBufferPointer { r in
                for i in 0..<n { r[i] += tau * v[i] }
            }
        }
    }
}
