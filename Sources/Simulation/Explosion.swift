import Dynamics
import Foundation
import Geometry

/// Why a run was stopped as having blown up. Units: Å, K.
public enum Explosion: Sendable, Hashable, CustomStringConvertible {
    case nonFiniteEnergy
    case nonFiniteForce(atom: Int)
    case atomJumped(atom: Int, distance: Double, limit: Double)
    case overheated(temperature: Double, limit: Double)

    public var description: String {
        switch self {
        case .nonFiniteEnergy:
            "the energy is not a finite number"
        case let .nonFiniteForce(atom):
            "the force on atom \(atom) is not a finite number"
        case let .atomJumped(atom, distance, limit):
            "atom \(atom) moved \(fixed(distance, 2)) Å in one step (limit \(fixed(limit, 2)) Å)"
        case let .overheated(temperature, limit):
            "the temperature reached \(fixed(temperature, 0)) K (limit \(fixed(limit, 0)) K)"
        }
    }

}

/// `x` with `digits` decimals ("nan" and "inf" as they are): the one number format of lab messages.
func fixed(_ x: Double, _ digits: Int) -> String {
    x.isFinite ? String(format: "%.\(digits)f", x) : "\(x)"
}

/// Detects a simulation that has blown up, after each step: a non-finite energy or force, an atom
/// moving further than ``maxStepDisplacement`` in one step, or a temperature above
/// ``maxTemperature``. Such a run cannot recover by itself; the lab pauses and says why.
public struct ExplosionGuard: Sendable, Hashable {
    /// Largest believable displacement of one atom in one step, Å. Liquid argon at 2 fs moves ~0.01 Å.
    public var maxStepDisplacement: Double
    /// Largest believable temperature, K.
    public var maxTemperature: Double

    /// Limits for a scene run at `temperature` (K): 1 Å per step, and 20 × T but at least 2000 K.
    public init(temperature: Double, maxStepDisplacement: Double = 1.0) {
        self.maxStepDisplacement = maxStepDisplacement
        self.maxTemperature = max(20 * temperature, 2000)
    }

    /// The first sign of an explosion in `state` after a step from `previousPositions`, or nil.
    public func inspect(_ state: MDState, previousPositions: [Vector3]) -> Explosion? {
        if !state.result.energy.isFinite { return .nonFiniteEnergy }
        let limitSquared = maxStepDisplacement * maxStepDisplacement
        let positions = state.system.positions
        for i in 0..<min(positions.count, previousPositions.count) {
            let f = state.result.forces.indices.contains(i) ? state.result.forces[i] : .zero
            if !(f.x.isFinite && f.y.isFinite && f.z.isFinite) { return .nonFiniteForce(atom: i) }
            let moved = (positions[i] - previousPositions[i]).lengthSquared
            if !(moved <= limitSquared) {
                return .atomJumped(atom: i, distance: moved.squareRoot(), limit: maxStepDisplacement)
            }
        }
        let t = state.temperature
        if !(t <= maxTemperature) { return .overheated(temperature: t, limit: maxTemperature) }
        return nil
    }
}
