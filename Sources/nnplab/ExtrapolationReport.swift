import Potentials

/// The extrapolation warnings of one evaluated structure on standard error, as n2p2 reports them (it
/// prints one line per atom and function outside the training range): how many, and the worst one
/// (atom, function, value, range).
enum ExtrapolationReport {
    static func print(_ warnings: [ExtrapolationWarning], structure: String) {
        guard let worst = warnings.max(by: { $0.excess < $1.excess }) else { return }
        let count = warnings.count == 1 ? "1 extrapolation warning" : "\(warnings.count) extrapolation warnings"
        printToStandardError("warning: \(structure): \(count) (symmetry functions outside the training range); "
            + "worst: \(worst)")
    }
}
