import Foundation
import Descriptors
import Geometry
import Potentials

/// The completeness exercise: two different environments of one atom that a radial-only
/// fingerprint cannot tell apart. A centre atom with four neighbours all at distance d, once on a
/// regular tetrahedron (every angle 109.47°) and once squashed (two angles opened to `openAngle`,
/// the other four closed); d is chosen so that neighbours are farther than r_c from each other, so
/// every atom of the two clusters has the same distances within r_c and hence the same radial G.
/// The teacher's three-body term sees the angles and gives different energies; angular G do too.
/// Units: Å, degrees, eV; G dimensionless.
public struct CompletenessCheck: Sendable, Codable {
    /// One of the two environments.
    public struct Environment: Sendable, Codable, Equatable {
        public var name: String
        /// The six neighbour–centre–neighbour angles in degrees, ascending.
        public var angles: [Double]
        /// The teacher's energy of the five-atom cluster, eV.
        public var teacherEnergy: Double
        /// The centre atom's radial and angular symmetry functions.
        public var radialG: [Double]
        public var angularG: [Double]
    }

    public var teacher: String
    /// Centre–neighbour distance d, the closest neighbour–neighbour distance, and the functions' r_c (Å).
    public var distance: Double
    public var closestNeighbourPair: Double
    public var cutoff: Double
    public var regular: Environment
    public var squashed: Environment
    /// Largest |ΔG| over every radial function of every atom of the two clusters.
    public var radialDifference: Double
    /// Largest |ΔG| over the centre's angular functions.
    public var angularDifference: Double
    /// Validation errors of radial-only and radial + angular students (nil when not trained).
    public var students: StudentComparison?

    public var energyDifference: Double { squashed.teacherEnergy - regular.teacherEnergy }

    /// The two environments for an atom of `element`, with d = 0.64 r_c and the squashed pair angles
    /// at `openAngle` degrees (118° keeps every neighbour pair beyond r_c: min 1.59 d > r_c).
    public static func environments(of element: Element, cutoff: Double, openAngle: Double = 118)
        throws -> (regular: AtomicSystem, squashed: AtomicSystem, distance: Double) {
        let d = 0.64 * cutoff
        let tetrahedral = acos(-1.0 / 3.0) * 180 / .pi
        func cluster(_ angle: Double) throws -> AtomicSystem {
            let half = angle * .pi / 360, s = sin(half), c = cos(half)
            let neighbours = [Vector3(s, 0, c), Vector3(-s, 0, c), Vector3(0, s, -c), Vector3(0, -s, -c)].map { d * $0 }
            return try AtomicSystem(elements: Array(repeating: element, count: 5), positions: [.zero] + neighbours,
                                    masses: Array(repeating: element.standardMass, count: 5), cell: nil)
        }
        return (try cluster(tetrahedral), try cluster(openAngle), d)
    }

    /// Builds both environments, evaluates `teacher` and the radial-only (`radial`) and full
    /// (`full`, radial then angular functions) sets on them.
    public static func run(teacher: any Potential, radial: SymmetryFunctionSet, full: SymmetryFunctionSet,
                           element: Element, openAngle: Double = 118) throws -> CompletenessCheck {
        let cutoff = full.maximumCutoff
        let (a, b, d) = try environments(of: element, cutoff: cutoff, openAngle: openAngle)
        let radialEvaluator = SymmetryFunctionEvaluator(radial), fullEvaluator = SymmetryFunctionEvaluator(full)
        let radialA = try radialEvaluator.descriptors(of: a), radialB = try radialEvaluator.descriptors(of: b)
        var radialDifference = 0.0
        for (x, y) in zip(radialA, radialB) { for (u, v) in zip(x, y) { radialDifference = max(radialDifference, abs(u - v)) } }
        let k = radial.count(forElementAt: 0)
        func environment(_ name: String, _ system: AtomicSystem) throws -> Environment {
            let g = try fullEvaluator.descriptors(of: system)[0]
            return Environment(name: name, angles: angles(system), teacherEnergy: try InvarianceCheck.evaluate(teacher, system).energy,
                               radialG: Array(g[..<k]), angularG: Array(g[k...]))
        }
        let ea = try environment("regular tetrahedron", a), eb = try environment(String(format: "squashed (%.0f°)", openAngle), b)
        let angular = zip(ea.angularG, eb.angularG).map { abs($0 - $1) }.max() ?? 0
        return CompletenessCheck(teacher: teacher.summary, distance: d, closestNeighbourPair: closestNeighbourPair(b),
                                 cutoff: cutoff, regular: ea, squashed: eb, radialDifference: radialDifference,
                                 angularDifference: angular, students: nil)
    }

    /// Neighbour–centre–neighbour angles (degrees, ascending) of a cluster whose atom 0 is the centre.
    static func angles(_ system: AtomicSystem) -> [Double] {
        let r = system.positions.dropFirst().map { $0 - system.positions[0] }
        var out: [Double] = []
        for i in r.indices { for j in r.indices where j > i { out.append(acos(r[i].dot(r[j]) / (r[i].length * r[j].length)) * 180 / .pi) } }
        return out.sorted()
    }

    static func closestNeighbourPair(_ system: AtomicSystem) -> Double {
        let p = Array(system.positions.dropFirst())
        var closest = Double.infinity
        for i in p.indices { for j in p.indices where j > i { closest = min(closest, (p[i] - p[j]).length) } }
        return closest
    }
}
