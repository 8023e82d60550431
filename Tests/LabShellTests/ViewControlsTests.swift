import Canvas
import Testing
import Scenes
@testable import LabShell

@Suite("View controls")
struct ViewControlsTests {
    let completer = Completer(sceneNames: ["argon"])

    @Test("the lab's single keys give their simulation commands, q quits")
    func keys() {
        var controls = ViewControls()
        let expected: [(Character, KeyOutcome)] = [
            ("c", .simulation(.cycleCutoff)), ("a", .simulation(.toggleActivation)), (" ", .simulation(.togglePause)),
            ("r", .simulation(.reset)), ("[", .simulation(.halveTimeStep)), ("]", .simulation(.doubleTimeStep)),
            ("q", .quit),
        ]
        for (key, outcome) in expected { #expect(controls.handle(.character(key), completer: completer) == outcome) }
        #expect(controls.handle(.interrupt, completer: completer) == .quit)
    }

    @Test("? and F1 open help; Esc, ? or q close it without quitting")
    func help() {
        var controls = ViewControls()
        _ = controls.handle(.character("?"), completer: completer)
        #expect(controls.helpVisible)
        #expect(controls.handle(.escape, completer: completer) == .view)
        #expect(!controls.helpVisible)
        _ = controls.handle(.f1, completer: completer)
        #expect(controls.handle(.character("q"), completer: completer) == .view)
        #expect(!controls.helpVisible)
    }

    @Test("l toggles the log conservation plot without touching the camera")
    func logToggle() {
        var controls = ViewControls(camera: Camera(yaw: 0, pitch: 0, zoom: 1))
        #expect(!controls.logarithmicDrift)
        _ = controls.handle(.character("l"), completer: completer)
        #expect(controls.logarithmicDrift && controls.camera.yaw == 0)
        _ = controls.handle(.character("l"), completer: completer)
        #expect(!controls.logarithmicDrift)
    }

    @Test("arrows and hjk rotate the camera by its step, +/- zoom within its range")
    func camera() {
        var controls = ViewControls(camera: Camera(yaw: 0, pitch: 0, zoom: 1))
        _ = controls.handle(.right, completer: completer)
        _ = controls.handle(.right, completer: completer)
        #expect(abs(controls.camera.yaw - 2 * Camera.rotationStep) < 1e-12)
        _ = controls.handle(.character("h"), completer: completer)
        #expect(abs(controls.camera.yaw - Camera.rotationStep) < 1e-12)
        for _ in 0..<40 { _ = controls.handle(.character("j"), completer: completer) }
        #expect(controls.camera.pitch == Double.pi / 2)
        _ = controls.handle(.character("+"), completer: completer)
        #expect(controls.camera.zoom == 1.25)
        for _ in 0..<20 { _ = controls.handle(.character("-"), completer: completer) }
        #expect(controls.camera.zoom == 0.25)
    }

    @Test("the : line takes keys until Enter, which submits; Esc abandons it")
    func commandLine() {
        var controls = ViewControls()
        _ = controls.handle(.character(":"), completer: completer)
        #expect(controls.isEditing)
        for c in "set cu" { _ = controls.handle(.character(c), completer: completer) }
        _ = controls.handle(.tab, completer: completer)
        for c in "kinked" { #expect(controls.handle(.character(c), completer: completer) == .view) }
        #expect(controls.handle(.enter, completer: completer) == .submit("set cutoff kinked"))
        #expect(!controls.isEditing)
        _ = controls.handle(.character(":"), completer: completer)
        _ = controls.handle(.character("q"), completer: completer)
        #expect(controls.handle(.escape, completer: completer) == .view)
        #expect(!controls.isEditing)
        #expect(controls.handle(.character("c"), completer: completer) == .simulation(.cycleCutoff))
        _ = controls.handle(.character(":"), completer: completer)
        _ = controls.handle(.up, completer: completer)
        #expect(controls.editor.line == "set cutoff kinked")
        _ = controls.handle(.escape, completer: completer)
        _ = controls.handle(.character(":"), completer: completer)
        _ = controls.handle(.character("r"), completer: completer)
        _ = controls.handle(.character("e"), completer: completer)
        _ = controls.handle(.tab, completer: completer)
        #expect(controls.candidates == ["resume", "reset"])
    }
}

@Suite("Compare and panel keys")
struct CompareKeysTests {
    let completer = Completer(sceneNames: ["argon"])

    @Test("m starts compare mode; while comparing Tab cycles the followed model and m or Esc returns to it")
    func compareKeys() {
        var controls = ViewControls()
        #expect(controls.handle(.character("m"), completer: completer) == .simulation(.startCompare))
        controls.follow(comparedModels: ModelChoice.all, current: .smoothTanh)
        #expect(controls.followed == 5)
        #expect(controls.handle(.tab, completer: completer) == .view)
        #expect(controls.followed == 0)
        #expect(controls.handle(.escape, completer: completer) == .simulation(.endCompare(keeping: 0)))
        _ = controls.handle(.tab, completer: completer)
        #expect(controls.handle(.character("m"), completer: completer) == .simulation(.endCompare(keeping: 1)))
        controls.follow(comparedModels: nil, current: .smoothTanh)
        #expect(controls.handle(.tab, completer: completer) == .view && controls.comparedCount == 0)
    }

    @Test("PgUp and PgDn scroll an open panel and never go below where it opened; i and o toggle the inspector and cycle colours")
    func panelAndViewKeys() {
        var controls = ViewControls()
        controls.showOutput(title: "x", lines: (1...50).map { "line \($0)" })
        _ = controls.handle(.pageUp, completer: completer)
        #expect(controls.panelScroll == 8)
        _ = controls.handle(.pageDown, completer: completer)
        _ = controls.handle(.pageDown, completer: completer)
        #expect(controls.panelScroll == 0)
        _ = controls.handle(.escape, completer: completer)
        _ = controls.handle(.character("i"), completer: completer)
        _ = controls.handle(.character("o"), completer: completer)
        #expect(controls.inspectorOpen && controls.colouring == .atomicEnergy)
    }
}
