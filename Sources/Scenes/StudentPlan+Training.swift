import Descriptors
import Foundation
import NeuralNetworks
import Training

/// One of a scene's six student models: its cutoff kind and hidden activation.
public struct StudentVariant: Sendable, Hashable, CustomStringConvertible {
    public var cutoff: CutoffKind
    public var activation: Activation
    public init(_ cutoff: CutoffKind, _ activation: Activation) {
        self.cutoff = cutoff
        self.activation = activation
    }
    /// The two activations the lesson contrasts: ReLU (kinked) and tanh (smooth).
    public static let lessonActivations: [Activation] = [.relu, .tanh]
    /// step, kinked, smooth × ReLU, tanh: the models shipped beside every trainable scene.
    public static let all: [StudentVariant] = CutoffKind.allCases.flatMap { c in lessonActivations.map { StudentVariant(c, $0) } }
    /// "smooth-tanh".
    public var description: String { "\(cutoff.rawValue)-\(activation.rawValue)" }
}

extension StudentPlan {
    /// Samples the teacher once and trains `variants` concurrently; the models come back in the
    /// order of `variants`, each ready to write. Deterministic: the same scene file gives the same
    /// models bit for bit. `sampled(count)` is called once the data are labelled, `progress(k, report)`
    /// after every epoch of variant k.
    public func train(_ variants: [StudentVariant], sampled: @Sendable (Int) -> Void = { _ in },
                      progress: @escaping @Sendable (Int, EpochReport) -> Void = { _, _ in }) async throws -> [StudentModel] {
        let data = try sample()
        sampled(data.count)
        let designs = try variants.map { try design($0.cutoff, $0.activation) }
        let students = try await TrainedStudent.trainConcurrently(designs, on: data, progress: progress)
        return zip(variants, students).map { v, s in
            StudentModel(s, cutoff: v.cutoff, teacher: teacher.summary, sampling: sampling)
        }
    }
}
