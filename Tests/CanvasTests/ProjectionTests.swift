import Foundation
import Geometry
import Testing
@testable import Canvas

@Suite("Camera and projection")
struct ProjectionTests {
    static let cameras = [Camera(), Camera(yaw: 0, pitch: 0), Camera(yaw: 1.1, pitch: -0.7),
                          Camera(yaw: -2.9, pitch: 1.5)]

    @Test("rotation keeps lengths and angles: R·Rᵀ is the identity", arguments: cameras)
    func rotationIsOrthonormal(camera: Camera) {
        let (a, b, c) = camera.rotationRows
        for (u, v, expected) in [(a, a, 1.0), (b, b, 1), (c, c, 1), (a, b, 0), (a, c, 0), (b, c, 0)] {
            #expect(abs(u.dot(v) - expected) < 1e-12)
        }
        #expect(abs(a.cross(b).dot(c) - 1) < 1e-12, "a proper rotation, not a reflection")
        var random = SeededGenerator(seed: 7)
        for _ in 0..<20 {
            let p = Vector3(random.uniform() - 0.5, random.uniform() - 0.5, random.uniform() - 0.5) * 20
            #expect(abs(camera.rotate(p).length - p.length) < 1e-12 * max(1, p.length))
        }
    }

    @Test("with no rotation +x goes right, +y up and +z towards the viewer")
    func knownPoints() {
        let projection = Projection(camera: Camera(yaw: 0, pitch: 0), center: Vector3(1, 2, 3), radius: 10,
                                    dotWidth: 101, dotHeight: 81, dotAspect: 1)
        // Fit: min(101/2, 81/2) · 0.95 / 10 dots per Å; origin at the middle dot (50, 40).
        let scale = 40.5 * 0.95 / 10
        #expect(abs(projection.scale - scale) < 1e-12)
        let c = projection.project(Vector3(1, 2, 3))
        #expect(c == SIMD3(50, 40, 0))
        let x = projection.project(Vector3(2, 2, 3)), y = projection.project(Vector3(1, 3, 3)), z = projection.project(Vector3(1, 2, 4))
        #expect(abs(x.x - (50 + scale)) < 1e-12 && x.y == 40 && x.z == 0)
        #expect(y.x == 50 && abs(y.y - (40 - scale)) < 1e-12 && y.z == 0)
        #expect(z.x == 50 && z.y == 40 && z.z == 1)
    }

    @Test("a quarter turn of yaw brings +z to the right and sends +x away")
    func quarterTurn() {
        let camera = Camera(yaw: Double.pi / 2, pitch: 0)
        let xAxis = camera.rotate(Vector3(1, 0, 0)), zAxis = camera.rotate(Vector3(0, 0, 1))
        #expect(abs(xAxis.z + 1) < 1e-12 && abs(xAxis.x) < 1e-12)
        #expect(abs(zAxis.x - 1) < 1e-12 && abs(zAxis.z) < 1e-12)
    }

    @Test("block dots are twice as tall as wide, so a vertical Å spans half as many dots")
    func dotAspect() {
        let projection = Projection(camera: Camera(yaw: 0, pitch: 0), center: .zero, radius: 5,
                                    dotWidth: 80, dotHeight: 40, dotAspect: GlyphSet.blocks.dotAspect)
        let up = projection.project(Vector3(0, 1, 0)), right = projection.project(Vector3(1, 0, 0))
        #expect(abs((projection.origin.y - up.y) * 2 - (right.x - projection.origin.x)) < 1e-12)
    }

    @Test("at zoom 1 every corner of a triclinic cell stays on the canvas for any rotation")
    func fitToCell() throws {
        let cell = try #require(Cell(a: Vector3(10, 0, 0), b: Vector3(3, 9, 0), c: Vector3(-2, 1, 12)))
        let canvas = DotCanvas(columns: 40, rows: 20, glyphs: .braille)
        for yawStep in 0..<24 {
            for pitchStep in -6...6 {
                var camera = Camera(yaw: 0, pitch: 0)
                camera.rotate(dx: yawStep, dy: pitchStep)
                let projection = Projection(camera: camera, fitting: cell, positions: [], canvas: canvas)
                for corner in Cell.cornerOffsets {
                    let p = projection.project(cell.cartesian(corner))
                    #expect(p.x >= 0 && p.x <= Double(canvas.dotWidth - 1) && p.y >= 0 && p.y <= Double(canvas.dotHeight - 1))
                }
            }
        }
    }

    @Test("zoom multiplies the scale by 1.25 a step, within its limits; pitch stops at ±90°")
    func zoomAndPitchLimits() {
        var camera = Camera(yaw: 0, pitch: 0)
        camera.zoomIn()
        #expect(abs(camera.zoom - 1.25) < 1e-12)
        for _ in 0..<100 { camera.zoomIn() }
        #expect(camera.zoom == Camera.zoomRange.upperBound)
        camera.fitToCell()
        #expect(camera.zoom == 1)
        camera.rotate(dx: 0, dy: 100)
        #expect(camera.pitch == Double.pi / 2)
    }

    @Test("a cell has twelve edges, each joining corners one lattice vector apart")
    func cellEdges() {
        #expect(Cell.edges.count == 12)
        for (i, j) in Cell.edges {
            #expect((Cell.cornerOffsets[j] - Cell.cornerOffsets[i]).lengthSquared == 1)
        }
    }
}
