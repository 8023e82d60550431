import Geometry
import Potentials

/// The observer that stops a run which has blown up: it throws an ``Instability`` at the first
/// non-finite energy, position, velocity or force, an atom moving more than
/// ``largestDisplacement`` per step, or (when set) a temperature above ``temperatureLimit``.
///
/// Attach it first, so that no other observer records a state that has already exploded.
public struct InstabilityGuard: MDObserver {
    /// Largest believable displacement of one atom in one step, Å. Thermal motion moves atoms
    /// ~0.01–0.05 Å per step, so 1 Å only catches failures.
    public var largestDisplacement: Double
    /// Largest believable temperature in K, or nil for no limit.
    public var temperatureLimit: Double?

    public init(largestDisplacement: Double = 1.0, temperatureLimit: Double? = nil) {
        self.largestDisplacement = largestDisplacement
        self.temperatureLimit = temperatureLimit
    }

    /// The lab's guard for a scene run at `temperature` K: 1 Å per step, and 20 T but at least 2000 K.
    public static func lab(temperature: Double) -> InstabilityGuard {
        InstabilityGuard(temperatureLimit: max(20 * temperature, 2000))
    }

    public mutating func observe(_ state: MDState, in context: ObservationContext) throws {
        if let instability = inspect(state, timeStep: context.timeStep) { throw instability }
    }

    /// The first sign that `state`, after a step of `timeStep` fs, has blown up; nil if it looks sound.
    public func inspect(_ state: MDState, timeStep: Double) -> Instability? {
        let result = state.result, system = state.system, step = state.step
        guard result.energy.isFinite else { return .nonFiniteEnergy(step: step, energy: result.energy) }
        let limit = largestDisplacement / timeStep
        let limitSquared = limit * limit
        for i in 0..<system.count {
            let r = system.positions[i], v = system.velocities[i]
            guard r.x.isFinite, r.y.isFinite, r.z.isFinite, v.x.isFinite, v.y.isFinite, v.z.isFinite else {
                return .nonFiniteAtom(atom: i, step: step)
            }
            if v.lengthSquared > limitSquared {
                return .runaway(atom: i, displacement: v.length * timeStep, step: step)
            }
        }
        if let atom = result.forces.firstIndex(where: { !($0.x.isFinite && $0.y.isFinite && $0.z.isFinite) }) {
            return .nonFiniteForce(atom: atom, step: step)
        }
        if let temperatureLimit, state.temperature > temperatureLimit {
            return .overheated(temperature: state.temperature, limit: temperatureLimit, step: step)
        }
        return nil
    }
}
