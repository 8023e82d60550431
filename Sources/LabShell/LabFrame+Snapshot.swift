import Canvas
import Simulation

extension LabFrame {
    /// The frame for `snapshot` as seen through `controls`, with `message` (the newer of the shell's
    /// reply and the simulation's news) in the status line.
    public init(snapshot s: Snapshot, controls: ViewControls, message: LabMessage?) {
        let samples = s.history.samples.map {
            EnergyTrace.Sample(time: $0.time, kinetic: $0.kinetic, potential: $0.potential)
        }
        let energy = EnergyTrace(samples: samples, marks: s.history.marks.map { PlotMark(time: $0.time, label: $0.label) },
                                 atomCount: s.system.count, driftRMS: s.history.rmsDeviationPerAtom)
        let status = StatusFields(
            sceneName: s.sceneName, cutoff: s.choice.cutoff.rawValue, activation: s.choice.activation.rawValue,
            timeStep: s.settings.timeStep, temperature: s.temperature, time: s.time,
            stepsPerSecond: s.stepsPerSecond, isRunning: s.runState.isRunning,
            message: message.map { StatusMessage($0.text, severity: $0.isError ? .warning : .info) })
        self.init(atoms: AtomScene(elements: s.system.elements, positions: s.system.positions, cell: s.system.cell),
                  camera: controls.camera, energy: energy, status: status, panel: controls.panel,
                  commandLine: controls.isEditing ? CommandLineState(text: controls.editor.line, cursor: controls.editor.cursor) : nil)
    }
}
