/// The headers of the i-PI socket protocol: 12 ASCII bytes, upper case, padded with spaces on the right.
///
/// The server (i-PI, ASE's `SocketIOCalculator`) sends ``status``, ``posdata``, ``getforce``, ``initialize``
/// and ``exit``; the client (a force engine such as `nnplab serve`) answers ``ready``, ``haveData``,
/// ``needInit`` and ``forceReady``.
public enum IPIMessage: String, Sendable, CaseIterable {
    case status = "STATUS"
    case posdata = "POSDATA"
    case getforce = "GETFORCE"
    case initialize = "INIT"
    case exit = "EXIT"
    case ready = "READY"
    case haveData = "HAVEDATA"
    case needInit = "NEEDINIT"
    case forceReady = "FORCEREADY"

    /// Length of every header in bytes.
    public static let headerLength = 12

    /// The 12 bytes sent on the wire: the name followed by spaces.
    public var header: [UInt8] {
        Array(rawValue.utf8) + [UInt8](repeating: 0x20, count: Self.headerLength - rawValue.utf8.count)
    }

    /// Decodes a 12-byte header. Trailing spaces (and NULs, which some C drivers pad with) are dropped;
    /// a header that is not printable ASCII is ``DriverError/malformedHeader(_:)``, and a well-formed name
    /// outside the protocol is ``DriverError/unknownMessage(_:)``.
    public static func decode(_ bytes: [UInt8]) throws -> IPIMessage {
        guard bytes.count == headerLength else { throw DriverError.malformedHeader(bytes) }
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0 { end -= 1 }
        let name = bytes[..<end]
        guard !name.isEmpty, name.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { throw DriverError.malformedHeader(bytes) }
        let text = String(decoding: name, as: UTF8.self)
        // Headers are case-insensitive in practice (i-PI upper-cases what it sends).
        guard let message = IPIMessage(rawValue: text.uppercased()) else { throw DriverError.unknownMessage(text) }
        return message
    }
}
