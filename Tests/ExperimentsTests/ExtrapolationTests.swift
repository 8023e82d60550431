import Testing
import Descriptors
import Geometry
import Potentials
import Scenes
@testable import Experiments

@Suite("Extrapolation warnings")
struct ExtrapolationTests {
    /// An argon NNP whose training range is the G range of a rattled fcc crystal.
    func argonModel() throws -> (BehlerParrinelloPotential, AtomicSystem) {
        let scene = try SceneLibrary.load("argon", in: scenesFolder)
        let crystal = scene.structure.rattled(sigma: 0.05, seed: 1)
        let set = try #require(scene.student).symmetryFunctions(.smooth)
        return (try ExerciseStudents.untrainedPotential(set, hidden: [5], reference: crystal, seed: 1), crystal)
    }

    @Test("the structure the range came from raises no warning")
    func insideRangeIsQuiet() throws {
        let (model, crystal) = try argonModel()
        #expect(model.hasTrainingRange)
        #expect(model.extrapolationWarnings(crystal).isEmpty)
    }

    @Test("a compressed crystal leaves the range: each warning names the atom, the function and how far, with the true G")
    func compressionIsReported() throws {
        let (model, crystal) = try argonModel()
        let compressed = try #require(crystal.strained(uniformly: -0.08))
        let warnings = model.extrapolationWarnings(compressed)
        #expect(!warnings.isEmpty)
        // Independent oracle: the evaluator's own G of the compressed crystal.
        let g = try SymmetryFunctionEvaluator(model.symmetryFunctions).descriptors(of: compressed)
        for w in warnings.prefix(50) {
            let range = model.scaling.statistics[0][w.functionIndex]
            #expect(w.value == g[w.atom][w.functionIndex])
            #expect(w.value > range.maximum || w.value < range.minimum)
            #expect(w.excess > 0)
            #expect(w.function == model.symmetryFunctions.functions[0][w.functionIndex])
        }
        // Sorted, largest excess first, and told in words.
        #expect(zip(warnings, warnings.dropFirst()).allSatisfy { $0.excess >= $1.excess })
        let text = warnings[0].description
        #expect(text.contains("atom \(warnings[0].atom) (Ar)") && text.contains("radial") && text.contains("training range"))
    }

    @Test("a potential without a training range never warns")
    func unscaledPotentialIsSilent() throws {
        let (model, crystal) = try argonModel()
        let raw = try BehlerParrinelloPotential(symmetryFunctions: model.symmetryFunctions, networks: model.networks)
        #expect(!raw.hasTrainingRange)
        #expect(raw.extrapolationWarnings(try #require(crystal.strained(uniformly: -0.1))).isEmpty)
    }

    @Test("the run monitor tells each atom-function pair once and keeps the worst")
    func monitorReportsOnce() throws {
        let (model, crystal) = try argonModel()
        let compressed = try #require(crystal.strained(uniformly: -0.08))
        var monitor = try #require(ExtrapolationMonitor(model, interval: 2))
        let list = NeighborList(system: compressed, cutoff: model.cutoff, skin: 0, kind: .full)
        let first = monitor.check(compressed, neighbors: list, step: 0)
        #expect(!first.isEmpty)
        #expect(monitor.check(compressed, neighbors: list, step: 1).isEmpty)   // not due
        #expect(monitor.check(compressed, neighbors: list, step: 2).isEmpty)   // nothing new
        #expect(monitor.extrapolatingSteps == 2 && monitor.checkedSteps == 2)
        #expect(monitor.worst?.warning == first[0])
        #expect(monitor.summary.contains("worst at step 0"))
        #expect(ExtrapolationMonitor(try LennardJones(cutoff: 6.5, truncation: .smooth)) == nil)
    }
}
