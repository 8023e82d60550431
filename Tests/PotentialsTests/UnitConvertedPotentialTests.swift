import Foundation
import Geometry
import Potentials
import Testing
import Descriptors

/// Lennard-Jones whose numbers are declared to be Bohr and Hartree: a non-neural potential in atomic units.
private struct AtomicUnitsPair: Potential {
    let lj: LennardJones
    var cutoff: Double { lj.cutoff }
    var neighborListKind: NeighborListKind { lj.neighborListKind }
    var units: UnitSystem { .atomic }
    var summary: String { "LJ in Bohr/Ha" }
    func evaluate(_ system: AtomicSystem, neighbors: NeighborList, request: EvaluationRequest) -> PotentialResult {
        lj.evaluate(system, neighbors: neighbors, request: request)
    }
}

@Suite("UnitConvertedPotential")
struct UnitConvertedPotentialTests {
    @Test("any potential in Bohr/Ha is evaluated in Å/eV: E(x) = E_own(x/L)·Ha, F = F_own·Ha/L, W = W_own·Ha")
    func genericConversion() throws {
        let inner = AtomicUnitsPair(lj: try LennardJones(epsilon: 0.01, sigma: 3.0, cutoff: 7.0, truncation: .smooth))
        let wrapped = UnitConvertedPotential(wrapping: inner)
        let bohr = try BPFixture.system(count: 12, box: 9.0, seed: 4)
        let L = UnitSystem.atomic.lengthInAngstrom, ha = UnitSystem.atomic.energyInElectronvolt
        var angstrom = bohr
        angstrom.positions = bohr.positions.map { $0 * L }
        angstrom.cell = Cell.orthorhombic(Vector3(repeating: 9.0 * L))
        #expect(abs(wrapped.cutoff - 7.0 * L) < 1e-12)
        let own = N2P2Reference.evaluate(inner, bohr)
        let metal = N2P2Reference.evaluate(wrapped, angstrom)
        #expect(abs(metal.energy - own.energy * ha) <= 1e-12 * abs(metal.energy))
        for (f, g) in zip(metal.forces, own.forces) { #expect((f - g * (ha / L)).length <= 1e-10 * max(1, f.length)) }
        #expect(metal.forces.count == bohr.count)
        for a in 0..<3 { #expect((metal.virial[a] - own.virial[a] * ha).length <= 1e-10 * max(1, metal.virial[a].length)) }
        let energyOnly = N2P2Reference.evaluate(wrapped, angstrom, request: .energy)
        #expect(energyOnly.energy == metal.energy && energyOnly.derivatives == nil)
    }
}
