import Descriptors
import Foundation
import Geometry
import NeuralNetworks
import Potentials
import Testing
import Training
@testable import Scenes

/// The argon scene shrunk to something a debug build trains in seconds: 12 configurations from two
/// short chains, 3 epochs. Same keys as the real recipe, so the same mapping code runs.
func tinyArgon() throws -> Scene {
    var scene = try SceneLibrary.load("argon", in: scenesFolder)
    scene.student = scene.student?.withEpochs(3)
    scene.student?.sampling.configurations = 12
    scene.student?.sampling.temperatures = [90, 150]
    scene.student?.sampling.equilibrationSteps = 20
    scene.student?.sampling.stepsBetweenSamples = 5
    scene.student?.settings.batchSize = 4
    return scene
}

@Suite("Scene recipe → student models")
struct StudentPlanTests {
    @Test("argon's plan is the scene file's recipe: its G2 at r_c 6.5 Å with the file's η and r_s, 11-20-20-1, its epochs and seed")
    func argonMapping() throws {
        let scene = try SceneLibrary.load("argon", in: scenesFolder)
        let plan = try scene.studentPlan()
        let design = try plan.design(.kinked, .relu)
        #expect(design.symmetryFunctions.cutoffShape == .kinked && design.activation == .relu)
        struct Pair: Hashable { var eta, shift: Double }
        let made = design.symmetryFunctions.functions[0].compactMap { f -> Pair? in
            if case let .radial(p) = f, p.cutoff == 6.5 { return Pair(eta: p.eta, shift: p.shift) } else { return nil }
        }
        // argon.toml: [[student.radial]] η = 3 with ten r_s from 3 to 6.5 Å, and η = 0.1 at r_s = 0.
        let written = [3.0, 3.3889, 3.7778, 4.1667, 4.5556, 4.9444, 5.3333, 5.7222, 6.1111, 6.5].map { Pair(eta: 3, shift: $0) }
            + [Pair(eta: 0.1, shift: 0)]
        #expect(made.count == written.count && Set(made) == Set(written))
        #expect(try design.initialNetworks()[0].layerSizes == [11, 20, 20, 1])
        // [student.training]: 200 epochs, no patience (every epoch runs), seed 7, 220 configurations at
        // 80-200 K, the default sample_dt.
        #expect(design.settings.epochs == 200 && design.settings.seed == 7 && design.weightSeed == 7)
        #expect(design.settings.patience == 200)
        #expect(plan.student.sampling.configurations == 220 && plan.student.sampling.temperatures == [80, 120, 160, 200])
        #expect(plan.student.sampling.timeStep == TeacherSampling.Defaults.timeStep && plan.start.count == 108)
    }

    @Test("silicon's students see 6 radial and 6 wide angular functions (n2p2 type 9) of Si")
    func siliconMapping() throws {
        let plan = try SceneLibrary.load("silicon", in: scenesFolder).studentPlan()
        let functions = plan.student.symmetryFunctions(.smooth).functions
        #expect(functions.count == 1 && functions[0].count == 12)
        #expect(functions[0].filter { $0.n2p2Type == 9 }.count == 6)
    }

    @Test("water-1080 (the published model alone) has no student to train, and says so")
    func waterHasNoStudent() throws {
        let scene = try SceneLibrary.load("water-1080", in: scenesFolder)
        #expect(throws: SceneError.self) { try scene.studentPlan() }
    }

    @Test("training the same recipe twice writes the same bytes; the file rebuilds the same potential bit for bit")
    func deterministicModelFiles() async throws {
        let plan = try tinyArgon().studentPlan()
        let variants = [ModelChoice(cutoff: .kinked, activation: .tanh), ModelChoice(cutoff: .smooth, activation: .relu)]
        let first = try await plan.train(variants)
        let second = try await plan.train(variants.reversed())
        #expect(try first[0].encoded() == second[1].encoded())
        #expect(try first[1].encoded() == second[0].encoded())

        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnplab-model-\(UInt64.random(in: 0...UInt64.max)).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try first[0].write(to: url)
        let read = try StudentModel.read(from: url)
        #expect(read == first[0])
        #expect(try read.encoded() == Data(contentsOf: url))
        // Energies and forces of the rebuilt potential equal those of the trained one, bit for bit.
        let system = plan.start.rattled(sigma: 0.1, seed: 5)
        let trained = try first[0].potential(), rebuilt = try read.potential()
        let list = NeighborList(system: system, cutoff: trained.cutoff, skin: 0, kind: .full)
        let a = trained.evaluate(system, neighbors: list, request: .energyAndForces)
        let b = rebuilt.evaluate(system, neighbors: list, request: .energyAndForces)
        #expect(a.energy == b.energy && a.forces == b.forces)
        #expect(read.cutoff == .kinked && read.activation == .tanh && read.validationEnergyRMSE > 0)
    }

    @Test("a damaged model file gives one line naming the file and the problem")
    func damagedModelFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnplab-bad-\(UInt64.random(in: 0...UInt64.max)).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("{\"format\": \"nnplab-student-model-1\"}".utf8).write(to: url)
        #expect {
            _ = try StudentModel.read(from: url)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix(url.path) && text.contains("missing key") && !text.contains("\n")
        }
    }
}
