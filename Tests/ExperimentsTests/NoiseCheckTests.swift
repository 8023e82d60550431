import Foundation
import Testing
import Geometry
import Potentials
import Scenes
@testable import Experiments

@Suite("Noise check")
struct NoiseCheckTests {
    @Test("roughness of F = s² sampled every h is exactly 2; a 0.01 ripple of wavelength 0.05 Å is far rougher")
    func roughnessOracle() {
        let h = 0.01
        let parabola = (0..<41).map { k -> Double in let s = -0.2 + Double(k) * h; return s * s }
        #expect(abs(NoiseCheck.roughness(parabola, spacing: h) - 2) < 1e-9)
        var ripple = parabola
        for k in ripple.indices {
            let phase: Double = 2 * Double.pi * Double(k) * h / 0.05
            ripple[k] += 0.01 * sin(phase)
        }
        #expect(NoiseCheck.roughness(ripple, spacing: h) > 20 * NoiseCheck.roughness(parabola, spacing: h))
    }

    @Test("on noisy labels, training on forces with L2 gives smoother and more accurate forces than energies alone")
    func forcesAndL2SmoothTheGhost() throws {
        var scene = try SceneLibrary.load("argon", in: scenesFolder)
        // 32 atoms instead of 108, so that three students train in seconds in a debug build.
        let a = try #require(scene.structure.cell).a.length / 3
        scene.structure = try Lattice.fcc.crystal(of: LennardJones.argon, latticeConstant: a, repeats: 2)
        let plan = NoiseCheck.Plan(configurations: 16, testConfigurations: 2, energyNoise: 5, forceNoise: 100,
                                   epochs: 150, hiddenLayers: [10, 10])
        let check = try NoiseCheck.run(scene: scene, plan: plan)
        #expect(check.rows.map(\.model) == ["teacher", "energy only, clean labels", "energy only, noisy labels", "forces + L2, noisy labels"])
        let noisyEnergyOnly = check.rows[2], forcesAndL2 = check.rows[3]
        #expect(forcesAndL2.roughness < noisyEnergyOnly.roughness)
        #expect(forcesAndL2.forceRMSE < noisyEnergyOnly.forceRMSE)
        #expect(check.rows[0].forceRMSE == 0 && check.rows[0].roughness > 0)
    }
}
