import Foundation
import Testing
import Descriptors
import Geometry
import Potentials
import Scenes
@testable import Experiments

/// The repository's Scenes folder, from this file's path (…/Tests/ExperimentsTests/X.swift).
let scenesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Scenes")

/// The argon scene with a short equilibration (melt 1 ps at 300 K, 1 ps at 92 K), for debug-build tests.
func quickArgon() throws -> Scene {
    var scene = try SceneLibrary.load("argon", in: scenesFolder)
    scene.md.equilibration = [.init(temperature: 300, time: 1), .init(temperature: 92, time: 1)]
    return scene
}

@Suite("Drift experiment")
struct DriftExperimentTests {
    @Test("argon's student cutoff is crossed often: 5 to 15 pair crossings per atom per ps at 6.5 Å")
    func crossingsAndOrdering() throws {
        let scene = try quickArgon()
        let teacher = try scene.teacherPotential()
        let states = try DriftExperiment.initialStates(scene, teacher: teacher, seeds: 1)
        let candidates = try DriftExperiment.truncatedTeachers(scene)
        #expect(candidates.map(\.cutoff) == [.step, .kinked, .smooth])
        let rows = try DriftExperiment(timeStep: 2, duration: 0.4).run(candidates, from: states, teacher: teacher)
        let byCutoff = Dictionary(uniqueKeysWithValues: rows.map { ($0.cutoff, $0) })
        let step = try #require(byCutoff[.step]), kinked = try #require(byCutoff[.kinked])
        let smooth = try #require(byCutoff[.smooth])
        // The prototype measured about 10 per atom per ps; a slow liquid would make the lesson invisible.
        for row in rows { #expect(row.crossingsPerPicosecond > 5 && row.crossingsPerPicosecond < 15) }
        // Step and kinked LJ have the same forces, hence the same trajectory and the same crossings.
        #expect(step.crossingsPerPicosecond == kinked.crossingsPerPicosecond)
        // Each crossing of a step cutoff jumps E by |E_LJ(6.5 Å)| ≈ 0.84 meV: far above the others.
        #expect(step.rmsDeviation > 20 * kinked.rmsDeviation)
        #expect(step.maxJump > 0.5 && kinked.maxJump < 0.1 && smooth.maxJump < 0.1)
        #expect(step.reluSwitchesPerPicosecond == nil && step.teacherRMSDeviation != nil)
    }

    @Test("the same seed gives the same row, bit for bit")
    func deterministic() throws {
        let scene = try quickArgon()
        let teacher = try scene.teacherPotential()
        let smooth = try #require(try DriftExperiment.truncatedTeachers(scene).last)
        let experiment = DriftExperiment(timeStep: 2, duration: 0.1)
        let a = try experiment.run([smooth], from: try DriftExperiment.initialStates(scene, teacher: teacher, seeds: 1))
        let b = try experiment.run([smooth], from: try DriftExperiment.initialStates(scene, teacher: teacher, seeds: 1))
        #expect(a == b)
    }

    @Test("JSON rows carry exactly the documented keys, missing values as null")
    func jsonKeys() throws {
        let row = DriftResult(seed: 3, cutoff: .kinked, activation: "relu", rmsDeviation: 0.01, drift: -0.002,
                              maxJump: 0.5, crossingsPerPicosecond: 9.5, reluSwitchesPerPicosecond: 4000,
                              validationEnergyRMSE: nil, validationForceRMSE: 20, teacherRMSDeviation: 0.02)
        let text = try DriftResult.render([row], as: .json)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(Set(objects[0].keys) == ["seed", "cutoff", "activation", "rms_dev_meV_per_atom", "drift_meV_per_atom_ps",
                                         "max_jump_meV", "crossings_per_ps", "relu_switches_per_ps",
                                         "rmse_energy_meV_per_atom", "rmse_force_meV_per_A", "teacher_rms_dev_meV_per_atom"])
        #expect(objects[0]["rmse_energy_meV_per_atom"] is NSNull)
        #expect(objects[0]["cutoff"] as? String == "kinked")
        let csv = try DriftResult.render([row], as: .csv).split(separator: "\n")
        #expect(csv.count == 2 && csv[0].hasPrefix("seed,cutoff,activation,rms_dev_meV_per_atom"))
        #expect(csv[1] == "3,kinked,relu,0.01,-2.000e-03,0.5,9.5,4000,,20,0.02")
    }
}
