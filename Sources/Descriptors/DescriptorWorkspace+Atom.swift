import Geometry

/// One atom at a time, for callers that run the loop over atoms themselves (in parallel, one
/// workspace per thread): the forward pass giving G_i, then the reverse pass giving ∂E_i/∂r of the
/// atom and of each of its neighbours, left in the workspace for the caller to scatter.
extension DescriptorWorkspace {
    /// Loads local atom `i` of `frame`, writes its unscaled G_i into `g` and returns its species index
    /// (G_i has that species' function count). The triplet factors stay in the workspace for
    /// ``backward(weights:)`` of the same atom to replay.
    public func descriptors(ofAtom i: Int, frame: DescriptorFrame, into g: UnsafeMutablePointer<Double>) -> Int {
        load(atom: i, frame: frame)
        computeDescriptors(into: g)
        return centerSpecies
    }

    /// The reverse pass of the atom loaded by ``descriptors(ofAtom:frame:into:)``: with ω = dE/dG_i in `weights`, stores ∂E/∂r of each neighbour (read with
    /// ``neighbor(_:)``) and returns ∂E/∂r_i of the atom itself (energy unit of ω per length unit).
    public func backward(weights: UnsafePointer<Double>) -> Vector3 {
        gradientPass(weights: weights, replaying: true)
    }

    /// Neighbours of the loaded atom within its species' largest cutoff.
    public var neighborCount: Int { count }

    /// Neighbour `n` of the loaded atom: its extended index, r_n − r_i, and ∂E/∂r_n from the last
    /// ``backward(weights:)``.
    @inline(__always)
    public func neighbor(_ n: Int) -> (extended: Int, delta: Vector3, gradient: Vector3) {
        (Int(extended[n]), Vector3(dx[n], dy[n], dz[n]), gradient[n])
    }

    /// Fills `gradient` with ∂E/∂r of each neighbour and returns the centre's.
    func gradientPass(weights: UnsafePointer<Double>, replaying: Bool) -> Vector3 {
        gradient.update(repeating: .zero, count: count)
        let sp = plan.species[centerSpecies]
        sp.members.withUnsafeBufferPointer { members in
            for (m, member) in members.enumerated() {
                let wn = weights[Int(member.function)] * member.norm
                memberWeight[m] = wn
                memberSlope[m] = wn * member.zeta * member.lambda
            }
        }
        var visitor = GradientAccumulator(weights: weights, dx: dx, dy: dy, dz: dz, gradient: gradient,
                                          memberWeight: memberWeight, memberSlope: memberSlope,
                                          scratch: tripletScratch, capacity: capacity)
        visit(&visitor, replaying: replaying)
        if !sp.polynomials.isEmpty {
            visitor.centerGradient += addPolynomialGradients(weights: weights)
        }
        return visitor.centerGradient
    }
}
