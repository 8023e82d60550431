import Testing
import Geometry
import Potentials
import Scenes
@testable import Experiments

@Suite("Completeness check")
struct CompletenessCheckTests {
    @Test("two clusters with the same radial G for every atom have different teacher energies and different angular G")
    func radialFingerprintIsIncomplete() throws {
        let check = try CompletenessCheck.run(scene: try SceneLibrary.load("silicon", in: scenesFolder))
        #expect(check.closestNeighbourPair > check.cutoff)
        #expect(check.radialDifference < 1e-12)
        #expect(abs(check.energyDifference) > 0.01)
        #expect(check.angularDifference > 1e-3)
        // The environments really differ in their angles but not in their distances.
        #expect(abs(check.regular.angles[0] - 109.47) < 0.01 && abs(check.squashed.angles[5] - 118) < 1e-9)
        #expect(check.report.contains("identical"))
    }

    @Test("a scene without angular functions is refused in one line")
    func needsAngularFunctions() throws {
        #expect(throws: ExerciseError.self) { try CompletenessCheck.run(scene: try SceneLibrary.load("argon", in: scenesFolder)) }
    }
}

@Suite("Time-step check")
struct TimestepCheckTests {
    @Test("a log-log fit of y = 3x² has slope 2 and of a constant slope 0")
    func slopeFit() {
        let x = [0.5, 1, 2, 4]
        #expect(abs(TimestepCheck.logLogSlope(x, x.map { 3 * $0 * $0 }) - 2) < 1e-12)
        #expect(abs(TimestepCheck.logLogSlope(x, x.map { _ in 0.7 })) < 1e-12)
    }

    @Test("energy fluctuation scales as dt² for the smooth cutoff and is flat for the step cutoff")
    func smoothSlopeIsTwo() throws {
        let scene = try quickArgon()
        let teacher = try scene.teacherPotential()
        let initial = try scene.initialState(teacher: teacher)
        let candidates = try TimestepCheck.candidates(for: scene).filter { $0.cutoff != .kinked }
        let check = try TimestepCheck.run(candidates, from: initial, timeSteps: [1, 2, 4], duration: 0.2)
        let step = try #require(check.rows.first { $0.model.hasPrefix("step") })
        let smooth = try #require(check.rows.first { $0.model.hasPrefix("smooth") })
        #expect(abs(smooth.slope - 2) < 0.3)
        #expect(step.slope < 0.5)
        #expect(step.fluctuations.allSatisfy { $0 > 10 * (smooth.fluctuations.max() ?? 0) })
        #expect(check.plot().contains("a = step/teacher"))
    }
}
