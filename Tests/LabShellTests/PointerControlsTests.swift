import Canvas
import Scenes
import Testing
@testable import LabShell
@testable import Simulation
import Geometry

/// What clicks and the wheel do to the view: the decisions, given what lies under the pointer.
@Suite("Mouse in the view controls")
struct PointerControlsTests {
    let completer = Completer(sceneNames: ["argon"])
    static let press = PointerEvent(.press, column: 10, row: 5)
    static let up = PointerEvent(.wheelUp, column: 10, row: 5), down = PointerEvent(.wheelDown, column: 10, row: 5)

    func controls(atoms: Int = 32) -> ViewControls {
        var controls = ViewControls()
        controls.atomCount = atoms
        return controls
    }

    @Test("a press on an atom picks it, on the view's empty space unpicks (as Esc), anywhere else changes nothing")
    func pressPicks() {
        var controls = controls()
        controls.handle(Self.press, on: .atomView(atom: 7))
        #expect(controls.pickedAtom == 7)
        for elsewhere in [PointerTarget.elsewhere, .panel, .lesson, .atomReport] {
            controls.handle(Self.press, on: elsewhere)
            #expect(controls.pickedAtom == 7, "\(elsewhere)")
        }
        controls.handle(Self.press, on: .atomView(atom: 40))  // not an atom of the system shown now
        #expect(controls.pickedAtom == nil)
        controls.handle(Self.press, on: .atomView(atom: 3))
        controls.handle(Self.press, on: .atomView(atom: nil))
        #expect(controls.pickedAtom == nil)
        // x then cycles on from the clicked atom, as from one it picked itself.
        controls.handle(Self.press, on: .atomView(atom: 3))
        _ = controls.handle(.character("x"), completer: completer)
        #expect(controls.pickedAtom == 4)
    }

    @Test("a press while the : line is open leaves the pick alone")
    func pressWhileEditing() {
        var controls = controls()
        _ = controls.handle(.character(":"), completer: completer)
        controls.handle(Self.press, on: .atomView(atom: 2))
        #expect(controls.pickedAtom == nil && controls.isEditing)
    }

    @Test("the wheel scrolls an output panel by the PgUp/PgDn rule, three lines a notch: up towards its start")
    func wheelScrollsOutput() {
        var wheel = controls(), keys = controls()
        let lines = (1...200).map { "line \($0)" }
        wheel.showOutput(title: "check", lines: lines)
        keys.showOutput(title: "check", lines: lines)
        wheel.handle(Self.up, on: .panel)
        #expect(wheel.panelScroll == ViewControls.wheelLines)
        // Eight notches of three lines against three PgUp of eight: the same 24 lines, the same way.
        for _ in 0..<7 { wheel.handle(Self.up, on: .panel) }
        for _ in 0..<3 { _ = keys.handle(.pageUp, completer: completer) }
        #expect(wheel.panelScroll == 24 && keys.panelScroll == 24)
        wheel.handle(Self.down, on: .elsewhere)  // over the plots: what PgDn would scroll
        #expect(wheel.panelScroll == 21)
        for _ in 0..<20 { wheel.handle(Self.down, on: .panel) }
        #expect(wheel.panelScroll == 0, "bounded at the end, where output opens")
    }

    @Test("the wheel scrolls help down from its top, and the lesson's narration, bounded as PgUp/PgDn are")
    func wheelScrollsHelpAndLesson() {
        var controls = controls()
        _ = controls.handle(.character("?"), completer: completer)
        controls.handle(Self.down, on: .panel)
        #expect(controls.panelScroll == ViewControls.wheelLines)
        controls.handle(Self.up, on: .panel)
        controls.handle(Self.up, on: .panel)
        #expect(controls.panelScroll == 0)
        _ = controls.handle(.escape, completer: completer)

        let narration = String(repeating: "A paragraph of narration that needs scrolling. ", count: 20)
        controls.lesson = LessonProgress(lesson: Lesson(name: "l", title: "t", steps: [.init(narration: narration, commands: [])]))
        controls.handle(Self.down, on: .lesson)
        #expect(controls.lesson?.scroll == ViewControls.wheelLines)
        for _ in 0..<100 { controls.handle(Self.down, on: .elsewhere) }
        #expect(controls.lesson?.scroll == narration.count / 20, "the same bound as PgDn")
    }

    @Test("the wheel scrolls the picked atom's report, which PgUp/PgDn now scroll too; a new pick starts at its top")
    func wheelScrollsReport() {
        var controls = controls()
        controls.atomReportLength = 30
        controls.handle(Self.press, on: .atomView(atom: 5))
        #expect(controls.scrollTarget == .atomReport)
        controls.handle(Self.down, on: .atomReport)
        #expect(controls.atomReportScroll == 3)
        _ = controls.handle(.pageDown, completer: completer)
        #expect(controls.atomReportScroll == 11)
        for _ in 0..<20 { controls.handle(Self.down, on: .atomReport) }
        #expect(controls.atomReportScroll == 29)
        controls.handle(Self.press, on: .atomView(atom: 6))
        #expect(controls.atomReportScroll == 0)
        controls.comparedCount = 6
        #expect(controls.scrollTarget == nil, "compare mode shows no report to scroll")
    }

    @Test("over the atom view the wheel zooms as + and - do; over nothing scrollable it does nothing")
    func wheelZooms() {
        var controls = controls()
        controls.handle(Self.up, on: .atomView(atom: nil))
        #expect(controls.camera.zoom == Camera.zoomStep)
        controls.handle(Self.down, on: .atomView(atom: 3))
        controls.handle(Self.down, on: .atomView(atom: 3))
        #expect(abs(controls.camera.zoom - 1 / Camera.zoomStep) < 1e-12)
        let before = controls.camera
        controls.handle(Self.up, on: .elsewhere)
        #expect(controls.camera == before && controls.panelScroll == 0 && controls.pickedAtom == nil)
    }
}

@Suite("Clicking in compare mode")
struct CompareClickTests {
    @Test("a click picks in the model the atom view follows, and the pick is marked there")
    func picksInFollowedModel() throws {
        var s = EngineBackend(engine: try SimulationEngine(catalog: tetheredCatalog())).snapshot()
        // Model B's atoms 0 and 1 have traded places with model A's.
        var swapped = s.system
        swapped.positions.swapAt(0, 1)
        func model(_ choice: ModelChoice, _ system: AtomicSystem) -> ComparedModel {
            ComparedModel(choice: choice, rmsDeviationPerAtom: 0, trace: [], system: system, temperature: 0, time: 0, failure: nil)
        }
        s.compared = [model(ModelChoice.all[0], s.system), model(ModelChoice.all[1], swapped)]
        var controls = ViewControls()
        controls.follow(comparedModels: s.compared?.map(\.choice), current: ModelChoice.all[0])
        let size = GridSize(width: 100, height: 30)
        func targets(following index: Int) -> [PointerTarget] {
            controls.followed = index
            let frame = LabFrame(snapshot: s, controls: controls, message: nil)
            return (0..<size.height).flatMap { y in
                (0..<size.width).map { LabScreen.target(atColumn: $0, row: y, frame: frame, size: size, mode: RenderMode()) }
            }
        }
        let following0 = targets(following: 0), following1 = targets(following: 1)
        let swap: (PointerTarget) -> PointerTarget = {
            guard case let .atomView(atom?) = $0, atom < 2 else { return $0 }
            return .atomView(atom: 1 - atom)
        }
        #expect(following0.contains(.atomView(atom: 0)) && following0.contains(.atomView(atom: 1)))
        #expect(following1 == following0.map(swap))
        // Following B, a click where A shows atom 0 picks atom 1, and B's view marks it.
        let cell = try #require(following0.firstIndex(of: .atomView(atom: 0)))
        controls.atomCount = s.system.count
        controls.followed = 1
        controls.handle(PointerEvent(.press, column: cell % size.width, row: cell / size.width), on: following1[cell])
        #expect(controls.pickedAtom == 1)
        let frame = LabFrame(snapshot: s, controls: controls, message: nil)
        #expect(frame.atoms.picked == 1 && frame.atomReport == nil)
        #expect(frame.atoms.positions[1] == swapped.positions[1])
    }
}
