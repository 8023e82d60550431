import ArgumentParser
import Foundation
import Geometry
import Potentials
import StructureFiles

/// A command-line failure printed as one line (`nnplab: <message>`) with a non-zero exit.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

enum StructureLoading {
    /// Every frame of `path`, extended XYZ or n2p2 `input.data` (told apart by content).
    static func frames(_ path: String) throws -> [LabelledStructure] {
        do {
            return try StructureFormat.read(URL(fileURLWithPath: path))
        } catch let error as StructureFileError {
            throw CommandFailure(error.description)
        } catch {
            throw CommandFailure("\(path): \(error)")
        }
    }

    /// Checks that `potential` describes every atom of `frame`; otherwise names the file, the line
    /// of the first atom it does not describe, and the element.
    ///
    /// Then checks the geometry as ``ForceEvaluator`` would (the neighbour list's estimated size, atoms
    /// closer than ``AtomicSystem/minimumSeparation``), naming the lines of coincident atoms.
    static func check(_ frame: LabelledStructure, against potential: any Potential, file: String) throws {
        func line(_ i: Int) -> String { i < frame.atomLines.count ? "\(frame.atomLines[i])" : "atom \(i + 1)" }
        if let known = potential.elements, let i = frame.system.elements.firstIndex(where: { !known.contains($0) }) {
            let element = frame.system.elements[i]
            throw CommandFailure("\(file):\(line(i)): species not described by \(potential.summary) "
                                 + "(it knows \(known.map(\.symbol).joined(separator: ", "))): '\(element.symbol)'")
        }
        do {
            try ForceEvaluator.checkStructure(frame.system, for: potential)
        } catch let contact as AtomicSystem.CloseContact {
            let lines = contact.first == contact.second ? line(contact.first) : "\(line(contact.first)) and line \(line(contact.second))"
            throw CommandFailure("\(file):\(lines): \(contact.describe(unit: potential.units.lengthName))")
        } catch {
            throw CommandFailure("\(file): \(error)")
        }
    }

    /// Throws unless the energy and every force of `result` are finite numbers: nothing non-finite
    /// is ever written (`energy=inf`, `-nan` forces).
    static func checkFinite(_ result: PotentialResult, file: String, frame: Int) throws {
        guard result.energy.isFinite else {
            throw CommandFailure("\(file): frame \(frame + 1): the potential gave a non-finite energy (\(result.energy))")
        }
        if let i = result.forces.firstIndex(where: { !($0.x.isFinite && $0.y.isFinite && $0.z.isFinite) }) {
            throw CommandFailure("\(file): frame \(frame + 1): the potential gave a non-finite force on atom \(i + 1)")
        }
    }
}

/// Where a command writes its text: standard output, or a file it will not overwrite without `--force`.
struct OutputDestination {
    let path: String?
    let force: Bool

    /// Fails before any work is done if the file exists and `--force` was not given.
    func checkWritable() throws {
        guard let path, !force, FileManager.default.fileExists(atPath: path) else { return }
        throw CommandFailure("\(path): exists; give --force to overwrite it")
    }

    func write(_ text: String) throws {
        guard let path else {
            do { try TextFile.writeStandardOutput(text) } catch { throw CommandFailure("\(error)") }
            return
        }
        do {
            try TextFile.write(text, to: path)
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
