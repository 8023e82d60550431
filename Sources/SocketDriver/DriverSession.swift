import Geometry
import Potentials
import Foundation

/// One force engine's side of the i-PI protocol: answers a server's requests with a potential's energy,
/// forces and virial for the atoms of a reference structure, until the server says EXIT or hangs up.
///
/// The protocol sends no species, so `structure` supplies them (and whether the system is periodic: the
/// cell a server sends for a cluster is ignored). The states are those of i-PI's drivers: READY (waiting
/// for positions) and HAVEDATA (forces computed, waiting for GETFORCE). Every message is answered in
/// atomic units (``AtomicUnitConvention``): POSDATA brings the cell h (3×3, row-major, lattice vectors
/// as columns, Bohr), its inverse (ignored: recomputed from h), the atom count and the positions (Bohr);
/// GETFORCE is answered with FORCEREADY, the energy (Ha), the atom count, the forces (Ha/Bohr), the virial
/// (Ha; 3×3, sent transposed as ASE does) and an extra string (`{}`, an empty JSON object, since i-PI
/// reads extras as JSON).
public final class DriverSession {
    /// How a session that did not fail ended.
    public enum Ending: Sendable, Equatable {
        /// The server sent EXIT (i-PI does at the end of a run).
        case exitMessage
        /// The server closed the connection between two requests, after answering at least one: how ASE's
        /// `SocketIOCalculator` ends (it sends no EXIT).
        case closedBetweenRequests
    }

    public private(set) var evaluations = 0

    private var system: AtomicSystem
    private let structureName: String
    private var evaluator: ForceEvaluator
    private let factors: (length: Double, energy: Double)
    /// The FORCEREADY message computed for the last positions, waiting for GETFORCE.
    private var pendingAnswer: [UInt8]?

    /// The largest INIT string accepted (bytes): more is a broken or hostile server, not a parameter string.
    public static let maximumInitLength = 1 << 20

    /// `structure` is in the potential's own units (as `nnplab eval` reads it).
    public init(structure: AtomicSystem, structureName: String, potential: any Potential,
                units: AtomicUnitConvention) throws {
        system = structure
        self.structureName = structureName
        evaluator = try ForceEvaluator(potential: potential, system: structure)
        factors = units.factors(to: potential.units)
    }

    private var stateName: String { pendingAnswer == nil ? "READY" : "HAVEDATA (forces computed, not yet collected)" }

    /// Serves requests read from `stream` until EXIT or a clean hang-up; throws ``DriverError`` for
    /// anything else (a malformed or unknown message, a wrong atom count, a server gone mid-message).
    public func run(over stream: some ByteStream) throws -> Ending {
        while true {
            let header = try stream.read(IPIMessage.headerLength)
            if header.isEmpty {
                if pendingAnswer != nil {
                    throw DriverError.serverClosed(during: "the client held forces it had not collected")
                }
                guard evaluations > 0 else { throw DriverError.serverClosed(during: "the client waited for its first request") }
                return .closedBetweenRequests
            }
            guard header.count == IPIMessage.headerLength else {
                throw DriverError.serverClosed(during: "sending a message header")
            }
            switch try IPIMessage.decode(header) {
            case .status:
                try stream.write((pendingAnswer == nil ? IPIMessage.ready : .haveData).header)
            case .posdata:
                pendingAnswer = try answer(positions: readPositions(from: stream))
                evaluations += 1
            case .getforce:
                guard let answer = pendingAnswer else { throw DriverError.unexpectedMessage(.getforce, state: stateName) }
                try stream.write(answer)
                pendingAnswer = nil
            case .initialize:
                try readInitialization(from: stream)
                pendingAnswer = nil
            case .exit:
                return .exitMessage
            case let other:
                throw DriverError.unexpectedMessage(other, state: stateName)
            }
        }
    }

    // MARK: - Reading requests

    private func read(_ count: Int, from stream: some ByteStream, during: String) throws -> WireReader {
        let bytes = try stream.read(count)
        guard bytes.count == count else { throw DriverError.serverClosed(during: during) }
        return WireReader(bytes)
    }

    /// POSDATA's payload: the cell and positions, converted to the potential's units, set into `system`.
    private func readPositions(from stream: some ByteStream) throws -> AtomicSystem {
        var head = try read(9 * 8 * 2 + 4, from: stream, during: "sending the cell (POSDATA)")
        let h = head.doubles(9)
        _ = head.doubles(9)  // h⁻¹: recomputed from h, which is what the positions refer to
        let count = Int(head.int32())
        guard count == system.count else {
            throw DriverError.atomCountMismatch(received: count, expected: system.count, structure: structureName)
        }
        var body = try read(24 * count, from: stream, during: "sending the positions (POSDATA)")
        let numbers = body.doubles(3 * count)
        guard h.allSatisfy(\.isFinite), numbers.allSatisfy(\.isFinite) else {
            throw DriverError.malformedPayload("a cell entry or position that is not a finite number")
        }
        let L = factors.length
        var next = system
        for i in 0..<count {
            next.positions[i] = Vector3(numbers[3 * i], numbers[3 * i + 1], numbers[3 * i + 2]) * L
        }
        if system.cell != nil {
            // h has the lattice vectors as columns: a = (h₀₀, h₁₀, h₂₀).
            guard let cell = Cell(a: Vector3(h[0], h[3], h[6]) * L, b: Vector3(h[1], h[4], h[7]) * L,
                                  c: Vector3(h[2], h[5], h[8]) * L) else {
                throw DriverError.malformedPayload("the cell sent is singular (\(h.map { "\($0)" }.joined(separator: " ")) Bohr) but \(structureName) is periodic")
            }
            next.cell = cell
        }
        return next
    }

    /// INIT's payload: a replica index and a parameter string, which this client needs not (NNPLab's
    /// potentials take no parameters from the server) but must not misread.
    private func readInitialization(from stream: some ByteStream) throws {
        var head = try read(8, from: stream, during: "sending INIT")
        _ = head.int32()
        let length = Int(head.int32())
        guard (0...Self.maximumInitLength).contains(length) else {
            throw DriverError.malformedPayload("INIT string length \(length) (expected 0 to \(Self.maximumInitLength) bytes)")
        }
        let text = String(decoding: try stream.read(length), as: UTF8.self)
        if let size = Self.batchSize(in: text), size > 1 {
            throw DriverError.unsupported("the server asks for batched requests (batch_size:\(size)); nnplab serve answers one structure at a time: set batch_size to 1")
        }
    }

    /// The `batch_size:N` i-PI adds to the INIT string when it wants batched requests.
    static func batchSize(in text: String) -> Int? {
        guard let range = text.range(of: "batch_size:") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    // MARK: - Answering

    /// Evaluates the potential at `next` and encodes the FORCEREADY answer.
    private func answer(positions next: AtomicSystem) throws -> [UInt8] {
        system = next
        let result = evaluator.evaluate(system)
        guard result.energy.isFinite, result.forces.allSatisfy({ $0.x.isFinite && $0.y.isFinite && $0.z.isFinite }) else {
            throw DriverError.unsupported("the potential gives a non-finite energy or force at the positions the server sent (evaluation \(evaluations + 1)): atoms too close?")
        }
        let (L, E) = factors
        var out = WireWriter()
        out.append(.forceReady)
        out.append(result.energy / E)
        out.append(Int32(system.count))
        for f in result.forces { out.append([f.x * L / E, f.y * L / E, f.z * L / E]) }
        out.append(Self.transposed(result.virial).map { $0 / E })
        let extra = Array("{}".utf8)
        out.append(Int32(extra.count))
        out.append(raw: extra)
        return out.bytes
    }

    /// W (W = −∂E/∂ε, so ASE's stress is −W/V) as Wᵀ in row-major order, which is what ASE and i-PI
    /// transpose back.
    private static func transposed(_ w: Virial) -> [Double] {
        (0..<3).flatMap { i in (0..<3).map { j in w[j][i] } }
    }
}
