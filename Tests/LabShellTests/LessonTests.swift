import Canvas
import Foundation
import Testing
import Scenes
import Simulation
import Dynamics
import Descriptors
import Geometry
import Experiments
@testable import LabShell

/// The repository's lessons folder, from this file's path.
let lessonsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Scenes/lessons")

@Suite("Lessons in the lab")
struct LessonTests {
    let completer = Completer(sceneNames: ["argon"])

    @Test("the three shipped lessons load with every command checked, and each has several steps")
    func shippedLessons() throws {
        let names = Lesson.names(in: lessonsFolder)
        #expect(names == ["extrapolation-and-noise", "smoothness", "timestep"])
        for name in names {
            let lesson = try Lesson.load(name, in: lessonsFolder)
            #expect(lesson.steps.count >= 3)
            for i in lesson.steps.indices { #expect(lesson.actions(ofStep: i).count == lesson.steps[i].commands.count) }
        }
        let smoothness = try Lesson.load("smoothness", in: lessonsFolder)
        #expect(smoothness.actions(ofStep: 2).contains(.lab(.set(.cutoff(.step)))))
        #expect(smoothness.actions(ofStep: 3).contains(.lab(.compare([]))))
        let timestep = try Lesson.load("timestep", in: lessonsFolder)
        #expect(timestep.actions(ofStep: timestep.steps.count - 1).contains(.lab(.check(exercise: .timestep))))
        let noise = try Lesson.load("extrapolation-and-noise", in: lessonsFolder)
        #expect(noise.actions(ofStep: 0).contains(.colour(.extrapolation)))
        #expect(noise.actions(ofStep: noise.steps.count - 1).contains(.lab(.check(exercise: .noise))))
    }

    @Test("lesson words parse; lab commands parse as the : line does; quit, nested lessons and bad values are refused")
    func actions() throws {
        #expect(try LessonAction.parse("inspector on") == .inspector(true))
        #expect(try LessonAction.parse("log off") == .logPlot(false))
        #expect(try LessonAction.parse("colour force") == .colour(.force))
        #expect(try LessonAction.parse("wait 2.5") == .wait(2.5))
        #expect(try LessonAction.parse("run 100") == .lab(.run(steps: 100)))
        #expect(try LessonAction.parse("set dt 4") == .lab(.set(.timeStep(4))))
        for bad in ["quit", "lesson smoothness", "wait 0", "wait 1000", "inspector maybe", "colour pink", "fly", "", "# note"] {
            #expect(throws: ShellError.self, "\(bad)") { try LessonAction.parse(bad) }
        }
    }

    @Test("n and p move between steps and say which to run; n on the last step ends the lesson; PgDn scrolls it")
    func keys() throws {
        var controls = ViewControls()
        #expect(controls.handle(.character("n"), completer: completer) == .view)  // no lesson: nothing
        controls.lesson = LessonProgress(lesson: try Lesson.load("smoothness", in: lessonsFolder))
        #expect(controls.handle(.character("p"), completer: completer) == .view)
        #expect(controls.lesson?.step == 0)
        #expect(controls.handle(.character("n"), completer: completer) == .lessonStep(1))
        #expect(controls.handle(.character("n"), completer: completer) == .lessonStep(2))
        #expect(controls.handle(.character("p"), completer: completer) == .lessonStep(1))
        _ = controls.handle(.pageDown, completer: completer)
        #expect(controls.lesson?.scroll ?? 0 > 0)
        #expect(controls.handle(.character("n"), completer: completer) == .lessonStep(2))
        #expect(controls.lesson?.scroll == 0)
        #expect(controls.handle(.character("n"), completer: completer) == .lessonStep(3))
        #expect(controls.handle(.character("n"), completer: completer) == .lessonStep(4))
        #expect(controls.handle(.character("n"), completer: completer) == .view)
        #expect(controls.lesson == nil)
    }

    @Test("lesson NAME hands the view the loaded lesson; a bad name is one error line")
    func command() throws {
        var backend = EngineBackend(engine: try SimulationEngine(catalog: tetheredCatalog()))
        let shell = Shell(scenes: SpringScenes(), lessons: lessonsFolder)
        let reply = shell.execute(line: "lesson smoothness", on: &backend)
        #expect(!reply.isError && reply.lesson?.name == "smoothness")
        let bad = shell.execute(line: "lesson nowhere", on: &backend)
        #expect(bad.isError && bad.lines.count == 1 && bad.lines[0].contains("smoothness"))
        #expect(shell.completer.candidates(for: "lesson t") == ["timestep"])
    }

    @Test("in the repl a lesson walks its steps: narration printed, lab commands carried out, view words skipped")
    func walk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("walk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            title = "Walk"
            [[step]]
            narration = "Twenty steps."
            commands = ["run 20", "inspector on"]
            [[step]]
            narration = "Then five."
            commands = ["run 5"]
            """.write(to: folder.appendingPathComponent("walk.toml"), atomically: true, encoding: .utf8)
        var backend = EngineBackend(engine: try SimulationEngine(catalog: tetheredCatalog()))
        var out: [String] = []
        let outcome = Shell(scenes: SpringScenes(), lessons: folder).runSession(
            lines: ["lesson walk", "run 1"], on: &backend, numbered: true, print: { out.append($0) }, printError: { out.append($0) })
        #expect(outcome.failedLines.isEmpty)
        #expect(backend.engine.state.step == 26)
        #expect(out.contains("— Walk: step 2 of 2 —") && out.contains("Then five."))
        #expect(out.contains("(the view's own; skipped here)"))
    }
}

@Suite("Crossing atoms flash in the frame")
struct CrossingFlashFrameTests {
    @Test("atoms that crossed r_c within the flash window (about 0.1 s of running) flash; older crossings and other atoms do not")
    func flashWindow() throws {
        var s = EngineBackend(engine: try SimulationEngine(catalog: tetheredCatalog())).snapshot()
        let n = s.system.count
        #expect(n >= 3)
        s.stepsPerSecond = 1000
        let window = LabFrame.flashWindow(s)
        #expect(window == 100 * s.settings.timeStep)
        s.crossingTimes = Array(repeating: -.infinity, count: n)
        s.crossingTimes[0] = s.time
        s.crossingTimes[1] = s.time - window / 2
        s.crossingTimes[2] = s.time - 2 * window
        let frame = LabFrame(snapshot: s, controls: ViewControls(), message: nil)
        #expect(frame.atoms.flashing == [0, 1])
    }
}

@Suite("Picking an atom")
struct PickingTests {
    let completer = Completer(sceneNames: ["argon"])

    @Test("x cycles the picked atom through every atom and then none; Esc clears it")
    func cycle() {
        var controls = ViewControls()
        controls.atomCount = 3
        var seen: [Int?] = []
        for _ in 0..<5 {
            #expect(controls.handle(.character("x"), completer: completer) == .view)
            seen.append(controls.pickedAtom)
        }
        #expect(seen == [0, 1, 2, nil, 0])
        _ = controls.handle(.escape, completer: completer)
        #expect(controls.pickedAtom == nil)
        controls.atomCount = 0
        _ = controls.handle(.character("x"), completer: completer)
        #expect(controls.pickedAtom == nil)
    }

    @Test("the frame of a picked atom marks it in the atom view and carries its report")
    func frame() throws {
        let s = EngineBackend(engine: try SimulationEngine(catalog: tetheredCatalog())).snapshot()
        var controls = ViewControls()
        controls.pickedAtom = 1
        let frame = LabFrame(snapshot: s, controls: controls, message: nil)
        #expect(frame.atoms.picked == 1)
        #expect(frame.atomReport == s.atomReport(1)?.lines)
        #expect(frame.atomReport?.first?.hasPrefix("atom 1 ") == true)
        #expect(LabFrame(snapshot: s, controls: ViewControls(), message: nil).atomReport == nil)
    }
}
