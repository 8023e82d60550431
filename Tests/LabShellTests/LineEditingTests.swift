import Testing
@testable import LabShell

@Suite("Line editing and completion")
struct LineEditingTests {
    let completer = Completer(sceneNames: ["argon", "silicon", "water"])

    @Test("tab completes verbs, set keys and their values")
    func completion() {
        #expect(completer.complete("pa") == "pause ")
        #expect(completer.complete("set c") == "set cutoff ")
        #expect(completer.complete("set cutoff k") == "set cutoff kinked ")
        #expect(completer.complete("set activation t") == "set activation tanh ")
        #expect(completer.complete("load si") == "load silicon ")
        #expect(completer.complete("save tr") == "save trajectory ")
        #expect(completer.candidates(for: "re") == ["resume", "reset"])
        #expect(completer.complete("re") == "res")
        #expect(completer.candidates(for: "set ") == ["cutoff", "activation", "dt", "temperature", "thermostat", "seed", "speed"])
        #expect(completer.complete("set dt 2") == "set dt 2")
        #expect(completer.complete("zz") == "zz")
    }

    @Test("up and down walk the history and come back to the draft")
    func history() {
        var editor = LineEditor()
        for line in ["run 10", "set dt 1"] {
            line.forEach { editor.insert($0) }
            _ = editor.submit()
        }
        "sta".forEach { editor.insert($0) }
        editor.historyUp()
        #expect(editor.line == "set dt 1")
        editor.historyUp()
        #expect(editor.line == "run 10")
        editor.historyUp()
        #expect(editor.line == "run 10")
        editor.historyDown()
        #expect(editor.line == "set dt 1")
        editor.historyDown()
        #expect(editor.line == "sta")
    }

    @Test("editing at the cursor, and tab in the editor")
    func editing() {
        var editor = LineEditor()
        "rn 5".forEach { editor.insert($0) }
        editor.moveToStart(); editor.moveRight()
        editor.insert("u")
        #expect(editor.line == "run 5")
        editor.moveToEnd(); editor.deleteBackward()
        #expect(editor.line == "run ")
        editor.clear()
        "set thermo".forEach { editor.insert($0) }
        #expect(editor.complete(with: completer).isEmpty)
        #expect(editor.line == "set thermostat ")
        #expect(editor.submit() == "set thermostat ")
        #expect(editor.line.isEmpty)
        #expect(editor.history == ["set thermostat "])
    }
}
