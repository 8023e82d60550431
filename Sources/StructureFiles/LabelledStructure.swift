import Geometry

/// One configuration read from (or written to) a structure file, with the reference labels the file
/// carries: a total energy and per-atom forces computed by some other program (DFT, LAMMPS, n2p2).
///
/// Units are the file's: extended XYZ in the ASE convention is in Å and eV; n2p2 `input.data` is in
/// whatever units its potential uses (the water model's files are in Bohr and Hartree). Readers do
/// not convert.
public struct LabelledStructure: Sendable, Equatable {
    /// The atoms, and the cell if the structure is periodic.
    public var system: AtomicSystem
    /// Reference total energy (eV for extended XYZ), if the file gives one.
    public var energy: Double?
    /// Reference forces, one per atom in file order (eV/Å for extended XYZ), if the file gives them.
    public var forces: [Vector3]?
    /// The file's free-text comment for this frame (n2p2 `comment`, extended XYZ `comment=`), or "".
    public var comment: String
    /// The 1-based line of each atom in the file it was read from (empty if not read from a file),
    /// so that a later complaint about atom i ("no potential for Xe") can name its line.
    public var atomLines: [Int]
    /// Further `key=value` pairs of an extended XYZ comment line, written sorted by key (MD frames:
    /// `step`, `time_fs`, `dt_fs`, `model`; see ``mdFrame(system:energy:forces:step:time:timeStep:model:)``).
    public var info: [String: String] = [:]

    public init(system: AtomicSystem, energy: Double? = nil, forces: [Vector3]? = nil, comment: String = "",
                atomLines: [Int] = []) {
        self.system = system
        self.energy = energy
        self.forces = forces
        self.comment = comment
        self.atomLines = atomLines
    }
}

extension LabelledStructure {
    /// One frame of a molecular dynamics trajectory, the one form `nnplab run --trajectory` and the
    /// lab's `save trajectory` write: positions wrapped into the cell (Å), velocities, the model's
    /// energy (eV) and forces (eV/Å), and the keys `step`, `time_fs`, `dt_fs` and `model` (the
    /// potential's summary), so that a model switch shows in the frames that follow it.
    public static func mdFrame(system: AtomicSystem, energy: Double, forces: [Vector3], step: Int, time: Double,
                               timeStep: Double, model: String) -> LabelledStructure {
        var wrapped = system
        wrapped.positions = system.wrappedPositions
        var frame = LabelledStructure(system: wrapped, energy: energy, forces: forces)
        frame.info = ["step": "\(step)", "time_fs": "\(time)", "dt_fs": "\(timeStep)", "model": model]
        return frame
    }
}
