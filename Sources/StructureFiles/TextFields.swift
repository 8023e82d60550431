/// Splitting text into lines and whitespace-separated fields by scanning its UTF-8 bytes.
///
/// The structure readers and the n2p2 potential loader read files of thousands of lines of numbers
/// (input.data, scaling.data, weights files). Splitting them with `Character` predicates costs a
/// grapheme-cluster break test per character, most of the time spent reading such a file; the
/// separators here are all ASCII, so scanning bytes finds the same lines and fields. The pieces are
/// Substrings of the original text (no copy), so numbers are still parsed by `Double(_:)` on the
/// same characters and come out as the same Doubles.
public enum TextFields {
    /// The lines of `text`, split at "\n", "\r\n" and "\r" (a Windows or old-Mac file reads like a
    /// Unix one). A final line break ends the last line; it does not start an empty one.
    public static func lines(_ text: String) -> [Substring] {
        var lines = [Substring]()
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            let b = utf8[i]
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                lines.append(Substring(utf8[start..<i]))
                var next = utf8.index(after: i)
                if b == UInt8(ascii: "\r"), next != utf8.endIndex, utf8[next] == UInt8(ascii: "\n") {
                    next = utf8.index(after: next)
                }
                start = next
                i = next
            } else {
                i = utf8.index(after: i)
            }
        }
        if start != utf8.endIndex { lines.append(Substring(utf8[start...])) }
        return lines
    }

    /// Replaces `fields` with the fields of `line`: runs of characters between spaces, tabs and
    /// carriage returns. Reusing one array across lines allocates nothing per line.
    public static func fields(_ line: Substring, into fields: inout [Substring]) {
        fields.removeAll(keepingCapacity: true)
        let utf8 = line.utf8
        var i = utf8.startIndex
        while i != utf8.endIndex {
            while i != utf8.endIndex, separates(utf8[i]) { i = utf8.index(after: i) }
            guard i != utf8.endIndex else { break }
            let start = i
            while i != utf8.endIndex, !separates(utf8[i]) { i = utf8.index(after: i) }
            fields.append(Substring(utf8[start..<i]))
        }
    }

    /// The first field of `line` (see ``fields(_:into:)``), or nil for a blank line.
    public static func firstField(_ line: Substring) -> Substring? {
        let utf8 = line.utf8
        guard let start = utf8.firstIndex(where: { !separates($0) }) else { return nil }
        let end = utf8[start...].firstIndex(where: separates) ?? utf8.endIndex
        return Substring(utf8[start..<end])
    }

    @inline(__always)
    static func separates(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r")
    }
}
