/// Forward and reverse passes: the network's value N(G) and its input gradient ∂N/∂G, which the
/// potential contracts with ∂G/∂r to get forces.
extension FeedForwardNetwork {
    /// N(G) for one input vector (allocates a workspace; use the workspace variant in hot loops).
    public func value(_ input: [Double]) -> Double {
        var workspace = NetworkWorkspace(for: self)
        return input.withUnsafeBufferPointer { value($0, workspace: &workspace) }
    }

    /// N(G) and ∂N/∂G_k for one input vector (allocating convenience).
    public func valueAndInputGradient(_ input: [Double]) -> (value: Double, gradient: [Double]) {
        var workspace = NetworkWorkspace(for: self)
        var gradient = Array(repeating: 0.0, count: inputCount)
        let v = input.withUnsafeBufferPointer { x in
            gradient.withUnsafeMutableBufferPointer { g in
                valueAndInputGradient(x, gradient: g, workspace: &workspace)
            }
        }
        return (v, gradient)
    }

    /// N(G) without allocation. `input` holds ``inputCount`` values.
    @inlinable
    public func value(_ input: UnsafeBufferPointer<Double>, workspace: inout NetworkWorkspace) -> Double {
        assert(workspace.layerSizes.count == layers.count + 1 && input.count >= inputCount)
        return workspace.storage.withUnsafeMutableBufferPointer { w in
            forward(input.baseAddress!, storage: w.baseAddress!, offsets: workspace.layerOffsets)
        }
    }

    /// N(G) and writes ∂N/∂G_k into `gradient` (``inputCount`` values), without allocation:
    /// one forward pass storing f′(z), then back-propagation g_{l−1} = W_lᵀ (f′(z_l) ⊙ g_l).
    @inlinable
    public func valueAndInputGradient(_ input: UnsafeBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>,
                                      workspace: inout NetworkWorkspace) -> Double {
        assert(workspace.layerSizes.count == layers.count + 1 && input.count >= inputCount && gradient.count >= inputCount)
        let offsets = workspace.layerOffsets, adjoint = workspace.adjointOffset, width = workspace.maximumWidth
        return workspace.storage.withUnsafeMutableBufferPointer { w in
            let s = w.baseAddress!
            let y = forward(input.baseAddress!, storage: s, offsets: offsets)
            var upstream = s + adjoint, previous = s + adjoint + width
            upstream[0] = 1
            for l in stride(from: layers.count - 1, through: 0, by: -1) {
                let layer = layers[l]
                let nOut = layer.outputCount, nIn = layer.inputCount
                let d = s + offsets[l] + nOut
                for o in 0..<nOut { upstream[o] *= d[o] }
                let target = l == 0 ? gradient.baseAddress! : previous
                for i in 0..<nIn { target[i] = 0 }
                layer.weights.withUnsafeBufferPointer { wt in
                    for o in 0..<nOut {
                        let delta = upstream[o], row = wt.baseAddress! + o * nIn
                        for i in 0..<nIn { target[i] += row[i] * delta }
                    }
                }
                swap(&upstream, &previous)
            }
            return y
        }
    }

    /// Forward pass storing a_l and f′(z_l) of every layer in the workspace; returns the output.
    @inlinable
    func forward(_ x: UnsafePointer<Double>, storage s: UnsafeMutablePointer<Double>, offsets: [Int]) -> Double {
        var input = x
        for l in 0..<layers.count {
            let layer = layers[l]
            let nOut = layer.outputCount, nIn = layer.inputCount
            let a = s + offsets[l], d = a + nOut
            let f = layer.activation
            layer.weights.withUnsafeBufferPointer { wt in
                layer.biases.withUnsafeBufferPointer { b in
                    for o in 0..<nOut {
                        let row = wt.baseAddress! + o * nIn
                        var z = b[o]
                        for i in 0..<nIn { z += row[i] * input[i] }
                        let (value, first) = f.valueAndDerivative(z)
                        a[o] = value
                        d[o] = first
                    }
                }
            }
            input = UnsafePointer(a)
        }
        return input[0]
    }
}
