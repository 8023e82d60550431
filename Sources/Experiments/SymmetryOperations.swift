import Foundation
import Geometry

/// A proper rotation R (det R = +1) as its three rows, applied as r ↦ R r.
public struct Rotation: Sendable, Equatable {
    public var rows: (Vector3, Vector3, Vector3)

    /// Rotation by `angle` radians about `axis` (Rodrigues' formula; the axis need not be unit length).
    public init(axis: Vector3, angle: Double) {
        let u = axis / axis.length
        let c = cos(angle), s = sin(angle), t = 1 - c
        rows = (Vector3(c + u.x * u.x * t, u.x * u.y * t - u.z * s, u.x * u.z * t + u.y * s),
                Vector3(u.y * u.x * t + u.z * s, c + u.y * u.y * t, u.y * u.z * t - u.x * s),
                Vector3(u.z * u.x * t - u.y * s, u.z * u.y * t + u.x * s, c + u.z * u.z * t))
    }

    /// A rotation about a random axis by a random angle in [0.3, 2.8] rad (never close to the identity).
    public static func random(seed: UInt64) -> Rotation {
        var random = SeededGenerator(seed: seed)
        return Rotation(axis: random.normalVector(), angle: 0.3 + 2.5 * random.uniform())
    }

    public func apply(_ r: Vector3) -> Vector3 { Vector3(rows.0.dot(r), rows.1.dot(r), rows.2.dot(r)) }

    public static func == (l: Rotation, r: Rotation) -> Bool { l.rows == r.rows }
}

extension AtomicSystem {
    /// Every position moved by `shift` (Å); the cell is unchanged.
    public func translated(by shift: Vector3) -> AtomicSystem {
        var copy = self
        copy.positions = positions.map { $0 + shift }
        return copy
    }

    /// Positions, velocities and the cell vectors rotated by `rotation` (a rotated crystal is the same
    /// crystal, so a periodic system stays periodic).
    public func rotated(by rotation: Rotation) -> AtomicSystem {
        var copy = self
        copy.positions = positions.map(rotation.apply)
        copy.velocities = velocities.map(rotation.apply)
        if let cell, let turned = Cell(a: rotation.apply(cell.a), b: rotation.apply(cell.b), c: rotation.apply(cell.c)) {
            copy.cell = turned
        }
        return copy
    }

    /// The same atoms listed in another order in which only atoms of the same element trade places:
    /// new atom k is old atom `order[k]`. The order is a seeded random shuffle within each element.
    public func relabellingLikeAtoms(seed: UInt64) -> (system: AtomicSystem, order: [Int]) {
        var random = SeededGenerator(seed: seed)
        var order = Array(0..<count)
        for element in distinctElements {
            let slots = indices(of: element)
            var shuffled = slots
            for i in stride(from: shuffled.count - 1, to: 0, by: -1) {
                shuffled.swapAt(i, Int(random.next() % UInt64(i + 1)))
            }
            for (slot, old) in zip(slots, shuffled) { order[slot] = old }
        }
        return (reordered(order), order)
    }

    /// Indices of the atoms of `element`, ascending.
    func indices(of element: Element) -> [Int] { (0..<count).filter { elements[$0] == element } }
}
