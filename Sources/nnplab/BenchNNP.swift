import Foundation
import Geometry
import Potentials
import StructureFiles

extension Benchmark {
    /// The n2p2 water potential (H2O_RPBE-D3) on its 1080-atom input.data: energy and forces per
    /// evaluation, neighbour list build included (as in n2p2's 386 ms, of which 90 ms is its neighbour search).
    static let nnpWater = Benchmark(
        name: "nnp-water", summary: "n2p2 H2O_RPBE-D3, 1080 atoms (input.data), energy + forces incl. neighbour list, one thread",
        unit: "ms/evaluation", target: 193, targetSource: "half of n2p2 nnp-predict's 386 ms",
        measure: { quick in
            let (potential, system) = try waterReference()
            return medianSeconds(repeats: quick ? 3 : 7) {
                let list = NeighborList(system: system, cutoff: potential.cutoff, skin: 0, kind: .full)
                _ = potential.evaluate(system, neighbors: list, request: .energyAndForces)
            } * 1e3
        })

    /// Cost of energy and forces over energy alone, same system, neighbour list prebuilt.
    static let nnpForceCost = Benchmark(
        name: "nnp-force-cost", summary: "n2p2 H2O_RPBE-D3, 1080 atoms: time(energy + forces) / time(energy)",
        unit: "ratio", target: 3, targetSource: "back-propagation: a small multiple of one energy",
        measure: { quick in
            let (potential, system) = try waterReference()
            let list = NeighborList(system: system, cutoff: potential.cutoff, skin: 0, kind: .full)
            let r = quick ? 3 : 7
            let energy = medianSeconds(repeats: r) { _ = potential.evaluate(system, neighbors: list, request: .energy) }
            let forces = medianSeconds(repeats: r) { _ = potential.evaluate(system, neighbors: list, request: .energyAndForces) }
            return forces / energy
        })

    /// The water potential and configuration from the shared reference folder (../shared/reference beside the checkout).
    static func waterReference() throws -> (BehlerParrinelloPotential, AtomicSystem) {
        let candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("../shared/reference/n2p2/H2O_RPBE-D3"),
                          URL(fileURLWithPath: "/work/shared/reference/n2p2/H2O_RPBE-D3")]
        guard let folder = candidates.first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent("input.nn").path) }) else {
            throw CommandFailure("cannot find ../shared/reference/n2p2/H2O_RPBE-D3 (run from the checkout beside shared/)")
        }
        let potential = try N2P2PotentialLoader.load(folder: folder)
        guard let system = try N2P2Data.read(folder.appendingPathComponent("input.data")).first?.system else {
            throw CommandFailure("\(folder.path)/input.data: no structure")
        }
        return (potential, system)
    }

    /// Median wall time (s) of `repeats` runs of `body`, after one warm-up run.
    static func medianSeconds(repeats: Int, _ body: () -> Void) -> Double {
        body()
        let clock = ContinuousClock()
        let times = (0..<repeats).map { _ -> Double in
            let d = clock.measure(body)
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        return times.sorted()[times.count / 2]
    }
}
