import Geometry

/// The atoms the atom view shows: species, positions (Å) and the periodic cell, if any.
/// The lab copies them from the simulation snapshot (`snapshot.system`).
public struct AtomScene: Sendable {
    public var elements: [Element]
    /// Positions in Å, one per element.
    public var positions: [Vector3]
    /// The periodic cell (its 12 edges are drawn, and atoms wrapped into it), or nil for a cluster.
    public var cell: Cell?
    /// A colour per atom overriding the element colours (the `o` colourings), or nil.
    public var colors: [TermColor]?
    /// Atoms drawn flashing (reverse video, on top): those whose pair distance just crossed r_c.
    public var flashing: Set<Int> = []
    /// The atom picked for its report (`x`), drawn in white reverse video on top of all others.
    public var picked: Int?

    /// The colour atom `i` is drawn in.
    public func color(of i: Int) -> TermColor {
        if let colors, i < colors.count { return colors[i] }
        return elements[i].displayColor
    }

    /// Atoms with `elements[i]` at `positions[i]`; extra entries of the longer array are ignored.
    public init(elements: [Element], positions: [Vector3], cell: Cell?) {
        let n = min(elements.count, positions.count)
        self.elements = Array(elements.prefix(n))
        self.positions = Array(positions.prefix(n))
        self.cell = cell
    }

    public static let empty = AtomScene(elements: [], positions: [], cell: nil)
    public var count: Int { positions.count }
}
