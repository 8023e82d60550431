import Testing
import Geometry
import Potentials
@testable import Dynamics

/// Snapshots (unwrapped positions) of a hot, fluid Morse argon in a box narrower than 2 r_c, so
/// pairs cross r_c often and through several periodic images of the same neighbour; with the
/// crossings between consecutive snapshots counted by brute force. Computed once for the suite.
struct CrossingReference: Sendable {
    static let cutoff = 6.0
    static let shared = CrossingReference(steps: 60)

    /// The run's states, step k at time 5k fs, with their Morse energies and forces.
    let states: [MDState]
    let snapshots: [AtomicSystem]
    /// Crossings of ``cutoff`` between snapshot k - 1 and k (0 for k = 0).
    let crossings: [Int]

    init(steps: Int) {
        var system = fccArgon(cells: 2, a: 5.4)
        system.assignMaxwellBoltzmannVelocities(temperature: 400, seed: 21)
        var dynamics = try! MolecularDynamics(system: system, potential: SmoothMorse(),
                                              integrator: VelocityVerlet(timeStep: 5), skin: 1)
        var states = [dynamics.state]
        for _ in 0..<steps {
            try! dynamics.step()
            states.append(dynamics.state)
        }
        self.states = states
        let snapshots = states.map(\.system)
        self.snapshots = snapshots
        crossings = [0] + (1..<snapshots.count).map {
            Self.bruteForceCrossings(snapshots[$0 - 1], snapshots[$0], cutoff: Self.cutoff)
        }
    }

    /// Crossings between two snapshots of the same atoms, by brute force over every pair and every
    /// lattice image within reach (atoms stay within a few Å of the cell, so |n| ≤ 2 suffices).
    static func bruteForceCrossings(_ before: AtomicSystem, _ now: AtomicSystem, cutoff: Double) -> Int {
        let cell = now.cell!
        let rc2 = cutoff * cutoff
        var shifts: [(SIMD3<Int>, Vector3)] = []
        for a in -2...2 { for b in -2...2 { for c in -2...2 {
            shifts.append((SIMD3(a, b, c), cell.translation(SIMD3(a, b, c))))
        } } }
        var crossed = 0
        for i in 0..<now.count {
            for j in i..<now.count {
                let dNow = now.positions[j] - now.positions[i]
                let dBefore = before.positions[j] - before.positions[i]
                for (n, shift) in shifts {
                    // Each self-image pair once (n and -n are the same pair), each i < j pair for every n.
                    if i == j && (n == .zero || n.x < 0 || (n.x == 0 && (n.y < 0 || (n.y == 0 && n.z < 0)))) { continue }
                    let inside = (dNow + shift).lengthSquared < rc2
                    let wasInside = (dBefore + shift).lengthSquared < rc2
                    if inside != wasInside { crossed += 1 }
                }
            }
        }
        return crossed
    }
}

@Suite("Cutoff crossing counter")
struct CutoffCrossingTests {
    let reference = CrossingReference.shared

    @Test("counts the same crossings as brute force over all images, across list rebuilds and with wrapped atoms",
          arguments: [NeighborListKind.half, .full])
    func matchesBruteForce(kind: NeighborListKind) throws {
        let expected = reference.crossings.reduce(0, +)
        // The counter sees atoms wrapped into the cell every third step (as a viewer might do) and a
        // list with a thin skin, so it is rebuilt often.
        var list = NeighborList(system: reference.snapshots[0], cutoff: 7, skin: 0.2, kind: kind)
        var counter = CutoffCrossingCounter(cutoff: CrossingReference.cutoff)
        for (k, snapshot) in reference.snapshots.enumerated() {
            var seen = snapshot
            if k % 3 == 0 { seen.positions = seen.wrappedPositions }
            list.update(for: seen)
            let now = counter.observe(seen, neighbors: list)
            #expect(now == reference.crossings[k], "step \(k)")
        }
        #expect(expected > 100, "a test that sees no crossings proves nothing")
        #expect(list.buildCount > 10)
        #expect(counter.count == expected)
    }

    @Test("the monitor counts crossings of the neighbour list's cutoff and reports them per ps")
    func monitorRate() throws {
        let snapshots = reference.snapshots
        var monitor = ConservationMonitor(atomCount: snapshots[0].count)
        var list = NeighborList(system: snapshots[0], cutoff: CrossingReference.cutoff, skin: 1, kind: .half)
        for (k, snapshot) in snapshots.enumerated() {
            list.update(for: snapshot)
            monitor.record(reference.states[k], neighbors: list)
        }
        let expected = reference.crossings.reduce(0, +)
        let report = monitor.report
        #expect(monitor.crossingCutoff == CrossingReference.cutoff)
        #expect(report.crossingCount == expected)
        #expect(report.crossingsPerPicosecond == Double(expected) / 0.3)
    }

    @Test("after a restart the counter starts afresh from the next record")
    func restartForgets() throws {
        let snapshots = reference.snapshots
        var monitor = ConservationMonitor(atomCount: snapshots[0].count, crossingCutoff: CrossingReference.cutoff)
        var list = NeighborList(system: snapshots[0], cutoff: 7, skin: 1, kind: .half)
        for (k, snapshot) in snapshots.enumerated() {
            if k == 30 { monitor.restart() }
            list.update(for: snapshot)
            monitor.record(reference.states[k], neighbors: list)
        }
        #expect(monitor.report.crossingCount == reference.crossings[31...].reduce(0, +))
        #expect(monitor.report.duration == 150)
    }
}

@Suite("Cutoff crossings when the potential changes")
struct CrossingCutoffChangeTests {
    @Test("a monitor without a fixed cutoff follows the neighbour list's cutoff and keeps the earlier count")
    func followsTheList() throws {
        let reference = CrossingReference.shared
        let snapshots = reference.snapshots
        var monitor = ConservationMonitor(atomCount: snapshots[0].count)
        var wide = NeighborList(system: snapshots[0], cutoff: 6.5, skin: 1, kind: .half)
        var narrow = NeighborList(system: snapshots[0], cutoff: CrossingReference.cutoff, skin: 1, kind: .full)
        for (k, snapshot) in snapshots.enumerated() {
            let state = reference.states[k]
            if k < 20 {
                wide.update(for: snapshot)
                monitor.record(state, neighbors: wide)
            } else {
                narrow.update(for: snapshot)
                monitor.record(state, neighbors: narrow)
            }
        }
        #expect(monitor.crossingCutoff == CrossingReference.cutoff)
        var expected = reference.crossings[21...].reduce(0, +)
        for k in 1..<20 {
            expected += CrossingReference.bruteForceCrossings(snapshots[k - 1], snapshots[k], cutoff: 6.5)
        }
        #expect(monitor.report.crossingCount == expected)
    }
}
