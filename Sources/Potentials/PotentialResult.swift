import Geometry

/// The result of evaluating a potential on a system: the one typed answer every integrator, checker
/// and tool consumes (ASE's Calculator results, as a value).
///
/// The derivative part is one optional, ``derivatives``: nil exactly for an ``EvaluationRequest/energy``
/// request, and otherwise forces and virial together, so a result cannot carry forces without a virial.
/// Fields are constants: a result changes only as a whole (see ``scaled(energy:length:)``).
///
/// Units are the potential's (``Potential/units``): eV, eV/Å and eV for metal-unit potentials.
public struct PotentialResult: Sendable, Equatable {
    /// Total potential energy E.
    public let energy: Double
    /// Per-atom energies ε_i with Σε_i = E, one per atom (empty if the potential does not split its energy).
    public let atomicEnergies: [Double]
    /// Forces and virial, or nil for a result of an ``EvaluationRequest/energy`` request.
    public let derivatives: ForcesAndVirial?

    /// An energy-only result (an ``EvaluationRequest/energy`` request).
    public init(energy: Double, atomicEnergies: [Double]) {
        self.energy = energy
        self.atomicEnergies = atomicEnergies
        derivatives = nil
    }

    /// A result with forces and virial (an ``EvaluationRequest/energyAndForces`` request). Forces come
    /// one per atom, so where the energy is split they are as many as the per-atom energies.
    public init(energy: Double, atomicEnergies: [Double], forces: [Vector3], virial: Virial) {
        precondition(atomicEnergies.isEmpty || atomicEnergies.count == forces.count,
                     "\(forces.count) forces for \(atomicEnergies.count) atomic energies")
        self.energy = energy
        self.atomicEnergies = atomicEnergies
        derivatives = ForcesAndVirial(forces: forces, virial: virial)
    }

    /// Forces F_i = −∂E/∂r_i of a result evaluated with forces. Every potential gives them for an
    /// ``EvaluationRequest/energyAndForces`` request, so reading them from an energy-only result is a
    /// programming error, and traps.
    public var forces: [Vector3] { requestedDerivatives.forces }

    /// Virial W of a result evaluated with forces (see ``Virial``); traps for an energy-only result, as ``forces`` does.
    public var virial: Virial { requestedDerivatives.virial }

    private var requestedDerivatives: ForcesAndVirial {
        guard let derivatives else { preconditionFailure("forces or virial read from an energy-only PotentialResult") }
        return derivatives
    }

    /// This result in other units: energies, the virial and per-atom energies times `energy`, forces
    /// times `energy / length` (the factors taking the potential's units to the caller's).
    public func scaled(energy e: Double, length l: Double) -> PotentialResult {
        let atomic = atomicEnergies.map { $0 * e }
        guard let derivatives else { return PotentialResult(energy: energy * e, atomicEnergies: atomic) }
        return PotentialResult(energy: energy * e, atomicEnergies: atomic,
                               forces: derivatives.forces.map { $0 * (e / l) }, virial: derivatives.virial.scaled(by: e))
    }
}

/// The derivative part of a ``PotentialResult``: forces and virial, always together.
public struct ForcesAndVirial: Sendable, Equatable {
    /// Forces F_i = −∂E/∂r_i, one per atom (eV/Å in metal units).
    public let forces: [Vector3]
    /// Virial W = −∂E/∂ε (eV in metal units).
    public let virial: Virial
}

/// The virial tensor W = −∂E/∂ε_ab under the affine strain r ↦ (I + ε) r of cell and atoms, in energy
/// units (eV in metal units); the stress is σ = −W/V.
///
/// For forces acting at positions x_e (atoms and their periodic images), W_ab = Σ_e x_e,a F_e,b; for a
/// pair potential this is W = −Σ_pairs r_ij ⊗ F_ij with r_ij = r_j − r_i and F_ij the force on i due to
/// j, which depends on separations only and is therefore the same for every image chosen.
public struct Virial: Sendable, Equatable {
    /// Rows W_a = (W_ax, W_ay, W_az) for a = x, y, z.
    public let x: Vector3, y: Vector3, z: Vector3

    public init(rows x: Vector3, _ y: Vector3, _ z: Vector3) {
        self.x = x
        self.y = y
        self.z = z
    }

    public static let zero = Virial(rows: .zero, .zero, .zero)

    /// Row a (0, 1, 2 for x, y, z).
    public subscript(row: Int) -> Vector3 {
        switch row {
        case 0: x
        case 1: y
        case 2: z
        default: preconditionFailure("virial row \(row) (rows are 0, 1, 2)")
        }
    }

    /// W times `factor` (a change of energy unit).
    public func scaled(by factor: Double) -> Virial { Virial(rows: x * factor, y * factor, z * factor) }

    /// True when all nine components are finite.
    public var isFinite: Bool { [x, y, z].allSatisfy { $0.x.isFinite && $0.y.isFinite && $0.z.isFinite } }
}
