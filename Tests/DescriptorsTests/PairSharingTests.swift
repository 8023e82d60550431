import Foundation
import Geometry
import Testing
@testable import Descriptors

private let h = Element(symbol: "H")!, o = Element(symbol: "O")!, ar = Element(symbol: "Ar")!

/// A pair's radial factors, computed at one end and copied at the other, must be the numbers the
/// other end would have computed: the descriptors and their gradients may not change by one bit.
@Suite("Radial factors shared between a pair's two ends")
struct PairSharingTests {
    /// Two species with every function type, and one species with radial functions only (argon's
    /// kind of set), each periodic in a box barely wider than the cutoff (so atoms see their own
    /// images) and open.
    static func cases() throws -> [(String, SymmetryFunctionSet, AtomicSystem)] {
        let twoSpecies = try SymmetryFunctionSet(cutoffShape: .cosine, innerFraction: 0.3,
                                                 functions: [h: SymmetryFunctionDerivativeTests.everyType,
                                                             o: SymmetryFunctionDerivativeTests.everyType])
        let radial: [SymmetryFunction] = try [0.5, 1.5, 2.5, 3.5].map { shift in
            .radial(.init(neighbor: ar, eta: 3, shift: shift, cutoff: 4))
        } + [.radial(.init(neighbor: ar, eta: 0.1, shift: 0, cutoff: 4))]
        let oneSpecies = try SymmetryFunctionSet(cutoffShape: .kinked, innerFraction: 0.5, functions: [ar: radial])
        var random = SeededGenerator(seed: 5)
        var positions = [Vector3]()
        while positions.count < 16 {
            let p = Vector3(random.uniform(), random.uniform(), random.uniform()) * 4.4
            if positions.allSatisfy({ ($0 - p).length > 1.0 }) { positions.append(p) }
        }
        // Narrower than cutoff + skin: atoms see images of themselves.
        let cell = Cell(a: Vector3(4.4, 0, 0), b: Vector3(0.5, 4.3, 0), c: Vector3(-0.3, 0.2, 4.2))
        var out = [(String, SymmetryFunctionSet, AtomicSystem)]()
        for (name, set, elements) in [("H/O, every type", twoSpecies, (0..<16).map { $0 % 3 == 0 ? o : h }),
                                      ("Ar, radial only", oneSpecies, Array(repeating: ar, count: 16))] {
            for periodic in [true, false] {
                out.append(("\(name), \(periodic ? "periodic" : "open")", set,
                            try AtomicSystem(elements: elements, positions: positions, cell: periodic ? cell : nil)))
            }
        }
        return out
    }

    @Test("G, ∂E/∂r of each neighbour and of the centre are bit for bit those of a workspace that shares nothing")
    func sharingChangesNoBit() throws {
        for (name, set, system) in try Self.cases() {
            let list = NeighborList(system: system, cutoff: set.maximumCutoff, skin: 0.5, kind: .full)
            let frame = try DescriptorFrame(system: system, neighbors: list, set: set)
            let evaluator = SymmetryFunctionEvaluator(set)
            let shared = evaluator.makeWorkspace(), alone = evaluator.makeWorkspace()
            // Two evaluations in a row: the second must not read the first one's entries.
            for _ in 0..<2 {
                shared.shareSymmetricPairs(of: frame)
                let width = set.functions.map(\.count).max()!
                var g1 = [Double](repeating: 0, count: width), g2 = g1
                for i in 0..<system.count {
                    let s1 = shared.descriptors(ofAtom: i, frame: frame, into: &g1)
                    let s2 = alone.descriptors(ofAtom: i, frame: frame, into: &g2)
                    #expect(s1 == s2 && g1.map(\.bitPattern) == g2.map(\.bitPattern), "\(name): G of atom \(i)")
                    let weights = (0..<width).map { sin(Double($0 + 3 * i)) }
                    let c1 = weights.withUnsafeBufferPointer { shared.backward(weights: $0.baseAddress!) }
                    let c2 = weights.withUnsafeBufferPointer { alone.backward(weights: $0.baseAddress!) }
                    #expect(bits(c1) == bits(c2), "\(name): centre gradient of atom \(i)")
                    #expect(shared.neighborCount == alone.neighborCount, "\(name): atom \(i)")
                    for n in 0..<min(shared.neighborCount, alone.neighborCount) {
                        let a = shared.neighbor(n), b = alone.neighbor(n)
                        #expect(a.extended == b.extended && bits(a.gradient) == bits(b.gradient), "\(name): atom \(i), neighbour \(n)")
                    }
                }
            }
            // The sharing happened: about half the slots of one species' pairs were copied.
            let reused = shared.pairShare?.reused ?? 0
            #expect(reused > list.neighbors.count / 8, "\(name): \(reused) of \(list.neighbors.count) slots copied")
        }
    }
}

private func bits(_ v: Vector3) -> [UInt64] { [v.x.bitPattern, v.y.bitPattern, v.z.bitPattern] }
