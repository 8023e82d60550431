import ArgumentParser
import Geometry

/// `--length-unit` and `--energy-unit`: the units of an n2p2 potential that does not declare them, for the
/// commands that integrate (`run`, the lab), which refuse such a potential otherwise.
struct UnitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Length unit of an n2p2 potential that does not declare it.", valueName: "bohr|angstrom"))
    var lengthUnit: String?

    @Option(help: ArgumentHelp("Energy unit of an n2p2 potential that does not declare it.", valueName: "hartree|ev"))
    var energyUnit: String?

    /// The units given, nil when neither option is; one without the other is an error.
    func system() throws -> UnitSystem? {
        switch (lengthUnit?.lowercased(), energyUnit?.lowercased()) {
        case (nil, nil): return nil
        case (nil, _), (_, nil): throw CommandFailure("--length-unit and --energy-unit go together")
        case let (length?, energy?):
            let l: (String, Double)
            switch length {
            case "bohr": l = ("Bohr", UnitSystem.atomic.lengthInAngstrom)
            case "angstrom", "a", "å": l = ("Å", 1)
            default: throw CommandFailure("unknown --length-unit '\(length)' (expected bohr or angstrom)")
            }
            let e: (String, Double)
            switch energy {
            case "hartree", "ha": e = ("Ha", UnitSystem.atomic.energyInElectronvolt)
            case "ev": e = ("eV", 1)
            default: throw CommandFailure("unknown --energy-unit '\(energy)' (expected hartree or ev)")
            }
            if l.1 == 1 && e.1 == 1 { return .metal }
            if l.0 == "Bohr" && e.0 == "Ha" { return .atomic }
            return UnitSystem(lengthName: l.0, energyName: e.0, lengthInAngstrom: l.1, energyInElectronvolt: e.1)
        }
    }
}
