import Descriptors
import Foundation
import NeuralNetworks
import Potentials
import Training

extension Scene {
    /// The student model file with `cutoff` and `activation` read from `folder` (nil: the scene's
    /// ``modelsDirectory``), or nil when the scene has no student or that file does not exist yet
    /// (`nnplab train NAME` makes it). Throws ``StudentModelError`` when the file is there but unreadable,
    /// or was trained for another `[student]` section than the scene's (see ``checkModelMatchesStudent(_:at:)``),
    /// and a ``SceneError`` naming it when it lacks an element of the scene's structure.
    public func shippedModel(_ cutoff: CutoffKind, _ activation: Activation, in folder: URL? = nil) throws -> StudentModel? {
        guard student != nil else { return nil }
        let url = modelFile(cutoff, activation, in: folder)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let model = try StudentModel.read(from: url)
        try checkStudentDescribes(structure, elements: model.design.symmetryFunctions.elements, model: url.path)
        try checkModelMatchesStudent(model, at: url)
        return model
    }

    /// The shipped student with `cutoff` and `activation` (metal units), or nil when the scene has no
    /// student or that model file has not been trained yet (`nnplab train NAME` makes it). The lab
    /// opens on smooth + tanh, so that is what exercises examine by default.
    public func shippedStudent(_ cutoff: CutoffKind = .smooth, _ activation: Activation = .tanh) throws -> BehlerParrinelloPotential? {
        try shippedModel(cutoff, activation)?.potential()
    }
}
