import Foundation
import Testing

/// Golden text files live in Tests/CanvasTests/Golden/, found from this file's path.
/// Run `NNPLAB_UPDATE_GOLDEN=1 swift test --filter CanvasTests` to (re)write them after an intended
/// change of the rendering; otherwise a mismatch fails the test and shows the first differing row.
enum Golden {
    static let directory = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Golden")
    static var updating: Bool { ProcessInfo.processInfo.environment["NNPLAB_UPDATE_GOLDEN"] == "1" }

    static func expectMatches(_ rows: [String], name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appending(path: name + ".txt")
        let text = rows.joined(separator: "\n") + "\n"
        if updating {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            do { try text.write(to: url, atomically: true, encoding: .utf8) } catch {
                Issue.record("cannot write golden \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(url.path); run NNPLAB_UPDATE_GOLDEN=1 swift test --filter CanvasTests",
                         sourceLocation: sourceLocation)
            return
        }
        let expectedRows = expected.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        if expectedRows != rows {
            let index = zip(expectedRows, rows).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expectedRows.count, rows.count)
            let want = index < expectedRows.count ? expectedRows[index] : "<none>"
            let got = index < rows.count ? rows[index] : "<none>"
            Issue.record("\(name): row \(index) differs\nexpected: \(want)\nactual:   \(got)\n(whole render:\n\(text))",
                         sourceLocation: sourceLocation)
        }
    }
}
