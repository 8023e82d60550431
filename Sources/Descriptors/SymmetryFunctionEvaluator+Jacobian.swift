import Geometry

/// The sparse Jacobian ∂G_ik/∂r_a of one configuration, for force training (the potential itself never
/// stores it). Local atom i owns blocks blockStart[i] ..< blockStart[i + 1]; block b is the atom
/// partner[b] (an owner: periodic images are folded in) and holds K_i vectors ∂G_ik/∂r_partner at
/// derivatives[derivativeStart[b] ..< derivativeStart[b] + K_i]. Units: G per length unit (Å⁻¹).
public struct DescriptorJacobian: Sendable, Equatable {
    public var blockStart: [Int]
    public var partner: [Int32]
    public var derivativeStart: [Int]
    public var derivatives: [Vector3]
}

extension SymmetryFunctionEvaluator {
    /// ∂G_ik/∂r_a for every local atom i, function k and atom a that G_i depends on (i and the owners
    /// of its neighbours), by the same backward kernel as the forces with a one-hot dE/dG per function.
    /// Added by the training engineer (additive; uses the existing kernels, no second implementation).
    public func jacobian(_ frame: DescriptorFrame, workspace: DescriptorWorkspace) -> DescriptorJacobian {
        var result = DescriptorJacobian(blockStart: [0], partner: [], derivativeStart: [], derivatives: [])
        let owners = frame.neighbors.owners
        let widest = plan.species.map(\.functionCount).max() ?? 0
        var oneHot = [Double](repeating: 0, count: widest)
        var slotOfOwner = [Int](repeating: -1, count: frame.atomCount)
        for i in 0..<frame.atomCount {
            workspace.load(atom: i, frame: frame)
            let k = plan.species[Int(frame.species[i])].functionCount
            // Blocks: i first, then each distinct owner of a neighbour, in neighbour order.
            var partners = [Int32(i)]
            slotOfOwner[i] = 0
            for n in 0..<workspace.count {
                let a = Int(owners[Int(workspace.extended[n])])
                if slotOfOwner[a] < 0 { slotOfOwner[a] = partners.count; partners.append(Int32(a)) }
            }
            let base = result.derivatives.count
            result.derivatives += [Vector3](repeating: .zero, count: partners.count * k)
            for f in 0..<k {
                oneHot[f] = 1
                oneHot.withUnsafeBufferPointer { w in
                    workspace.gradient.update(repeating: .zero, count: workspace.count)
                    var visitor = GradientAccumulator(weights: w.baseAddress!, dx: workspace.dx, dy: workspace.dy,
                                                      dz: workspace.dz, gradient: workspace.gradient)
                    workspace.visit(&visitor)
                    result.derivatives[base + f] += visitor.centerGradient
                    for n in 0..<workspace.count {
                        let a = Int(owners[Int(workspace.extended[n])])
                        result.derivatives[base + slotOfOwner[a] * k + f] += workspace.gradient[n]
                    }
                }
                oneHot[f] = 0
            }
            for (s, a) in partners.enumerated() {
                result.partner.append(a)
                result.derivativeStart.append(base + s * k)
                slotOfOwner[Int(a)] = -1
            }
            result.blockStart.append(result.partner.count)
        }
        return result
    }
}
