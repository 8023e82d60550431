/// Word wrapping for the lab's panels: text is never cut at the window's edge.
public enum TextWrap {
    /// `line` broken into pieces at most `width` characters wide, at spaces where possible (a word
    /// longer than the width is split); continuation pieces are indented by `indent` spaces, or by
    /// the line's own leading spaces plus two when nil. An empty line stays one empty piece.
    public static func wrap(_ line: String, width: Int, indent: Int? = nil) -> [String] {
        let width = max(width, 4)
        guard line.count > width else { return [line] }
        let leading = line.prefix { $0 == " " }.count
        let pad = String(repeating: " ", count: min(indent ?? (leading + 2), width / 2))
        var pieces: [String] = []
        var rest = Substring(line)
        var prefix = ""
        while !rest.isEmpty {
            let room = width - prefix.count
            if rest.count <= room {
                pieces.append(prefix + rest)
                break
            }
            let window = rest.prefix(room + 1)
            // Break at the last space within the room (not one of the leading spaces).
            var cut = window.lastIndex(of: " ").flatMap { $0 > rest.startIndex ? $0 : nil }
            if let c = cut, rest[rest.startIndex..<c].allSatisfy({ $0 == " " }) { cut = nil }
            let end = cut ?? rest.index(rest.startIndex, offsetBy: room)
            pieces.append(prefix + rest[rest.startIndex..<end].trimmingTrailingSpaces)
            rest = rest[end...].drop { $0 == " " }
            prefix = pad
        }
        return pieces
    }

    /// Every line of `lines` wrapped to `width`.
    public static func wrap(_ lines: [String], width: Int) -> [String] { lines.flatMap { wrap($0, width: width) } }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
