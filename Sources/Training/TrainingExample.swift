import Geometry

/// A labelled configuration reduced to what the trainer needs: descriptors (already scaled for the
/// networks' inputs, or raw before ``NetworkTrainer`` scales them), the energy and the forces.
public struct TrainingExample: Sendable, Equatable {
    public var descriptors: DescriptorSample
    /// Reference total energy E_ref in eV.
    public var energy: Double
    /// Reference forces F_ref,a in eV/Å.
    public var forces: [Vector3]

    public init(descriptors: DescriptorSample, energy: Double, forces: [Vector3]) throws {
        guard forces.count == descriptors.atomCount else {
            throw TrainingError.invalidData("\(descriptors.atomCount) atoms but \(forces.count) forces")
        }
        self.descriptors = descriptors
        self.energy = energy
        self.forces = forces
    }

    public var atomCount: Int { descriptors.atomCount }
}
