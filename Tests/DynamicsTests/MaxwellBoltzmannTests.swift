import Testing
import Geometry
@testable import Dynamics

@Suite("Maxwell-Boltzmann initial velocities")
struct MaxwellBoltzmannTests {
    /// A mixed-mass periodic system of `count` atoms (argon and helium alternating).
    func mixedSystem(count: Int) throws -> AtomicSystem {
        let ar = Element(symbol: "Ar")!, he = Element(symbol: "He")!
        let elements = (0..<count).map { $0 % 2 == 0 ? ar : he }
        let positions = (0..<count).map { (k: Int) -> Vector3 in
            let x = Double(k % 10), y = Double(k / 10 % 10), z = Double(k / 100)
            return Vector3(x, y, z)
        }
        return try AtomicSystem(elements: elements, positions: positions,
                                cell: Cell.orthorhombic(Vector3(10, 10, Double(count / 100 + 1))))
    }

    @Test("total momentum is zero and the temperature is exactly the one asked for")
    func zeroMomentumExactTemperature() throws {
        var system = try mixedSystem(count: 500)
        system.assignMaxwellBoltzmannVelocities(temperature: 300, seed: 42)
        let typicalMomentum = 39.948 * 0.01 * Double(system.count).squareRoot()
        #expect(system.momentum.length < 1e-12 * typicalMomentum)
        #expect(abs(system.temperature - 300) < 1e-10)
    }

    @Test("scaled velocity components are Gaussian: kurtosis 3 within four standard errors")
    func gaussianComponents() throws {
        var system = try mixedSystem(count: 3000)
        system.assignMaxwellBoltzmannVelocities(temperature: 150, seed: 7)
        let kT = MetalUnits.boltzmann * 150 * MetalUnits.accelerationPerForceOverMass
        var m2 = 0.0, m4 = 0.0
        for i in 0..<system.count {
            let u = system.velocities[i] * (system.masses[i] / kT).squareRoot()
            for k in 0..<3 { m2 += u[k] * u[k]; m4 += u[k] * u[k] * u[k] * u[k] }
        }
        let n = Double(3 * system.count)
        m2 /= n; m4 /= n
        let kurtosis = m4 / (m2 * m2)
        // The sample kurtosis of n normal deviates has standard error √(24/n) ≈ 0.052 here;
        // a uniform distribution would give 1.8.
        #expect(abs(kurtosis - 3) < 4 * (24 / n).squareRoot(), "kurtosis \(kurtosis)")
    }

    @Test("the same seed gives the same velocities, another seed others")
    func seeded() throws {
        var a = try mixedSystem(count: 50), b = a, c = a
        a.assignMaxwellBoltzmannVelocities(temperature: 100, seed: 1)
        b.assignMaxwellBoltzmannVelocities(temperature: 100, seed: 1)
        c.assignMaxwellBoltzmannVelocities(temperature: 100, seed: 2)
        #expect(a.velocities == b.velocities)
        #expect(a.velocities != c.velocities)
    }
}
