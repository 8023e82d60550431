import Foundation

/// /work/shared/reference seen from this file: <clone>/Tests/StructureFilesTests/… → <clone>/../shared/reference.
let referenceDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("shared/reference")

/// A fresh path in the temporary directory for a test to write to.
func temporaryFile(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("nnplab-\(UUID().uuidString)-\(name)")
}
