import Geometry

/// What a pass over the loaded atom's neighbour pairs and triplets does with each term: the forward pass
/// adds to G, the backward pass contracts with dE/dG into gradients. One loop structure serves both.
protocol NeighborhoodVisitor {
    /// A radial term of neighbour j: value weight·g·f_c at distance r.
    mutating func radial(_ term: DescriptorPlan.RadialTerm, neighbor j: Int, gaussian: Double,
                         cutoff: Double, cutoffSlope: Double, distance r: Double)
    /// Called after all radial terms of neighbour j.
    mutating func endNeighbor(_ j: Int)
    /// One angular group of triplet (i, j, k): e = weight·Gaussian product, f = cutoff product.
    mutating func group(_ g: DescriptorPlan.AngularGroup, members: UnsafeBufferPointer<DescriptorPlan.AngularMember>,
                        cosine: Double, e: Double, geometry: TripletGeometry, cutoffs: TripletCutoffs)
    /// Called after all groups of triplet (j, k).
    mutating func endTriplet(_ j: Int, _ k: Int, cosine: Double, geometry: TripletGeometry)
}

/// Distances of a triplet (i; j, k).
struct TripletGeometry {
    var rij: Double, rik: Double, rjk: Double
}

/// Cutoff values and slopes of a triplet's three distances.
struct TripletCutoffs {
    var fij: Double, fik: Double, fjk: Double
    var dfij: Double, dfik: Double, dfjk: Double
}

extension DescriptorWorkspace {
    /// Visits every radial term of every neighbour, then every angular group of every neighbour pair
    /// j < k (each unordered pair once, as n2p2 does), of the loaded atom.
    ///
    /// Each j's triplets (k, R_jk, cos θ) and the R_jk-dependent factors of their narrow groups are
    /// first written to the triplet cache (``writeTriplets``: a loop of independent iterations, so the
    /// exponentials of consecutive triplets overlap) and then read back by the loop over groups. With
    /// `replaying`, the backward pass reads what the forward pass of the same atom wrote.
    @inline(__always)
    func visit<V: NeighborhoodVisitor>(_ visitor: inout V, replaying: Bool) {
        if !replaying { reserveTripletCache() }
        var cursor = 0
        let tripletCache = self.tripletCache
        let distance = self.distance
        let cutoffValue = self.cutoffValue, cutoffSlope = self.cutoffSlope, gaussian = self.gaussian
        let blockStart = self.blockStart
        let sp = plan.species[centerSpecies]
        let rs = radiusStride, gs = gaussianStride
        let cutoffs = sp.cutoffs
        sp.radial.withUnsafeBufferPointer { terms in
            for s in 0..<plan.speciesCount {
                let t0 = sp.radialStart[s], t1 = sp.radialStart[s + 1]
                if t0 == t1 { continue }
                for j in blockStart[s]..<blockStart[s + 1] {
                    let r = distance[j]
                    for t in t0..<t1 {
                        let term = terms[t]
                        visitor.radial(term, neighbor: j, gaussian: gaussian[j * gs + Int(term.gaussian)],
                                       cutoff: cutoffValue[j * rs + Int(term.radius)],
                                       cutoffSlope: cutoffSlope[j * rs + Int(term.radius)], distance: r)
                    }
                    visitor.endNeighbor(j)
                }
            }
        }
        sp.angular.withUnsafeBufferPointer { groups in
            sp.members.withUnsafeBufferPointer { members in
                for a in 0..<plan.speciesCount {
                    for b in a..<plan.speciesCount {
                        let p = plan.pairIndex(a, b)
                        let g0 = sp.angularStart[p], g1 = sp.angularStart[p + 1]
                        if g0 == g1 { continue }
                        let narrowReach2 = sp.narrowReach[p] * sp.narrowReach[p]
                        let hasWide = sp.hasWide[p]
                        let baseEta = sp.baseEta[p]
                        for j in blockStart[a]..<blockStart[a + 1] {
                            let rij = distance[j]
                            // j's triplets and their R_jk-dependent factors, computed just now or by the
                            // forward pass, are read back in the order they were written.
                            if !replaying {
                                writeTriplets(of: j, partners: a == b ? j + 1 : blockStart[b], to: blockStart[b + 1],
                                              groups: UnsafeBufferPointer(rebasing: groups[g0..<g1]), cutoffs: cutoffs,
                                              everything: hasWide, reach2: narrowReach2, baseEta: baseEta, at: cursor)
                            }
                            let triplets = Int(tripletCache[cursor]); cursor += 1
                            for _ in 0..<triplets {
                                let k = Int(tripletCache[cursor]), rjk = tripletCache[cursor + 1]
                                let cosine = tripletCache[cursor + 2]
                                cursor += 3
                                let rik = distance[k]
                                let geometry = TripletGeometry(rij: rij, rik: rik, rjk: rjk)
                                for gi in g0..<g1 {
                                    let group = groups[gi]
                                    let q = Int(group.radius)
                                    let fij = cutoffValue[j * rs + q], fik = cutoffValue[k * rs + q]
                                    if fij == 0 || fik == 0 { continue }
                                    var e = group.weight * gaussian[j * gs + Int(group.gaussian)]
                                        * gaussian[k * gs + Int(group.gaussian)]
                                    var c = TripletCutoffs(fij: fij, fik: fik, fjk: 1,
                                                           dfij: cutoffSlope[j * rs + q], dfik: cutoffSlope[k * rs + q], dfjk: 0)
                                    if group.narrow {
                                        let x = tripletCache[cursor], fjk = tripletCache[cursor + 1]
                                        let dfjk = tripletCache[cursor + 2]
                                        cursor += 3
                                        if fjk == 0 { continue }
                                        c.fjk = fjk
                                        c.dfjk = dfjk
                                        e *= x
                                    }
                                    let list = UnsafeBufferPointer(start: members.baseAddress! + group.members.lowerBound,
                                                                   count: group.members.count)
                                    visitor.group(group, members: list,
                                                  cosine: cosine, e: e, geometry: geometry, cutoffs: c)
                                }
                                visitor.endTriplet(j, k, cosine: cosine, geometry: geometry)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Writes G of the loaded atom (unscaled) into g[0 ..< functionCount], leaving the triplet factors
    /// for ``gradientPass(weights:replaying:)`` of the same atom.
    func computeDescriptors(into g: UnsafeMutablePointer<Double>) {
        g.update(repeating: 0, count: plan.species[centerSpecies].functionCount)
        var visitor = DescriptorAccumulator(g: g)
        visit(&visitor, replaying: false)
        if !plan.species[centerSpecies].polynomials.isEmpty { addPolynomialDescriptors(into: g) }
    }

    /// Contracts ω = dE/dG (of the loaded atom's unscaled functions) with dG/dr and adds -∂E/∂r to
    /// `forces` of the owners of the atom and its neighbours.
    func accumulateForces(weights: UnsafePointer<Double>, owners: UnsafePointer<Int32>,
                          forces: UnsafeMutablePointer<Vector3>, replaying: Bool = false) {
        forces[center] -= gradientPass(weights: weights, replaying: replaying)
        for n in 0..<count {
            forces[Int(owners[Int(extended[n])])] -= gradient[n]
        }
    }
}

import Foundation

/// The forward pass: G_s += Σ terms.
struct DescriptorAccumulator: NeighborhoodVisitor {
    let g: UnsafeMutablePointer<Double>

    @inline(__always)
    mutating func radial(_ term: DescriptorPlan.RadialTerm, neighbor j: Int, gaussian: Double,
                         cutoff: Double, cutoffSlope: Double, distance r: Double) {
        g[Int(term.function)] += term.weight * gaussian * cutoff
    }

    @inline(__always) mutating func endNeighbor(_ j: Int) {}

    @inline(__always)
    mutating func group(_ group: DescriptorPlan.AngularGroup, members: UnsafeBufferPointer<DescriptorPlan.AngularMember>,
                        cosine: Double, e: Double, geometry: TripletGeometry, cutoffs c: TripletCutoffs) {
        let base = e * c.fij * c.fik * c.fjk
        for member in members {
            let pl = 1 + member.lambda * cosine
            if pl <= 0 { continue }
            let (p, _) = angularPower(pl, zeta: member.zeta, integer: member.integerZeta)
            g[Int(member.function)] += member.norm * p * base
        }
    }

    @inline(__always) mutating func endTriplet(_ j: Int, _ k: Int, cosine: Double, geometry: TripletGeometry) {}
}

/// The backward pass: with ω_s = dE/dG_s, accumulates dE/dr for the neighbours (into `gradient`) and
/// for the centre, from scalar derivatives dE/dR_ij, dE/dR_ik, dE/dR_jk, dE/dcos θ per pair or triplet.
struct GradientAccumulator: NeighborhoodVisitor {
    let weights: UnsafePointer<Double>
    let dx: UnsafeMutablePointer<Double>, dy: UnsafeMutablePointer<Double>, dz: UnsafeMutablePointer<Double>
    let gradient: UnsafeMutablePointer<Vector3>
    var centerGradient = Vector3.zero
    private var dRadial = 0.0
    private var dRij = 0.0, dRik = 0.0, dRjk = 0.0, dCos = 0.0
    /// The cutoff product f = f_c(R_ij) f_c(R_ik) f_c(R_jk) and its three partial products of the last
    /// group of this triplet, and that group's key 2·radius + narrow: groups of a triplet with the same
    /// radius and kind have the same cutoffs, so they share the products (-1: none yet).
    private var productKey = -1
    private var f = 0.0, fRij = 0.0, fRik = 0.0, fRjk = 0.0

    /// Per angular member m of the species (this atom's ω): ω_s·2^{1-ζ} and ω_s·2^{1-ζ}·ζ·λ, the factors of
    /// (1 + λ cos θ)^ζ and of (1 + λ cos θ)^{ζ-1} in dE/dG·dG/dcos θ, formed once per atom instead of
    /// once per triplet (the same products in the same order).
    let memberWeight: UnsafePointer<Double>, memberSlope: UnsafePointer<Double>

    init(weights: UnsafePointer<Double>, dx: UnsafeMutablePointer<Double>, dy: UnsafeMutablePointer<Double>,
         dz: UnsafeMutablePointer<Double>, gradient: UnsafeMutablePointer<Vector3>,
         memberWeight: UnsafePointer<Double>, memberSlope: UnsafePointer<Double>) {
        self.weights = weights; self.dx = dx; self.dy = dy; self.dz = dz; self.gradient = gradient
        self.memberWeight = memberWeight; self.memberSlope = memberSlope
    }

    @inline(__always)
    mutating func radial(_ term: DescriptorPlan.RadialTerm, neighbor j: Int, gaussian: Double,
                         cutoff: Double, cutoffSlope: Double, distance r: Double) {
        // d/dr [w g f_c] = w g (f_c' - 2η(r - r_s) f_c)
        let w = weights[Int(term.function)]
        if w == 0 { return }
        dRadial += w * term.weight * gaussian * (cutoffSlope - 2 * term.eta * (r - term.shift) * cutoff)
    }

    @inline(__always)
    mutating func endNeighbor(_ j: Int) {
        if dRadial == 0 { return }
        let u = Vector3(dx[j], dy[j], dz[j])
        let r = u.length
        let v = (dRadial / r) * u
        gradient[j] += v
        centerGradient -= v
        dRadial = 0
    }

    @inline(__always)
    mutating func group(_ group: DescriptorPlan.AngularGroup, members: UnsafeBufferPointer<DescriptorPlan.AngularMember>,
                        cosine: Double, e: Double, geometry t: TripletGeometry, cutoffs c: TripletCutoffs) {
        var sumP = 0.0, sumD = 0.0
        let first = group.members.lowerBound
        for (m, member) in members.enumerated() {
            // A zero factor adds ±0 to sums that start at +0 and so changes no bit: skipping it is exact.
            let wn = memberWeight[first + m]
            if wn == 0 { continue }
            let pl = 1 + member.lambda * cosine
            if pl <= 0 { continue }
            let (p, pMinus1) = angularPower(pl, zeta: member.zeta, integer: member.integerZeta)
            sumP += wn * p
            sumD += memberSlope[first + m] * pMinus1
        }
        if sumP == 0 && sumD == 0 { return }
        let key = 2 * Int(group.radius) + (group.narrow ? 1 : 0)
        if key != productKey {
            f = c.fij * c.fik * c.fjk
            fRij = c.dfij * c.fik * c.fjk
            fRik = c.fij * c.dfik * c.fjk
            fRjk = c.fij * c.fik * c.dfjk
            productKey = key
        }
        let twoEta = 2 * group.eta
        let es = e * sumP
        dRij += es * (fRij - twoEta * (t.rij - group.shift) * f)
        dRik += es * (fRik - twoEta * (t.rik - group.shift) * f)
        if group.narrow {
            dRjk += es * (fRjk - twoEta * (t.rjk - group.shift) * f)
        }
        dCos += e * sumD * f
    }

    @inline(__always)
    mutating func endTriplet(_ j: Int, _ k: Int, cosine: Double, geometry t: TripletGeometry) {
        productKey = -1
        if dRij == 0 && dRik == 0 && dRjk == 0 && dCos == 0 { return }
        let u = Vector3(dx[j], dy[j], dz[j]), v = Vector3(dx[k], dy[k], dz[k])
        // The six divisions go two at a time (each lane is the same IEEE division as a scalar one, so
        // the bits do not change; a division is the slowest operation of the triplet).
        let radial = SIMD2(dRij, dRik) / SIMD2(t.rij, t.rik)
        let dCosCos = dCos * cosine
        let angular = SIMD2(dCosCos, dCosCos) / SIMD2(t.rij * t.rij, t.rik * t.rik)
        let rest = SIMD2(1, dRjk) / SIMD2(t.rij * t.rik, t.rjk)
        let inverseProduct = rest[0]
        // ∂cos/∂u = v/(R_ij R_ik) - cos u/R_ij², and symmetrically for v.
        let dU = (radial[0] - angular[0]) * u + (dCos * inverseProduct) * v
        let dV = (radial[1] - angular[1]) * v + (dCos * inverseProduct) * u
        let dW = t.rjk > 0 ? rest[1] * (v - u) : .zero
        gradient[j] += dU - dW
        gradient[k] += dV + dW
        centerGradient -= dU + dV
        dRij = 0; dRik = 0; dRjk = 0; dCos = 0
    }
}
