import Descriptors
import Geometry
import NeuralNetworks

extension N2P2PotentialLoader {
    /// The general settings of an input.nn: elements, cutoff, scaling, normalisation, network shape.
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
        var hiddenSizes: [Int] = []
        var activations: [Activation] = []
        var elementNodes: [(element: Element, layer: Int, nodes: Int, line: Int)] = []

        init(_ s: N2P2Settings) throws {
            if let t = s.all("nnp_type").first, t.fields.first != "1" {
                throw s.error(t.line, "nnp_type \(t.fields.first ?? "") is not supported (only 1, short-range NNPs)")
            }
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
            if let e = s.all("scale_min_short").first, let v = e.fields.first {
                scaleMinimum = try s.number(v, line: e.line, "scale_min_short")
            }
            if let e = s.all("scale_max_short").first, let v = e.fields.first {
                scaleMaximum = try s.number(v, line: e.line, "scale_max_short")
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
                let symbol = try s.field(entry, 0, "atom_energy", "element")
                guard let e = Element(symbol: symbol), elements.contains(e) else {
                    throw s.error(entry.line, "atom_energy names element '\(symbol)', which 'elements' does not list")
                }
                atomEnergies[e] = try s.number(try s.field(entry, 1, "atom_energy", "energy"), line: entry.line, "atom_energy")
            }
            let layers = try s.required("global_hidden_layers_short")
            let hidden = try s.integer(layers.fields[0], line: layers.line, "global_hidden_layers_short")
            guard hidden >= 1 else { throw s.error(layers.line, "global_hidden_layers_short must be at least 1, got \(hidden)") }
            let nodes = try s.required("global_nodes_short")
            guard nodes.fields.count >= hidden else {
                throw s.error(nodes.line, "global_nodes_short lists \(nodes.fields.count) sizes for \(hidden) hidden layers")
            }
            hiddenSizes = try nodes.fields.prefix(hidden).map {
                let v = try s.integer($0, line: nodes.line, "global_nodes_short")
                guard v > 0 else { throw s.error(nodes.line, "hidden layer size must be positive, got \(v)") }
                return v
            }
            let letters = try s.required("global_activation_short")
            guard letters.fields.count >= hidden else {
                throw s.error(letters.line, "global_activation_short lists \(letters.fields.count) activations for \(hidden) hidden layers")
            }
            activations = try letters.fields.prefix(hidden).map {
                guard let a = Activation(n2p2Letter: $0) else {
                    throw s.error(letters.line, "unknown activation '\($0)' (n2p2 letters: l t s p r g c S e h)")
                }
                return a
            }
            for entry in s.all("element_nodes_short") {
                let symbol = try s.field(entry, 0, "element_nodes_short", "element")
                guard let e = Element(symbol: symbol), elements.contains(e) else {
                    throw s.error(entry.line, "element_nodes_short names element '\(symbol)', which 'elements' does not list")
                }
                let layer = try s.integer(try s.field(entry, 1, "element_nodes_short", "layer"), line: entry.line, "layer")
                let count = try s.integer(try s.field(entry, 2, "element_nodes_short", "size"), line: entry.line, "size")
                guard (1...hidden).contains(layer), count > 0 else {
                    throw s.error(entry.line, "element_nodes_short needs a hidden layer 1...\(hidden) and a positive size")
                }
                elementNodes.append((e, layer, count, entry.line))
            }
        }

        /// Layer widths of `element`'s network, input first, output (1) last.
        func layerSizes(for element: Element, inputs: Int, _ s: N2P2Settings) throws -> [Int] {
            var sizes = [inputs] + hiddenSizes + [1]
            for override in elementNodes where override.element == element { sizes[override.layer] = override.nodes }
            return sizes
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
