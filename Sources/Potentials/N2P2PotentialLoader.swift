import Descriptors
import Foundation
import Geometry
import NeuralNetworks
import StructureFiles

/// Loads an n2p2 potential folder (`input.nn`, `scaling.data`, `weights.ZZZ.data`) as a
/// ``BehlerParrinelloPotential``, the whole 2G short-range format as n2p2 61daa0d reads it: symmetry-function
/// types 2, 3, 9, 12, 13 and the polynomial types 20-25, every cutoff type with its α, the four scaling
/// modes, normalisation (`mean_energy`, `conv_energy`, `conv_length`), `atom_energy` offsets, per-element
/// network shapes and activations (the output layer's included), every activation letter, n2p2's keyword
/// synonyms and `!` comments. 3G and 4G potentials are refused with one line naming the generation.
///
/// n2p2 evaluates in normalised units (lengths × conv_length, energies (E − N·mean)·conv_energy). The
/// symmetry functions are invariant under that change of length unit, so this potential works directly in
/// the folder's physical units: ε_i = N_i/conv_energy + mean_energy + atom_energy(Z_i).
public enum N2P2PotentialLoader {
    /// A loaded folder: the potential, whether its units were established, and n2p2's warnings about it.
    public struct Loaded: Sendable {
        public let potential: BehlerParrinelloPotential
        /// False when input.nn declares no units and none were given: the potential then works in its own,
        /// unnamed units, which ``BehlerParrinelloPotential/units`` reports as ``ownUnits``.
        public let unitsEstablished: Bool
        /// What n2p2 would warn about (unknown keywords, defaulted settings), one line each.
        public let warnings: [String]
    }

    /// The stand-in for units that could not be established: factors of 1, so nothing is converted, and
    /// names that say so.
    public static let ownUnits = UnitSystem(lengthName: "(its own length unit)", energyName: "(its own energy unit)",
                                            lengthInAngstrom: 1, energyInElectronvolt: 1)

    /// Loads `folder` for integration (MD, the lab): its units must be established, by `units` or by input.nn's
    /// header comments (`# Length unit : Bohr`, `# Energy unit : Ha`); otherwise this throws, naming the options
    /// that say them.
    public static func load(folder: URL, units: UnitSystem? = nil) throws -> BehlerParrinelloPotential {
        let loaded = try read(folder: folder, units: units)
        guard loaded.unitsEstablished else {
            throw N2P2FileError(file: "\(folder.lastPathComponent)/input.nn",
                                problem: "its units cannot be established (no '# Length unit :' and '# Energy unit :' header lines); "
                                    + "say them with --length-unit bohr|angstrom --energy-unit hartree|ev")
        }
        return loaded.potential
    }

    /// Loads `folder` as n2p2 would; without established units the potential works in its own units
    /// (``ownUnits``), which is right for evaluating structures given in those units.
    public static func read(folder: URL, units: UnitSystem? = nil) throws -> Loaded {
        let name = folder.lastPathComponent
        let settings = try N2P2Settings(text: try read(folder.appendingPathComponent("input.nn"), label: "\(name)/input.nn"),
                                        file: "\(name)/input.nn")
        let header = try Header(settings)
        let set = try symmetryFunctions(settings, header)
        let scaling = try loadScaling(folder, name: name, header: header, set: set)
        var networks = [FeedForwardNetwork]()
        for (e, element) in set.elements.enumerated() {
            let file = String(format: "weights.%03d.data", element.atomicNumber)
            let sizes = header.layerSizes(for: element, inputs: set.functions[e].count)
            let text = try read(folder.appendingPathComponent(file), label: "\(name)/\(file)")
            networks.append(try network(text, file: "\(name)/\(file)", sizes: sizes, activations: header.activations[element]!))
        }
        let shifts = set.elements.map { header.meanEnergy + (header.atomEnergies[$0] ?? 0) }
        let established = units ?? header.declaredUnits(settings)
        let declared = established ?? ownUnits
        let activation = header.activations[set.elements[0]]!.map(\.rawValue).joined(separator: "/")
        let summary = "n2p2 NNP \(name) (\(set.elements.map(\.symbol).joined(separator: " ")), "
            + "r_c \(set.maximumCutoff) \(established?.lengthName ?? "length units"), \(set.cutoffShape) cutoff, \(activation); "
            + "\(established.map(\.description) ?? "units not declared"))"
        do {
            let potential = try BehlerParrinelloPotential(symmetryFunctions: set, networks: networks, scaling: scaling,
                                                          energyScale: 1 / header.energyConversion, energyShifts: shifts,
                                                          units: declared, summary: summary)
            return Loaded(potential: potential, unitsEstablished: established != nil,
                          warnings: settings.warnings + header.warnings)
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

    /// The symmetry functions of every `symfunction_short` (or `symfunction`) line.
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
        let expected: [Int: Int] = [2: 6, 3: 8, 9: 8, 12: 5, 13: 7, 20: 6, 21: 9, 22: 9, 23: 5, 24: 7, 25: 7]
        guard let minimum = expected[type] else {
            throw s.error(line, "symmetry function type \(type) is not supported (n2p2's 2G types 2, 3, 9, 12, 13 and 20-25 are)")
        }
        guard entry.fields.count >= minimum else {
            throw s.error(line, "type \(type) symmetry function needs \(minimum) fields after 'symfunction_short', found \(entry.fields.count)")
        }
        if let kind = PolynomialSymmetryFunction.Kind(rawValue: type) {
            let named = try (0..<kind.namedElementCount).map { try element(2 + $0, "neighbour element") }
            let p = 2 + named.count
            do {
                return (central, .polynomial(try PolynomialSymmetryFunction(
                    kind: kind, elements: named, lower: try number(p, "r_l"), cutoff: try number(p + 1, "r_c"),
                    angleLeft: kind.isAngular ? try number(p + 2, "left angle") : 0,
                    angleRight: kind.isAngular ? try number(p + 3, "right angle") : 0,
                    subtype: try s.field(entry, kind.isAngular ? p + 4 : p + 2, key, "subtype"))))
            } catch let error as PolynomialSymmetryFunction.ParameterError {
                throw s.error(line, error.description)
            }
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
        for (index, line) in TextFields.lines(text).enumerated() {
            var fields = [Substring]()
            TextFields.fields(line, into: &fields)
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
                let sigmaValue = fields.count > 5 ? Double(fields[5]) : 0
                guard let sigmaValue, [mn, mx, mean, sigmaValue].allSatisfy(\.isFinite) else {
                    throw N2P2FileError(file: label, line: line, problem: "min, max, mean and sigma must be finite numbers")
                }
                guard ei == e + 1, si == s + 1 else {
                    throw N2P2FileError(file: label, line: line,
                                        problem: "expected element \(e + 1) function \(s + 1), found \(ei) \(si) (scaling data does not match input.nn)")
                }
                list.append(SymmetryFunctionStatistics(minimum: mn, maximum: mx, mean: mean, sigma: sigmaValue))
            }
            statistics.append(list)
        }
        // n2p2 reads only the lines it needs. A RuNNer-style file ends with one line of the energy range
        // (fewer than 5 fields), which is skipped; further symmetry-function rows mean the file does not match.
        if next < rows.count, rows.count - next > 1 || rows[next].fields.count >= 5 {
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
    /// outer and the neuron k inner, then the layer's biases. `activations` has one letter per layer after
    /// the input, the output layer's last.
    static func network(_ text: String, file: String, sizes: [Int], activations: [Activation]) throws -> FeedForwardNetwork {
        var values = [Double]()
        for (index, line) in TextFields.lines(text).enumerated() {
            guard let first = TextFields.firstField(line), !first.hasPrefix("#") else { continue }
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
            // The output layer takes the last letter too (n2p2 applies it; it is usually 'l').
            let activation = activations[l - 1]
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
