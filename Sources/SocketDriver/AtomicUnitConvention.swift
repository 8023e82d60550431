import Geometry

/// The values of the Bohr radius and the Hartree a server uses to turn its Å and eV into the atomic
/// units the i-PI protocol carries (lengths in Bohr, energies in Hartree, forces in Ha/Bohr, the virial
/// in Ha).
///
/// The two servers differ in the eighth digit, so a client that wants to hand back exactly what a
/// metal-unit potential computes at the positions the server meant must use the server's values:
/// - ASE (`ase.units`, CODATA 2014, derived from ħ, mₑ, e, ε₀): Bohr = 0.5291772105638411 Å,
///   Hartree = 27.211386024367243 eV. `SocketIOCalculator` divides positions by Bohr and multiplies the
///   energy it receives by Hartree.
/// - i-PI (`ipi.utils.units`): 1 Å = 1.8897261 Bohr and 1 eV = 0.036749326 Ha, exactly these decimals.
public struct AtomicUnitConvention: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    /// One Bohr in Å.
    public let bohrInAngstrom: Double
    /// One Hartree in eV.
    public let hartreeInElectronvolt: Double

    public init(name: String, bohrInAngstrom: Double, hartreeInElectronvolt: Double) {
        self.name = name
        self.bohrInAngstrom = bohrInAngstrom
        self.hartreeInElectronvolt = hartreeInElectronvolt
    }

    /// ASE's `units.Bohr` and `units.Hartree` (CODATA 2014), to the last bit of their doubles.
    public static let ase = AtomicUnitConvention(name: "ase", bohrInAngstrom: 0.5291772105638411,
                                                 hartreeInElectronvolt: 27.211386024367243)
    /// i-PI's `angstrom` = 1.8897261 Bohr and `electronvolt` = 0.036749326 Ha.
    public static let ipi = AtomicUnitConvention(name: "ipi", bohrInAngstrom: 1 / 1.8897261,
                                                 hartreeInElectronvolt: 1 / 0.036749326)

    public static let all = [ase, ipi]

    public var description: String { name }

    /// Factors from atomic units to a potential's own `units`: a length in Bohr times `length` is in the
    /// potential's length unit, an energy in Ha times `energy` is in its energy unit. A potential that
    /// itself works in Bohr (or Ha) takes the protocol's numbers unchanged (factor exactly 1), whatever
    /// this convention says a Bohr is in Å: its Bohr is the protocol's Bohr.
    public func factors(to units: UnitSystem) -> (length: Double, energy: Double) {
        let atomic = UnitSystem.atomic
        let length = units.lengthName == atomic.lengthName ? 1 : bohrInAngstrom / units.lengthInAngstrom
        let energy = units.energyName == atomic.energyName ? 1 : hartreeInElectronvolt / units.energyInElectronvolt
        return (length, energy)
    }
}
