import Geometry

/// One atom-centred symmetry function of n2p2's 2G family (Behler's G², G⁴, G⁵ and their element-weighted
/// variants), for a central atom of a given element.
///
/// With f_c the potential's cutoff function of radius r_c (``CutoffFunction``), R_ij = |r_j - r_i|, and
/// cos θ_ijk = R_ij·R_ik / (R_ij R_ik), the values are (dimensionless; lengths in the positions' unit):
///
/// - ``radial`` (n2p2 type 2): G = Σ_{j of element e₁} exp(-η (R_ij - r_s)²) f_c(R_ij)
/// - ``narrowAngular`` (type 3): G = 2^{1-ζ} Σ_{j<k, elements {e₁,e₂}} (1 + λ cos θ_ijk)^ζ
///   exp(-η [(R_ij - r_s)² + (R_ik - r_s)² + (R_jk - r_s)²]) f_c(R_ij) f_c(R_ik) f_c(R_jk)
/// - ``wideAngular`` (type 9): as type 3 without the R_jk terms.
/// - ``weightedRadial`` (type 12): as type 2 over all neighbours, each weighted by its atomic number Z_j.
/// - ``weightedNarrowAngular`` (type 13): as type 3 over all neighbour pairs, weighted by Z_j Z_k.
///
/// (1 + λ cos θ) ≤ 0 contributes 0, as in n2p2. ``polynomial`` holds types 20-25.
public enum SymmetryFunction: Sendable, Hashable {
    case radial(Radial)
    case narrowAngular(Angular)
    case wideAngular(Angular)
    case weightedRadial(WeightedRadial)
    case weightedNarrowAngular(WeightedAngular)
    /// n2p2 types 20-25, see ``PolynomialSymmetryFunction``.
    case polynomial(PolynomialSymmetryFunction)

    /// Parameters of a radial function: the neighbour element, Gaussian width η (1/length²),
    /// shift r_s and cutoff radius r_c (length).
    public struct Radial: Sendable, Hashable {
        public var neighbor: Element
        public var eta: Double
        public var shift: Double
        public var cutoff: Double
        public init(neighbor: Element, eta: Double, shift: Double = 0, cutoff: Double) {
            self.neighbor = neighbor; self.eta = eta; self.shift = shift; self.cutoff = cutoff
        }
    }

    /// Parameters of an angular function: the two neighbour elements (stored in atomic-number order),
    /// η (1/length²), λ (usually ±1), ζ ≥ 1, shift r_s and cutoff r_c (length).
    public struct Angular: Sendable, Hashable {
        public let neighbors: ElementPair
        public var eta: Double
        public var lambda: Double
        public var zeta: Double
        public var shift: Double
        public var cutoff: Double
        public init(neighbors first: Element, _ second: Element, eta: Double, lambda: Double, zeta: Double,
                    shift: Double = 0, cutoff: Double) {
            neighbors = ElementPair(first, second)
            self.eta = eta; self.lambda = lambda; self.zeta = zeta; self.shift = shift; self.cutoff = cutoff
        }
    }

    /// Parameters of an element-weighted radial function: η, r_s, r_c.
    public struct WeightedRadial: Sendable, Hashable {
        public var eta: Double
        public var shift: Double
        public var cutoff: Double
        public init(eta: Double, shift: Double = 0, cutoff: Double) {
            self.eta = eta; self.shift = shift; self.cutoff = cutoff
        }
    }

    /// Parameters of an element-weighted narrow angular function: η, λ, ζ, r_s, r_c.
    public struct WeightedAngular: Sendable, Hashable {
        public var eta: Double
        public var lambda: Double
        public var zeta: Double
        public var shift: Double
        public var cutoff: Double
        public init(eta: Double, lambda: Double, zeta: Double, shift: Double = 0, cutoff: Double) {
            self.eta = eta; self.lambda = lambda; self.zeta = zeta; self.shift = shift; self.cutoff = cutoff
        }
    }

    /// n2p2's type number (2, 3, 9, 12, 13).
    public var n2p2Type: Int {
        switch self {
        case .radial: 2
        case .narrowAngular: 3
        case .wideAngular: 9
        case .weightedRadial: 12
        case .weightedNarrowAngular: 13
        case .polynomial(let p): p.kind.rawValue
        }
    }

    /// Cutoff radius r_c of this function.
    public var cutoff: Double {
        switch self {
        case .radial(let p): p.cutoff
        case .narrowAngular(let p), .wideAngular(let p): p.cutoff
        case .weightedRadial(let p): p.cutoff
        case .weightedNarrowAngular(let p): p.cutoff
        case .polynomial(let p): p.cutoff
        }
    }

    /// Elements this function names (empty for the weighted types, which see every element).
    public var namedElements: [Element] {
        switch self {
        case .radial(let p): [p.neighbor]
        case .narrowAngular(let p), .wideAngular(let p): [p.neighbors.first, p.neighbors.second]
        case .weightedRadial, .weightedNarrowAngular: []
        case .polynomial(let p): p.elements
        }
    }

    /// The same function with every length multiplied by `factor` (η divided by factor²): a change of units.
    public func scalingLengths(by factor: Double) -> SymmetryFunction {
        let etaFactor = 1 / (factor * factor)
        switch self {
        case .radial(var p):
            p.eta *= etaFactor; p.shift *= factor; p.cutoff *= factor; return .radial(p)
        case .narrowAngular(var p):
            p.eta *= etaFactor; p.shift *= factor; p.cutoff *= factor; return .narrowAngular(p)
        case .wideAngular(var p):
            p.eta *= etaFactor; p.shift *= factor; p.cutoff *= factor; return .wideAngular(p)
        case .weightedRadial(var p):
            p.eta *= etaFactor; p.shift *= factor; p.cutoff *= factor; return .weightedRadial(p)
        case .weightedNarrowAngular(var p):
            p.eta *= etaFactor; p.shift *= factor; p.cutoff *= factor; return .weightedNarrowAngular(p)
        case .polynomial(let p):
            return .polynomial(p.scalingLengths(by: factor))
        }
    }
}

/// An unordered pair of elements, stored with `first ≤ second` by atomic number.
public struct ElementPair: Sendable, Hashable {
    public let first: Element
    public let second: Element
    public init(_ a: Element, _ b: Element) {
        (first, second) = a <= b ? (a, b) : (b, a)
    }
}

extension SymmetryFunction {
    /// n2p2's sort order within one central element (`SymFnc::operator<`): by type, then cutoff radius,
    /// then η, r_s, then (angular) ζ, λ, then the neighbour elements' indices. Scaling data and network
    /// inputs follow this order. Elements compare by atomic number, which is n2p2's element index order.
    public static func n2p2Precedes(_ a: SymmetryFunction, _ b: SymmetryFunction) -> Bool {
        if a.n2p2Type != b.n2p2Type { return a.n2p2Type < b.n2p2Type }
        if case .polynomial(let p) = a, case .polynomial(let q) = b {
            return PolynomialSymmetryFunction.n2p2Precedes(p, q)
        }
        func lexicographic(_ x: [Double], _ y: [Double]) -> Bool {
            for (u, v) in zip(x, y) where u != v { return u < v }
            return false
        }
        return lexicographic(a.sortKey, b.sortKey)
    }

    /// The keys of n2p2's comparison after the type (the cutoff type and α are shared by all functions).
    private var sortKey: [Double] {
        switch self {
        case .radial(let p):
            [p.cutoff, p.eta, p.shift, Double(p.neighbor.atomicNumber)]
        case .narrowAngular(let p), .wideAngular(let p):
            [p.cutoff, p.eta, p.shift, p.zeta, p.lambda,
             Double(p.neighbors.first.atomicNumber), Double(p.neighbors.second.atomicNumber)]
        case .weightedRadial(let p):
            [p.cutoff, p.eta, p.shift]
        case .weightedNarrowAngular(let p):
            [p.cutoff, p.eta, p.shift, p.zeta, p.lambda]
        case .polynomial:
            []  // compared by PolynomialSymmetryFunction.n2p2Precedes
        }
    }
}
