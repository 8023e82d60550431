/// Parameter gradients for training: energy training needs ∂N/∂θ, force training the gradient of a
/// directional input derivative ∂/∂θ (∇_G N · u), computed exactly by forward-over-reverse
/// differentiation (a forward-mode tangent along u, then one reverse sweep through both).
extension FeedForwardNetwork {
    /// Adds ∂J/∂θ to `gradient` (``parameterCount`` values, in the order of ``parameters``) for
    ///
    ///   J(θ) = energyWeight · N(G) + directionWeight · Σ_k u_k ∂N/∂G_k
    ///
    /// and returns N(G) and the directional derivative D = Σ_k u_k ∂N/∂G_k. With `direction` nil
    /// the second term is dropped (D = 0), leaving plain back-propagation of N.
    ///
    /// Forward: z_l = W_l a_{l−1} + b_l, a_l = f(z_l); tangent ż_l = W_l ȧ_{l−1}, ȧ_l = f′(z_l) ż_l with
    /// a₀ = G, ȧ₀ = u. Reverse with adjoints ā_L = energyWeight, ǡ_L = directionWeight:
    /// ż̄ = f′ ⊙ ǡ, z̄ = f′ ⊙ ā + f″ ⊙ ż ⊙ ǡ, ∂J/∂W_l += z̄ a_{l−1}ᵀ + ż̄ ȧ_{l−1}ᵀ, ∂J/∂b_l += z̄,
    /// ā_{l−1} = W_lᵀ z̄, ǡ_{l−1} = W_lᵀ ż̄. Every sum runs in a fixed order, so the result is
    /// bitwise reproducible.
    @inlinable
    public func accumulateParameterGradient(input: UnsafePointer<Double>, direction: UnsafePointer<Double>?,
                                            energyWeight: Double, directionWeight: Double,
                                            into gradient: UnsafeMutablePointer<Double>,
                                            workspace: inout NetworkWorkspace) -> (value: Double, directional: Double) {
        assert(workspace.layerSizes.count == layers.count + 1)
        let offsets = workspace.layerOffsets, adjoint = workspace.adjointOffset, width = workspace.maximumWidth
        let hasDirection = direction != nil
        return workspace.storage.withUnsafeMutableBufferPointer { w in
            let s = w.baseAddress!
            // Forward and tangent passes; per layer block: a, f′, f″, ż, ȧ.
            var a0 = input, t0 = direction ?? input
            for l in 0..<layers.count {
                let layer = layers[l]
                let nOut = layer.outputCount, nIn = layer.inputCount, f = layer.activation
                let a = s + offsets[l], d = a + nOut, dd = d + nOut, zdot = dd + nOut, adot = zdot + nOut
                layer.weights.withUnsafeBufferPointer { wt in
                    layer.biases.withUnsafeBufferPointer { b in
                        for o in 0..<nOut {
                            let row = wt.baseAddress! + o * nIn
                            var z = b[o]
                            for i in 0..<nIn { z += row[i] * a0[i] }
                            let e = f.evaluate(z)
                            a[o] = e.value; d[o] = e.first; dd[o] = e.second
                            if hasDirection {
                                var zt = 0.0
                                for i in 0..<nIn { zt += row[i] * t0[i] }
                                zdot[o] = zt
                                adot[o] = e.first * zt
                            }
                        }
                    }
                }
                a0 = UnsafePointer(a); t0 = UnsafePointer(adot)
            }
            let value = a0[0], directional = hasDirection ? t0[0] : 0

            // Reverse sweep. abar/tbar: adjoints of a_l and ȧ_l; their W_lᵀ products go to the spares.
            var abar = s + adjoint, tbar = abar + width, abarPrevious = tbar + width, tbarPrevious = abarPrevious + width
            abar[0] = energyWeight; tbar[0] = directionWeight
            var parameterEnd = parameterCount
            for l in stride(from: layers.count - 1, through: 0, by: -1) {
                let layer = layers[l]
                let nOut = layer.outputCount, nIn = layer.inputCount
                let d = s + offsets[l] + nOut, dd = d + nOut, zdot = dd + nOut
                let aIn = l == 0 ? input : UnsafePointer(s + offsets[l - 1])
                let tIn = l == 0 ? (direction ?? input) : UnsafePointer(s + offsets[l - 1] + 4 * layer.inputCount)
                parameterEnd -= layer.parameterCount
                let gW = gradient + parameterEnd, gB = gW + nOut * nIn
                // abar becomes z̄ and tbar becomes ż̄ in place.
                for o in 0..<nOut {
                    if hasDirection {
                        let t = tbar[o]
                        abar[o] = d[o] * abar[o] + dd[o] * zdot[o] * t
                        tbar[o] = d[o] * t
                    } else {
                        abar[o] = d[o] * abar[o]
                    }
                    gB[o] += abar[o]
                }
                for o in 0..<nOut {
                    let zb = abar[o], row = gW + o * nIn
                    for i in 0..<nIn { row[i] += zb * aIn[i] }
                    if hasDirection {
                        let tb = tbar[o]
                        for i in 0..<nIn { row[i] += tb * tIn[i] }
                    }
                }
                guard l > 0 else { break }
                for i in 0..<nIn { abarPrevious[i] = 0; tbarPrevious[i] = 0 }
                layer.weights.withUnsafeBufferPointer { wt in
                    for o in 0..<nOut {
                        let row = wt.baseAddress! + o * nIn, zb = abar[o], tb = tbar[o]
                        for i in 0..<nIn { abarPrevious[i] += row[i] * zb }
                        if hasDirection { for i in 0..<nIn { tbarPrevious[i] += row[i] * tb } }
                    }
                }
                swap(&abar, &abarPrevious)
                swap(&tbar, &tbarPrevious)
            }
            return (value, directional)
        }
    }
}
