import Foundation
import Testing
import Geometry
@testable import StructureFiles

@Suite("n2p2 input.data reader")
struct N2P2DataTests {
    @Test("reads the water configuration: 1080 atoms, orthorhombic box in Bohr, O before its two H")
    func readsWater() throws {
        let frames = try N2P2Data.read(referenceFile("n2p2/H2O_RPBE-D3/input.data"))
        #expect(frames.count == 1)
        let s = try #require(frames.first)
        #expect(s.system.count == 1080)
        #expect(s.system.elements.filter { $0.symbol == "O" }.count == 360)
        #expect(s.system.elements.prefix(3).map(\.symbol) == ["O", "H", "H"])
        #expect(s.system.positions[0] == Vector3(3.3161137848673654E+01, 1.3927124396757034E+01, 1.0505195708760620E+00))
        #expect(s.system.cell?.a == Vector3(4.2888632301285426E+01, 0, 0))
        #expect(s.system.cell?.c == Vector3(0, 0, 4.2022085732793258E+01))
        #expect(s.energy == 0)
        #expect(s.forces?.count == 1080)
        #expect(s.comment == "Generated from -, TIMESTEP: 20000000")
    }

    @Test("reads the triclinic Cu2S cell and the reference forces of every atom")
    func readsCopperSulfide() throws {
        let frames = try N2P2Data.read(referenceFile("n2p2/Cu2S_PBE/input.data"))
        let s = try #require(frames.first)
        #expect(s.system.count == 144)
        #expect(s.system.cell?.c == Vector3(-5.989357159, 0, 12.091965796))
        #expect(s.forces?.first == Vector3(-0.125331, 0.028415, 0.031193))
        #expect(s.system.elements.first?.symbol == "S")
        #expect(s.energy != nil)
    }

    @Test("reads the rattled configurations with the atom counts of their originals",
          arguments: [("H2O_RPBE-D3", 1080), ("Cu2S_PBE", 144)])
    func readsRattled(folder: String, atoms: Int) throws {
        let original = try N2P2Data.read(referenceFile("n2p2/\(folder)/input.data"))
        let rattled = try N2P2Data.read(referenceFile("n2p2/\(folder)/rattled.data"))
        #expect(rattled.first?.system.count == atoms)
        #expect(rattled.first?.system.elements == original.first?.system.elements)
        #expect(rattled.first?.system.positions != original.first?.system.positions)
    }

    @Test("reads several configurations, with and without a lattice, keeping energies per frame")
    func readsSeveralFrames() throws {
        let text = """
        begin
        comment first
        lattice 4 0 0
        lattice 0 4 0
        lattice 0 0 4
        atom 0 0 0 Si 0 0 0.5 0 0
        atom 1 1 1 Si 0 0 -0.5 0 0
        energy -8.5
        charge 0
        end
        begin
        atom 0 0 0 H 0 0 0 0 1D-2
        atom 0 0 1.4 H 0 0 0 0 -1.0E-02
        energy -1.0
        charge 0
        end
        """
        let frames = try N2P2Data.parse(text)
        #expect(frames.count == 2)
        #expect(frames[0].system.cell != nil && frames[1].system.cell == nil)
        #expect(frames[0].energy == -8.5 && frames[1].energy == -1.0)
        #expect(frames[0].forces == [Vector3(0.5, 0, 0), Vector3(-0.5, 0, 0)])
        #expect(frames[1].forces?[0].z == 0.01)
        #expect(frames[0].comment == "first")
        #expect(frames[1].atomLines == [12, 13])
    }

    @Test("errors name the file, the line and the offending value", arguments: [
        ("begin\natom 0 0 zero Si 0 0 0 0 0\nend\n", "in.data:2: z is not a finite number: 'zero'"),
        ("begin\natom 0 0 0 Qq 0 0 0 0 0\nend\n", "in.data:2: unknown chemical element: 'Qq'"),
        ("begin\natom 0 0 0 Si 0 0\nend\n", "in.data:2: expected 'atom x y z element charge n fx fy fz': 'atom 0 0 0 Si 0 0'"),
        ("begin\nlattice 1 0 0\natom 0 0 0 Si 0 0 0 0 0\nend\n", "in.data:4: expected 0 or 3 'lattice' lines, found: '1'"),
        ("begin\natom 0 0 0 Si 0 0 0 0 0\n", "in.data:1: configuration has no 'end': 'begin'"),
        ("atom 0 0 0 Si 0 0 0 0 0\n", "in.data:1: expected 'begin': 'atom 0 0 0 Si 0 0 0 0 0'"),
        ("begin\nbogus 1\nend\n", "in.data:2: unknown keyword: 'bogus'"),
    ])
    func reportsErrors(text: String, message: String) {
        #expect(throws: StructureFileError.self) { try N2P2Data.parse(text, file: "in.data") }
        do { _ = try N2P2Data.parse(text, file: "in.data") } catch { #expect("\(error)" == message) }
    }

    @Test("a missing file is one error naming it")
    func missingFile() {
        do {
            _ = try N2P2Data.read(URL(fileURLWithPath: "/nonexistent/input.data"))
            Issue.record("no error")
        } catch {
            #expect("\(error)" == "/nonexistent/input.data: no such file")
        }
    }
}
