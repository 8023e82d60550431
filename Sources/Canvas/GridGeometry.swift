/// A terminal size in character cells.
public struct GridSize: Sendable, Hashable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
    /// "80×24".
    public var description: String { "\(width)×\(height)" }
}

/// A rectangle of character cells: columns x..<x+width, rows y..<y+height.
public struct GridRect: Sendable, Hashable {
    public var x: Int, y: Int, width: Int, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }

    /// The rectangle shrunk by `dx` columns on the left and right and `dy` rows on top and bottom.
    public func insetBy(dx: Int, dy: Int) -> GridRect {
        GridRect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
    }

    /// The part of this rectangle inside `other` (empty when they do not overlap).
    public func intersection(_ other: GridRect) -> GridRect {
        let left = max(x, other.x), top = max(y, other.y)
        return GridRect(x: left, y: top, width: min(maxX, other.maxX) - left, height: min(maxY, other.maxY) - top)
    }

    /// The rectangle of `width`×`height` centred in this one (clipped to it).
    public func centered(width w: Int, height h: Int) -> GridRect {
        let cw = min(w, width), ch = min(h, height)
        return GridRect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// Splits off the top `rows` rows: (top, rest).
    public func splitTop(_ rows: Int) -> (GridRect, GridRect) {
        let r = min(max(rows, 0), height)
        return (GridRect(x: x, y: y, width: width, height: r), GridRect(x: x, y: y + r, width: width, height: height - r))
    }

    /// Splits off the left `columns` columns: (left, rest).
    public func splitLeft(_ columns: Int) -> (GridRect, GridRect) {
        let c = min(max(columns, 0), width)
        return (GridRect(x: x, y: y, width: c, height: height), GridRect(x: x + c, y: y, width: width - c, height: height))
    }
}
