import Foundation
/// One curve of a ``LinePlot``: points (time in fs, value in the plot's unit), sorted by time.
public struct PlotSeries: Sendable {
    public var name: String
    /// The legend's name where the full one does not fit, e.g. "K" for "kinetic".
    public var shortName: String
    public var color: TermColor
    public var points: [SIMD2<Double>]
    public init(name: String, shortName: String? = nil, color: TermColor, points: [SIMD2<Double>]) {
        self.name = name
        self.shortName = shortName ?? name
        self.color = color
        self.points = points
    }
}

/// A moment where a setting changed (time in fs), drawn as a labelled vertical mark.
public struct PlotMark: Sendable, Hashable {
    public var time: Double
    public var label: String
    /// Every setting in force from the mark on (for handouts; empty if unknown).
    public var setting: String
    public init(time: Double, label: String, setting: String = "") {
        self.time = time
        self.label = label
        self.setting = setting
    }
}

/// How a plot's value axis maps values: linearly, or by log₁₀ (non-positive values are not drawn).
public enum ValueAxis: Sendable, Hashable {
    case linear, log10
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
    /// Linear or logarithmic; for a log axis ``minimumSpan`` is in decades.
    public var valueAxis: ValueAxis
    /// Whether the legend row names the series (compare mode has its own legend pane).
    public var showsSeriesLegend = true
    /// The x axis' unit and the factor its values are divided by for the labels: ps of fs times by
    /// default; "Å" and 1 for the inspector's curves of distance.
    public var xUnit = "ps"
    public var xLabelDivisor = 1000.0

    public init(title: String, unit: String, series: [PlotSeries], marks: [PlotMark] = [], window: Double,
                readout: String? = nil, minimumSpan: Double, valueAxis: ValueAxis = .linear) {
        self.valueAxis = valueAxis
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

    /// Where a value goes on the axis: itself, or its log₁₀ (nil when it cannot be drawn).
    func axisValue(_ y: Double) -> Double? {
        guard y.isFinite else { return nil }
        switch valueAxis {
        case .linear: return y
        case .log10: return y > 0 ? Foundation.log10(y) : nil
        }
    }

    /// The y scale (in axis values) for the visible points, about one tick per 3 of `rows`; a log axis
    /// has ticks at whole decades.
    func valueScale(in range: ClosedRange<Double>, rows: Int) -> AxisScale {
        var low = Double.infinity, high = -Double.infinity
        for s in series {
            for i in LinePlot.visibleIndices(s.points, in: range) {
                guard let y = axisValue(s.points[i].y) else { continue }
                low = min(low, y)
                high = max(high, y)
            }
        }
        if low > high { (low, high) = (0, 0) }
        switch valueAxis {
        case .linear:
            return AxisScale(covering: low, high, targetTicks: max(1, rows / 3), minimumSpan: minimumSpan)
        case .log10:
            let scale = AxisScale(covering: low.rounded(.down), high.rounded(.up), targetTicks: max(1, rows / 3),
                                  minimumSpan: minimumSpan)
            guard scale.step < 1 else { return scale }
            // Fewer decades than ticks wanted: one tick per decade.
            let lo = scale.lower.rounded(.down), hi = scale.upper.rounded(.up)
            return AxisScale(covering: lo, hi, targetTicks: max(1, Int(hi - lo)), minimumSpan: max(minimumSpan, 1))
        }
    }

    /// A tick's label: the scale's own, or "1e-5" for a log axis.
    func tickLabel(_ tick: Double, scale: AxisScale) -> String {
        switch valueAxis {
        case .linear: return scale.label(tick)
        case .log10: return "1e\(Int(tick.rounded()))"
        }
    }
}
