#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small, fast, seedable random number generator (xoshiro256**, seeded through SplitMix64).
///
/// The same seed gives the same sequence on every machine and Swift version, which is what makes
/// NNPLab's trajectories, training runs and shipped models reproducible bit for bit. (The standard
/// library's generator is not seedable.)
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    private var s: (UInt64, UInt64, UInt64, UInt64)
    /// A cached second normal deviate from the Box-Muller pair.
    private var spareNormal: Double?

    public init(seed: UInt64) {
        var z = seed
        func splitMix() -> UInt64 {
            z &+= 0x9E37_79B9_7F4A_7C15
            var x = z
            x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
            x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
            return x ^ (x >> 31)
        }
        s = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    public mutating func next() -> UInt64 {
        let result = rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0; s.3 ^= s.1; s.1 ^= s.2; s.0 ^= s.3
        s.2 ^= t
        s.3 = rotl(s.3, 45)
        return result
    }

    /// A uniform deviate in [0, 1) with 53 random bits.
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A standard normal deviate (mean 0, variance 1), by the Box-Muller transform.
    public mutating func normal() -> Double {
        if let spare = spareNormal { spareNormal = nil; return spare }
        var u = uniform()
        while u <= 0 { u = uniform() }
        let v = uniform()
        let r = (-2 * log(u)).squareRoot()
        let angle = 2 * Double.pi * v
        spareNormal = r * sin(angle)
        return r * cos(angle)
    }

    /// Three independent standard normal deviates.
    public mutating func normalVector() -> Vector3 { Vector3(normal(), normal(), normal()) }

    public static func == (a: Self, b: Self) -> Bool {
        a.s == b.s && a.spareNormal == b.spareNormal
    }
    public func hash(into h: inout Hasher) { h.combine(s.0); h.combine(s.1); h.combine(s.2); h.combine(s.3) }
}

@inline(__always) private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
