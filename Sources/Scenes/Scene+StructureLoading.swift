import Foundation
import Geometry
import StructureFiles

extension Scene {
    /// The `[structure]` table's atoms, built at once (Å): a lattice, optionally rattled, or the first
    /// frame of a structure file converted to Å. Also the lattice's element, if it is a lattice (a
    /// Lennard-Jones teacher describes it). A structure file that cannot be read is one
    /// ``SceneError`` at the `file` key, quoting the structure file's own `file:line: problem: value`.
    static func parseStructure(_ t: SceneTable, folder: URL) throws -> (system: AtomicSystem, latticeElement: Element?) {
        if t.contains("file") { return (try parseStructureFile(t, folder: folder), nil) }
        let kind: Lattice = try t.choice("lattice")
        let symbol = try t.string("element", "a chemical symbol such as \"Ar\"")
        guard let element = Element(symbol: symbol) else {
            throw t.error("element", "expected a chemical symbol such as \"Ar\", got \"\(symbol)\"")
        }
        let r = try t.ints("repeats", "three positive integers [na, nb, nc]", where: { $0 > 0 && $0 <= 64 })
        guard r.count == 3 else { throw t.error("repeats", "expected three positive integers [na, nb, nc], got \(r.count) of them") }
        let atoms = r[0] * r[1] * r[2] * kind.basis.count  // each factor ≤ 64: no overflow
        guard atoms <= SceneLimits.maximumAtoms else {
            throw t.error("repeats", "expected at most \(SceneLimits.maximumAtoms) atoms, got \(r[0])×\(r[1])×\(r[2]) cells of \(kind.basis.count) = \(atoms) atoms")
        }
        let a: Double
        switch (t.contains("lattice_constant"), t.contains("density")) {
        case (true, false): a = try t.double("lattice_constant", "a lattice constant in Å \(SceneLimits.describe(SceneLimits.latticeConstant))",
                                              where: SceneLimits.latticeConstant.contains)
        case (false, true):
            let rho = try t.double("density", "a mass density in g/cm³ \(SceneLimits.describe(SceneLimits.density))",
                                   where: SceneLimits.density.contains)
            a = kind.latticeConstant(of: element, density: rho)
            guard SceneLimits.latticeConstant.contains(a) else {
                throw t.error("density", "expected a density giving a lattice constant \(SceneLimits.describe(SceneLimits.latticeConstant)) Å, got \(rho) g/cm³ (a = \(a) Å)")
            }
        case (true, true): throw t.error("density", "expected either lattice_constant or density, got both")
        case (false, false): throw t.tableError("missing key structure.lattice_constant: expected lattice_constant (Å) or density (g/cm³), got neither")
        }
        let rattle = try t.double("rattle", default: 0, "a non-negative displacement in Å", where: { $0 >= 0 && $0 < a / 2 })
        let seed = try t.int("seed", default: 0, "a non-negative integer seed", where: { $0 >= 0 })
        try t.finish()
        let crystal: AtomicSystem
        do {
            crystal = try kind.crystal(of: element, latticeConstant: a, repeats: SIMD3(r[0], r[1], r[2]))
        } catch {
            // Every number was checked above; this only guards a builder that changes its rules.
            throw t.tableError("structure: expected a \(kind) lattice, got \(error)")
        }
        return (rattle > 0 ? crystal.rattled(sigma: rattle, seed: UInt64(seed)) : crystal, element)
    }

    /// Length units a structure file can be in: metal (Å) or atomic (Bohr).
    enum FileUnits: String, CaseIterable { case metal, atomic }

    /// The first frame of the `file` key's structure file, lengths converted from `units` to Å.
    private static func parseStructureFile(_ t: SceneTable, folder: URL) throws -> AtomicSystem {
        let path = try t.string("file", "a structure file path relative to the scene file")
        let url = folder.appendingPathComponent(path).standardizedFileURL
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw t.error("file", "expected an existing structure file, got \"\(path)\" (no file at \(url.path))")
        }
        let units: UnitSystem = try t.choice("units", default: FileUnits.metal) == .metal ? .metal : .atomic
        try t.finish()
        let frames: [LabelledStructure]
        do {
            frames = try StructureFormat.read(url)
        } catch {
            throw t.error("file", "expected a readable extended XYZ or n2p2 structure file, got \"\(path)\" (\(error))")
        }
        guard let system = frames.first?.system, system.count > 0 else {
            throw t.error("file", "expected at least one atom in \"\(path)\", got none")
        }
        guard system.count <= SceneLimits.maximumAtoms else {
            throw t.error("file", "expected at most \(SceneLimits.maximumAtoms) atoms in \"\(path)\", got \(system.count)")
        }
        return system.scalingLengths(by: units.lengthInAngstrom)
    }
}

extension Lattice {
    /// Lattice constant a (Å) of this lattice of `element` with mass density `density` (g/cm³):
    /// a³ = n·m / ρ, n atoms of mass m (amu) per conventional cell, with 1 amu/Å³ = 1.66053906660 g/cm³.
    func latticeConstant(of element: Element, density: Double) -> Double {
        let massPerCell = Double(basis.count) * element.standardMass * 1.66053906660
        return Foundation.pow(massPerCell / density, 1.0 / 3.0)
    }
}
