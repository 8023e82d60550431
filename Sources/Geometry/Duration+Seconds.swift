extension Duration {
    /// This wall-clock duration in seconds, as one Double (the benchmarks, rate meters and recorders).
    @inlinable public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
