import Testing
import Geometry
import Potentials
@testable import Dynamics

@Suite("Velocity Verlet energy conservation")
struct VelocityVerletTests {
    /// The conservation readout of an NVE run of `time` fs with step `dt` fs from a warm crystal.
    func rmsDeviation(dt: Double, time: Double) throws -> ConservationReport {
        var system = fccArgon(cells: 2, a: 5.4)
        system.assignMaxwellBoltzmannVelocities(temperature: 60, seed: 11)
        var dynamics = try MolecularDynamics(system: system, potential: SmoothMorse(),
                                             integrator: VelocityVerlet(timeStep: dt), skin: 1)
        let monitor = dynamics.attach(ConservationMonitor(atomCount: system.count))
        try dynamics.run(steps: Int((time / dt).rounded()))
        return dynamics[monitor].report
    }

    @Test("the energy error of a smooth potential scales as dt²: halving dt quarters the RMS deviation")
    func secondOrder() throws {
        let coarse = try rmsDeviation(dt: 8, time: 2000)
        let fine = try rmsDeviation(dt: 4, time: 2000)
        let finer = try rmsDeviation(dt: 2, time: 2000)
        let ratio1 = coarse.rmsDeviationPerAtom / fine.rmsDeviationPerAtom
        let ratio2 = fine.rmsDeviationPerAtom / finer.rmsDeviationPerAtom
        #expect(ratio1 > 3.7 && ratio1 < 4.3, "ratio \(ratio1)")
        #expect(ratio2 > 3.7 && ratio2 < 4.3, "ratio \(ratio2)")
        // A symplectic integrator does not drift: over 2 ps the fitted drift is far below the fluctuation.
        #expect(abs(finer.driftPerAtom) * 2 < finer.rmsDeviationPerAtom)
    }
}
