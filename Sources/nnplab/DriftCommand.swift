import ArgumentParser
import Experiments
import Foundation
import Scenes

/// `nnplab drift SCENE`: NVE with each model from the same initial states; the conservation table.
struct DriftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Energy conservation of every model of a scene, from the same initial positions and velocities.",
        discussion: """
        Runs velocity Verlet with each model and reports, per model and seed: the RMS of \
        E_total(t) - E_total(0) per atom, the fitted drift, the largest single-step change, cutoff \
        crossings per atom per ps, ReLU hidden-unit switches per ps, the validation RMSE, and the \
        teacher's energy along the model's own trajectory. The models are the scene's \
        shipped students (Scenes/NAME/models; make them with `nnplab train`). Example: nnplab drift argon --seeds 3
        """)

    @OptionGroup var threads: ThreadsOption

    @Argument(help: "Scene name (argon, silicon, ...) or path to a scene .toml file.")
    var scene: String = SceneLibrary.defaultSceneName

    @Option(help: "Time step in fs (default: the scene's).")
    var dt: Double?

    @Option(help: "Length of each run in ps (default: the scene's drift_time).")
    var time: Double?

    @Option(help: "Number of seeds (initial states).")
    var seeds: Int = 1

    @Option(help: "Output format: table, csv or json.")
    var format: DriftFormat = .table

    @OptionGroup var models: ModelsFolderOption

    @Flag(help: "Also run the exact teacher cut at the student's r_c in the three ways (activation 'teacher').")
    var teachers = false

    func validate() throws {
        try OptionRange.check("dt", dt, SceneLimits.timeStep, "a time step in fs")
        try OptionRange.check("time", time, SceneLimits.time, "a length in ps")
        guard seeds >= 1 && seeds <= 100 else { throw ValidationError("--seeds: expected 1...100, got \(seeds)") }
    }

    func run() throws {
        let scene = try SceneLibrary.load(self.scene)
        let teacher = try scene.teacherPotential()
        let candidates = try DriftExperiment.studentModels(scene, folder: models.folder) + (teachers ? DriftExperiment.truncatedTeachers(scene) : [])
        guard !candidates.isEmpty else {
            throw CommandFailure("\(scene.name): no models to compare (the scene's potential has one fixed cutoff)")
        }
        let experiment = DriftExperiment(scene: scene, timeStep: dt, duration: time)
        let states = try DriftExperiment.initialStates(scene, teacher: teacher, seeds: seeds)
        let rows = try experiment.run(candidates, from: states, teacher: teacher)
        print(try DriftResult.render(rows, as: format), terminator: "")
    }
}

extension DriftFormat: ExpressibleByArgument {}
