import Geometry

/// Orthographic projection of world points (Å) onto a ``DotCanvas``: rotate by the ``Camera``
/// about `center`, scale so that a sphere of `radius` around it fits the canvas (times the zoom),
/// and flip y (screen y grows down).
///
/// The fit uses a sphere, not the rotated bounding box, so the picture keeps its size while it turns.
public struct Projection: Sendable {
    public let camera: Camera
    /// Centre of the picture in world coordinates (Å).
    public let center: Vector3
    /// Radius (Å) of the sphere that fits the canvas at zoom 1.
    public let radius: Double
    /// Dots per Å horizontally; vertically it is `scale / dotAspect`.
    public let scale: Double
    /// Height over width of one dot (see ``GlyphSet/dotAspect``).
    public let dotAspect: Double
    /// The canvas centre in dots.
    public let origin: SIMD2<Double>
    private let rows: (Vector3, Vector3, Vector3)

    /// A projection onto a canvas `dotWidth`×`dotHeight` dots whose dots are `dotAspect` times as tall
    /// as wide. `radius` (Å) is what must fit at zoom 1; 5 % of margin is kept.
    public init(camera: Camera, center: Vector3, radius: Double, dotWidth: Int, dotHeight: Int, dotAspect: Double) {
        self.camera = camera
        self.center = center
        self.radius = radius > 0 && radius.isFinite ? radius : 1
        self.dotAspect = dotAspect
        origin = SIMD2(Double(dotWidth - 1) / 2, Double(dotHeight - 1) / 2)
        let halfExtent = min(Double(dotWidth) / 2, Double(dotHeight) * dotAspect / 2)
        scale = camera.zoom * 0.95 * max(halfExtent, 0.5) / self.radius
        rows = camera.rotationRows
    }

    /// The projection fitting `cell` (its centre and the farthest corner), or, without a cell, the
    /// atoms' bounding box; onto a canvas of `columns`×`rows` cells drawn with `glyphs`.
    public init(camera: Camera, fitting cell: Cell?, positions: [Vector3], canvas: DotCanvas) {
        let (center, radius) = Projection.boundingSphere(cell: cell, positions: positions)
        self.init(camera: camera, center: center, radius: radius, dotWidth: canvas.dotWidth,
                  dotHeight: canvas.dotHeight, dotAspect: canvas.glyphs.dotAspect)
    }

    /// (x, y) in dots and depth in Å: depth > 0 is nearer the viewer than the centre.
    @inlinable public func project(_ p: Vector3) -> SIMD3<Double> {
        let v = view(p)
        return SIMD3(origin.x + v.x * scale, origin.y - v.y * scale / dotAspect, v.z)
    }

    /// View coordinates R·(p − center), Å.
    public func view(_ p: Vector3) -> Vector3 {
        let d = p - center
        return Vector3(rows.0.dot(d), rows.1.dot(d), rows.2.dot(d))
    }

    /// Depth cue in 0...1: 0 at the far side of the fitted sphere, 1 at the near side.
    public func nearness(depth: Double) -> Double { min(max((depth / radius + 1) / 2, 0), 1) }

    /// Centre and radius (Å) of a sphere holding the cell's eight corners, or the atoms if no cell.
    static func boundingSphere(cell: Cell?, positions: [Vector3]) -> (Vector3, Double) {
        var points: [Vector3]
        if let cell {
            points = Cell.cornerOffsets.map { cell.cartesian($0) }
        } else {
            points = positions
        }
        guard let first = points.first else { return (.zero, 1) }
        var lo = first, hi = first
        for p in points {
            lo = pointwiseMin(lo, p)
            hi = pointwiseMax(hi, p)
        }
        let center = (lo + hi) / 2
        let radius = points.reduce(0.0) { max($0, ($1 - center).length) }
        return (center, max(radius, 1))
    }
}

extension Cell {
    /// The fractional coordinates of the eight corners, in binary order (000, 100, 010, ...).
    static let cornerOffsets: [Vector3] = (0..<8).map { (i: Int) -> Vector3 in
        Vector3(Double(i & 1), Double((i >> 1) & 1), Double((i >> 2) & 1))
    }

    /// The twelve edges as pairs of indices into ``cornerOffsets`` (corners differing in one bit).
    static let edges: [(Int, Int)] = {
        var result: [(Int, Int)] = []
        for i in 0..<8 {
            for bit in [1, 2, 4] where i & bit == 0 { result.append((i, i | bit)) }
        }
        return result
    }()
}
