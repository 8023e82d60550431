import Foundation
import Geometry

/// The viewer of the atom view: a rotation (yaw about the vertical axis, then pitch about the
/// horizontal one) and a zoom relative to the picture that fits the periodic cell.
///
/// A value the lab keeps and changes with keys: arrows/hjk call ``rotate(dx:dy:)``, `+`/`-` call
/// ``zoomIn()``/``zoomOut()``. Angles in radians.
public struct Camera: Sendable, Hashable {
    /// Rotation about the screen's vertical axis, radians.
    public var yaw: Double
    /// Rotation about the screen's horizontal axis, radians, kept within ±π/2.
    public var pitch: Double
    /// Magnification over the fit-to-cell picture (1 = the whole cell just fits), 0.25...16.
    public private(set) var zoom: Double

    /// One arrow key turns the view by this angle: 7.5°.
    public static let rotationStep = Double.pi / 24
    /// One `+` or `-` multiplies or divides the zoom by this factor.
    public static let zoomStep = 1.25
    public static let zoomRange = 0.25...16.0

    /// A slightly oblique default view, so a cubic cell shows as a box rather than a square.
    public init(yaw: Double = -0.45, pitch: Double = 0.35, zoom: Double = 1) {
        self.yaw = yaw
        self.pitch = min(max(pitch, -Double.pi / 2), Double.pi / 2)
        self.zoom = min(max(zoom, Camera.zoomRange.lowerBound), Camera.zoomRange.upperBound)
    }

    /// Turns the view by `dx` steps to the right (yaw) and `dy` steps down (pitch).
    public mutating func rotate(dx: Int, dy: Int) {
        yaw = (yaw + Double(dx) * Camera.rotationStep).remainder(dividingBy: 2 * Double.pi)
        pitch = min(max(pitch + Double(dy) * Camera.rotationStep, -Double.pi / 2), Double.pi / 2)
    }

    public mutating func zoomIn() { zoom = min(zoom * Camera.zoomStep, Camera.zoomRange.upperBound) }
    public mutating func zoomOut() { zoom = max(zoom / Camera.zoomStep, Camera.zoomRange.lowerBound) }
    /// Back to the picture that fits the cell (zoom 1), keeping the rotation.
    public mutating func fitToCell() { zoom = 1 }

    /// The rotation R = R_x(pitch)·R_y(yaw) as three rows: view coordinates v = R·p have x to the
    /// right, y up and z towards the viewer.
    public var rotationRows: (Vector3, Vector3, Vector3) {
        let (sy, cy) = (sin(yaw), cos(yaw)), (sp, cp) = (sin(pitch), cos(pitch))
        // R_y(yaw) = [[cy,0,sy],[0,1,0],[-sy,0,cy]]; R_x(pitch) = [[1,0,0],[0,cp,-sp],[0,sp,cp]].
        return (Vector3(cy, 0, sy),
                Vector3(sp * sy, cp, -sp * cy),
                Vector3(-cp * sy, sp, cp * cy))
    }

    /// v = R·p (view coordinates of a world vector, lengths kept).
    public func rotate(_ p: Vector3) -> Vector3 {
        let r = rotationRows
        return Vector3(r.0.dot(p), r.1.dot(p), r.2.dot(p))
    }
}
