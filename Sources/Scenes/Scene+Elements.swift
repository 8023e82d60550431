import Foundation
import Geometry
import Potentials

extension Scene {
    /// Throws a ``SceneError`` naming the scene file and the element when `system` (the scene's
    /// structure) holds an element that `teacher` has no description of (an n2p2 model knows only
    /// its own elements; Lennard-Jones and Stillinger-Weber take any).
    public func checkTeacherDescribes(_ system: AtomicSystem, teacher: any Potential) throws {
        guard let known = teacher.elements else { return }
        if let missing = system.distinctElements.sorted().first(where: { !known.contains($0) }) {
            throw SceneError(file: file.path, line: 0,
                             message: "structure: element \(missing.symbol) is not described by the teacher (\(teacher.summary) knows \(Self.symbols(known))), got \(missing.symbol)")
        }
    }

    /// Throws a ``SceneError`` naming the model file and the element when the structure holds an
    /// element the student model at `url` has no network for.
    func checkStudentDescribes(_ system: AtomicSystem, elements known: [Element], model url: String) throws {
        if let missing = system.distinctElements.sorted().first(where: { !known.contains($0) }) {
            throw SceneError(file: url, line: 0,
                             message: "expected a network for every element of \(file.lastPathComponent)'s structure (\(Self.symbols(known)) only), got \(missing.symbol)")
        }
    }

    private static func symbols(_ elements: [Element]) -> String {
        elements.map(\.symbol).joined(separator: ", ")
    }
}
