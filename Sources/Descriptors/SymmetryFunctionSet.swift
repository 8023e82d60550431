import Geometry

/// The complete descriptor definition of a Behler–Parrinello potential: for every element, the ordered
/// list of symmetry functions that make its network's input vector G_i, and the one cutoff shape they share.
///
/// Elements are ordered by atomic number and each element's functions in n2p2's sorted order
/// (``SymmetryFunction/n2p2Precedes(_:_:)``), so index s of G_i means the same function as n2p2's index s+1.
/// Lengths are in the unit of the positions the set is applied to (Å for metal units).
public struct SymmetryFunctionSet: Sendable, Hashable {
    /// The elements described, by increasing atomic number.
    public let elements: [Element]
    /// Shape of every function's cutoff f_c.
    public let cutoffShape: CutoffShape
    /// Inner-cutoff fraction α shared by every cutoff function.
    public let innerFraction: Double
    /// functions[e]: the functions of central element elements[e], in n2p2 order.
    public let functions: [[SymmetryFunction]]

    public enum DefinitionError: Error, CustomStringConvertible, Equatable {
        case noElements
        case noFunctions(Element)
        case unknownElement(Element, in: String)
        case invalidParameter(String)

        public var description: String {
            switch self {
            case .noElements: "a symmetry-function set needs at least one element"
            case .noFunctions(let e): "element \(e.symbol) has no symmetry functions"
            case .unknownElement(let e, let context): "\(context) names element \(e.symbol), which the potential does not describe"
            case .invalidParameter(let why): why
            }
        }
    }

    /// Builds a set; functions are sorted into n2p2 order. Throws if a function names an element outside
    /// `functions`' keys, an element has no functions, or a parameter is out of range
    /// (η ≥ 0, r_c > 0, ζ ≥ 1, 0 ≤ α < 1).
    public init(cutoffShape: CutoffShape, innerFraction: Double = 0,
                functions byElement: [Element: [SymmetryFunction]]) throws {
        guard !byElement.isEmpty else { throw DefinitionError.noElements }
        elements = byElement.keys.sorted()
        guard innerFraction >= 0, innerFraction < 1 else {
            throw DefinitionError.invalidParameter("inner cutoff fraction alpha must satisfy 0 <= alpha < 1, got \(innerFraction)")
        }
        self.cutoffShape = cutoffShape
        self.innerFraction = innerFraction
        var sorted = [[SymmetryFunction]]()
        for e in elements {
            let list = byElement[e] ?? []
            guard !list.isEmpty else { throw DefinitionError.noFunctions(e) }
            for f in list {
                for n in f.namedElements where byElement[n] == nil {
                    throw DefinitionError.unknownElement(n, in: "a type \(f.n2p2Type) symmetry function of \(e.symbol)")
                }
                try SymmetryFunctionSet.validate(f)
            }
            sorted.append(list.sorted(by: SymmetryFunction.n2p2Precedes))
        }
        functions = sorted
    }

    private static func validate(_ f: SymmetryFunction) throws {
        func check(_ ok: Bool, _ why: @autoclosure () -> String) throws {
            if !ok { throw DefinitionError.invalidParameter(why()) }
        }
        let rc = f.cutoff
        try check(rc > 0 && rc.isFinite, "symmetry-function cutoff must be positive, got \(rc)")
        switch f {
        case .radial(let p): try check(p.eta >= 0 && p.eta.isFinite, "eta must be >= 0, got \(p.eta)")
        case .weightedRadial(let p): try check(p.eta >= 0 && p.eta.isFinite, "eta must be >= 0, got \(p.eta)")
        case .narrowAngular(let p), .wideAngular(let p):
            try check(p.eta >= 0 && p.eta.isFinite, "eta must be >= 0, got \(p.eta)")
            try check(p.zeta >= 1 && p.zeta.isFinite, "zeta must be >= 1, got \(p.zeta)")
            try check(p.lambda.isFinite, "lambda must be finite")
        case .weightedNarrowAngular(let p):
            try check(p.eta >= 0 && p.eta.isFinite, "eta must be >= 0, got \(p.eta)")
            try check(p.zeta >= 1 && p.zeta.isFinite, "zeta must be >= 1, got \(p.zeta)")
            try check(p.lambda.isFinite, "lambda must be finite")
        case .polynomial:
            break  // checked when made
        }
    }

    /// Index of `element` in ``elements``, or nil.
    public func index(of element: Element) -> Int? { elements.firstIndex(of: element) }

    /// Number of functions (network inputs) of element index e.
    public func count(forElementAt e: Int) -> Int { functions[e].count }

    /// The longest cutoff of any function: the neighbour-list cutoff the set needs.
    public var maximumCutoff: Double { functions.joined().map(\.cutoff).max() ?? 0 }

    /// The same set with every length multiplied by `factor` (a change of length unit).
    public func scalingLengths(by factor: Double) -> SymmetryFunctionSet {
        var byElement = [Element: [SymmetryFunction]]()
        for (e, list) in zip(elements, functions) { byElement[e] = list.map { $0.scalingLengths(by: factor) } }
        // Scaling preserves every parameter's range and the sort order, so the set stays valid.
        return (try? SymmetryFunctionSet(cutoffShape: cutoffShape, innerFraction: innerFraction, functions: byElement)) ?? self
    }

    /// The same functions (and α) with another cutoff shape.
    public func withCutoffShape(_ shape: CutoffShape) -> SymmetryFunctionSet {
        var byElement = [Element: [SymmetryFunction]]()
        for (e, list) in zip(elements, functions) { byElement[e] = list }
        // Only the shape changes; every validated parameter stays as it was.
        return (try? SymmetryFunctionSet(cutoffShape: shape, innerFraction: innerFraction, functions: byElement)) ?? self
    }

    /// The cutoff function of radius `radius` with this set's shape and α.
    func cutoffFunction(radius: Double) -> CutoffFunction {
        // Radii and α were validated when the set was made.
        CutoffFunction(validated: cutoffShape, radius: radius, innerFraction: innerFraction)
    }
}
