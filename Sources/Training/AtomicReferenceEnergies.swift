import Geometry
import Potentials

/// The teacher's energy of one lone atom of each element (eV), in the order given: the atomic
/// reference energies ε_s of a multi-element student, so that its per-element shifts
/// μ_s = ε_s + Δ start from what the teacher itself assigns to a free atom (as n2p2's
/// `atom_energy`). A lone atom has no neighbours within any cutoff, so for a pair or three-body
/// potential (Lennard-Jones, Stillinger-Weber) every ε is exactly 0.
///
/// Throws ``PotentialError`` when the teacher does not describe one of the elements, and
/// ``TrainingError/invalidData(_:)`` when it gives a non-finite energy.
public func isolatedAtomEnergies(of teacher: any Potential, elements: [Element]) throws -> [Double] {
    try elements.map { element in
        let atom = try AtomicSystem(elements: [element], positions: [.zero], cell: nil)
        try teacher.validate(atom)
        let energy = teacher.evaluateAlone(atom).energy
        guard energy.isFinite else {
            throw TrainingError.invalidData("the teacher gives a lone \(element.symbol) atom the energy \(energy)")
        }
        return energy
    }
}
