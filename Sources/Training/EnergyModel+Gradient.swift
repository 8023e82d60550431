import Geometry
import NeuralNetworks

extension EnergyModel {
    /// Energy and force errors of one configuration and, when `gradient` is given, adds
    /// `gradientScale`·∂ℓ/∂θ to it, with ℓ = (ΔE/N)² + w_F Σ_a|ΔF_a|²/(3N).
    ///
    /// Pass 1: E_i and ∂N/∂G_i per atom; forces by contracting with ∂G/∂r; the errors.
    /// Pass 2 (forward-over-reverse per atom): ∂ℓ/∂θ = Σ_i ∂/∂θ [α N_i + β Σ_k u_ik ∂N_i/∂G_ik] with
    /// α = 2σΔE/N², β = −2w_Fσ/(3N) and u_ik = Σ_a ΔF_a·∂G_ik/∂r_a — exact, no finite differences.
    /// All sums run in atom and block order, so the result is bitwise reproducible.
    func evaluate(_ example: TrainingExample, forceWeight: Double, gradientScale: Double,
                  into gradient: UnsafeMutablePointer<Double>?, scratch: inout EvaluationScratch) -> ConfigurationErrors {
        let d = example.descriptors
        let n = d.atomCount
        let sigma = energyScale
        let energyError = predict(d, scratch: &scratch) - example.energy
        var forceSquared = 0.0
        for a in 0..<n {
            scratch.forces[a] -= example.forces[a]
            forceSquared += (scratch.forces[a] * scratch.forces[a]).sum()
        }
        let perAtom = energyError / Double(n)
        let errors = ConfigurationErrors(energyPerAtomSquared: perAtom * perAtom, forceSquaredSum: forceSquared, atomCount: n)
        guard let gradient else { return errors }

        // Pass 2: forward-over-reverse through every atom's network.
        let alpha = gradientScale * 2 * sigma * perAtom / Double(n)
        let beta = -gradientScale * 2 * forceWeight * sigma / Double(3 * n)
        let useForces = forceWeight != 0
        d.values.withUnsafeBufferPointer { g in
            d.derivatives.withUnsafeBufferPointer { dG in
                scratch.forces.withUnsafeBufferPointer { deltaF in   // ΔF_a after the subtraction above
                    scratch.direction.withUnsafeMutableBufferPointer { u in
                        for i in 0..<n {
                            let s = Int(d.species[i]), k = d.descriptorCounts[s], v = d.valueStart[i]
                            if useForces {
                                for j in 0..<k { u[j] = 0 }
                                for b in d.blockStart[i]..<d.blockStart[i + 1] {
                                    let row = dG.baseAddress! + d.derivativeStart[b], df = deltaF[Int(d.partner[b])]
                                    for j in 0..<k { u[j] += (df * row[j]).sum() }
                                }
                            }
                            _ = networks[s].accumulateParameterGradient(
                                input: g.baseAddress! + v, direction: useForces ? UnsafePointer(u.baseAddress!) : nil,
                                energyWeight: alpha, directionWeight: beta,
                                into: gradient + parameterStart[s], workspace: &scratch.workspaces[s])
                        }
                    }
                }
            }
        }
        return errors
    }
}

extension EnergyModel {
    /// The model's energy E = Σ_s n_s μ_s + σ Σ_i N(G_i) in eV (n_s atoms of species s); leaves the forces F_a (eV/Å) in
    /// `scratch.forces[0..<N]` and ∂N/∂G in `scratch.inputGradients`.
    func predict(_ d: DescriptorSample, scratch: inout EvaluationScratch) -> Double {
        let n = d.atomCount, sigma = energyScale
        if scratch.inputGradients.count < d.values.count { scratch.inputGradients = Array(repeating: 0, count: d.values.count) }
        if scratch.forces.count < n { scratch.forces = Array(repeating: .zero, count: n) }
        var networkSum = 0.0
        d.values.withUnsafeBufferPointer { g in
            scratch.inputGradients.withUnsafeMutableBufferPointer { dNdG in
                // Atomic outputs and input gradients.
                for i in 0..<n {
                    let s = Int(d.species[i]), k = d.descriptorCounts[s], v = d.valueStart[i]
                    networkSum += networks[s].valueAndInputGradient(
                        UnsafeBufferPointer(rebasing: g[v..<(v + k)]),
                        gradient: UnsafeMutableBufferPointer(rebasing: dNdG[v..<(v + k)]),
                        workspace: &scratch.workspaces[s])
                }
                // F_a = −σ Σ_i Σ_k ∂N/∂G_ik ∂G_ik/∂r_a.
                d.derivatives.withUnsafeBufferPointer { dG in
                    scratch.forces.withUnsafeMutableBufferPointer { f in
                        for a in 0..<n { f[a] = .zero }
                        for i in 0..<n {
                            let k = d.descriptorCounts[Int(d.species[i])], v = d.valueStart[i]
                            for b in d.blockStart[i]..<d.blockStart[i + 1] {
                                let row = dG.baseAddress! + d.derivativeStart[b]
                                var sum = Vector3.zero
                                for j in 0..<k { sum += dNdG[v + j] * row[j] }
                                f[Int(d.partner[b])] -= sigma * sum
                            }
                        }
                    }
                }
            }
        }
        // Σ_s n_s μ_s in species order; with one species this is exactly N·μ.
        var counts = [Int](repeating: 0, count: energyShifts.count)
        for i in 0..<n { counts[Int(d.species[i])] += 1 }
        var shiftSum = 0.0
        for s in counts.indices where counts[s] > 0 { shiftSum += Double(counts[s]) * energyShifts[s] }
        return shiftSum + sigma * networkSum
    }
}
