import Descriptors
import Foundation
import Geometry
import Testing

private let h = Element(symbol: "H")!, o = Element(symbol: "O")!

@Suite("Polynomial symmetry functions (n2p2 types 20-25)")
struct PolynomialSymmetryFunctionTests {
    static func make(_ kind: PolynomialSymmetryFunction.Kind, _ subtype: String, lower: Double = 0.4,
                     left: Double = 20, right: Double = 170) throws -> SymmetryFunction {
        let named: [Element] = [[], [h], [o, h]][kind.namedElementCount]
        return .polynomial(try PolynomialSymmetryFunction(kind: kind, elements: named, lower: lower, cutoff: 4,
                                                          angleLeft: left, angleRight: right, subtype: subtype))
    }

    /// Each type with subtypes and bounds that exercise every core, the asymmetric variant, r_l < 0 and
    /// angular bounds centred on 0° and 180°.
    static let cases: [(PolynomialSymmetryFunction.Kind, String, Double, Double, Double)] = [
        (.radial, "p2", 0.4, 0, 0), (.radial, "p3a", -4, 0, 0), (.radial, "e", 0.2, 0, 0),
        (.narrow, "p1", 0.3, 20, 170), (.narrow, "p4", 0, -90, 90),
        (.wide, "p2a", 0.5, 90, 270), (.wide, "e", 0, 10, 120),
        (.weightedRadial, "p4a", 0.1, 0, 0), (.weightedRadial, "p1", 0, 0, 0),
        (.weightedNarrow, "p3", 0.2, 0, 180), (.weightedWide, "p2", -1, 45, 135),
    ]

    @Test("dG_i/dr_j equals central differences", arguments: 0..<cases.count)
    func derivativesMatchFiniteDifferences(index: Int) throws {
        let (kind, subtype, lower, left, right) = Self.cases[index]
        let f = try Self.make(kind, subtype, lower: lower, left: left, right: right)
        let set = try SymmetryFunctionSet(cutoffShape: .cosine, functions: [h: [f], o: [f]])
        let evaluator = SymmetryFunctionEvaluator(set)
        for periodic in [false, true] {
            let system = try SymmetryFunctionDerivativeTests.system(periodic: periodic)
            let g = try evaluator.descriptors(of: system)
            #expect(g.contains { $0[0] != 0 }, "type \(kind.rawValue) \(subtype) is zero everywhere")
            let checked = try FiniteDifferences.compare(evaluator, system) { fd, analytic, place in
                #expect(abs(fd - analytic) < 1e-6 * max(1, abs(fd)), "type \(kind.rawValue) \(subtype): \(place)")
            }
            #expect(checked > 10)
        }
    }

    @Test("a pair of atoms gives the compact function's value: c(|r - m|/w)")
    func radialValue() throws {
        // r = 1.5 in [0.5, 3.5]: x = |1.5 - 2|/1.5 = 1/3, p2 core: ((15 - 6x)x - 10)x³ + 1.
        let f = SymmetryFunction.polynomial(try PolynomialSymmetryFunction(kind: .radial, elements: [h], lower: 0.5, cutoff: 3.5, subtype: "p2"))
        let set = try SymmetryFunctionSet(cutoffShape: .cosine, functions: [h: [f]])
        let system = try AtomicSystem(elements: [h, h], positions: [.zero, Vector3(1.5, 0, 0)], cell: nil)
        let g = try SymmetryFunctionEvaluator(set).descriptors(of: system)
        let x = 1.0 / 3
        #expect(abs(g[0][0] - (((15 - 6 * x) * x - 10) * x * x * x + 1)) < 1e-15)
    }

    @Test("n2p2's parameter checks: subtype, r_l < r_c, angular bounds")
    func refusals() {
        #expect(throws: PolynomialSymmetryFunction.ParameterError.self) {
            try PolynomialSymmetryFunction(kind: .radial, elements: [h], lower: 0, cutoff: 4, subtype: "p5")
        }
        #expect(throws: PolynomialSymmetryFunction.ParameterError.self) {
            try PolynomialSymmetryFunction(kind: .radial, elements: [h], lower: 0, cutoff: 4, subtype: "p2b")
        }
        #expect(throws: PolynomialSymmetryFunction.ParameterError.self) {
            try PolynomialSymmetryFunction(kind: .radial, elements: [h], lower: 4, cutoff: 3, subtype: "p2")
        }
        #expect(throws: PolynomialSymmetryFunction.ParameterError.self) {
            try PolynomialSymmetryFunction(kind: .narrow, elements: [h, h], lower: 0, cutoff: 4, angleLeft: -10,
                                           angleRight: 90, subtype: "p2")
        }
        #expect(throws: PolynomialSymmetryFunction.ParameterError.self) {
            try PolynomialSymmetryFunction(kind: .wide, elements: [h, h], lower: 0, cutoff: 4, angleLeft: 90,
                                           angleRight: 80, subtype: "p2")
        }
    }

    @Test("n2p2 order within a type: subtype text, elements, r_c, r_l")
    func order() throws {
        let a = try Self.make(.radial, "p3"), b = try Self.make(.radial, "p2")
        let c = SymmetryFunction.polynomial(try PolynomialSymmetryFunction(kind: .radial, elements: [h], lower: 0.4, cutoff: 3, subtype: "p2"))
        let set = try SymmetryFunctionSet(cutoffShape: .cosine, functions: [h: [a, b, c]])
        #expect(set.functions[0] == [c, b, a])
    }
}

/// Central differences (step 1e-6) of every G_i[s] with respect to every atom position, against the
/// evaluator's analytic dG_i/dr_j.
enum FiniteDifferences {
    /// Calls `check(fd, analytic, place)` for each (i, s, j, axis) and returns how many finite differences
    /// exceed 1e-6 in size (so a test can require that something was checked).
    static func compare(_ evaluator: SymmetryFunctionEvaluator, _ system: AtomicSystem,
                        check: (_ fd: Double, _ analytic: Double, _ place: String) -> Void) throws -> Int {
        let (g, derivatives) = try evaluator.descriptorsAndDerivatives(of: system)
        let functions = g.map(\.count).max() ?? 0
        var dense = [[[Vector3]]](repeating: [[Vector3]](repeating: [Vector3](repeating: .zero, count: system.count),
                                                         count: functions), count: system.count)
        for (i, list) in derivatives.entries.enumerated() {
            for e in list { dense[i][Int(e.function)][Int(e.atom)] += e.gradient }
        }
        let step = 1e-6
        var nonzero = 0
        for j in 0..<system.count {
            for d in 0..<3 {
                var plus = system, minus = system
                plus.positions[j][d] += step
                minus.positions[j][d] -= step
                let gp = try evaluator.descriptors(of: plus), gm = try evaluator.descriptors(of: minus)
                for i in 0..<system.count {
                    for s in 0..<g[i].count {
                        let fd = (gp[i][s] - gm[i][s]) / (2 * step)
                        if abs(fd) > 1e-6 { nonzero += 1 }
                        check(fd, dense[i][s][j][d], "atom \(i) function \(s) wrt atom \(j) axis \(d)")
                    }
                }
            }
        }
        return nonzero
    }
}
