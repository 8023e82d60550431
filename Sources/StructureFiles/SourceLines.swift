import Foundation
import Geometry

/// The lines of a structure file with their numbers, shared by the readers so every error names the
/// file and line in the same way.
struct SourceLines {
    let file: String
    let lines: [Substring]

    /// Splits `text` at newlines ("\n", "\r\n", "\r"). `file` is the name used in error messages.
    init(text: String, file: String) {
        self.file = file
        lines = TextFields.lines(text)
    }

    /// Reads a UTF-8 file; a missing, unreadable or binary file is a ``StructureFileError`` on line 0
    /// with a plain sentence (not Foundation's error text).
    static func read(_ url: URL) throws -> SourceLines {
        do {
            return SourceLines(text: try TextFile.read(url.path), file: url.path)
        } catch let error as TextFileError {
            throw StructureFileError(file: url.path, line: 0, problem: error.reason, value: "")
        }
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
        guard x.magnitude <= bound else { throw error(at: index, "\(what) must be within ±\(String(format: "%g", bound))", token) }
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

