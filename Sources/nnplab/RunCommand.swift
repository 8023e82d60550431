import ArgumentParser
import Dynamics
import Foundation
import Geometry
import Potentials
import StructureFiles

/// `nnplab run`: headless molecular dynamics with a conservation report at the end.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run molecular dynamics without the lab and report how well energy is conserved.",
        discussion: """
            Velocity Verlet (NVE) or Langevin (BAOAB). Units: fs, K, Å, eV. At the end it prints the \
            RMS deviation of the total energy from its start (meV/atom), the fitted drift \
            (meV/atom/ps), the largest change in one step (meV), cutoff crossings per ps, neighbour-list \
            rebuilds and the speed.

            Example: nnplab run --structure argon.xyz --potential lj --dt 5 --steps 2000 --temperature 90 --log energy.csv
            """)

    @OptionGroup var threads: ThreadsOption

    @Option(help: "Structure file: extended XYZ or n2p2 input.data.")
    var structure: String

    @OptionGroup var choice: PotentialChoice
    @OptionGroup var units: UnitOptions

    @Option(parsing: .unconditional, help: "Time step in fs.")
    var dt: Double = 1

    @Option(parsing: .unconditional, help: "Number of steps.")
    var steps: Int = 1000

    @Option(parsing: .unconditional, help: "Draw Maxwell-Boltzmann velocities at this temperature (K), and the Langevin bath temperature. Without it the file's velocities are used.")
    var temperature: Double?

    @Option(help: ArgumentHelp("none (NVE, velocity Verlet) or langevin (BAOAB).", valueName: "none|langevin"))
    var thermostat: String = "none"

    @Option(parsing: .unconditional, help: "Langevin friction in 1/fs.")
    var friction: Double = 0.01

    @Option(help: "Seed of the initial velocities and the Langevin noise.")
    var seed: UInt64 = 1

    @Option(help: "Write energies as CSV to this file.")
    var log: String?

    @Option(help: "Write extended XYZ frames to this file.")
    var trajectory: String?

    @Option(parsing: .unconditional, help: "Write the log and the trajectory every N steps.")
    var every: Int = 10

    @Flag(help: "Overwrite existing --log and --trajectory files.")
    var force = false

    /// A run that cannot start or cannot go on, told in one line.
    enum Failure: Error, CustomStringConvertible {
        case notPositive(option: String, value: String)
        case negative(option: String, value: String)
        case unknownThermostat(String)
        case langevinNeedsTemperature
        case cannotWrite(String)
        case exploded(Instability)

        var description: String {
            switch self {
            case let .notPositive(option, value): return "--\(option) must be positive, got \(value)"
            case let .negative(option, value): return "--\(option) must not be negative, got \(value)"
            case let .unknownThermostat(name): return "unknown --thermostat '\(name)' (use none or langevin)"
            case .langevinNeedsTemperature: return "--thermostat langevin needs --temperature (the bath temperature in K)"
            case let .cannotWrite(path): return "cannot write \(path)"
            case let .exploded(instability): return "the run exploded at step \(instability.step): \(instability.cause) (try a shorter --dt)"
            }
        }
    }

    /// Checks the numbers and names given on the command line; throws the first thing wrong.
    func thermostatChoice() throws -> Thermostat {
        guard dt > 0, dt.isFinite else { throw Failure.notPositive(option: "dt", value: "\(dt)") }
        guard steps >= 0 else { throw Failure.negative(option: "steps", value: "\(steps)") }
        guard every > 0 else { throw Failure.notPositive(option: "every", value: "\(every)") }
        if let temperature, !(temperature >= 0 && temperature.isFinite) {
            throw Failure.negative(option: "temperature", value: "\(temperature)")
        }
        switch thermostat.lowercased() {
        case "none", "nve":
            return .nve
        case "langevin":
            guard temperature != nil else { throw Failure.langevinNeedsTemperature }
            guard friction > 0, friction.isFinite else { throw Failure.notPositive(option: "friction", value: "\(friction)") }
            return .langevin(friction: friction)
        default:
            throw Failure.unknownThermostat(thermostat)
        }
    }

    func run() throws {
        let thermostat = try thermostatChoice()
        // Checked before anything is loaded: a bad dt, temperature or friction is one line at once.
        _ = try thermostat.integrator(timeStep: dt, temperature: temperature ?? 0)
        for path in [log, trajectory].compactMap({ $0 }) {
            try OutputDestination(path: path, force: force).checkWritable()
        }
        let made = try choice.make(units: try units.system(), integrating: true)
        // A trajectory file starts from its first frame.
        guard let frame = try StructureLoading.frames(structure).first else {
            throw CommandFailure("\(structure): no structure in the file")
        }
        try StructureLoading.check(frame, against: made, file: structure)
        var system = frame.system
        // The integrators work in metal units. A potential made in other units (n2p2 water: Bohr,
        // Hartree) reads its structure files in those units too, so both are converted to Å and eV.
        let potential: any Potential
        if made.units == .metal {
            potential = made
        } else {
            potential = UnitConvertedPotential(wrapping: made)
            system = system.scalingLengths(by: made.units.lengthInAngstrom)
            printToStandardError("note: the run converts \(structure) from \(made.units.lengthName) to Å and reports in Å, eV")
        }
        if let temperature { system.assignMaxwellBoltzmannVelocities(temperature: temperature, seed: seed) }
        let outcome = try simulate(system, potential: potential, thermostat: thermostat)
        print(outcome.text(structure: structure, potential: potential.summary, dynamics: integratorName(thermostat)))
        if let instability = outcome.instability { throw Failure.exploded(instability) }
    }
}

extension RunCommand {
    /// "velocity Verlet (NVE)" or "Langevin BAOAB, bath 300.0 K, friction 0.01/fs".
    func integratorName(_ thermostat: Thermostat) -> String {
        switch thermostat {
        case .nve: "velocity Verlet (NVE)"
        case let .langevin(friction): "Langevin BAOAB, bath \(temperature ?? 0) K, friction \(friction)/fs"
        }
    }
}
