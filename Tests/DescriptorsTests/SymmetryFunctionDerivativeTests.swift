import Descriptors
import Foundation
import Geometry
import Testing

private let h = Element(symbol: "H")!, o = Element(symbol: "O")!

@Suite("Symmetry function derivatives")
struct SymmetryFunctionDerivativeTests {

    static let everyType: [SymmetryFunction] = [
        .radial(.init(neighbor: h, eta: 0.5, shift: 0.8, cutoff: 4)),
        .narrowAngular(.init(neighbors: o, h, eta: 0.05, lambda: -1, zeta: 1.5, shift: 0.3, cutoff: 4)),
        .narrowAngular(.init(neighbors: h, h, eta: 0.1, lambda: 1, zeta: 2, cutoff: 4)),
        .wideAngular(.init(neighbors: h, o, eta: 0.08, lambda: -1, zeta: 4, cutoff: 3.6)),
        .weightedRadial(.init(eta: 0.2, shift: 0.5, cutoff: 4)),
        .weightedNarrowAngular(.init(eta: 0.04, lambda: 1, zeta: 3, cutoff: 4)),
    ]

    static func system(periodic: Bool) throws -> AtomicSystem {
        var random = SeededGenerator(seed: 21)
        var positions = [Vector3]()
        while positions.count < 8 {
            let p = Vector3(random.uniform(), random.uniform(), random.uniform()) * 5.5
            if positions.allSatisfy({ ($0 - p).length > 0.9 }) { positions.append(p) }
        }
        return try AtomicSystem(elements: (0..<8).map { $0 % 3 == 0 ? o : h }, positions: positions,
                                cell: periodic ? Cell.orthorhombic(Vector3(repeating: 5.5)) : nil)
    }

    @Test("dG_i/dr_j of every function type equals central differences", arguments: [false, true])
    func derivativesMatchFiniteDifferences(periodic: Bool) throws {
        let set = try SymmetryFunctionSet(cutoffShape: .poly3, innerFraction: 0.1,
                                          functions: [h: Self.everyType, o: Self.everyType])
        let evaluator = SymmetryFunctionEvaluator(set)
        let system = try Self.system(periodic: periodic)
        let nonzero = try FiniteDifferences.compare(evaluator, system) { fd, analytic, place in
            #expect(abs(fd - analytic) < 1e-6 * max(1, abs(fd)), "\(place)")
        }
        #expect(nonzero > 100)
    }

    @Test("functions are sorted in n2p2 order: type, then r_c, eta, r_s, zeta, lambda, elements")
    func n2p2Order() throws {
        let shuffled: [SymmetryFunction] = [
            .narrowAngular(.init(neighbors: o, h, eta: 0.01, lambda: 1, zeta: 4, cutoff: 12)),
            .radial(.init(neighbor: o, eta: 0.001, cutoff: 12)),
            .narrowAngular(.init(neighbors: h, h, eta: 0.01, lambda: -1, zeta: 4, cutoff: 12)),
            .radial(.init(neighbor: h, eta: 0.001, cutoff: 12)),
            .radial(.init(neighbor: h, eta: 0.01, cutoff: 11)),
        ]
        let set = try SymmetryFunctionSet(cutoffShape: .cosine, functions: [h: shuffled, o: [shuffled[1]]])
        #expect(set.elements == [h, o])
        #expect(set.functions[0] == [shuffled[4], shuffled[3], shuffled[1], shuffled[2], shuffled[0]])
    }

    @Test("a function naming an element outside the set is refused")
    func unknownElement() {
        let cl = Element(symbol: "Cl")!
        #expect(throws: SymmetryFunctionSet.DefinitionError.self) {
            try SymmetryFunctionSet(cutoffShape: .cosine, functions: [h: [.radial(.init(neighbor: cl, eta: 1, cutoff: 3))]])
        }
    }
}
