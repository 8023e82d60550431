import Descriptors
import Foundation
import Geometry
import Potentials
import Scenes
import Testing
@testable import Experiments
@testable import LabShell
@testable import Simulation
import NeuralNetworks

/// The shipped argon scene, and a catalog of it whose models are random networks with the scene's
/// student design (the cutoff picks the descriptors' cutoff shape), so that export has networks to write.
struct NetworkScenes {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenes")

    static func argon() throws -> Scene { try SceneLibrary.load("argon", in: folder) }

    struct NetworkCatalog: ModelCatalog {
        let scene: Scene
        let initialSystem: AtomicSystem
        let models: [CutoffKind: BehlerParrinelloPotential]
        var sceneName: String { scene.name }
        var settings: RunSettings { RunSettings(timeStep: 1e-3, temperature: 0) }
        var defaultChoice: ModelChoice { ModelChoice(cutoff: .smooth, activation: .tanh) }
        var cutoffs: [CutoffKind] { CutoffKind.allCases }
        var activations: [Activation] { [] }
        var modelsDescription: String { "random networks" }
        var sourceScene: Scene? { scene }
        func potential(for choice: ModelChoice) throws -> any Potential { models[choice.cutoff]! }
    }

    static func catalog() throws -> NetworkCatalog {
        let scene = try argon()
        let crystal = scene.structure.rattled(sigma: 0.05, seed: 1)
        let student = try #require(scene.student)
        var models: [CutoffKind: BehlerParrinelloPotential] = [:]
        for kind in CutoffKind.allCases {
            let set = student.symmetryFunctions(kind)
            models[kind] = try ExerciseStudents.untrainedPotential(set, hidden: [4], reference: crystal, seed: 2)
        }
        return NetworkCatalog(scene: scene, initialSystem: crystal, models: models)
    }
}

@Suite("Shell: exercises, drift and export")
struct ShellExerciseTests {
    let shell = Shell(scenes: SpringScenes())

    func springs() throws -> EngineBackend { EngineBackend(engine: try SimulationEngine(catalog: tetheredCatalog())) }
    func networks() throws -> EngineBackend { EngineBackend(engine: try SimulationEngine(catalog: NetworkScenes.catalog())) }

    @Test("check without a name lists every exercise; a name comes back as a job titled after it")
    func listing() throws {
        var backend = try springs()
        let list = shell.execute(line: "check", on: &backend)
        #expect(list.job == nil)
        for exercise in Exercise.allCases { #expect(list.lines.contains { $0.contains(exercise.rawValue) }) }
        let reply = shell.execute(line: "check forces", on: &backend)
        #expect(reply.job?.title == "check forces" && reply.lines.isEmpty)
        #expect(shell.completer.candidates(for: "check ti") == ["timestep"])
    }

    @Test("check forces: the same report as nnplab check forces, for the current model on the current atoms")
    func forces() throws {
        var backend = try springs()
        _ = shell.execute(line: "run 5", on: &backend)
        let reply = shell.execute(line: "check forces", on: &backend).finished()
        #expect(!reply.isError)
        #expect(reply.lines[0] == "current atoms (8); potential: tethered atoms, k 1.0 eV/Å²")
        let check = try ForceCheck.run(backend.snapshot().potential, on: backend.snapshot().system)
        // The timings differ run to run; the words and the deviation line do not.
        #expect(reply.lines[1] == check.report.split(separator: "\n")[0])
        #expect(reply.lines.count == 5)
    }

    @Test("check extensivity on a scene file uses the current model; a built-in scene says it needs a file")
    func extensivity() throws {
        var built = try springs()
        let refused = shell.execute(line: "check extensivity", on: &built).finished()
        #expect(refused.isError && refused.lines == ["check extensivity: check extensivity needs a scene file (load one of the scenes first)"])
        var backend = try networks()
        let reply = shell.execute(line: "check extensivity", on: &backend).finished()
        let expected = try ExtensivityCheck.run(scene: NetworkScenes.argon(), potential: backend.snapshot().potential).report
        #expect(reply.lines.joined(separator: "\n") == expected)
        #expect(reply.lines[0].hasPrefix("argon: "))
    }

    @Test("a repl session runs a check to completion before the next line, passing progress on")
    func sessionRunsJobs() throws {
        var backend = try networks()
        var out: [String] = []
        let outcome = shell.runSession(lines: ["check extensivity", "status"], on: &backend, numbered: true,
                                       print: { out.append($0) }, printError: { _ in })
        #expect(outcome.failedLines.isEmpty)
        #expect(out.first?.hasPrefix("argon: ") == true)
        #expect(out.contains { $0.hasPrefix("scene argon") })
    }

    @Test("a background job hands back the same reply as running it here")
    func backgroundJob() throws {
        var backend = try springs()
        let reply = shell.execute(line: "check", on: &backend)
        let job = BackgroundJob(ShellJob(title: "listing") { progress in
            progress("half way")
            return reply
        })
        var result: ShellReply?
        for _ in 0..<2000 where result == nil {
            result = job.result
            if result == nil { Thread.sleep(forTimeInterval: 0.005) }
        }
        #expect(result == reply)
        #expect(job.progress == "half way")
        #expect(job.title == "listing")
    }

    @Test("drift needs a scene file and a sound run; its length must be positive")
    func driftRefusals() throws {
        var built = try springs()
        let reply = shell.execute(line: "drift", on: &built)
        #expect(reply.isError && reply.lines[0].contains("built-in scene"))
        var backend = try networks()
        #expect(shell.execute(line: "drift 0", on: &backend).isError)
        let job = try #require(shell.execute(line: "drift 0.01", on: &backend).job)
        #expect(job.title == "drift 0.01 ps")
    }

    @Test("drift 0.004: one row per model of the scene, from the current atoms, as nnplab drift prints it")
    func driftTable() throws {
        var backend = try networks()
        _ = shell.execute(line: "set dt 2", on: &backend)  // drift runs at the current dt
        let reply = shell.execute(line: "drift 0.004", on: &backend).finished()
        #expect(!reply.isError, "\(reply.lines)")
        let header = try #require(reply.lines.firstIndex { $0.contains("models of argon, NVE for 0.004 ps") })
        #expect(reply.lines[header].contains("(2 steps) from the current atoms"))
        let (candidates, _) = try DriftExperiment.labCandidates(NetworkScenes.argon())
        // Column headers and units, then one row per model.
        #expect(reply.lines.count == header + 3 + candidates.count, "\(reply.lines.joined(separator: "\n"))")
        #expect(reply.lines[header + 1].contains("rms dev"))
    }

    @Test("export writes an n2p2 folder that loads back to the same energies")
    func exportRoundTrip() throws {
        var backend = try networks()
        let folder = scratchDirectory().appendingPathComponent("argon-smooth").path
        let reply = shell.execute(line: "export \(folder)", on: &backend)
        #expect(!reply.isError, "\(reply.lines)")
        #expect(reply.lines[0].contains("input.nn"))
        let loaded = try N2P2PotentialLoader.load(folder: URL(fileURLWithPath: folder))
        let system = backend.snapshot().system
        let original = backend.snapshot().potential
        func energy(_ p: any Potential) -> Double {
            p.evaluate(system, neighbors: NeighborList(system: system, cutoff: p.cutoff, skin: 0, kind: p.neighborListKind),
                       request: .energy).energy
        }
        #expect(abs(energy(loaded) - energy(original)) < 1e-9 * max(abs(energy(original)), 1))
    }

    @Test("export refuses to overwrite without ! or --force, refuses the kinked cutoff with the reason, and a teacher")
    func exportRefusals() throws {
        var backend = try networks()
        let folder = scratchDirectory().appendingPathComponent("model").path
        #expect(!shell.execute(line: "export \(folder)", on: &backend).isError)
        let again = shell.execute(line: "export \(folder)", on: &backend)
        #expect(again.isError && again.lines[0].contains("use export! or --force"))
        #expect(!shell.execute(line: "export! \(folder)", on: &backend).isError)
        #expect(!shell.execute(line: "export \(folder) --force", on: &backend).isError)
        _ = shell.execute(line: "set cutoff kinked", on: &backend)
        let kinked = shell.execute(line: "export \(folder)-kinked", on: &backend)
        #expect(kinked.isError && kinked.lines[0].contains("kinked") && kinked.lines[0].contains("no n2p2 cutoff_type"))
        #expect(!FileManager.default.fileExists(atPath: folder + "-kinked"))
        var teacher = try springs()
        let none = shell.execute(line: "export \(folder)-teacher", on: &teacher)
        #expect(none.isError && none.lines[0].contains("there is no network to export"))
    }

    @Test("export does not write into a folder that holds anything (export / wrote into /) unless forced")
    func exportRefusesNonEmptyFolder() throws {
        var backend = try networks()
        let folder = scratchDirectory().appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "my notes\n".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let refused = shell.execute(line: "export \(folder.path)", on: &backend)
        #expect(refused.isError && refused.lines[0].contains("is not empty (it holds notes.txt)"), "\(refused.lines)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
        let forced = shell.execute(line: "export! \(folder.path)", on: &backend)
        #expect(!forced.isError, "\(forced.lines)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).contains("input.nn"))
    }
}
