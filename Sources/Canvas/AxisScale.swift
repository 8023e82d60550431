import Foundation

/// An axis range with "nice" tick marks: steps of 1, 2 or 5 × 10ⁿ, the range widened to whole steps.
public struct AxisScale: Sendable, Hashable {
    public let lower: Double
    public let upper: Double
    public let step: Double

    /// The nice scale covering `low...high` with about `targetTicks` intervals. A range narrower than
    /// `minimumSpan` is widened about its middle first, so that a constant or nearly constant series
    /// is drawn flat instead of magnifying rounding noise.
    public init(covering low: Double, _ high: Double, targetTicks: Int, minimumSpan: Double) {
        var lo = min(low, high), hi = max(low, high)
        if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1 }
        let floorSpan = max(minimumSpan, abs(lo + hi) * 1e-12, .leastNormalMagnitude)
        if hi - lo < floorSpan {
            let middle = (lo + hi) / 2
            lo = middle - floorSpan / 2
            hi = middle + floorSpan / 2
        }
        let step = AxisScale.niceStep((hi - lo) / Double(max(targetTicks, 1)))
        self.step = step
        lower = (lo / step).rounded(.down) * step
        upper = (hi / step).rounded(.up) * step
    }

    /// The smallest 1, 2 or 5 × 10ⁿ at least `raw`.
    public static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * magnitude >= raw * (1 - 1e-9) {
            return factor * magnitude
        }
        return 10 * magnitude
    }

    /// The tick values lower, lower + step, ..., upper.
    public var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded()) + 1
        return (0..<max(count, 1)).map { lower + Double($0) * step }
    }

    /// Decimals needed to tell ticks apart: 0 for steps ≥ 1, 1 for 0.1...0.5, ...
    public var decimals: Int { max(0, -Int(log10(step).rounded(.down))) }

    /// `value` printed with ``decimals`` decimals ("-0" shown as "0"); below 1e-4 steps in
    /// exponent form ("2e-06"), so that a finely resolved axis keeps short labels.
    public func label(_ value: Double) -> String {
        if decimals > 4 {
            return abs(value) < step * 1e-6 ? "0" : String(format: "%.3g", value).replacingOccurrences(of: "e-0", with: "e-")
        }
        let text = String(format: "%.\(decimals)f", value)
        return Double(text) == 0 ? String(format: "%.\(decimals)f", 0.0) : text
    }

    /// The fraction of the way from lower to upper at which `value` lies.
    public func fraction(_ value: Double) -> Double { (value - lower) / (upper - lower) }
}
