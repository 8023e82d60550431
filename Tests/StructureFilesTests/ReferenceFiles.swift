import Foundation

/// Tests/Fixtures seen from this file: reference data computed by other programs (LAMMPS, n2p2),
/// copied into the repository so that a fresh clone tests itself (see Tests/Fixtures/README.md).
let fixturesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

/// A reference file by its path under Tests/Fixtures (`lammps/…`, `n2p2/<model>/…`). The n2p2 water
/// model and its input.data ship once, in Scenes/water; the fixture folder holds only the water
/// files the scene lacks, so a water file absent there is the scene's.
func referenceFile(_ relativePath: String) -> URL {
    let fixture = fixturesDirectory.appendingPathComponent(relativePath)
    let waterPrefix = "n2p2/H2O_RPBE-D3/"
    guard relativePath.hasPrefix(waterPrefix), !FileManager.default.fileExists(atPath: fixture.path) else { return fixture }
    return fixturesDirectory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenes/water").appendingPathComponent(String(relativePath.dropFirst(waterPrefix.count)))
}

/// A fresh path in the temporary directory for a test to write to.
func temporaryFile(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("nnplab-\(UUID().uuidString)-\(name)")
}
