import TOMLKit

/// One table of a scene file, read key by key with typed accessors that throw ``SceneError``
/// (`file:line: key: expected ..., got ...`). Every key read is remembered, so ``finish()`` can
/// report the first key nobody asked for (a typo such as `tempature`).
final class SceneTable {
    private let table: TOMLTable
    /// Dotted path with array occurrence, as ``KeyLocator`` understands it: "", "md", "descriptors.radial#0".
    let context: String
    let file: String
    private let locator: KeyLocator
    private var consumed: Set<String> = []

    init(table: TOMLTable, context: String, file: String, locator: KeyLocator) {
        self.table = table
        self.context = context
        self.file = file
        self.locator = locator
    }

    /// "md.dt" for messages.
    func qualified(_ key: String) -> String {
        let plain = context.split(separator: "#").first.map(String.init) ?? ""
        return plain.isEmpty ? key : "\(plain).\(key)"
    }

    /// An error located at `key`.
    func error(_ key: String, _ message: String) -> SceneError {
        SceneError(file: file, line: locator.line(ofKey: key, in: context), message: "\(qualified(key)): \(message)")
    }

    /// An error located at this table's header.
    func tableError(_ message: String) -> SceneError {
        SceneError(file: file, line: locator.line(ofTable: context), message: message)
    }

    func contains(_ key: String) -> Bool { table.contains(key: key) }

    private func raw(_ key: String) -> TOMLValue? {
        consumed.insert(key)
        return table[key]?.tomlValue
    }

    private func required(_ key: String, _ expected: String) throws -> TOMLValue {
        guard let v = raw(key) else { throw missing(key, expected) }
        return v
    }

    /// A missing key; if the table holds a near-miss spelling of it (`tempature`), point at that line.
    private func missing(_ key: String, _ expected: String) -> SceneError {
        if let typo = table.keys.sorted().first(where: { !consumed.contains($0) && Self.editDistance($0, key) <= 2 }) {
            return error(typo, "unknown key: expected '\(key)' (\(expected)), got '\(typo)'")
        }
        return tableError("missing key \(qualified(key)): expected \(expected), got nothing")
    }

    /// Levenshtein distance, for spotting typos in key names.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }

    // MARK: scalars

    /// A number (TOML integer or float), checked by `valid`.
    func double(_ key: String, _ expected: String, where valid: (Double) -> Bool = { _ in true }) throws -> Double {
        try checkedDouble(key, try required(key, expected), expected, valid)
    }

    func double(_ key: String, default value: Double, _ expected: String,
                where valid: (Double) -> Bool = { _ in true }) throws -> Double {
        guard let v = raw(key) else { return value }
        return try checkedDouble(key, v, expected, valid)
    }

    func int(_ key: String, _ expected: String, where valid: (Int) -> Bool = { _ in true }) throws -> Int {
        try checkedInt(key, try required(key, expected), expected, valid)
    }

    func int(_ key: String, default value: Int, _ expected: String, where valid: (Int) -> Bool = { _ in true }) throws -> Int {
        guard let v = raw(key) else { return value }
        return try checkedInt(key, v, expected, valid)
    }

    func string(_ key: String, _ expected: String) throws -> String {
        let v = try required(key, expected)
        guard let s = v.string else { throw error(key, "expected \(expected), got \(Self.render(v))") }
        return s
    }

    func optionalString(_ key: String, _ expected: String) throws -> String? {
        guard let v = raw(key) else { return nil }
        guard let s = v.string else { throw error(key, "expected \(expected), got \(Self.render(v))") }
        return s
    }

    /// A string naming one case of `T` (its raw value).
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, default value: T? = nil) throws -> T where T.RawValue == String {
        let names = T.allCases.map(\.rawValue).joined(separator: ", ")
        let expected = "one of \(names)"
        guard let v = raw(key) else {
            if let value { return value }
            throw missing(key, expected)
        }
        guard let s = v.string, let c = T(rawValue: s) else { throw error(key, "expected \(expected), got \(Self.render(v))") }
        return c
    }

    // MARK: arrays

    func doubles(_ key: String, _ expected: String, where valid: (Double) -> Bool = { _ in true }) throws -> [Double] {
        try array(key, expected, try required(key, expected)) { try checkedDouble(key, $0, expected, valid) }
    }

    func doubles(_ key: String, default value: [Double], _ expected: String,
                 where valid: (Double) -> Bool = { _ in true }) throws -> [Double] {
        guard let v = raw(key) else { return value }
        return try array(key, expected, v) { try checkedDouble(key, $0, expected, valid) }
    }

    /// An array of strings, or `value` when the key is absent.
    func strings(_ key: String, default value: [String], _ expected: String) throws -> [String] {
        guard let v = raw(key) else { return value }
        return try array(key, expected, v) { element in
            guard let s = element.string else { throw error(key, "expected \(expected), got \(Self.render(element))") }
            return s
        }
    }

    func ints(_ key: String, _ expected: String, where valid: (Int) -> Bool = { _ in true }) throws -> [Int] {
        try array(key, expected, try required(key, expected)) { try checkedInt(key, $0, expected, valid) }
    }

    /// A number or an array of numbers (a scalar is a one-element list).
    func doublesOrScalar(_ key: String, _ expected: String, where valid: (Double) -> Bool = { _ in true }) throws -> [Double] {
        let v = try required(key, expected)
        if v.type == .array { return try array(key, expected, v) { try checkedDouble(key, $0, expected, valid) } }
        return [try checkedDouble(key, v, expected, valid)]
    }

    // MARK: tables

    func table(_ key: String) throws -> SceneTable {
        let v = try required(key, "a table [\(qualified(key))]")
        guard let t = v.table else { throw error(key, "expected a table, got \(Self.render(v))") }
        return SceneTable(table: t, context: qualified(key), file: file, locator: locator)
    }

    func optionalTable(_ key: String) throws -> SceneTable? {
        guard contains(key) else { consumed.insert(key); return nil }
        return try table(key)
    }

    /// An array of tables (`[[key]]`), or nothing (empty).
    func tables(_ key: String) throws -> [SceneTable] {
        guard let v = raw(key) else { return [] }
        guard let a = v.array else { throw error(key, "expected an array of tables [[\(qualified(key))]], got \(Self.render(v))") }
        return try a.enumerated().map { index, element in
            guard let t = element.table else {
                throw error(key, "expected an array of tables [[\(qualified(key))]], got \(Self.render(element.tomlValue))")
            }
            return SceneTable(table: t, context: "\(qualified(key))#\(index)", file: file, locator: locator)
        }
    }

    /// Throws for the first key of this table that no accessor read.
    func finish() throws {
        let known = consumed.sorted().joined(separator: ", ")
        for key in table.keys.sorted() where !consumed.contains(key) {
            let section = context.isEmpty ? "the top level" : "[\(qualified("").dropLast())]"
            throw error(key, "unknown key in \(section): expected one of \(known), got '\(key)'")
        }
    }

    // MARK: helpers

    private func checkedDouble(_ key: String, _ v: TOMLValue, _ expected: String, _ valid: (Double) -> Bool) throws -> Double {
        guard let d = v.double ?? v.int.map(Double.init) else { throw error(key, "expected \(expected), got \(Self.render(v))") }
        guard d.isFinite, valid(d) else { throw error(key, "expected \(expected), got \(Self.render(v))") }
        return d
    }

    private func checkedInt(_ key: String, _ v: TOMLValue, _ expected: String, _ valid: (Int) -> Bool) throws -> Int {
        guard let i = v.int, valid(i) else { throw error(key, "expected \(expected), got \(Self.render(v))") }
        return i
    }

    private func array<T>(_ key: String, _ expected: String, _ v: TOMLValue, _ element: (TOMLValue) throws -> T) throws -> [T] {
        guard let a = v.array else { throw error(key, "expected an array of \(expected), got \(Self.render(v))") }
        return try a.map { try element($0.tomlValue) }
    }

    /// A value as the user wrote it, near enough: strings quoted, numbers plain.
    static func render(_ v: TOMLValue) -> String {
        switch v.type {
        case .string: return "\"\(v.string ?? "")\""
        case .table: return "a table"
        default: return v.debugDescription
        }
    }
}
