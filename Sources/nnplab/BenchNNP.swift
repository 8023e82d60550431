import Foundation
import Geometry
import Potentials
import Scenes
import StructureFiles

extension Benchmark {
    /// The n2p2 water potential (H2O_RPBE-D3, Scenes/water) on its 1080-atom input.data, the whole job as
    /// `nnp-predict` does it: read the potential and the structure, build the neighbour list, energy and
    /// forces. Compared with nnp-predict's whole process (CPU time) in the same run.
    static let nnpWater = Benchmark(
        name: "nnp-water", summary: "n2p2 H2O_RPBE-D3, 1080 atoms (Scenes/water): load + neighbour list + energy and forces, one thread, CPU time",
        unit: "ms", target: 0.4, targetSource: "issue 12: ≤ 0.4 × n2p2 nnp-predict, same run",
        measure: { quick in
            let folder = SceneLibrary.directory.appendingPathComponent("water")
            var failure: (any Error)?
            let time = medianSeconds(repeats: quick ? 3 : 7) {
                do {
                    let (potential, system) = try waterReference(folder)
                    let list = NeighborList(system: system, cutoff: potential.cutoff, skin: 0, kind: .full)
                    _ = potential.evaluate(system, neighbors: list, request: .energyAndForces)
                } catch { failure = error }
            }
            if let failure { throw failure }
            return time * 1e3
        },
        comparison: .init(program: "n2p2 nnp-predict", measure: { programs, quick in
            let folder = SceneLibrary.directory.appendingPathComponent("water")
            return median(try (0..<(quick ? 3 : 5)).map { _ in try programs.n2p2Milliseconds(folder: folder) })
        }))

    /// Cost of energy and forces over energy alone, same system, neighbour list prebuilt.
    static let nnpForceCost = Benchmark(
        name: "nnp-force-cost", summary: "n2p2 H2O_RPBE-D3, 1080 atoms: time(energy + forces) / time(energy)",
        unit: "ratio", target: 3, targetSource: "back-propagation: a small multiple of one energy",
        measure: { quick in
            let (potential, system) = try waterReference(SceneLibrary.directory.appendingPathComponent("water"))
            let list = NeighborList(system: system, cutoff: potential.cutoff, skin: 0, kind: .full)
            let r = quick ? 3 : 7
            let energy = medianSeconds(repeats: r) { _ = potential.evaluate(system, neighbors: list, request: .energy) }
            let forces = medianSeconds(repeats: r) { _ = potential.evaluate(system, neighbors: list, request: .energyAndForces) }
            return forces / energy
        })

    /// The water potential and its configuration from `folder` (Scenes/water: input.nn, scaling.data,
    /// weights, input.data).
    static func waterReference(_ folder: URL) throws -> (BehlerParrinelloPotential, AtomicSystem) {
        let potential: BehlerParrinelloPotential
        do { potential = try N2P2PotentialLoader.load(folder: folder) } catch { throw CommandFailure("\(error)") }
        guard let system = try N2P2Data.read(folder.appendingPathComponent("input.data")).first?.system else {
            throw CommandFailure("\(folder.path)/input.data: no structure")
        }
        return (potential, system)
    }

    /// Median CPU time of this thread (s) over `repeats` runs of `body`, after one warm-up run (CPU time,
    /// like the other benchmarks, so a loaded shared machine does not inflate the figure).
    static func medianSeconds(repeats: Int, _ body: () -> Void) -> Double {
        body()
        return median((0..<repeats).map { _ -> Double in
            let start = threadCPUSeconds()
            body()
            return threadCPUSeconds() - start
        })
    }
}
