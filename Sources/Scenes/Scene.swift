import Foundation
import Geometry
import Potentials

/// A complete demo read from `Scenes/NAME.toml`: the atoms, the teacher that labels them, the
/// student NNP (descriptors, network, training recipe), the MD settings and how to look at it.
///
/// Units: Å, eV, amu, fs, K (metal), except where a field says otherwise (ps for run lengths,
/// degrees for view angles). Loading builds the atoms and the student's symmetry functions at once,
/// so a scene that loads is usable; the teacher potential and the models are made from it by the
/// `Scene+*.swift` extensions.
public struct Scene: Sendable, Equatable {
    /// Short name, the file's base name ("argon").
    public var name: String
    /// One-line title shown in the lab.
    public var title: String
    /// What the scene shows, a few sentences.
    public var summary: String
    /// The scene file (absolute); relative paths inside it resolve against its folder.
    public var file: URL
    /// The scene's atoms as written, before any equilibration: a lattice built and rattled, or the
    /// first frame of a structure file converted to Å. Positions in Å, at rest unless the file gives
    /// velocities (Å/fs).
    public var structure: AtomicSystem
    public var teacher: TeacherModel
    /// The student NNP, or nil for a scene that runs a loaded potential only (water-1080).
    public var student: StudentRecipe?
    public var md: MDSettings
    public var view: ViewHints

    public init(name: String, title: String, summary: String, file: URL, structure: AtomicSystem,
                teacher: TeacherModel, student: StudentRecipe?, md: MDSettings, view: ViewHints) {
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
