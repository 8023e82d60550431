import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a text file so that a failure is a plain sentence and a full disk is never silent.
///
/// A regular file (or a new one) is written to a temporary file beside it and renamed over it, so a
/// failed write leaves the old file intact. Anything else that exists at the path (a device such as
/// `/dev/full` or `/dev/stdout`, a pipe) is written in place: renaming over it would replace the device.
/// Every write(2) and close(2) is checked, so "no space left on device" is reported, not lost.
public enum TextFile {
    /// The UTF-8 text of the file at `path`, or a ``TextFileError`` whose reason is a plain
    /// sentence: no such file, a directory, not readable, not UTF-8 text, binary.
    public static func read(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw TextFileError(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw TextFileError(path: path, reason: "is a directory, not a file") }
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path) else {
            throw TextFileError(path: path, reason: "cannot be read (permission denied or not a regular file)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let valid = String(decoding: data.prefix(4096), as: UTF8.self).prefix(while: { $0 != "\u{FFFD}" }).utf8.count
            throw TextFileError(path: path, reason: "is not UTF-8 text (an undecodable byte near offset \(valid))")
        }
        if let nul = text.utf8.firstIndex(of: 0) {
            let offset = text.utf8.distance(from: text.utf8.startIndex, to: nul)
            throw TextFileError(path: path, reason: "is binary, not text (a NUL byte at offset \(offset))")
        }
        return text
    }

    /// Writes `text` as UTF-8 to `path`.
    public static func write(_ text: String, to path: String) throws {
        var info = stat()
        let exists = stat(path, &info) == 0
        if exists && (info.st_mode & S_IFMT) == S_IFDIR { throw TextFileError(path: path, reason: "cannot write: is a directory") }
        if exists && (info.st_mode & S_IFMT) != S_IFREG {
            let fd = open(path, O_WRONLY | O_TRUNC)
            guard fd >= 0 else { throw TextFileError(path: path, errno: errno) }
            try writeAll(text, to: fd, path: path)
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).nnplab-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw TextFileError(path: path, errno: errno) }
        do {
            try writeAll(text, to: fd, path: path)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw TextFileError(path: path, errno: code)
        }
    }

    /// Writes `text` to standard output (after anything `print` buffered), checking every write:
    /// `nnplab eval ... > /dev/full` is an error, not a silent loss.
    public static func writeStandardOutput(_ text: String) throws {
        fflush(nil)
        try writeAll(text, to: STDOUT_FILENO, path: "standard output", closing: false)
    }

    /// Writes every byte and closes `fd` (unless `closing` is false); any failure (ENOSPC, EIO,
    /// EDQUOT, EPIPE) is thrown.
    private static func writeAll(_ text: String, to fd: Int32, path: String, closing: Bool = true) throws {
        var failure: Int32 = 0
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        let closed = closing ? close(fd) : 0
        if failure == 0 && closed != 0 { failure = errno }
        if failure != 0 { throw TextFileError(path: path, errno: failure) }
    }
}

/// write(2), under a name that the static `TextFile.write` does not shadow.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }

/// A file that could not be read or written: the path and the reason in plain words ("is a
/// directory, not a file", "cannot write: no space left on device").
public struct TextFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    init(path: String, errno code: Int32) {
        let text = String(cString: strerror(code))
        self.init(path: path, reason: "cannot write: " + text.prefix(1).lowercased() + text.dropFirst())
    }

    public var description: String { "\(path): \(reason)" }
}
