import Foundation

/// The keyword lines of an n2p2 `input.nn`: `keyword value…`, `#` starting a comment anywhere.
/// Keywords may repeat (`symfunction_short`, `atom_energy`); each entry keeps its 1-based line number.
struct N2P2Settings {
    struct Entry { var fields: [String]; var line: Int }
    let file: String
    private(set) var entries: [String: [Entry]] = [:]
    /// Units declared in the header comments (`# Length unit : Bohr`, `# Energy unit : Ha`), if any.
    private(set) var lengthUnit: String?
    private(set) var energyUnit: String?

    init(text: String, file: String) {
        self.file = file
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if let hash = line.firstIndex(of: "#") {
                let comment = line[line.index(after: hash)...].lowercased()
                if let value = N2P2Settings.declared("length unit", in: comment) { lengthUnit = value }
                if let value = N2P2Settings.declared("energy unit", in: comment) { energyUnit = value }
            }
            let content = line.prefix(while: { $0 != "#" })
            let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let key = fields.first else { continue }
            entries[key, default: []].append(Entry(fields: Array(fields.dropFirst()), line: index + 1))
        }
    }

    private static func declared(_ name: String, in comment: String) -> String? {
        let trimmed = comment.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(name), let colon = trimmed.firstIndex(of: ":") else { return nil }
        return trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }

    func has(_ key: String) -> Bool { entries[key] != nil }
    func all(_ key: String) -> [Entry] { entries[key] ?? [] }

    func error(_ line: Int, _ problem: String) -> N2P2FileError { N2P2FileError(file: file, line: line, problem: problem) }

    /// The single entry of a required keyword.
    func required(_ key: String) throws -> Entry {
        guard let e = entries[key]?.first else { throw error(0, "missing keyword '\(key)'") }
        guard !e.fields.isEmpty else { throw error(e.line, "'\(key)' needs a value") }
        return e
    }

    func number(_ text: String, line: Int, _ what: String) throws -> Double {
        guard let v = Double(text), v.isFinite else { throw error(line, "\(what) is not a number: '\(text)'") }
        return v
    }

    func integer(_ text: String, line: Int, _ what: String) throws -> Int {
        guard let v = Int(text) else { throw error(line, "\(what) is not an integer: '\(text)'") }
        return v
    }

    /// Field `index` of an entry, or an error naming what is missing.
    func field(_ entry: Entry, _ index: Int, _ key: String, _ what: String) throws -> String {
        guard index < entry.fields.count else { throw error(entry.line, "'\(key)' is missing its \(what)") }
        return entry.fields[index]
    }
}
