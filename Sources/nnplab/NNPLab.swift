import ArgumentParser

@main
struct NNPLab: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nnplab",
        abstract: "A terminal laboratory for neural network potentials.",
        version: "0.1.0",
        subcommands: [EvalCommand.self, RunCommand.self, BenchCommand.self, CheckCommand.self, DriftCommand.self,
                      TrainCommand.self])
}
