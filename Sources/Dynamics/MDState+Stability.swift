import Geometry

/// Why a run cannot go on: the integration has blown up.
public enum Instability: Error, Sendable, Equatable, CustomStringConvertible {
    /// The potential energy is NaN or infinite (eV).
    case nonFiniteEnergy(step: Int, energy: Double)
    /// An atom's position or velocity is NaN or infinite.
    case nonFiniteAtom(atom: Int, step: Int)
    /// An atom would move `displacement` Å in one time step: far beyond any thermal motion, so the
    /// forces have become huge (atoms pushed into each other) or the time step is far too long.
    case runaway(atom: Int, displacement: Double, step: Int)

    public var description: String {
        switch self {
        case let .nonFiniteEnergy(step, energy):
            return "the run exploded at step \(step): potential energy is \(energy) (try a shorter --dt)"
        case let .nonFiniteAtom(atom, step):
            return "the run exploded at step \(step): atom \(atom + 1) has a non-finite position or velocity (try a shorter --dt)"
        case let .runaway(atom, displacement, step):
            let moved = (displacement * 100).rounded() / 100
            return "the run exploded at step \(step): atom \(atom + 1) moves \(moved) Å per step (atoms flying apart; try a shorter --dt)"
        }
    }
}

extension MDState {
    /// The first sign that this run has blown up, or nil if it looks sound: a non-finite energy,
    /// position or velocity, or an atom moving more than `largestDisplacement` (Å) per `timeStep`
    /// (fs). Thermal motion moves atoms ~0.01–0.05 Å per step, so the default 1 Å only catches
    /// failures.
    public func instability(timeStep: Double, largestDisplacement: Double = 1.0) -> Instability? {
        guard result.energy.isFinite else { return .nonFiniteEnergy(step: step, energy: result.energy) }
        let limitSquared = (largestDisplacement / timeStep) * (largestDisplacement / timeStep)
        for i in 0..<system.count {
            let r = system.positions[i], v = system.velocities[i]
            guard r.x.isFinite, r.y.isFinite, r.z.isFinite, v.x.isFinite, v.y.isFinite, v.z.isFinite else {
                return .nonFiniteAtom(atom: i, step: step)
            }
            if v.lengthSquared > limitSquared {
                return .runaway(atom: i, displacement: v.length * timeStep, step: step)
            }
        }
        return nil
    }
}
