import Foundation

/// Finds scene files: by path (`my.toml`, `./x/y.toml`) or by name (`argon`) in the scenes folder.
public enum SceneLibrary {
    /// The scene the lab opens when none is named.
    public static let defaultSceneName = "argon"

    /// The scenes folder: `$NNPLAB_SCENES`, else `./Scenes` if it holds TOML files, else the
    /// `Scenes` folder of the source tree this binary was built from.
    public static var directory: URL {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["NNPLAB_SCENES"], !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        let local = URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("Scenes", isDirectory: true)
        if fm.fileExists(atPath: local.appendingPathComponent("\(defaultSceneName).toml").path) { return local }
        return sourceTreeScenes
    }

    /// `<repo>/Scenes`, from this file's compile-time path (…/Sources/Scenes/SceneLibrary.swift).
    public static var sourceTreeScenes: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenes", isDirectory: true)
    }

    /// Names of the scenes in `folder` (base names of its `.toml` files), sorted.
    public static func names(in folder: URL = directory) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The file a user's argument means: a path if it contains "/" or ends in ".toml", else a name.
    public static func url(for argument: String, in folder: URL = directory) -> URL {
        if argument.contains("/") || argument.hasSuffix(".toml") { return URL(fileURLWithPath: argument) }
        return folder.appendingPathComponent("\(argument).toml")
    }

    /// Loads the scene a user named. An unknown name lists the scenes there are.
    public static func load(_ argument: String = defaultSceneName, in folder: URL = directory) throws -> Scene {
        let url = url(for: argument, in: folder)
        guard FileManager.default.fileExists(atPath: url.path) else {
            let known = names(in: folder).joined(separator: ", ")
            throw SceneError(file: argument, line: 0,
                             message: "expected a scene file or one of \(known.isEmpty ? "(none in \(folder.path))" : known), got '\(argument)'")
        }
        let shown = argument.contains("/") || argument.hasSuffix(".toml") ? argument : "Scenes/\(argument).toml"
        return try Scene.load(from: url, displayPath: shown)
    }
}
