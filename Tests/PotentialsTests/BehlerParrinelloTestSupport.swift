import Descriptors
import Geometry
import NeuralNetworks
import Potentials

/// Small potentials and structures for the Behler–Parrinello tests.
enum BPFixture {
    static let hydrogen = Element(symbol: "H")!
    static let oxygen = Element(symbol: "O")!

    /// One function of every 2G type per element, with shifts, both λ signs and a non-integer ζ.
    static func functions(cutoff rc: Double = 4.0) -> [Element: [SymmetryFunction]] {
        func make(_ other: Element) -> [SymmetryFunction] {
            [.radial(.init(neighbor: hydrogen, eta: 0.5, shift: 0.8, cutoff: rc)),
             .radial(.init(neighbor: oxygen, eta: 0.3, shift: 0, cutoff: rc - 0.5)),
             .narrowAngular(.init(neighbors: hydrogen, other, eta: 0.1, lambda: 1, zeta: 2, cutoff: rc)),
             .narrowAngular(.init(neighbors: oxygen, hydrogen, eta: 0.05, lambda: -1, zeta: 1.5, shift: 0.3, cutoff: rc)),
             .wideAngular(.init(neighbors: other, oxygen, eta: 0.08, lambda: -1, zeta: 4, cutoff: rc)),
             .wideAngular(.init(neighbors: hydrogen, hydrogen, eta: 0.02, lambda: 1, zeta: 1, shift: 0.5, cutoff: rc - 0.3)),
             .weightedRadial(.init(eta: 0.2, shift: 0.5, cutoff: rc)),
             .weightedNarrowAngular(.init(eta: 0.04, lambda: 1, zeta: 3, cutoff: rc))]
        }
        return [hydrogen: make(oxygen), oxygen: make(hydrogen)]
    }

    static func set(_ shape: CutoffShape, alpha: Double = 0.2, cutoff: Double = 4.0) throws -> SymmetryFunctionSet {
        try SymmetryFunctionSet(cutoffShape: shape, innerFraction: alpha, functions: functions(cutoff: cutoff))
    }

    static func potential(_ shape: CutoffShape, activation: Activation, seed: UInt64 = 7) throws -> BehlerParrinelloPotential {
        let set = try set(shape)
        let networks = try set.functions.enumerated().map { e, list in
            try FeedForwardNetwork(layerSizes: [list.count, 6, 5, 1], hidden: activation, seed: seed + UInt64(e))
        }
        // Statistics that move the inputs to O(1), so every activation is exercised away from saturation.
        let stats = set.functions.map { list in
            list.map { _ in SymmetryFunctionStatistics(minimum: 0, maximum: 3, mean: 1, sigma: 2) }
        }
        return try BehlerParrinelloPotential(symmetryFunctions: set, networks: networks,
                                             scaling: try DescriptorScaling(mode: .scaleCenter, targetMinimum: -1,
                                                                            targetMaximum: 1, statistics: stats),
                                             energyScale: 0.7, energyShifts: [-0.5, -2.0])
    }

    /// `count` atoms (alternating O, H, H) at random in a periodic box of edge `box` Å, no two closer than 0.9 Å.
    static func system(count: Int = 9, box: Double = 6.0, periodic: Bool = true, seed: UInt64 = 3) throws -> AtomicSystem {
        var random = SeededGenerator(seed: seed)
        var positions = [Vector3]()
        while positions.count < count {
            let p = Vector3(random.uniform() * box, random.uniform() * box, random.uniform() * box)
            if positions.allSatisfy({ ($0 - p).length > 0.9 }) { positions.append(p) }
        }
        let elements = (0..<count).map { $0 % 3 == 0 ? oxygen : hydrogen }
        return try AtomicSystem(elements: elements, positions: positions,
                                cell: periodic ? Cell.orthorhombic(Vector3(repeating: box)) : nil)
    }

    /// Largest |F_analytic - F_central-difference| over all components, with step h.
    static func forceError(_ potential: any Potential, _ system: AtomicSystem, h: Double = 1e-5) -> (error: Double, scale: Double) {
        let analytic = N2P2Reference.evaluate(potential, system).forces
        var worst = 0.0, scale = 0.0
        for i in 0..<system.count {
            for d in 0..<3 {
                var plus = system, minus = system
                plus.positions[i][d] += h
                minus.positions[i][d] -= h
                let ep = N2P2Reference.evaluate(potential, plus, request: .energy).energy
                let em = N2P2Reference.evaluate(potential, minus, request: .energy).energy
                let fd = -(ep - em) / (2 * h)
                worst = max(worst, abs(fd - analytic[i][d]))
                scale = max(scale, abs(fd))
            }
        }
        return (worst, scale)
    }
}
