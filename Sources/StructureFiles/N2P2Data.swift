import Foundation
import Geometry

/// Reader for n2p2's `input.data`: one or more configurations, each
///
///     begin
///     comment <free text>
///     lattice ax ay az          (three lines, periodic structures only)
///     atom x y z element charge n fx fy fz
///     energy E
///     charge Q
///     end
///
/// Energies and forces are kept as reference labels. Numbers are in the units of the potential the
/// file belongs to (Bohr and Hartree for the water model, Å and eV for Cu₂S); nothing is converted.
public enum N2P2Data {
    /// Reads every configuration of an `input.data` file.
    public static func read(_ url: URL) throws -> [LabelledStructure] {
        try parse(SourceLines.read(url))
    }

    /// Parses the text of an `input.data` file; `file` names it in error messages.
    public static func parse(_ text: String, file: String = "input.data") throws -> [LabelledStructure] {
        try parse(SourceLines(text: text, file: file))
    }

    static func parse(_ source: SourceLines) throws -> [LabelledStructure] {
        var frames: [LabelledStructure] = []
        var frame: Frame?
        var fields = [Substring]()
        for index in 0..<source.count {
            let line = source[index]
            TextFields.fields(line, into: &fields)
            guard let keyword = fields.first else { continue }
            if keyword == "begin" {
                if frame != nil { throw source.error(at: index, "'begin' before the previous 'end'", line) }
                frame = Frame(beginLine: index)
                continue
            }
            guard var current = frame else {
                throw source.error(at: index, "expected 'begin'", line)
            }
            frame = nil  // `current` now holds the only reference, so appends do not copy.
            switch keyword {
            case "comment":
                let text = line.drop(while: { $0 == " " || $0 == "\t" }).dropFirst("comment".count)
                current.comment = text.trimmingCharacters(in: .whitespaces)
            case "lattice":
                guard fields.count >= 4 else { throw source.error(at: index, "expected 3 numbers after 'lattice'", line) }
                guard current.lattice.count < 3 else { throw source.error(at: index, "more than 3 'lattice' lines", line) }
                let bound = SourceLines.largestCoordinate
                current.lattice.append(Vector3(try source.number(fields[1], at: index, "lattice component", magnitudeAtMost: bound),
                                              try source.number(fields[2], at: index, "lattice component", magnitudeAtMost: bound),
                                              try source.number(fields[3], at: index, "lattice component", magnitudeAtMost: bound)))
            case "atom":
                guard fields.count >= 10 else {
                    throw source.error(at: index, "expected 'atom x y z element charge n fx fy fz'", line)
                }
                current.elements.append(try source.element(fields[4], at: index))
                current.atomLines.append(index + 1)
                let bound = SourceLines.largestCoordinate
                current.positions.append(Vector3(try source.number(fields[1], at: index, "x", magnitudeAtMost: bound),
                                                try source.number(fields[2], at: index, "y", magnitudeAtMost: bound),
                                                try source.number(fields[3], at: index, "z", magnitudeAtMost: bound)))
                _ = try source.number(fields[5], at: index, "charge")
                _ = try source.number(fields[6], at: index, "n")
                current.forces.append(Vector3(try source.number(fields[7], at: index, "fx"),
                                             try source.number(fields[8], at: index, "fy"),
                                             try source.number(fields[9], at: index, "fz")))
            case "energy":
                guard fields.count >= 2 else { throw source.error(at: index, "expected a number after 'energy'", line) }
                current.energy = try source.number(fields[1], at: index, "energy")
            case "charge":
                guard fields.count >= 2 else { throw source.error(at: index, "expected a number after 'charge'", line) }
                _ = try source.number(fields[1], at: index, "charge")
            case "end":
                frames.append(try current.structure(source, endLine: index))
                continue
            default:
                throw source.error(at: index, "unknown keyword", keyword)
            }
            frame = current
        }
        if let open = frame {
            throw source.error(at: open.beginLine, "configuration has no 'end'", "begin")
        }
        if frames.isEmpty {
            throw StructureFileError(file: source.file, line: 0, problem: "no configuration found", value: "begin")
        }
        return frames
    }

    /// A configuration between `begin` and `end`, filled line by line.
    private struct Frame {
        let beginLine: Int
        var comment = ""
        var lattice: [Vector3] = []
        var elements: [Element] = []
        var positions: [Vector3] = []
        var forces: [Vector3] = []
        var atomLines: [Int] = []
        var energy: Double?

        func structure(_ source: SourceLines, endLine: Int) throws -> LabelledStructure {
            var cell: Cell?
            switch lattice.count {
            case 0: cell = nil
            case 3:
                guard let c = Cell(a: lattice[0], b: lattice[1], c: lattice[2]) else {
                    throw source.error(at: beginLine, "lattice vectors are coplanar", "\(lattice)")
                }
                cell = c
            default:
                throw source.error(at: endLine, "expected 0 or 3 'lattice' lines, found", "\(lattice.count)")
            }
            guard !positions.isEmpty else { throw source.error(at: endLine, "configuration has no atoms", "end") }
            let system = try AtomicSystem(elements: elements, positions: positions, cell: cell)
            return LabelledStructure(system: system, energy: energy, forces: forces, comment: comment, atomLines: atomLines)
        }
    }
}
