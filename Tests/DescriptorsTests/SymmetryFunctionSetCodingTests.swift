import Descriptors
import Foundation
import Geometry
import Testing

private let h = Element(symbol: "H")!, o = Element(symbol: "O")!

@Suite("Symmetry-function sets as JSON")
struct SymmetryFunctionSetCodingTests {
    /// Every type, awkward decimals (0.1, 1/3) whose bits a lossy writer would change, and a kinked
    /// cutoff (which n2p2's files cannot express).
    static func everyType() throws -> SymmetryFunctionSet {
        try SymmetryFunctionSet(cutoffShape: .kinked, innerFraction: 0.1, functions: [
            h: [.radial(.init(neighbor: o, eta: 1.0 / 3, shift: 0.1, cutoff: 6.5)),
                .wideAngular(.init(neighbors: h, o, eta: 0.08, lambda: -1, zeta: 4, cutoff: 3.6))],
            o: [.narrowAngular(.init(neighbors: o, h, eta: 0.05, lambda: -1, zeta: 1.5, shift: 0.3, cutoff: 4)),
                .weightedRadial(.init(eta: 0.2, shift: 0.5, cutoff: 4)),
                .weightedNarrowAngular(.init(eta: 0.04, lambda: 1, zeta: 3, cutoff: 4))],
        ])
    }

    @Test("a set written and read back is the same set, every parameter bit for bit")
    func roundTrip() throws {
        let set = try Self.everyType()
        let data = try JSONEncoder().encode(set)
        let back = try JSONDecoder().decode(SymmetryFunctionSet.self, from: data)
        #expect(back == set)
        #expect(back.cutoffShape == .kinked && back.functions.map(\.count) == [2, 3])
    }

    @Test("a file naming an unknown element, a negative η or an unknown shape is refused with the reason")
    func refusesBadFiles() throws {
        let good = String(decoding: try JSONEncoder().encode(try Self.everyType()), as: UTF8.self)
        func fails(_ old: String, _ new: String, mentioning words: String) {
            #expect(good.contains(old))
            let bad = Data(good.replacingOccurrences(of: old, with: new).utf8)
            do {
                _ = try JSONDecoder().decode(SymmetryFunctionSet.self, from: bad)
                Issue.record("decoding should fail after replacing \(old) with \(new)")
            } catch {
                #expect("\(error)".contains(words))
            }
        }
        fails("\"kinked\"", "\"wobbly\"", mentioning: "wobbly")
        fails("\"eta\":0.2", "\"eta\":-0.2", mentioning: "eta must be >= 0")
        fails("\"element\":\"O\"", "\"element\":\"Qq\"", mentioning: "Qq")
    }
}
