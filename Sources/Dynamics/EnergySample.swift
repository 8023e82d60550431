import Geometry

/// One reading of a run's energies: the point a conservation plot draws and a log line records.
///
/// Units: time fs, energies eV, temperature K.
public struct EnergySample: Sendable, Hashable {
    /// Simulated time t in fs.
    public var time: Double
    /// Kinetic energy K = ½Σm_i v_i² in eV.
    public var kinetic: Double
    /// Potential energy U in eV.
    public var potential: Double
    /// Instantaneous temperature T = 2K / (N_f k_B) in K.
    public var temperature: Double

    public init(time: Double, kinetic: Double, potential: Double, temperature: Double) {
        self.time = time
        self.kinetic = kinetic
        self.potential = potential
        self.temperature = temperature
    }

    /// The energies of `state` at its current time.
    public init(_ state: MDState) {
        self.init(time: state.time, kinetic: state.kineticEnergy, potential: state.potentialEnergy,
                  temperature: state.temperature)
    }

    /// Total energy E = K + U in eV, constant under exact Hamiltonian dynamics.
    public var total: Double { kinetic + potential }
}
