import Testing
import Geometry
import Potentials

@Suite("Test potential: smooth Morse")
struct SmoothMorseTests {
    /// 32 atoms of fcc argon rattled by 0.3 Å: far from equilibrium, with forces and stress.
    static func rattledCrystal() -> AtomicSystem {
        var system = fccArgon(cells: 2, a: 5.4)
        var random = SeededGenerator(seed: 3)
        for i in 0..<system.count { system.positions[i] += 0.3 * random.normalVector() }
        return system
    }

    @Test("forces are minus the central finite-difference gradient of the energy")
    func forcesMatchFiniteDifferences() throws {
        let system = Self.rattledCrystal()
        let potential = SmoothMorse()
        let list = NeighborList(system: system, cutoff: potential.cutoff, skin: 1, kind: .half)
        let forces = potential.evaluate(system, neighbors: list, request: .energyAndForces).forces
        let h = 1e-5
        for i in [0, 7, 31] {
            for k in 0..<3 {
                var plus = system, minus = system
                plus.positions[i][k] += h
                minus.positions[i][k] -= h
                let ep = potential.evaluate(plus, neighbors: list, request: .energy).energy
                let em = potential.evaluate(minus, neighbors: list, request: .energy).energy
                #expect(abs(forces[i][k] + (ep - em) / (2 * h)) < 1e-8)
            }
        }
    }

    @Test("the virial is minus the central finite-difference strain derivative of the energy")
    func virialMatchesStrainDerivative() throws {
        let system = Self.rattledCrystal()
        let potential = SmoothMorse()
        func evaluate(_ s: AtomicSystem, _ request: EvaluationRequest) -> PotentialResult {
            potential.evaluate(s, neighbors: NeighborList(system: s, cutoff: potential.cutoff, skin: 1, kind: .half),
                               request: request)
        }
        let w = evaluate(system, .energyAndForces).virial
        let h = 1e-6
        for a in 0..<3 {
            for b in 0..<3 {
                // E at the affine strain r ↦ (I + ε) r of cell and atoms with ε_ab = t, every other component 0.
                func energy(_ t: Double) throws -> Double {
                    var rows = [Vector3.zero, .zero, .zero]
                    rows[a][b] = t
                    return evaluate(try #require(system.strained((rows[0], rows[1], rows[2]))), .energy).energy
                }
                let numeric = (try energy(-h) - energy(h)) / (2 * h)
                #expect(abs(numeric - w[a][b]) < 1e-8, "W[\(a)][\(b)] = \(w[a][b]), FD \(numeric)")
            }
        }
        // The rattled crystal is under stress, so the comparison is not 0 = 0.
        #expect([w.x, w.y, w.z].contains { $0.lengthSquared > 1e-6 })
    }

    @Test("the pair energy and its slope vanish at the cutoff")
    func smoothAtCutoff() {
        let p = SmoothMorse()
        let (u, du) = p.pair(p.cutoff - 1e-9)
        #expect(abs(u) < 1e-15 && abs(du) < 1e-12)
    }
}
