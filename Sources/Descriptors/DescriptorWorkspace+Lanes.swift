import Foundation

/// Two triplets at a time: the group loops run on pairs of lanes (SSE2 registers hold two doubles), and
/// each lane performs exactly the IEEE operations a scalar loop would, so the bits do not change.
typealias Lanes = SIMD2<Double>

extension TripletBlock {
    /// The second lane of the pair starting at triplet t: t + 1, or t itself at an odd end (then that
    /// lane is a copy whose terms ``GroupTerms/lanes(_:_:_:)`` marks skipped).
    @inline(__always) func partnerLane(_ t: Int) -> Int { t + 1 < count ? t + 1 : t }

    /// A column's values of triplets t and u.
    @inline(__always) static func load(_ column: UnsafePointer<Double>, _ t: Int, _ u: Int) -> Lanes {
        Lanes(column[t], column[u])
    }
}

extension GroupTerms {
    /// Triplets t and u of this group (u = t marks the second lane unused): e = weight·Gaussian product
    /// (times x when narrow), the cutoffs of R_ik and R_jk (1 and 0 for a wide group), and which lanes
    /// to skip (a cutoff is zero, or the lane is unused). Skipped lanes carry finite values.
    @inline(__always)
    func lanes(_ t: Int, _ u: Int, _ b: TripletBlock)
        -> (e: Lanes, fik: Lanes, dfik: Lanes, fjk: Lanes, dfjk: Lanes, skip: SIMDMask<SIMD2<Int64>>) {
        let k0 = b.partner(t), k1 = b.partner(u)
        let fik = Lanes(cutoffValue[k0 * radiusStride], cutoffValue[k1 * radiusStride])
        let dfik = Lanes(cutoffSlope[k0 * radiusStride], cutoffSlope[k1 * radiusStride])
        var e = weightedGaussian * Lanes(gaussian[k0 * gaussianStride], gaussian[k1 * gaussianStride])
        var fjk = Lanes(repeating: 1), dfjk = Lanes.zero
        if group.narrow {
            fjk = TripletBlock.load(self.fjk, t, u)
            dfjk = TripletBlock.load(self.dfjk, t, u)
            e *= TripletBlock.load(x, t, u)
        }
        var skip = (fik .== 0) .| (fjk .== 0)
        if u == t { skip[1] = true }
        return (e, fik, dfik, fjk, dfjk, skip)
    }
}

/// (1 + λc)^ζ and (1 + λc)^{ζ-1} of two lanes (the caller multiplies the latter by ζλ), by repeated
/// products when ζ is an integer (`integer` ≥ 1), else by pow.
@inline(__always)
func angularPower(_ base: Lanes, zeta: Double, integer: Int32) -> (value: Lanes, derivativeFactor: Lanes) {
    // 1·b = b exactly, so the products 1·b·b·… of the loop start at b: the common small ζ are spelled
    // out (no loop control in the hot loops), the same products in the same order.
    switch integer {
    case 1: return (base, Lanes(repeating: 1))
    case 2: return (base * base, base)
    case 3: let p = base * base; return (p * base, p)
    case 4: let p = base * base * base; return (p * base, p)
    default: break
    }
    if integer >= 1 {
        var p = base
        var k = integer - 2
        while k > 0 { p *= base; k -= 1 }
        return (p * base, p)
    }
    let p = Lanes(Foundation.pow(base[0], zeta - 1), Foundation.pow(base[1], zeta - 1))
    return (p * base, p)
}

extension SIMD2 where Scalar == Double {
    /// These lanes with those of `mask` set to +0, by a bitwise and with the mask (a select would be
    /// compiled to a branch per lane and break the pair apart). Any value, NaN included, becomes +0.
    @inline(__always)
    func zeroed(where mask: SIMDMask<SIMD2<Int64>>) -> Self {
        let bits = unsafeBitCast(self, to: SIMD2<Int64>.self) & ~unsafeBitCast(mask, to: SIMD2<Int64>.self)
        return unsafeBitCast(bits, to: Self.self)
    }
}
