import Testing
import Geometry
import Potentials

@Suite("Test potential: smooth Morse")
struct SmoothMorseTests {
    @Test("forces are minus the central finite-difference gradient of the energy")
    func forcesMatchFiniteDifferences() throws {
        var system = fccArgon(cells: 2, a: 5.4)
        var random = SeededGenerator(seed: 3)
        for i in 0..<system.count { system.positions[i] += 0.3 * random.normalVector() }
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

    @Test("the pair energy and its slope vanish at the cutoff")
    func smoothAtCutoff() {
        let p = SmoothMorse()
        let (u, du) = p.pair(p.cutoff - 1e-9)
        #expect(abs(u) < 1e-15 && abs(du) < 1e-12)
    }
}
