import Geometry

/// Draws an ``AtomScene`` as the camera sees it: the cell's twelve edges in grey, then the atoms
/// from far to near as dots or discs in their element colours, near ones bold and far ones dim.
public enum AtomView {
    /// Renders `atoms` into `rect` of `grid`. Braille and blocks draw discs whose radius follows the
    /// zoom; ASCII draws one character per atom ('.' far, 'o' middle, 'O' near).
    public static func draw(_ atoms: AtomScene, camera: Camera, glyphs: GlyphSet,
                            into grid: inout CellGrid, rect: GridRect) {
        guard !rect.isEmpty else { return }
        var canvas = DotCanvas(columns: rect.width, rows: rect.height, glyphs: glyphs)
        let projection = Projection(camera: camera, fitting: atoms.cell, positions: atoms.positions, canvas: canvas)
        if let cell = atoms.cell { drawEdges(of: cell, projection: projection, on: &canvas) }

        let projected = projectedAtoms(atoms, projection: projection)
        if glyphs == .ascii {
            canvas.composite(into: &grid, x: rect.x, y: rect.y)
            drawASCII(projected, atoms: atoms, projection: projection, canvas: canvas, into: &grid, origin: rect)
        } else {
            for atom in discOrder(projected, atoms: atoms) {
                let style = atom.index == atoms.picked ? pickStyle
                    : atoms.flashing.contains(atom.index) ? flashStyle(atoms.color(of: atom.index))
                    : depthStyle(atoms.color(of: atom.index), nearness: projection.nearness(depth: atom.depth))
                canvas.disc(center: atom.dot, radius: discRadius(of: atom, atoms: atoms, projection: projection), style: style)
            }
            canvas.composite(into: &grid, x: rect.x, y: rect.y)
        }
    }

    /// An atom that just crossed r_c: its colour, bold, in reverse video (visible without colour too).
    static func flashStyle(_ color: TermColor) -> CellStyle { CellStyle(color, [.bold, .reverse]) }
    /// The picked atom: white, bold, reverse video.
    static let pickStyle = CellStyle(.white, [.bold, .reverse])

    /// Bold for the nearest third of the depth range, dim for the farthest third.
    static func depthStyle(_ color: TermColor, nearness: Double) -> CellStyle {
        if nearness > 2.0 / 3.0 { return CellStyle(color, .bold) }
        if nearness < 1.0 / 3.0 { return CellStyle(color, .dim) }
        return CellStyle(color)
    }

    struct ProjectedAtom {
        var index: Int
        var dot: SIMD2<Double>
        var depth: Double
    }

    /// The order discs are drawn in (braille and blocks), each over the ones before: far to near, then
    /// the flashing atoms (so nothing hides them), then the picked atom on top of all.
    static func discOrder(_ projected: [ProjectedAtom], atoms: AtomScene) -> [ProjectedAtom] {
        let plain = projected.filter { !atoms.flashing.contains($0.index) && $0.index != atoms.picked }
        let flashing = projected.filter { atoms.flashing.contains($0.index) && $0.index != atoms.picked }
        return plain + flashing + projected.filter { $0.index == atoms.picked }
    }

    /// An atom's disc radius in horizontal dots: its element's display radius (Å) at the projection's scale.
    static func discRadius(of atom: ProjectedAtom, atoms: AtomScene, projection: Projection) -> Double {
        atoms.elements[atom.index].displayRadius * projection.scale
    }

    /// Every atom (wrapped into the cell) projected, sorted far to near so near atoms are drawn last.
    static func projectedAtoms(_ atoms: AtomScene, projection: Projection) -> [ProjectedAtom] {
        var result: [ProjectedAtom] = []
        result.reserveCapacity(atoms.count)
        for (i, p) in atoms.positions.enumerated() {
            let shown = atoms.cell.map { $0.wrapped(p) } ?? p
            let q = projection.project(shown)
            guard q.x.isFinite, q.y.isFinite, q.z.isFinite else { continue }
            result.append(ProjectedAtom(index: i, dot: SIMD2(q.x, q.y), depth: q.z))
        }
        result.sort { $0.depth < $1.depth }
        return result
    }

    static func drawEdges(of cell: Cell, projection: Projection, on canvas: inout DotCanvas) {
        let corners = Cell.cornerOffsets.map { projection.project(cell.cartesian($0)) }
        let style = CellStyle(.gray, .dim)
        for (i, j) in Cell.edges {
            canvas.line(from: SIMD2(corners[i].x, corners[i].y), to: SIMD2(corners[j].x, corners[j].y), style: style)
        }
    }

    /// The one cell (column, row) of the view an atom's ASCII letter goes in.
    static func asciiCell(of atom: ProjectedAtom, glyphs: GlyphSet) -> (column: Int, row: Int) {
        let dots = glyphs.dotsPerCell
        return (Int((atom.dot.x / Double(dots.x)).rounded(.down)), Int((atom.dot.y / Double(dots.y)).rounded(.down)))
    }

    private static func drawASCII(_ projected: [ProjectedAtom], atoms: AtomScene, projection: Projection,
                                  canvas: DotCanvas, into grid: inout CellGrid, origin: GridRect) {
        for atom in projected {
            let (column, row) = asciiCell(of: atom, glyphs: canvas.glyphs)
            guard column >= 0, column < origin.width, row >= 0, row < origin.height else { continue }
            let nearness = projection.nearness(depth: atom.depth)
            let flashing = atoms.flashing.contains(atom.index)
            let glyph: Unicode.Scalar = atom.index == atoms.picked ? "@" : flashing ? "*" : nearness > 2.0 / 3.0 ? "O" : nearness < 1.0 / 3.0 ? "." : "o"
            let style = flashing ? flashStyle(atoms.color(of: atom.index)) : depthStyle(atoms.color(of: atom.index), nearness: nearness)
            grid.set(glyph, x: origin.x + column, y: origin.y + row, style: style)
        }
    }
}
