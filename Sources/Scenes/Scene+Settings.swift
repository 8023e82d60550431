import Dynamics

/// The scene's molecular dynamics: integrator settings and the initial state's preparation.
public struct MDSettings: Sendable, Equatable {
    /// Time step Δt in fs.
    public var timeStep: Double
    /// Target temperature in K: initial Maxwell-Boltzmann velocities and the Langevin bath.
    public var temperature: Double
    /// NVE, or Langevin with its friction.
    public var thermostat: Thermostat
    /// Friction γ in 1/fs of the teacher's Langevin equilibration stages (and of a Langevin thermostat).
    public var friction: Double
    /// Seed for initial velocities and the thermostat's noise.
    public var seed: UInt64
    /// Teacher Langevin runs before t = 0, in order (e.g. melt a lattice hot, then settle at ``temperature``).
    public var equilibration: [EquilibrationStage]
    /// Length of a `drift` run in ps.
    public var driftTime: Double
    /// Steps between two evaluations of the teacher along a drift run's trajectory (`teacher rms`):
    /// 1 for a cheap teacher; more for a slow one (water's n2p2 model costs more than its students).
    public var teacherInterval = 1

    /// The `thermostat` key's values: `nve` (velocity Verlet, constant energy: what the conservation
    /// lesson watches) or `langevin` (BAOAB at ``MDSettings/temperature`` with the `friction` key).
    enum ThermostatKey: String, CaseIterable {
        case nve, langevin
    }

    /// One Langevin run with the teacher: `temperature` K for `time` ps.
    public struct EquilibrationStage: Sendable, Equatable {
        public var temperature: Double
        public var time: Double
        public init(temperature: Double, time: Double) { self.temperature = temperature; self.time = time }
    }

    public init(timeStep: Double, temperature: Double, thermostat: Thermostat = .nve, friction: Double = 0.01,
                seed: UInt64 = 1, equilibration: [EquilibrationStage] = [], driftTime: Double = 10) {
        self.timeStep = timeStep
        self.temperature = temperature
        self.thermostat = thermostat
        self.friction = friction
        self.seed = seed
        self.equilibration = equilibration
        self.driftTime = driftTime
    }
}

/// How the lab first shows the scene.
public struct ViewHints: Sendable, Equatable {
    /// Rotation about the vertical axis and tilt, in degrees.
    public var yaw: Double
    public var pitch: Double
    /// Magnification: 1 fits the cell to the view.
    public var zoom: Double

    public init(yaw: Double = 30, pitch: Double = 20, zoom: Double = 1) {
        self.yaw = yaw
        self.pitch = pitch
        self.zoom = zoom
    }
}
