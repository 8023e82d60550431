import Foundation
import Geometry

/// Extended XYZ in the ASE convention: per frame, an atom count, a comment line of `key=value`
/// pairs, then one line per atom with the columns named by `Properties=`.
///
///     2
///     Lattice="5.43 0 0 0 5.43 0 0 0 5.43" Properties=species:S:1:pos:R:3:forces:R:3 energy=-8.6 pbc="T T T"
///     Si 0.0 0.0 0.0 0.1 0.0 0.0
///     Si 1.3575 1.3575 1.3575 -0.1 0.0 0.0
///
/// Units (ASE's): positions Å, `energy` eV, `forces` eV/Å, `masses` amu, `momenta` amu·Å per ASE
/// time unit (Å·√(amu/eV) ≈ 10.18 fs). Reading also accepts libAtoms' `velo` (Å/fs) and `Z`.
/// A frame without `Lattice=` (or with `pbc="F F F"`) is a free cluster. Partial periodicity is
/// not supported.
public enum ExtendedXYZ {
    /// One ASE time unit, Å·√(amu/eV), in fs: ASE momenta are mass × velocity in Å per this unit.
    public static let aseTimeUnit = 1 / MetalUnits.accelerationPerForceOverMass.squareRoot()

    /// Reads every frame of an extended XYZ file (a trajectory has several).
    public static func read(_ url: URL) throws -> [LabelledStructure] {
        try parse(SourceLines.read(url))
    }

    /// Parses extended XYZ text; `file` names it in error messages.
    public static func parse(_ text: String, file: String = "structure.xyz") throws -> [LabelledStructure] {
        try parse(SourceLines(text: text, file: file))
    }

    static func parse(_ source: SourceLines) throws -> [LabelledStructure] {
        var frames: [LabelledStructure] = []
        var index = 0
        while index < source.count {
            let header = source[index].trimmingCharacters(in: .whitespaces)
            if header.isEmpty { index += 1; continue }
            guard let count = Int(header) else {
                let problem = frames.isEmpty ? "expected the atom count"
                    : "expected the atom count of the next frame (does the previous count match its atom lines?)"
                throw source.error(at: index, problem, header)
            }
            guard count > 0 else { throw source.error(at: index, "the atom count must be positive", header) }
            frames.append(try frame(source, countLine: index, count: count))
            index += count + 2
        }
        if frames.isEmpty {
            throw StructureFileError(file: source.file, line: 0, problem: "no frame found", value: "")
        }
        return frames
    }

    /// The frame whose atom count `count` is on line `countLine`.
    private static func frame(_ source: SourceLines, countLine: Int, count: Int) throws -> LabelledStructure {
        let infoLine = countLine + 1
        // Compare with the lines left before any arithmetic on `count` (it may be 2⁶³ − 1).
        let available = max(0, source.count - infoLine - 1)
        guard count <= available else {
            throw source.error(at: source.count - 1, "file ends after \(available) of the \(count) atoms announced on line \(countLine + 1)",
                               "\(count)")
        }
        let lastLine = countLine + 1 + count
        guard let pairs = keyValuePairs(source[infoLine]) else {
            throw source.error(at: infoLine, "unterminated quote or brace in the comment line", source[infoLine])
        }
        let info = FrameInfo(pairs)
        let cell = try info.cell(source, line: infoLine)
        let columns = try Columns(info.properties ?? "species:S:1:pos:R:3", source: source, line: infoLine)

        var elements: [Element] = [], positions: [Vector3] = [], forces: [Vector3] = []
        var masses: [Double] = [], velocities: [Vector3] = []
        elements.reserveCapacity(count); positions.reserveCapacity(count)
        for line in (infoLine + 1)...lastLine {
            let fields = source[line].split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= columns.fieldCount else {
                throw source.error(at: line, "expected \(columns.fieldCount) fields (\(columns.spec)), found \(fields.count)",
                                   source[line])
            }
            let element = try columns.element(fields, source: source, line: line)
            elements.append(element)
            positions.append(try columns.vector(columns.position, fields, source: source, line: line,
                                                magnitudeAtMost: SourceLines.largestCoordinate))
            if let f = columns.forces { forces.append(try columns.vector(f, fields, source: source, line: line)) }
            let mass = try columns.masses.map { try source.number(fields[$0.firstField], at: line, $0.name) }
                ?? element.standardMass
            guard mass > 0, mass <= 1e6 else { throw source.error(at: line, "mass must be positive and at most 1e6 amu", "\(mass)") }
            masses.append(mass)
            if let p = columns.momenta {
                velocities.append(try columns.vector(p, fields, source: source, line: line) / (mass * aseTimeUnit))
            } else if let v = columns.velocities {
                velocities.append(try columns.vector(v, fields, source: source, line: line))
            }
            // 10 Å/fs is 1000 km/s, twenty times a hydrogen atom's thermal speed at 100 000 K.
            if let v = velocities.last, !(abs(v.x) <= 10 && abs(v.y) <= 10 && abs(v.z) <= 10) {
                throw source.error(at: line, "velocity beyond 10 Å/fs", "\(v.x) \(v.y) \(v.z)")
            }
        }
        let system = try AtomicSystem(elements: elements, positions: positions,
                                      velocities: velocities.isEmpty ? nil : velocities, masses: masses, cell: cell)
        let energy = try info.energy.map { try source.number(Substring($0), at: infoLine, "energy") }
        return LabelledStructure(system: system, energy: energy, forces: columns.forces == nil ? nil : forces,
                                 comment: info.comment ?? "", atomLines: Array((infoLine + 2)...(lastLine + 1)))
    }
}

/// The keys of a comment line that NNPLab understands (matched case-insensitively).
private struct FrameInfo {
    var lattice: String?, properties: String?, pbc: String?, energy: String?, comment: String?

    init(_ pairs: [(key: String, value: String)]) {
        for (key, value) in pairs {
            switch key.lowercased() {
            case "lattice": lattice = value
            case "properties": properties = value
            case "pbc": pbc = value
            case "energy": energy = value
            case "comment": comment = value
            default: break
            }
        }
    }

    /// The periodic cell, or nil for a free cluster (no `Lattice`, or `pbc="F F F"`).
    func cell(_ source: SourceLines, line: Int) throws -> Cell? {
        let periodic = try pbc.map { try Self.periodicity($0, source: source, line: line) } ?? (lattice != nil)
        guard periodic else { return nil }
        guard let lattice else { throw source.error(at: line, "pbc is true but there is no Lattice", pbc ?? "") }
        let tokens = lattice.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard tokens.count == 9 else { throw source.error(at: line, "Lattice needs 9 numbers", lattice) }
        let x = try tokens.map { try source.number($0, at: line, "Lattice component", magnitudeAtMost: SourceLines.largestCoordinate) }
        guard let cell = Cell(a: Vector3(x[0], x[1], x[2]), b: Vector3(x[3], x[4], x[5]), c: Vector3(x[6], x[7], x[8])) else {
            throw source.error(at: line, "Lattice vectors are coplanar", lattice)
        }
        return cell
    }

    /// True for `T T T`, false for `F F F`; partial periodicity is an error.
    static func periodicity(_ value: String, source: SourceLines, line: Int) throws -> Bool {
        let flags = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.lowercased() }
        let trues = flags.filter { ["t", "true", "1"].contains($0) }.count
        let falses = flags.filter { ["f", "false", "0"].contains($0) }.count
        if flags.count == 3 && trues == 3 { return true }
        if flags.count == 3 && falses == 3 { return false }
        throw source.error(at: line, "pbc must be \"T T T\" or \"F F F\" (partial periodicity is not supported)", value)
    }
}
