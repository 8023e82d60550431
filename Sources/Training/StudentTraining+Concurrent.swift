import Descriptors

extension TrainedStudent {
    /// Trains every design on the same labelled data, the models concurrently (a task group), and
    /// returns them in the order of `designs`.
    ///
    /// Descriptors are computed once per distinct symmetry-function set (designs differing only in
    /// activation share them). Each model's training touches only its own state and sums its batch
    /// gradients in a fixed order, so the result is bit for bit the same as training the designs one
    /// after another, on any number of cores. `progress(k, report)` is called after every epoch of
    /// model k, from whichever thread trained it.
    public static func trainConcurrently(_ designs: [StudentDesign], on data: [LabelledConfiguration],
                                         progress: @escaping @Sendable (Int, EpochReport) -> Void = { _, _ in })
        async throws -> [TrainedStudent] {
        var sets: [SymmetryFunctionSet] = []
        for d in designs where !sets.contains(d.symmetryFunctions) { sets.append(d.symmetryFunctions) }
        let described = try await withThrowingTaskGroup(of: (Int, [TrainingExample]).self) { group in
            for (k, set) in sets.enumerated() { group.addTask { (k, try describe(data, with: set)) } }
            var examples = [[TrainingExample]](repeating: [], count: sets.count)
            for try await (k, e) in group { examples[k] = e }
            return examples
        }
        return try await withThrowingTaskGroup(of: (Int, TrainedStudent).self) { group in
            for (k, design) in designs.enumerated() {
                // Every design's set is in `sets` by construction.
                let examples = described[sets.firstIndex(of: design.symmetryFunctions) ?? 0]
                group.addTask { (k, try TrainedStudent(design: design, examples: examples) { progress(k, $0) }) }
            }
            var students = [TrainedStudent?](repeating: nil, count: designs.count)
            for try await (k, s) in group { students[k] = s }
            return students.compactMap { $0 }
        }
    }
}
