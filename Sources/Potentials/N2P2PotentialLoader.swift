import Descriptors
import Foundation
import Geometry
import NeuralNetworks

/// Loads an n2p2 potential folder (`input.nn`, `scaling.data`, `weights.ZZZ.data`) as a
/// ``BehlerParrinelloPotential``, the whole 2G short-range format: symmetry-function types 2, 3, 9, 12
/// and 13, every cutoff type with its α, the four scaling modes, normalisation (`mean_energy`,
/// `conv_energy`, `conv_length`), `atom_energy` offsets, `element_nodes_short`, every activation letter.
///
/// n2p2 evaluates in normalised units (lengths × conv_length, energies (E − N·mean)·conv_energy). The
/// symmetry functions are invariant under that change of length unit, so this potential works directly in
/// the folder's physical units: ε_i = N_i/conv_energy + mean_energy + atom_energy(Z_i).
public enum N2P2PotentialLoader {
    /// Loads `folder`. `units` overrides the units declared in input.nn's header comments
    /// (`# Length unit : Bohr`); without either, Å and eV are assumed.
    public static func load(folder: URL, units: UnitSystem? = nil) throws -> BehlerParrinelloPotential {
        let name = folder.lastPathComponent
        let settings = N2P2Settings(text: try read(folder.appendingPathComponent("input.nn"), label: "\(name)/input.nn"),
                                    file: "\(name)/input.nn")
        let header = try Header(settings)
        let set = try symmetryFunctions(settings, header)
        let scaling = try loadScaling(folder, name: name, header: header, set: set)
        var networks = [FeedForwardNetwork]()
        for (e, element) in set.elements.enumerated() {
            let file = String(format: "weights.%03d.data", element.atomicNumber)
            let sizes = try header.layerSizes(for: element, inputs: set.functions[e].count, settings)
            let text = try read(folder.appendingPathComponent(file), label: "\(name)/\(file)")
            networks.append(try network(text, file: "\(name)/\(file)", sizes: sizes, activations: header.activations))
        }
        let shifts = set.elements.map { header.meanEnergy + (header.atomEnergies[$0] ?? 0) }
        let declared = units ?? header.declaredUnits(settings) ?? .metal
        let activation = header.activations.map(\.rawValue).joined(separator: "/")
        let summary = "n2p2 NNP \(name) (\(set.elements.map(\.symbol).joined(separator: " ")), "
            + "r_c \(set.maximumCutoff) \(declared.lengthName), \(set.cutoffShape) cutoff, \(activation); \(declared))"
        do {
            return try BehlerParrinelloPotential(symmetryFunctions: set, networks: networks, scaling: scaling,
                                                 energyScale: 1 / header.energyConversion, energyShifts: shifts,
                                                 units: declared, summary: summary)
        } catch {
            throw N2P2FileError(file: name, problem: "\(error)")
        }
    }

    static func read(_ url: URL, label: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw N2P2FileError(file: label, problem: "cannot read the file (missing or unreadable)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw N2P2FileError(file: label, problem: "not UTF-8 text")
        }
        return text
    }

    /// The symmetry functions of every `symfunction_short` line.
    static func symmetryFunctions(_ settings: N2P2Settings, _ header: Header) throws -> SymmetryFunctionSet {
        var byElement = [Element: [SymmetryFunction]]()
        for element in header.elements { byElement[element] = [] }
        for entry in settings.all("symfunction_short") {
            let (central, function) = try parseSymmetryFunction(entry, settings, elements: header.elements)
            byElement[central, default: []].append(function)
        }
        do {
            return try SymmetryFunctionSet(cutoffShape: header.cutoffShape, innerFraction: header.cutoffAlpha,
                                           functions: byElement)
        } catch {
            throw settings.error(settings.all("symfunction_short").first?.line ?? 0, "\(error)")
        }
    }

    static func parseSymmetryFunction(_ entry: N2P2Settings.Entry, _ s: N2P2Settings,
                                      elements: [Element]) throws -> (Element, SymmetryFunction) {
        let key = "symfunction_short", line = entry.line
        func element(_ index: Int, _ what: String) throws -> Element {
            let symbol = try s.field(entry, index, key, what)
            guard let e = Element(symbol: symbol), elements.contains(e) else {
                throw s.error(line, "symmetry function names element '\(symbol)', which 'elements' does not list")
            }
            return e
        }
        func number(_ index: Int, _ what: String) throws -> Double {
            try s.number(try s.field(entry, index, key, what), line: line, what)
        }
        let central = try element(0, "central element")
        let type = try s.integer(try s.field(entry, 1, key, "type"), line: line, "symmetry function type")
        let expected: [Int: Int] = [2: 6, 3: 8, 9: 8, 12: 5, 13: 7]
        guard let minimum = expected[type] else {
            throw s.error(line, "symmetry function type \(type) is not supported (2G types 2, 3, 9, 12, 13 are)")
        }
        guard entry.fields.count >= minimum else {
            throw s.error(line, "type \(type) symmetry function needs \(minimum) fields after 'symfunction_short', found \(entry.fields.count)")
        }
        switch type {
        case 2:
            return (central, .radial(.init(neighbor: try element(2, "neighbour element"), eta: try number(3, "eta"),
                                           shift: try number(4, "r_shift"), cutoff: try number(5, "r_cutoff"))))
        case 3, 9:
            let p = SymmetryFunction.Angular(
                neighbors: try element(2, "first neighbour element"), try element(3, "second neighbour element"),
                eta: try number(4, "eta"), lambda: try number(5, "lambda"), zeta: try number(6, "zeta"),
                shift: entry.fields.count > 8 ? try number(8, "r_shift") : 0, cutoff: try number(7, "r_cutoff"))
            return (central, type == 3 ? .narrowAngular(p) : .wideAngular(p))
        case 12:
            return (central, .weightedRadial(.init(eta: try number(2, "eta"), shift: try number(3, "r_shift"),
                                                   cutoff: try number(4, "r_cutoff"))))
        default:
            return (central, .weightedNarrowAngular(.init(
                eta: try number(2, "eta"), lambda: try number(4, "lambda"), zeta: try number(5, "zeta"),
                shift: try number(3, "r_shift"), cutoff: try number(6, "r_cutoff"))))
        }
    }

    /// Reads `scaling.data`: per element (by atomic number), per function in n2p2 order, one line
    /// `e_index sf_index min max mean [sigma]`.
    static func loadScaling(_ folder: URL, name: String, header: Header, set: SymmetryFunctionSet) throws -> DescriptorScaling {
        let counts = set.functions.map(\.count)
        if header.scalingMode == .none { return .identity(counts: counts) }
        let label = "\(name)/scaling.data"
        let text = try read(folder.appendingPathComponent("scaling.data"), label: label)
        var rows = [(fields: [Substring], line: Int)]()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let first = fields.first, !first.hasPrefix("#") else { continue }
            rows.append((fields, index + 1))
        }
        var statistics = [[SymmetryFunctionStatistics]]()
        var next = 0
        for (e, element) in set.elements.enumerated() {
            var list = [SymmetryFunctionStatistics]()
            for s in 0..<counts[e] {
                guard next < rows.count else {
                    throw N2P2FileError(file: label, problem: "ends early: no line for function \(s + 1) of element \(element.symbol) (\(counts[e]) expected)")
                }
                let (fields, line) = rows[next]
                next += 1
                guard fields.count >= 5, let ei = Int(fields[0]), let si = Int(fields[1]),
                      let mn = Double(fields[2]), let mx = Double(fields[3]), let mean = Double(fields[4]) else {
                    throw N2P2FileError(file: label, line: line, problem: "expected 'element_index function_index min max mean sigma'")
                }
                guard ei == e + 1, si == s + 1 else {
                    throw N2P2FileError(file: label, line: line,
                                        problem: "expected element \(e + 1) function \(s + 1), found \(ei) \(si) (scaling data does not match input.nn)")
                }
                let sigma = fields.count > 5 ? Double(fields[5]) ?? 0 : 0
                list.append(SymmetryFunctionStatistics(minimum: mn, maximum: mx, mean: mean, sigma: sigma))
            }
            statistics.append(list)
        }
        if next < rows.count {
            throw N2P2FileError(file: label, line: rows[next].line,
                                problem: "more lines than symmetry functions in input.nn (\(counts.reduce(0, +)))")
        }
        do {
            return try DescriptorScaling(mode: header.scalingMode, targetMinimum: header.scaleMinimum,
                                         targetMaximum: header.scaleMaximum, statistics: statistics)
        } catch {
            throw N2P2FileError(file: label, problem: "\(error)")
        }
    }

    /// A network from a weights file: n2p2 lists, layer by layer, the weights w[k][j] with the input j
    /// outer and the neuron k inner, then the layer's biases.
    static func network(_ text: String, file: String, sizes: [Int], activations: [Activation]) throws -> FeedForwardNetwork {
        var values = [Double]()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let first = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).first,
                  !first.hasPrefix("#") else { continue }
            guard let v = Double(first), v.isFinite else {
                throw N2P2FileError(file: file, line: index + 1, problem: "weight is not a number: '\(first)'")
            }
            values.append(v)
        }
        var expected = 0
        for l in 1..<sizes.count { expected += sizes[l - 1] * sizes[l] + sizes[l] }
        guard values.count == expected else {
            throw N2P2FileError(file: file, problem: "expected \(expected) weights and biases for layers \(sizes.map(String.init).joined(separator: "-")), found \(values.count)")
        }
        var layers = [DenseLayer]()
        var cursor = 0
        for l in 1..<sizes.count {
            let nIn = sizes[l - 1], nOut = sizes[l]
            var weights = [Double](repeating: 0, count: nIn * nOut)
            for j in 0..<nIn {
                for k in 0..<nOut { weights[k * nIn + j] = values[cursor]; cursor += 1 }
            }
            let biases = Array(values[cursor..<(cursor + nOut)])
            cursor += nOut
            // n2p2 forces the output layer to be linear whatever the last letter says.
            let activation = l == sizes.count - 1 ? Activation.identity : activations[l - 1]
            do {
                layers.append(try DenseLayer(inputCount: nIn, outputCount: nOut, weights: weights, biases: biases,
                                             activation: activation))
            } catch {
                throw N2P2FileError(file: file, problem: "\(error)")
            }
        }
        do { return try FeedForwardNetwork(layers: layers) } catch { throw N2P2FileError(file: file, problem: "\(error)") }
    }
}
