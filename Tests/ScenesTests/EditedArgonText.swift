import Foundation
@testable import Scenes

/// Argon's shipped scene file parsed after `edit` has changed its text, errors reported as from
/// `argon.toml` (nothing is written to disk).
func parsedArgon(_ edit: (String) -> String) throws -> Scene {
    let url = scenesFolder.appendingPathComponent("argon.toml")
    let text = try String(contentsOf: url, encoding: .utf8)
    return try Scene.parse(edit(text), file: url, displayPath: "argon.toml")
}

/// The one-line error argon's scene gives after `edit`, nil when it loads.
func argonRefusal(_ edit: (String) -> String) -> String? {
    do {
        _ = try parsedArgon(edit)
        return nil
    } catch {
        return String(describing: error)
    }
}
