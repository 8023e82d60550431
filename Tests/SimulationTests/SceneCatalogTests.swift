import Foundation
import Testing
import Descriptors
import NeuralNetworks
import Potentials
import Scenes
@testable import Simulation
import Experiments
import Geometry

@Suite("Scene catalog adapter")
struct SceneCatalogTests {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenes")

    @Test("water's published model offers no cutoff switch and says why")
    func waterCutoffFixed() throws {
        let catalog = try SceneFolderSource(folder: folder).catalog(named: "water-1080")
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
        #expect(catalog.settings.timeStep == 0.5 && catalog.settings.temperature == 92)
        for kind in CutoffKind.allCases {
            #expect(try catalog.potential(for: ModelChoice(cutoff: kind, activation: .tanh)).cutoff == 6.5)
        }
        #expect(abs(catalog.initialSystem.temperature - 92) < 1e-9)
    }

    @Test("argon serves its six shipped students: c cycles the cutoff shape, a toggles ReLU and tanh, smooth + tanh first")
    func argonStudents() throws {
        var scene = try SceneLibrary.load("argon", in: folder)
        scene.md.equilibration = []
        let catalog = try SceneCatalog(scene: scene)
        #expect(catalog.activations == [.relu, .tanh] && catalog.cutoffs == [.step, .kinked, .smooth])
        #expect(catalog.defaultChoice == ModelChoice(cutoff: .smooth, activation: .tanh))
        #expect(catalog.modelsDescription.hasPrefix("student NNPs (11-20-20-1"))
        for kind in CutoffKind.allCases {
            for activation in ModelChoice.lessonActivations {
                let model = try catalog.potential(for: ModelChoice(cutoff: kind, activation: activation))
                let nnp = try #require(model as? BehlerParrinelloPotential)
                #expect(nnp.symmetryFunctions.cutoffShape == CutoffShape(kind))
                #expect(nnp.networks[0].hiddenActivation == (activation == .relu ? Activation.relu : .tanh))
            }
        }
    }

    @Test("silicon serves its six students too, with wide angular functions (n2p2 type 9)")
    func siliconStudents() throws {
        var scene = try SceneLibrary.load("silicon", in: folder)
        scene.md.equilibration = []
        let catalog = try SceneCatalog(scene: scene)
        #expect(catalog.activations.count == 2 && catalog.cutoffs.count == 3)
        let nnp = try #require(try catalog.potential(for: catalog.defaultChoice) as? BehlerParrinelloPotential)
        #expect(nnp.symmetryFunctions.functions[0].filter { $0.n2p2Type == 9 }.count == 6)
    }
}
