import Foundation

/// The structure file formats NNPLab reads, told apart by content rather than by name.
public enum StructureFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Extended XYZ (ASE convention): the first non-blank line is an atom count.
    case extendedXYZ = "extended XYZ"
    /// n2p2 `input.data`: the first non-blank line is `begin`.
    case n2p2 = "n2p2 input.data"

    public var description: String { rawValue }

    /// The format of `text`: n2p2 if its first non-blank line starts with `begin` (or `comment`/`atom`,
    /// seen in hand-edited files), extended XYZ otherwise.
    public static func detect(_ text: String) -> StructureFormat {
        for line in text.split(maxSplits: 64, whereSeparator: \.isNewline) {
            let first = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).first
            guard let first else { continue }
            return ["begin", "comment", "atom", "lattice"].contains(first) ? .n2p2 : .extendedXYZ
        }
        return .extendedXYZ
    }

    /// Reads every frame of `url`, whichever of the two formats it is in.
    public static func read(_ url: URL) throws -> [LabelledStructure] {
        let source = try SourceLines.read(url)
        let text = source.lines.prefix(64).joined(separator: "\n")
        switch detect(text) {
        case .extendedXYZ: return try ExtendedXYZ.parse(source)
        case .n2p2: return try N2P2Data.parse(source)
        }
    }
}
