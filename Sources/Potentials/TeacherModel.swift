import Descriptors
import Foundation
import Geometry

/// A teacher potential named by what it is, before it is built: what a scene's `[teacher]` table
/// and the command line's `--potential lj|sw|FOLDER` both describe. ``potential()`` is the one
/// factory that builds it, for the command line, the scenes and the lab.
public enum TeacherModel: Sendable, Equatable {
    /// Lennard-Jones: ε eV, σ Å, cutoff r_c Å, the way it is truncated at r_c, and its one species.
    case lennardJones(epsilon: Double, sigma: Double, cutoff: Double, truncation: CutoffKind, element: Element)
    /// Stillinger-Weber silicon, the 1985 parameters (LAMMPS `Si.sw`), range 3.77118 Å.
    case stillingerWeber
    /// An n2p2 potential folder (input.nn, scaling.data, weights.NNN.data), in its own units: those
    /// its input.nn declares, or `units` where it declares none.
    case n2p2(directory: URL, units: UnitSystem? = nil)

    /// Lennard-Jones argon (ε 0.0104 eV, σ 3.40 Å, r_c 8.5 Å) cut the given way.
    public static func argon(_ truncation: CutoffKind = .smooth) -> TeacherModel {
        .lennardJones(epsilon: LennardJones.argonEpsilon, sigma: LennardJones.argonSigma,
                      cutoff: LennardJones.argonCutoff, truncation: truncation, element: LennardJones.argon)
    }

    /// The potential, in the units it was made in (an n2p2 folder may be in Bohr and Hartree). Throws
    /// a one-line error for parameters out of range or a folder that cannot be read.
    public func potential() throws -> any Potential {
        switch self {
        case let .lennardJones(epsilon, sigma, cutoff, truncation, element):
            try LennardJones(epsilon: epsilon, sigma: sigma, cutoff: cutoff, truncation: truncation, element: element)
        case .stillingerWeber:
            StillingerWeber()
        case let .n2p2(directory, units):
            try N2P2PotentialLoader.load(folder: directory, units: units)
        }
    }

    /// The potential in metal units (Å, eV), as molecular dynamics needs it: one in other units is
    /// wrapped in a ``UnitConvertedPotential``.
    public func metalPotential() throws -> any Potential {
        let made = try potential()
        return made.units == .metal ? made : UnitConvertedPotential(wrapping: made)
    }

    /// The teacher's interaction range in Å, when known without loading it.
    public var range: Double? {
        switch self {
        case let .lennardJones(_, _, cutoff, _, _): cutoff
        case .stillingerWeber: StillingerWeber.Parameters.silicon1985.a * StillingerWeber.Parameters.silicon1985.sigma
        case .n2p2: nil
        }
    }

    /// The same Lennard-Jones teacher cut again at `cutoff` (Å) with `truncation`: the three cutoff
    /// kinds of the students, but exact. Nil for a teacher that is not Lennard-Jones.
    public func truncated(at cutoff: Double, _ truncation: CutoffKind) -> TeacherModel? {
        guard case let .lennardJones(epsilon, sigma, _, _, element) = self else { return nil }
        return .lennardJones(epsilon: epsilon, sigma: sigma, cutoff: cutoff, truncation: truncation, element: element)
    }
}
