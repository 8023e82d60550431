import Foundation
import Testing
import Geometry
@testable import StructureFiles

@Suite("Structure files: extreme input ends in one line")
struct RobustReadingTests {
    func xyzError(_ text: String) -> String? {
        do { _ = try ExtendedXYZ.parse(text, file: "x.xyz"); return nil } catch { return "\(error)" }
    }

    @Test("an atom count of 2^63 − 1 is compared with the lines there are, not added to")
    func hugeAtomCount() {
        let message = xyzError("9223372036854775807\nLattice=\"5 0 0 0 5 0 0 0 5\"\nAr 0 0 0\n")
        #expect(message == "x.xyz:3: file ends after 1 of the 9223372036854775807 atoms announced on line 1: '9223372036854775807'")
    }

    @Test("a property of 2^63 − 1 columns is refused, not added up")
    func hugePropertyCount() {
        let message = xyzError("1\nProperties=species:S:1:pos:R:3:x:R:9223372036854775807:y:R:9223372036854775807\nAr 0 0 0\n")
        #expect(message?.hasPrefix("x.xyz:2: Properties is not a list of name:type:count") == true)
    }

    @Test("NaN, inf and coordinates beyond ±1e8 are refused with file:line")
    func nonFiniteAndHugeNumbers() {
        #expect(xyzError("1\n\nAr nan 0 0\n") == "x.xyz:3: pos is not a finite number: 'nan'")
        #expect(xyzError("1\n\nAr 0 -inf 0\n") == "x.xyz:3: pos is not a finite number: '-inf'")
        #expect(xyzError("1\n\nAr 0 0 1e300\n") == "x.xyz:3: pos must be within ±1e+08: '1e300'")
        #expect(xyzError("1\nLattice=\"5 0 0 0 5 0 0 0 inf\"\nAr 0 0 0\n")?.hasPrefix("x.xyz:2: Lattice component is not a finite number") == true)
        #expect(xyzError("1\nenergy=nan\nAr 0 0 0\n") == "x.xyz:2: energy is not a finite number: 'nan'")
        let n2p2 = "begin\natom 0 0 0 Ar 0 nan 0 0 0\nend\n"
        #expect(throws: StructureFileError.self) { try N2P2Data.parse(n2p2) }
    }

    @Test("Windows (CRLF) line endings read like Unix ones, in both formats")
    func windowsLineEndings() throws {
        let unix = "2\nLattice=\"5 0 0 0 5 0 0 0 5\"\nAr 0 0 0\nAr 2.5 2.5 2.5\n"
        let windows = try ExtendedXYZ.parse(unix.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(windows == (try ExtendedXYZ.parse(unix)))
        let data = "begin\r\nlattice 5 0 0\r\nlattice 0 5 0\r\nlattice 0 0 5\r\natom 0 0 0 Ar 0 0 0 0 0\r\nenergy 1\r\nend\r\n"
        #expect(try N2P2Data.parse(data).first?.system.count == 1)
        #expect(StructureFormat.detect(data) == .n2p2)
    }

    @Test("a directory, a non-UTF-8 file and a binary file are refused in plain words")
    func unreadableFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnplab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: TextFileError(path: folder.path, reason: "is a directory, not a file")) { try TextFile.read(folder.path) }
        let latin1 = folder.appendingPathComponent("latin1.xyz")
        try Data([0x31, 0x0a, 0xe9, 0x0a]).write(to: latin1)
        #expect(throws: TextFileError(path: latin1.path, reason: "is not UTF-8 text (an undecodable byte near offset 2)")) {
            try TextFile.read(latin1.path)
        }
        let binary = folder.appendingPathComponent("binary.xyz")
        try Data([0x31, 0x0a, 0x00, 0x0a]).write(to: binary)
        do { _ = try StructureFormat.read(binary); Issue.record("read a binary file") } catch {
            #expect("\(error)" == "\(binary.path): is binary, not text (a NUL byte at offset 2)")
        }
    }

    @Test("a write to a full disk (/dev/full) is an error naming the reason; the device is not replaced",
          .enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full (Linux)"))
    func fullDisk() throws {
        #expect(throws: TextFileError(path: "/dev/full", reason: "cannot write: no space left on device")) {
            try TextFile.write("some text\n", to: "/dev/full")
        }
        var info = stat()
        #expect(stat("/dev/full", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test("a regular file is replaced whole, and a failed write leaves no temporary file behind")
    func regularFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnplab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.txt").path
        try TextFile.write("first\n", to: file)
        try TextFile.write("second\n", to: file)
        #expect(try TextFile.read(file) == "second\n")
        #expect(throws: TextFileError.self) { try TextFile.write("x", to: folder.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.txt"])
    }
}
