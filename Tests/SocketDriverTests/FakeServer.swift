#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Geometry
@testable import SocketDriver

/// What ASE's `IPIProtocol` puts on the wire, written out here independently of the client's decoder:
/// headers, the POSDATA payload (cell transposed: lattice vectors as columns, row-major, in Bohr) and the
/// parsing of FORCEREADY.
enum ServerSide {
    static func header(_ name: String) -> [UInt8] {
        Array(name.utf8) + [UInt8](repeating: 0x20, count: 12 - name.utf8.count)
    }

    static func littleEndian(_ v: Double) -> [UInt8] { (0..<8).map { UInt8((v.bitPattern >> (8 * UInt64($0))) & 0xFF) } }
    static func littleEndian(_ v: Int32) -> [UInt8] { (0..<4).map { UInt8((UInt32(bitPattern: v) >> (8 * UInt32($0))) & 0xFF) } }

    /// POSDATA for `system` (Å), divided by `bohr` (Å) as ASE does; `count` overrides the atom count sent.
    static func posdata(_ system: AtomicSystem, bohr: Double, count: Int? = nil) -> [UInt8] {
        var out = header("POSDATA")
        let vectors = system.cell.map { [$0.a, $0.b, $0.c] } ?? [.zero, .zero, .zero]
        // cell.T in C order: entry (i, j) of the transpose is component i of lattice vector j.
        for i in 0..<3 { for j in 0..<3 { out += littleEndian(vectors[j][i] / bohr) } }
        let inverse = system.cell.map { [$0.reciprocal.0, $0.reciprocal.1, $0.reciprocal.2] } ?? [.zero, .zero, .zero]
        for i in 0..<3 { for j in 0..<3 { out += littleEndian(inverse[i][j] * bohr) } }
        out += littleEndian(Int32(count ?? system.count))
        for r in system.positions { for k in 0..<3 { out += littleEndian(r[k] / bohr) } }
        return out
    }

    /// The FORCEREADY payload parsed as ASE's `sendrecv_force` does, converted back with `bohr` and `hartree`.
    struct Forces {
        var energy: Double
        var forces: [Vector3]
        /// virial[a][b], after ASE's transpose.
        var virial: [[Double]]
        var extra: [UInt8]
    }

    static func parseForces(_ bytes: [UInt8], bohr: Double, hartree: Double) -> Forces? {
        var offset = 0
        func take(_ n: Int) -> [UInt8]? {
            guard offset + n <= bytes.count else { return nil }
            defer { offset += n }
            return Array(bytes[offset..<offset + n])
        }
        func double() -> Double? {
            take(8).map { b in Double(bitPattern: b.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }) }
        }
        func int() -> Int? {
            take(4).map { b in Int(Int32(bitPattern: b.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) })) }
        }
        guard take(12) == header("FORCEREADY"), let e = double(), let n = int(), n >= 0 else { return nil }
        var forces: [Vector3] = []
        for _ in 0..<n {
            guard let x = double(), let y = double(), let z = double() else { return nil }
            forces.append(Vector3(x, y, z) * (hartree / bohr))
        }
        var sent = [[Double]](repeating: [0, 0, 0], count: 3)
        for i in 0..<3 { for j in 0..<3 { guard let v = double() else { return nil }; sent[i][j] = v } }
        let virial = (0..<3).map { a in (0..<3).map { b in sent[b][a] * hartree } }
        guard let m = int(), let extra = take(m), offset == bytes.count else { return nil }
        return Forces(energy: e * hartree, forces: forces, virial: virial, extra: extra)
    }
}

/// An in-memory server: the bytes it will send, and what the client wrote.
final class ScriptedStream: ByteStream {
    private var input: [UInt8]
    private(set) var written: [UInt8] = []

    init(_ input: [UInt8]) { self.input = input }

    func read(_ count: Int) throws -> [UInt8] {
        let n = min(count, input.count)
        defer { input.removeFirst(n) }
        return Array(input.prefix(n))
    }

    func write(_ bytes: [UInt8]) throws { written += bytes }
}

/// A real server on a Unix socket `/tmp/ipi_NAME` in this process: it binds after `delay` seconds,
/// accepts one client, sends `script`'s requests and collects every byte the client sends until it closes.
final class UnixSocketServer: @unchecked Sendable {
    let name: String
    private let done = DispatchSemaphore(value: 0)
    private var received: [UInt8] = []
    private var failure: String?

    /// `script` gets a send and a receive-exactly function; it returns when it has said everything.
    init(delay: Double, script: @escaping @Sendable (_ send: ([UInt8]) -> Void, _ receive: (Int) -> [UInt8]) -> Void) {
        name = "nnplab-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let path = ServerAddress.unixSocketPath(name)
        Thread.detachNewThread { [self] in
            defer { done.signal() }
            Thread.sleep(forTimeInterval: delay)
            unlink(path)
            let listener = socket(AF_UNIX, Self.streamType, 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                for (k, byte) in path.utf8.enumerated() { raw[k] = byte }
            }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            defer { close(listener); unlink(path) }
            guard bound == 0, listen(listener, 1) == 0 else { failure = "bind/listen failed"; return }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { failure = "accept failed"; return }
            defer { close(client) }
            script({ bytes in
                _ = bytes.withUnsafeBytes { send(client, $0.baseAddress!, bytes.count, 0) }
            }, { count in
                var buffer = [UInt8](repeating: 0, count: count)
                var filled = 0
                while filled < count {
                    let n = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress! + filled, count - filled, 0) }
                    guard n > 0 else { break }
                    filled += n
                }
                received += buffer[..<filled]
                return Array(buffer[..<filled])
            })
        }
    }

    /// Waits for the script to finish; the bytes the client sent.
    func finish() -> (received: [UInt8], failure: String?) {
        done.wait()
        return (received, failure)
    }

    #if canImport(Glibc)
    private static let streamType = Int32(SOCK_STREAM.rawValue)
    #else
    private static let streamType = SOCK_STREAM
    #endif
}
