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
    static func check(_ frame: LabelledStructure, against potential: any Potential, file: String) throws {
        guard let known = potential.elements else { return }
        guard let i = frame.system.elements.firstIndex(where: { !known.contains($0) }) else { return }
        let element = frame.system.elements[i]
        let line = i < frame.atomLines.count ? "\(frame.atomLines[i])" : "atom \(i + 1)"
        throw CommandFailure("\(file):\(line): species not described by \(potential.summary) "
                             + "(it knows \(known.map(\.symbol).joined(separator: ", "))): '\(element.symbol)'")
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
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure("\(path): cannot write: \((error as NSError).localizedDescription)")
        }
    }
}
