import Descriptors
import Foundation
import Geometry
import NeuralNetworks

/// Writes a ``BehlerParrinelloPotential`` as an n2p2 folder (`input.nn`, `scaling.data`,
/// `weights.ZZZ.data`) that n2p2 and LAMMPS `pair_style hdnnp` read, so a potential trained here can run
/// in LAMMPS with MPI. Numbers are written with 17 significant digits, so loading the folder back gives
/// the same potential.
///
/// Refused, with the reason: cutoff shapes n2p2 cannot express (``CutoffShape/kinked``), activations
/// without an n2p2 letter (SiLU), and networks whose hidden layers differ in number or activation between
/// elements, or whose output activations or last hidden sizes differ (n2p2 sets them globally).
public enum N2P2PotentialExporter {
    public struct Refusal: Error, CustomStringConvertible, Equatable {
        public let reason: String
        public var description: String { "cannot write an n2p2 potential: \(reason)" }
    }

    public static func write(_ potential: BehlerParrinelloPotential, to folder: URL) throws {
        let files = try render(potential)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    /// The folder's files as (name, contents), without touching the disk.
    public static func render(_ p: BehlerParrinelloPotential) throws -> [(String, String)] {
        let set = p.symmetryFunctions
        guard let cutoffCode = set.cutoffShape.n2p2Code else {
            throw Refusal(reason: "the \(set.cutoffShape) cutoff (f_c falling linearly to 0 at r_c) has no n2p2 cutoff_type; use step (0) or a smooth shape")
        }
        let first = p.networks[0]
        let hiddenCount = first.layers.count - 1
        let activations = first.layers.dropLast().map(\.activation)
        for (e, network) in p.networks.enumerated() {
            let symbol = set.elements[e].symbol
            guard network.layers.count - 1 == hiddenCount, hiddenCount >= 1 else {
                throw Refusal(reason: "n2p2 needs the same number (at least 1) of hidden layers for every element; \(symbol) differs")
            }
            guard network.layers.dropLast().map(\.activation) == activations else {
                throw Refusal(reason: "n2p2 sets hidden activations for all elements at once; \(symbol) differs")
            }
        }
        let outputs = p.networks.map { $0.layers.last!.activation }
        guard outputs.allSatisfy({ $0 == outputs[0] }) else {
            throw Refusal(reason: "n2p2 sets the output activation for all elements at once; the elements' differ")
        }
        let letters = try (activations + [outputs[0]]).map { a -> String in
            guard let l = a.n2p2Letter else { throw Refusal(reason: "activation \(a) has no n2p2 letter") }
            return l
        }
        var nn = [String]()
        func line(_ s: String) { nn.append(s) }
        func n(_ v: Double) -> String { String(format: "%.17g", v) }
        let u = p.units
        line("# Behler-Parrinello potential written by NNPLab")
        line("# Length unit     : \(u.lengthName == "Å" ? "Angstrom" : u.lengthName)")
        line("# Energy unit     : \(u.energyName)")
        if p.energyScale != 1 {
            line("mean_energy \(n(0))")
            line("conv_energy \(n(1 / p.energyScale))")
            line("conv_length \(n(1))")
        }
        line("number_of_elements \(set.elements.count)")
        line("elements \(set.elements.map(\.symbol).joined(separator: " "))")
        for (e, shift) in p.energyShifts.enumerated() where shift != 0 {
            line("atom_energy \(set.elements[e].symbol) \(n(shift))")
        }
        line("cutoff_type \(cutoffCode) \(n(set.innerFraction))")
        switch p.scaling.mode {
        case .none: break
        case .scale: line("scale_symmetry_functions")
        case .center: line("center_symmetry_functions")
        case .scaleCenter: line("scale_symmetry_functions"); line("center_symmetry_functions")
        case .scaleSigma: line("scale_symmetry_functions_sigma")
        }
        line("scale_min_short \(n(p.scaling.targetMinimum))")
        line("scale_max_short \(n(p.scaling.targetMaximum))")
        line("global_hidden_layers_short \(hiddenCount)")
        let globalNodes = first.layers.dropLast().map(\.outputCount)
        line("global_nodes_short \(globalNodes.map(String.init).joined(separator: " "))")
        line("global_activation_short \(letters.joined(separator: " "))")
        // n2p2 reads `element_nodes_short E n_1 ... n_H` but applies only n_1 ... n_(H-1): the last hidden
        // layer always keeps the global size.
        for (e, network) in p.networks.enumerated() {
            let sizes = network.layers.dropLast().map(\.outputCount)
            guard sizes != globalNodes else { continue }
            guard sizes.last == globalNodes.last else {
                throw Refusal(reason: "n2p2 gives every element's last hidden layer the global size; \(set.elements[e].symbol)'s differs")
            }
            line("element_nodes_short \(set.elements[e].symbol) \(sizes.map(String.init).joined(separator: " "))")
        }
        for (e, list) in set.functions.enumerated() {
            let c = set.elements[e].symbol
            for f in list {
                switch f {
                case .radial(let q):
                    line("symfunction_short \(c) 2 \(q.neighbor.symbol) \(n(q.eta)) \(n(q.shift)) \(n(q.cutoff))")
                case .narrowAngular(let q), .wideAngular(let q):
                    line("symfunction_short \(c) \(f.n2p2Type) \(q.neighbors.first.symbol) \(q.neighbors.second.symbol) "
                         + "\(n(q.eta)) \(n(q.lambda)) \(n(q.zeta)) \(n(q.cutoff)) \(n(q.shift))")
                case .weightedRadial(let q):
                    line("symfunction_short \(c) 12 \(n(q.eta)) \(n(q.shift)) \(n(q.cutoff))")
                case .weightedNarrowAngular(let q):
                    line("symfunction_short \(c) 13 \(n(q.eta)) \(n(q.shift)) \(n(q.lambda)) \(n(q.zeta)) \(n(q.cutoff))")
                case .polynomial(let q):
                    line("symfunction_short \(c) \(q.kind.rawValue) \(q.n2p2Fields.joined(separator: " "))")
                }
            }
        }
        var files = [("input.nn", nn.joined(separator: "\n") + "\n"), ("scaling.data", scalingFile(p))]
        for (e, network) in p.networks.enumerated() {
            files.append((String(format: "weights.%03d.data", set.elements[e].atomicNumber), weightsFile(network)))
        }
        return files
    }

    static func scalingFile(_ p: BehlerParrinelloPotential) -> String {
        var lines = ["# e_index sf_index sf_min sf_max sf_mean sf_sigma (written by NNPLab)"]
        for (e, list) in p.scaling.statistics.enumerated() {
            for (s, st) in list.enumerated() {
                lines.append(String(format: "%10d %10d %24.16E %24.16E %24.16E %24.16E",
                                    e + 1, s + 1, st.minimum, st.maximum, st.mean, st.sigma))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// n2p2 order: per layer, weights with the input j outer and neuron k inner, then the biases.
    static func weightsFile(_ network: FeedForwardNetwork) -> String {
        var lines = ["# connection t index l_s n_s l_e n_e (written by NNPLab)"]
        var count = 0
        for (l, layer) in network.layers.enumerated() {
            for j in 0..<layer.inputCount {
                for k in 0..<layer.outputCount {
                    count += 1
                    lines.append(String(format: "%24.16E a %9d %5d %5d %5d %5d",
                                        layer.weights[k * layer.inputCount + j], count, l, j + 1, l + 1, k + 1))
                }
            }
            for k in 0..<layer.outputCount {
                count += 1
                lines.append(String(format: "%24.16E b %9d %5d %5d", layer.biases[k], count, l + 1, k + 1))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
