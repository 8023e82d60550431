import Geometry

/// The sparse Jacobian dG_i/dr_j of one configuration: for every atom i, the non-zero derivatives of its
/// functions with respect to the positions of the atoms j it depends on (itself and its neighbours,
/// periodic images folded onto their owners).
///
/// Units: 1/length (1/Å in metal units). Needed to train on forces, where F_j = -Σ_i Σ_s dE/dG_is dG_is/dr_j.
public struct DescriptorDerivatives: Sendable {
    public struct Entry: Sendable, Hashable {
        /// Function index s within atom i's descriptor vector.
        public let function: Int32
        /// The atom j (local index) whose position moves.
        public let atom: Int32
        /// ∂G_is/∂r_j.
        public let gradient: Vector3
    }
    /// entries[i]: every non-zero ∂G_is/∂r_j of atom i, ordered by function then atom.
    public let entries: [[Entry]]
}

extension SymmetryFunctionEvaluator {
    /// G_i (unscaled) for every atom and the sparse dG_i/dr_j. Cost: one reverse pass per function and
    /// atom, which suits the small configurations of a training set (the potential's own forces never
    /// need this). Throws if the system has an element the set does not describe.
    public func descriptorsAndDerivatives(of system: AtomicSystem) throws -> (descriptors: [[Double]], derivatives: DescriptorDerivatives) {
        let frame = try makeFrame(system)
        let o = offsets(for: frame)
        let workspace = makeWorkspace()
        var g = [Double]()
        computeDescriptors(frame, offsets: o, into: &g, workspace: workspace)
        var accumulated = [Vector3](repeating: .zero, count: system.count)
        var weights = [Double](repeating: 0, count: plan.species.map(\.functionCount).max() ?? 0)
        var all = [[DescriptorDerivatives.Entry]]()
        frame.neighbors.owners.withUnsafeBufferPointer { owners in
            for i in 0..<system.count {
                workspace.load(atom: i, frame: frame)
                var list = [DescriptorDerivatives.Entry]()
                for s in 0..<(o[i + 1] - o[i]) {
                    weights[s] = 1
                    accumulated.withUnsafeMutableBufferPointer { f in
                        weights.withUnsafeBufferPointer { w in
                            workspace.accumulateForces(weights: w.baseAddress!, owners: owners.baseAddress!, forces: f.baseAddress!)
                        }
                    }
                    weights[s] = 0
                    // accumulateForces adds -dG/dr; read each touched atom once and clear it.
                    var touched = [i]
                    for n in 0..<workspace.count { touched.append(Int(owners[Int(workspace.extended[n])])) }
                    for j in touched.sorted() where accumulated[j] != .zero {
                        list.append(.init(function: Int32(s), atom: Int32(j), gradient: -accumulated[j]))
                        accumulated[j] = .zero
                    }
                }
                all.append(list)
            }
        }
        return ((0..<system.count).map { Array(g[o[$0]..<o[$0 + 1]]) }, DescriptorDerivatives(entries: all))
    }
}
