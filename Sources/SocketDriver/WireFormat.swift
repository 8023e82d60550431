/// The payloads of the i-PI protocol: 32-bit integers and 64-bit floats, little-endian (every machine
/// i-PI, ASE and LAMMPS run on), packed with no padding.
public struct WireWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func append(_ message: IPIMessage) { bytes += message.header }

    public mutating func append(_ value: Int32) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    public mutating func append(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
    }

    public mutating func append(_ values: [Double]) {
        bytes.reserveCapacity(bytes.count + 8 * values.count)
        for v in values { append(v) }
    }

    public mutating func append(raw: [UInt8]) { bytes += raw }
}

/// Reads little-endian numbers from a byte buffer that holds exactly the expected payload.
public struct WireReader: Sendable {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Bytes not yet read.
    public var remaining: Int { bytes.count - offset }

    public mutating func int32() -> Int32 {
        var value: UInt32 = 0
        for k in 0..<4 { value |= UInt32(bytes[offset + k]) << (8 * UInt32(k)) }
        offset += 4
        return Int32(bitPattern: value)
    }

    public mutating func double() -> Double {
        var value: UInt64 = 0
        for k in 0..<8 { value |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
        offset += 8
        return Double(bitPattern: value)
    }

    public mutating func doubles(_ count: Int) -> [Double] {
        (0..<count).map { _ in double() }
    }
}
