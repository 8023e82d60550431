import Descriptors
import Foundation
import NeuralNetworks
import Training
import Potentials

extension StudentPlan {
    /// Samples the teacher once and trains `variants` concurrently; the models come back in the
    /// order of `variants`, each ready to write. Deterministic: the same scene file gives the same
    /// models bit for bit. `sampled(count)` is called once the data are labelled, `progress(k, report)`
    /// after every epoch of variant k.
    public func train(_ variants: [ModelChoice], sampled: @Sendable (Int) -> Void = { _ in },
                      progress: @escaping @Sendable (Int, EpochReport) -> Void = { _, _ in }) async throws -> [StudentModel] {
        let data = try sample()
        sampled(data.count)
        let designs = try variants.map { try design($0.cutoff, $0.activation) }
        let students = try await TrainedStudent.trainConcurrently(designs, on: data, progress: progress)
        return zip(variants, students).map { v, s in
            StudentModel(s, cutoff: v.cutoff, teacher: teacher.summary, sampling: student.sampling)
        }
    }
}
