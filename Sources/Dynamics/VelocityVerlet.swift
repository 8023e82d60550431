import Geometry
import Potentials

/// Velocity Verlet, the NVE integrator: symplectic and time-reversible, so for a smooth potential the
/// total energy fluctuates by O(Δt²) around a constant and does not drift.
///
/// One step: v ← v + (Δt/2)F/m; r ← r + Δt v; F ← F(r); v ← v + (Δt/2)F/m. Units: Δt in fs.
public struct VelocityVerlet: Integrator {
    /// Time step Δt in fs.
    public let timeStep: Double

    /// Throws ``DynamicsError/invalidParameter(_:_:)`` unless Δt is a positive finite number of fs.
    public init(timeStep: Double) throws {
        guard timeStep.isFinite, timeStep > 0 else { throw DynamicsError.invalidParameter("time step", timeStep) }
        self.timeStep = timeStep
    }

    public func step(_ state: inout MDState, evaluator: inout ForceEvaluator) {
        state.kick(halfStep: timeStep)
        state.drift(timeStep)
        state.result = evaluator.evaluate(state.system)
        state.kick(halfStep: timeStep)
        state.step += 1
        state.time += timeStep
    }
}
