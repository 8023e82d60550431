/// Which characters draw sub-cell graphics (atoms, lines, plot curves).
public enum GlyphSet: String, Sendable, Hashable, CaseIterable {
    /// Braille patterns U+2800...U+28FF: 2×4 dots per cell, the finest (needs a UTF-8 locale).
    case braille
    /// Quadrant blocks (▘▝▖▗▌▐▀▄█...): 2×2 dots per cell, for fonts without braille.
    case blocks
    /// Plain ASCII (' . : and letters): 1×2 dots per cell, for non-UTF-8 locales.
    case ascii

    /// Dots per character cell, horizontally and vertically.
    public var dotsPerCell: (x: Int, y: Int) {
        switch self {
        case .braille: (2, 4)
        case .blocks: (2, 2)
        case .ascii: (1, 2)
        }
    }

    /// Height over width of one dot, for a terminal cell twice as tall as wide: 1 for braille and
    /// ASCII (square dots), 2 for quadrant blocks.
    public var dotAspect: Double {
        let d = dotsPerCell
        return 2 * Double(d.x) / Double(d.y)
    }
}

/// How a frame is drawn: the glyph set and whether colours are used.
public struct RenderMode: Sendable, Hashable {
    public var glyphs: GlyphSet
    /// False for `NO_COLOR`, `--no-color` or a terminal without colours: every cell in the default
    /// colour, bold/dim/reverse kept.
    public var color: Bool

    public init(glyphs: GlyphSet = .braille, color: Bool = true) {
        self.glyphs = glyphs
        self.color = color
    }

    /// The mode for a terminal: ASCII unless the locale's codeset is UTF-8, no colour when the
    /// environment has a non-empty `NO_COLOR` (https://no-color.org) or `noColorFlag` is set.
    public init(environment: [String: String], localeIsUTF8: Bool, noColorFlag: Bool = false) {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        self.init(glyphs: localeIsUTF8 ? .braille : .ascii, color: !(noColor || noColorFlag))
    }
}
