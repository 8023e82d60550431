import Foundation
import Geometry
import StructureFiles
import Descriptors
import TOMLKit
import Dynamics
import Potentials

extension Scene {
    /// Reads and validates a scene file. Every problem is a ``SceneError`` naming file and line.
    ///
    /// `displayPath` is how messages name the file (default: the path as given).
    public static func load(from url: URL, displayPath: String? = nil) throws -> Scene {
        let shown = displayPath ?? url.path
        let text: String
        do {
            text = try TextFile.read(url.path)
        } catch let error as TextFileError {
            throw SceneError(file: shown, line: 0, message: error.reason)
        }
        return try parse(text, file: url.standardizedFileURL, displayPath: shown)
    }

    /// Parses scene text; `file` anchors relative paths and names the scene.
    public static func parse(_ text: String, file: URL, displayPath: String? = nil) throws -> Scene {
        let shown = displayPath ?? file.path
        let toml: TOMLTable
        do {
            toml = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw SceneError(file: shown, line: e.source.begin.line, message: "expected valid TOML, got a syntax error: \(e.description)")
        }
        let root = SceneTable(table: toml, context: "", file: shown, locator: KeyLocator(text: text))
        let folder = file.deletingLastPathComponent()
        let name = file.deletingPathExtension().lastPathComponent

        let title = try root.string("title", "a one-line title string")
        let summary = try root.optionalString("summary", "a description string") ?? ""
        let (structure, latticeElement) = try parseStructure(try root.table("structure"), folder: folder)
        let teacher = try parseTeacher(try root.table("teacher"), folder: folder, latticeElement: latticeElement)
        let student = try root.optionalTable("student").map {
            try parseStudent($0, teacher: teacher, elements: structure.distinctElements, folder: folder)
        }
        let md = try parseMD(try root.table("md"))
        let view = try root.optionalTable("view").map(parseView) ?? ViewHints()
        try root.finish()
        return Scene(name: name, title: title, summary: summary, file: file, structure: structure,
                     teacher: teacher, student: student, md: md, view: view)
    }

    /// The teacher kinds a scene can name.
    enum TeacherKind: String, CaseIterable { case lennardJones = "lennard-jones", stillingerWeber = "stillinger-weber", n2p2 }

    /// The teacher; a Lennard-Jones teacher describes the element of the scene's lattice (argon for a
    /// structure file).
    static func parseTeacher(_ t: SceneTable, folder: URL, latticeElement: Element?) throws -> TeacherModel {
        let kind: TeacherKind = try t.choice("kind")
        let spec: TeacherModel
        switch kind {
        case .lennardJones:
            let epsilon = try t.double("epsilon", default: LennardJones.argonEpsilon, "a well depth in eV \(SceneLimits.describe(SceneLimits.epsilon))",
                                       where: SceneLimits.epsilon.contains)
            let sigma = try t.double("sigma", default: LennardJones.argonSigma, "σ in Å \(SceneLimits.describe(SceneLimits.sigma))",
                                     where: SceneLimits.sigma.contains)
            let cutoff = try t.double("cutoff", default: LennardJones.argonCutoff,
                                      "a cutoff in Å longer than σ and at most \(SceneLimits.format(SceneLimits.cutoff.upperBound))",
                                      where: { $0 > sigma && $0 <= SceneLimits.cutoff.upperBound })
            let truncation: CutoffKind = try t.choice("truncation", default: .smooth)
            spec = .lennardJones(epsilon: epsilon, sigma: sigma, cutoff: cutoff, truncation: truncation,
                                 element: latticeElement ?? LennardJones.argon)
        case .stillingerWeber:
            spec = .stillingerWeber
        case .n2p2:
            let path = try t.string("directory", "an n2p2 potential folder relative to the scene file")
            let url = folder.appendingPathComponent(path).standardizedFileURL
            for needed in ["input.nn", "scaling.data"] where !FileManager.default.fileExists(atPath: url.appendingPathComponent(needed).path) {
                throw t.error("directory", "expected an n2p2 folder holding \(needed), got \"\(path)\" (no \(url.appendingPathComponent(needed).path))")
            }
            // Units for a folder whose input.nn does not declare them (n2p2's own files need neither).
            let length = try t.optionalString("length_unit", "bohr or angstrom")
            let energy = try t.optionalString("energy_unit", "hartree or ev")
            let units: UnitSystem?
            switch (length, energy) {
            case (nil, nil): units = nil
            case let (l?, e?):
                guard let given = UnitSystem(lengthUnit: l, energyUnit: e) else {
                    throw t.error(UnitSystem(lengthUnit: l, energyUnit: "ev") == nil ? "length_unit" : "energy_unit",
                                  "expected bohr or angstrom and hartree or ev, got \"\(l)\" and \"\(e)\"")
                }
                units = given
            case (_?, nil): throw t.error("length_unit", "expected energy_unit beside length_unit, got length_unit alone")
            case (nil, _?): throw t.error("energy_unit", "expected length_unit beside energy_unit, got energy_unit alone")
            }
            spec = .n2p2(directory: url, units: units)
        }
        try t.finish()
        return spec
    }

    static func parseMD(_ t: SceneTable) throws -> MDSettings {
        let dt = try t.double("dt", "a time step in fs \(SceneLimits.describe(SceneLimits.timeStep))", where: SceneLimits.timeStep.contains)
        let temperature = try t.double("temperature", "a temperature in K \(SceneLimits.describe(SceneLimits.temperature))",
                                       where: SceneLimits.temperature.contains)
        /// A time in ps within the limits whose number of steps of `dt` is within the limit too.
        func time(_ table: SceneTable, _ key: String, default value: Double? = nil) throws -> Double {
            let expected = "a time in ps \(SceneLimits.describe(SceneLimits.time)) and at most \(SceneLimits.maximumSteps) steps of \(dt) fs"
            let valid = { (ps: Double) in SceneLimits.time.contains(ps) && ps * 1000 / dt <= Double(SceneLimits.maximumSteps) }
            if let value { return try table.double(key, default: value, expected, where: valid) }
            return try table.double(key, expected, where: valid)
        }
        let thermostat: MDSettings.ThermostatKey = try t.choice("thermostat", default: .nve)
        let friction = try t.double("friction", default: 0.01, "a friction in 1/fs \(SceneLimits.describe(SceneLimits.friction))",
                                    where: SceneLimits.friction.contains)
        var md = MDSettings(
            timeStep: dt, temperature: temperature,
            thermostat: thermostat == .nve ? .nve : .langevin(friction: friction),
            friction: friction,
            seed: UInt64(try t.int("seed", default: 1, "a non-negative integer seed", where: { $0 >= 0 })),
            equilibration: try t.tables("equilibration").map { stage in
                let s = MDSettings.EquilibrationStage(
                    temperature: try stage.double("temperature", "a temperature in K \(SceneLimits.describe(SceneLimits.temperature))",
                                                  where: SceneLimits.temperature.contains),
                    time: try time(stage, "time"))
                try stage.finish()
                return s
            },
            driftTime: try time(t, "drift_time", default: 10))
        md.teacherInterval = try t.int("teacher_interval", default: 1, "a number of steps in 1...100000", where: { (1...100_000).contains($0) })
        try t.finish()
        return md
    }

    static func parseView(_ t: SceneTable) throws -> ViewHints {
        let v = ViewHints(yaw: try t.double("yaw", default: 30, "an angle in degrees in [-360, 360]", where: { abs($0) <= 360 }),
                          pitch: try t.double("pitch", default: 20, "an angle in degrees", where: { abs($0) <= 90 }),
                          zoom: try t.double("zoom", default: 1, "a magnification \(SceneLimits.describe(SceneLimits.zoom))", where: SceneLimits.zoom.contains))
        try t.finish()
        return v
    }
}
