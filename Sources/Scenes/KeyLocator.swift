/// Finds the line a TOML key sits on by scanning the file's text.
///
/// TOMLKit reports source positions only for syntax errors, not for the values it parses, so the
/// scene loader locates a key itself: it tracks `[table]` and `[[array.of.tables]]` headers and
/// finds `key = ...` (or `key.sub = ...`) under the wanted header. Good enough for the one-line
/// error messages; it never decides what a value is (TOMLKit does that).
struct KeyLocator: Sendable {
    /// A header path and, for arrays of tables, which occurrence: "descriptors.radial#1".
    private struct Line: Sendable {
        let number: Int
        let context: String
        let key: String?
        let isHeader: Bool
    }
    private let lines: [Line]

    init(text: String) {
        var result: [Line] = []
        var context = ""
        var arrayCounts: [String: Int] = [:]
        var number = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            let line = raw.trimmingPrefixWhitespace()
            if line.hasPrefix("[[") {
                let name = KeyLocator.headerName(line.dropFirst(2))
                let index = arrayCounts[name, default: 0]
                arrayCounts[name] = index + 1
                context = "\(name)#\(index)"
                result.append(Line(number: number, context: context, key: nil, isHeader: true))
            } else if line.hasPrefix("[") {
                context = KeyLocator.headerName(line.dropFirst())
                result.append(Line(number: number, context: context, key: nil, isHeader: true))
            } else if let key = KeyLocator.leadingKey(line) {
                result.append(Line(number: number, context: context, key: key, isHeader: false))
            }
        }
        lines = result
    }

    /// The line of `key` inside the table `context` ("" for the root, "md", "descriptors.radial#0"),
    /// else the table's header line, else 1.
    func line(ofKey key: String, in context: String) -> Int {
        if let hit = lines.first(where: { !$0.isHeader && $0.context == context && $0.key == key }) {
            return hit.number
        }
        // A dotted key written in the parent: `md.dt = 2` at the root.
        let (parent, last) = KeyLocator.split(context)
        if let parent, let hit = lines.first(where: { !$0.isHeader && $0.context == parent && $0.key == last }) {
            return hit.number
        }
        return line(ofTable: context)
    }

    /// The header line of `context`, or 1 if the table has none (the root, or an inline table).
    func line(ofTable context: String) -> Int {
        if context.isEmpty { return 1 }
        if let hit = lines.first(where: { $0.isHeader && $0.context == context }) { return hit.number }
        let (parent, last) = KeyLocator.split(context)
        if let parent { return line(ofKey: last, in: parent) }
        return 1
    }

    private static func split(_ context: String) -> (String?, String) {
        let plain = context.split(separator: "#").first.map(String.init) ?? context
        guard let dot = plain.lastIndex(of: ".") else { return (plain.isEmpty ? nil : "", plain) }
        return (String(plain[..<dot]), String(plain[plain.index(after: dot)...]))
    }

    private static func headerName(_ s: Substring) -> String {
        let body = s.prefix { $0 != "]" }
        return body.split(separator: ".").map { unquote($0) }.joined(separator: ".")
    }

    /// The first key segment of a `key = value` line, or nil for comments, blanks and continuations.
    private static func leadingKey(_ line: Substring) -> String? {
        guard let first = line.first, first != "#", line.contains("=") else { return nil }
        let lhs = line.prefix { $0 != "=" }
        let segment = lhs.split(separator: ".").first ?? lhs
        let key = unquote(segment)
        return key.isEmpty ? nil : key
    }

    private static func unquote(_ s: Substring) -> String {
        s.trimmingCharacters(in: " \t\"'")
    }
}

extension Substring {
    func trimmingPrefixWhitespace() -> Substring { drop { $0 == " " || $0 == "\t" } }
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
