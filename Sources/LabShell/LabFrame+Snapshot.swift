import Canvas
import Simulation
import Descriptors
import Dynamics
import Experiments
import Geometry
import NeuralNetworks
import Scenes

extension LabFrame {
    /// The frame for `snapshot` as seen through `controls`, with `message` (the newer of the shell's
    /// reply and the simulation's news) in the status line.
    public init(snapshot s: Snapshot, controls: ViewControls, message: LabMessage?) {
        let energy = EnergyTrace(history: s.history, atomCount: s.system.count)
        let status = StatusFields(
            sceneName: s.sceneName, cutoff: s.choice.cutoff.rawValue, activation: s.choice.activation.rawValue,
            timeStep: s.settings.timeStep, temperature: s.temperature, time: s.time,
            stepsPerSecond: s.stepsPerSecond, isRunning: s.runState.isRunning,
            message: message.map { StatusMessage($0.text, severity: $0.isError ? .warning : .info) },
            speed: s.pace.description)
        self.init(atoms: AtomScene(elements: s.system.elements, positions: s.system.positions, cell: s.system.cell),
                  camera: controls.camera, energy: energy, status: status, panel: controls.panel,
                  commandLine: controls.isEditing ? CommandLineState(text: controls.editor.line, cursor: controls.editor.cursor) : nil)
    }
}

extension EnergyTrace {
    /// The plots' view of an energy history: its samples, its marks and the RMS readout since the last mark.
    public init(history: EnergyHistory, atomCount: Int) {
        self.init(samples: history.samples.map { EnergyTrace.Sample(time: $0.time, kinetic: $0.kinetic, potential: $0.potential) },
                  marks: history.marks.map { PlotMark(time: $0.time, label: $0.label) },
                  atomCount: atomCount, driftRMS: history.rmsDeviationPerAtom)
    }
}
