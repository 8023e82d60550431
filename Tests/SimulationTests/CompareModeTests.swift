import Descriptors
import Dynamics
import Experiments
import NeuralNetworks
import Geometry
import Scenes
import Testing
@testable import Simulation

@Suite("Compare mode")
struct CompareModeTests {
    @Test("the six models run in lockstep, and each compared run is bit for bit the single-model run of the same model from the same atoms")
    func lockstepMatchesSingleRuns() throws {
        var engine = try SimulationEngine(catalog: TwoActivationCatalog())
        engine.stepWhileRunning(maxSteps: 10)
        let start = engine.state.system
        #expect(!engine.apply(.startCompare([])).isError)
        let taken = engine.stepWhileRunning(maxSteps: 40)
        #expect(taken == 40)
        let compared = try #require(engine.snapshot().compared)
        #expect(compared.map(\.choice) == ModelChoice.all)
        for model in compared {
            // The oracle: the one MD driver running that model alone from the same atoms.
            var single = try MolecularDynamics(system: start, potential: try TwoActivationCatalog().potential(for: model.choice),
                                               integrator: try engine.settings.integrator(), seed: engine.settings.seed)
            try single.run(steps: 40)
            #expect(model.system.positions == single.state.system.positions, "\(model.choice.name)")
            var monitor = ConservationMonitor(atomCount: start.count)
            var replay = try MolecularDynamics(system: start, potential: try TwoActivationCatalog().potential(for: model.choice),
                                               integrator: try engine.settings.integrator(), seed: engine.settings.seed)
            let id = replay.attach(monitor)
            try replay.run(steps: 40)
            monitor = replay[id]
            #expect(abs(model.rmsDeviationPerAtom - monitor.report.rmsDeviationPerAtom) <= 1e-12 * max(1, monitor.report.rmsDeviationPerAtom))
        }
        // The step cutoff's energy jumps: its RMS is far above the smooth one's.
        let rms = Dictionary(uniqueKeysWithValues: compared.map { ($0.choice.name, $0.rmsDeviationPerAtom) })
        #expect(rms["step-tanh"]! > rms["smooth-tanh"]!)
    }

    @Test("leaving compare mode goes on with the shown model's run, its atoms and velocities kept")
    func endKeepsShownRun() throws {
        var engine = try SimulationEngine(catalog: TwoActivationCatalog())
        engine.apply(.startCompare([ModelChoice(cutoff: .step, activation: .relu), .smoothTanh]))
        engine.stepWhileRunning(maxSteps: 15)
        let kept = try #require(engine.snapshot().compared?[0])
        #expect(!engine.apply(.endCompare(keeping: 0)).isError)
        #expect(engine.snapshot().compared == nil)
        #expect(engine.choice == ModelChoice(cutoff: .step, activation: .relu))
        #expect(engine.state.system.positions == kept.system.positions)
        #expect(engine.state.system.velocities == kept.system.velocities)
    }

    @Test("a model the scene lacks, or a scene without students, is refused in one line and the lab goes on")
    func badModels() throws {
        var teacher = try SimulationEngine(catalog: argonCatalog())
        let reply = teacher.apply(.startCompare([]))
        #expect(reply.isError && !reply.text.contains("\n"))
        #expect(teacher.compare == nil && teacher.runState == .running)
        var engine = try SimulationEngine(catalog: TwoActivationCatalog())
        engine.apply(.startCompare([]))
        let refused = engine.apply(.cycleCutoff)
        #expect(refused.isError && refused.text.contains("press m"))
    }

    @Test("the running RMS trace keeps the whole run at an even density within its capacity")
    func traceDecimates() {
        var trace = RunningRMSTrace(capacity: 8)
        for i in 0..<100 { trace.offer(time: Double(i), value: Double(i)) }
        #expect(trace.points.count <= 8)
        #expect(trace.points.first?.x == 0)
        #expect(trace.points.last!.x >= 80)
    }
}
