/// A structure file that cannot be read: the file, the 1-based line, what is wrong, and the
/// offending text, printed as one line `file:line: problem: value`.
public struct StructureFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as the caller gave it.
    public var file: String
    /// 1-based line number; 0 when the problem is the file as a whole (unreadable, empty).
    public var line: Int
    /// What is wrong, e.g. "expected 3 numbers after 'lattice'".
    public var problem: String
    /// The offending text (a token or the line), quoted in the message.
    public var value: String

    public init(file: String, line: Int, problem: String, value: String) {
        self.file = file
        self.line = line
        self.problem = problem
        self.value = value
    }

    public var description: String {
        let shown = value.count > 80 ? String(value.prefix(77)) + "..." : value
        let quoted = shown.isEmpty ? "" : ": '\(Self.printable(shown))'"
        return line > 0 ? "\(file):\(line): \(problem)\(quoted)" : "\(file): \(problem)\(quoted)"
    }

    /// `text` with control characters (binary garbage, a stray carriage return) shown as `?`, so the
    /// message stays one printable line.
    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
    }
}
