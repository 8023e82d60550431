import ArgumentParser

@main
struct NNPLab: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nnplab",
        abstract: "A terminal laboratory for neural network potentials.",
        version: "0.1.0",
        subcommands: [ViewCommand.self, ReplCommand.self, EvalCommand.self, RunCommand.self, BenchCommand.self,
                      CheckCommand.self, TrainCommand.self, DriftCommand.self, ServeCommand.self],
        defaultSubcommand: ViewCommand.self)
}
