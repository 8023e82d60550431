import Foundation
import Testing
import Geometry
@testable import StructureFiles

/// True when `python3 -c "import ase.io"` succeeds; CI installs ase, a bare machine skips these tests visibly.
let aseIsImportable: Bool = (try? python(["-c", "import ase.io"]))?.status == 0

/// Runs python3 with `arguments`; returns the exit status and standard output.
func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite("extended XYZ agrees with ASE")
struct ASEInteroperabilityTests {
    @Test("ASE reads what NNPLab writes: positions, cell, pbc, energy, forces, velocities", .enabled(if: aseIsImportable, "needs python3 with ase (pip install ase); CI installs it"))
    func aseReadsOurFile() throws {
        let cell = try #require(Cell(a: Vector3(5.1, 0, 0), b: Vector3(1.2, 4.4, 0), c: Vector3(0.3, -0.4, 6.0)))
        let system = try AtomicSystem(elements: [Element(symbol: "Ar")!, Element(symbol: "Si")!],
                                      positions: [Vector3(0.5, 1.5, 2.5), Vector3(3.25, -0.125, 4.0)],
                                      velocities: [Vector3(0.001, 0.002, -0.003), Vector3(-0.004, 0, 0.005)],
                                      cell: cell)
        let forces = [Vector3(0.1, -0.2, 0.3), Vector3(-0.1, 0.2, -0.3)]
        let url = temporaryFile("ours.xyz")
        defer { try? FileManager.default.removeItem(at: url) }
        try ExtendedXYZ.write([LabelledStructure(system: system, energy: -3.75, forces: forces)], to: url)
        // ASE velocities are in Å per ASE time unit; multiplying by units.fs gives Å/fs. ASE's default
        // constants are CODATA 2014 and ours CODATA 2018: the unit differs by 4e-9 relative.
        let script = """
        import ase.io, ase.units, json
        a = ase.io.read('\(url.path)')
        print(json.dumps({'symbols': a.get_chemical_symbols(), 'positions': a.positions.tolist(),
            'cell': a.cell.tolist(), 'pbc': a.pbc.tolist(), 'energy': a.get_potential_energy(),
            'forces': a.get_forces().tolist(), 'velocities': (a.get_velocities() * ase.units.fs).tolist()}))
        """
        let run = try python(["-c", script])
        #expect(run.status == 0)
        let ase = try JSONDecoder().decode(ASEAtoms.self, from: Data(run.output.utf8))
        #expect(ase.symbols == ["Ar", "Si"])
        #expect(ase.pbc == [true, true, true])
        #expect(ase.energy == -3.75)
        #expect(ase.cell == [[5.1, 0, 0], [1.2, 4.4, 0], [0.3, -0.4, 6.0]])
        for i in 0..<2 {
            #expect(ase.positions[i] == [system.positions[i].x, system.positions[i].y, system.positions[i].z])
            #expect(ase.forces[i] == [forces[i].x, forces[i].y, forces[i].z])
            for k in 0..<3 { #expect(abs(ase.velocities[i][k] - system.velocities[i][k]) < 1e-8 * abs(system.velocities[i][k]) + 1e-18) }
        }
    }

    @Test("NNPLab reads what ASE writes: momenta become the same velocities", .enabled(if: aseIsImportable, "needs python3 with ase (pip install ase); CI installs it"))
    func weReadASEFile() throws {
        let url = temporaryFile("ase.xyz")
        defer { try? FileManager.default.removeItem(at: url) }
        let script = """
        import ase, ase.io, ase.units
        a = ase.Atoms('ArAr', positions=[[0, 0, 0], [1.5, 2.0, 2.5]], cell=[6, 7, 8], pbc=True)
        a.set_velocities([[0.01 / ase.units.fs, 0, 0], [0, -0.02 / ase.units.fs, 0.03 / ase.units.fs]])
        ase.io.write('\(url.path)', [a, a], format='extxyz')
        """
        #expect(try python(["-c", script]).status == 0)
        let frames = try ExtendedXYZ.read(url)
        #expect(frames.count == 2)
        let s = try #require(frames.first)
        #expect(s.system.cell == Cell.orthorhombic(Vector3(6, 7, 8)))
        #expect(s.system.positions[1] == Vector3(1.5, 2.0, 2.5))
        let expected = [Vector3(0.01, 0, 0), Vector3(0, -0.02, 0.03)]
        for (v, w) in zip(s.system.velocities, expected) { #expect((v - w).length < 1e-8 * w.length) }  // CODATA 2014 vs 2018
    }
}

private struct ASEAtoms: Decodable {
    var symbols: [String]
    var positions: [[Double]]
    var cell: [[Double]]
    var pbc: [Bool]
    var energy: Double
    var forces: [[Double]]
    var velocities: [[Double]]
}
