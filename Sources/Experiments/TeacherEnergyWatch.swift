import Dynamics
import Geometry
import Potentials

/// Watches a model's trajectory through the teacher's eyes: at each observation, the teacher's
/// potential energy plus the kinetic energy, in a ``Dynamics/ConservationMonitor``.
///
/// Its RMS deviation separates model error from integration error: a model can conserve its own
/// energy perfectly along a trajectory the teacher finds unphysical.
public struct TeacherEnergyWatch: MDObserver {
    /// Conservation of E_teacher = U_teacher + K along the run (eV, meV/atom in the report).
    public private(set) var monitor: ConservationMonitor
    private var evaluator: ForceEvaluator

    /// A watch of `teacher` over runs of `system`'s atoms; throws when the teacher cannot describe them.
    public init(teacher: any Potential, system: AtomicSystem) throws {
        evaluator = try ForceEvaluator(potential: teacher, system: system)
        monitor = ConservationMonitor(atomCount: system.count)
    }

    public mutating func observe(_ state: MDState, in context: ObservationContext) throws {
        let u = evaluator.evaluate(state.system, request: .energy).energy
        monitor.record(EnergySample(time: state.time, kinetic: state.kineticEnergy, potential: u,
                                    temperature: state.temperature))
    }
}
