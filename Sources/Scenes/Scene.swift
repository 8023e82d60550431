import Foundation
import Geometry
import Descriptors
import Potentials

/// A complete demo read from `Scenes/NAME.toml`: the atoms, the teacher that labels them, the
/// student NNP (descriptors, network, training recipe), the MD settings and how to look at it.
///
/// Units: Å, eV, amu, fs, K (metal), except where a field says otherwise (ps for run lengths,
/// g/cm³ for densities, degrees for view angles). A `Scene` is plain data; building the atoms, the
/// teacher and the models from it lives in the `Scene+*.swift` extensions.
public struct Scene: Sendable, Equatable {
    /// Short name, the file's base name ("argon").
    public var name: String
    /// One-line title shown in the lab.
    public var title: String
    /// What the scene shows, a few sentences.
    public var summary: String
    /// The scene file (absolute); relative paths inside it resolve against its folder.
    public var file: URL
    public var structure: StructureSpec
    public var teacher: TeacherModel
    /// The student NNP, or nil for a scene that runs a loaded potential only (water).
    public var student: StudentSpec?
    public var md: MDSettings
    public var view: ViewHints

    public init(name: String, title: String, summary: String, file: URL, structure: StructureSpec,
                teacher: TeacherModel, student: StudentSpec?, md: MDSettings, view: ViewHints) {
        self.name = name
        self.title = title
        self.summary = summary
        self.file = file
        self.structure = structure
        self.teacher = teacher
        self.student = student
        self.md = md
        self.view = view
    }

    /// Folder holding the scene's shipped models: `Scenes/NAME/models`.
    public var modelsDirectory: URL {
        file.deletingLastPathComponent().appendingPathComponent(name).appendingPathComponent("models")
    }

    /// Whether the lab's `c` key can change this scene's cutoff: only students are retrained per cutoff.
    public var cutoffIsToggleable: Bool { student != nil }
}

/// Where the atoms come from.
public enum StructureSpec: Sendable, Equatable {
    /// A crystal built by a lattice builder, optionally rattled.
    case lattice(LatticeSpec)
    /// An extended XYZ (`.xyz`, `.extxyz`) or n2p2 (`input.data`, `.data`) file, absolute, whose
    /// lengths are in `units` (n2p2 files of an atomic-unit potential are in Bohr).
    case file(URL, units: UnitSystem)
}

/// A cubic crystal of one element, repeated and optionally rattled.
public struct LatticeSpec: Sendable, Equatable {
    public var kind: Lattice
    public var element: Element
    /// Conventional cells along a, b, c.
    public var repeats: SIMD3<Int>
    /// Edge a of the conventional cubic cell in Å.
    public var latticeConstant: Double
    /// Standard deviation of a Gaussian displacement of every atom, in Å (0: perfect crystal).
    public var rattle: Double
    /// Seed of the rattle.
    public var seed: UInt64

    public init(kind: Lattice, element: Element, repeats: SIMD3<Int>, latticeConstant: Double,
                rattle: Double = 0, seed: UInt64 = 0) {
        self.kind = kind
        self.element = element
        self.repeats = repeats
        self.latticeConstant = latticeConstant
        self.rattle = rattle
        self.seed = seed
    }

    /// Number of atoms the lattice holds.
    public var atomCount: Int { kind.basis.count * repeats.x * repeats.y * repeats.z }

    /// Lattice constant a (Å) giving mass density `density` (g/cm³): a³ = n·m / ρ with
    /// 1 amu/Å³ = 1.66053906660 g/cm³.
    public static func latticeConstant(kind: Lattice, element: Element, density: Double) -> Double {
        let massPerCell = Double(kind.basis.count) * element.standardMass * 1.66053906660
        return Foundation.pow(massPerCell / density, 1.0 / 3.0)
    }
}

/// The student NNP: descriptors, network, and how to train it.
public struct StudentSpec: Sendable, Equatable {
    public var descriptors: DescriptorSpec
    /// Hidden layer widths; the input width is the number of symmetry functions, the output 1.
    public var hiddenLayers: [Int]
    public var training: TrainingRecipe

    public init(descriptors: DescriptorSpec, hiddenLayers: [Int], training: TrainingRecipe) {
        self.descriptors = descriptors
        self.hiddenLayers = hiddenLayers
        self.training = training
    }

    /// Layer widths input → output, e.g. [10, 20, 20, 1].
    public var layerSizes: [Int] { [descriptors.count] + hiddenLayers + [1] }
}

/// Atom-centred symmetry functions (Behler): radial G2 and angular G4 or G5, all with one cutoff r_c (Å).
public struct DescriptorSpec: Sendable, Equatable {
    /// Cutoff radius r_c in Å shared by every function.
    public var cutoff: Double
    public var radial: [RadialFunction]
    public var angular: [AngularFunction]

    /// G2_i = Σ_j exp(−η (r_ij − r_s)²) f_c(r_ij): η in Å⁻², r_s in Å.
    public struct RadialFunction: Sendable, Equatable {
        public var eta: Double
        public var center: Double
        public init(eta: Double, center: Double) { self.eta = eta; self.center = center }
    }

    /// Narrow (G4): G_i = 2^(1−ζ) Σ_{j,k} (1 + λ cos θ_ijk)^ζ exp(−η (r_ij² + r_ik² + r_jk²)) f_c(r_ij) f_c(r_ik) f_c(r_jk);
    /// wide (G5): the same without r_jk² and f_c(r_jk). η in Å⁻², ζ ≥ 1, λ = ±1.
    public struct AngularFunction: Sendable, Equatable {
        public var eta: Double
        public var zeta: Double
        public var lambda: Double
        public var form: AngularForm
        public init(eta: Double, zeta: Double, lambda: Double, form: AngularForm = .narrow) {
            self.eta = eta; self.zeta = zeta; self.lambda = lambda; self.form = form
        }
    }

    /// Which angular function: `narrow` (G4, n2p2 type 3) counts an angle j–i–k only when j and k are
    /// also within r_c of each other; `wide` (G5, n2p2 type 9) counts every pair of neighbours of i.
    /// In diamond silicon with r_c = 3.77 Å the neighbours of an atom are a/√2 = 3.84 Å apart, so
    /// only the wide form sees its bond angles.
    public enum AngularForm: String, Sendable, Equatable, CaseIterable {
        case narrow, wide
    }

    public init(cutoff: Double, radial: [RadialFunction], angular: [AngularFunction]) {
        self.cutoff = cutoff
        self.radial = radial
        self.angular = angular
    }

    /// Number of symmetry functions (the network's input width).
    public var count: Int { radial.count + angular.count }
}
