import ArgumentParser
import Experiments
import Foundation
import Geometry
import Potentials
import StructureFiles

/// `nnplab check forces`: analytic forces against central finite differences, and what each costs.
struct CheckForcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forces",
        abstract: "Compare analytic forces with finite differences and time energy, forces and finite differences.",
        discussion: """
        Prints the largest |F_analytic - F_finite-difference| over the checked atoms and the wall time of \
        one energy, of energy and forces together (back-propagation), and of finite-difference forces \
        (6N energies). Back-propagation costs a small multiple of one energy; finite differences cost 6N. \
        For more than --atoms atoms, finite differences are taken for that many atoms (spread evenly) and \
        their time is scaled to all 6N energies. Units are the potential's (eV and Å unless it says otherwise).

        Example: nnplab check forces water.data --potential H2O_RPBE-D3
        """)

    @Argument(help: "Structure file: extended XYZ or n2p2 input.data (the first frame is used).")
    var structure: String

    @OptionGroup var choice: PotentialChoice

    @Option(help: "Finite-difference step h in the potential's length unit.")
    var step: Double = 1e-4

    @Option(help: "Check at most this many atoms by finite differences.")
    var atoms: Int = 32

    func run() throws {
        guard step > 0, step.isFinite else { throw CommandFailure("--step must be positive, got \(step)") }
        guard atoms > 0 else { throw CommandFailure("--atoms must be positive, got \(atoms)") }
        let potential = try choice.make()
        guard let frame = try StructureLoading.frames(structure).first else {
            throw CommandFailure("\(structure): no structure in the file")
        }
        try StructureLoading.check(frame, against: potential, file: structure)
        let check = try ForceCheck.run(potential, on: frame.system, step: step, maxAtoms: atoms)
        print("structure: \(structure) (\(frame.system.count) atoms); potential: \(potential.summary)")
        if potential.units != .metal {
            print("units: the potential's own, \(potential.units.lengthName) and \(potential.units.energyName) "
                  + "(read eV as \(potential.units.energyName) and Å as \(potential.units.lengthName) below)")
        }
        print(check.report)
    }
}
