import Foundation
import Testing
import Descriptors
import Scenes
@testable import Simulation

@Suite("Scene catalog adapter")
struct SceneCatalogTests {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenes")

    @Test("water's published model offers no cutoff switch and says why")
    func waterCutoffFixed() throws {
        let catalog = try SceneFolderSource(folder: folder).catalog(named: "water")
        #expect(catalog.cutoffs.isEmpty && catalog.activations.isEmpty)
        #expect(catalog.modelsDescription.hasSuffix("cannot be toggled"))
        #expect(catalog.initialSystem.count == 1080)
    }

    @Test("argon offers the three cutoffs at the student's r_c, starting from the scene's settings")
    func argonCutoffs() throws {
        var scene = try SceneLibrary.load("argon", in: folder)
        scene.md.equilibration = []
        let catalog = try SceneCatalog(scene: scene)
        #expect(catalog.cutoffs == [.step, .kinked, .smooth])
        #expect(catalog.settings.timeStep == 2 && catalog.settings.temperature == 92)
        for kind in CutoffKind.allCases {
            #expect(try catalog.potential(for: ModelChoice(cutoff: kind, activation: .tanh)).cutoff == 6.5)
        }
        #expect(abs(catalog.initialSystem.temperature - 92) < 1e-9)
    }
}
