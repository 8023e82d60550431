extension Shell {
    /// How a session of lines ended.
    public struct SessionOutcome: Sendable, Equatable {
        /// Line numbers (1-based) whose command failed.
        public var failedLines: [Int]
        /// Whether the session ended with `quit` (rather than at the end of its input).
        public var quit: Bool
    }

    /// Reads lines until `quit` or the end of input, carrying out each and printing its reply: the
    /// loop of `nnplab repl`. An error is one line (prefixed by its line number when `numbered`, as
    /// for a piped script) and the session goes on.
    /// A long command (an exercise, the drift table) runs to completion before the next line;
    /// `progress` gets its stage notes.
    public func runSession(lines: some Sequence<String>, on backend: inout some LabBackend, numbered: Bool,
                           print: (String) -> Void, printError: (String) -> Void,
                           progress: (String) -> Void = { _ in }) -> SessionOutcome {
        var outcome = SessionOutcome(failedLines: [], quit: false)
        for (index, line) in lines.enumerated() {
            let reply = execute(line: line, on: &backend).finished(progress: progress)
            if let lesson = reply.lesson {
                reply.lines.forEach(print)
                walk(lesson, on: &backend, print: print, printError: printError, progress: progress)
                continue
            }
            if reply.isError {
                outcome.failedLines.append(index + 1)
                for text in reply.lines { printError(numbered ? "line \(index + 1): \(text)" : "error: \(text)") }
            } else {
                reply.lines.forEach(print)
            }
            if reply.quit {
                outcome.quit = true
                break
            }
        }
        return outcome
    }
}
