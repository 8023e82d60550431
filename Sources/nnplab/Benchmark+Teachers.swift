import Dynamics
import Foundation
import Geometry
import Potentials
import Descriptors

extension Benchmark {
    /// Stillinger-Weber silicon, 4096 atoms (8×8×8 diamond cells, a = 5.431 Å), 1000 K, Δt = 1 fs.
    static let stillingerWeberSilicon = Benchmark(
        name: "sw-silicon", summary: "Stillinger-Weber Si, 4096 atoms (8x8x8 diamond), 1000 K, dt 1 fs, NVE",
        unit: "µs/atom-step", target: 1, targetSource: "LAMMPS serial, same run",
        measure: { quick in
            let system = try Lattice.diamond.crystal(of: StillingerWeber.silicon, latticeConstant: 5.431, repeats: 8)
            return try timePerAtomStep(system, StillingerWeber(), temperature: 1000, timeStep: 1, steps: quick ? 40 : 400)
        },
        comparison: .init(program: "LAMMPS lmp", measure: { programs, quick in
            try programs.lammpsMicrosecondsPerAtomStep(input: "sw-silicon.in", steps: quick ? 100 : 1000)
        }))

    /// Shifted-force Lennard-Jones argon, 4000 atoms (fcc 10×10×10, a = 5.7 Å), r_c 8.5 Å, Δt = 5 fs.
    static let lennardJonesArgon = Benchmark(
        name: "lj-argon", summary: "shifted-force Lennard-Jones Ar, 4000 atoms (fcc 10x10x10, a 5.7 Å), r_c 8.5 Å, 100 K, dt 5 fs, NVE",
        unit: "µs/atom-step", target: 1, targetSource: "LAMMPS serial, same run",
        measure: { quick in
            let system = try Lattice.fcc.crystal(of: LennardJones.argon, latticeConstant: 5.7, repeats: 10)
            return try timePerAtomStep(system, LennardJones(truncation: .smooth), temperature: 100, timeStep: 5,
                                       steps: quick ? 40 : 400)
        },
        comparison: .init(program: "LAMMPS lmp", measure: { programs, quick in
            try programs.lammpsMicrosecondsPerAtomStep(input: "lj-argon.in", steps: quick ? 200 : 2000)
        }))

    /// How the cost per atom-step grows from 1 000 to 100 000 atoms (shifted-force LJ argon): O(N) is 1.
    static let lennardJonesScaling = Benchmark(
        name: "lj-scaling", summary: "LJ argon cost per atom-step at 100 000 atoms / at 1 000 atoms (fcc 25x25x40 vs 5x5x10)",
        unit: "ratio", target: 1.2, targetSource: "O(N)",
        measure: { quick in
            let lj = try LennardJones(truncation: .smooth)
            let small = try Lattice.fcc.crystal(of: LennardJones.argon, latticeConstant: 5.7, repeats: SIMD3(5, 5, 10))
            let large = try Lattice.fcc.crystal(of: LennardJones.argon, latticeConstant: 5.7, repeats: SIMD3(25, 25, 40))
            let perSmall = try timePerAtomStep(small, lj, temperature: 100, timeStep: 5, steps: quick ? 200 : 2000)
            let perLarge = try timePerAtomStep(large, lj, temperature: 100, timeStep: 5, steps: quick ? 10 : 60)
            return perLarge / perSmall
        })

    /// CPU time of this thread per atom per velocity Verlet step (µs) over `steps` steps after a
    /// short warm-up, neighbour list rebuilds included as they fall. Velocities: Maxwell-Boltzmann at
    /// `temperature` (K) with seed 1; `timeStep` in fs; neighbour list skin 1 Å, checked every step.
    static func timePerAtomStep(_ system: AtomicSystem, _ potential: any Potential, temperature: Double,
                                timeStep: Double, steps: Int) throws -> Double {
        var system = system
        system.assignMaxwellBoltzmannVelocities(temperature: temperature, seed: 1)
        var dynamics = try MolecularDynamics(system: system, potential: potential,
                                             integrator: VelocityVerlet(timeStep: timeStep), skin: 1.0)
        try dynamics.run(steps: max(1, steps / 20))
        let start = threadCPUSeconds()
        try dynamics.run(steps: steps)
        return (threadCPUSeconds() - start) * 1e6 / Double(steps * system.count)
    }
}

/// CPU time consumed by the calling thread, in seconds. On a shared machine this, unlike wall
/// time, does not count the time other processes hold the core.
func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}
