import Descriptors
import Scenes
import Testing
@testable import LabShell
@testable import Simulation
import Dynamics
import Experiments
import NeuralNetworks

@Suite("Command parsing")
struct CommandParsingTests {
    @Test("every verb parses into its typed command")
    func goodLines() throws {
        let cases: [(String, LabCommand)] = [
            ("help", .help(nil)), ("help set", .help(.set)), ("load silicon", .load(scene: "silicon")),
            ("set cutoff kinked", .set(.cutoff(.kinked))), ("set activation ReLU", .set(.activation(.relu))),
            ("set dt 0.5", .set(.timeStep(0.5))), ("set temperature 120", .set(.temperature(120))),
            ("set thermostat nve", .set(.thermostat(.nve))),
            ("set thermostat langevin", .set(.thermostat(.langevin(friction: 0.01)))),
            ("set thermostat langevin 0.1", .set(.thermostat(.langevin(friction: 0.1)))),
            ("set seed 42", .set(.seed(42))), ("run 100", .run(steps: 100)), ("pause", .pause),
            ("resume", .resume), ("reset", .reset), ("status", .status), ("check", .check(exercise: nil)),
            ("check invariance", .check(exercise: .invariance)), ("check Timestep", .check(exercise: .timestep)),
            ("drift", .drift(picoseconds: nil)), ("drift 0.5", .drift(picoseconds: 0.5)),
            ("set speed 0.25", .set(.speed(.picosecondsPerSecond(0.25)))), ("set speed max", .set(.speed(.unlimited))),
            ("export models/argon", .export(path: "models/argon", overwrite: false)),
            ("export! out", .export(path: "out", overwrite: true)), ("export out --force", .export(path: "out", overwrite: true)),
            ("save trajectory out.xyz", .save(.trajectory, path: "out.xyz", overwrite: false)),
            ("save! log out.csv", .save(.log, path: "out.csv", overwrite: true)),
            ("save plot \"my plot.svg\" --force", .save(.plot, path: "my plot.svg", overwrite: true)),
            ("quit", .quit), ("  run 5   # five steps", .run(steps: 5)),
        ]
        for (line, expected) in cases {
            #expect(try LabCommand.parse(line) == expected, "\(line)")
        }
    }

    @Test("blank lines and comments are no command")
    func blank() throws {
        #expect(try LabCommand.parse("   ") == nil)
        #expect(try LabCommand.parse("# a lesson") == nil)
    }

    @Test("a bad line is one error naming the offending word")
    func badLines() {
        let cases: [(String, String)] = [
            ("rnu 10", "'rnu'"), ("run ten", "'ten'"), ("run -3", "'-3'"), ("set cutoff wobbly", "'wobbly'"),
            ("set speed fast", "'fast'"), ("set speed -2", "'-2'"), ("set sped 3", "'sped'"),
            ("check wobble", "'wobble'"), ("drift 0", "'0'"), ("drift soon", "'soon'"), ("export", "export"), ("set dt fast", "'fast'"), ("save movie a.mp4", "'movie'"),
            ("pause now", "'now'"), ("set seed -1", "'-1'"), ("help me", "'me'"), ("set thermostat nve 0.1", "'nve 0.1'"),
            // Extreme numbers end in one line, before any work: no run of 2^63 − 1 steps, no drift of 1e308 ps.
            ("drift 1e308", "'1e308'"), ("drift nan", "'nan'"), ("drift 1e-300", "'1e-300'"), ("set dt 1e-300", "'1e-300'"),
            ("set dt inf", "'inf'"), ("run 9223372036854775807", "'9223372036854775807'"), ("run 10000001", "'10000001'"),
            ("set thermostat langevin 1e308", "'1e308'"), ("set temperature nan", "'nan'"),
        ]
        for (line, word) in cases {
            do {
                _ = try LabCommand.parse(line)
                Issue.record("'\(line)' parsed")
            } catch {
                #expect(error.message.contains(word), "\(line): \(error.message)")
                #expect(!error.message.contains("\n"))
            }
        }
    }
}

@Suite("Compare command")
struct CompareCommandTests {
    @Test("compare takes models as cutoff-activation or cutoff/activation, and refuses an unknown one in one line")
    func parsesModels() throws {
        #expect(try LabCommand.parse("compare") == .compare([]))
        #expect(try LabCommand.parse("compare step-relu smooth/tanh")
                == .compare([ModelChoice(cutoff: .step, activation: .relu), .smoothTanh]))
        #expect(throws: ShellError.self) { try LabCommand.parse("compare wobbly-tanh") }
        do { _ = try LabCommand.parse("compare step-sigmoid") } catch {
            #expect(error.message.hasPrefix("compare: no model 'step-sigmoid'"))
        }
    }
}
