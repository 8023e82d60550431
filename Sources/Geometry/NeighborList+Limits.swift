/// The size of a neighbour list, estimated before it is built, so that a cutoff of 1e308, a nearly
/// flat cell or a 0.5 Å box is refused in a sentence instead of exhausting memory or time.
extension NeighborList {
    /// Estimated size of the list for a system: extended atoms (locals and periodic images) and
    /// pairs within the reach r_c + skin.
    public struct SizeEstimate: Sendable, Equatable {
        /// Local atoms plus the periodic images within reach of the cell.
        public var extendedAtoms: Double
        /// Mean number of neighbours per atom within reach: ρ · 4/3 π (r_c + skin)³.
        public var neighborsPerAtom: Double
        /// Neighbour entries of a full list (N · neighbours per atom).
        public var pairs: Double
    }

    /// Most extended atoms (locals and ghosts): about 100 bytes each while the list is built.
    public static let maximumExtendedAtoms = 5_000_000.0
    /// Most neighbours per atom on average: a dense liquid has about 80 within 9.5 Å; many-body
    /// potentials (three-body terms, angular symmetry functions) cost the square of this per atom.
    public static let maximumNeighborsPerAtom = 2000.0
    /// Most listed pairs (4 bytes each, and as many distance evaluations per step).
    public static let maximumPairs = 50_000_000.0

    /// The size of the list for `system` with `cutoff` and `skin` (same length unit as the positions).
    ///
    /// Periodic: the images within reach number N·Π_k(1 + 2 ρ_k) with ρ_k = reach / width_k, and the
    /// density is N / V. A cluster has no images; its density is N over its bounding box widened by
    /// the reach on every side, and it has at most N − 1 neighbours per atom.
    public static func estimate(system: AtomicSystem, cutoff: Double, skin: Double) -> SizeEstimate {
        let n = Double(system.count)
        let reach = cutoff + skin
        let sphere = 4.0 / 3.0 * Double.pi * reach * reach * reach
        guard system.count > 0 else { return SizeEstimate(extendedAtoms: 0, neighborsPerAtom: 0, pairs: 0) }
        if let cell = system.cell {
            let widths = cell.perpendicularWidths
            var images = 1.0
            for k in 0..<3 { images *= 1 + 2 * (reach / widths[k]).rounded(.up) }
            let perAtom = n / cell.volume * sphere
            return SizeEstimate(extendedAtoms: n * images, neighborsPerAtom: perAtom, pairs: n * perAtom)
        }
        var lo = system.positions[0], hi = system.positions[0]
        for p in system.positions { lo = pointwiseMin(lo, p); hi = pointwiseMax(hi, p) }
        let box = hi - lo + Vector3(repeating: 2 * reach)
        let perAtom = min(n - 1, n / (box.x * box.y * box.z) * sphere)
        return SizeEstimate(extendedAtoms: n, neighborsPerAtom: perAtom, pairs: n * perAtom)
    }

    /// Throws ``NeighborListSizeError`` when the list for `system` would exceed one of the limits
    /// (or the inputs are not finite and positive); otherwise returns the estimate.
    @discardableResult
    public static func checkSize(system: AtomicSystem, cutoff: Double, skin: Double) throws -> SizeEstimate {
        guard cutoff.isFinite, cutoff > 0, skin.isFinite, skin >= 0 else {
            throw NeighborListSizeError(reason: "the cutoff must be a positive finite length and the skin non-negative, not r_c \(cutoff), skin \(skin)")
        }
        // Coordinates beyond 10⁸ (a centimetre in Å) are a typo or an exploded run; they would
        // overflow the integer image and bin indices below.
        if let i = system.positions.firstIndex(where: { !($0.x.magnitude <= 1e8 && $0.y.magnitude <= 1e8 && $0.z.magnitude <= 1e8) }) {
            throw NeighborListSizeError(reason: "atom \(i + 1) is at \(system.positions[i].x) \(system.positions[i].y) \(system.positions[i].z); coordinates must be finite and within ±1e8")
        }
        let e = estimate(system: system, cutoff: cutoff, skin: skin)
        let reach = "r_c + skin = \(short(cutoff + skin))"
        if !(e.extendedAtoms <= maximumExtendedAtoms) {
            let widths = system.cell.map { "the cell is \(short($0.perpendicularWidths.min())) wide" } ?? ""
            throw NeighborListSizeError(reason: "structure too large for its cutoff: \(short(e.extendedAtoms)) atoms with periodic images within \(reach) (\(widths)); at most \(short(maximumExtendedAtoms))")
        }
        if !(e.neighborsPerAtom <= maximumNeighborsPerAtom) {
            throw NeighborListSizeError(reason: "structure too large for its cutoff: about \(short(e.neighborsPerAtom)) neighbours per atom within \(reach); at most \(short(maximumNeighborsPerAtom)) (is the cell or the cutoff wrong?)")
        }
        if !(e.pairs <= maximumPairs) {
            throw NeighborListSizeError(reason: "structure too large for its cutoff: about \(short(e.pairs)) neighbour pairs (\(system.count) atoms, \(short(e.neighborsPerAtom)) each within \(reach)); at most \(short(maximumPairs))")
        }
        return e
    }

    private static func short(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        if abs(x) >= 100, abs(x) < 1e9 { return String(Int(x.rounded())) }
        let s = abs(x) >= 1e5 || abs(x) < 1e-3 ? String(format3: x, exponent: true) : String(format3: x, exponent: false)
        return s
    }
}

private extension String {
    /// x with 3 significant digits, without Foundation.
    init(format3 x: Double, exponent: Bool) {
        guard exponent else { self = "\((x * 1000).rounded() / 1000)"; return }
        var e = 0, m = abs(x)
        while m >= 10 { m /= 10; e += 1 }
        while m < 1 && m > 0 { m *= 10; e -= 1 }
        self = "\(x < 0 ? "-" : "")\((m * 100).rounded() / 100)e\(e)"
    }
}

/// A neighbour list too large to build, with the estimate that says why.
public struct NeighborListSizeError: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
