/// A problem with an n2p2 potential folder: one line naming the file, the line (when there is one)
/// and what is wrong, e.g. `input.nn:57: symmetry function names element Cl, which 'elements' lacks`.
public struct N2P2FileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user would recognise it (path inside the folder).
    public var file: String
    /// 1-based line number, or 0 for the file as a whole.
    public var line: Int
    public var problem: String

    public init(file: String, line: Int = 0, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String { line > 0 ? "\(file):\(line): \(problem)" : "\(file): \(problem)" }
}
