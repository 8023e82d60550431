/// Which atom a click in the atom view means: the inverse of ``AtomView/draw(_:camera:glyphs:into:rect:)``,
/// computed with the very projection, disc radii and drawing order the view draws with.
extension AtomView {
    /// How far (in cells) from a click an atom may be and still be picked when no disc covers the cell.
    public static let pickReach = 2.0

    /// The atom drawn at cell (`column`, `row`) of a view `columns`×`rows` cells (0-based, relative to
    /// the view's top-left): the one whose disc covers the cell and is drawn last there (the front-most,
    /// or a flashing or picked atom drawn on top); with ASCII glyphs, the atom whose letter is in the
    /// cell. When no atom is drawn there, the atom whose centre is nearest the cell's centre within
    /// ``pickReach`` cells (a row counts as one cell), nearer atoms winning ties; else nil.
    public static func atom(atColumn column: Int, row: Int, of atoms: AtomScene, camera: Camera, glyphs: GlyphSet,
                            columns: Int, rows: Int) -> Int? {
        guard column >= 0, row >= 0, column < columns, row < rows else { return nil }
        let canvas = DotCanvas(columns: columns, rows: rows, glyphs: glyphs)
        let projection = Projection(camera: camera, fitting: atoms.cell, positions: atoms.positions, canvas: canvas)
        let projected = projectedAtoms(atoms, projection: projection)
        // Later atoms are drawn over earlier ones: the last that covers the cell is the one seen.
        let order = glyphs == .ascii ? projected : discOrder(projected, atoms: atoms)
        if let seen = order.last(where: { covers($0, column: column, row: row, atoms: atoms, projection: projection, glyphs: glyphs) }) {
            return seen.index
        }
        let (dx, dy) = (Double(canvas.cellDotsX), Double(canvas.cellDotsY))
        // The click's cell centre in dot coordinates (dot k spans k − ½ … k + ½ once rounded).
        let centre = SIMD2(Double(column) * dx + (dx - 1) / 2, Double(row) * dy + (dy - 1) / 2)
        var best: (index: Int, distance: Double)?
        for atom in order.reversed() {
            let offset = (atom.dot - centre) / SIMD2(dx, dy)
            let distance = (offset * offset).sum().squareRoot()
            if distance <= pickReach, distance < best?.distance ?? .infinity { best = (atom.index, distance) }
        }
        return best?.index
    }

    /// Whether `atom` puts a dot into cell (`column`, `row`): ``DotCanvas/disc(center:radius:style:)``
    /// sets the dots (cx + i, cy + j) with i² + (j·aspect)² ≤ r² + ¼ around the rounded centre, and the
    /// dot of the cell nearest that centre (each offset clamped on its own) is the first one it would set.
    static func covers(_ atom: ProjectedAtom, column: Int, row: Int, atoms: AtomScene, projection: Projection,
                       glyphs: GlyphSet) -> Bool {
        if glyphs == .ascii { return asciiCell(of: atom, glyphs: glyphs) == (column, row) }
        let dots = glyphs.dotsPerCell
        let cx = Int(atom.dot.x.rounded()), cy = Int(atom.dot.y.rounded())
        let i = Double(min(max(column * dots.x - cx, 0), column * dots.x + dots.x - 1 - cx))
        let j = Double(min(max(row * dots.y - cy, 0), row * dots.y + dots.y - 1 - cy))
        let r = discRadius(of: atom, atoms: atoms, projection: projection)
        let aspect = glyphs.dotAspect
        return i * i + (j * aspect) * (j * aspect) <= r * r + 0.25
    }
}
