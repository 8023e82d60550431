import Foundation
import Testing
import Geometry
@testable import StructureFiles

@Suite("Byte-scanned lines and fields")
struct TextFieldsTests {
    /// The Character-level splitting the readers used before scanning bytes: the oracle.
    func characterLines(_ text: String) -> [Substring] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    func characterFields(_ line: Substring) -> [Substring] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
    }

    /// Every structure, potential and data text file shipped under Tests/Fixtures and Scenes.
    func repositoryTextFiles() -> [URL] {
        let root = fixturesDirectory.deletingLastPathComponent().deletingLastPathComponent()
        var files = [URL]()
        for folder in ["Tests/Fixtures", "Scenes"] {
            let enumerator = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                if ["data", "xyz", "nn", "txt"].contains(url.pathExtension) { files.append(url) }
            }
        }
        return files
    }

    @Test("every shipped text file splits into the same lines, fields and Doubles as Character splitting gave")
    func sameAsCharacterSplitting() throws {
        let files = repositoryTextFiles()
        #expect(files.count >= 20)
        var numbers = 0
        var fields = [Substring]()
        for url in files {
            let text = try TextFile.read(url.path)
            let lines = TextFields.lines(text)
            let expected = characterLines(text)
            #expect(lines == expected, "\(url.lastPathComponent)")
            for (line, old) in zip(lines, expected) {
                TextFields.fields(line, into: &fields)
                let oldFields = characterFields(old)
                #expect(fields == oldFields, "\(url.lastPathComponent): \(line)")
                #expect(TextFields.firstField(line) == oldFields.first)
                for (token, oldToken) in zip(fields, oldFields) {
                    guard let x = Double(token) else { continue }
                    #expect(x.bitPattern == Double(String(oldToken))?.bitPattern, "\(url.lastPathComponent): \(token)")
                    numbers += 1
                }
            }
        }
        #expect(numbers > 50_000)
    }

    @Test("line breaks \\n, \\r\\n and \\r, blank lines and a missing final break split as before",
          arguments: ["", "\n", "a", "a\n", "a\n\n", "a\r\nb\rc\nd", "\r\r\n\n", " x  y\t\tz \r\n\t\n", "é ü\u{301}\n末"])
    func lineBreaks(text: String) {
        #expect(TextFields.lines(text) == characterLines(text))
        var fields = [Substring]()
        for line in TextFields.lines(text) {
            TextFields.fields(line, into: &fields)
            #expect(fields == characterFields(line))
        }
    }

    @Test("input.data numbers with exponents, signs, 17 digits and subnormals read as the exact Doubles")
    func trickyNumbers() throws {
        let text = """
        begin
        atom 1.0E-05 1e+3 -0.0 H +2.5 0 0.12345678901234567 2.2250738585072014E-308 4.9406564584124654E-324
        atom -1.7976931348623157e+3 +0.0 12345678.901234567 H 0 0 9007199254740993 1D-2 1.00000000000000011102230246251565404236316680908203125
        energy -1.23456789012345678E+05
        end
        """
        let frame = try #require(try N2P2Data.parse(text).first)
        func bits(_ v: Vector3) -> [UInt64] { [v.x.bitPattern, v.y.bitPattern, v.z.bitPattern] }
        // Swift literals are rounded by the compiler: an oracle independent of the parser at run time.
        #expect(bits(frame.system.positions[0]) == bits(Vector3(1.0e-05, 1e3, -0.0)))
        #expect(frame.system.positions[0].z.sign == .minus)
        #expect(bits(frame.forces![0]) == bits(Vector3(0.12345678901234567, 2.2250738585072014e-308, 4.9406564584124654e-324)))
        #expect(bits(frame.system.positions[1]) == bits(Vector3(-1.7976931348623157e+3, +0.0, 12345678.901234567)))
        #expect(bits(frame.forces![1]) == bits(Vector3(9007199254740993, 1e-2, 1.00000000000000011102230246251565404236316680908203125)))
        #expect(frame.energy?.bitPattern == (-1.23456789012345678E+05).bitPattern)
    }
}
