import Foundation
import Testing
@testable import Scenes
import Training

@Suite("Shipped models against the scene's [student] section")
struct ModelMatchTests {
    /// A copy of the argon scene and its models in a fresh folder, with `old` replaced by `new` in the scene.
    func editedArgon(replacing old: String, with new: String) throws -> Scene {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnplab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: scenesFolder.appendingPathComponent("argon"), to: folder.appendingPathComponent("argon"))
        let text = try String(contentsOf: scenesFolder.appendingPathComponent("argon.toml"), encoding: .utf8)
        #expect(text.contains(old))
        let url = folder.appendingPathComponent("argon.toml")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        return try Scene.load(from: url)
    }

    @Test("the shipped models match their scenes")
    func shippedModelsMatch() throws {
        for name in ["argon", "silicon"] {
            let scene = try SceneLibrary.load(name, in: scenesFolder)
            #expect(try scene.shippedStudent() != nil)
        }
    }

    @Test("a scene whose student section changed refuses its old models and names nnplab train SCENE",
          arguments: [("hidden = [20, 20]", "hidden = [20, 10]", "hidden layers [20, 20] in the model, [20, 10] in the scene"),
                      ("cutoff = 6.5 ", "cutoff = 6.6 ", "cutoff 6.5 Å in the model, 6.6 Å in the scene"),
                      ("inner_cutoff = 0.5 ", "inner_cutoff = 0.4 ", "inner cutoff α 0.5 in the model, 0.4 in the scene"),
                      ("inner_cutoff = 0.5 ", "inner_cutoff = 0.0 ", "inner cutoff α 0.5 in the model, 0.0 in the scene"),
                      ("eta = 3.0 ", "eta = 2.5 ", "symmetry-function parameters")])
    func changedStudentIsRefused(old: String, new: String, difference: String) throws {
        let scene = try editedArgon(replacing: old, with: new)
        defer { try? FileManager.default.removeItem(at: scene.file.deletingLastPathComponent()) }
        do {
            _ = try scene.shippedStudent()
            Issue.record("the stale model was accepted")
        } catch let error as StudentModelError {
            #expect(error.message.contains(difference), "\(error)")
            #expect(error.message.contains("run `nnplab train \(scene.file.path) --force`"))
            #expect(!error.description.contains("\n"))
        }
    }
}
