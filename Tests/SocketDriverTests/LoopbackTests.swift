import Foundation
import Geometry
import Potentials
import Testing
@testable import SocketDriver
import Descriptors

/// A triclinic box of 32 argon atoms, slightly disordered: a cell whose transpose is not itself, so a
/// cell sent the wrong way round changes the energy.
func rattledArgon() throws -> AtomicSystem {
    var system = try Lattice.fcc.crystal(of: LennardJones.argon, latticeConstant: 5.3, repeats: 2)
    let box = try #require(system.cell)
    system.cell = Cell(a: box.a, b: box.b + Vector3(1.1, 0, 0), c: box.c + Vector3(-0.7, 0.9, 0))
    var random = SeededGenerator(seed: 11)
    system.positions = system.positions.map { $0 + 0.15 * Vector3(random.normal(), random.normal(), random.normal()) }
    return system
}

@Suite("i-PI client over a real Unix socket", .serialized)
struct LoopbackTests {
    @Test("answers STATUS, POSDATA, GETFORCE and EXIT with the potential's energy, forces and virial")
    func exchange() throws {
        let system = try rattledArgon()
        let lj = try LennardJones(truncation: .smooth)
        let ase = AtomicUnitConvention.ase
        let server = UnixSocketServer(delay: 0) { send, receive in
            send(ServerSide.header("STATUS"))
            _ = receive(12)
            send(ServerSide.posdata(system, bohr: ase.bohrInAngstrom))
            send(ServerSide.header("STATUS"))
            _ = receive(12)
            send(ServerSide.header("GETFORCE"))
            _ = receive(12 + 8 + 4 + 24 * system.count + 72 + 4 + 2)
            send(ServerSide.header("EXIT"))
        }
        let session = try DriverSession(structure: system, structureName: "argon", potential: lj, units: ase)
        let ending = try session.run(over: SocketConnection.connect(to: .unix(name: server.name), timeout: 10))
        let (received, failure) = server.finish()
        #expect(failure == nil)
        #expect(ending == .exitMessage && session.evaluations == 1)
        #expect(Array(received.prefix(24)) == ServerSide.header("READY") + ServerSide.header("HAVEDATA"))
        let answer = try #require(ServerSide.parseForces(Array(received.dropFirst(24)), bohr: ase.bohrInAngstrom,
                                                         hartree: ase.hartreeInElectronvolt))

        let direct = lj.evaluate(system, neighbors: NeighborList(system: system, cutoff: lj.cutoff, kind: lj.neighborListKind),
                                 request: .energyAndForces)
        #expect(abs(answer.energy / direct.energy - 1) < 1e-13)
        #expect(zip(answer.forces, direct.forces).allSatisfy { let d = $0 - $1; return max(abs(d.x), abs(d.y), abs(d.z)) < 1e-13 })
        let w = direct.virial
        for a in 0..<3 { for b in 0..<3 { #expect(abs(answer.virial[a][b] - w[a][b]) < 1e-13 * max(1, abs(w[a][b]))) } }
        #expect(answer.extra == Array("{}".utf8))
    }

    @Test("a cell sent transposed would give a different energy: the layout matters for this structure")
    func transposedCellDiffers() throws {
        let system = try rattledArgon()
        let cell = try #require(system.cell)
        var transposed = system
        transposed.cell = Cell(a: Vector3(cell.a.x, cell.b.x, cell.c.x), b: Vector3(cell.a.y, cell.b.y, cell.c.y),
                               c: Vector3(cell.a.z, cell.b.z, cell.c.z))
        let lj = try LennardJones(truncation: .smooth)
        func energy(_ s: AtomicSystem) -> Double {
            lj.evaluate(s, neighbors: NeighborList(system: s, cutoff: lj.cutoff, kind: lj.neighborListKind), request: .energy).energy
        }
        #expect(abs(energy(system) - energy(transposed)) > 1e-3)
    }

    @Test("keeps trying while the server is not yet listening, then connects")
    func retriesUntilListening() throws {
        let system = try rattledArgon()
        let server = UnixSocketServer(delay: 0.5) { send, _ in send(ServerSide.header("EXIT")) }
        let session = try DriverSession(structure: system, structureName: "argon", potential: try LennardJones(), units: .ase)
        #expect(try session.run(over: SocketConnection.connect(to: .unix(name: server.name), timeout: 10)) == .exitMessage)
        #expect(server.finish().failure == nil)
    }

    @Test("gives up after the timeout with one line naming the socket")
    func givesUp() throws {
        let name = "nnplab-test-absent-\(getpid())"
        do {
            _ = try SocketConnection.connect(to: .unix(name: name), timeout: 0.3)
            Issue.record("connected to a socket nobody listens on")
        } catch let error as DriverError {
            #expect(error.description.hasPrefix("no i-PI server at unix socket /tmp/ipi_\(name) after 0.3 s:"))
        }
        #expect(throws: DriverError.self) {
            try SocketConnection.connect(to: .unix(name: String(repeating: "x", count: 200)), timeout: 0)
        }
    }
}
