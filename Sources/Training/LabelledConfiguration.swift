import Geometry

/// One training example: a structure and the teacher's answers for it.
///
/// Units: energy eV (total, not per atom), forces eV/Å, one per atom in the system's order.
public struct LabelledConfiguration: Sendable, Equatable {
    public var system: AtomicSystem
    /// Teacher's total potential energy E in eV (noise included, if any was added).
    public var energy: Double
    /// Teacher's forces F_a in eV/Å (noise included, if any was added).
    public var forces: [Vector3]

    public init(system: AtomicSystem, energy: Double, forces: [Vector3]) {
        self.system = system
        self.energy = energy
        self.forces = forces
    }

    /// Number of atoms N.
    public var atomCount: Int { system.count }
}

/// Gaussian noise added to the teacher's labels: the primer's "ghost of noise", which a flexible
/// network can learn as if it were physics unless forces and regularisation hold it back.
public struct LabelNoise: Sendable, Hashable, Codable {
    /// σ_E: standard deviation of the noise on the energy per atom, in eV/atom (the total energy
    /// gets N·σ_E·ξ).
    public var energyPerAtom: Double
    /// σ_F: standard deviation of the noise on every force component, in eV/Å.
    public var force: Double

    public init(energyPerAtom: Double = 0, force: Double = 0) {
        self.energyPerAtom = energyPerAtom
        self.force = force
    }

    /// No noise.
    public static let none = LabelNoise()
    public var isNone: Bool { energyPerAtom == 0 && force == 0 }

    /// Adds noise to every label, drawing from one stream in configuration order (deterministic).
    public func apply(to data: [LabelledConfiguration], seed: UInt64) -> [LabelledConfiguration] {
        guard !isNone else { return data }
        var random = SeededGenerator(seed: seed)
        return data.map { c in
            var noisy = c
            noisy.energy += Double(c.atomCount) * energyPerAtom * random.normal()
            for a in noisy.forces.indices { noisy.forces[a] += force * random.normalVector() }
            return noisy
        }
    }
}
