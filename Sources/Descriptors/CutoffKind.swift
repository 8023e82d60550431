/// The lesson's three kinds of cutoff, shared by the teacher potentials and the descriptors: a
/// smoothness class, not a formula. A descriptor's exact formula is a ``CutoffShape`` (n2p2's list),
/// whose ``CutoffShape/kind`` is one of these; Lennard-Jones truncations are one of each.
///
/// - `step`: the interaction stops abruptly at r_c; the energy jumps when a pair crosses r_c.
/// - `kinked`: the energy goes to zero at r_c but its slope does not; the force jumps.
/// - `smooth`: energy and force both go to zero at r_c (C¹ or better).
public enum CutoffKind: String, CaseIterable, Sendable, Hashable, Codable, CustomStringConvertible {
    case step, kinked, smooth
    public var description: String { rawValue }
    /// The next kind in the lab's `c` cycle: step → kinked → smooth → step.
    public var next: CutoffKind {
        switch self { case .step: .kinked; case .kinked: .smooth; case .smooth: .step }
    }
}
