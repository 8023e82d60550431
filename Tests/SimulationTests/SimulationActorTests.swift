import Descriptors
import Testing
@testable import Simulation
import Scenes

@Suite("Simulation actor")
struct SimulationActorTests {
    /// Polls the mailbox until `condition` holds (at most ~20 s), without blocking a pool thread.
    func waitFor(_ simulation: Simulation, _ condition: (Snapshot) -> Bool) async -> Snapshot {
        for _ in 0..<4000 {
            let snapshot = simulation.latest()
            if condition(snapshot) { return snapshot }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return simulation.latest()
    }

    @Test("steps in the background, takes commands from the inbox and publishes snapshots")
    func backgroundStepping() async throws {
        let simulation = Simulation(engine: try SimulationEngine(catalog: argonCatalog()))
        let runner = Task { await simulation.run() }
        let moving = await waitFor(simulation) { $0.step >= 5 }
        #expect(moving.step >= 5)
        simulation.send(.cycleCutoff)
        simulation.send(.pause)
        let paused = await waitFor(simulation) { $0.runState == .paused(.user) }
        #expect(paused.choice.cutoff == .step)
        #expect(paused.history.marks.map(\.label) == ["cutoff: step"])
        #expect(paused.stepsPerSecond > 0)
        simulation.stop()
        await runner.value
    }

    @Test("a chunk grows towards the target length and shrinks when too long, by at most 2×")
    func chunkSizing() {
        #expect(Simulation.nextChunkSize(current: 4, taken: 4, elapsed: .milliseconds(1), target: .milliseconds(8)) == 8)
        #expect(Simulation.nextChunkSize(current: 4, taken: 4, elapsed: .milliseconds(64), target: .milliseconds(8)) == 2)
        #expect(Simulation.nextChunkSize(current: 4, taken: 4, elapsed: .milliseconds(10), target: .milliseconds(8)) == 3)
        #expect(Simulation.nextChunkSize(current: 4, taken: 2, elapsed: .milliseconds(1), target: .milliseconds(8)) == 4)
        #expect(Simulation.nextChunkSize(current: 1, taken: 1, elapsed: .milliseconds(50), target: .milliseconds(8)) == 1)
    }
}
