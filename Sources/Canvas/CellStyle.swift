/// A foreground colour from the small palette every colour terminal offers: the eight ANSI colours,
/// plus orange and grey for terminals with 256 colours (``ansi8`` is their 8-colour stand-in).
public enum TermColor: UInt8, Sendable, Hashable, CaseIterable {
    case `default`, black, red, green, yellow, blue, magenta, cyan, white, orange, gray

    /// The nearest of the eight ANSI colours (orange → yellow, grey → white), for 8-colour terminals.
    public var ansi8: TermColor {
        switch self {
        case .orange: .yellow
        case .gray: .white
        default: self
        }
    }

    /// The ANSI/curses colour number 0...7 of ``ansi8`` (`COLOR_BLACK`...`COLOR_WHITE`), or -1 for the
    /// terminal's default foreground.
    public var ansiIndex: Int {
        switch ansi8 {
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        default: -1
        }
    }

    /// The xterm-256 colour number (orange 208, grey 245; the others as ``ansiIndex``).
    public var xterm256Index: Int {
        switch self {
        case .orange: 208
        case .gray: 245
        default: ansiIndex
        }
    }
}

/// Text attributes a terminal cell can carry (curses `A_BOLD`, `A_DIM`, `A_REVERSE`).
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let dim = TextAttributes(rawValue: 2)
    public static let reverse = TextAttributes(rawValue: 4)
}

/// How one terminal cell is drawn: a foreground colour and attributes. Two bytes, so a grid of
/// styles copies cheaply every frame.
public struct CellStyle: Sendable, Hashable {
    public var color: TermColor
    public var attributes: TextAttributes

    public init(_ color: TermColor = .default, _ attributes: TextAttributes = []) {
        self.color = color
        self.attributes = attributes
    }

    /// The terminal's default colour, no attributes.
    public static let plain = CellStyle()

    /// This style with `extra` attributes added.
    public func with(_ extra: TextAttributes) -> CellStyle { CellStyle(color, attributes.union(extra)) }

    /// This style drawn in the default colour (for `NO_COLOR`), attributes kept.
    public var colorless: CellStyle { CellStyle(.default, attributes) }
}
