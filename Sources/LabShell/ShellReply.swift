/// What a command printed, whether it failed, and whether the session should end.
public struct ShellReply: Sendable, Equatable {
    public var lines: [String]
    public var isError: Bool
    public var quit: Bool

    public init(lines: [String], isError: Bool = false, quit: Bool = false) {
        self.lines = lines
        self.isError = isError
        self.quit = quit
    }

    public static func error(_ text: String) -> ShellReply { ShellReply(lines: [text], isError: true) }
}
