import ArgumentParser

/// `nnplab check`: the lessons' exercises, each checking one property of a potential.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a property of a potential (forces, ...).",
        subcommands: [CheckForcesCommand.self, CheckExtensivityCommand.self])
}
