import Testing
import Canvas
import Experiments
import LabShell
import Simulation

@Suite("The status line's activation")
struct StatusActivationTests {
    @Test("a scene driven by its teacher (no network) shows 'activation: teacher', not an activation it lacks")
    func teacherScene() throws {
        let s = EngineBackend(engine: try SimulationEngine(catalog: tetheredCatalog())).snapshot()
        #expect(s.activations.isEmpty)
        let frame = LabFrame(snapshot: s, controls: ViewControls(), message: nil)
        #expect(frame.status.activation == "teacher")
    }
}
