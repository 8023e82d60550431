import Geometry
import Testing
@testable import Canvas

/// The hit test against its oracle, the drawing itself: each atom gets its own colour, the view is
/// drawn, and every cell showing an atom's colour must pick that atom.
@Suite("Picking an atom by its screen cell")
struct AtomHitTestTests {
    static let argon = Element(symbol: "Ar")!
    static let colours: [TermColor] = [.red, .green, .yellow, .blue, .magenta, .cyan, .orange]
    static let columns = 30, rows = 15

    /// Seven argon atoms in a 5 Å cluster (no cell, so no edges): discs overlap in most views.
    static func cluster(picked: Int? = nil) -> AtomScene {
        var random = SeededGenerator(seed: 11)
        let positions = colours.indices.map { _ in
            Vector3(random.uniform(), random.uniform(), random.uniform()) * 5
        }
        var atoms = AtomScene(elements: Array(repeating: argon, count: positions.count), positions: positions, cell: nil)
        atoms.colors = colours
        atoms.picked = picked
        return atoms
    }

    static func pick(_ column: Int, _ row: Int, in atoms: AtomScene, camera: Camera = Camera(), glyphs: GlyphSet = .braille) -> Int? {
        AtomView.atom(atColumn: column, row: row, of: atoms, camera: camera, glyphs: glyphs, columns: columns, rows: rows)
    }

    /// The cell holding atom `i`'s projected centre, from the projection the view draws with.
    static func centreCell(of i: Int, in atoms: AtomScene, camera: Camera, glyphs: GlyphSet = .braille) -> (Int, Int) {
        let canvas = DotCanvas(columns: columns, rows: rows, glyphs: glyphs)
        let q = Projection(camera: camera, fitting: atoms.cell, positions: atoms.positions, canvas: canvas).project(atoms.positions[i])
        return (Int(q.x.rounded()) / canvas.cellDotsX, Int(q.y.rounded()) / canvas.cellDotsY)
    }

    @Test("every cell drawn in an atom's colour picks that atom (braille, blocks, ASCII; with and without a picked atom on top)",
          arguments: GlyphSet.allCases, [nil, 4] as [Int?])
    func drawnCellsPickTheirAtom(glyphs: GlyphSet, picked: Int?) {
        let atoms = Self.cluster(picked: picked)
        for camera in [Camera(), Camera(yaw: 2.2, pitch: -0.4, zoom: 1.6)] {
            var grid = CellGrid(size: GridSize(width: Self.columns, height: Self.rows))
            AtomView.draw(atoms, camera: camera, glyphs: glyphs, into: &grid, rect: grid.bounds)
            var seen: Set<Int> = []
            for row in 0..<Self.rows {
                for column in 0..<Self.columns where grid.scalar(x: column, y: row) != " " {
                    let colour = grid.style(x: column, y: row).color
                    // The picked atom is drawn white (braille, blocks) or as '@' in its own colour (ASCII).
                    let shown = colour == AtomView.pickStyle.color && glyphs != .ascii ? picked : Self.colours.firstIndex(of: colour)
                    #expect(Self.pick(column, row, in: atoms, camera: camera, glyphs: glyphs) == shown,
                            "cell (\(column), \(row)) \(glyphs)")
                    if let shown { seen.insert(shown) }
                }
            }
            #expect(seen.count >= 3, "several atoms on screen, some over others")
        }
    }

    @Test("a click on an atom's drawn centre picks it, when nothing is drawn over it")
    func centrePicksTheAtom() {
        // Far apart along x: no disc covers another's centre.
        let positions = (0..<4).map { Vector3(Double($0) * 6, 0, 0) }
        let atoms = AtomScene(elements: Array(repeating: Self.argon, count: 4), positions: positions, cell: nil)
        let camera = Camera(yaw: 0, pitch: 0)
        for i in 0..<4 {
            let (column, row) = Self.centreCell(of: i, in: atoms, camera: camera)
            #expect(Self.pick(column, row, in: atoms, camera: camera) == i)
        }
    }

    @Test("where two discs overlap the front-most wins; turning the view round makes the other one front-most")
    func frontMostWins() {
        // Same x and y, 3 Å apart in z: looking down −z atom 1 (z = 3) is in front, from behind atom 0.
        let atoms = AtomScene(elements: [Self.argon, Self.argon], positions: [Vector3(0, 0, 0), Vector3(0, 0, 3)], cell: nil)
        let front = Camera(yaw: 0, pitch: 0), back = Camera(yaw: Double.pi, pitch: 0)
        let (column, row) = Self.centreCell(of: 0, in: atoms, camera: front)
        #expect(Self.centreCell(of: 1, in: atoms, camera: front) == (column, row))
        #expect(Self.pick(column, row, in: atoms, camera: front) == 1)
        let (c, r) = Self.centreCell(of: 0, in: atoms, camera: back)
        #expect(Self.pick(c, r, in: atoms, camera: back) == 0)
        // A picked atom is drawn over the others, so a click there picks what is seen: the picked one.
        var picked = atoms
        picked.picked = 0
        #expect(Self.pick(column, row, in: picked, camera: front) == 0)
    }

    @Test("empty space picks none; a click in an empty cell beside an atom (within two cells) picks it; outside the view none")
    func emptySpace() {
        let atoms = AtomScene(elements: [Self.argon, Self.argon], positions: [Vector3(0, 0, 0), Vector3(20, 0, 0)], cell: nil)
        let camera = Camera(yaw: 0, pitch: 0, zoom: 0.5)
        let (column, row) = Self.centreCell(of: 0, in: atoms, camera: camera)
        let (other, _) = Self.centreCell(of: 1, in: atoms, camera: camera)
        let middle = (column + other) / 2
        #expect(Self.pick(middle, row, in: atoms, camera: camera) == nil)
        #expect(Self.pick(middle, 0, in: atoms, camera: camera) == nil)
        // At zoom 0.5 the disc is one dot: the cell left of it is empty, yet near enough.
        var grid = CellGrid(size: GridSize(width: Self.columns, height: Self.rows))
        AtomView.draw(atoms, camera: camera, glyphs: .braille, into: &grid, rect: grid.bounds)
        #expect(grid.scalar(x: column - 1, y: row) == " " && grid.scalar(x: column, y: row + 1) == " ")
        #expect(Self.pick(column - 1, row, in: atoms, camera: camera) == 0)
        #expect(Self.pick(column, row + 1, in: atoms, camera: camera) == 0)
        #expect(Self.pick(column - 4, row, in: atoms, camera: camera) == nil)
        #expect(Self.pick(-1, row, in: atoms, camera: camera) == nil)
        #expect(Self.pick(Self.columns, row, in: atoms, camera: camera) == nil)
    }
}
