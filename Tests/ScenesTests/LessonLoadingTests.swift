import Foundation
import Testing
@testable import Scenes

/// The lesson parser: good files read as written; each kind of mistake is one SceneError naming the
/// file and the line of the mistake.
@Suite("Lesson files")
struct LessonLoadingTests {
    /// A stand-in for the lab's command check: knows `run N` and `load SCENE` only.
    static func check(_ line: String) -> String? {
        let words = line.split(separator: " ")
        return ["run", "load"].contains(words.first.map(String.init) ?? "") ? nil : "unknown command '\(words.first ?? "")'"
    }

    static func parse(_ text: String) throws -> Lesson {
        try Lesson.parse(text, name: "demo", displayPath: "demo.toml", checkCommand: check)
    }

    static func error(_ text: String) -> SceneError? {
        do { _ = try parse(text); return nil } catch { return error as? SceneError }
    }

    @Test("a good lesson reads its title, each step's narration and commands in order; commands are optional")
    func goodLesson() throws {
        let lesson = try Self.parse("""
            title = "Demo"
            # a comment
            [[step]]
            narration = \"\"\"
            First line
            second line.\"\"\"
            commands = ["load argon",
                        "run 10"]

            [[step]]
            narration = "Just look."
            """)
        #expect(lesson.name == "demo" && lesson.title == "Demo")
        #expect(lesson.steps.count == 2)
        #expect(lesson.steps[0].narration == "First line\nsecond line.")
        #expect(lesson.steps[0].commands == ["load argon", "run 10"])
        #expect(lesson.steps[1] == Lesson.Step(narration: "Just look.", commands: []))
    }

    @Test("an unknown key is reported on its own line")
    func unknownKey() {
        let e = Self.error("title = \"x\"\n[[step]]\nnarration = \"a\"\n[[step]]\nnarration = \"b\"\ncomands = [\"run 1\"]\n")
        #expect(e?.line == 6)
        #expect(e?.message.contains("comands") == true)
        #expect(e?.description.hasPrefix("demo.toml:6: ") == true)
    }

    @Test("an unknown command is reported on the line it is written on, inside a multi-line array")
    func unknownCommand() {
        let e = Self.error("title = \"x\"\n[[step]]\nnarration = \"a\"\ncommands = [\n  \"run 5\",\n  \"fly away\",\n]\n")
        #expect(e?.line == 6)
        #expect(e?.message.contains("'fly away'") == true && e?.message.contains("unknown command 'fly'") == true)
    }

    @Test("a step without narration points at its [[step]] header; empty narration at its key")
    func missingNarration() {
        let missing = Self.error("title = \"x\"\n[[step]]\nnarration = \"a\"\n\n[[step]]\ncommands = [\"run 1\"]\n")
        #expect(missing?.line == 5)
        #expect(missing?.message.contains("narration") == true)
        let empty = Self.error("title = \"x\"\n[[step]]\nnarration = \"  \"\n")
        #expect(empty?.line == 3)
    }

    @Test("a lesson needs a title and at least one step; a non-string command is an error at its key")
    func shape() {
        #expect(Self.error("[[step]]\nnarration = \"a\"\n")?.message.contains("title") == true)
        #expect(Self.error("title = \"x\"\n")?.message.contains("[[step]]") == true)
        #expect(Self.error("title = \"x\"\n[[step]]\nnarration = \"a\"\ncommands = [3]\n")?.line == 4)
        #expect(Self.error("title = \"x\"\n[[step]\n")?.line == 2)
    }

    @Test("a missing lesson name lists the lessons there are, in one line")
    func missingName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "title = \"A\"\n[[step]]\nnarration = \"a\"\n".write(to: folder.appendingPathComponent("alpha.toml"), atomically: true, encoding: .utf8)
        #expect(try Lesson.load("alpha", in: folder, checkCommand: Self.check).title == "A")
        do {
            _ = try Lesson.load("beta", in: folder, checkCommand: Self.check)
            Issue.record("a missing lesson should fail")
        } catch let e as SceneError {
            #expect(e.file == "beta" && e.message.contains("alpha") && !e.description.contains("\n"))
        }
    }
}
