/// Why a client session with an i-PI server ended badly; each description is one line.
public enum DriverError: Error, Equatable, CustomStringConvertible {
    /// The server could not be reached before the connection timeout (address, seconds, last reason).
    case cannotConnect(address: String, seconds: Double, reason: String)
    /// The address itself is unusable (a Unix socket path too long, a host that does not resolve).
    case badAddress(String)
    /// The server closed the connection while `during` (e.g. "reading the positions") was under way.
    case serverClosed(during: String)
    /// A socket call failed (name of the call, the system's reason).
    case socketFailed(call: String, reason: String)
    /// A header that is not a space-padded ASCII word.
    case malformedHeader([UInt8])
    /// A well-formed header the protocol does not have.
    case unknownMessage(String)
    /// A message that makes no sense in the client's state (e.g. GETFORCE before any POSDATA).
    case unexpectedMessage(IPIMessage, state: String)
    /// The server sent positions for a different number of atoms than the structure has.
    case atomCountMismatch(received: Int, expected: Int, structure: String)
    /// A number or size in a message that cannot be right.
    case malformedPayload(String)
    /// The server asks for something this client does not do.
    case unsupported(String)

    public var description: String {
        switch self {
        case let .cannotConnect(address, seconds, reason):
            return "no i-PI server at \(address) after \(formatSeconds(seconds)) s: \(reason)"
        case let .badAddress(reason):
            return reason
        case let .serverClosed(during):
            return "the server closed the connection while \(during)"
        case let .socketFailed(call, reason):
            return "socket \(call) failed: \(reason)"
        case let .malformedHeader(bytes):
            let hex = bytes.map { byte in
                let digits = String(byte, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }.joined(separator: " ")
            return "malformed message header from the server (expected 12 ASCII bytes padded with spaces, got \(hex))"
        case let .unknownMessage(name):
            return "unknown message from the server: '\(name)' (expected STATUS, POSDATA, GETFORCE, INIT or EXIT)"
        case let .unexpectedMessage(message, state):
            return "unexpected \(message.rawValue) from the server while the client is \(state)"
        case let .atomCountMismatch(received, expected, structure):
            return "the server sent \(received) atoms; \(structure) has \(expected)"
        case let .malformedPayload(reason):
            return "malformed message from the server: \(reason)"
        case let .unsupported(reason):
            return reason
        }
    }

    private func formatSeconds(_ s: Double) -> String {
        s == s.rounded() ? String(Int(s)) : String(s)
    }
}
