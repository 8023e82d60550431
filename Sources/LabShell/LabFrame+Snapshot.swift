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
        // In compare mode the atoms and the status are the followed model's.
        let shown = s.compared.map { $0[min(max(controls.followed, 0), $0.count - 1)] }
        let choice = shown?.choice ?? s.choice
        let system = shown?.system ?? s.system
        let status = StatusFields(
            // A scene driven by its teacher has no network: the status says so rather than name an activation.
            sceneName: s.sceneName, cutoff: choice.cutoff.rawValue,
            activation: s.activations.isEmpty ? "teacher" : choice.activation.rawValue,
            timeStep: s.settings.timeStep, temperature: shown?.temperature ?? s.temperature, time: s.time,
            stepsPerSecond: s.stepsPerSecond, isRunning: s.runState.isRunning,
            message: message.map { StatusMessage($0.text, severity: $0.isError ? .warning : .info) },
            speed: s.pace.description)
        self.init(atoms: AtomScene(elements: system.elements, positions: system.positions, cell: system.cell),
                  camera: controls.camera, energy: energy, status: status, panel: controls.panel,
                  commandLine: controls.isEditing ? CommandLineState(text: controls.editor.line, cursor: controls.editor.cursor) : nil)
        logarithmicDrift = controls.logarithmicDrift
        panelScroll = controls.panelScroll
        if shown == nil {
            (atoms.colors, atomLegend) = Self.colours(controls.colouring, of: s)
            atoms.flashing = s.recentCrossingAtoms(within: Self.flashWindow(s))
            if let picked = controls.pickedAtom, let report = s.atomReport(picked) {
                atoms.picked = picked
                atomReport = report.lines
                atomReportScroll = controls.atomReportScroll
            }
        } else if let picked = controls.pickedAtom, system.positions.indices.contains(picked) {
            // Compare mode has no report (the plots are the models'), but the pick stays marked.
            atoms.picked = picked
        }
        if controls.inspectorOpen, let i = s.inspection {
            inspector = InspectorPanel(modelName: i.modelName, cutoffRadius: i.cutoffRadius, cutoffValue: i.cutoffValue,
                                       cutoffDerivative: i.cutoffDerivative, dimerEnergy: i.dimerEnergy,
                                       dimerForce: i.dimerForce, activation: i.activation,
                                       activationDerivative: i.activationDerivative,
                                       pairHistogram: ModelInspection.pairHistogram(system, upTo: 1.2 * i.cutoffRadius))
        }
        lesson = controls.lesson.map {
            LessonPanel(title: $0.lesson.title, step: $0.step, stepCount: $0.lesson.steps.count,
                        narration: $0.lesson.steps[$0.step].narration, scroll: $0.scroll)
        }
        compare = s.compared.map { models in
            ComparePanel(entries: models.enumerated().map { i, model in
                ComparePanel.Entry(name: "\(model.choice.cutoff.rawValue)/\(model.choice.activation.rawValue)",
                                   color: model.choice.plotColor, value: model.rmsDeviationPerAtom, points: model.trace,
                                   failure: model.failure, isShown: i == min(max(controls.followed, 0), models.count - 1))
            })
        }
    }
}

extension LabFrame {
    /// How long (simulated fs) an atom flashes after its pair crossed r_c: about 0.1 s of wall-clock
    /// time at the rate the simulation runs (three frames at 30 frames/s), and at least three steps.
    static func flashWindow(_ s: Snapshot) -> Double {
        max(0.1 * s.stepsPerSecond, 3) * s.settings.timeStep
    }

    /// The atoms' colours and the legend line for `colouring` of the single model's state `s`
    /// (nil colours: by element).
    static func colours(_ colouring: AtomColouring, of s: Snapshot) -> ([TermColor]?, String?) {
        switch colouring {
        case .element: return (nil, nil)
        case .atomicEnergy:
            guard s.atomicEnergies.count == s.system.count else { return (nil, "colour: atomic energy (this model gives none)") }
            let ramp = AtomColouring.ramped(s.atomicEnergies, name: colouring.name, unit: "eV")
            return (ramp.colors, ramp.legend)
        case .force:
            guard s.forces.count == s.system.count else { return (nil, "colour: |F_i| (no forces yet)") }
            let ramp = AtomColouring.ramped(s.forces.map(\.length), name: colouring.name, unit: "eV/Å")
            return (ramp.colors, ramp.legend)
        case .extrapolation:
            let colors = (0..<s.system.count).map { s.extrapolatingAtoms.contains($0) ? TermColor.red : .gray }
            return (colors, "colour: extrapolation  red outside the training range (\(s.extrapolatingAtoms.count)), grey inside")
        }
    }
}

extension EnergyTrace {
    /// The plots' view of an energy history: its samples, its marks, its conservation segments (the
    /// very references the readout uses) and the RMS readout since the last mark.
    public init(history: EnergyHistory, atomCount: Int) {
        self.init(samples: history.samples.map { EnergyTrace.Sample(time: $0.time, kinetic: $0.kinetic, potential: $0.potential) },
                  marks: history.marks.map { PlotMark(time: $0.time, label: $0.label, setting: $0.setting) },
                  atomCount: atomCount, driftRMS: history.rmsDeviationPerAtom)
        segments = history.segmentStarts.map {
            EnergyTrace.Segment(startIndex: $0.ordinal - history.firstOrdinal, referenceTotal: $0.referenceTotal)
        }
        initialSetting = history.initialSetting
    }
}

extension ModelChoice {
    /// The model's colour in compare mode: warm for the step cutoff, magenta/yellow for kinked, cool
    /// for smooth; ReLU the stronger of each pair.
    public var plotColor: TermColor {
        switch (cutoff, activation) {
        case (.step, .relu): .red
        case (.step, _): .orange
        case (.kinked, .relu): .magenta
        case (.kinked, _): .yellow
        case (.smooth, .relu): .cyan
        case (.smooth, _): .green
        }
    }
}
