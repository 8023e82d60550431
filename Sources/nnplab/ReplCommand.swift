import ArgumentParser
import Foundation
import LabShell
import Simulation
import Experiments

/// `nnplab repl [SCENE]`: the lab's command language on a terminal or from a piped script.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Drive a scene with the lab's commands, typed or piped (nnplab repl < lesson.txt).",
        discussion: "Commands: " + Verb.allCases.map(\.usage).joined(separator: "; ")
            + ". An error is one line (with the line number for a piped script) and the session goes on; "
            + "the exit status is 1 if any line failed.")

    @OptionGroup var lab: LabSceneOptions

    func run() throws {
        let scenes = labScenes()
        var backend = EngineBackend(engine: try lab.engine(from: scenes))
        _ = backend.perform(.pause)
        let shell = Shell(scenes: scenes)
        let interactive = isatty(STDIN_FILENO) == 1
        if interactive {
            print("nnplab repl: scene \(backend.engine.catalog.sceneName); type help for commands, quit to leave")
        }
        let lines = AnyIterator<String> {
            if interactive {
                print("nnplab> ", terminator: "")
                fflush(nil)
            }
            return readLine(strippingNewline: true)
        }
        let outcome = shell.runSession(lines: IteratorSequence(lines), on: &backend, numbered: !interactive,
                                       print: { print($0) },
                                       printError: printToStandardError,
                                       progress: { note in
                                           if interactive { printToStandardError("… " + note) }
                                       })
        if !outcome.failedLines.isEmpty, !interactive { throw ExitCode(1) }
    }
}
