/// One-column ASCII stand-ins for the non-ASCII characters the lab draws (box drawing, arrows,
/// units), applied to a whole grid in ``GlyphSet/ascii`` mode so that every other renderer can write
/// Unicode freely. Anything unlisted becomes '?'.
enum ASCIIFallback {
    static func replacement(_ codePoint: UInt32) -> UInt32 {
        if codePoint < 0x80 { return codePoint }
        if let mapped = table[codePoint] { return mapped }
        if (0x2800...0x28FF).contains(codePoint) { return codePoint == 0x2800 ? 0x20 : 0x3A } // braille → ':'
        return 0x3F
    }

    private static let table: [UInt32: UInt32] = {
        var t: [UInt32: UInt32] = [:]
        func map(_ chars: String, to ascii: Character) {
            for s in chars.unicodeScalars { t[s.value] = ascii.unicodeScalars.first!.value }
        }
        map("─━═┄┈╌", to: "-")
        map("│┃║┆┊╎", to: "|")
        map("┌┐└┘├┤┬┴┼╭╮╯╰╔╗╚╝", to: "+")
        map("▀▔▘▝", to: "'")
        map("▄▁▖▗", to: ".")
        map("█▌▐▛▜▙▟▚▞", to: "#")
        map("·•∙●○◦", to: "o")
        map("→▶►", to: ">")
        map("←◀", to: "<")
        map("↑▲", to: "^")
        map("↓▼", to: "v")
        map("×", to: "x")
        map("—–−", to: "-")
        map("Åå", to: "A")
        map("Δ", to: "d")
        map("σ", to: "s")
        map("μ", to: "u")
        map("γ", to: "g")
        map("≈", to: "~")
        map("±", to: "+")
        map("²", to: "2")
        map("³", to: "3")
        map("¹", to: "1")
        map("⁻", to: "-")
        map("…", to: ".")
        map("✓", to: "v")
        map("⚠", to: "!")
        map("\u{00A0}", to: " ")
        return t
    }()
}

extension CellGrid {
    /// This grid with every non-ASCII scalar replaced by its ASCII stand-in.
    public mutating func transliterateToASCII() {
        mapScalars(ASCIIFallback.replacement)
    }
}
