import Geometry

extension ExtendedXYZ {
    /// Where the columns NNPLab reads sit on an atom line, from `Properties=`.
    struct Columns {
        let spec: String
        let fieldCount: Int
        let species: Property?, atomicNumber: Property?, position: Property
        let forces: Property?, masses: Property?, momenta: Property?, velocities: Property?

        init(_ spec: String, source: SourceLines, line: Int) throws {
            guard let all = ExtendedXYZ.properties(spec) else {
                throw source.error(at: line, "Properties is not a list of name:type:count", spec)
            }
            func find(_ names: [String], type: Character, count: Int) throws -> Property? {
                guard let p = all.first(where: { names.contains($0.name) }) else { return nil }
                guard p.type == type, p.count == count else {
                    throw source.error(at: line, "property \(p.name) must be \(type):\(count)", spec)
                }
                return p
            }
            self.spec = spec
            fieldCount = all.last.map { $0.firstField + $0.count } ?? 0
            species = try find(["species"], type: "S", count: 1)
            atomicNumber = try find(["Z"], type: "I", count: 1)
            guard let pos = try find(["pos", "positions"], type: "R", count: 3) else {
                throw source.error(at: line, "Properties has no pos:R:3", spec)
            }
            guard species != nil || atomicNumber != nil else {
                throw source.error(at: line, "Properties has neither species:S:1 nor Z:I:1", spec)
            }
            position = pos
            forces = try find(["forces", "force"], type: "R", count: 3)
            masses = try find(["masses", "mass"], type: "R", count: 1)
            momenta = try find(["momenta"], type: "R", count: 3)
            velocities = try find(["velo", "velocities", "vel"], type: "R", count: 3)
        }

        func element(_ fields: [Substring], source: SourceLines, line: Int) throws -> Element {
            if let species { return try source.element(fields[species.firstField], at: line) }
            let token = atomicNumber.map { fields[$0.firstField] } ?? ""
            guard let z = Int(token), let e = Element(atomicNumber: z) else {
                throw source.error(at: line, "unknown atomic number", token)
            }
            return e
        }

        func vector(_ p: Property, _ fields: [Substring], source: SourceLines, line: Int,
                    magnitudeAtMost bound: Double = .greatestFiniteMagnitude) throws -> Vector3 {
            let k = p.firstField
            return Vector3(try source.number(fields[k], at: line, p.name, magnitudeAtMost: bound),
                           try source.number(fields[k + 1], at: line, p.name, magnitudeAtMost: bound),
                           try source.number(fields[k + 2], at: line, p.name, magnitudeAtMost: bound))
        }
    }
}
