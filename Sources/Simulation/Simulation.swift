import Synchronization
import Experiments

/// The lab's simulation running in the background: an actor on the cooperative pool that steps a
/// ``SimulationEngine`` in chunks, drains an inbox of commands between chunks and publishes a
/// ``Snapshot`` into a latest-value mailbox after each chunk.
///
/// The UI never awaits the actor: it posts commands with ``send(_:)`` and copies ``latest()`` once
/// per frame (a `Task { await ... }` from a main loop that never suspends would never run, and
/// awaiting the actor each frame stalls the UI for as long as a chunk lasts).
public actor Simulation {
    private var engine: SimulationEngine
    private var meter = StepRateMeter()
    private var generation = 0
    private let mailbox: Mailbox<Snapshot>
    private let inbox = Mailbox<[SimulationCommand]>([])
    private let stopRequested = Atomic<Bool>(false)
    /// Commands sent so far (by ``send(_:)``) and carried out so far (by ``run()``).
    private let sentCommands = Atomic<Int>(0)
    private var appliedCommands = 0
    /// Wall-clock length of one chunk of steps: short enough that commands act within a frame.
    private let chunkDuration: Duration

    public init(engine: SimulationEngine, chunkDuration: Duration = .milliseconds(4)) {
        self.engine = engine
        self.chunkDuration = chunkDuration
        mailbox = Mailbox(engine.snapshot())
    }

    /// The latest published snapshot (a copy; never waits for a chunk to finish).
    public nonisolated func latest() -> Snapshot { mailbox.load() }

    /// Queues a command; it is carried out before the next chunk of steps. Returns its sequence
    /// number: once a snapshot's ``Snapshot/appliedCommands`` reaches it, the snapshot shows its effect.
    @discardableResult
    public nonisolated func send(_ command: SimulationCommand) -> Int {
        inbox.modify { queue in
            queue.append(command)
            return sentCommands.add(1, ordering: .relaxed).newValue
        }
    }

    /// Makes ``run()`` return after its current chunk.
    public nonisolated func stop() { stopRequested.store(true, ordering: .relaxed) }

    /// Steps until ``stop()``: drain commands, step one chunk if running, publish. While paused it
    /// sleeps a few milliseconds between looks at the inbox instead of spinning.
    public func run() async {
        let clock = ContinuousClock()
        let origin = clock.now
        var stepsPerChunk = 1
        var pacer = PaceLimiter()
        // End of the last chunk while running: steps/s counts wall time between chunks, so that a
        // paced simulation shows the steps it really takes per second.
        var lastChunkEnd: ContinuousClock.Instant?
        while !stopRequested.load(ordering: .relaxed) {
            let commands: [SimulationCommand] = inbox.drain()
            for command in commands { engine.apply(command) }
            appliedCommands += commands.count
            // Show a command's effect at once rather than after the next chunk.
            if !commands.isEmpty { publish() }
            guard engine.runState == .running else {
                pacer.restart()
                lastChunkEnd = nil
                if generation == 0 { publish() }
                try? await Task.sleep(for: .milliseconds(4))
                continue
            }
            let start = clock.now
            let allowed = pacer.allowance(now: (start - origin) / .seconds(1), pace: engine.pace,
                                          timeStep: engine.settings.timeStep)
            guard allowed > 0 else {
                // Ahead of the pace: wait a chunk's length, looking at the inbox in between.
                try? await Task.sleep(for: chunkDuration)
                continue
            }
            let taken = engine.stepWhileRunning(maxSteps: min(stepsPerChunk, allowed))
            pacer.spend(steps: taken, timeStep: engine.settings.timeStep)
            let end = clock.now
            meter.record(steps: taken, duration: end - (lastChunkEnd ?? start))
            lastChunkEnd = end
            // Compare mode's chunk steps every model in parallel and waits for the last: a longer one
            // spreads that wait and the publishing between chunks (while a core idles) over more steps.
            let target = engine.compare == nil ? chunkDuration : chunkDuration * 4
            stepsPerChunk = Self.nextChunkSize(current: stepsPerChunk, taken: taken, elapsed: end - start,
                                               target: target)
            publish()
            await Task.yield()
        }
        publish()
    }

    private func publish() {
        generation += 1
        var snapshot = engine.snapshot(stepsPerSecond: meter.stepsPerSecond, generation: generation)
        snapshot.appliedCommands = appliedCommands
        mailbox.store(snapshot)
    }

    /// Steps for the next chunk so that it lasts about `target`: grows or shrinks by at most 2×.
    static func nextChunkSize(current: Int, taken: Int, elapsed: Duration, target: Duration) -> Int {
        guard taken == current, elapsed > .zero else { return current }
        let ratio = target / elapsed
        return max(1, min(current * 2, max(current / 2, Int((Double(current) * ratio).rounded()))))
    }
}
