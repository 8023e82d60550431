import Descriptors
import Potentials

extension Scene {
    /// The scene's teacher potential as the scene file describes it, in metal units (Å, eV): an
    /// n2p2 folder in other units (water: Bohr, Hartree) is wrapped in a ``Potentials/UnitConvertedPotential``,
    /// so the scene's structure (converted to Å) and MD apply as is.
    public func teacherPotential() throws -> any Potential {
        let potential = try teacher.metalPotential()
        // A published model names its elements: say at once when the scene's structure has others.
        if case .n2p2 = teacher { try checkTeacherDescribes(structure, teacher: potential) }
        return potential
    }

    /// The Lennard-Jones teacher cut again at `cutoff` (Å) with `truncation`: the same three cutoff
    /// kinds as the students, but exact. Nil for a teacher that is not Lennard-Jones.
    public func teacherTruncated(at cutoff: Double, _ truncation: CutoffKind) throws -> (any Potential)? {
        try teacher.truncated(at: cutoff, truncation)?.potential()
    }
}
