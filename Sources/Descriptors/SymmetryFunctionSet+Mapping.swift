import Geometry

extension SymmetryFunctionSet {
    /// The set with every function replaced by `transform`'s result (nil drops it), for every central
    /// element; the cutoff shape and α stay, and each element's functions are sorted into n2p2 order
    /// again. Throws ``DefinitionError`` when an element is left without functions or a new function
    /// is invalid.
    public func mappingFunctions(_ transform: (SymmetryFunction) -> SymmetryFunction?) throws -> SymmetryFunctionSet {
        var byElement = [Element: [SymmetryFunction]]()
        for (e, list) in zip(elements, functions) { byElement[e] = list.compactMap(transform) }
        return try SymmetryFunctionSet(cutoffShape: cutoffShape, innerFraction: innerFraction, functions: byElement)
    }
}
