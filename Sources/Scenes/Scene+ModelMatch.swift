import Descriptors
import Foundation
import Geometry
import Training

extension Scene {
    /// Throws when `model` (read from `url`) was trained for another `[student]` section than the
    /// scene's current one: other symmetry functions (r_c, inner cutoff α, η, r_s, ζ, λ, form, elements) or other
    /// hidden layers. Such a model would silently evaluate descriptors the scene no longer describes,
    /// so the lab and the exercises refuse it and say how to retrain.
    func checkModelMatchesStudent(_ model: StudentModel, at url: URL) throws {
        guard let student else { return }
        let expected = student.symmetryFunctions(model.cutoff)
        let found = model.design.symmetryFunctions
        var difference: String?
        if found.elements != expected.elements {
            difference = "elements \(found.elements.map(\.symbol).joined(separator: " ")) in the model, "
                + "\(expected.elements.map(\.symbol).joined(separator: " ")) in the scene"
        } else if found.maximumCutoff != expected.maximumCutoff {
            difference = "cutoff \(found.maximumCutoff) Å in the model, \(expected.maximumCutoff) Å in the scene"
        } else if found.functions.map(\.count) != expected.functions.map(\.count) {
            difference = "\(found.functions.map(\.count).max() ?? 0) symmetry functions per element in the model, "
                + "\(expected.functions.map(\.count).max() ?? 0) in the scene"
        } else if found.innerFraction != expected.innerFraction {
            difference = "inner cutoff α \(found.innerFraction) in the model, \(expected.innerFraction) in the scene"
        } else if found != expected {
            difference = "the symmetry-function parameters (η, r_s, ζ, λ or form) differ"
        } else if model.design.hiddenLayers != student.hiddenLayers {
            difference = "hidden layers \(model.design.hiddenLayers) in the model, \(student.hiddenLayers) in the scene"
        }
        guard let difference else { return }
        // A library scene is named by its name; any other by its path, as `nnplab train` takes it.
        let inLibrary = file.deletingLastPathComponent().standardizedFileURL == SceneLibrary.directory.standardizedFileURL
        let argument = inLibrary ? name : file.path
        throw StudentModelError(path: url.path, message: "trained for another [student] section than \(file.lastPathComponent) now has "
            + "(\(difference)); run `nnplab train \(argument) --force` to retrain the models")
    }
}
