import Foundation
import Geometry
import Potentials
import StructureFiles

/// Paths to /work/shared/reference (…/Tests/PotentialsTests/File.swift → ../../../shared/reference).
enum N2P2Reference {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/reference/n2p2")
    static var water: URL { root.appendingPathComponent("H2O_RPBE-D3") }
    static var copperSulfide: URL { root.appendingPathComponent("Cu2S_PBE") }

    static func structure(_ folder: URL, _ file: String) throws -> LabelledStructure {
        let frames = try N2P2Data.read(folder.appendingPathComponent(file))
        guard let first = frames.first else { throw N2P2FileError(file: file, problem: "no structure") }
        return first
    }

    /// Total energy and per-atom forces of reference_energy_forces.txt.
    static func waterReference() throws -> (energy: Double, forces: [Vector3]) {
        let text = try String(contentsOf: water.appendingPathComponent("reference_energy_forces.txt"), encoding: .utf8)
        var numbers = [[Double]]()
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            numbers.append(line.split(separator: " ").compactMap { Double($0) })
        }
        let energy = numbers[0][0]
        let forces = numbers.dropFirst().filter { $0.count == 3 }.map { Vector3($0[0], $0[1], $0[2]) }
        return (energy, forces)
    }

    /// Evaluates `potential` on `system` with a fresh full neighbour list.
    static func evaluate(_ potential: any Potential, _ system: AtomicSystem,
                         request: EvaluationRequest = .energyAndForces) -> PotentialResult {
        let list = NeighborList(system: system, cutoff: potential.cutoff, skin: 0.5, kind: potential.neighborListKind)
        return potential.evaluate(system, neighbors: list, request: request)
    }
}
