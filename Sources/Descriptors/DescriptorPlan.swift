import Foundation
import Geometry

/// A symmetry-function set compiled for fast evaluation (LAMMPS style: constants precomputed per
/// central element, neighbour element and element pair).
///
/// Work is shared wherever functions share parameters: the cutoff f_c(r) is computed once per neighbour
/// and distinct radius, each Gaussian exp(-η(r - r_s)²) once per neighbour and distinct (η, r_s), and
/// angular functions are grouped by (η, r_s, r_c, kind) so a triplet pays one exponential per group,
/// while the members of a group (different λ, ζ) only pay for (1 + λ cos θ)^ζ.
struct DescriptorPlan: Sendable {
    struct RadialTerm: Sendable {
        var function: Int32
        var gaussian: Int32
        var radius: Int32
        /// 1, or the neighbour's atomic number Z for weighted functions.
        var weight: Double
        var eta: Double
        var shift: Double
    }

    struct AngularMember: Sendable {
        var function: Int32
        var lambda: Double
        var zeta: Double
        /// ζ when it is an integer (then powers are repeated products), else -1.
        var integerZeta: Int32
        /// 2^{1-ζ}.
        var norm: Double
    }

    struct AngularGroup: Sendable {
        var gaussian: Int32
        var radius: Int32
        /// Narrow functions include the j–k distance in the Gaussian and cutoff.
        var narrow: Bool
        var eta: Double
        var shift: Double
        /// 1, or Z_j Z_k for weighted functions.
        var weight: Double
        var members: Range<Int>
        /// k ≥ 1 when exp(-η R_jk²) = b^k with b = exp(-η_base R_jk²) the pair's base factor (r_s = 0 and
        /// η an integer multiple of η_base): one exponential then serves every such group of a triplet.
        var basePower: Int32 = 0
    }

    /// A class so that taking a species out of the plan in a hot loop costs one retain, not one per array.
    final class Species: Sendable {
        let functionCount: Int
        let cutoffs: [CutoffFunction]
        let maximumCutoff: Double
        /// Distinct (η, r_s) pairs of every Gaussian the species' functions use.
        let gaussians: [(eta: Double, shift: Double)]
        /// Terms for a neighbour of species n: radial[radialStart[n] ..< radialStart[n + 1]].
        let radial: [RadialTerm]
        let radialStart: [Int]
        /// Groups for a neighbour pair of species p = pairIndex(a, b):
        /// angular[angularStart[p] ..< angularStart[p + 1]], sorted by radius so f_c(R_jk) is reused.
        let angular: [AngularGroup]
        let angularStart: [Int]
        let members: [AngularMember]
        /// Largest narrow cutoff for pair p (0 if none): triplets with R_jk beyond every cutoff are skipped.
        let narrowReach: [Double]
        let hasWide: [Bool]
        /// η_base of pair p (0 if no narrow group uses it), see ``AngularGroup/basePower``.
        let baseEta: [Double]
        /// Polynomial functions (types 20-25), evaluated by their own pass.
        let polynomials: [PolynomialTerm]
        /// Narrow groups of pair p: the triplet cache holds 3 values per narrow group and triplet.
        let narrowGroupCount: [Int]
        /// The Gaussians a neighbour of species n needs (radial terms and angular groups):
        /// gaussianList[gaussianListStart[n] ..< gaussianListStart[n + 1]], flat so that the
        /// per-neighbour loop reads one buffer instead of an array per species.
        let gaussianList: [Int32]
        let gaussianListStart: [Int]

        /// Compiles the functions of one central species of `set` (which has `n` species).
        init(compiling functions: [SymmetryFunction], set: SymmetryFunctionSet, speciesCount n: Int) {
            var radii = [Double]()
            var gaussians = [(eta: Double, shift: Double)]()
            func radiusIndex(_ r: Double) -> Int32 {
                if let i = radii.firstIndex(of: r) { return Int32(i) }
                radii.append(r); return Int32(radii.count - 1)
            }
            func gaussianIndex(_ eta: Double, _ shift: Double) -> Int32 {
                if let i = gaussians.firstIndex(where: { $0.eta == eta && $0.shift == shift }) { return Int32(i) }
                gaussians.append((eta, shift)); return Int32(gaussians.count - 1)
            }
            var radial = [[RadialTerm]](repeating: [], count: n)
            var polynomials = [PolynomialTerm]()
            // Angular members collected per (pair, group key) before flattening.
            struct Key: Hashable { var eta: Double; var shift: Double; var radius: Double; var narrow: Bool; var weight: Double }
            var grouped = [[(Key, [AngularMember])]](repeating: [], count: n * n)
            let z = set.elements.map { Double($0.atomicNumber) }
            func index(_ e: Element) -> Int { set.index(of: e) ?? 0 }
            func pair(_ a: Int, _ b: Int) -> Int { DescriptorPlan.pairIndex(a, b, speciesCount: n) }
            func addAngular(_ p: Int, _ key: Key, _ member: AngularMember) {
                if let g = grouped[p].firstIndex(where: { $0.0 == key }) { grouped[p][g].1.append(member) }
                else { grouped[p].append((key, [member])) }
            }
            func member(_ s: Int, lambda: Double, zeta: Double) -> AngularMember {
                let integer = zeta == zeta.rounded() && zeta < 64 ? Int32(zeta) : -1
                return AngularMember(function: Int32(s), lambda: lambda, zeta: zeta, integerZeta: integer,
                                     norm: pow(2, 1 - zeta))
            }
            for (s, f) in functions.enumerated() {
                switch f {
                case .radial(let p):
                    radial[index(p.neighbor)].append(RadialTerm(
                        function: Int32(s), gaussian: gaussianIndex(p.eta, p.shift), radius: radiusIndex(p.cutoff),
                        weight: 1, eta: p.eta, shift: p.shift))
                case .weightedRadial(let p):
                    for m in 0..<n {
                        radial[m].append(RadialTerm(
                            function: Int32(s), gaussian: gaussianIndex(p.eta, p.shift), radius: radiusIndex(p.cutoff),
                            weight: z[m], eta: p.eta, shift: p.shift))
                    }
                case .narrowAngular(let p), .wideAngular(let p):
                    let narrow: Bool
                    if case .narrowAngular = f { narrow = true } else { narrow = false }
                    _ = gaussianIndex(p.eta, p.shift); _ = radiusIndex(p.cutoff)
                    addAngular(pair(index(p.neighbors.first), index(p.neighbors.second)),
                               Key(eta: p.eta, shift: p.shift, radius: p.cutoff, narrow: narrow, weight: 1),
                               member(s, lambda: p.lambda, zeta: p.zeta))
                case .weightedNarrowAngular(let p):
                    _ = gaussianIndex(p.eta, p.shift); _ = radiusIndex(p.cutoff)
                    for a in 0..<n {
                        for b in a..<n {
                            addAngular(pair(a, b), Key(eta: p.eta, shift: p.shift, radius: p.cutoff, narrow: true,
                                                       weight: z[a] * z[b]),
                                       member(s, lambda: p.lambda, zeta: p.zeta))
                        }
                    }
                case .polynomial(let p):
                    polynomials.append(PolynomialTerm(p, function: Int32(s), speciesOf: index))
                }
            }
            var angular = [AngularGroup]()
            var angularStart = [0]
            var members = [AngularMember]()
            var narrowReach = [Double](repeating: 0, count: n * n)
            var hasWide = [Bool](repeating: false, count: n * n)
            for p in 0..<(n * n) {
                for (key, list) in grouped[p].sorted(by: { ($0.0.radius, $0.0.narrow ? 1 : 0) < ($1.0.radius, $1.0.narrow ? 1 : 0) }) {
                    let start = members.count
                    members.append(contentsOf: list)
                    angular.append(AngularGroup(
                        gaussian: gaussianIndex(key.eta, key.shift), radius: radiusIndex(key.radius), narrow: key.narrow,
                        eta: key.eta, shift: key.shift, weight: key.weight, members: start..<members.count))
                    if key.narrow { narrowReach[p] = max(narrowReach[p], key.radius) } else { hasWide[p] = true }
                }
                angularStart.append(angular.count)
            }
            // Narrow unshifted groups whose η is a small integer multiple of the pair's smallest such η share
            // one exponential per triplet.
            var baseEta = [Double](repeating: 0, count: n * n)
            for p in 0..<(n * n) {
                let range = angularStart[p]..<angularStart[p + 1]
                let candidates = range.filter { angular[$0].narrow && angular[$0].shift == 0 && angular[$0].eta > 0 }
                guard let base = candidates.map({ angular[$0].eta }).min() else { continue }
                for g in candidates {
                    let ratio = angular[g].eta / base
                    if ratio <= 32, abs(ratio - ratio.rounded()) < 1e-9 { angular[g].basePower = Int32(ratio.rounded()) }
                }
                baseEta[p] = base
            }
            var radialFlat = [RadialTerm](), radialStart = [0]
            for m in 0..<n { radialFlat.append(contentsOf: radial[m]); radialStart.append(radialFlat.count) }
            let cutoffs = radii.map { set.cutoffFunction(radius: $0) }
            var gaussiansOf = [[Int32]](repeating: [], count: n)
            for m in 0..<n {
                var needed = Set(radialFlat[radialStart[m]..<radialStart[m + 1]].map(\.gaussian))
                for other in 0..<n {
                    let p = pair(m, other)
                    for g in angular[angularStart[p]..<angularStart[p + 1]] { needed.insert(g.gaussian) }
                }
                gaussiansOf[m] = needed.sorted()
            }
            functionCount = functions.count
            self.cutoffs = cutoffs
            maximumCutoff = max(radii.max() ?? 0, polynomials.map(\.cutoff).max() ?? 0)
            self.gaussians = gaussians
            self.radial = radialFlat
            self.radialStart = radialStart
            self.angular = angular
            self.angularStart = angularStart
            self.members = members
            self.narrowReach = narrowReach
            self.hasWide = hasWide
            self.baseEta = baseEta
            self.polynomials = polynomials
            gaussianList = gaussiansOf.flatMap { $0 }
            gaussianListStart = gaussiansOf.reduce(into: [0]) { $0.append($0.last! + $1.count) }
            narrowGroupCount = (0..<angularStart.count - 1).map { p in
                angular[angularStart[p]..<angularStart[p + 1]].count(where: \.narrow)
            }
        }
    }

    let speciesCount: Int
    let atomicNumbers: [Double]
    let species: [Species]
    let maximumCutoff: Double

    /// The index of the unordered neighbour-species pair (a, b) among `n` species: a·n + b with a ≤ b.
    @inline(__always) static func pairIndex(_ a: Int, _ b: Int, speciesCount n: Int) -> Int {
        a <= b ? a * n + b : b * n + a
    }

    @inline(__always) func pairIndex(_ a: Int, _ b: Int) -> Int {
        Self.pairIndex(a, b, speciesCount: speciesCount)
    }

    init(_ set: SymmetryFunctionSet) {
        let n = set.elements.count
        speciesCount = n
        atomicNumbers = set.elements.map { Double($0.atomicNumber) }
        maximumCutoff = set.maximumCutoff
        var all = [Species]()
        for c in 0..<n {
            all.append(Species(compiling: set.functions[c], set: set, speciesCount: n))
        }
        species = all
    }
}

/// b^k for k ≥ 1 by repeated squaring.
@inline(__always)
func integerPower(_ b: Double, _ k: Int32) -> Double {
    var result = 1.0, base = b, e = k
    while e > 0 {
        if e & 1 == 1 { result *= base }
        base *= base
        e >>= 1
    }
    return result
}
