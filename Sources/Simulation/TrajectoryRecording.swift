import Dynamics
import Geometry
import Potentials

/// One recorded frame: the atoms with the energy and forces at that moment (Å, Å/fs, eV, eV/Å).
public struct TrajectoryFrame: Sendable {
    public var step: Int
    /// Simulated time in fs.
    public var time: Double
    public var system: AtomicSystem
    public var energy: Double
    public var forces: [Vector3]
    /// The time step (fs) and the potential's summary in force when it was recorded.
    public var timeStep: Double = 0
    public var model: String = ""
}

/// The recent frames of a run, every ``stride`` steps, at most ``capacity`` of them (the oldest are
/// dropped): what `save trajectory FILE` writes.
public struct TrajectoryRecording: Sendable {
    public private(set) var frames: [TrajectoryFrame] = []
    /// Steps between recorded frames.
    public let stride: Int
    public let capacity: Int
    /// Frames recorded and then dropped to keep within ``capacity``: when not 0, ``frames`` is a
    /// window of the run, which a saved file says.
    public private(set) var droppedFrames = 0

    public init(stride: Int = 10, capacity: Int = 500) {
        self.stride = max(stride, 1)
        self.capacity = max(capacity, 1)
    }

    /// Records the frame if `step` falls on the stride. A second frame at the same step (the state
    /// changed between steps: a new model's energy and forces) replaces the first.
    public mutating func offer(step: Int, time: Double, system: AtomicSystem, energy: Double, forces: [Vector3],
                               timeStep: Double = 0, model: String = "") {
        guard step % stride == 0 else { return }
        let frame = TrajectoryFrame(step: step, time: time, system: system, energy: energy, forces: forces,
                                    timeStep: timeStep, model: model)
        if frames.last?.step == step {
            frames[frames.count - 1] = frame
            return
        }
        if frames.count >= capacity {
            frames.removeFirst(max(capacity / 4, 1))
            droppedFrames += max(capacity / 4, 1)
        }
        frames.append(frame)
    }

    /// Forgets every frame (after a reset or a load).
    public mutating func clear() {
        frames.removeAll(keepingCapacity: true)
        droppedFrames = 0
    }
}

/// Attached to a run, the recording offers every observed state.
extension TrajectoryRecording: MDObserver {
    public mutating func observe(_ state: MDState, in context: ObservationContext) throws {
        offer(step: state.step, time: state.time, system: state.system, energy: state.potentialEnergy,
              forces: state.result.forces, timeStep: context.timeStep, model: context.potential.summary)
    }
}
