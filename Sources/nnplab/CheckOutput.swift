import ArgumentParser
import Experiments
import Foundation

/// An exercise's result as the checks print it: a report for people, or the result itself as JSON.
protocol ExerciseReport: Encodable {
    /// The words and numbers printed with `--format text`.
    var report: String { get }
}

extension CompletenessCheck: ExerciseReport {}
extension NoiseCheck: ExerciseReport {}
extension TimestepCheck: ExerciseReport {}
extension InvarianceCheck: ExerciseReport {}

/// `--format` of the checks: words and numbers for people, JSON for programs.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// The `--format` option every `nnplab check` exercise with a JSON form shares, and how it prints.
struct CheckOutputOptions: ParsableArguments {
    @Option(help: "Output: text or json.")
    var format: CheckFormat = .text

    /// Prints `check` on standard output in the chosen format.
    func print(_ check: some ExerciseReport) throws {
        Swift.print(format == .json ? try exerciseJSON(check) : check.report)
    }
}

/// The `--models` option of the commands that compare a scene's six student models.
struct ModelsFolderOption: ParsableArguments {
    @Option(help: "Folder of the six model files (default: the scene's models folder).")
    var models: String?

    /// The folder given, or nil for the scene's own models folder.
    var folder: URL? { models.map { URL(fileURLWithPath: $0) } }
}

/// Writes `line` and a newline to standard error: progress notes and warnings, kept out of the
/// output a script reads from standard output.
func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
