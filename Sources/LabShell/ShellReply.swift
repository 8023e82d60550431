import Scenes

/// What a command printed, whether it failed, and whether the session should end. A long command
/// (an exercise, the drift table) comes back as a ``ShellJob`` instead: the repl runs it at once,
/// the view on a background thread so the screen keeps moving.
public struct ShellReply: Sendable, Equatable {
    public var lines: [String]
    public var isError: Bool
    public var quit: Bool
    /// Work still to do before the reply is complete (nil for an immediate reply).
    public var job: ShellJob?
    /// The view should open its message log (`messages`): every message so far, whole.
    public var showsMessageLog = false
    /// The view should start this lesson at its first step (`lesson NAME`).
    public var lesson: Lesson?

    public init(lines: [String], isError: Bool = false, quit: Bool = false, job: ShellJob? = nil) {
        self.lines = lines
        self.isError = isError
        self.quit = quit
        self.job = job
    }

    public static func error(_ text: String) -> ShellReply { ShellReply(lines: [text], isError: true) }

    /// A reply that is `job`'s result once it has run.
    public static func later(_ job: ShellJob) -> ShellReply { ShellReply(lines: [], job: job) }

    /// The complete reply: the job's result, run here and now (`progress` gets its stage notes), or
    /// this reply when there is no job.
    public func finished(progress: (String) -> Void = { _ in }) -> ShellReply {
        job?.run(progress) ?? self
    }
}

/// A long command's work, detached from the shell: a title for "running …" messages and a function
/// to call on any thread. It owns copies of what it reads (a snapshot's atoms and model), so the
/// simulation goes on meanwhile.
public struct ShellJob: Sendable, Equatable {
    /// What is running, e.g. "check invariance".
    public var title: String
    public let run: @Sendable ((String) -> Void) -> ShellReply

    public init(title: String, run: @escaping @Sendable ((String) -> Void) -> ShellReply) {
        self.title = title
        self.run = run
    }

    /// Jobs compare by title: their work is a function, which has no equality.
    public static func == (a: ShellJob, b: ShellJob) -> Bool { a.title == b.title }
}
