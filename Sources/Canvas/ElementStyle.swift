import Geometry

/// How an element looks in the atom view: a CPK-like colour from the terminal palette and a drawn
/// radius (Å).
extension Element {
    /// CPK-like colour: H white, C grey, N blue, O red, Si and S yellow, Ar cyan, Cu orange, ...;
    /// magenta for elements without an entry.
    public var displayColor: TermColor {
        switch symbol {
        case "H", "He", "Ag", "Pt": .white
        case "C", "Al", "Zn", "Ti", "Ni": .gray
        case "N", "Co": .blue
        case "O": .red
        case "F", "Cl", "Mg", "Ca": .green
        case "Si", "S", "Au": .yellow
        case "P", "Cu", "Fe": .orange
        case "Ne", "Ar", "Kr", "Xe": .cyan
        default: .magenta
        }
    }

    /// Radius (Å) of the disc drawn for this element: half its covalent radius, so that neighbours at
    /// bonding distance stay apart on screen (0.6 Å for elements without an entry).
    public var displayRadius: Double {
        switch symbol {
        case "H": 0.31 / 2
        case "C": 0.76 / 2
        case "N": 0.71 / 2
        case "O": 0.66 / 2
        case "Si": 1.11 / 2
        case "S": 1.05 / 2
        case "Cu": 1.32 / 2
        case "Ar": 1.06 / 2
        default: 0.6
        }
    }
}
