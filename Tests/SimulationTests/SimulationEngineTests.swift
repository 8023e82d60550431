import Descriptors
import Geometry
import Testing
@testable import Simulation
import Dynamics
import Experiments
import NeuralNetworks
import Scenes

@Suite("Simulation engine")
struct SimulationEngineTests {
    @Test("switching the cutoff keeps positions and velocities bit for bit and marks the history")
    func switchKeepsAtoms() throws {
        var engine = try SimulationEngine(catalog: argonCatalog())
        engine.stepWhileRunning(maxSteps: 20)
        let before = engine.state.system
        let energyBefore = engine.state.potentialEnergy
        #expect(engine.history.rmsDeviationPerAtom > 0)
        let reply = engine.apply(.cycleCutoff)
        #expect(!reply.isError)
        #expect(engine.choice.cutoff == .step)
        #expect(engine.state.system.positions == before.positions)
        #expect(engine.state.system.velocities == before.velocities)
        #expect(engine.state.potentialEnergy != energyBefore)
        #expect(engine.history.marks.last?.label == "cutoff: step")
        #expect(engine.history.rmsDeviationPerAtom == 0)
    }

    @Test("c cycles step → kinked → smooth over the scene's cutoffs")
    func cutoffCycle() throws {
        var engine = try SimulationEngine(catalog: argonCatalog())
        var seen: [CutoffKind] = []
        for _ in 0..<3 { engine.apply(.cycleCutoff); seen.append(engine.choice.cutoff) }
        #expect(seen == [.step, .kinked, .smooth])
    }

    @Test("a teacher without a network says so when the activation key is pressed")
    func activationOnTeacher() throws {
        var engine = try SimulationEngine(catalog: argonCatalog())
        let reply = engine.apply(.toggleActivation)
        #expect(engine.choice.activation == .tanh)
        #expect(reply.text.contains("no network activation"))
    }

    @Test("toggling the activation swaps the model and keeps the atoms")
    func activationToggle() throws {
        var engine = try SimulationEngine(catalog: TwoActivationCatalog())
        engine.stepWhileRunning(maxSteps: 5)
        let before = engine.state.system
        engine.apply(.toggleActivation)
        #expect(engine.choice.activation == .relu)
        #expect(engine.state.system == before)
        #expect(engine.history.marks.map(\.label) == ["activation: relu"])
    }

    @Test("reset restores the scene's initial atoms and MD settings, keeping the model choice")
    func resetRestores() throws {
        let catalog = argonCatalog()
        var engine = try SimulationEngine(catalog: catalog)
        engine.apply(.setTimeStep(1))
        engine.apply(.setCutoff(.kinked))
        engine.stepWhileRunning(maxSteps: 15)
        engine.apply(.reset)
        #expect(engine.state.system == catalog.initialSystem)
        #expect(engine.state.step == 0 && engine.state.time == 0)
        #expect(engine.settings == catalog.settings)
        #expect(engine.choice.cutoff == .kinked)
        #expect(engine.history.samples.count == 1)
        #expect(engine.runState == .running)
    }

    @Test("reset keeps the view's speed, starts a fresh trajectory and posts a newer message")
    func resetKeepsPace() throws {
        var engine = try SimulationEngine(catalog: argonCatalog())
        engine.apply(.setPace(.picosecondsPerSecond(3)))
        engine.stepWhileRunning(maxSteps: 25)
        #expect(engine.trajectory.frames.map(\.step) == [0, 10, 20])
        let before = engine.apply(.pause)
        let answer = engine.apply(.reset)
        #expect(engine.pace == .picosecondsPerSecond(3))
        #expect(engine.trajectory.frames.map(\.step) == [0])
        #expect(answer.serial > before.serial)
        #expect(engine.message == answer)
    }

    @Test("dt 100 fs on liquid argon blows up; the run pauses saying why and reset recovers")
    func explosionPauses() throws {
        var engine = try SimulationEngine(catalog: argonCatalog())
        engine.apply(.setTimeStep(100))
        let taken = engine.stepWhileRunning(maxSteps: 2000)
        #expect(taken < 2000)
        guard case let .paused(.exploded(why)) = engine.runState else {
            Issue.record("expected an explosion, got \(engine.runState)")
            return
        }
        #expect(engine.message?.isError == true)
        #expect(engine.message?.text.contains(why.cause) == true)
        #expect(engine.apply(.resume).isError)
        let recovered = engine.apply(.reset)
        #expect(recovered.text.hasPrefix("recovered"))
        #expect(engine.settings.timeStep == 2)
        #expect(engine.stepWhileRunning(maxSteps: 50) == 50)
    }

    @Test("the same commands give a bitwise identical trajectory")
    func determinism() throws {
        func trajectory() throws -> AtomicSystem {
            var engine = try SimulationEngine(catalog: argonCatalog())
            engine.apply(.setThermostat(.langevin(friction: 0.01)))
            engine.stepWhileRunning(maxSteps: 10)
            engine.apply(.cycleCutoff)
            engine.apply(.setSeed(9))
            engine.stepWhileRunning(maxSteps: 10)
            return engine.state.system
        }
        #expect(try trajectory() == trajectory())
    }

    @Test("run N steps N times, then pauses")
    func runBudget() throws {
        var engine = try SimulationEngine(catalog: argonCatalog())
        engine.apply(.pause)
        #expect(engine.stepWhileRunning(maxSteps: 100) == 0)
        engine.apply(.run(steps: 7))
        #expect(engine.stepWhileRunning(maxSteps: 100) == 7)
        #expect(engine.runState == .paused(.finishedRun))
        #expect(engine.state.step == 7)
    }

    @Test("bad settings are refused with one line and change nothing")
    func badSettings() throws {
        var engine = try SimulationEngine(catalog: argonCatalog())
        for command in [SimulationCommand.setTimeStep(-1), .setTimeStep(.nan), .setTemperature(-5),
                        .setThermostat(.langevin(friction: 0)), .run(steps: 0)] {
            #expect(engine.apply(command).isError)
        }
        #expect(engine.settings == argonCatalog().settings)
    }

    @Test("[ and ] halve and double dt")
    func timeStepScaling() throws {
        var engine = try SimulationEngine(catalog: argonCatalog())
        engine.apply(.scaleTimeStep(0.5))
        #expect(engine.settings.timeStep == 1)
        engine.apply(.scaleTimeStep(2)); engine.apply(.scaleTimeStep(2))
        #expect(engine.settings.timeStep == 4)
        #expect(engine.message?.text == "dt 4 fs")
    }

    @Test("set temperature in NVE rescales the velocities to exactly that temperature")
    func temperatureRescale() throws {
        var engine = try SimulationEngine(catalog: argonCatalog())
        engine.apply(.setTemperature(45))
        #expect(abs(engine.state.system.temperature - 45) < 1e-9)
    }
}
