import Geometry

/// Evaluates a ``SymmetryFunctionSet`` on configurations: per-atom descriptor vectors G_i, the reverse
/// pass that turns dE/dG into forces without storing dG/dr, and (for force training on small sets)
/// the sparse dG_i/dr_j.
///
/// Lengths are in the unit of the positions (Å for metal units); G is dimensionless (weighted functions
/// carry factors of Z).
public struct SymmetryFunctionEvaluator: Sendable {
    public let set: SymmetryFunctionSet
    let plan: DescriptorPlan

    public init(_ set: SymmetryFunctionSet) {
        self.set = set
        plan = DescriptorPlan(set)
    }

    /// Scratch memory for one thread; reuse it across calls.
    public func makeWorkspace() -> DescriptorWorkspace { DescriptorWorkspace(plan: plan) }

    /// Where each atom's G starts in a flat descriptor array: atom i's functions are
    /// offsets[i] ..< offsets[i + 1].
    public func offsets(for frame: DescriptorFrame) -> [Int] {
        var o = [Int](repeating: 0, count: frame.atomCount + 1)
        for i in 0..<frame.atomCount { o[i + 1] = o[i] + plan.species[Int(frame.extendedSpecies[i])].functionCount }
        return o
    }

    /// Unscaled G of every atom into `g` (laid out by `offsets`).
    public func computeDescriptors(_ frame: DescriptorFrame, offsets: [Int], into g: inout [Double],
                                   workspace: DescriptorWorkspace) {
        if g.count != offsets[frame.atomCount] { g = [Double](repeating: 0, count: offsets[frame.atomCount]) }
        g.withUnsafeMutableBufferPointer { out in
            guard let base = out.baseAddress else { return }
            for i in 0..<frame.atomCount {
                workspace.load(atom: i, frame: frame)
                workspace.computeDescriptors(into: base + offsets[i])
            }
        }
    }

    /// Adds F = -Σ_i Σ_s ω_is ∂G_is/∂r to `forces` (one per local atom; ghosts' shares go to their owners),
    /// with ω = dE/dG laid out by `offsets`. Energy/length units follow ω and the positions.
    public func accumulateForces(_ frame: DescriptorFrame, offsets: [Int], dEdG: [Double],
                                 forces: inout [Vector3], workspace: DescriptorWorkspace) {
        if forces.count != frame.atomCount { forces = [Vector3](repeating: .zero, count: frame.atomCount) }
        dEdG.withUnsafeBufferPointer { w in
            frame.neighbors.owners.withUnsafeBufferPointer { owners in
                forces.withUnsafeMutableBufferPointer { f in
                    guard let wb = w.baseAddress, let ob = owners.baseAddress, let fb = f.baseAddress else { return }
                    for i in 0..<frame.atomCount {
                        workspace.load(atom: i, frame: frame)
                        workspace.accumulateForces(weights: wb + offsets[i], owners: ob, forces: fb)
                    }
                }
            }
        }
    }

    /// Atom by atom: computes G_i (unscaled) and calls `network(i, species, G_i, ω_i)`, which must fill
    /// ω_i = dE/dG_i when `forces` is non-nil; then runs atom i's reverse pass at once, replaying the
    /// forward pass's triplet factors, and adds its forces (ghost shares to owners) to `forces`.
    /// This is the potential's fast path: each transcendental function is evaluated once per triplet.
    public func evaluateAtoms(_ frame: DescriptorFrame, workspace: DescriptorWorkspace, forces: UnsafeMutablePointer<Vector3>?,
                              network: (_ atom: Int, _ species: Int, _ g: UnsafeBufferPointer<Double>,
                                        _ dEdG: UnsafeMutableBufferPointer<Double>) -> Void) {
        let widest = plan.species.map(\.functionCount).max() ?? 0
        let g = UnsafeMutablePointer<Double>.allocate(capacity: widest)
        let w = UnsafeMutablePointer<Double>.allocate(capacity: widest)
        defer { g.deallocate(); w.deallocate() }
        frame.neighbors.owners.withUnsafeBufferPointer { owners in
            guard let ob = owners.baseAddress else { return }
            for i in 0..<frame.atomCount {
                workspace.load(atom: i, frame: frame)
                let species = Int(frame.extendedSpecies[i])
                let n = plan.species[species].functionCount
                workspace.computeDescriptors(into: g)
                network(i, species, UnsafeBufferPointer(start: g, count: n), UnsafeMutableBufferPointer(start: w, count: n))
                if let forces {
                    workspace.accumulateForces(weights: w, owners: ob, forces: forces, replaying: true)
                }
            }
        }
    }

    /// The descriptor vectors G_i (unscaled) of every atom of `system`, one array per atom.
    /// Throws if the system has an element the set does not describe.
    public func descriptors(of system: AtomicSystem) throws -> [[Double]] {
        let frame = try makeFrame(system)
        let o = offsets(for: frame)
        var g = [Double]()
        computeDescriptors(frame, offsets: o, into: &g, workspace: makeWorkspace())
        return (0..<system.count).map { Array(g[o[$0]..<o[$0 + 1]]) }
    }

    /// A frame for `system` with a fresh full neighbour list of the set's maximum cutoff.
    public func makeFrame(_ system: AtomicSystem) throws -> DescriptorFrame {
        let list = NeighborList(system: system, cutoff: set.maximumCutoff, skin: 0, kind: .full)
        return try DescriptorFrame(system: system, neighbors: list, set: set)
    }
}
