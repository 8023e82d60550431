extension SymmetryFunction {
    /// Which of the two unweighted angular functions: `narrow` (G4, n2p2 type 3) counts an angle j–i–k
    /// only when j and k are also within r_c of each other (its f_c(R_jk) factor); `wide` (G5, n2p2
    /// type 9) counts every pair of neighbours of i. In diamond silicon with r_c = 3.77 Å the
    /// neighbours of an atom are a/√2 = 3.84 Å apart, so only the wide form sees its bond angles.
    public enum AngularForm: String, Sendable, Hashable, CaseIterable {
        case narrow, wide
    }

    /// The angular function of `form` with parameters `p` (η in 1/length², ζ, λ, r_s and r_c in length).
    public static func angular(_ p: Angular, form: AngularForm) -> SymmetryFunction {
        switch form {
        case .narrow: .narrowAngular(p)
        case .wide: .wideAngular(p)
        }
    }

    /// The form of a narrow or wide angular function; nil for every other kind (radial, weighted,
    /// polynomial).
    public var angularForm: AngularForm? {
        switch self {
        case .narrowAngular: .narrow
        case .wideAngular: .wide
        default: nil
        }
    }

    /// This function in `form`, same η, ζ, λ, r_s and r_c, if it is a narrow or wide angular function;
    /// any other function unchanged.
    public func inAngularForm(_ form: AngularForm) -> SymmetryFunction {
        switch self {
        case .narrowAngular(let p), .wideAngular(let p): .angular(p, form: form)
        default: self
        }
    }
}
