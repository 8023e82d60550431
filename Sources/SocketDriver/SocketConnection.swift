#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an i-PI server listens.
public enum ServerAddress: Sendable, Hashable, CustomStringConvertible {
    /// A Unix socket named as i-PI and ASE name them: `/tmp/ipi_NAME`.
    case unix(name: String)
    /// A TCP port on a host (name or numeric address).
    case inet(host: String, port: Int)

    /// The file of a Unix socket: `/tmp/ipi_` followed by the name (i-PI's and ASE's prefix).
    public static func unixSocketPath(_ name: String) -> String { "/tmp/ipi_" + name }

    public var description: String {
        switch self {
        case let .unix(name): return "unix socket " + Self.unixSocketPath(name)
        case let .inet(host, port): return "\(host):\(port)"
        }
    }
}

/// A byte stream to the server; ``SocketConnection`` is the real one.
public protocol ByteStream {
    /// Reads exactly `count` bytes, or fewer only when the stream ends (0 at once on a closed stream).
    func read(_ count: Int) throws -> [UInt8]
    /// Writes every byte.
    func write(_ bytes: [UInt8]) throws
}

/// A connected stream socket (Unix or TCP) to an i-PI server, closed when released.
public final class SocketConnection: ByteStream {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// Connects to `address`, retrying every 0.1 s while the server is not (yet) listening — no socket
    /// file, or a refused connection — until `timeout` seconds have passed. Other failures end at once.
    public static func connect(to address: ServerAddress, timeout: Double) throws -> SocketConnection {
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int64(max(0, timeout) * 1000))
        while true {
            let attempt = try attemptConnection(to: address)
            switch attempt {
            case let .connected(descriptor):
                return SocketConnection(descriptor: descriptor)
            case let .notListening(reason):
                guard clock.now < deadline else {
                    throw DriverError.cannotConnect(address: address.description, seconds: timeout, reason: reason)
                }
                usleep(100_000)
            }
        }
    }

    public func read(_ count: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = buffer.withUnsafeMutableBytes { raw in
                recv(descriptor, raw.baseAddress! + filled, count - filled, 0)
            }
            if n > 0 {
                filled += n
            } else if n == 0 {
                break
            } else if errno == EINTR {
                continue
            } else if errno == ECONNRESET {
                break  // the peer is gone: the same as the end of the stream
            } else {
                throw DriverError.socketFailed(call: "recv", reason: Self.reason(errno))
            }
        }
        return filled == count ? buffer : Array(buffer[..<filled])
    }

    public func write(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                send(descriptor, raw.baseAddress! + sent, bytes.count - sent, Self.noSignal)
            }
            if n >= 0 {
                sent += n
            } else if errno == EINTR {
                continue
            } else if errno == EPIPE || errno == ECONNRESET {
                throw DriverError.serverClosed(during: "the client was sending its answer")
            } else {
                throw DriverError.socketFailed(call: "send", reason: Self.reason(errno))
            }
        }
    }

    // MARK: - Connecting

    private enum Attempt {
        case connected(Int32)
        /// Nobody listening yet: worth retrying.
        case notListening(String)
    }

    /// errno values meaning "the server is not there yet".
    private static let retryable: Set<Int32> = [ENOENT, ECONNREFUSED, ECONNRESET, EAGAIN, ETIMEDOUT, ECONNABORTED]

    private static func attemptConnection(to address: ServerAddress) throws -> Attempt {
        switch address {
        case let .unix(name):
            return try connectUnix(path: ServerAddress.unixSocketPath(name))
        case let .inet(host, port):
            return try connectInet(host: host, port: port)
        }
    }

    private static func connectUnix(path: String) throws -> Attempt {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        let bytes = Array(path.utf8)
        guard bytes.count < capacity else {
            throw DriverError.badAddress("unix socket path \(path) is \(bytes.count) bytes; the system allows \(capacity - 1)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (k, byte) in bytes.enumerated() { raw[k] = byte }
        }
        let fd = socket(AF_UNIX, streamType, 0)
        guard fd >= 0 else { throw DriverError.socketFailed(call: "socket", reason: reason(errno)) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glue.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return try finish(fd, result: result)
    }

    private static func connectInet(host: String, port: Int) throws -> Attempt {
        guard (1...65535).contains(port) else { throw DriverError.badAddress("port must be 1 to 65535, got \(port)") }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = streamType
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw DriverError.badAddress("cannot resolve host '\(host)': \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var lastReason = "no address for \(host)"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard fd >= 0 else { lastReason = reason(errno); continue }
            switch try finish(fd, result: Glue.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen)) {
            case let .connected(fd):
                // Requests and answers are small and strictly alternate: send each at once.
                var on: Int32 = 1
                setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
                return .connected(fd)
            case let .notListening(reason):
                lastReason = reason
            }
        }
        return .notListening(lastReason)
    }

    /// Closes `fd` unless `connect` succeeded; classifies the failure.
    private static func finish(_ fd: Int32, result: Int32) throws -> Attempt {
        if result == 0 {
            #if canImport(Darwin)
            var on: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
            #endif
            return .connected(fd)
        }
        let code = errno
        close(fd)
        guard retryable.contains(code) else { throw DriverError.socketFailed(call: "connect", reason: reason(code)) }
        return .notListening(reason(code))
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    #if canImport(Glibc)
    private static let streamType = Int32(SOCK_STREAM.rawValue)
    private static let noSignal = Int32(MSG_NOSIGNAL)
    #else
    private static let streamType = SOCK_STREAM
    private static let noSignal: Int32 = 0
    #endif
}

/// The C library's `connect`, which the static method names above would otherwise shadow.
private enum Glue {
    static func connect(_ fd: Int32, _ address: UnsafePointer<sockaddr>!, _ length: socklen_t) -> Int32 {
        #if canImport(Glibc)
        Glibc.connect(fd, address, length)
        #else
        Darwin.connect(fd, address, length)
        #endif
    }
}
