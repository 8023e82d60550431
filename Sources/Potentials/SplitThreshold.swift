import Geometry

/// When a cheap potential's loop is worth sharing out over threads.
///
/// On several threads Lennard-Jones stores its additions and sums them per target (``SlotGather``) to
/// keep the serial loop's bits; a pair costs about as much as storing and re-reading its additions,
/// so the second core gains little, and only on large systems. Measured on the 2-core machine
/// (evaluation alone, list built beforehand and reused as in MD, best of 15, the other engineers' load
/// kept off with a real-time priority), 2 threads against 1: 0.62-0.69x at 108-256 argon atoms, 0.83x
/// at 500, 1.01x at 864 (34 000 listed pairs, skin 1 Å), 1.07x at 2048 (80 000) and 1.15x at 4000
/// (156 000). A list evaluated once (`nnplab eval`, `bench --only threads`) also pays for its
/// transpose: at 111 000 pairs that made two threads slower than one (speedup 1.16-1.40 with the
/// gather, 1.31-1.47 without, neighbour list included). Below the threshold the loop runs on one
/// thread; the result is the same bits either way.
///
/// Stillinger-Weber instead runs in fixed parts from its threshold on (``PartitionedSums``), on any
/// number of threads: storing its additions cost as much as the loop (the gather gave 1.05x at 1728
/// atoms and 1.10x at 4096), while the parts' own arrays cost a fill and one pass per evaluation.
enum SplitThreshold {
    /// Listed pairs (r_c + skin) from which Lennard-Jones uses its threads.
    static let lennardJonesPairs = 150_000
    /// Atoms from which Stillinger-Weber runs in parts (and so on its threads).
    static let stillingerWeberAtoms = 1500

    /// The threads to run on: `requested` (or ``ThreadCount/current``) when `work` reaches
    /// `worthSplitting`, else one.
    static func threads(_ requested: ThreadCount?, work: Int, worthSplitting: Int) -> ThreadCount {
        work >= worthSplitting ? requested ?? .current : .one
    }
}
