import Geometry

/// A symmetry-function set written as plain JSON (a model file's descriptor section):
///
///     {"cutoff_shape": "kinked", "inner_fraction": 0,
///      "elements": [{"element": "Ar", "functions": [{"type": 2, "neighbors": ["Ar"], "eta": 3, "r_s": 3, "r_c": 6.5}]}]}
///
/// Decoding goes through the validating initialiser, so a hand-edited file with an unknown element,
/// a negative η or a missing function fails with a message instead of building a wrong potential.
/// Numbers are written as Swift's shortest round-trip decimals, so a decoded set equals the encoded one
/// bit for bit. Lengths in the unit of the positions (Å in NNPLab's models).
extension SymmetryFunctionSet: Codable {
    private enum CodingKeys: String, CodingKey {
        case cutoffShape = "cutoff_shape", innerFraction = "inner_fraction", elements
    }

    private struct ElementEntry: Codable {
        var element: String
        var functions: [SymmetryFunction]
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cutoffShape.description, forKey: .cutoffShape)
        try c.encode(innerFraction, forKey: .innerFraction)
        try c.encode(zip(elements, functions).map { ElementEntry(element: $0.symbol, functions: $1) }, forKey: .elements)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .cutoffShape)
        guard let shape = CutoffShape.allCases.first(where: { $0.description == name }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .cutoffShape, in: c,
                debugDescription: "expected one of \(CutoffShape.allCases.map(\.description).joined(separator: ", ")), got '\(name)'")
        }
        var byElement = [Element: [SymmetryFunction]]()
        for entry in try c.decode([ElementEntry].self, forKey: .elements) {
            byElement[try Element.decoded(entry.element, codingPath: decoder.codingPath)] = entry.functions
        }
        do {
            try self.init(cutoffShape: shape, innerFraction: c.decode(Double.self, forKey: .innerFraction), functions: byElement)
        } catch let error as DefinitionError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }
}

/// One function as a record: n2p2's type number and the parameters that type has.
extension SymmetryFunction: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, neighbors, eta, shift = "r_s", cutoff = "r_c", lambda, zeta
        case lower = "r_l", angleLeft = "angle_left", angleRight = "angle_right", subtype
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(n2p2Type, forKey: .type)
        if !namedElements.isEmpty { try c.encode(namedElements.map(\.symbol), forKey: .neighbors) }
        switch self {
        case .radial(let p):
            try c.encode(p.eta, forKey: .eta); try c.encode(p.shift, forKey: .shift)
        case .narrowAngular(let p), .wideAngular(let p):
            try c.encode(p.eta, forKey: .eta); try c.encode(p.shift, forKey: .shift)
            try c.encode(p.lambda, forKey: .lambda); try c.encode(p.zeta, forKey: .zeta)
        case .weightedRadial(let p):
            try c.encode(p.eta, forKey: .eta); try c.encode(p.shift, forKey: .shift)
        case .weightedNarrowAngular(let p):
            try c.encode(p.eta, forKey: .eta); try c.encode(p.shift, forKey: .shift)
            try c.encode(p.lambda, forKey: .lambda); try c.encode(p.zeta, forKey: .zeta)
        case .polynomial(let p):
            try c.encode(p.lower, forKey: .lower); try c.encode(p.subtype, forKey: .subtype)
            if p.kind.isAngular {
                try c.encode(p.angleLeft, forKey: .angleLeft); try c.encode(p.angleRight, forKey: .angleRight)
            }
        }
        try c.encode(cutoff, forKey: .cutoff)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(Int.self, forKey: .type)
        if let kind = PolynomialSymmetryFunction.Kind(rawValue: type) {
            let names = kind.namedElementCount == 0 ? [] : try c.decode([String].self, forKey: .neighbors)
            do {
                self = .polynomial(try PolynomialSymmetryFunction(
                    kind: kind, elements: try names.map { try Element.decoded($0, codingPath: c.codingPath) },
                    lower: try c.decode(Double.self, forKey: .lower), cutoff: try c.decode(Double.self, forKey: .cutoff),
                    angleLeft: try c.decodeIfPresent(Double.self, forKey: .angleLeft) ?? 0,
                    angleRight: try c.decodeIfPresent(Double.self, forKey: .angleRight) ?? 0,
                    subtype: try c.decode(String.self, forKey: .subtype)))
            } catch let error as PolynomialSymmetryFunction.ParameterError {
                throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: error.description)
            }
            return
        }
        let eta = try c.decode(Double.self, forKey: .eta), shift = try c.decode(Double.self, forKey: .shift)
        let cutoff = try c.decode(Double.self, forKey: .cutoff)
        func neighbors(_ count: Int) throws -> [Element] {
            let symbols = try c.decode([String].self, forKey: .neighbors)
            guard symbols.count == count else {
                throw DecodingError.dataCorruptedError(forKey: .neighbors, in: c,
                                                       debugDescription: "type \(type) names \(count) neighbour elements, got \(symbols.count)")
            }
            return try symbols.map { try Element.decoded($0, codingPath: c.codingPath) }
        }
        switch type {
        case 2:
            self = .radial(.init(neighbor: try neighbors(1)[0], eta: eta, shift: shift, cutoff: cutoff))
        case 3, 9:
            let pair = try neighbors(2)
            let p = SymmetryFunction.Angular(neighbors: pair[0], pair[1], eta: eta, lambda: try c.decode(Double.self, forKey: .lambda),
                                             zeta: try c.decode(Double.self, forKey: .zeta), shift: shift, cutoff: cutoff)
            self = type == 3 ? .narrowAngular(p) : .wideAngular(p)
        case 12:
            self = .weightedRadial(.init(eta: eta, shift: shift, cutoff: cutoff))
        case 13:
            self = .weightedNarrowAngular(.init(eta: eta, lambda: try c.decode(Double.self, forKey: .lambda),
                                                zeta: try c.decode(Double.self, forKey: .zeta), shift: shift, cutoff: cutoff))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "expected symmetry-function type 2, 3, 9, 12, 13 or 20-25, got \(type)")
        }
    }
}

extension Element {
    /// The element with chemical symbol `symbol`, or a decoding error naming it.
    static func decoded(_ symbol: String, codingPath: [any CodingKey]) throws -> Element {
        guard let element = Element(symbol: symbol) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "expected a chemical symbol, got '\(symbol)'"))
        }
        return element
    }
}
