import ArgumentParser
import Foundation

extension NNPLab {
    /// Runs the command line like ArgumentParser's own `main`, except that a failure is ONE line on
    /// standard error (`Error: <what>`), without the usage text ArgumentParser adds to validation
    /// errors, so that every bad input reads the same way. `--help` and `--version` print as usual.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            // What `print` buffered must reach its file: a full disk is a failure, not a silent loss.
            if fflush(nil) != 0 {
                throw CommandFailure("standard output: cannot write: \(String(cString: strerror(errno)).lowercased())")
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is CleanExit { exit(withError: error) }
            let text = message(for: error)
                .split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("Help:") && !$0.hasPrefix("Usage:") && !$0.hasPrefix("See '") }
                .joined(separator: "; ")
            if !text.isEmpty {
                let line = text.hasPrefix("Error:") ? text : "Error: \(text)"
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
