import ArgumentParser
import Scenes

/// Range checks of command-line numbers, one line each: `--dt: expected a time step in fs in
/// [0.001, 100], got 1e-300`. Every number is checked where it enters, before any work, so that no
/// later `Int(x)` or count arithmetic sees a value it cannot hold. The bounds follow the scene
/// files' (``SceneLimits``) where the quantity is the same.
enum OptionRange {
    /// Time steps of `nnplab run`, fs: wider than a scene's, since exploding a run on purpose is a lesson.
    static let runTimeStep = 0.001...100.0
    /// Most MD steps one command may be asked for.
    static let maximumSteps = 100_000_000
    /// Seconds `view --duration` may last (a week).
    static let duration = 1e-3...604_800.0
    /// Largest count of training configurations or epochs an option may ask for.
    static let maximumTrainingCount = 100_000

    static func check(_ option: String, _ value: Double?, _ range: ClosedRange<Double>, _ what: String) throws {
        guard let value else { return }
        guard value.isFinite, range.contains(value) else {
            throw ValidationError("--\(option): expected \(what) in [\(format(range.lowerBound)), \(format(range.upperBound))], got \(value)")
        }
    }

    static func check(_ option: String, _ value: Int?, _ range: ClosedRange<Int>, _ what: String) throws {
        guard let value else { return }
        guard range.contains(value) else {
            throw ValidationError("--\(option): expected \(what) in [\(range.lowerBound), \(range.upperBound)], got \(value)")
        }
    }

    private static func format(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : "\(x)" }
}

extension PotentialChoice {
    /// The Lennard-Jones parameters within the scene files' bounds (a cutoff of 1e308 Å would ask
    /// for every periodic image in the universe).
    func validate() throws {
        try OptionRange.check("epsilon", epsilon, SceneLimits.epsilon, "a well depth in eV")
        try OptionRange.check("sigma", sigma, SceneLimits.sigma, "σ in Å")
        try OptionRange.check("rc", rc, SceneLimits.cutoff, "a cutoff in Å")
    }
}

extension RunCommand {
    func validate() throws {
        try OptionRange.check("dt", dt, OptionRange.runTimeStep, "a time step in fs")
        try OptionRange.check("steps", steps, 0...OptionRange.maximumSteps, "a number of steps")
        try OptionRange.check("every", every, 1...OptionRange.maximumSteps, "a sampling interval in steps")
        try OptionRange.check("temperature", temperature, SceneLimits.temperature, "a temperature in K")
        try OptionRange.check("friction", friction, SceneLimits.friction, "a friction in 1/fs")
    }
}

extension CheckForcesCommand {
    func validate() throws {
        try OptionRange.check("step", step, 1e-8...0.1, "a finite-difference step in the potential's length unit")
        try OptionRange.check("atoms", atoms, 1...1_000_000, "a number of atoms")
    }
}

extension TrainCommand {
    func validate() throws {
        try OptionRange.check("epochs", epochs, 1...OptionRange.maximumTrainingCount, "a number of epochs")
        if let noise {
            let (e, f) = try Self.noise(noise)
            try OptionRange.check("noise", e, SceneLimits.noise, "σ_E in meV/atom")
            try OptionRange.check("noise", f, SceneLimits.noise, "σ_F in meV/Å")
        }
    }
}

extension ServeCommand {
    func validate() throws {
        try OptionRange.check("port", port, 1...65_535, "a TCP port")
        try OptionRange.check("timeout", timeout, 0...3600, "a number of seconds")
    }
}
