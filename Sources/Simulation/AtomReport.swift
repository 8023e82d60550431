import Descriptors
import Geometry
import Potentials

/// What the lab says about one picked atom: its atomic energy ε_i, the magnitude of its force
/// |F_i|, how many neighbours lie within the model's r_c, and each of its symmetry functions G
/// against the range the model saw in training. Units: eV, eV/Å, Å; G dimensionless.
public struct AtomReport: Sendable, Equatable {
    public var atom: Int
    public var element: Element
    /// ε_i in eV (nil when the model gives no atomic energies).
    public var atomicEnergy: Double?
    /// |F_i| in eV/Å (nil before forces exist).
    public var force: Double?
    /// Neighbours (periodic images counted apart) at distance < r_c.
    public var neighbourCount: Int
    public var cutoff: Double
    /// One entry per symmetry function of the atom's element (empty for a potential without them).
    public var readings: [Reading]

    /// One symmetry function's value and its training range.
    public struct Reading: Sendable, Equatable {
        /// The function in words, e.g. "radial Ar, η 3 Å⁻², r_s 4.17 Å, r_c 6.5 Å".
        public var function: String
        public var value: Double
        /// The smallest and largest value over the training set (nil: the model has no range).
        public var range: ClosedRange<Double>?
        /// Whether the value lies outside the training range (extrapolation).
        public var isOutside: Bool { range.map { !$0.contains(value) } ?? false }
    }
}

extension Snapshot {
    /// The report on atom `i` of the single model's state (nil for an index out of range).
    public func atomReport(_ i: Int) -> AtomReport? {
        guard system.positions.indices.contains(i) else { return nil }
        let cutoff = potential.cutoff
        let list = NeighborList(system: system, cutoff: cutoff, skin: 0, kind: .full)
        let x = list.extendedPositions(system.positions)
        let count = list.neighbors(of: i).filter { (x[Int($0)] - x[i]).lengthSquared < cutoff * cutoff }.count
        return AtomReport(atom: i, element: system.elements[i],
                          atomicEnergy: atomicEnergies.indices.contains(i) ? atomicEnergies[i] : nil,
                          force: forces.indices.contains(i) ? forces[i].length : nil,
                          neighbourCount: count, cutoff: cutoff, readings: Self.readings(of: i, in: system, under: potential))
    }

    /// Atom `i`'s symmetry functions and training ranges under a Behler–Parrinello `potential` (in Å).
    static func readings(of i: Int, in system: AtomicSystem, under potential: any Potential) -> [AtomReport.Reading] {
        let model: BehlerParrinelloPotential
        if let bp = potential as? BehlerParrinelloPotential {
            model = bp
        } else if let wrapped = potential as? UnitConvertedPotential, let bp = wrapped.inner as? BehlerParrinelloPotential {
            model = bp.converted(to: .metal)
        } else {
            return []
        }
        let set = model.symmetryFunctions
        let list = NeighborList(system: system, cutoff: set.maximumCutoff, skin: 0, kind: .full)
        guard let frame = try? DescriptorFrame(system: system, neighbors: list, set: set) else { return [] }
        let evaluator = SymmetryFunctionEvaluator(set)
        let offsets = evaluator.offsets(for: frame)
        var g: [Double] = []
        evaluator.computeDescriptors(frame, offsets: offsets, into: &g, workspace: evaluator.makeWorkspace())
        let e = Int(frame.extendedSpecies[i])
        return set.functions[e].enumerated().map { s, function in
            let statistics = model.hasTrainingRange ? model.scaling.statistics[e][s] : nil
            return AtomReport.Reading(function: function.parameterSummary, value: g[offsets[i] + s],
                                      range: statistics.map { $0.minimum...max($0.minimum, $0.maximum) })
        }
    }
}

extension AtomReport {
    /// The panel's lines: the atom, ε_i, |F_i|, neighbours within r_c, then each G with its range and
    /// "outside" where it extrapolates.
    public var lines: [String] {
        func g(_ x: Double) -> String { fixed(x, 4) }
        var lines = [
            "atom \(atom) (\(element.symbol))  ε_i \(atomicEnergy.map { g($0) + " eV" } ?? "–")  "
                + "|F_i| \(force.map { g($0) + " eV/Å" } ?? "–")",
            "\(neighbourCount) neighbours within r_c = \(fixed(cutoff, 2)) Å",
        ]
        if readings.isEmpty { lines.append("no symmetry functions (this model is not a network)") }
        let outside = readings.filter(\.isOutside).count
        if !readings.isEmpty {
            lines.append("G against the training range" + (outside > 0 ? ": \(outside) outside" : ""))
        }
        for (s, r) in readings.enumerated() {
            let range = r.range.map { "[\(g($0.lowerBound)), \(g($0.upperBound))]" } ?? "(no training range)"
            lines.append("G[\(s)] \(g(r.value)) in \(range)\(r.isOutside ? "  OUTSIDE" : "")  \(r.function)")
        }
        return lines
    }
}
