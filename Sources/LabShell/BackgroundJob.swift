import Foundation
import Synchronization

/// A ``ShellJob`` running on a thread of its own, so that the view keeps drawing and the simulation
/// keeps stepping while an exercise trains its networks. The view looks at ``progress`` and
/// ``result`` once per frame; neither side ever waits for the other.
public final class BackgroundJob: Sendable {
    public let title: String
    private let state = Mutex<(progress: String?, result: ShellReply?)>((nil, nil))

    /// Starts `job` at once on a new thread.
    public init(_ job: ShellJob) {
        title = job.title
        let thread = Thread {
            let reply = job.run { note in self.state.withLock { $0.progress = note } }.finished()
            self.state.withLock { $0.result = reply }
        }
        // Training and MD keep little on the stack, but the default secondary-thread stack is small.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The job's latest stage note, if it has given one.
    public var progress: String? { state.withLock { $0.progress } }
    /// The complete reply once the job has finished, else nil.
    public var result: ShellReply? { state.withLock { $0.result } }
}
