import Canvas
import Foundation
import Scenes

/// One command line of a lesson step: a lab command (the `:` language), or one of the words only a
/// lesson needs to set up the view: `inspector on|off`, `colour element|energy|force|extrapolation`,
/// `log on|off` (the conservation plot's log view) and `wait SECONDS` (let the dynamics run before
/// the next command).
public enum LessonAction: Sendable, Equatable {
    case lab(LabCommand)
    case inspector(Bool)
    case colour(AtomColouring)
    case logPlot(Bool)
    /// Seconds of wall-clock time, at most ``maximumWait``.
    case wait(Double)

    /// The longest `wait`, s: a lesson pauses for the student to look, not for minutes.
    public static let maximumWait = 60.0

    /// The colourings by their lesson word.
    static let colourWords: [String: AtomColouring] = [
        "element": .element, "energy": .atomicEnergy, "force": .force, "extrapolation": .extrapolation,
    ]

    /// Parses one line of a step's `commands`. Lesson steps may not quit the lab or start lessons.
    public static func parse(_ line: String) throws(ShellError) -> LessonAction {
        let words = LabCommand.tokens(of: line)
        guard let first = words.first?.lowercased() else { throw ShellError("expected a command, got an empty line") }
        func onOff(_ what: String) throws(ShellError) -> Bool {
            guard words.count == 2, let word = words.last?.lowercased(), word == "on" || word == "off" else {
                throw ShellError("\(what) takes on or off")
            }
            return word == "on"
        }
        switch first {
        case "inspector": return .inspector(try onOff("inspector"))
        case "log": return .logPlot(try onOff("log"))
        case "colour", "color":
            guard words.count == 2, let colouring = colourWords[words[1].lowercased()] else {
                throw ShellError("colour takes one of \(colourWords.keys.sorted().joined(separator: ", "))")
            }
            return .colour(colouring)
        case "wait":
            guard words.count == 2, let s = Double(words[1]), s.isFinite, s > 0, s <= maximumWait else {
                throw ShellError("wait takes seconds in (0, \(Int(maximumWait))]")
            }
            return .wait(s)
        default:
            let parsed: LabCommand?
            do throws(ShellError) { parsed = try LabCommand.parse(line) } catch {
                guard error.message.hasPrefix("unknown command") else { throw error }
                throw ShellError(error.message + "; a lesson also knows inspector, colour, log, wait")
            }
            guard let command = parsed else { throw ShellError("expected a command, got a comment") }
            switch command {
            case .quit, .lesson: throw ShellError("a lesson step cannot use '\(first)'")
            default: return .lab(command)
            }
        }
    }
}

extension Lesson {
    /// Loads the lesson a user named, each step's commands checked as ``LessonAction``s; problems are
    /// one ``SceneError`` line naming the file and line.
    public static func load(_ argument: String, in folder: URL = Lesson.directory) throws -> Lesson {
        try load(argument, in: folder) { line in
            do throws(ShellError) { _ = try LessonAction.parse(line); return nil } catch { return error.message }
        }
    }

    /// The checked actions of step `index` (the file was checked when loaded, so none fail).
    public func actions(ofStep index: Int) -> [LessonAction] {
        steps[index].commands.compactMap { try? LessonAction.parse($0) }
    }
}
