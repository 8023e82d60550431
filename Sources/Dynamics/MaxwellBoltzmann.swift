import Geometry

extension AtomicSystem {
    /// Draws velocities from the Maxwell-Boltzmann distribution at `temperature` (K) with the given
    /// seed, removes the total momentum, and rescales so the instantaneous temperature is exactly
    /// `temperature` (as LAMMPS `velocity create` does). Velocities in Å/fs.
    public mutating func assignMaxwellBoltzmannVelocities(temperature: Double, seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let kT = MetalUnits.boltzmann * temperature * MetalUnits.accelerationPerForceOverMass
        for i in 0..<count { velocities[i] = (kT / masses[i]).squareRoot() * random.normalVector() }
        removeTotalMomentum()
        let now = self.temperature
        if now > 0 {
            let scale = (temperature / now).squareRoot()
            for i in 0..<count { velocities[i] *= scale }
        }
    }

    /// Subtracts the centre-of-mass velocity so that Σ m_i v_i = 0.
    public mutating func removeTotalMomentum() {
        let totalMass = masses.reduce(0, +)
        guard totalMass > 0 else { return }
        let drift = momentum / totalMass
        for i in 0..<count { velocities[i] -= drift }
    }
}
