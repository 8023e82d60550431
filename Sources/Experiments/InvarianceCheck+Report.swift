import Foundation

extension InvarianceCheck {
    /// What the check shows, in words and numbers (one paragraph per part).
    public var report: String {
        var lines = ["Part 1 — an NNP on \(atomCount) atoms: \(potential)"]
        lines.append(pad("operation", 52) + pad("E before (eV)", 20) + pad("E after (eV)", 20) + pad("|ΔE|/|E|", 11) + "force error")
        for op in operations {
            lines.append(pad(op.name, 52) + pad(String(format: "%.10f", op.energyBefore), 20)
                         + pad(String(format: "%.10f", op.energyAfter), 20)
                         + pad(String(format: "%.1e", op.relativeEnergyChange), 11) + String(format: "%.1e", op.relativeForceError))
        }
        let holds = worstEnergyChange < 1e-10 && worstForceError < 1e-10
        lines.append(holds
            ? String(format: "Each operation changes the energy by less than 1e-10 of itself (worst %.1e) and the forces turn and "
                + "trade places with the atoms (worst error %.1e of the largest force): the symmetry functions see only "
                + "distances and angles between atoms, never where the origin is, which way is up, or which label an atom has.",
                worstEnergyChange, worstForceError)
            : String(format: "An operation changed the energy by %.1e of itself or the forces by %.1e of the largest: this "
                + "potential is NOT invariant.", worstEnergyChange, worstForceError))
        lines.append("")
        lines.append(String(format: "Part 2 — a symmetric molecule: 4 %@ atoms on a regular tetrahedron, edge %.2f Å. By symmetry "
            + "every force must point along its atom's radius, all equally strong, with no net force or torque, and "
            + "swapping two atoms' labels or turning the molecule must leave the energy alone.", moleculeElement, moleculeEdge))
        lines.append(pad("", 40) + pad("NNP", 16) + "raw-coordinate network")
        func row(_ name: String, _ a: Double, _ b: Double) {
            lines.append(pad(name, 40) + pad(String(format: "%.3e", a), 16) + String(format: "%.3e", b))
        }
        let (n, c) = (nnpMolecule, cartesianMolecule)
        row("mean |F| (eV/Å)", n.meanForce, c.meanForce)
        row("net force (eV/Å)", n.netForce, c.netForce)
        row("net torque (eV)", n.netTorque, c.netTorque)
        row("largest sideways force (eV/Å)", n.largestSidewaysForce, c.largestSidewaysForce)
        row("spread of radial forces (eV/Å)", n.radialSpread, c.radialSpread)
        row("E(atoms 0, 1 swapped) − E (eV)", n.swapEnergyChange, c.swapEnergyChange)
        row("E(rotated) − E (eV)", n.rotationEnergyChange, c.rotationEnergyChange)
        lines.append(String(format: "The NNP keeps the symmetry (symmetry-breaking forces %.1e of its mean force). The network on "
            + "raw coordinates gives the molecule at rest spurious internal forces of %.0f%% of its mean force and a torque "
            + "of %.2e eV that would set it spinning by itself, and swapping two identical atoms changes its energy by "
            + "%.2e eV: its inputs say where each label sits in space, not what the molecule is. (Subtracting the centroid "
            + "made it translation invariant, so its net force is zero; nothing makes it rotation or permutation invariant.)",
            n.symmetryBreaking, 100 * c.symmetryBreaking, c.netTorque, c.swapEnergyChange))
        return lines.joined(separator: "\n")
    }
}

/// `s` padded with spaces to `width` characters (never cut).
func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
}

/// Encodes any check's result as pretty, key-sorted JSON (the `--format json` output).
public func exerciseJSON(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
