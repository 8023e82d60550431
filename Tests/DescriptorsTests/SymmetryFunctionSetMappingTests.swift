import Testing
import Geometry
import Descriptors

@Suite("Editing a symmetry-function set")
struct SymmetryFunctionSetMappingTests {
    static let h = Element(symbol: "H")!, o = Element(symbol: "O")!

    /// Radial and narrow angular functions of H and O around both elements, written out of n2p2 order.
    func set(_ shape: CutoffShape = .cosine) throws -> SymmetryFunctionSet {
        let angular = SymmetryFunction.Angular(neighbors: Self.o, Self.h, eta: 0.1, lambda: -1, zeta: 2, cutoff: 4)
        let list: [SymmetryFunction] = [.narrowAngular(angular), .radial(.init(neighbor: Self.o, eta: 4, shift: 1, cutoff: 4)),
                                        .radial(.init(neighbor: Self.h, eta: 0.2, cutoff: 4))]
        return try SymmetryFunctionSet(cutoffShape: shape, innerFraction: 0.1, functions: [Self.h: list, Self.o: list])
    }

    @Test("the identity keeps the set; switching the angular form changes type 3 to 9 and nothing else")
    func angularForm() throws {
        let s = try set(.poly2)
        #expect(try s.mappingFunctions { $0 } == s)
        let wide = try s.mappingFunctions { $0.inAngularForm(.wide) }
        #expect(wide.cutoffShape == .poly2 && wide.innerFraction == 0.1 && wide.elements == s.elements)
        #expect(wide.functions.map { $0.map(\.n2p2Type) } == [[2, 2, 9], [2, 2, 9]])
        #expect(wide.functions[0].compactMap(\.angularForm) == [.wide] && s.functions[0].compactMap(\.angularForm) == [.narrow])
        // Back to narrow: the very set we started from.
        #expect(try wide.mappingFunctions { $0.inAngularForm(.narrow) } == s)
        // Radial functions have no form and are left alone.
        #expect(s.functions[0][0].angularForm == nil && s.functions[0][0].inAngularForm(.wide) == s.functions[0][0])
    }

    @Test("dropping functions keeps the rest in n2p2 order; leaving an element with none is an error, not an empty network")
    func dropping() throws {
        let s = try set()
        let radial = try s.mappingFunctions { $0.angularForm == nil ? $0 : nil }
        #expect(radial.functions == s.functions.map { Array($0.prefix(2)) })
        #expect(throws: SymmetryFunctionSet.DefinitionError.noFunctions(Self.h)) {
            try s.mappingFunctions { _ in nil }
        }
    }

    @Test("an edit is checked like a new set: a ζ below 1 is refused")
    func validated() throws {
        let s = try set()
        #expect(throws: SymmetryFunctionSet.DefinitionError.self) {
            try s.mappingFunctions { f in
                guard case var .narrowAngular(p) = f else { return f }
                p.zeta = 0.5
                return .narrowAngular(p)
            }
        }
    }
}
