import Dynamics
import Testing
@testable import Simulation

@Suite("Energy history")
struct EnergyHistoryTests {
    @Test("the readout is the RMS of E_total - E_total(mark) per atom in meV, restarting at a mark")
    func readoutMatchesBruteForce() {
        var history = EnergyHistory(atomCount: 4)
        let totals = [1.0, 1.002, 0.997, 1.001, 0.999]
        for (i, e) in totals.enumerated() { history.append(EnergySample(time: Double(i), kinetic: 0.5, potential: e - 0.5, temperature: 0)) }
        let deviations = totals.map { $0 - totals[0] }
        let rms = (deviations.map { $0 * $0 }.reduce(0, +) / Double(deviations.count)).squareRoot()
        #expect(abs(history.rmsDeviationPerAtom - rms / 4 * 1000) < 1e-9)
        history.mark("cutoff: step", at: 5)
        #expect(history.rmsDeviationPerAtom == 0)
        history.append(EnergySample(time: 5, kinetic: 0.5, potential: 2.0, temperature: 0))
        history.append(EnergySample(time: 6, kinetic: 0.5, potential: 2.004, temperature: 0))
        #expect(abs(history.rmsDeviationPerAtom - (0.004 * 0.004 / 2).squareRoot() / 4 * 1000) < 1e-9)
        #expect(history.samplesSinceLastMark.count == 2)
    }

    @Test("a full history drops its oldest quarter and the marks before it")
    func bounded() {
        var history = EnergyHistory(atomCount: 1, capacity: 8)
        history.mark("start", at: 0)
        for i in 0..<9 { history.append(EnergySample(time: Double(i) + 0.5, kinetic: 0, potential: 0, temperature: 0)) }
        #expect(history.samples.count == 7)
        #expect(history.samples.first?.time == 2.5)
        #expect(history.marks.isEmpty)
    }
}

@Suite("Energy history segments")
struct EnergyHistorySegmentTests {
    @Test("a mark's segment starts at the first sample after it, the readout's reference, and survives dropping")
    func segmentStarts() {
        var history = EnergyHistory(atomCount: 1, capacity: 8)
        history.append(EnergySample(time: 0, kinetic: 0, potential: 1, temperature: 0))
        history.append(EnergySample(time: 1, kinetic: 0, potential: 1.1, temperature: 0))
        history.mark("cutoff: step", at: 1, setting: "step/tanh")
        history.append(EnergySample(time: 1, kinetic: 0, potential: 5, temperature: 0))
        #expect(history.segmentStarts.map(\.ordinal) == [0, 2])
        #expect(history.segmentStarts.last?.referenceTotal == 5)
        #expect(history.marks.last?.setting == "step/tanh")
        for i in 2..<9 { history.append(EnergySample(time: Double(i), kinetic: 0, potential: 5, temperature: 0)) }
        #expect(history.firstOrdinal == 2)
        #expect(history.segmentStarts.map(\.ordinal) == [2])
    }
}
