import Testing
@testable import Geometry

@Suite("crystal lattice builders")
struct LatticeTests {
    /// Distances from atom 0 to every other atom's nearest image, sorted (brute force, minimum image).
    func distancesFromFirstAtom(_ s: AtomicSystem) -> [Double] {
        (1..<s.count).map { s.cell!.minimumImage(s.positions[$0] - s.positions[0]).length }.sorted()
    }

    @Test("each lattice has its coordination shell: sc 6 at a, fcc 12 at a/√2, diamond 4 at a√3/4",
          arguments: [(Lattice.simpleCubic, 6, 1.0), (.fcc, 12, 0.5.squareRoot()), (.diamond, 4, 3.0.squareRoot() / 4)])
    func coordination(lattice: Lattice, neighbours: Int, distance: Double) throws {
        let a = 5.43
        let s = try lattice.crystal(of: Element(symbol: "Si")!, latticeConstant: a, repeats: 3)
        #expect(s.count == 27 * lattice.basis.count)
        let d = distancesFromFirstAtom(s)
        #expect(d.prefix(neighbours).allSatisfy { abs($0 - distance * a) < 1e-12 })
        #expect(d[neighbours] > distance * a + 0.1)
        #expect(abs(s.cell!.volume - 27 * a * a * a) < 1e-9)
    }

    @Test("repeats may differ per axis and masses are the element's")
    func anisotropicRepeats() throws {
        let ar = Element(symbol: "Ar")!
        let s = try Lattice.fcc.crystal(of: ar, latticeConstant: 5.7, repeats: SIMD3(2, 3, 4))
        #expect(s.count == 4 * 24)
        #expect(s.cell?.c == Vector3(0, 0, 22.8))
        #expect(s.masses.allSatisfy { $0 == 39.948 })
    }

    @Test("bad parameters are errors, not crashes")
    func rejectsBadParameters() {
        #expect(throws: Lattice.ParameterError.nonPositiveLatticeConstant(-1)) {
            try Lattice.fcc.crystal(of: Element(symbol: "Ar")!, latticeConstant: -1, repeats: 2)
        }
        #expect(throws: Lattice.ParameterError.nonPositiveRepeats(SIMD3(0, 0, 0))) {
            try Lattice.fcc.crystal(of: Element(symbol: "Ar")!, latticeConstant: 5, repeats: 0)
        }
    }

    @Test("rattling is reproducible per seed and has the requested spread")
    func rattles() throws {
        let s = try Lattice.fcc.crystal(of: Element(symbol: "Ar")!, latticeConstant: 5.7, repeats: 6)
        let a = s.rattled(sigma: 0.1, seed: 7), b = s.rattled(sigma: 0.1, seed: 7), c = s.rattled(sigma: 0.1, seed: 8)
        #expect(a == b && a != c)
        let squares = zip(a.positions, s.positions).map { ($0 - $1).lengthSquared }
        let rms = (squares.reduce(0, +) / Double(3 * s.count)).squareRoot()
        #expect(abs(rms - 0.1) < 0.005)
    }

    @Test("a strain moves the cell and the atoms together, keeping fractional coordinates")
    func strains() throws {
        let s = try Lattice.diamond.crystal(of: Element(symbol: "Si")!, latticeConstant: 5.43, repeats: 2).rattled(sigma: 0.05, seed: 1)
        let e = (Vector3(0.01, 0.002, 0), Vector3(0, -0.02, 0), Vector3(0.003, 0, 0.015))
        let t = try #require(s.strained(e))
        for i in 0..<s.count {
            #expect((t.cell!.fractional(t.positions[i]) - s.cell!.fractional(s.positions[i])).length < 1e-12)
        }
        let u = try #require(s.strained(uniformly: 0.01))
        #expect(abs(u.cell!.volume / s.cell!.volume - 1.01 * 1.01 * 1.01) < 1e-12)
    }
}
