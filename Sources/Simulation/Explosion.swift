import Dynamics
import Geometry

/// Why a run was stopped as having blown up. Units: Å, K.
public enum Explosion: Sendable, Equatable, CustomStringConvertible {
    /// Dynamics' own verdict: a non-finite energy, position or velocity, or a runaway atom.
    case unstable(Instability)
    case nonFiniteForce(atom: Int)
    case overheated(temperature: Double, limit: Double)

    public var description: String {
        switch self {
        case .unstable(.nonFiniteEnergy): "the energy is not a finite number"
        case let .unstable(.nonFiniteAtom(atom, _)): "atom \(atom + 1) has a non-finite position or velocity"
        case let .unstable(.runaway(atom, displacement, _)):
            "atom \(atom + 1) moves \(fixed(displacement, 2)) Å per step (atoms flying apart)"
        case let .nonFiniteForce(atom): "the force on atom \(atom + 1) is not a finite number"
        case let .overheated(temperature, limit):
            "the temperature reached \(fixed(temperature, 0)) K (limit \(fixed(limit, 0)) K)"
        }
    }
}

/// Detects a simulation that has blown up, after each step: what Dynamics' `instability` finds
/// (non-finite energy or atoms, an atom moving more than ``maxStepDisplacement`` per step), a
/// non-finite force, or a temperature above ``maxTemperature``. Such a run cannot recover by
/// itself; the lab pauses and says why.
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

    /// The first sign of an explosion in `state` after a step of `timeStep` fs, or nil.
    public func inspect(_ state: MDState, timeStep: Double) -> Explosion? {
        if let instability = state.instability(timeStep: timeStep, largestDisplacement: maxStepDisplacement) {
            return .unstable(instability)
        }
        if let atom = state.result.forces.firstIndex(where: { !($0.x.isFinite && $0.y.isFinite && $0.z.isFinite) }) {
            return .nonFiniteForce(atom: atom)
        }
        let t = state.temperature
        return t <= maxTemperature ? nil : .overheated(temperature: t, limit: maxTemperature)
    }
}
