/// The ranges a scene file's numbers must lie in. Each bound is wide enough for any physical scene
/// and small enough that the work it implies (atoms, neighbour pairs, steps) ends in reasonable time
/// and memory, so that a typo such as `dt = 1e-300` or `drift_time = 1e308` is one line naming the
/// key instead of a trap or an endless run.
public enum SceneLimits {
    /// Most atoms a scene may build: the lab integrates and draws interactively, which at 100 000
    /// atoms already takes seconds per step for a neural network potential.
    public static let maximumAtoms = 100_000
    /// Time steps in fs: below 0.01 fs nothing moves in a lesson's time; above 20 fs every potential here explodes.
    public static let timeStep = 0.01...20.0
    /// Temperatures in K: 0 to 100 000 K (beyond, atoms ionise and no potential here applies).
    public static let temperature = 0.0...100_000.0
    /// Lengths of simulated time in ps (equilibration stages, the drift table).
    public static let time = 1e-3...1000.0
    /// Most MD steps one stage or the drift table may take (time / dt).
    public static let maximumSteps = 10_000_000
    /// Langevin friction γ in 1/fs: 10/fs damps velocities within a tenth of a femtosecond.
    public static let friction = 1e-6...10.0
    /// Interaction cutoffs in Å: the number of neighbours grows as r_c³, and 30 Å already lists
    /// thousands of them per atom in a liquid.
    public static let cutoff = 0.1...30.0
    /// Lennard-Jones well depth ε in eV and σ in Å.
    public static let epsilon = 1e-6...10.0
    public static let sigma = 0.1...10.0
    /// Conventional cubic cell edge in Å (the smallest real ones are about 3 Å) and mass density in g/cm³ (osmium: 22.6).
    public static let latticeConstant = 1.0...100.0
    public static let density = 1e-3...100.0
    /// Symmetry-function widths η in Å⁻² and exponents ζ.
    public static let eta = 0.0...1000.0
    public static let zeta = 1.0...1000.0
    /// Training sizes: epochs, configurations, batch size, MD steps between samples.
    public static let maximumEpochs = 100_000
    public static let maximumConfigurations = 100_000
    public static let maximumSamplingSteps = 1_000_000
    /// Label noise (meV/atom, meV/Å), force weight, L2 weight, Adam's step size.
    public static let noise = 0.0...1e6
    public static let weight = 0.0...1e6
    public static let learningRate = 1e-9...1.0
    /// Zoom factor of the view.
    public static let zoom = 1e-3...1e3

    /// "in [lo, hi]" for messages.
    static func describe(_ range: ClosedRange<Double>) -> String { "in [\(format(range.lowerBound)), \(format(range.upperBound))]" }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e7 ? String(Int(x)) : "\(x)"
    }
}
