import Foundation
import Geometry

/// The lines of a structure file with their numbers, shared by the readers so every error names the
/// file and line in the same way.
struct SourceLines {
    let file: String
    let lines: [Substring]

    /// Splits `text` at newlines (tolerating CRLF). `file` is the name used in error messages.
    init(text: String, file: String) {
        self.file = file
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
        // A final newline ends the last line; it does not start another.
        if lines.last?.isEmpty == true { lines.removeLast() }
        self.lines = lines
    }

    /// Reads a UTF-8 file; a missing, unreadable or binary file is a ``StructureFileError`` on line 0
    /// with a plain sentence (not Foundation's error text).
    static func read(_ url: URL) throws -> SourceLines {
        let text = try readText(url)
        return SourceLines(text: text, file: url.path)
    }

    /// The UTF-8 text of `url`, or one plain sentence saying why not: no such file, a directory, not
    /// readable, not UTF-8 text.
    public static func readText(_ url: URL) throws -> String {
        let path = url.path
        func failure(_ problem: String) -> StructureFileError {
            StructureFileError(file: path, line: 0, problem: problem, value: "")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw failure("no such file") }
        guard !isDirectory.boolValue else { throw failure("is a directory, not a structure file") }
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path) else {
            throw failure("cannot be read (permission denied or not a regular file)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let valid = String(decoding: data.prefix(4096), as: UTF8.self).prefix(while: { $0 != "\u{FFFD}" }).utf8.count
            throw failure("is not UTF-8 text (undecodable byte near offset \(valid))")
        }
        if let nul = text.utf8.firstIndex(of: 0) {
            throw failure("is binary, not text (a NUL byte at offset \(text.utf8.distance(from: text.utf8.startIndex, to: nul)))")
        }
        return text
    }

    var count: Int { lines.count }
    subscript(index: Int) -> Substring { lines[index] }

    /// An error at the 0-based line `index`.
    func error(at index: Int, _ problem: String, _ value: some StringProtocol) -> StructureFileError {
        StructureFileError(file: file, line: index + 1, problem: problem, value: String(value))
    }

    /// `token` as a Double, or an error naming it. Accepts Fortran `D` exponents as n2p2 and
    /// old codes write them.
    func number(_ token: Substring, at index: Int, _ what: String) throws -> Double {
        if let x = Double(token), x.isFinite { return x }
        if let x = Double(token.replacingOccurrences(of: "D", with: "E").replacingOccurrences(of: "d", with: "e")),
           x.isFinite { return x }
        throw error(at: index, "\(what) is not a finite number", token)
    }

    /// `token` as a Double within ±`bound` (a coordinate, a lattice component), or an error naming it.
    func number(_ token: Substring, at index: Int, _ what: String, magnitudeAtMost bound: Double) throws -> Double {
        let x = try number(token, at: index, what)
        guard x.magnitude <= bound else { throw error(at: index, "\(what) must be within ±\(bound)", token) }
        return x
    }

    /// Coordinates and cell components beyond 10⁸ (a centimetre in Å) are typos: beyond them the
    /// periodic-image and binning arithmetic would leave the integers.
    static let largestCoordinate = 1e8

    /// The element named by `token`, or an error naming it.
    func element(_ token: Substring, at index: Int) throws -> Element {
        if let e = Element(symbol: String(token)) { return e }
        throw error(at: index, "unknown chemical element", token)
    }
}

