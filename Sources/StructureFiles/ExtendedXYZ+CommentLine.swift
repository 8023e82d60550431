extension ExtendedXYZ {
    /// The `key=value` pairs of an extended XYZ comment line, in order.
    ///
    /// Values may be bare (`energy=-1.5`), double-quoted with backslash escapes
    /// (`Lattice="5 0 0 0 5 0 0 0 5"`), or in braces (`pbc={T T T}`); a key without `=` means `T`,
    /// as in ASE. Returns nil for an unterminated quote or brace.
    static func keyValuePairs(_ line: Substring) -> [(key: String, value: String)]? {
        var pairs: [(key: String, value: String)] = []
        var rest = line[...]
        func skipSpaces() { rest = rest.drop(while: { $0 == " " || $0 == "\t" }) }
        while true {
            skipSpaces()
            guard !rest.isEmpty else { return pairs }
            let key = rest.prefix(while: { $0 != "=" && $0 != " " && $0 != "\t" })
            rest = rest.dropFirst(key.count)
            skipSpaces()
            guard rest.first == "=" else {
                pairs.append((String(key), "T"))
                continue
            }
            rest = rest.dropFirst()
            skipSpaces()
            guard let value = takeValue(&rest) else { return nil }
            pairs.append((String(key), value))
        }
    }

    /// Removes one value (bare, quoted or braced) from the front of `rest`.
    private static func takeValue(_ rest: inout Substring) -> String? {
        guard let opening = rest.first else { return "" }
        if opening == "\"" {
            var value = ""
            var escaped = false
            var index = rest.index(after: rest.startIndex)
            while index < rest.endIndex {
                let c = rest[index]
                index = rest.index(after: index)
                if escaped { value.append(c); escaped = false }
                else if c == "\\" { escaped = true }
                else if c == "\"" { rest = rest[index...]; return value }
                else { value.append(c) }
            }
            return nil
        }
        if opening == "{" {
            guard let close = rest.firstIndex(of: "}") else { return nil }
            let value = String(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...]
            return value
        }
        let value = rest.prefix(while: { $0 != " " && $0 != "\t" })
        rest = rest.dropFirst(value.count)
        return String(value)
    }

    /// One column group of `Properties=name:type:count:...`.
    struct Property: Equatable {
        var name: String
        var type: Character
        var count: Int
        /// Index of the first whitespace-separated field of this property on an atom line.
        var firstField: Int
    }

    /// Parses a `Properties=` value; nil if it is not a list of name:type:count triples.
    static func properties(_ spec: String) -> [Property]? {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count % 3 == 0 else { return nil }
        var result: [Property] = []
        var field = 0
        for k in stride(from: 0, to: parts.count, by: 3) {
            guard let type = parts[k + 1].first, parts[k + 1].count == 1, "RISL".contains(type),
                  // A property has a few columns; the bound keeps the column arithmetic far from overflow.
                  let count = Int(parts[k + 2]), (1...1000).contains(count), !parts[k].isEmpty else { return nil }
            result.append(Property(name: String(parts[k]), type: type, count: count, firstField: field))
            field += count
        }
        return result
    }
}
