import ArgumentParser
import Foundation
import Geometry

/// `--threads N`: how many threads evaluate potentials (energies, forces, virials); model training keeps
/// every core (its models train concurrently as tasks).
/// Shared by every command; parsing it sets ``ThreadCount/current`` for the whole process, which every
/// potential and the lab use. Results do not depend on it, only the speed.
struct ThreadsOption: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Threads for evaluating potentials (energies, forces, virials), 1 to \(ThreadCount.maximum) (default: all cores; results are identical for any count).",
                               valueName: "N"))
    var threads: String?

    /// The count given, or nil for the default (all cores). A value that is not a whole number from 1
    /// to ``ThreadCount/maximum`` is one line naming the option and the value.
    func parsed() throws -> ThreadCount? {
        guard let threads else { return nil }
        guard let n = Int(threads.trimmingCharacters(in: .whitespaces)), let count = try? ThreadCount(n) else {
            throw CommandFailure("--threads must be a whole number from 1 to \(ThreadCount.maximum): '\(threads)'")
        }
        return count
    }

    /// Runs when the command line is parsed, before the command: sets the process-wide thread count.
    mutating func validate() throws {
        if let count = try parsed() { ThreadCount.current = count }
    }
}
