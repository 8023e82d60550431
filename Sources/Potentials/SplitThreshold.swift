import Geometry

/// When a cheap potential's loop is worth sharing out over threads.
///
/// Keeping parallel sums bit-identical means recording every scatter-add and replaying it in order
/// (``ScatterLog``). A Lennard-Jones pair or a Stillinger-Weber atom costs about as much as recording
/// and replaying its additions, so a second core only breaks even for large systems. Measured on the
/// 2-core machine (`nnplab run`, `nnplab bench --only threads`): 108 argon atoms ran at half speed on
/// two threads, 216 silicon atoms 30 % slower; 4000 argon atoms (about 180 000 listed pairs) at
/// 0.97-0.99x and 4096 silicon atoms at 0.90-1.04x of one thread. Below the thresholds the loop runs on
/// one thread; the result is the same bits either way.
enum SplitThreshold {
    /// Listed pairs (r_c + skin) from which Lennard-Jones uses its threads.
    static let lennardJonesPairs = 400_000
    /// Atoms from which Stillinger-Weber uses its threads.
    static let stillingerWeberAtoms = 4096

    /// The threads to run on: `requested` (or ``ThreadCount/current``) when `work` reaches
    /// `worthSplitting`, else one.
    static func threads(_ requested: ThreadCount?, work: Int, worthSplitting: Int) -> ThreadCount {
        work >= worthSplitting ? requested ?? .current : .one
    }
}
