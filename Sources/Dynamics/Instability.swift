import Geometry

/// Why a run cannot go on: the integration has blown up. One type for every caller: `nnplab run`
/// stops with it, the lab pauses with it, the drift table and the checks report it.
///
/// Units: displacement Å, temperature K; `step` is the MD step at which it was seen and `atom` is
/// zero-based (the descriptions count atoms from 1, as files do).
public enum Instability: Error, Sendable, Equatable, CustomStringConvertible {
    /// The potential energy is NaN or infinite (eV).
    case nonFiniteEnergy(step: Int, energy: Double)
    /// An atom's position or velocity is NaN or infinite.
    case nonFiniteAtom(atom: Int, step: Int)
    /// The force on an atom is NaN or infinite.
    case nonFiniteForce(atom: Int, step: Int)
    /// An atom would move `displacement` Å in one time step: far beyond any thermal motion, so the
    /// forces have become huge (atoms pushed into each other) or the time step is far too long.
    case runaway(atom: Int, displacement: Double, step: Int)
    /// The instantaneous temperature passed a limit no sensible run of the scene reaches.
    case overheated(temperature: Double, limit: Double, step: Int)

    /// The step at which the instability was seen.
    public var step: Int {
        switch self {
        case let .nonFiniteEnergy(step, _), let .nonFiniteAtom(_, step), let .nonFiniteForce(_, step),
             let .runaway(_, _, step), let .overheated(_, _, step):
            step
        }
    }

    /// What went wrong, without the step: "atom 5 moves 1.23 Å per step (atoms flying apart)".
    public var cause: String {
        switch self {
        case let .nonFiniteEnergy(_, energy): "the potential energy is \(energy)"
        case let .nonFiniteAtom(atom, _): "atom \(atom + 1) has a non-finite position or velocity"
        case let .nonFiniteForce(atom, _): "the force on atom \(atom + 1) is not a finite number"
        case let .runaway(atom, displacement, _):
            "atom \(atom + 1) moves \((displacement * 100).rounded() / 100) Å per step (atoms flying apart)"
        case let .overheated(temperature, limit, _):
            "the temperature reached \(Int(temperature.rounded())) K (limit \(Int(limit.rounded())) K)"
        }
    }

    public var description: String {
        "the run exploded at step \(step): \(cause) (try a shorter time step)"
    }
}
