import Foundation

/// `x` with `digits` decimals ("nan" and "inf" as they are): the one number format of lab messages.
public func fixed(_ x: Double, _ digits: Int) -> String {
    x.isFinite ? String(format: "%.\(digits)f", x) : "\(x)"
}

/// A time in fs without trailing zeros: 2 → "2", 0.5 → "0.5", 0.125 → "0.125".
public func formattedTime(_ fs: Double) -> String {
    let rounded = (fs * 1000).rounded() / 1000
    return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : "\(rounded)"
}
