import Descriptors
import Foundation
import NeuralNetworks
import Potentials

/// A trained student as a file (JSON): everything that rebuilds its ``BehlerParrinelloPotential`` bit for
/// bit — descriptors with their cutoff shape, input scaling, networks, energy scale σ (eV) and shift μ
/// (eV/atom) — and everything that made it: the teacher sampling plan, the design and fitting
/// settings, and the errors it reached (validation RMSEs in meV/atom and meV/Å, for people reading it).
///
/// Encoding is deterministic (sorted keys, shortest round-trip decimals), so retraining from the same
/// recipe writes the same bytes. The per-epoch history is left out to keep shipped files small.
public struct StudentModel: Sendable, Hashable, Codable {
    /// Identifies the format: ``StudentModel/currentFormat``.
    public var format: String
    /// The lesson's names for the model: cutoff kind and hidden activation.
    public var cutoff: CutoffKind
    public var activation: Activation
    /// The teacher's one-line summary (what labelled the data).
    public var teacher: String
    public var sampling: TeacherSampling
    public var design: StudentDesign
    /// Networks, scaling, σ, μ and the errors; ``TrainingOutcome/history`` is empty.
    public var outcome: TrainingOutcome
    /// Validation RMSEs: energy per atom in meV/atom, force components in meV/Å.
    public var validationEnergyRMSE: Double
    public var validationForceRMSE: Double

    public static let currentFormat = "nnplab-student-model-1"

    enum CodingKeys: String, CodingKey {
        case format, cutoff, activation, teacher, sampling, design, outcome
        case validationEnergyRMSE = "validation_rmse_energy_meV_per_atom"
        case validationForceRMSE = "validation_rmse_force_meV_per_A"
    }

    /// The file of a trained student. `cutoff` names the lesson's kind of the design's cutoff shape.
    public init(_ student: TrainedStudent, cutoff: CutoffKind, teacher: String, sampling: TeacherSampling) {
        format = Self.currentFormat
        self.cutoff = cutoff
        activation = student.design.activation
        self.teacher = teacher
        self.sampling = sampling
        design = student.design
        var outcome = student.outcome
        outcome.history = []
        self.outcome = outcome
        validationEnergyRMSE = outcome.validation.energyMeVPerAtom
        validationForceRMSE = outcome.validation.forceMeVPerAngstrom
    }

    /// The potential in metal units (Å, eV): ε_i = σ·N(G̃_i) + μ.
    public func potential() throws -> BehlerParrinelloPotential {
        try TrainedStudent.potential(design: design, outcome: outcome)
    }

    /// The file's bytes: pretty-printed JSON with sorted keys, ending in a newline.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Reads a model file. Throws ``StudentModelError`` with the path and what is wrong.
    public static func read(from url: URL) throws -> StudentModel {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw StudentModelError(path: url.path, message: "expected a readable model file, got no file")
        }
        let model: StudentModel
        do {
            model = try JSONDecoder().decode(StudentModel.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw StudentModelError(path: url.path, message: Self.describe(context))
        } catch let DecodingError.keyNotFound(key, context) {
            throw StudentModelError(path: url.path, message: "missing key '\(key.stringValue)' at \(Self.path(context.codingPath))")
        } catch let DecodingError.typeMismatch(type, context) {
            throw StudentModelError(path: url.path, message: "expected \(type) at \(Self.path(context.codingPath))")
        } catch let DecodingError.valueNotFound(type, context) {
            throw StudentModelError(path: url.path, message: "expected \(type) at \(Self.path(context.codingPath)), got null")
        } catch {
            throw StudentModelError(path: url.path, message: "\(error)")
        }
        guard model.format == currentFormat else {
            throw StudentModelError(path: url.path, message: "expected format '\(currentFormat)', got '\(model.format)'")
        }
        do {
            _ = try model.potential()
        } catch {
            throw StudentModelError(path: url.path, message: "inconsistent model: \(error)")
        }
        return model
    }

    /// Writes ``encoded()`` to `url`, creating its folder.
    public func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoded().write(to: url, options: .atomic)
    }

    /// The file name of a model in a scene's models folder: `<cutoff>-<activation>.json`.
    public static func fileName(cutoff: CutoffKind, activation: Activation) -> String {
        "\(cutoff.rawValue)-\(activation.rawValue).json"
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    private static func describe(_ context: DecodingError.Context) -> String {
        context.codingPath.isEmpty ? "expected JSON of a student model: \(context.debugDescription)"
            : "\(path(context.codingPath)): \(context.debugDescription)"
    }
}

/// A model file that cannot be used: its path and what is wrong, in one line.
public struct StudentModelError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(path: String, message: String) { self.path = path; self.message = message }
    public var description: String { "\(path): \(message)" }
}
