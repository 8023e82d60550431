import ArgumentParser

/// `nnplab check`: the lessons' exercises, each checking one property of a potential.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "The lessons' exercises: each checks one property of a potential and says what it shows.",
        subcommands: [CheckForcesCommand.self, CheckExtensivityCommand.self, CheckInvarianceCommand.self,
                      CheckCompletenessCommand.self, CheckTimestepCommand.self,
                      CheckNoiseCommand.self])
}
