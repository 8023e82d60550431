import Foundation
import Geometry

extension ExtendedXYZ {
    /// The text of one frame: `Lattice=` and `pbc="T T T"` for a periodic system (`pbc="F F F"` and
    /// no Lattice for a cluster), `energy=` and `forces:R:3` when the structure has them, and
    /// `masses:R:1:momenta:R:3` when any atom moves, which is how ASE stores velocities.
    /// Numbers are written with enough digits to be read back exactly.
    public static func frame(_ structure: LabelledStructure) -> String {
        let system = structure.system
        let moving = system.velocities.contains { $0 != .zero }
        let forces = structure.forces.flatMap { $0.count == system.count ? $0 : nil }
        var properties = "species:S:1:pos:R:3"
        if moving { properties += ":masses:R:1:momenta:R:3" }
        if forces != nil { properties += ":forces:R:3" }
        var info: [String] = []
        if let cell = system.cell {
            let numbers = [cell.a, cell.b, cell.c].flatMap { [$0.x, $0.y, $0.z] }.map(format)
            info.append("Lattice=\"\(numbers.joined(separator: " "))\"")
        }
        info.append("Properties=\(properties)")
        if let energy = structure.energy { info.append("energy=\(format(energy))") }
        for (key, value) in structure.info.sorted(by: { $0.key < $1.key }) {
            // Numbers stay bare (ASE reads them as numbers); text with spaces or quotes is quoted.
            let bare = !value.isEmpty && !value.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0 == "\\" || $0 == "," }
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            info.append(bare ? "\(key)=\(value)" : "\(key)=\"\(escaped)\"")
        }
        if !structure.comment.isEmpty {
            let escaped = structure.comment.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"")
            info.append("comment=\"\(escaped)\"")
        }
        info.append(system.cell == nil ? "pbc=\"F F F\"" : "pbc=\"T T T\"")

        var text = "\(system.count)\n\(info.joined(separator: " "))\n"
        text.reserveCapacity(text.utf8.count + system.count * 120)
        for i in 0..<system.count {
            var line = system.elements[i].symbol + " " + vector(system.positions[i])
            if moving {
                let m = system.masses[i]
                line += " " + format(m) + " " + vector(system.velocities[i] * (m * aseTimeUnit))
            }
            if let forces { line += " " + vector(forces[i]) }
            text += line + "\n"
        }
        return text
    }

    /// The text of several frames (a trajectory).
    public static func text(_ frames: [LabelledStructure]) -> String {
        frames.map(frame).joined()
    }

    /// Writes `frames` to `url`, replacing any existing file.
    public static func write(_ frames: [LabelledStructure], to url: URL) throws {
        do {
            try TextFile.write(text(frames), to: url.path)
        } catch let error as TextFileError {
            throw StructureFileError(file: url.path, line: 0, problem: error.reason, value: "")
        }
    }

    private static func vector(_ v: Vector3) -> String { "\(format(v.x)) \(format(v.y)) \(format(v.z))" }
    /// Shortest text that reads back to the same Double (Swift's description).
    private static func format(_ x: Double) -> String { x == 0 ? "0.0" : "\(x)" }
}
