/// A scene file that cannot be used, reported as ONE line `file:line: message`.
///
/// The message says what was expected and what was found, e.g.
/// `Scenes/argon.toml:31: md.dt: expected a positive time step in fs, got -2.0`.
public struct SceneError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Path of the scene file as the user named it.
    public let file: String
    /// 1-based line the problem is on (the table's header when a key is missing); 0 when there is
    /// no file to point into (it does not exist).
    public let line: Int
    /// What was expected and what was found.
    public let message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
