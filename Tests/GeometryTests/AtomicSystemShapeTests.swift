import Testing
import Geometry

@Suite("An atomic system's per-atom arrays always agree in length")
struct AtomicSystemShapeTests {
    static func pair() throws -> AtomicSystem {
        let argon = Element(atomicNumber: 18)!
        return try AtomicSystem(elements: [argon, argon], positions: [.zero, Vector3(3.8, 0, 0)], cell: nil)
    }

    @Test("arrays of different lengths are refused at creation")
    func mismatchedInit() {
        let argon = Element(atomicNumber: 18)!
        #expect(throws: AtomicSystem.ShapeError.self) {
            _ = try AtomicSystem(elements: [argon], positions: [.zero, .zero], cell: nil)
        }
        #expect(throws: AtomicSystem.ShapeError.self) {
            _ = try AtomicSystem(elements: [argon], positions: [.zero], velocities: [], cell: nil)
        }
    }

    @Test("positions and velocities change in place or as a whole of the same length")
    func sameLengthChanges() throws {
        var system = try Self.pair()
        system.positions[1].x = 4.0
        system.velocities = [Vector3(0.01, 0, 0), Vector3(-0.01, 0, 0)]
        system.positions = system.positions.map { $0 + Vector3(1, 1, 1) }
        #expect(system.count == 2 && system.positions[1] == Vector3(5, 1, 1) && system.momentum == .zero)
    }

    @Test("a reordering permutes every per-atom array together")
    func reordering() throws {
        let argon = Element(atomicNumber: 18)!, neon = Element(atomicNumber: 10)!
        let system = try AtomicSystem(elements: [argon, neon], positions: [.zero, Vector3(1, 2, 3)],
                                      velocities: [Vector3(1, 0, 0), Vector3(0, 1, 0)], cell: nil)
        let swapped = system.reordered([1, 0])
        #expect(swapped.elements == [neon, argon] && swapped.masses == [neon.standardMass, argon.standardMass])
        #expect(swapped.positions == [Vector3(1, 2, 3), .zero] && swapped.velocities == [Vector3(0, 1, 0), Vector3(1, 0, 0)])
    }

    @Test("appending a position stops the program instead of leaving the arrays disagreeing")
    func appendingTraps() async {
        await #expect(processExitsWith: .failure) {
            var system = try AtomicSystemShapeTests.pair()
            system.positions.append(.zero)
        }
    }
}
