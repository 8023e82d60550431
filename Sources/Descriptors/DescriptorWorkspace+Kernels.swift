import Geometry

/// What a pass over the loaded atom's neighbour pairs and triplets does with each term: the forward pass
/// adds to G, the backward pass contracts with dE/dG into gradients. One loop structure serves both.
protocol NeighborhoodVisitor {
    /// A radial term of neighbour j: value weight·g·f_c at distance r.
    mutating func radial(_ term: DescriptorPlan.RadialTerm, neighbor j: Int, gaussian: Double,
                         cutoff: Double, cutoffSlope: Double, distance r: Double)
    /// Called after all radial terms of neighbour j.
    mutating func endNeighbor(_ j: Int)
    /// One angular group over all triplets (i, j, k) of neighbour j, whose f_c(R_ij) is non-zero.
    mutating func group(_ terms: GroupTerms, members: UnsafeBufferPointer<DescriptorPlan.AngularMember>,
                        triplets: TripletBlock)
    /// Called after all groups of neighbour j's triplets.
    mutating func endTriplets(_ triplets: TripletBlock)
}

/// Neighbour j's triplets (i; j, k) as the triplet cache holds them, in columns of `count` values (see
/// ``DescriptorWorkspace/writeTriplets(of:partners:to:groups:cutoffs:everything:reach2:baseEta:at:)``).
struct TripletBlock {
    let j: Int
    let count: Int
    let rij: Double
    /// Partner k of triplet t as a bit pattern, R_jk and cos θ_jik.
    let partners: UnsafePointer<Double>, rjk: UnsafePointer<Double>, cosine: UnsafePointer<Double>
    /// The workspace's neighbour distances R_ik.
    let distance: UnsafePointer<Double>

    @inline(__always) func partner(_ t: Int) -> Int { Int(truncatingIfNeeded: partners[t].bitPattern) }
}

/// One angular group's factors over a ``TripletBlock``: those of neighbour j hoisted out of the loop
/// over k, and where to read those of k and of R_jk.
struct GroupTerms {
    let group: DescriptorPlan.AngularGroup
    let fij: Double, dfij: Double
    /// weight·exp(-η(R_ij - r_s)²), the first product of e, formed once per j.
    let weightedGaussian: Double
    /// f_c, f_c' and the group's Gaussian of neighbour 0 (stride `radiusStride` / `gaussianStride`).
    let cutoffValue: UnsafePointer<Double>, cutoffSlope: UnsafePointer<Double>, gaussian: UnsafePointer<Double>
    let radiusStride: Int, gaussianStride: Int
    /// Narrow groups: the columns x, f_c(R_jk), f_c'(R_jk) of the triplet cache.
    let x: UnsafePointer<Double>, fjk: UnsafePointer<Double>, dfjk: UnsafePointer<Double>
}

extension DescriptorWorkspace {
    /// Visits every radial term of every neighbour, then every angular group of every neighbour pair
    /// j < k (each unordered pair once, as n2p2 does), of the loaded atom.
    ///
    /// Each j's triplets (k, R_jk, cos θ) and the R_jk-dependent factors of their narrow groups are
    /// first written to the triplet cache in columns (``writeTriplets``: loops of independent
    /// iterations, so the exponentials of consecutive triplets overlap); then each group runs over all
    /// of j's triplets in turn (its parameters and j's factors stay in registers, and the triplets go
    /// two at a time). With `replaying`, the backward pass reads what the forward pass of the same atom
    /// wrote.
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
                        let columns = 3 + 3 * sp.narrowGroupCount[p]
                        for j in blockStart[a]..<blockStart[a + 1] {
                            // j's triplets and their R_jk-dependent factors, computed just now or by the
                            // forward pass, are read back in the layout they were written.
                            if !replaying {
                                writeTriplets(of: j, partners: a == b ? j + 1 : blockStart[b], to: blockStart[b + 1],
                                              groups: UnsafeBufferPointer(rebasing: groups[g0..<g1]), cutoffs: cutoffs,
                                              everything: hasWide, reach2: narrowReach2, baseEta: baseEta, at: cursor)
                            }
                            let triplets = Int(tripletCache[cursor])
                            let partners = UnsafePointer(tripletCache + cursor + 1)
                            cursor += 1 + columns * triplets
                            if triplets == 0 { continue }
                            let block = TripletBlock(j: j, count: triplets, rij: distance[j], partners: partners,
                                                     rjk: partners + triplets, cosine: partners + 2 * triplets,
                                                     distance: distance)
                            // Groups run one after another over all k; each triplet's sums still add the
                            // groups in the same order, and each G_s still adds the triplets in order.
                            var narrowColumn = partners + 3 * triplets
                            for gi in g0..<g1 {
                                let group = groups[gi]
                                let column = narrowColumn
                                if group.narrow { narrowColumn += 3 * triplets }
                                let q = Int(group.radius), gaussianIndex = Int(group.gaussian)
                                let fij = cutoffValue[j * rs + q]
                                if fij == 0 { continue }
                                let terms = GroupTerms(
                                    group: group, fij: fij, dfij: cutoffSlope[j * rs + q],
                                    weightedGaussian: group.weight * gaussian[j * gs + gaussianIndex],
                                    cutoffValue: cutoffValue + q, cutoffSlope: cutoffSlope + q,
                                    gaussian: gaussian + gaussianIndex, radiusStride: rs, gaussianStride: gs,
                                    x: column, fjk: column + triplets, dfjk: column + 2 * triplets)
                                let list = UnsafeBufferPointer(start: members.baseAddress! + group.members.lowerBound,
                                                               count: group.members.count)
                                visitor.group(terms, members: list, triplets: block)
                            }
                            visitor.endTriplets(block)
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
        var visitor = DescriptorAccumulator(g: g, products: tripletScratch + 4 * capacity)
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
    /// Per triplet of the current group: its cutoff-weighted Gaussian product, 0 when skipped.
    let products: UnsafeMutablePointer<Double>

    @inline(__always)
    mutating func radial(_ term: DescriptorPlan.RadialTerm, neighbor j: Int, gaussian: Double,
                         cutoff: Double, cutoffSlope: Double, distance r: Double) {
        g[Int(term.function)] += term.weight * gaussian * cutoff
    }

    @inline(__always) mutating func endNeighbor(_ j: Int) {}

    /// Not inlined: a loop over k with its own registers, called once per neighbour and group.
    @inline(never)
    mutating func group(_ terms: GroupTerms, members: UnsafeBufferPointer<DescriptorPlan.AngularMember>,
                        triplets b: TripletBlock) {
        var t = 0
        while t < b.count {
            let u = b.partnerLane(t)
            let c = terms.lanes(t, u, b)
            let product = (c.e * terms.fij * c.fik * c.fjk).zeroed(where: c.skip)
            products[t] = product[0]
            if u > t { products[u] = product[1] }
            t += 2
        }
        // A member's sum runs in a register over k: the same additions in the same order as adding to
        // G_s in memory triplet by triplet. A skipped or zero product adds +0, which changes no bit (the
        // sum starts at +0 and so is never -0). Members go two at a time, sharing the loads.
        @inline(__always) func contribution(_ member: DescriptorPlan.AngularMember, _ base: Lanes, _ cosine: Lanes) -> Lanes {
            let pl = 1 + member.lambda * cosine
            let (p, _) = angularPower(pl, zeta: member.zeta, integer: member.integerZeta)
            return (member.norm * p * base).zeroed(where: (pl .<= 0) .| (base .== 0))
        }
        var m = 0
        while m < members.count {
            let first = members[m]
            let paired = m + 1 < members.count
            let second = members[paired ? m + 1 : m]
            var sumFirst = g[Int(first.function)], sumSecond = g[Int(second.function)]
            var t = 0
            while t < b.count {
                let u = b.partnerLane(t)
                let base = Lanes(products[t], u > t ? products[u] : 0)
                let cosine = TripletBlock.load(b.cosine, t, u)
                let a = contribution(first, base, cosine)
                sumFirst += a[0]
                sumFirst += a[1]
                if paired {
                    let c = contribution(second, base, cosine)
                    sumSecond += c[0]
                    sumSecond += c[1]
                }
                t += 2
            }
            g[Int(first.function)] = sumFirst
            if paired { g[Int(second.function)] = sumSecond }
            m += 2
        }
    }

    @inline(__always) mutating func endTriplets(_ triplets: TripletBlock) {}
}

/// The backward pass: with ω_s = dE/dG_s, accumulates dE/dr for the neighbours (into `gradient`) and
/// for the centre, from scalar derivatives dE/dR_ij, dE/dR_ik, dE/dR_jk, dE/dcos θ per pair or triplet.
struct GradientAccumulator: NeighborhoodVisitor {
    let weights: UnsafePointer<Double>
    let dx: UnsafeMutablePointer<Double>, dy: UnsafeMutablePointer<Double>, dz: UnsafeMutablePointer<Double>
    let gradient: UnsafeMutablePointer<Vector3>
    var centerGradient = Vector3.zero
    private var dRadial = 0.0
    /// Per triplet of the current neighbour j: dE/dR_ij, dE/dR_ik, dE/dR_jk and dE/dcos θ, summed over
    /// the groups in their order, then turned into gradients by ``endTriplets(_:)``.
    private let dRij: UnsafeMutablePointer<Double>, dRik: UnsafeMutablePointer<Double>
    private let dRjk: UnsafeMutablePointer<Double>, dCos: UnsafeMutablePointer<Double>

    /// Per angular member m of the species (this atom's ω): ω_s·2^{1-ζ} and ω_s·2^{1-ζ}·ζ·λ, the factors of
    /// (1 + λ cos θ)^ζ and of (1 + λ cos θ)^{ζ-1} in dE/dG·dG/dcos θ, formed once per atom instead of
    /// once per triplet (the same products in the same order).
    let memberWeight: UnsafePointer<Double>, memberSlope: UnsafePointer<Double>

    /// `scratch` holds 4 columns of the workspace's capacity.
    init(weights: UnsafePointer<Double>, dx: UnsafeMutablePointer<Double>, dy: UnsafeMutablePointer<Double>,
         dz: UnsafeMutablePointer<Double>, gradient: UnsafeMutablePointer<Vector3>,
         memberWeight: UnsafePointer<Double>, memberSlope: UnsafePointer<Double>,
         scratch: UnsafeMutablePointer<Double>, capacity: Int) {
        self.weights = weights; self.dx = dx; self.dy = dy; self.dz = dz; self.gradient = gradient
        self.memberWeight = memberWeight; self.memberSlope = memberSlope
        dRij = scratch; dRik = scratch + capacity; dRjk = scratch + 2 * capacity; dCos = scratch + 3 * capacity
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

    /// Not inlined: a loop over k with its own registers, called once per neighbour and group.
    @inline(never)
    mutating func group(_ terms: GroupTerms, members: UnsafeBufferPointer<DescriptorPlan.AngularMember>,
                        triplets b: TripletBlock) {
        let group = terms.group
        let first = group.members.lowerBound
        let twoEta = 2 * group.eta
        let radialIJ = twoEta * (b.rij - group.shift)
        var t = 0
        while t < b.count {
            let u = b.partnerLane(t)
            let c = terms.lanes(t, u, b)
            let cosine = TripletBlock.load(b.cosine, t, u)
            var sumP = Lanes.zero, sumD = Lanes.zero
            for (m, member) in members.enumerated() {
                // A zero factor adds ±0 to sums that start at +0 and so changes no bit: skipping it is exact.
                let wn = memberWeight[first + m]
                if wn == 0 { continue }
                let pl = 1 + member.lambda * cosine
                let (p, pMinus1) = angularPower(pl, zeta: member.zeta, integer: member.integerZeta)
                let outside = pl .<= 0
                sumP += (wn * p).zeroed(where: outside)
                sumD += (memberSlope[first + m] * pMinus1).zeroed(where: outside)
            }
            // f = f_c(R_ij) f_c(R_ik) f_c(R_jk) and its partial products. A lane whose sums are zero adds
            // ±0 below, exactly what skipping it would leave; a skipped lane adds +0.
            let fijk = terms.fij * c.fik
            let f = fijk * c.fjk
            let fRij = terms.dfij * c.fik * c.fjk
            let fRik = terms.fij * c.dfik * c.fjk
            let es = c.e * sumP
            let rik = Lanes(b.distance[b.partner(t)], b.distance[b.partner(u)])
            // term + sum is sum + term bit for bit (IEEE addition commutes): the scalar loop's sums.
            @inline(__always) func add(_ terms: Lanes, to column: UnsafeMutablePointer<Double>) {
                column[t] = terms[0] + column[t]
                if u > t { column[u] = terms[1] + column[u] }
            }
            add((es * (fRij - radialIJ * f)).zeroed(where: c.skip), to: dRij)
            add((es * (fRik - twoEta * (rik - group.shift) * f)).zeroed(where: c.skip), to: dRik)
            add((c.e * sumD * f).zeroed(where: c.skip), to: dCos)
            if group.narrow {
                add((es * (fijk * c.dfjk - twoEta * (TripletBlock.load(b.rjk, t, u) - group.shift) * f))
                    .zeroed(where: c.skip), to: dRjk)
            }
            t += 2
        }
    }

    /// Turns neighbour j's per-triplet derivatives into gradients of j, k and the centre, and clears them.
    @inline(__always)
    mutating func endTriplets(_ b: TripletBlock) {
        let j = b.j
        let u = Vector3(dx[j], dy[j], dz[j])
        var gradientJ = gradient[j]
        for t in 0..<b.count {
            let dRij = self.dRij[t], dRik = self.dRik[t], dRjk = self.dRjk[t], dCos = self.dCos[t]
            self.dRij[t] = 0; self.dRik[t] = 0; self.dRjk[t] = 0; self.dCos[t] = 0
            if dRij == 0 && dRik == 0 && dRjk == 0 && dCos == 0 { continue }
            let k = b.partner(t)
            let cosine = b.cosine[t], rik = b.distance[k], rjk = b.rjk[t]
            let v = Vector3(dx[k], dy[k], dz[k])
            // The six divisions go two at a time (each lane is the same IEEE division as a scalar one, so
            // the bits do not change; a division is the slowest operation of the triplet).
            let radial = SIMD2(dRij, dRik) / SIMD2(b.rij, rik)
            let dCosCos = dCos * cosine
            let angular = SIMD2(dCosCos, dCosCos) / SIMD2(b.rij * b.rij, rik * rik)
            let rest = SIMD2(1, dRjk) / SIMD2(b.rij * rik, rjk)
            let inverseProduct = rest[0]
            // ∂cos/∂u = v/(R_ij R_ik) - cos u/R_ij², and symmetrically for v.
            let dU = (radial[0] - angular[0]) * u + (dCos * inverseProduct) * v
            let dV = (radial[1] - angular[1]) * v + (dCos * inverseProduct) * u
            let dW = rjk > 0 ? rest[1] * (v - u) : .zero
            gradientJ += dU - dW
            gradient[k] += dV + dW
            centerGradient -= dU + dV
        }
        gradient[j] = gradientJ
    }
}
