/// How the equations of motion are integrated: the one name for it that the command line, the
/// scene files and the lab share.
public enum Thermostat: Sendable, Hashable, CustomStringConvertible {
    /// Microcanonical: velocity Verlet, total energy conserved (the lesson's default).
    case nve
    /// Langevin dynamics (BAOAB) at a bath temperature, with friction γ in 1/fs.
    case langevin(friction: Double)

    public var description: String {
        switch self {
        case .nve: "NVE"
        case let .langevin(friction): "Langevin γ \(friction) fs⁻¹"
        }
    }

    /// The integrator: velocity Verlet, or BAOAB with the bath at `temperature` (K); Δt in fs.
    /// Throws ``DynamicsError/invalidParameter(_:_:)`` for a time step, temperature or friction out
    /// of range.
    public func integrator(timeStep: Double, temperature: Double) throws -> any Integrator {
        switch self {
        case .nve: try VelocityVerlet(timeStep: timeStep)
        case let .langevin(friction): try Langevin(timeStep: timeStep, temperature: temperature, friction: friction)
        }
    }
}
