import Foundation
import Geometry
import Potentials

/// The invariance exercise. Part 1: translating, rotating and relabelling like atoms of a structure
/// leave an NNP's energy unchanged (to rounding) and carry its forces along (F' = R F, F'_k = F_π(k)),
/// because its symmetry functions see only distances and angles. Part 2: a regular tetrahedron of
/// like atoms, where symmetry demands equal radial forces, no torque and no change when two labels
/// swap — the NNP obeys; a ``CartesianModel`` reading raw coordinates does not.
/// Units: eV, Å, eV/Å; relative changes are dimensionless.
public struct InvarianceCheck: Sendable, Codable {
    /// One symmetry operation applied to the structure.
    public struct Operation: Sendable, Codable, Equatable {
        /// What was done, in words ("rotation by 97.3° about (0.12, -0.80, 0.58)").
        public var name: String
        public var energyBefore: Double
        public var energyAfter: Double
        /// |E' − E| / |E|.
        public var relativeEnergyChange: Double
        /// max_k |F'_k − expected_k| / max_k |F_k|, expected = the forces moved along with the atoms.
        public var relativeForceError: Double
    }

    public var potential: String
    public var atomCount: Int
    public var operations: [Operation]
    /// The regular tetrahedron's edge (Å) and element symbol.
    public var moleculeEdge: Double
    public var moleculeElement: String
    public var nnpMolecule: MoleculeResponse
    public var cartesianMolecule: MoleculeResponse

    /// Largest relative energy change and relative force error over the operations.
    public var worstEnergyChange: Double { operations.map(\.relativeEnergyChange).max() ?? 0 }
    public var worstForceError: Double { operations.map(\.relativeForceError).max() ?? 0 }

    /// Runs both parts: the operations on `structure` (which should not be at a symmetric point, so
    /// that its forces are not all zero), and the tetrahedron of `structure`'s first element with
    /// edge `edge` Å under `potential` and under `cartesian` (a model of 4 atoms).
    public static func run(_ potential: any Potential, structure: AtomicSystem, edge: Double,
                           cartesian: CartesianModel, seed: UInt64 = 1) throws -> InvarianceCheck {
        let reference = try evaluate(potential, structure)
        var random = SeededGenerator(seed: seed)
        let shift = Vector3(random.uniform() * 10 - 5, random.uniform() * 10 - 5, random.uniform() * 10 - 5)
        let axis = random.normalVector(), angle = 0.3 + 2.5 * random.uniform()
        let rotation = Rotation(axis: axis, angle: angle)
        let (relabelled, order) = structure.relabellingLikeAtoms(seed: seed &+ 17)

        func operation(_ name: String, _ moved: AtomicSystem, expected: [Vector3]) throws -> Operation {
            let after = try evaluate(potential, moved)
            let scale = reference.forces.map(\.length).max() ?? 0
            let error = zip(after.forces, expected).map { ($0 - $1).length }.max() ?? 0
            return Operation(name: name, energyBefore: reference.energy, energyAfter: after.energy,
                             relativeEnergyChange: abs(after.energy - reference.energy) / max(abs(reference.energy), .leastNormalMagnitude),
                             relativeForceError: scale > 0 ? error / scale : error)
        }
        let unit = axis / axis.length
        let operations = [
            try operation(String(format: "translation by (%.2f, %.2f, %.2f) Å", shift.x, shift.y, shift.z),
                          structure.translated(by: shift), expected: reference.forces),
            try operation(String(format: "rotation by %.1f° about (%.2f, %.2f, %.2f)", angle * 180 / .pi, unit.x, unit.y, unit.z),
                          structure.rotated(by: rotation), expected: reference.forces.map(rotation.apply)),
            try operation("relabelling of \(structure.count) atoms among like atoms", relabelled,
                          expected: order.map { reference.forces[$0] }),
        ]

        guard let element = structure.elements.first else { throw ExerciseError("the structure has no atoms") }
        let molecule = try tetrahedron(of: element, edge: edge)
        let nnp = try MoleculeResponse.measure(molecule, rotation: rotation) { m in
            let r = try evaluate(potential, m)
            return (r.energy, r.forces)
        }
        let wrong = try MoleculeResponse.measure(molecule, rotation: rotation) { m in
            guard m.count == cartesian.atomCount else {
                throw ExerciseError("the Cartesian model reads \(cartesian.atomCount) atoms, the molecule has \(m.count)")
            }
            return cartesian.energyAndForces(m.positions)
        }
        return InvarianceCheck(potential: potential.summary, atomCount: structure.count, operations: operations,
                               moleculeEdge: edge, moleculeElement: element.symbol,
                               nnpMolecule: nnp, cartesianMolecule: wrong)
    }

    /// Four atoms of `element` on a regular tetrahedron with edge `edge` Å, centred at the origin, no cell.
    public static func tetrahedron(of element: Element, edge: Double) throws -> AtomicSystem {
        let k = edge / (2 * 2.0.squareRoot())
        let corners = [Vector3(1, 1, 1), Vector3(1, -1, -1), Vector3(-1, 1, -1), Vector3(-1, -1, 1)].map { k * $0 }
        return try AtomicSystem(elements: Array(repeating: element, count: 4), positions: corners,
                                masses: Array(repeating: element.standardMass, count: 4), cell: nil)
    }

    static func evaluate(_ potential: any Potential, _ system: AtomicSystem) throws -> PotentialResult {
        var evaluator = try ForceEvaluator(potential: potential, system: system)
        return evaluator.evaluate(system, request: .energyAndForces)
    }
}

/// How a model treats a symmetric molecule at rest (here a regular tetrahedron, whose symmetry
/// demands radial forces of one size, zero net force and torque, and an energy blind to labels and
/// orientation). Units: eV, eV/Å.
public struct MoleculeResponse: Sendable, Codable, Equatable {
    public var energy: Double
    /// Mean |F_a| in eV/Å: the scale the other forces are compared with.
    public var meanForce: Double
    /// |Σ_a F_a| in eV/Å, and |Σ_a (r_a − c) × F_a| in eV.
    public var netForce: Double
    public var netTorque: Double
    /// Largest force component perpendicular to an atom's radius from the centre, eV/Å.
    public var largestSidewaysForce: Double
    /// max − min over atoms of the radial component F_a·u_a, eV/Å.
    public var radialSpread: Double
    /// E with atoms 0 and 1 trading labels, minus E (eV).
    public var swapEnergyChange: Double
    /// E of the rotated molecule minus E (eV).
    public var rotationEnergyChange: Double

    /// The largest symmetry-breaking force (sideways or radial spread) as a fraction of the mean force.
    public var symmetryBreaking: Double {
        meanForce > 0 ? max(largestSidewaysForce, radialSpread) / meanForce : max(largestSidewaysForce, radialSpread)
    }

    static func measure(_ molecule: AtomicSystem, rotation: Rotation,
                        model: (AtomicSystem) throws -> (energy: Double, forces: [Vector3])) throws -> MoleculeResponse {
        let (energy, forces) = try model(molecule)
        let n = Double(molecule.count)
        let centre = molecule.positions.reduce(Vector3.zero, +) / n
        var torque = Vector3.zero, sideways = 0.0
        var radial: [Double] = []
        for (r, f) in zip(molecule.positions, forces) {
            let u = (r - centre) / (r - centre).length
            torque += (r - centre).cross(f)
            radial.append(f.dot(u))
            sideways = max(sideways, (f - f.dot(u) * u).length)
        }
        var swapped = Array(0..<molecule.count)
        swapped.swapAt(0, 1)
        return MoleculeResponse(
            energy: energy, meanForce: forces.map(\.length).reduce(0, +) / n,
            netForce: forces.reduce(Vector3.zero, +).length, netTorque: torque.length,
            largestSidewaysForce: sideways, radialSpread: (radial.max() ?? 0) - (radial.min() ?? 0),
            swapEnergyChange: try model(molecule.reordered(swapped)).energy - energy,
            rotationEnergyChange: try model(molecule.rotated(by: rotation)).energy - energy)
    }
}
