import Foundation
import Testing
import Descriptors
import Geometry
import Potentials
import Scenes
import Training
@testable import Experiments
import NeuralNetworks

@Suite("Drift of the shipped argon students")
struct StudentDriftTests {
    @Test("the six shipped argon models load in lesson order with their validation errors")
    func sixModels() throws {
        let candidates = try DriftExperiment.studentModels(try SceneLibrary.load("argon", in: scenesFolder))
        #expect(candidates.map { "\($0.cutoff)-\($0.activation)" }
                == ["step-relu", "step-tanh", "kinked-relu", "kinked-tanh", "smooth-relu", "smooth-tanh"])
        for c in candidates {
            let e = try #require(c.validationEnergyRMSE), f = try #require(c.validationForceRMSE)
            // Comparable accuracy: every model within a few meV/atom of the teacher.
            #expect(e > 0 && e < 3 && f > 0 && f < 30)
        }
    }

    @Test("a folder without model files: shippedModel is nil, studentModels names the missing file")
    func missingModelFile() throws {
        let scene = try SceneLibrary.load("argon", in: scenesFolder)
        let empty = scenesFolder.appendingPathComponent("argon/no-such-models-folder")
        #expect(try scene.shippedModel(.smooth, .tanh, in: empty) == nil)
        #expect(try scene.shippedModel(.smooth, .tanh) != nil)
        do {
            _ = try DriftExperiment.studentModels(scene, folder: empty)
            Issue.record("expected StudentModelError for a folder without model files")
        } catch let error as StudentModelError {
            #expect(error.path == empty.appendingPathComponent("step-relu.json").path)
            #expect(error.message.contains("nnplab train argon"))
        }
    }

    /// One initial state at the scene's time step after a 1 ps equilibration (short, for a debug build),
    /// and each named model's RMS deviation over `duration` ps of NVE from it (meV/atom).
    func rmsDeviations(_ names: [String], duration: Double, teacher withTeacher: Bool) throws -> [String: DriftResult] {
        var scene = try SceneLibrary.load("argon", in: scenesFolder)
        scene.md.equilibration = [.init(temperature: 300, time: 0.5), .init(temperature: 92, time: 0.5)]
        let teacher = try scene.teacherPotential()
        let states = try DriftExperiment.initialStates(scene, teacher: teacher, seeds: 1)
        let models = try DriftExperiment.studentModels(scene).filter { names.contains("\($0.cutoff)-\($0.activation)") }
        let rows = try DriftExperiment(timeStep: scene.md.timeStep, duration: duration)
            .run(models, from: states, teacher: withTeacher ? teacher : nil)
        return Dictionary(uniqueKeysWithValues: rows.map { ("\($0.cutoff)-\($0.activation)", $0) })
    }

    /// Short runs a debug build affords; the issue's bounds (100x, 5x, 20x in every one of 3 seeds)
    /// are for 20 ps runs, checked in release by `nnplab drift argon --seeds 3` (the README's table).
    /// This 0.3 ps run measured step/smooth 1.3e4 and ReLU/tanh 19 at dt 1 fs (release agrees to 0.1 %; at
    /// the scene's 0.5 fs smooth + tanh errs 4x less, so both grow); the bounds keep a factor of 2 in hand.
    @Test("a step cutoff or ReLU breaks conservation within 0.3 ps: step ≫ smooth (tanh), ReLU ≫ tanh (smooth)")
    func stepAndReLU() throws {
        let rows = try rmsDeviations(["step-tanh", "smooth-relu", "smooth-tanh"], duration: 0.3, teacher: true)
        let smooth = try #require(rows["smooth-tanh"]), step = try #require(rows["step-tanh"])
        let relu = try #require(rows["smooth-relu"])
        #expect(step.rmsDeviation >= 100 * smooth.rmsDeviation)
        #expect(relu.rmsDeviation >= 8 * smooth.rmsDeviation)
        // Switches are counted for ReLU only, and there are many: every crossing neighbour moves units.
        #expect(try #require(relu.reluSwitchesPerPicosecond) > 1000)
        #expect(smooth.reluSwitchesPerPicosecond == nil && step.reluSwitchesPerPicosecond == nil)
        // Along the smooth model's own trajectory the teacher's energy stays within its model error.
        #expect(try #require(smooth.teacherRMSDeviation) < 1)
    }

    /// A kink shows only once enough neighbours have crossed r_c with real force: 1 ps gave 4.3x,
    /// this 2 ps run 5.5x (debug and release); the bound keeps a factor of about 2 in hand.
    @Test("a kinked cutoff conserves energy worse than a smooth one over 2 ps (tanh)")
    func kinkedVersusSmooth() throws {
        let rows = try rmsDeviations(["kinked-tanh", "smooth-tanh"], duration: 2, teacher: false)
        let smooth = try #require(rows["smooth-tanh"]), kinked = try #require(rows["kinked-tanh"])
        #expect(kinked.rmsDeviation >= 2.5 * smooth.rmsDeviation)
    }

    @Test("hidden-unit signs: one per hidden unit per atom, and none switch while the atoms stand still")
    func hiddenUnitSigns() throws {
        let scene = try SceneLibrary.load("argon", in: scenesFolder)
        let relu = try #require(try DriftExperiment.studentModels(scene).first { $0.activation == "relu" })
        let nnp = try #require(relu.potential as? BehlerParrinelloPotential)
        #expect(nnp.hiddenUnitsHaveKinks && !nnp.withHiddenActivation(.tanh).hiddenUnitsHaveKinks)
        // A perfect crystal at rest: every force vanishes by symmetry, so nothing moves or switches.
        let crystal = scene.structure
        let list = NeighborList(system: crystal, cutoff: nnp.cutoff, skin: 0, kind: .full)
        var signs: [Bool] = []
        nnp.hiddenUnitSigns(crystal, neighbors: list, into: &signs)
        #expect(signs.count == crystal.count * 40)
        // Identical environments give identical sign patterns, atom by atom.
        for i in 1..<crystal.count { #expect(Array(signs[(40 * i)..<(40 * i + 40)]) == Array(signs[0..<40])) }
        let still = try DriftExperiment(timeStep: 2, duration: 0.02).run(relu, from: crystal, seed: 1)
        #expect(still.reluSwitchesPerPicosecond == 0)
    }
}
