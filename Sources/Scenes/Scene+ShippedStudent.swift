import Descriptors
import Foundation
import NeuralNetworks
import Potentials
import Training

extension Scene {
    /// The shipped student with `cutoff` and `activation` (metal units), or nil when the scene has no
    /// student or that model file has not been trained yet (`nnplab train NAME` makes it). The lab
    /// opens on smooth + tanh, so that is what exercises examine by default.
    public func shippedStudent(_ cutoff: CutoffKind = .smooth, _ activation: Activation = .tanh) throws -> BehlerParrinelloPotential? {
        guard student != nil else { return nil }
        let url = modelFile(cutoff, activation)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try StudentModel.read(from: url).potential()
    }
}
