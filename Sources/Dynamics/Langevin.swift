#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Geometry
import Potentials

/// Langevin dynamics by the BAOAB splitting (Leimkuhler and Matthews 2013): samples the canonical
/// ensemble at ``temperature`` with configurational averages accurate to O(Δt²).
///
/// B: v ← v + (Δt/2)F/m; A: r ← r + (Δt/2)v; O: v ← c₁v + c₂√(k_BT/m) ξ with c₁ = e^(-γΔt),
/// c₂ = √(1 - c₁²) and ξ standard normal; A; F ← F(r); B. Units: Δt fs, T K, γ 1/fs.
/// The random numbers come from ``MDState/random``, so a seed fixes the trajectory bit for bit.
public struct Langevin: Integrator {
    /// Time step Δt in fs.
    public let timeStep: Double
    /// Bath temperature T in K.
    public let temperature: Double
    /// Friction γ in 1/fs (1/γ is the velocity relaxation time).
    public let friction: Double

    /// Throws ``DynamicsError/invalidParameter(_:_:)`` unless Δt and γ are positive and T is
    /// non-negative, all finite.
    public init(timeStep: Double, temperature: Double, friction: Double = 0.01) throws {
        guard timeStep.isFinite, timeStep > 0 else { throw DynamicsError.invalidParameter("time step", timeStep) }
        guard temperature.isFinite, temperature >= 0 else { throw DynamicsError.invalidParameter("temperature", temperature) }
        guard friction.isFinite, friction > 0 else { throw DynamicsError.invalidParameter("friction", friction) }
        self.timeStep = timeStep
        self.temperature = temperature
        self.friction = friction
    }

    public func step(_ state: inout MDState, evaluator: inout ForceEvaluator) {
        let dt = timeStep
        state.kick(halfStep: dt)
        state.drift(0.5 * dt)
        let c1 = exp(-friction * dt)
        let c2 = (1 - c1 * c1).squareRoot()
        // k_B T / m in Å²/fs² (eV/amu times the metal-unit conversion).
        let kT = MetalUnits.boltzmann * temperature * MetalUnits.accelerationPerForceOverMass
        for i in 0..<state.system.count {
            let sigma = (kT / state.system.masses[i]).squareRoot()
            state.system.velocities[i] = c1 * state.system.velocities[i] + (c2 * sigma) * state.random.normalVector()
        }
        state.drift(0.5 * dt)
        state.result = evaluator.evaluate(state.system)
        state.kick(halfStep: dt)
        state.step += 1
        state.time += dt
    }
}
