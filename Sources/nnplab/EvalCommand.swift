import ArgumentParser
import Foundation
import Geometry
import Potentials
import StructureFiles

/// `nnplab eval`: energy and forces of a structure, written back as extended XYZ.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a potential on a structure and write it back with energy and forces.",
        discussion: """
        STRUCTURE is extended XYZ (ASE convention) or n2p2 input.data; every frame is evaluated. The \
        output is extended XYZ with energy=<total, eV> in the comment line and forces:R:3 (eV/Å) for \
        every atom, in input order.

        Example: nnplab eval argon.xyz --potential lj --cutoff kinked --output argon-eval.xyz
        """)

    @OptionGroup var threads: ThreadsOption

    @Argument(help: "Structure file: extended XYZ or n2p2 input.data.")
    var structure: String

    @OptionGroup var choice: PotentialChoice

    @Option(name: .shortAndLong, help: "Write here instead of standard output.")
    var output: String?

    @Flag(help: "Overwrite --output if it exists.")
    var force = false

    @Flag(help: "For a potential in other units than Å and eV (the n2p2 water model: Bohr, Hartree), write positions, energies and forces in its units instead of converting them; the comment line says which.")
    var nativeUnits = false

    func run() throws {
        let destination = OutputDestination(path: output, force: force)
        try destination.checkWritable()
        let potential = try choice.make()
        let units = potential.units
        // An n2p2 potential whose units could not be established cannot be converted: it is written in its
        // own units (the loader's note says so).
        let native = nativeUnits || units == N2P2PotentialLoader.ownUnits
        if units != .metal && units != N2P2PotentialLoader.ownUnits {
            printToStandardError("note: \(potential.summary) works in \(units.lengthName) and \(units.energyName): "
                + "\(structure) is read in \(units.lengthName); the output is "
                + (nativeUnits ? "in \(units.lengthName) and \(units.energyName) too" : "converted to Å and eV"))
        }
        var evaluated: [LabelledStructure] = []
        for (k, frame) in try StructureLoading.frames(structure).enumerated() {
            try StructureLoading.check(frame, against: potential, file: structure)
            var evaluator = try ForceEvaluator(potential: potential, system: frame.system)
            let result = evaluator.evaluate(frame.system)
            try StructureLoading.checkFinite(result, file: structure, frame: k)
            if let detecting = potential as? any ExtrapolationDetecting {
                ExtrapolationReport.print(detecting.extrapolationWarnings(frame.system), structure: structure)
            }
            evaluated.append(native || units == .metal
                ? LabelledStructure(system: frame.system, energy: result.energy, forces: result.forces,
                                    comment: Self.comment(frame.comment, units: units))
                : LabelledStructure(system: frame.system.scalingLengths(by: units.lengthInAngstrom),
                                    energy: result.energy * units.energyInElectronvolt,
                                    forces: result.forces.map { $0 * (units.energyInElectronvolt / units.lengthInAngstrom) },
                                    comment: frame.comment))
        }
        try destination.write(ExtendedXYZ.text(evaluated))
    }

    /// The frame's comment, saying the units when they are not Å and eV (ASE reads lengths as Å).
    static func comment(_ original: String, units: UnitSystem) -> String {
        guard units != .metal else { return original }
        let note = "units: positions \(units.lengthName), energy \(units.energyName), forces \(units.energyName)/\(units.lengthName)"
        return original.isEmpty ? note : "\(original); \(note)"
    }
}
