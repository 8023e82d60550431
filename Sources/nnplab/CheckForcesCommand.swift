import ArgumentParser
import Foundation
import Geometry
import Potentials

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
        let system = frame.system
        let n = system.count
        let list = NeighborList(system: system, cutoff: potential.cutoff, skin: 0, kind: potential.neighborListKind)
        func energy(_ s: AtomicSystem) -> Double {
            let l = NeighborList(system: s, cutoff: potential.cutoff, skin: 0, kind: potential.neighborListKind)
            return potential.evaluate(s, neighbors: l, request: .energy).energy
        }
        let clock = ContinuousClock()
        func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
        func median(_ body: () -> Void) -> Double {
            (0..<5).map { _ in seconds(clock.measure(body)) }.sorted()[2]
        }
        let energyTime = median { _ = potential.evaluate(system, neighbors: list, request: .energy) }
        var analytic = PotentialResult(energy: 0, atomicEnergies: [], forces: [])
        let forceTime = median { analytic = potential.evaluate(system, neighbors: list, request: .energyAndForces) }
        let chosen = n <= atoms ? Array(0..<n) : (0..<atoms).map { $0 * n / atoms }
        var worst = 0.0, worstAtom = 0
        let fdTime = seconds(clock.measure {
            for i in chosen {
                for d in 0..<3 {
                    var plus = system, minus = system
                    plus.positions[i][d] += step
                    minus.positions[i][d] -= step
                    let fd = -(energy(plus) - energy(minus)) / (2 * step)
                    let deviation = abs(fd - analytic.forces[i][d])
                    if deviation > worst { (worst, worstAtom) = (deviation, i) }
                }
            }
        })
        let allFD = fdTime * Double(n) / Double(chosen.count)
        let u = potential.units
        print("structure: \(structure) (\(n) atoms); potential: \(potential.summary)")
        print(String(format: "largest |F_analytic - F_FD|: %.3e %@/%@ (atom %d; %d of %d atoms checked, h = %g %@)",
                     worst, u.energyName, u.lengthName, worstAtom, chosen.count, n, step, u.lengthName))
        print(String(format: "energy only:                 %10.3f ms", energyTime * 1e3))
        print(String(format: "energy + forces (backprop):  %10.3f ms  (%.2f x energy)", forceTime * 1e3, forceTime / energyTime))
        print(String(format: "finite-difference forces:    %10.3f ms  (%.0f x energy; %d energies%@)", allFD * 1e3,
                     allFD / energyTime, 6 * n, chosen.count < n ? ", scaled from \(6 * chosen.count) measured" : ""))
    }
}
