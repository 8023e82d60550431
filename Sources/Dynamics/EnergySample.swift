import Geometry

/// One reading of a run's energies: the point a conservation plot draws and a log line records.
///
/// Units: time fs, energies eV, temperature K.
public struct EnergySample: Sendable, Hashable {
    /// The MD step it was taken at (0 where not known).
    public var step: Int
    /// Simulated time t in fs.
    public var time: Double
    /// Kinetic energy K = ½Σm_i v_i² in eV.
    public var kinetic: Double
    /// Potential energy U in eV.
    public var potential: Double
    /// Instantaneous temperature T = 2K / (N_f k_B) in K.
    public var temperature: Double

    public init(step: Int = 0, time: Double, kinetic: Double, potential: Double, temperature: Double) {
        self.step = step
        self.time = time
        self.kinetic = kinetic
        self.potential = potential
        self.temperature = temperature
    }

    /// The energies of `state` at its current time.
    public init(_ state: MDState) {
        self.init(step: state.step, time: state.time, kinetic: state.kineticEnergy, potential: state.potentialEnergy,
                  temperature: state.temperature)
    }

    /// Total energy E = K + U in eV, constant under exact Hamiltonian dynamics.
    public var total: Double { kinetic + potential }
}

extension EnergySample {
    /// The header of an energy log, the one CSV form `nnplab run --log` and the lab's `save log` write:
    /// step, time (fs), kinetic, potential and total energy (eV), temperature (K), and the setting in
    /// force (model, time step, thermostat), so that a switch shows in the rows.
    public static let csvHeader = "step,time_fs,kinetic_eV,potential_eV,total_eV,temperature_K,setting"

    /// This sample as a row under ``csvHeader``, numbers in full precision, `setting` quoted as CSV
    /// needs (it holds commas).
    public func csvRow(setting: String) -> String {
        "\(step),\(time),\(kinetic),\(potential),\(total),\(temperature),\"\(setting.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\""))\""
    }
}
