import Geometry
import NeuralNetworks

/// The primer's deliberately wrong model: a network fed the raw Cartesian coordinates of a small
/// molecule, flattened in label order, E = s·N((r_1 − c)/ℓ, …, (r_n − c)/ℓ) with c the centroid.
///
/// Subtracting the centroid makes it translation invariant (so the net force is exactly zero), but
/// nothing in its inputs knows that space has no preferred direction or that like atoms are
/// interchangeable: rotating the molecule or swapping two labels changes the energy, and a
/// perfectly symmetric molecule feels forces that break its symmetry and a net torque.
/// Units: positions Å, ℓ Å, s and E eV, forces eV/Å.
public struct CartesianModel: Sendable {
    public let network: FeedForwardNetwork
    /// Number of atoms n the network reads (3n inputs).
    public let atomCount: Int
    /// ℓ in Å: coordinates are divided by it so that inputs are of order one.
    public let lengthScale: Double
    /// s in eV.
    public let energyScale: Double

    /// A network 3n-16-16-1 with tanh and seeded random weights (nothing to fit: its faults come from
    /// its inputs, not its weights).
    public init(atomCount: Int, lengthScale: Double, energyScale: Double = 1, seed: UInt64) throws {
        network = try FeedForwardNetwork(layerSizes: [3 * atomCount, 16, 16, 1], hidden: .tanh, seed: seed)
        self.atomCount = atomCount
        self.lengthScale = lengthScale
        self.energyScale = energyScale
    }

    /// E (eV) and F_a = −∂E/∂r_a (eV/Å) of `positions` (exactly ``atomCount`` of them).
    /// With x_a = (r_a − c)/ℓ and g_a = ∂N/∂x_a: F_a = −(s/ℓ)(g_a − (1/n)Σ_b g_b).
    public func energyAndForces(_ positions: [Vector3]) -> (energy: Double, forces: [Vector3]) {
        precondition(positions.count == atomCount, "the Cartesian model reads exactly \(atomCount) atoms")
        let n = Double(atomCount)
        let centroid = positions.reduce(Vector3.zero, +) / n
        let input = positions.flatMap { r -> [Double] in
            let x = (r - centroid) / lengthScale
            return [x.x, x.y, x.z]
        }
        let (value, gradient) = network.valueAndInputGradient(input)
        let g = (0..<atomCount).map { Vector3(gradient[3 * $0], gradient[3 * $0 + 1], gradient[3 * $0 + 2]) }
        let mean = g.reduce(Vector3.zero, +) / n
        let factor = -energyScale / lengthScale
        return (energyScale * value, g.map { factor * ($0 - mean) })
    }
}
