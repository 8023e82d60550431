import Descriptors
import Geometry
import NeuralNetworks

extension N2P2PotentialLoader {
    /// The general settings of an input.nn: generation, elements, cutoff, scaling, normalisation, and each
    /// element's network shape, as n2p2 (Mode::setupGeneric, 61daa0d) reads them.
    struct Header {
        var elements: [Element] = []
        var cutoffShape = CutoffShape.step
        var cutoffAlpha = 0.0
        var scalingMode = ScalingMode.none
        var scaleMinimum = 0.0
        var scaleMaximum = 1.0
        var meanEnergy = 0.0
        var energyConversion = 1.0
        var lengthConversion = 1.0
        var atomEnergies: [Element: Double] = [:]
        /// Per element: hidden-layer widths, and activations of the hidden layers then the output layer.
        var hiddenSizes: [Element: [Int]] = [:]
        var activations: [Element: [Activation]] = [:]
        /// n2p2's warnings about settings it fills with defaults.
        var warnings: [String] = []

        init(_ s: N2P2Settings) throws {
            try Header.checkGeneration(s)
            if let n = s.all("normalize_nodes").first { throw s.error(n.line, "'normalize_nodes' is not supported") }
            let list = try s.required("elements")
            for symbol in list.fields {
                guard let e = Element(symbol: symbol) else { throw s.error(list.line, "unknown element symbol '\(symbol)'") }
                guard !elements.contains(e) else { throw s.error(list.line, "element '\(symbol)' listed twice") }
                elements.append(e)
            }
            elements.sort()
            let count = try s.required("number_of_elements")
            let n = try s.integer(count.fields[0], line: count.line, "number_of_elements")
            guard n == elements.count else {
                throw s.error(count.line, "number_of_elements is \(n) but 'elements' lists \(elements.count)")
            }
            let cutoff = try s.required("cutoff_type")
            let code = try s.integer(cutoff.fields[0], line: cutoff.line, "cutoff_type")
            guard let shape = CutoffShape(n2p2Code: code) else {
                throw s.error(cutoff.line, "unknown cutoff_type \(code) (n2p2 knows 0-8)")
            }
            cutoffShape = shape
            if cutoff.fields.count > 1 {
                cutoffAlpha = try s.number(cutoff.fields[1], line: cutoff.line, "cutoff alpha")
                guard cutoffAlpha >= 0, cutoffAlpha < 1 else {
                    throw s.error(cutoff.line, "cutoff alpha must satisfy 0 <= alpha < 1, got \(cutoffAlpha)")
                }
            }
            let scale = s.has("scale_symmetry_functions"), center = s.has("center_symmetry_functions")
            switch (scale, center, s.has("scale_symmetry_functions_sigma")) {
            case (true, false, _): scalingMode = .scale
            case (false, true, _): scalingMode = .center
            case (true, true, _): scalingMode = .scaleCenter
            case (false, false, true): scalingMode = .scaleSigma
            case (false, false, false): scalingMode = .none
            }
            // n2p2 reads S_min and S_max only for the modes that use them, defaulting (with a warning) to 0 and 1.
            if scalingMode != .none && scalingMode != .center {
                for (key, fallback) in [("scale_min_short", "Smin = 0.0"), ("scale_max_short", "Smax = 1.0")] {
                    guard let e = s.all(key).first else {
                        warnings.append("WARNING: Keyword \"\(key)\" not found. Default value for \(fallback).")
                        continue
                    }
                    let v = try s.number(try s.field(e, 0, key, "value"), line: e.line, key)
                    if key == "scale_min_short" { scaleMinimum = v } else { scaleMaximum = v }
                }
            }
            let normalisationKeys = ["mean_energy", "conv_energy", "conv_length"]
            let normalisation = normalisationKeys.compactMap { s.all($0).first }
            if normalisation.count == normalisationKeys.count {
                let v = try zip(normalisationKeys, normalisation).map { key, entry in
                    try s.number(try s.field(entry, 0, key, "value"), line: entry.line, key)
                }
                meanEnergy = v[0]; energyConversion = v[1]; lengthConversion = v[2]
                guard energyConversion != 0, lengthConversion > 0 else {
                    throw s.error(normalisation[1].line, "conv_energy and conv_length must be non-zero")
                }
            } else if let present = normalisation.first {
                throw s.error(present.line, "use all or none of 'mean_energy', 'conv_energy' and 'conv_length'")
            }
            for entry in s.all("atom_energy") {
                let e = try element(s, entry, "atom_energy")
                atomEnergies[e] = try s.number(try s.field(entry, 1, "atom_energy", "energy"), line: entry.line, "atom_energy")
            }
            try readTopology(s)
        }

        /// Refuses every generation but 2G with one line naming it. n2p2 reads `nnp_type` (or `nnp_generation`,
        /// `nnp_type_gen`, `nnp_gen`) as `2G-HDNNP`, `4G-HDNNP`, `Q-HDNNP`, or a number (2, 4, 10) by C's atoi.
        static func checkGeneration(_ s: N2P2Settings) throws {
            guard let entry = s.all("nnp_type").first else { return }
            let text = entry.fields.first ?? ""
            let digits = text.drop(while: { $0 == "+" }).prefix(while: \.isNumber)
            let number: Int? = switch text {
            case "2G-HDNNP": 2
            case "4G-HDNNP": 4
            case "Q-HDNNP": 10
            default: Int(digits)
            }
            switch number {
            case 2: return
            case 3: throw s.error(entry.line, "nnp_type '\(text)' is a 3G potential (long-range electrostatics from environment-dependent charges), which NNPLab does not evaluate; only 2G short-range potentials")
            case 4: throw s.error(entry.line, "nnp_type '\(text)' is a 4G-HDNNP (charge equilibration and electrostatics), which NNPLab does not evaluate; only 2G short-range potentials")
            case 10: throw s.error(entry.line, "nnp_type '\(text)' is a Q-HDNNP (charge network), which NNPLab does not evaluate; only 2G short-range potentials")
            default: throw s.error(entry.line, "unknown nnp_type '\(text)' (n2p2 knows 2G-HDNNP or 2, 4G-HDNNP or 4, Q-HDNNP or 10)")
            }
        }

        /// An element that `elements` lists, from field 0 of `entry`.
        func element(_ s: N2P2Settings, _ entry: N2P2Settings.Entry, _ key: String) throws -> Element {
            let symbol = try s.field(entry, 0, key, "element")
            guard let e = Element(symbol: symbol), elements.contains(e) else {
                throw s.error(entry.line, "\(key) names element '\(symbol)', which 'elements' does not list")
            }
            return e
        }

        /// Each element's hidden widths and activations, as n2p2 fills them: the global keywords for every
        /// element whose depth is the global one; `element_nodes_short E n_1 … n_H` sets n_1 … n_(H-1) (the last
        /// hidden layer keeps its global width); `element_activation_short E a_1 … a_H a_out` sets the hidden
        /// activations (the output keeps the global last letter). Whatever stays unset is an error, as in n2p2.
        mutating func readTopology(_ s: N2P2Settings) throws {
            var depth = [Element: Int]()
            var global: Int?
            var globalLine = 0
            if let layers = s.all("global_hidden_layers_short").first {
                let h = try s.integer(try s.field(layers, 0, "global_hidden_layers_short", "value"), line: layers.line,
                                      "global_hidden_layers_short")
                guard h >= 1 else { throw s.error(layers.line, "global_hidden_layers_short must be at least 1, got \(h)") }
                global = h
                globalLine = layers.line
                for e in elements { depth[e] = h }
            }
            for entry in s.all("element_hidden_layers_short") {
                let e = try element(s, entry, "element_hidden_layers_short")
                let h = try s.integer(try s.field(entry, 1, "element_hidden_layers_short", "count"), line: entry.line, "count")
                guard h >= 1 else { throw s.error(entry.line, "element_hidden_layers_short must be at least 1, got \(h)") }
                depth[e] = h
            }
            var nodes = [Element: [Int?]](), letters = [Element: [Activation?]]()
            for e in elements {
                guard let h = depth[e] else {
                    throw s.error(0, "the number of hidden layers of \(e.symbol) is unset (global_hidden_layers_short)")
                }
                nodes[e] = [Int?](repeating: nil, count: h)
                letters[e] = [Activation?](repeating: nil, count: h + 1)
            }
            var globalNodes: [Int]?, globalLetters: [Activation]?
            if let entry = s.all("global_nodes_short").first {
                guard entry.fields.count == global ?? -1 else {
                    throw s.error(entry.line, "global_nodes_short lists \(entry.fields.count) widths for \(global ?? 0) hidden layers")
                }
                globalNodes = try entry.fields.map { try width($0, s, entry.line, "global_nodes_short") }
            }
            if let entry = s.all("global_activation_short").first {
                guard entry.fields.count == (global ?? -1) + 1 else {
                    throw s.error(entry.line, "global_activation_short lists \(entry.fields.count) letters for \(global ?? 0) hidden layers and the output layer")
                }
                globalLetters = try entry.fields.map { try activation($0, s, entry.line) }
            }
            for e in elements where depth[e] == global {
                if let globalNodes { nodes[e] = globalNodes }
                if let globalLetters { letters[e] = globalLetters }
            }
            for entry in s.all("element_nodes_short") {
                let e = try element(s, entry, "element_nodes_short")
                let h = depth[e]!
                guard entry.fields.count - 1 == h else {
                    throw s.error(entry.line, "element_nodes_short \(e.symbol) lists \(entry.fields.count - 1) widths for \(h) hidden layers")
                }
                let widths = try entry.fields.dropFirst().map { try width($0, s, entry.line, "element_nodes_short") }
                for l in 0..<(h - 1) { nodes[e]![l] = widths[l] }
            }
            for entry in s.all("element_activation_short") {
                let e = try element(s, entry, "element_activation_short")
                let h = depth[e]!
                guard entry.fields.count - 1 == h + 1 else {
                    throw s.error(entry.line, "element_activation_short \(e.symbol) lists \(entry.fields.count - 1) letters for \(h) hidden layers and the output layer")
                }
                let given = try entry.fields.dropFirst().map { try activation($0, s, entry.line) }
                for l in 0..<h { letters[e]![l] = given[l] }
            }
            for e in elements {
                let widths = nodes[e]!, acts = letters[e]!
                if let l = widths.firstIndex(of: nil) {
                    throw s.error(globalLine, "the width of hidden layer \(l + 1) of \(e.symbol) is unset (n2p2 takes the last hidden width from global_nodes_short)")
                }
                if let l = acts.firstIndex(where: { $0 == nil }) {
                    let which = l == acts.count - 1 ? "the output layer" : "hidden layer \(l + 1)"
                    throw s.error(globalLine, "the activation of \(which) of \(e.symbol) is unset (n2p2 takes the output activation from the last letter of global_activation_short)")
                }
                hiddenSizes[e] = widths.map { $0! }
                activations[e] = acts.map { $0! }
            }
        }

        private func width(_ text: String, _ s: N2P2Settings, _ line: Int, _ key: String) throws -> Int {
            let v = try s.integer(text, line: line, key)
            guard v > 0 else { throw s.error(line, "\(key): hidden layer width must be positive, got \(v)") }
            return v
        }

        private func activation(_ letter: String, _ s: N2P2Settings, _ line: Int) throws -> Activation {
            guard let a = Activation(n2p2Letter: letter) else {
                throw s.error(line, "unknown activation '\(letter)' (n2p2 letters: l t s p r g c S e h)")
            }
            return a
        }

        /// Layer widths of `element`'s network, input first, output (1) last.
        func layerSizes(for element: Element, inputs: Int) -> [Int] {
            [inputs] + hiddenSizes[element]! + [1]
        }

        /// Units from the header comments, when both are recognised.
        func declaredUnits(_ s: N2P2Settings) -> UnitSystem? {
            let length: (String, Double)? = switch s.lengthUnit {
            case "bohr": ("Bohr", UnitSystem.atomic.lengthInAngstrom)
            case "angstrom", "å", "a": ("Å", 1)
            default: nil
            }
            let energy: (String, Double)? = switch s.energyUnit {
            case "ha", "hartree": ("Ha", UnitSystem.atomic.energyInElectronvolt)
            case "ev": ("eV", 1)
            default: nil
            }
            guard let length, let energy else { return nil }
            if length.1 == 1 && energy.1 == 1 { return .metal }
            if length.0 == "Bohr" && energy.0 == "Ha" { return .atomic }
            return UnitSystem(lengthName: length.0, energyName: energy.0, lengthInAngstrom: length.1, energyInElectronvolt: energy.1)
        }
    }
}
