/// The unit system a potential, a file or a number is expressed in.
///
/// NNPLab's public API works in LAMMPS "metal" units: Å, eV, amu, fs (LAMMPS uses ps; we use fs
/// because MD time steps are a few fs), K. A potential loaded in other units (the n2p2 water model is
/// in Bohr and Hartree) declares them, and ``UnitSystem/lengthInAngstrom`` and
/// ``UnitSystem/energyInElectronvolt`` convert.
public struct UnitSystem: Sendable, Hashable, CustomStringConvertible {
    /// Name of the length unit, e.g. "Å" or "Bohr".
    public let lengthName: String
    /// Name of the energy unit, e.g. "eV" or "Ha".
    public let energyName: String
    /// One length unit expressed in Å.
    public let lengthInAngstrom: Double
    /// One energy unit expressed in eV.
    public let energyInElectronvolt: Double

    public init(lengthName: String, energyName: String, lengthInAngstrom: Double, energyInElectronvolt: Double) {
        self.lengthName = lengthName
        self.energyName = energyName
        self.lengthInAngstrom = lengthInAngstrom
        self.energyInElectronvolt = energyInElectronvolt
    }

    /// LAMMPS "metal": Å and eV.
    public static let metal = UnitSystem(lengthName: "Å", energyName: "eV", lengthInAngstrom: 1, energyInElectronvolt: 1)
    /// Atomic units: Bohr and Hartree (CODATA 2018).
    public static let atomic = UnitSystem(lengthName: "Bohr", energyName: "Ha",
                                          lengthInAngstrom: 0.529177210903, energyInElectronvolt: 27.211386245988)

    public var description: String { "\(lengthName), \(energyName)" }
}

/// Physical constants in metal units (Å, eV, amu, fs, K).
public enum MetalUnits {
    /// Boltzmann's constant k_B in eV/K.
    public static let boltzmann = 8.617333262e-5
    /// Converts force/mass in eV/(Å·amu) to acceleration in Å/fs².
    /// 1 eV/(Å·amu) = 1.602176634e-19 J / (1e-10 m · 1.66053906660e-27 kg) = 9.6485332e-3 Å/fs².
    public static let accelerationPerForceOverMass = 1.602176634e-19 / (1e-10 * 1.66053906660e-27) * 1e-20
    /// Converts m·v² in amu·Å²/fs² to eV (the inverse of ``accelerationPerForceOverMass``).
    public static let energyPerMassVelocitySquared = 1 / accelerationPerForceOverMass
}

extension UnitSystem {
    /// The units named by a length unit (`bohr`, `angstrom`) and an energy unit (`hartree`, `ev`),
    /// as `--length-unit`/`--energy-unit` and a scene's `length_unit`/`energy_unit` give them: Bohr
    /// and Hartree is ``atomic``, Å and eV ``metal``; mixed pairs convert each factor on its own.
    /// Nil for a name it does not know.
    public init?(lengthUnit: String, energyUnit: String) {
        let length: (String, Double)
        switch lengthUnit.lowercased() {
        case "bohr": length = ("Bohr", UnitSystem.atomic.lengthInAngstrom)
        case "angstrom", "a", "å": length = ("Å", 1)
        default: return nil
        }
        let energy: (String, Double)
        switch energyUnit.lowercased() {
        case "hartree", "ha": energy = ("Ha", UnitSystem.atomic.energyInElectronvolt)
        case "ev": energy = ("eV", 1)
        default: return nil
        }
        if length.1 == 1 && energy.1 == 1 { self = .metal; return }
        if length.0 == "Bohr" && energy.0 == "Ha" { self = .atomic; return }
        self.init(lengthName: length.0, energyName: energy.0, lengthInAngstrom: length.1, energyInElectronvolt: energy.1)
    }
}
