import Foundation
import TOMLKit

extension Lesson {
    /// The folder lessons live in: `lessons` inside the scenes folder (``SceneLibrary/directory``).
    public static var directory: URL { SceneLibrary.directory.appendingPathComponent("lessons", isDirectory: true) }

    /// Names of the lessons in `folder`, sorted.
    public static func names(in folder: URL = directory) -> [String] { SceneLibrary.names(in: folder) }

    /// Loads the lesson a user named (a name in `folder`, or a path), checking each command with
    /// `checkCommand` (nil: fine; else what is wrong). Every problem is ONE ``SceneError`` line.
    public static func load(_ argument: String, in folder: URL = directory,
                            checkCommand: (String) -> String?) throws -> Lesson {
        let url = SceneLibrary.url(for: argument, in: folder)
        let isPath = argument.contains("/") || argument.hasSuffix(".toml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            let known = names(in: folder).joined(separator: ", ")
            throw SceneError(file: argument, line: 0,
                             message: "expected a lesson file or one of \(known.isEmpty ? "(none in \(folder.path))" : known), got '\(argument)'")
        }
        let shown = isPath ? argument : "Scenes/lessons/\(argument).toml"
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw SceneError(file: shown, line: 1, message: "expected a readable UTF-8 lesson file, got unreadable bytes")
        }
        return try parse(text, name: url.deletingPathExtension().lastPathComponent, displayPath: shown, checkCommand: checkCommand)
    }

    /// Parses lesson text:
    ///
    /// ```toml
    /// title = "One line"
    /// [[step]]
    /// narration = """What to look at."""
    /// commands = ["load argon", "compare step-relu smooth-tanh"]   # optional
    /// ```
    public static func parse(_ text: String, name: String, displayPath: String,
                             checkCommand: (String) -> String?) throws -> Lesson {
        let toml: TOMLTable
        do {
            toml = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw SceneError(file: displayPath, line: e.source.begin.line,
                             message: "expected valid TOML, got a syntax error: \(e.description)")
        }
        let root = SceneTable(table: toml, context: "", file: displayPath, locator: KeyLocator(text: text))
        let title = try root.string("title", "a one-line title string")
        let tables = try root.tables("step")
        try root.finish()
        guard !tables.isEmpty else {
            throw SceneError(file: displayPath, line: 1, message: "expected at least one [[step]], got none")
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let steps = try tables.map { t in
            let narration = try t.string("narration", "the step's narration, a string")
            guard !narration.allSatisfy(\.isWhitespace) else { throw t.error("narration", "expected narration text, got an empty string") }
            let commands = try t.strings("commands", default: [], "lab command lines such as \"run 100\"")
            for command in commands {
                guard let problem = checkCommand(command) else { continue }
                // The array may span lines: point at the line holding this command, not the key.
                let keyError = t.error("commands", "")
                let line = lines.indices.dropFirst(keyError.line - 1).first { lines[$0].contains(command) }.map { $0 + 1 } ?? keyError.line
                throw SceneError(file: displayPath, line: line, message: "\(t.qualified("commands")): '\(command)': \(problem)")
            }
            try t.finish()
            return Step(narration: narration, commands: commands)
        }
        return Lesson(name: name, title: title, steps: steps)
    }
}
