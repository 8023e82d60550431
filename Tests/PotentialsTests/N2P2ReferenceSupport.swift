import Foundation
import Geometry
import Potentials
import StructureFiles

/// The published n2p2 models inside the repository: the water model as the lab ships it
/// (Scenes/water), its n2p2 regression values in Tests/Fixtures/n2p2/H2O_RPBE-D3, and the copper
/// sulfide model in Tests/Fixtures/n2p2/Cu2S_PBE (each folder's SOURCE.txt says where it comes from).
enum N2P2Reference {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let root = repository.appendingPathComponent("Tests/Fixtures/n2p2")
    /// The water potential and its input.data (the files n2p2 distributes, shipped once, in Scenes/water).
    static var water: URL { repository.appendingPathComponent("Scenes/water") }
    /// The water files the scene lacks: reference_energy_forces.txt and rattled.data.
    static var waterFixtures: URL { root.appendingPathComponent("H2O_RPBE-D3") }
    static var copperSulfide: URL { root.appendingPathComponent("Cu2S_PBE") }

    static func structure(_ folder: URL, _ file: String) throws -> LabelledStructure {
        let frames = try N2P2Data.read(folder.appendingPathComponent(file))
        guard let first = frames.first else { throw N2P2FileError(file: file, problem: "no structure") }
        return first
    }

    /// Total energy and per-atom forces of reference_energy_forces.txt.
    static func waterReference() throws -> (energy: Double, forces: [Vector3]) {
        let text = try String(contentsOf: waterFixtures.appendingPathComponent("reference_energy_forces.txt"), encoding: .utf8)
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
