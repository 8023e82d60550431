import Foundation
import Testing
import Geometry
@testable import StructureFiles

@Suite("extended XYZ reader and writer")
struct ExtendedXYZTests {
    @Test("reads a LAMMPS reference file: cell, species, positions, energy and forces")
    func readsReference() throws {
        let frames = try ExtendedXYZ.read(referenceFile("lammps/si_hot_sw.xyz"))
        let s = try #require(frames.first)
        #expect(frames.count == 1)
        #expect(s.system.count == 64)
        #expect(s.system.cell?.b == Vector3(0, 10.862, 0))
        #expect(s.energy == -154.141479548491)
        #expect(s.system.positions[0] == Vector3(10.428356534878, 10.738089773662, 0.044469190903))
        #expect(s.forces?[0] == Vector3(5.36262460515381, 0.0832949275800643, -0.0790531870764679))
        #expect(s.system.masses[0] == Element(symbol: "Si")!.standardMass)
    }

    @Test("parses quoted, braced and bare values, and a key without a value")
    func parsesCommentLine() throws {
        let pairs = try #require(ExtendedXYZ.keyValuePairs(#"a=1 b="x \"y\" z" c={T F T} flag d = 2.5"#))
        #expect(pairs.map(\.key) == ["a", "b", "c", "flag", "d"])
        #expect(pairs.map(\.value) == ["1", #"x "y" z"#, "T F T", "T", "2.5"])
        #expect(ExtendedXYZ.keyValuePairs(#"Lattice="1 2 3"#) == nil)
    }

    @Test("writes and reads back exactly: triclinic cell, velocities, masses, forces, energy, several frames")
    func roundTrips() throws {
        let cell = try #require(Cell(a: Vector3(5, 0, 0), b: Vector3(1.25, 4.5, 0), c: Vector3(-0.5, 0.3, 6.1)))
        let periodic = try AtomicSystem(elements: [Element(symbol: "Si")!, Element(symbol: "O")!],
                                        positions: [Vector3(0.1, 0.2, 0.3), Vector3(1.0 / 3, 2.5, -1e-7)],
                                        velocities: [Vector3(0.01, -0.002, 0), Vector3(0, 0, 3e-3)],
                                        masses: [28.1, 16.5], cell: cell)
        let cluster = try AtomicSystem(elements: [Element(symbol: "Ar")!], positions: [Vector3(1, 2, 3)], cell: nil)
        let frames = [
            LabelledStructure(system: periodic, energy: -12.345678901234567, forces: [Vector3(1e-3, 2, -3), Vector3(-1e-3, -2, 3)],
                              comment: #"step 1 "hot""#),
            LabelledStructure(system: cluster),
        ]
        let back = try ExtendedXYZ.parse(ExtendedXYZ.text(frames))
        #expect(back.count == 2)
        #expect(back[0].system.positions == periodic.positions)
        #expect(back[0].system.cell == cell)
        #expect(back[0].system.masses == [28.1, 16.5])
        #expect(back[0].energy == frames[0].energy && back[0].forces == frames[0].forces)
        #expect(back[0].comment == frames[0].comment)
        for (v, w) in zip(back[0].system.velocities, periodic.velocities) { #expect((v - w).length < 1e-17) }
        #expect(back[1].system.cell == nil && back[1].energy == nil && back[1].forces == nil)
        #expect(back[1].system == cluster)
        #expect(back[0].atomLines == [3, 4])
        #expect(back[1].atomLines == [7])
    }

    @Test("reads libAtoms velo (Å/fs), atomic numbers, and pbc=F F F as a cluster")
    func readsVariants() throws {
        let text = """
        1
        Lattice="3 0 0 0 3 0 0 0 3" Properties=Z:I:1:pos:R:3:velo:R:3 pbc="F F F"
        14 0.5 0.5 0.5 0.01 0.02 0.03
        """
        let s = try #require(try ExtendedXYZ.parse(text).first)
        #expect(s.system.elements == [Element(symbol: "Si")!])
        #expect(s.system.cell == nil)
        #expect(s.system.velocities == [Vector3(0.01, 0.02, 0.03)])
    }

    @Test("errors name the file, the line and the offending value", arguments: [
        ("3\n\nAr 0 0 0\nAr 1 0 0\n", "in.xyz:4: file ends after 2 of the 3 atoms announced on line 1: '3'"),
        ("1\n\nAr 0 0 0\nAr 1 0 0\n", "in.xyz:4: expected the atom count of the next frame (does the previous count match its atom lines?): 'Ar 1 0 0'"),
        ("two\n\nAr 0 0 0\n", "in.xyz:1: expected the atom count: 'two'"),
        ("0\n\n", "in.xyz:1: the atom count must be positive: '0'"),
        ("1\nProperties=species:S:1:pos:R:3:masses:R:1\nAr 0 0 0 -4\n", "in.xyz:3: mass must be positive and at most 1e6 amu: '-4.0'"),
        ("1\n\nXx 0 0 0\n", "in.xyz:3: unknown chemical element: 'Xx'"),
        ("1\n\nAr 0 0.x 0\n", "in.xyz:3: pos is not a finite number: '0.x'"),
        ("1\n\nAr 0 0\n", "in.xyz:3: expected 4 fields (species:S:1:pos:R:3), found 3: 'Ar 0 0'"),
        ("1\nLattice=\"1 0 0 0 1 0 0 0\"\nAr 0 0 0\n", "in.xyz:2: Lattice needs 9 numbers: '1 0 0 0 1 0 0 0'"),
        ("1\nLattice=\"1 0 0 0 1 0 0 0 1\" pbc=\"T T F\"\nAr 0 0 0\n",
         "in.xyz:2: pbc must be \"T T T\" or \"F F F\" (partial periodicity is not supported): 'T T F'"),
        ("1\nProperties=species:S:1:pos:R\nAr 0 0 0\n", "in.xyz:2: Properties is not a list of name:type:count: 'species:S:1:pos:R'"),
        ("1\nProperties=species:S:1:pos:R:3 energy=low\nAr 0 0 0\n", "in.xyz:2: energy is not a finite number: 'low'"),
    ])
    func reportsErrors(text: String, message: String) {
        do {
            _ = try ExtendedXYZ.parse(text, file: "in.xyz")
            Issue.record("no error for \(message)")
        } catch {
            #expect(error is StructureFileError)
            #expect("\(error)" == message)
        }
    }

    @Test("format detection tells n2p2 input.data from extended XYZ")
    func detectsFormat() throws {
        #expect(StructureFormat.detect("\n  begin\ncomment x\n") == .n2p2)
        #expect(StructureFormat.detect("2\nLattice=\"1 0 0 0 1 0 0 0 1\"\n") == .extendedXYZ)
        let water = try StructureFormat.read(referenceFile("n2p2/H2O_RPBE-D3/input.data"))
        #expect(water.first?.system.count == 1080)
        let argon = try StructureFormat.read(referenceFile("lammps/ar_liquidlike_shifted.xyz"))
        #expect(argon.first?.energy != nil)
    }
}
