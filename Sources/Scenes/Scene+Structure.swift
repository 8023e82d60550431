import Foundation
import Geometry
import StructureFiles

extension Scene {
    /// The scene's atoms as written (before any equilibration), positions in Å and at rest unless
    /// the file gives velocities. A file in atomic units is converted from Bohr to Å.
    public func builtStructure() throws -> AtomicSystem {
        switch structure {
        case let .lattice(l):
            let crystal = try l.kind.crystal(of: l.element, latticeConstant: l.latticeConstant, repeats: l.repeats)
            return l.rattle > 0 ? crystal.rattled(sigma: l.rattle, seed: l.seed) : crystal
        case let .file(url, units):
            let frames = try StructureFormat.read(url)
            guard let system = frames.first?.system else {
                throw SceneError(file: file.path, line: 0, message: "structure: expected at least one frame in \(url.path), got none")
            }
            return system.scalingLengths(by: units.lengthInAngstrom)
        }
    }
}
