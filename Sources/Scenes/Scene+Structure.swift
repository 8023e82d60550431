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
            guard var system = frames.first?.system else {
                throw SceneError(file: file.path, line: 0, message: "structure: expected at least one frame in \(url.path), got none")
            }
            let s = units.lengthInAngstrom
            if s != 1 {
                system.positions = system.positions.map { $0 * s }
                if let cell = system.cell { system.cell = Cell(a: cell.a * s, b: cell.b * s, c: cell.c * s) }
            }
            return system
        }
    }
}
