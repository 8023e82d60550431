import Testing
import Geometry
import Dynamics
import Simulation
import Scenes
import Descriptors

@Suite("Crossing flash")
struct CrossingFlashTests {
    @Test("the snapshot dates each atom's latest r_c crossing: at every step, the atoms stamped now are the ones an independent counter marks")
    func stampsMatchTheCounter() throws {
        var engine = try SimulationEngine(catalog: argonCatalog(timeStep: 4))
        _ = engine.apply(.setCutoff(.step))
        var counter = CutoffCrossingCounter(cutoff: 6.5)
        var list = NeighborList(system: engine.state.system, cutoff: 7, skin: 0.5, kind: .half)
        counter.observe(engine.state.system, neighbors: list)
        var flashed = 0
        for _ in 0..<150 {
            engine.stepWhileRunning(maxSteps: 1)
            let system = engine.state.system
            list.update(for: system)
            counter.observe(system, neighbors: list)
            let s = engine.snapshot()
            #expect(s.crossingTimes.count == system.count)
            let stampedNow = s.crossingTimes.indices.filter { s.crossingTimes[$0] == s.time }
            #expect(stampedNow == counter.latestCrossingAtoms, "step \(s.step)")
            #expect(s.recentCrossingAtoms(within: 0) == Set(counter.latestCrossingAtoms))
            flashed += stampedNow.count
        }
        #expect(flashed > 10, "a test that sees no crossings proves nothing")
        let s = engine.snapshot()
        let window = 40.0
        #expect(s.recentCrossingAtoms(within: window) == Set(s.crossingTimes.indices.filter { s.time - s.crossingTimes[$0] <= window }))
    }

    @Test("compare mode publishes no crossing times (the atoms shown are another run's)")
    func compareModeHasNone() throws {
        var engine = try SimulationEngine(catalog: TwoActivationCatalog())
        engine.stepWhileRunning(maxSteps: 3)
        #expect(engine.snapshot().crossingTimes.count == engine.state.system.count)
        #expect(!engine.apply(.startCompare([])).isError)
        engine.stepWhileRunning(maxSteps: 3)
        #expect(engine.snapshot().crossingTimes.isEmpty)
    }
}
