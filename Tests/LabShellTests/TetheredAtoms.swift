import Descriptors
import Foundation
import Geometry
import Potentials
import Simulation
import Dynamics
import Experiments

/// Atoms on springs to their starting sites, E = ½k Σ|r_i − r0_i|², with a different k per cutoff
/// kind: a tiny stand-in model for driving the shell (the physics here is not what is tested).
struct TetheredAtoms: Potential {
    var sites: [Vector3]
    var stiffness: Double
    var cutoff: Double { 3 }
    var neighborListKind: NeighborListKind { .half }
    var summary: String { "tethered atoms, k \(stiffness) eV/Å²" }
    func evaluate(_ system: AtomicSystem, neighbors: NeighborList, request: EvaluationRequest) -> PotentialResult {
        let displacements = zip(system.positions, sites).map { $0 - $1 }
        let atomic = displacements.map { 0.5 * stiffness * $0.lengthSquared }
        guard request == .energyAndForces else { return PotentialResult(energy: atomic.reduce(0, +), atomicEnergies: atomic) }
        let forces = displacements.map { -stiffness * $0 }
        // The springs are an external field (their sites do not move with the atoms), so the virial is
        // W = Σ_i r_i ⊗ F_i over the atoms themselves, not a sum over pairs.
        var w0 = Vector3.zero, w1 = Vector3.zero, w2 = Vector3.zero
        for (r, f) in zip(system.positions, forces) { w0 += r.x * f; w1 += r.y * f; w2 += r.z * f }
        return PotentialResult(energy: atomic.reduce(0, +), atomicEnergies: atomic, forces: forces,
                               virial: Virial(rows: w0, w1, w2))
    }
}

func tetheredCatalog(name: String = "springs") -> TeacherCatalog {
    let sites: [Vector3] = (0..<8).map { (i: Int) -> Vector3 in
        Vector3(Double(i % 2), Double(i / 2 % 2), Double(i / 4)) * 4
    }
    let argon = Element(symbol: "Ar")!
    var system = try! AtomicSystem(elements: Array(repeating: argon, count: 8), positions: sites,
                                   cell: Cell.orthorhombic(Vector3(8, 8, 8)))
    system.assignMaxwellBoltzmannVelocities(temperature: 50, seed: 2)
    return TeacherCatalog(sceneName: name, initialSystem: system, settings: RunSettings(timeStep: 1, temperature: 50),
                          modelsDescription: "springs (no network)") { kind in
        TetheredAtoms(sites: sites, stiffness: kind == .smooth ? 1 : 2)
    }
}

struct SpringScenes: SceneSource {
    var sceneNames: [String] { ["springs", "coils"] }
    func catalog(named name: String) throws -> any ModelCatalog {
        guard sceneNames.contains(name) else { throw ShellTestError("no scene named '\(name)'") }
        return tetheredCatalog(name: name)
    }
}

struct ShellTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A fresh directory for files a test writes.
func scratchDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnplab-shell-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
