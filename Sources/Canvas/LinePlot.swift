/// One curve of a ``LinePlot``: points (time in fs, value in the plot's unit), sorted by time.
public struct PlotSeries: Sendable {
    public var name: String
    public var color: TermColor
    public var points: [SIMD2<Double>]
    public init(name: String, color: TermColor, points: [SIMD2<Double>]) {
        self.name = name
        self.color = color
        self.points = points
    }
}

/// A moment where a setting changed (time in fs), drawn as a labelled vertical mark.
public struct PlotMark: Sendable, Hashable {
    public var time: Double
    public var label: String
    public init(time: Double, label: String) {
        self.time = time
        self.label = label
    }
}

/// A time plot of several series over the latest `window` of simulated time, autoscaled, with a
/// legend, an optional readout, y labels in `unit` and x labels in ps. Used for the terminal
/// (``draw(into:rect:glyphs:)``, braille curves) and for the SVG handout.
public struct LinePlot: Sendable {
    public var title: String
    /// Unit of the values, shown above the y labels, e.g. "meV/atom".
    public var unit: String
    public var series: [PlotSeries]
    public var marks: [PlotMark]
    /// Length of the time axis in fs: the plot shows the latest `window` (it scrolls once the data are
    /// longer, and fills from the left until then).
    public var window: Double
    /// Text shown right-aligned on the legend row, e.g. "RMS 0.012 meV/atom".
    public var readout: String?
    /// Smallest y range drawn (in `unit`), so that a flat series is not blown up into noise.
    public var minimumSpan: Double

    public init(title: String, unit: String, series: [PlotSeries], marks: [PlotMark] = [], window: Double,
                readout: String? = nil, minimumSpan: Double) {
        self.title = title
        self.unit = unit
        self.series = series
        self.marks = marks
        self.window = window
        self.readout = readout
        self.minimumSpan = minimumSpan
    }

    /// The time range shown, fs: the latest `window`, or [first, first + window] while shorter.
    /// Nil when no series has a point.
    public var timeRange: ClosedRange<Double>? {
        let lasts = series.compactMap { $0.points.last?.x }, firsts = series.compactMap { $0.points.first?.x }
        guard let last = lasts.max(), let first = firsts.min() else { return nil }
        let span = max(window, 1e-9)
        return last - first <= span ? first...(first + span) : (last - span)...last
    }

    /// Indices of `points` inside `range` plus one neighbour each side (so lines reach the edges).
    static func visibleIndices(_ points: [SIMD2<Double>], in range: ClosedRange<Double>) -> Range<Int> {
        var lo = 0, hi = points.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if points[mid].x < range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < points.count, points[end].x <= range.upperBound { end += 1 }
        return max(lo - 1, 0)..<min(end + 1, points.count)
    }

    /// The y scale for the visible points, about one tick per `rowsPerTick` rows of `rows`.
    func valueScale(in range: ClosedRange<Double>, rows: Int) -> AxisScale {
        var low = Double.infinity, high = -Double.infinity
        for s in series {
            for i in LinePlot.visibleIndices(s.points, in: range) where s.points[i].y.isFinite {
                low = min(low, s.points[i].y)
                high = max(high, s.points[i].y)
            }
        }
        if low > high { (low, high) = (0, 0) }
        return AxisScale(covering: low, high, targetTicks: max(1, rows / 3), minimumSpan: minimumSpan)
    }
}
