import Descriptors
import NeuralNetworks

/// One of a scene's models, named the way the lesson names them: a cutoff shape of the descriptors
/// (step, kinked, smooth) and a hidden activation of the networks (ReLU, tanh). The one value the
/// lab's keys, `drift`, `train`, the checks and the model files (`smooth-tanh.json`) share.
///
/// For a scene driven by a teacher (no network), the cutoff names the teacher's truncation and the
/// activation has no effect.
public struct ModelChoice: Sendable, Hashable, CustomStringConvertible {
    public var cutoff: CutoffKind
    public var activation: Activation

    public init(cutoff: CutoffKind, activation: Activation) {
        self.cutoff = cutoff
        self.activation = activation
    }

    /// The two activations the lesson contrasts: ReLU (kinked) and tanh (smooth).
    public static let lessonActivations: [Activation] = [.relu, .tanh]
    /// step, kinked, smooth × ReLU, tanh: the models shipped beside every trainable scene.
    public static let all: [ModelChoice] = CutoffKind.allCases.flatMap { c in
        lessonActivations.map { ModelChoice(cutoff: c, activation: $0) }
    }
    /// What the lab opens with, and the exercises examine by default.
    public static let smoothTanh = ModelChoice(cutoff: .smooth, activation: .tanh)

    /// "cutoff: smooth, activation: tanh", as the status line and messages say it.
    public var description: String { "cutoff: \(cutoff), activation: \(activation)" }
    /// "smooth-tanh": the model's file stem and short name.
    public var name: String { "\(cutoff.rawValue)-\(activation.rawValue)" }
}

extension Activation {
    /// The other of the lesson's two activations: the `a` key's toggle ReLU ↔ tanh.
    public var lessonToggled: Activation { self == .relu ? .tanh : .relu }
}
