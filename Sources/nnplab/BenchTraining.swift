import Foundation
import Scenes
import Training

extension Benchmark {
    /// `nnplab train argon` from scratch: sampling the teacher, descriptors, and all six models
    /// (step/kinked/smooth × ReLU/tanh) trained concurrently, as the command does it.
    ///
    /// Wall time, unlike the other benchmarks: the point is how long a user waits, with every core
    /// busy. On a shared machine it counts other processes' time too (the summary line says how
    /// much CPU time the process itself used).
    static let trainingArgon = Benchmark(
        name: "train-argon", summary: "nnplab train argon: sample the LJ teacher, train all six students concurrently (wall time)",
        unit: "s", target: 60, targetSource: "issue 4: six argon models within 60 s on 2 cores",
        measure: { quick in
            var scene = try SceneLibrary.load("argon")
            if quick, let epochs = scene.student?.settings.epochs { scene.student = scene.student?.withEpochs(max(1, epochs / 10)) }
            let plan = try scene.studentPlan()
            let start = Date(), cpu = processCPUSeconds()
            let models = try runBlocking { try await plan.train(ModelChoice.all) }
            let wall = Date().timeIntervalSince(start)
            let errors = models.map { "\($0.cutoff)-\($0.activation) " + String(format: "%.2f", $0.validationEnergyRMSE) }
            print(String(format: "    %.1f s CPU for %d models%@; validation meV/atom: %@", processCPUSeconds() - cpu, models.count,
                         quick ? " (quick: a tenth of the epochs)" : "", errors.joined(separator: ", ")))
            return wall
        })
}

/// CPU time used by the whole process (every thread), in seconds.
func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Runs `body` on the concurrency pool and waits for it (for synchronous callers such as a benchmark).
func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        box.result = await Result(catching: body)
        done.signal()
    }
    done.wait()
    // The task signals only after storing its result.
    return try box.result!.get()
}

/// Holds the result of ``runBlocking(_:)`` across the semaphore (written once, read after the signal).
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
