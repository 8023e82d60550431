import Descriptors
import Foundation
import Geometry
import Potentials
import Scenes
import Testing
@testable import Experiments
@testable import Simulation
import Dynamics

/// The argon scene's student design with random weights and a training range taken from a rattled
/// crystal: a network model that can tell when the atoms leave what it "saw".
func networkCatalog(start: AtomicSystem? = nil, timeStep: Double = 1) throws -> TeacherCatalog {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenes")
    let scene = try SceneLibrary.load("argon", in: folder)
    let crystal = scene.structure.rattled(sigma: 0.05, seed: 1)
    let set = try #require(scene.student).symmetryFunctions(.smooth)
    let model = try ExerciseStudents.untrainedPotential(set, hidden: [5], reference: crystal, seed: 1)
    return TeacherCatalog(sceneName: "network", initialSystem: start ?? crystal,
                          settings: RunSettings(timeStep: timeStep, temperature: 0),
                          modelsDescription: "a random network") { _ in model }
}

@Suite("Lab pacing")
struct PacingTests {
    @Test("a typed speed reads as max, unlimited or a positive finite number of ps/s, and nothing else")
    func paceParsing() {
        #expect(Pace(parsing: "max") == .unlimited)
        #expect(Pace(parsing: "Unlimited") == .unlimited)
        #expect(Pace(parsing: "0.25") == .picosecondsPerSecond(0.25))
        for bad in ["0", "-2", "nan", "inf", "fast", ""] { #expect(Pace(parsing: bad) == nil, "\(bad)") }
    }

    @Test("at 1 ps/s and dt 2 fs, 10 ms of wall time allow 5 steps; spent steps leave the bucket")
    func allowance() {
        var pacer = PaceLimiter()
        let pace = Pace.picosecondsPerSecond(1)
        #expect(pacer.allowance(now: 100, pace: pace, timeStep: 2) == 0)  // the first look earns nothing
        #expect(pacer.allowance(now: 100.010, pace: pace, timeStep: 2) == 5)
        pacer.spend(steps: 3, timeStep: 2)
        #expect(pacer.allowance(now: 100.010, pace: pace, timeStep: 2) == 2)
        pacer.spend(steps: 2, timeStep: 2)
        #expect(pacer.allowance(now: 100.010, pace: pace, timeStep: 2) == 0)
    }

    @Test("a long gap releases at most the burst (50 ms of allowance), and restart forgets the time")
    func burstCap() {
        var pacer = PaceLimiter()
        let pace = Pace.picosecondsPerSecond(1)
        _ = pacer.allowance(now: 0, pace: pace, timeStep: 2)
        #expect(pacer.allowance(now: 10, pace: pace, timeStep: 2) == 25)
        pacer.restart()
        #expect(pacer.allowance(now: 20, pace: pace, timeStep: 2) == 0)
        // A step longer than the burst still comes, once enough time has passed.
        _ = pacer.allowance(now: 30, pace: .picosecondsPerSecond(0.001), timeStep: 2)
        #expect(pacer.allowance(now: 40, pace: .picosecondsPerSecond(0.001), timeStep: 2) == 1)
    }

    @Test("max is never throttled")
    func unlimited() {
        var pacer = PaceLimiter()
        #expect(pacer.allowance(now: 0, pace: .unlimited, timeStep: 2) == .max)
    }

    @Test("speed: set, halve and double within range; max stays max; reset keeps it; bad values refused")
    func engineSpeed() throws {
        var engine = try SimulationEngine(catalog: argonCatalog())
        #expect(engine.pace == .lectureDefault)
        #expect(!engine.apply(.setPace(.picosecondsPerSecond(0.5))).isError)
        engine.apply(.scalePace(0.5))
        #expect(engine.pace == .picosecondsPerSecond(0.25))
        #expect(engine.snapshot().pace.description == "0.25 ps/s")
        engine.apply(.reset)
        #expect(engine.pace == .picosecondsPerSecond(0.25))
        #expect(engine.apply(.setPace(.picosecondsPerSecond(5000))).isError)
        #expect(engine.pace == .picosecondsPerSecond(0.25))
        engine.apply(.setPace(.unlimited))
        engine.apply(.scalePace(2))
        #expect(engine.pace == .unlimited)
        #expect(engine.snapshot().pace.description == "max")
    }
}

@Suite("Lab extrapolation watch")
struct ExtrapolationWatchTests {
    @Test("a compressed crystal under a network: the message names the atom, the function and how far; status has the summary")
    func warnsInWords() throws {
        let crystal = try networkCatalog().initialSystem
        var engine = try SimulationEngine(catalog: networkCatalog(start: crystal.strained(uniformly: -0.08)))
        // The watch looks at the starting structure at once, then every 10 steps.
        let message = try #require(engine.message)
        #expect(message.isError)
        #expect(message.text.contains("step 0: extrapolating, atom "))
        #expect(message.text.contains("(Ar) G[") && message.text.contains("training range [") && message.text.contains("of its width"))
        engine.stepWhileRunning(maxSteps: 10)
        let summary = try #require(engine.snapshot().extrapolationSummary)
        #expect(summary.contains("2 of 2 checks outside the training range"))
    }

    @Test("warnings do not flood the message line: not over a command's answer, only clearly worse ones or reminders")
    func news() throws {
        // G = 2 against a training range [0, 1]: excess 1 width; worse(k) has excess k.
        let warning = ExtrapolationWarning(atom: 1, element: LennardJones.argon, functionIndex: 0,
                                           function: .radial(.init(neighbor: LennardJones.argon, eta: 3, cutoff: 6.5)),
                                           value: 2, minimum: 0, maximum: 1)
        func worse(_ factor: Double) -> ExtrapolationWarning {
            var w = warning
            w.value = 1 + factor * (warning.value - 1)
            return w
        }
        var news = ExtrapolationNews()
        func post(_ w: ExtrapolationWarning, atStep step: Int) -> Bool { news.shouldPost(w, atStep: step) }
        var grazing = warning
        grazing.value = 1 + ExtrapolationNews.noticeableExcess / 2
        #expect(!post(grazing, atStep: 5))
        #expect(post(warning, atStep: 10))
        #expect(!post(worse(1.2), atStep: 20))
        #expect(post(worse(2), atStep: 30))
        #expect(!post(worse(2), atStep: 500))
        #expect(post(worse(2), atStep: 30 + ExtrapolationNews.reminderSteps))
        news.commandAnswered(atStep: 5000)
        #expect(!post(worse(100), atStep: 5000 + ExtrapolationNews.quietSteps - 1))
        #expect(post(worse(100), atStep: 5000 + ExtrapolationNews.quietSteps))
    }

    @Test("the structure the range came from stays quiet; a teacher is not watched")
    func quietAndUnwatched() throws {
        // A tiny step keeps the atoms where the range was taken (random weights push them hard).
        var engine = try SimulationEngine(catalog: networkCatalog(timeStep: 1e-4))
        engine.stepWhileRunning(maxSteps: 10)
        #expect(engine.message == nil)
        #expect(try SimulationEngine(catalog: argonCatalog()).snapshot().extrapolationSummary == nil)
    }
}

@Suite("Replicated scene")
struct ReplicatedCatalogTests {
    @Test("3×1×2 copies: six times the atoms, the same energy per atom and temperature, the same models")
    func sameCrystal() throws {
        let base = argonCatalog()
        let big = try ReplicatedCatalog(base, repeats: SIMD3(3, 1, 2))
        #expect(big.initialSystem.count == 6 * base.initialSystem.count)
        #expect(big.cutoffs == base.cutoffs && big.sceneName == base.sceneName)
        let small = try SimulationEngine(catalog: base).state, large = try SimulationEngine(catalog: big).state
        let perAtom = small.potentialEnergy / Double(base.initialSystem.count)
        #expect(abs(large.potentialEnergy / Double(big.initialSystem.count) - perAtom) < 1e-12 * abs(perAtom))
        #expect(abs(large.kineticEnergy - 6 * small.kineticEnergy) < 1e-12 * small.kineticEnergy)
    }
}
