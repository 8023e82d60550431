/// A chemical element, identified by its atomic number Z.
///
/// Potentials order their elements by Z (as n2p2 does); ``standardMass`` (amu) is the default
/// mass given to an atom read from a file without masses.
public struct Element: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Atomic number Z, 1...118.
    public let atomicNumber: Int

    /// Creates the element with atomic number `z`, or nil outside 1...118.
    public init?(atomicNumber z: Int) {
        guard (1...Element.symbols.count).contains(z) else { return nil }
        atomicNumber = z
    }

    /// Creates the element with the given symbol ("Ar", "Si", "H"); case-sensitive like the periodic table.
    public init?(symbol: String) {
        guard let index = Element.symbols.firstIndex(of: symbol) else { return nil }
        atomicNumber = index + 1
    }

    /// Chemical symbol, e.g. "Ar".
    public var symbol: String { Element.symbols[atomicNumber - 1] }
    /// Standard atomic weight in amu (IUPAC, abridged); 2·Z for elements without one.
    public var standardMass: Double {
        atomicNumber <= Element.masses.count ? Element.masses[atomicNumber - 1] : Double(2 * atomicNumber)
    }
    public var description: String { symbol }
    public static func < (a: Element, b: Element) -> Bool { a.atomicNumber < b.atomicNumber }

    static let symbols = [
        "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar",
        "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr",
        "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe",
        "Cs", "Ba", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu",
        "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn",
        "Fr", "Ra", "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr",
        "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og",
    ]
    static let masses: [Double] = [
        1.008, 4.0026, 6.94, 9.0122, 10.81, 12.011, 14.007, 15.999, 18.998, 20.180, 22.990, 24.305, 26.982,
        28.0855, 30.974, 32.06, 35.45, 39.948, 39.098, 40.078, 44.956, 47.867, 50.942, 51.996, 54.938, 55.845,
        58.933, 58.693, 63.546, 65.38, 69.723, 72.630, 74.922, 78.971, 79.904, 83.798, 85.468, 87.62, 88.906,
        91.224, 92.906, 95.95, 98.0, 101.07, 102.91, 106.42, 107.87, 112.41, 114.82, 118.71, 121.76, 127.60,
        126.90, 131.29,
    ]
}
