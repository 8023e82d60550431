import Foundation
import Testing
@testable import LabShell
@testable import Simulation
import Descriptors
import Dynamics
import Scenes

@Suite("Shell")
struct ShellTests {
    let shell = Shell(scenes: SpringScenes())

    func backend() throws -> EngineBackend { EngineBackend(engine: try SimulationEngine(catalog: tetheredCatalog())) }

    @Test("a script runs to the end, reports failed lines by number and keeps going")
    func script() throws {
        var backend = try backend()
        var out: [String] = []
        var errors: [String] = []
        let lesson = ["# warm up", "run 20", "set cutof step", "set cutoff step", "run 10", "status", "load nowhere"]
        let outcome = shell.runSession(lines: lesson, on: &backend, numbered: true,
                                       print: { out.append($0) }, printError: { errors.append($0) })
        #expect(outcome == Shell.SessionOutcome(failedLines: [3, 7], quit: false))
        #expect(errors.count == 2)
        #expect(errors[0].hasPrefix("line 3: ") && errors[0].contains("'cutof'"))
        #expect(errors[1].hasPrefix("line 7: ") && errors[1].contains("nowhere"))
        #expect(backend.engine.state.step == 30)
        #expect(backend.engine.choice.cutoff == .step)
        #expect(out.contains { $0.contains("cutoff: step") })
    }

    @Test("quit ends a session before the rest of its lines")
    func quit() throws {
        var backend = try backend()
        let outcome = shell.runSession(lines: ["run 2", "quit", "run 5"], on: &backend, numbered: true,
                                       print: { _ in }, printError: { _ in })
        #expect(outcome.quit)
        #expect(backend.engine.state.step == 2)
    }

    @Test("load switches scenes by name")
    func load() throws {
        var backend = try backend()
        let reply = shell.execute(line: "load coils", on: &backend)
        #expect(!reply.isError)
        #expect(backend.snapshot().sceneName == "coils")
    }

    @Test("save writes a trajectory ASE-style and a CSV log, and never overwrites without force")
    func saving() throws {
        var backend = try backend()
        _ = shell.execute(line: "run 30", on: &backend)
        let folder = scratchDirectory()
        let xyz = folder.appendingPathComponent("t.xyz").path
        let csv = folder.appendingPathComponent("log.csv").path
        #expect(!shell.execute(line: "save trajectory \(xyz)", on: &backend).isError)
        let text = try String(contentsOfFile: xyz, encoding: .utf8)
        #expect(text.components(separatedBy: "Lattice=").count - 1 == 4)  // steps 0, 10, 20, 30
        // The frames carry the keys `nnplab run --trajectory` writes: step, time, dt and the model.
        #expect(text.contains("step=30 ") && text.contains("time_fs=") && text.contains("dt_fs=1.0") && text.contains("model=\""))
        #expect(shell.execute(line: "save trajectory \(xyz)", on: &backend).isError)
        #expect(!shell.execute(line: "save! trajectory \(xyz)", on: &backend).isError)
        _ = shell.execute(line: "set cutoff kinked", on: &backend)
        _ = shell.execute(line: "run 3", on: &backend)
        #expect(!shell.execute(line: "save log \(csv)", on: &backend).isError)
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(rows.first == "step,time_fs,kinetic_eV,potential_eV,total_eV,temperature_K,setting")
        #expect(rows.count == 1 + 31 + 1 + 3)
        #expect(rows.last?.hasPrefix("33,") == true && rows.last?.contains(",\"kinked/") == true)
        #expect(rows[1].hasPrefix("0,") && rows[1].contains(",\"smooth/"))
        let svg = folder.appendingPathComponent("plot.svg").path
        #expect(!shell.execute(line: "save plot \(svg)", on: &backend).isError)
        let document = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(document.contains("<svg") && document.contains("cutoff: kinked"))
    }

    @Test("status reports the conservation since the last change, the view speed and the extrapolation watch")
    func statusConservation() throws {
        var backend = try backend()
        #expect(shell.execute(line: "status", on: &backend).lines.contains { $0.contains("no steps since the last change") })
        _ = shell.execute(line: "run 50", on: &backend)
        _ = shell.execute(line: "set speed 0.5", on: &backend)
        let lines = shell.execute(line: "status", on: &backend).lines
        #expect(lines.contains { $0.contains("since the start, 51 samples") })
        #expect(lines.contains { $0.contains("RMS of E_total") })
        #expect(lines.contains { $0.hasPrefix("view speed 0.5 ps/s") })
        #expect(lines.contains { $0.hasPrefix("extrapolation: not watched") })
    }

    @Test("help lists every verb")
    func help() throws {
        var backend = try backend()
        let lines = shell.execute(line: "help", on: &backend).lines
        #expect(lines.count == Verb.allCases.count)
        #expect(shell.execute(line: "help save", on: &backend).lines[0].contains("--force"))
    }
}
