/// A guided tour of the lab: steps, each with narration for the lesson panel and lab commands run on
/// entering it. Read from `Scenes/lessons/NAME.toml` (see ``Lesson/parse(_:name:displayPath:checkCommand:)``).
public struct Lesson: Sendable, Equatable {
    /// The file's base name, e.g. "smoothness" (`nnplab view --lesson smoothness`).
    public var name: String
    /// One line, shown in the panel's frame.
    public var title: String
    /// At least one step.
    public var steps: [Step]

    /// One step of a lesson.
    public struct Step: Sendable, Equatable {
        /// What the student reads: paragraphs separated by blank lines; the panel wraps it.
        public var narration: String
        /// Lab command lines (the `:` language, plus lesson-only words the lab knows), run in order
        /// when the step is entered.
        public var commands: [String]

        public init(narration: String, commands: [String]) {
            self.narration = narration
            self.commands = commands
        }
    }

    public init(name: String, title: String, steps: [Step]) {
        self.name = name
        self.title = title
        self.steps = steps
    }
}
