import Foundation
import Geometry
import Potentials
import StructureFiles
import Testing
@testable import SocketDriver

@Suite("i-PI client session: the state machine and what it refuses")
struct SessionTests {
    let system: AtomicSystem
    let bohr = AtomicUnitConvention.ase.bohrInAngstrom

    init() throws { system = try rattledArgon() }

    func session() throws -> DriverSession {
        try DriverSession(structure: system, structureName: "argon.xyz", potential: try LennardJones(), units: .ase)
    }

    func run(_ input: [UInt8]) throws -> (DriverSession.Ending, ScriptedStream) {
        let stream = ScriptedStream(input)
        return (try session().run(over: stream), stream)
    }

    @Test("a close between requests after an answer ends cleanly (ASE sends no EXIT); before any request it fails")
    func hangUps() throws {
        let (ending, _) = try run(ServerSide.posdata(system, bohr: bohr) + ServerSide.header("GETFORCE"))
        #expect(ending == .closedBetweenRequests)
        #expect(throws: DriverError.serverClosed(during: "the client waited for its first request")) { try run([]) }
        #expect(throws: DriverError.serverClosed(during: "the client held forces it had not collected")) {
            try run(ServerSide.posdata(system, bohr: bohr))
        }
    }

    @Test("a server gone in the middle of a message is named with what it was sending")
    func truncated() throws {
        let full = ServerSide.posdata(system, bohr: bohr)
        #expect(throws: DriverError.serverClosed(during: "sending the positions (POSDATA)")) { try run(Array(full.dropLast(5))) }
        #expect(throws: DriverError.serverClosed(during: "sending the cell (POSDATA)")) { try run(Array(full.prefix(40))) }
        #expect(throws: DriverError.serverClosed(during: "sending a message header")) { try run(Array("STAT".utf8)) }
    }

    @Test("malformed and unknown messages, and GETFORCE with nothing computed, end the session")
    func badMessages() throws {
        #expect(throws: DriverError.unknownMessage("HELLO")) { try run(ServerSide.header("HELLO")) }
        #expect(throws: DriverError.malformedHeader([UInt8](repeating: 0xFF, count: 12))) {
            try run([UInt8](repeating: 0xFF, count: 12))
        }
        #expect(throws: DriverError.unexpectedMessage(.getforce, state: "READY")) { try run(ServerSide.header("GETFORCE")) }
        #expect(throws: DriverError.unexpectedMessage(.ready, state: "READY")) { try run(ServerSide.header("READY")) }
    }

    @Test("positions for another number of atoms are refused before they are read")
    func atomCount() throws {
        let wrong = ServerSide.posdata(system, bohr: bohr, count: 1_000_000_000)
        #expect(throws: DriverError.atomCountMismatch(received: 1_000_000_000, expected: 32, structure: "argon.xyz")) {
            try run(wrong)
        }
        #expect(DriverError.atomCountMismatch(received: 5, expected: 32, structure: "argon.xyz").description
                == "the server sent 5 atoms; argon.xyz has 32")
    }

    @Test("non-finite positions and a singular cell for a periodic structure are refused")
    func badNumbers() throws {
        var nan = system
        nan.positions[3].y = .nan
        #expect(throws: DriverError.self) { try run(ServerSide.posdata(nan, bohr: bohr)) }
        var flat = ServerSide.posdata(system, bohr: bohr)
        for k in 12..<(12 + 72) { flat[k] = 0 }
        #expect(throws: DriverError.self) { try run(flat) }
    }

    @Test("INIT is read and ignored; a batched request or an absurd length is refused")
    func initialization() throws {
        func initMessage(_ text: String, length: Int32? = nil) -> [UInt8] {
            ServerSide.header("INIT") + ServerSide.littleEndian(Int32(0)) + ServerSide.littleEndian(length ?? Int32(text.utf8.count))
                + Array(text.utf8)
        }
        let (ending, stream) = try run(initMessage("myparams") + ServerSide.header("STATUS") + ServerSide.header("EXIT"))
        #expect(ending == .exitMessage && stream.written == ServerSide.header("READY"))
        #expect(throws: DriverError.self) { try run(initMessage("x, batch_size:4")) }
        #expect(throws: DriverError.malformedPayload("INIT string length 1073741824 (expected 0 to 1048576 bytes)")) {
            try run(initMessage("", length: 1 << 30))
        }
        #expect(DriverSession.batchSize(in: "batch_size:1") == 1)
    }

    @Test("a cluster ignores the cell the server sends")
    func cluster() throws {
        var cluster = system
        cluster.cell = nil
        let lj = try LennardJones()
        let driver = try DriverSession(structure: cluster, structureName: "c", potential: lj, units: .ase)
        let stream = ScriptedStream(ServerSide.posdata(cluster, bohr: bohr) + ServerSide.header("GETFORCE"))
        _ = try driver.run(over: stream)
        let answer = try #require(ServerSide.parseForces(stream.written, bohr: bohr, hartree: 27.211386024367243))
        let direct = lj.evaluate(cluster, neighbors: NeighborList(system: cluster, cutoff: lj.cutoff, kind: lj.neighborListKind),
                                 request: .energy)
        #expect(abs(answer.energy / direct.energy - 1) < 1e-13)
    }
}

@Suite("i-PI client with a potential made in atomic units")
struct AtomicUnitsPotentialTests {
    @Test("the n2p2 water model (Bohr, Hartree) gets the server's numbers unchanged and answers bit for bit")
    func waterPassesThrough() throws {
        let scenes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenes/water")
        let water = try N2P2PotentialLoader.load(folder: scenes)
        #expect(water.units == .atomic)
        let frame = try #require(try StructureFormat.read(scenes.appendingPathComponent("input.data")).first)
        // Ten molecules as a periodic box keeps the test fast; the identity holds for any positions.
        let box = try #require(frame.system.cell)
        let small = try AtomicSystem(elements: Array(frame.system.elements.prefix(30)),
                                     positions: Array(frame.system.positions.prefix(30)), cell: box)
        for units in AtomicUnitConvention.all {
            let driver = try DriverSession(structure: small, structureName: "water", potential: water, units: units)
            let stream = ScriptedStream(ServerSide.posdata(small, bohr: 1) + ServerSide.header("GETFORCE"))
            _ = try driver.run(over: stream)
            let answer = try #require(ServerSide.parseForces(stream.written, bohr: 1, hartree: 1))
            let direct = water.evaluate(small, neighbors: NeighborList(system: small, cutoff: water.cutoff,
                                                                       kind: water.neighborListKind),
                                        request: .energyAndForces)
            #expect(answer.energy == direct.energy && answer.forces == direct.forces, "\(units)")
        }
    }
}
