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
            guard ["bohr", "angstrom", "a", "å"].contains(length) else {
                throw CommandFailure("unknown --length-unit '\(length)' (expected bohr or angstrom)")
            }
            guard let units = UnitSystem(lengthUnit: length, energyUnit: energy) else {
                throw CommandFailure("unknown --energy-unit '\(energy)' (expected hartree or ev)")
            }
            return units
        }
    }
}
