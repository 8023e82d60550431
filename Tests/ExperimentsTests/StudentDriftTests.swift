import Foundation
import Testing
import Descriptors
import Geometry
import Potentials
import Scenes
import Training
@testable import Experiments

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

    /// A short NVE run that a debug build affords: 0.3 ps at the scene's 1 fs from one seed after a 1 ps
    /// equilibration. It measured step/smooth 2.6e4, kinked/smooth 8.5 and ReLU/tanh 26 (debug; release
    /// gives the same to 0.1 %); the bounds keep a factor of about 2 in hand. The bounds (100x, 5x, 20x) are for 10 ps runs from 3 seeds,
    /// checked in release by `nnplab drift argon --seeds 3` (the README's table).
    @Test("smoothness orders conservation: step ≫ kinked > smooth (tanh), ReLU ≫ tanh (smooth)")
    func ordering() throws {
        var scene = try SceneLibrary.load("argon", in: scenesFolder)
        scene.md.equilibration = [.init(temperature: 300, time: 0.5), .init(temperature: 92, time: 0.5)]
        let teacher = try scene.teacherPotential()
        let states = try DriftExperiment.initialStates(scene, teacher: teacher, seeds: 1)
        let rows = try DriftExperiment(timeStep: scene.md.timeStep, duration: 0.3)
            .run(try DriftExperiment.studentModels(scene), from: states, teacher: teacher)
        func rms(_ cutoff: CutoffKind, _ activation: String) throws -> Double {
            try #require(rows.first { $0.cutoff == cutoff && $0.activation == activation }).rmsDeviation
        }
        let smooth = try rms(.smooth, "tanh")
        #expect(try rms(.step, "tanh") >= 100 * smooth)
        #expect(try rms(.kinked, "tanh") >= 4 * smooth)
        #expect(try rms(.smooth, "relu") >= 10 * smooth)
        for row in rows {
            #expect((row.reluSwitchesPerPicosecond != nil) == (row.activation == "relu"))
            if let switches = row.reluSwitchesPerPicosecond { #expect(switches > 100) }
        }
    }

    @Test("hidden-unit signs: one per hidden unit per atom, and none switch while the atoms stand still")
    func hiddenUnitSigns() throws {
        let scene = try SceneLibrary.load("argon", in: scenesFolder)
        let relu = try #require(try DriftExperiment.studentModels(scene).first { $0.activation == "relu" })
        let nnp = try #require(relu.potential as? BehlerParrinelloPotential)
        #expect(nnp.hiddenUnitsHaveKinks && !nnp.withHiddenActivation(.tanh).hiddenUnitsHaveKinks)
        // A perfect crystal at rest: every force vanishes by symmetry, so nothing moves or switches.
        let crystal = try scene.builtStructure()
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
