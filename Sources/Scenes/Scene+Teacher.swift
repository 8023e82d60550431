import Descriptors
import Geometry
import Potentials

extension Scene {
    /// The scene's teacher potential as the scene file describes it.
    ///
    /// Always in metal units (Å, eV): an n2p2 folder in other units (water: Bohr, Hartree) is wrapped
    /// in a ``UnitConvertedPotential``, so the scene's structure (converted to Å) and MD apply as is.
    public func teacherPotential() throws -> any Potential {
        switch teacher {
        case let .lennardJones(epsilon, sigma, cutoff, truncation):
            return try LennardJones(epsilon: epsilon, sigma: sigma, cutoff: cutoff, truncation: truncation,
                                    element: ljElement)
        case .stillingerWeber:
            return StillingerWeber()
        case let .n2p2(directory):
            let loaded = try N2P2PotentialLoader.load(folder: directory)
            let teacher: any Potential = loaded.units == .metal ? loaded : UnitConvertedPotential(wrapping: loaded)
            try checkTeacherDescribes(try builtStructure(), teacher: teacher)
            return teacher
        }
    }

    /// The Lennard-Jones teacher cut again at `cutoff` (Å) with `truncation`: the same three cutoff
    /// kinds as the students, but exact. Nil for a teacher that is not Lennard-Jones.
    public func teacherTruncated(at cutoff: Double, _ truncation: CutoffKind) throws -> (any Potential)? {
        guard case let .lennardJones(epsilon, sigma, _, _) = teacher else { return nil }
        return try LennardJones(epsilon: epsilon, sigma: sigma, cutoff: cutoff, truncation: truncation, element: ljElement)
    }

    /// The element of a Lennard-Jones scene's atoms (argon unless the lattice says otherwise).
    private var ljElement: Element {
        if case let .lattice(l) = structure { return l.element }
        return LennardJones.argon
    }
}
