import Scenes

/// Where the student is in a lesson: which step the panel shows and how far its narration is scrolled.
public struct LessonProgress: Sendable, Equatable {
    public let lesson: Lesson
    /// 0-based index into the lesson's steps.
    public private(set) var step = 0
    /// Lines the narration is scrolled down from its top (the rendering clamps it).
    public var scroll = 0

    public init(lesson: Lesson) { self.lesson = lesson }

    /// Moves by `offset` steps; false when that leaves the lesson (before the first, after the last).
    public mutating func move(by offset: Int) -> Bool {
        let next = step + offset
        guard lesson.steps.indices.contains(next) else { return false }
        step = next
        scroll = 0
        return true
    }

    public var isLastStep: Bool { step == lesson.steps.count - 1 }
}

extension Shell {
    /// A lesson without the view (`lesson NAME` in `nnplab repl`): every step in turn, its narration
    /// printed and its lab commands carried out; the view's own words (inspector, colour, log, wait)
    /// are named as skipped.
    func walk(_ lesson: Lesson, on backend: inout some LabBackend, print: (String) -> Void,
              printError: (String) -> Void, progress: (String) -> Void) {
        for index in lesson.steps.indices {
            print("— \(lesson.title): step \(index + 1) of \(lesson.steps.count) —")
            lesson.steps[index].narration.split(separator: "\n", omittingEmptySubsequences: false).forEach { print(String($0)) }
            for (line, action) in zip(lesson.steps[index].commands, lesson.actions(ofStep: index)) {
                print("> \(line)")
                guard case let .lab(command) = action else {
                    print("(the view's own; skipped here)")
                    continue
                }
                let reply = execute(command, on: &backend).finished(progress: progress)
                reply.lines.forEach(reply.isError ? printError : print)
            }
        }
    }
}
