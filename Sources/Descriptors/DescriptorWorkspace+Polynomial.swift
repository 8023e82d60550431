import Foundation
import Geometry

/// A polynomial symmetry function (n2p2 types 20-25) compiled for one central species: its output index,
/// neighbour species and precomputed compact-function constants.
struct PolynomialTerm: Sendable {
    var function: Int32
    var kind: PolynomialSymmetryFunction.Kind
    /// Species indices of the named neighbour elements (-1 when the kind names none).
    var first: Int, second: Int
    var core: PolynomialSymmetryFunction.Core
    var asymmetric: Bool
    var lower: Double, cutoff: Double
    /// r_l² when r_l > 0 (else 0) and r_c²: the R_jk range of narrow functions.
    var lowerSquared: Double, cutoffSquared: Double
    var radialCentre: Double, radialScale: Double
    /// Angular support in radians and its compact-function constants.
    var angleLeft: Double, angleRight: Double
    var angleCentre: Double, angleScale: Double

    init(_ p: PolynomialSymmetryFunction, function: Int32, speciesOf index: (Element) -> Int) {
        self.function = function
        kind = p.kind
        first = p.elements.first.map(index) ?? -1
        second = p.elements.count > 1 ? index(p.elements[1]) : first
        core = p.core
        asymmetric = p.asymmetric
        lower = p.lower; cutoff = p.cutoff
        lowerSquared = p.lower > 0 ? p.lower * p.lower : 0
        cutoffSquared = p.cutoff * p.cutoff
        radialCentre = (p.cutoff + p.lower) / 2
        radialScale = 1 / ((p.cutoff - p.lower) / 2)
        // Degrees to radians as n2p2 converts them, so the support ends fall on the same doubles.
        angleLeft = p.angleLeft * Double.pi / 180
        angleRight = p.angleRight * Double.pi / 180
        angleCentre = (angleLeft + angleRight) / 2
        angleScale = 1 / ((angleRight - angleLeft) / 2)
    }

    @inline(__always) func radial(_ r: Double) -> (Double, Double) {
        PolynomialSymmetryFunction.compact(r, centre: radialCentre, scale: radialScale, core: core, asymmetric: asymmetric)
    }

    /// Whether neighbours of species a and b (a ≤ b) form a pair this function counts.
    @inline(__always) func counts(_ a: Int, _ b: Int) -> Bool {
        kind.isWeighted || (a == min(first, second) && b == max(first, second))
    }
}

/// One angular term of a triplet and its derivatives with respect to u = r_j - r_i and v = r_k - r_i.
private struct PolynomialTriplet {
    var value: Double
    var du: Vector3
    var dv: Vector3
}

extension DescriptorWorkspace {
    /// Adds the loaded atom's polynomial functions to g (unscaled).
    func addPolynomialDescriptors(into g: UnsafeMutablePointer<Double>) {
        let z = plan.atomicNumbers
        for term in plan.species[centerSpecies].polynomials {
            var sum = 0.0
            if term.kind.isAngular {
                forEachPair(term) { j, k, a, b in
                    if let t = polynomialTriplet(term, j, k, derivatives: false) {
                        sum += (term.kind.isWeighted ? z[a] * z[b] : 1) * t.value
                    }
                }
            } else {
                forEachNeighbor(term) { j, a in
                    let r = distance[j]
                    if r > term.lower && r < term.cutoff {
                        sum += (term.kind.isWeighted ? z[a] : 1) * term.radial(r).0
                    }
                }
            }
            g[Int(term.function)] += sum
        }
    }

    /// Adds ω·∂G/∂r of the loaded atom's polynomial functions to the neighbours' `gradient` and returns
    /// the centre's share (ω = dE/dG of unscaled functions).
    func addPolynomialGradients(weights: UnsafePointer<Double>) -> Vector3 {
        let z = plan.atomicNumbers
        var centre = Vector3.zero
        for term in plan.species[centerSpecies].polynomials {
            let w = weights[Int(term.function)]
            if w == 0 { continue }
            if term.kind.isAngular {
                forEachPair(term) { j, k, a, b in
                    guard let t = polynomialTriplet(term, j, k, derivatives: true) else { return }
                    let s = w * (term.kind.isWeighted ? z[a] * z[b] : 1)
                    gradient[j] += s * t.du
                    gradient[k] += s * t.dv
                    centre -= s * (t.du + t.dv)
                }
            } else {
                forEachNeighbor(term) { j, a in
                    let r = distance[j]
                    guard r > term.lower && r < term.cutoff else { return }
                    let s = w * (term.kind.isWeighted ? z[a] : 1) * term.radial(r).1 / r
                    let d = Vector3(s * dx[j], s * dy[j], s * dz[j])
                    gradient[j] += d
                    centre -= d
                }
            }
        }
        return centre
    }

    /// Neighbours the radial `term` looks at: its element's block, or every neighbour when weighted.
    @inline(__always)
    private func forEachNeighbor(_ term: PolynomialTerm, _ body: (_ j: Int, _ species: Int) -> Void) {
        for a in 0..<plan.speciesCount where term.kind.isWeighted || a == term.first {
            for j in blockStart[a]..<blockStart[a + 1] { body(j, a) }
        }
    }

    /// Every unordered neighbour pair j < k (by species block) the angular `term` counts.
    @inline(__always)
    private func forEachPair(_ term: PolynomialTerm, _ body: (_ j: Int, _ k: Int, _ a: Int, _ b: Int) -> Void) {
        for a in 0..<plan.speciesCount {
            for b in a..<plan.speciesCount where term.counts(a, b) {
                for j in blockStart[a]..<blockStart[a + 1] {
                    let rij = distance[j]
                    if !(rij > term.lower && rij < term.cutoff) { continue }
                    for k in (a == b ? j + 1 : blockStart[b])..<blockStart[b + 1] { body(j, k, a, b) }
                }
            }
        }
    }

    /// A(θ) R(R_ij) R(R_ik) [R(R_jk)] for triplet (j, k), nil when it lies outside the support; with
    /// `derivatives`, also its gradients with respect to u = r_j - r_i and v = r_k - r_i.
    @inline(__always)
    private func polynomialTriplet(_ term: PolynomialTerm, _ j: Int, _ k: Int, derivatives: Bool) -> PolynomialTriplet? {
        let rij = distance[j], rik = distance[k]
        guard rik > term.lower && rik < term.cutoff else { return nil }
        let u = Vector3(dx[j], dy[j], dz[j]), v = Vector3(dx[k], dy[k], dz[k])
        let w = v - u
        var fjk = 1.0, dfjk = 0.0, rjk = 0.0
        if term.kind.isNarrow {
            let rjk2 = (w * w).sum()
            if rjk2 >= term.cutoffSquared || rjk2 <= term.lowerSquared { return nil }
            rjk = rjk2.squareRoot()
            (fjk, dfjk) = term.radial(rjk)
        }
        let cosine = (u * v).sum() / (rij * rik)
        // The functions vanish at 0° and 180° by construction; acos' slope is infinite there.
        if cosine <= -1 || cosine >= 1 { return nil }
        let theta = Foundation.acos(cosine)
        if theta < term.angleLeft || theta > term.angleRight { return nil }
        let (angle, dAngle) = PolynomialSymmetryFunction.compact(theta, centre: term.angleCentre, scale: term.angleScale,
                                                                 core: term.core, asymmetric: false)
        let (fij, dfij) = term.radial(rij), (fik, dfik) = term.radial(rik)
        let radial = fij * fik * fjk
        guard derivatives else { return PolynomialTriplet(value: angle * radial, du: .zero, dv: .zero) }
        // dV/dcos = A'(θ) dθ/dcos · R R R, dθ/dcos = -1/√(1 - cos²);
        // ∂cos/∂u = v/(R_ij R_ik) - cos u/R_ij², ∂cos/∂v symmetrically; ∂R_jk/∂u = -w/R_jk.
        let dCos = -dAngle / (1 - cosine * cosine).squareRoot() * radial
        let inverseProduct = 1 / (rij * rik)
        var du = (dCos * inverseProduct) * v + (angle * dfij * fik * fjk / rij - dCos * cosine / (rij * rij)) * u
        var dv = (dCos * inverseProduct) * u + (angle * fij * dfik * fjk / rik - dCos * cosine / (rik * rik)) * v
        if term.kind.isNarrow {
            let dw = (angle * fij * fik * dfjk / rjk) * w
            du -= dw
            dv += dw
        }
        return PolynomialTriplet(value: angle * radial, du: du, dv: dv)
    }
}
