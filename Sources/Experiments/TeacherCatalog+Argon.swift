import Descriptors
import Dynamics
import Geometry
import Potentials

extension TeacherCatalog {
    /// The built-in fallback scene: argon driven by the Lennard-Jones teacher itself (ε 0.0104 eV,
    /// σ 3.40 Å, r_c 8.5 Å), `c` switching its truncation. An fcc lattice at the
    /// liquid's density 1.4 g/cm³ (a = 5.74 Å), rattled by 0.1 Å, with Maxwell-Boltzmann velocities at
    /// 120 K; NVE at dt 2 fs. It starts at smooth/tanh like the trained scenes (tanh has no effect).
    /// `repeats` cells along x, y, z (at least 2 each, so that r_c fits): 3×3×3 is 108 atoms, 6×6×7 1008.
    public static func argon(repeats: SIMD3<Int> = SIMD3(3, 3, 3)) throws -> TeacherCatalog {
        let crystal = try Lattice.fcc.crystal(of: LennardJones.argon, latticeConstant: 5.74,
                                              repeats: SIMD3(max(repeats.x, 2), max(repeats.y, 2), max(repeats.z, 2)))
        var system = crystal.rattled(sigma: 0.1, seed: 11)
        system.assignMaxwellBoltzmannVelocities(temperature: 120, seed: 1)
        let step = try LennardJones(truncation: .step)
        let kinked = try LennardJones(truncation: .kinked)
        let smooth = try LennardJones(truncation: .smooth)
        return TeacherCatalog(sceneName: "argon", initialSystem: system,
                              settings: RunSettings(timeStep: 2, temperature: 120),
                              modelsDescription: "the Lennard-Jones teacher (no network)") { kind in
            switch kind {
            case .step: step
            case .kinked: kinked
            case .smooth: smooth
            }
        }
    }
}

/// The scenes this module can build without scene files: just the Lennard-Jones argon teacher.
public struct BuiltInScenes: SceneSource {
    public init() {}
    public var sceneNames: [String] { ["argon"] }
    public func catalog(named name: String) throws -> any ModelCatalog {
        guard name == "argon" else { throw UnknownScene(name: name, known: sceneNames) }
        return try TeacherCatalog.argon()
    }
}

/// A scene name no source knows.
public struct UnknownScene: Error, Sendable, CustomStringConvertible {
    public var name: String
    public var known: [String]
    public var description: String { "no scene named '\(name)' (scenes: \(known.joined(separator: ", ")))" }
}
