import Testing
import Geometry
import Potentials
import Descriptors
import Scenes
import Experiments
@testable import Simulation

@Suite("Picked atom report")
struct AtomReportTests {
    /// Neighbours of atom i at distance < r_c by brute force over every atom and lattice image |n| ≤ 2.
    static func bruteForceNeighbours(_ i: Int, in system: AtomicSystem, cutoff: Double) -> Int {
        let cell = system.cell!
        var count = 0
        for j in 0..<system.count {
            for a in -2...2 { for b in -2...2 { for c in -2...2 where j != i || SIMD3(a, b, c) != .zero {
                let d = system.positions[j] - system.positions[i] + cell.translation(SIMD3(a, b, c))
                if d.lengthSquared < cutoff * cutoff { count += 1 }
            } } }
        }
        return count
    }

    @Test("a compressed crystal under a network: ε_i and |F_i| are the snapshot's, the neighbours match brute force, and exactly the G the extrapolation check names are outside")
    func compressedCrystal() throws {
        let crystal = try networkCatalog().initialSystem
        let squeezed = try #require(crystal.strained(uniformly: -0.08))
        let engine = try SimulationEngine(catalog: networkCatalog(start: squeezed))
        let s = engine.snapshot()
        let model = try #require(s.potential as? BehlerParrinelloPotential)
        let warnings = model.extrapolationWarnings(s.system)
        #expect(!warnings.isEmpty, "a test without extrapolation proves nothing about it")
        for i in [0, 7, s.system.count - 1] {
            let report = try #require(s.atomReport(i))
            #expect(report.atomicEnergy == s.atomicEnergies[i])
            #expect(report.force == s.forces[i].length)
            #expect(report.neighbourCount == Self.bruteForceNeighbours(i, in: s.system, cutoff: model.cutoff))
            #expect(report.readings.count == model.symmetryFunctions.functions[0].count)
            let outside = Set(report.readings.indices.filter { report.readings[$0].isOutside })
            #expect(outside == Set(warnings.filter { $0.atom == i }.map(\.functionIndex)), "atom \(i)")
            for w in warnings where w.atom == i {
                #expect(abs(report.readings[w.functionIndex].value - w.value) <= 1e-12 * max(1, abs(w.value)))
                #expect(report.readings[w.functionIndex].range == w.minimum...w.maximum)
            }
            #expect(report.lines[0].hasPrefix("atom \(i) (Ar)  ε_i "))
            #expect(report.lines.contains { $0.contains("OUTSIDE") } == !outside.isEmpty)
        }
        #expect(s.atomReport(s.system.count) == nil)
    }

    @Test("a teacher has no symmetry functions: the report says so and still counts neighbours")
    func teacher() throws {
        let s = try SimulationEngine(catalog: argonCatalog()).snapshot()
        let report = try #require(s.atomReport(3))
        #expect(report.readings.isEmpty)
        #expect(report.neighbourCount == Self.bruteForceNeighbours(3, in: s.system, cutoff: s.potential.cutoff))
        #expect(report.lines.contains("no symmetry functions (this model is not a network)"))
    }
}
