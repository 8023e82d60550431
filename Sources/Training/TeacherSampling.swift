import Geometry
import Potentials
import Dynamics

/// How training configurations are drawn from a teacher potential: Langevin MD at several
/// temperatures, with a fraction of the samples rattled and strained to reach beyond the
/// thermostat's typical states, and optional noise on the labels.
///
/// Units: K, fs, 1/fs, Å; strain is a dimensionless fraction. The same plan and seed give the same
/// configurations and labels bit for bit (each temperature runs its own seeded chain; the chains
/// run in parallel but never share state).
public struct TeacherSampling: Sendable, Hashable, Codable {
    /// Langevin bath temperatures T in K; configurations are shared evenly among them.
    public var temperatures: [Double]
    /// Total number of labelled configurations.
    public var configurations: Int
    /// Time step of the teacher MD in fs.
    public var timeStep: Double
    /// Langevin friction γ in 1/fs.
    public var friction: Double
    /// Steps run at each temperature before the first sample.
    public var equilibrationSteps: Int
    /// Steps between two samples (decorrelation).
    public var stepsBetweenSamples: Int
    /// Standard deviation (Å) of the Gaussian displacement of every atom in perturbed samples.
    public var rattle: Double
    /// Largest |ε_ab| of the random symmetric strain applied to the cell of perturbed samples.
    public var strain: Double
    /// Fraction of samples that are rattled and strained (the MD chain itself is left untouched).
    public var perturbedFraction: Double
    /// Noise added to the labels.
    public var noise: LabelNoise
    public var seed: UInt64

    /// The values the initialiser takes when a setting is left out (scene files share them).
    public enum Defaults {
        public static let timeStep = 2.0, friction = 0.02
        public static let equilibrationSteps = 500, stepsBetweenSamples = 40
        public static let perturbedFraction = 0.25
    }

    public init(temperatures: [Double], configurations: Int, timeStep: Double = Defaults.timeStep,
                friction: Double = Defaults.friction, equilibrationSteps: Int = Defaults.equilibrationSteps,
                stepsBetweenSamples: Int = Defaults.stepsBetweenSamples, rattle: Double = 0, strain: Double = 0,
                perturbedFraction: Double = Defaults.perturbedFraction, noise: LabelNoise = .none, seed: UInt64) {
        self.temperatures = temperatures
        self.configurations = configurations
        self.timeStep = timeStep
        self.friction = friction
        self.equilibrationSteps = equilibrationSteps
        self.stepsBetweenSamples = stepsBetweenSamples
        self.rattle = rattle
        self.strain = strain
        self.perturbedFraction = perturbedFraction
        self.noise = noise
        self.seed = seed
    }

    /// How many configurations the chain at temperature index `t` contributes.
    func count(forTemperatureAt t: Int) -> Int {
        let n = temperatures.count
        return configurations / n + (t < configurations % n ? 1 : 0)
    }

    /// Samples and labels the configurations, starting every chain from `start`.
    /// Throws when the teacher cannot describe `start`'s elements or the plan is empty.
    public func sample(teacher: any Potential, start: AtomicSystem) throws -> [LabelledConfiguration] {
        guard !temperatures.isEmpty, configurations > 0, temperatures.allSatisfy({ $0 >= 0 }) else {
            throw TrainingError.invalidPlan("sampling needs at least one non-negative temperature and one configuration")
        }
        try teacher.validate(start)
        let chains = parallelMap(temperatures.count) { t in runChain(temperatureIndex: t, teacher: teacher, start: start) }
        let clean = chains.flatMap { $0 }
        return noise.apply(to: clean, seed: seed &+ 0x6E6F_6973_65)
    }

    /// One Langevin chain at `temperatures[t]`, seeded from (seed, t).
    private func runChain(temperatureIndex t: Int, teacher: any Potential, start: AtomicSystem) -> [LabelledConfiguration] {
        let temperature = temperatures[t]
        let chainSeed = seed &+ UInt64(t) &* 0x9E37_79B9_7F4A_7C15
        var system = start
        system.assignMaxwellBoltzmannVelocities(temperature: temperature, seed: chainSeed)
        // validate() succeeded above and the plan's numbers were checked, so the run cannot fail to start.
        guard let langevin = try? Langevin(timeStep: timeStep, temperature: max(temperature, 1e-9), friction: friction),
              var dynamics = try? MolecularDynamics(system: system, potential: teacher, integrator: langevin,
                                                    seed: chainSeed &+ 1) else { return [] }
        var perturbation = SeededGenerator(seed: chainSeed &+ 2)
        // Langevin at a sampling temperature does not blow up for a sound teacher; if it did, the
        // chain ends with the configurations it has.
        guard (try? dynamics.run(steps: equilibrationSteps)) != nil else { return [] }
        var out: [LabelledConfiguration] = []
        let count = count(forTemperatureAt: t)
        let perturbEvery = perturbedFraction > 0 && (rattle > 0 || strain > 0) ? max(1, Int((1 / perturbedFraction).rounded())) : 0
        for k in 0..<count {
            guard (try? dynamics.run(steps: stepsBetweenSamples)) != nil else { break }
            let state = dynamics.state
            if perturbEvery > 0 && k % perturbEvery == perturbEvery - 1 {
                let perturbed = perturb(state.system, random: &perturbation)
                let result = teacher.evaluateAlone(perturbed)
                out.append(LabelledConfiguration(system: perturbed, energy: result.energy, forces: result.forces))
            } else {
                out.append(LabelledConfiguration(system: state.system, energy: state.result.energy, forces: state.result.forces))
            }
        }
        return out
    }

    /// A rattled and strained copy: r ↦ (I + ε)r + rattle·ξ, cell ↦ (I + ε)cell, ε symmetric with
    /// entries uniform in ±strain.
    private func perturb(_ system: AtomicSystem, random: inout SeededGenerator) -> AtomicSystem {
        var copy = system
        if strain > 0, let cell = system.cell {
            func u() -> Double { strain * (2 * random.uniform() - 1) }
            let (xx, yy, zz, xy, xz, yz) = (u(), u(), u(), u(), u(), u())
            let epsilon = (Vector3(xx, xy, xz), Vector3(xy, yy, yz), Vector3(xz, yz, zz))
            if let strained = cell.strained(epsilon) {
                copy.cell = strained
                copy.positions = copy.positions.map { r in
                    r + Vector3(epsilon.0.dot(r), epsilon.1.dot(r), epsilon.2.dot(r))
                }
            }
        }
        if rattle > 0 {
            for a in copy.positions.indices { copy.positions[a] += rattle * random.normalVector() }
        }
        return copy
    }
}

extension Potential {
    /// Energy and forces of `system` with a freshly built neighbour list (for one-off labels).
    func evaluateAlone(_ system: AtomicSystem) -> PotentialResult {
        let list = NeighborList(system: system, cutoff: cutoff, skin: 0, kind: neighborListKind)
        return evaluate(system, neighbors: list, request: .energyAndForces)
    }
}

/// Training that cannot start: an empty plan, data that does not fit the model.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    case invalidPlan(String)
    case invalidData(String)
    public var description: String {
        switch self {
        case let .invalidPlan(s): "invalid training plan: \(s)"
        case let .invalidData(s): "invalid training data: \(s)"
        }
    }
}
