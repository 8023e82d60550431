import Foundation
import Dynamics
import Geometry
import Potentials
import StructureFiles

/// A text file written as a run goes, buffered so that a sample per step costs no system call.
struct StreamingTextFile {
    let path: String
    private let handle: FileHandle
    private var buffer = ""

    /// Creates (or, with `overwrite`, truncates) the file at `path`; an existing file is refused
    /// otherwise, so a run never destroys earlier results by accident.
    init(path: String, overwrite: Bool) throws {
        self.path = path
        try OutputDestination(path: path, force: overwrite).checkWritable()
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw RunCommand.Failure.cannotWrite(path)
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 16)
    }

    mutating func write(_ text: String) throws {
        buffer += text
        if buffer.utf8.count >= 1 << 16 { try flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: Data(buffer.utf8)) } catch { throw RunCommand.Failure.cannotWrite(path) }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws {
        try flush()
        try? handle.close()
    }
}

/// The energy log: one CSV row per sample, in metal units, in the form the lab's `save log` writes too
/// (``Dynamics/EnergySample/csvHeader``); `setting` is the run's potential, time step and thermostat.
struct EnergyLog {
    private var file: StreamingTextFile
    let setting: String

    init(path: String, overwrite: Bool, setting: String) throws {
        file = try StreamingTextFile(path: path, overwrite: overwrite)
        self.setting = setting
        try file.write(EnergySample.csvHeader + "\n")
    }

    /// Appends the row of `sample`. Numbers are written in full precision.
    mutating func append(_ sample: EnergySample) throws {
        try file.write(sample.csvRow(setting: setting) + "\n")
    }

    mutating func close() throws { try file.close() }
}

extension EnergyLog: MDObserver {
    mutating func observe(_ state: MDState, in context: ObservationContext) throws {
        try append(EnergySample(state))
    }
}

/// The trajectory: extended XYZ frames (ASE convention) with positions wrapped into the cell,
/// velocities, forces and the potential energy.
struct TrajectoryFile {
    private var file: StreamingTextFile

    init(path: String, overwrite: Bool) throws {
        file = try StreamingTextFile(path: path, overwrite: overwrite)
    }

    mutating func append(_ state: MDState, timeStep: Double, model: String) throws {
        let frame = LabelledStructure.mdFrame(system: state.system, energy: state.potentialEnergy,
                                              forces: state.result.forces, step: state.step, time: state.time,
                                              timeStep: timeStep, model: model)
        try file.write(ExtendedXYZ.frame(frame))
    }

    mutating func close() throws { try file.close() }
}

extension TrajectoryFile: MDObserver {
    mutating func observe(_ state: MDState, in context: ObservationContext) throws {
        try append(state, timeStep: context.timeStep, model: context.potential.summary)
    }
}
