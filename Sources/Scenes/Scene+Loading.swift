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
        let structure = try parseStructure(try root.table("structure"), folder: folder)
        let teacher = try parseTeacher(try root.table("teacher"), folder: folder, structure: structure)
        let student = try root.optionalTable("student").map { try parseStudent($0, teacher: teacher) }
        let md = try parseMD(try root.table("md"))
        let view = try root.optionalTable("view").map(parseView) ?? ViewHints()
        try root.finish()
        return Scene(name: name, title: title, summary: summary, file: file, structure: structure,
                     teacher: teacher, student: student, md: md, view: view)
    }

    static func parseStructure(_ t: SceneTable, folder: URL) throws -> StructureSpec {
        if t.contains("file") {
            let path = try t.string("file", "a structure file path relative to the scene file")
            let url = folder.appendingPathComponent(path).standardizedFileURL
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw t.error("file", "expected an existing structure file, got \"\(path)\" (no file at \(url.path))")
            }
            let units = try t.choice("units", default: FileUnits.metal)
            try t.finish()
            return .file(url, units: units == .metal ? .metal : .atomic)
        }
        let kind: Lattice = try t.choice("lattice")
        let symbol = try t.string("element", "a chemical symbol such as \"Ar\"")
        guard let element = Element(symbol: symbol) else {
            throw t.error("element", "expected a chemical symbol such as \"Ar\", got \"\(symbol)\"")
        }
        let r = try t.ints("repeats", "three positive integers [na, nb, nc]", where: { $0 > 0 && $0 <= 64 })
        guard r.count == 3 else { throw t.error("repeats", "expected three positive integers [na, nb, nc], got \(r.count) of them") }
        let atoms = r[0] * r[1] * r[2] * kind.basis.count  // each factor ≤ 64: no overflow
        guard atoms <= SceneLimits.maximumAtoms else {
            throw t.error("repeats", "expected at most \(SceneLimits.maximumAtoms) atoms, got \(r[0])×\(r[1])×\(r[2]) cells of \(kind.basis.count) = \(atoms) atoms")
        }
        let a: Double
        switch (t.contains("lattice_constant"), t.contains("density")) {
        case (true, false): a = try t.double("lattice_constant", "a lattice constant in Å \(SceneLimits.describe(SceneLimits.latticeConstant))",
                                              where: SceneLimits.latticeConstant.contains)
        case (false, true):
            let rho = try t.double("density", "a mass density in g/cm³ \(SceneLimits.describe(SceneLimits.density))",
                                   where: SceneLimits.density.contains)
            a = LatticeSpec.latticeConstant(kind: kind, element: element, density: rho)
            guard SceneLimits.latticeConstant.contains(a) else {
                throw t.error("density", "expected a density giving a lattice constant \(SceneLimits.describe(SceneLimits.latticeConstant)) Å, got \(rho) g/cm³ (a = \(a) Å)")
            }
        case (true, true): throw t.error("density", "expected either lattice_constant or density, got both")
        case (false, false): throw t.tableError("missing key structure.lattice_constant: expected lattice_constant (Å) or density (g/cm³), got neither")
        }
        let rattle = try t.double("rattle", default: 0, "a non-negative displacement in Å", where: { $0 >= 0 && $0 < a / 2 })
        let seed = try t.int("seed", default: 0, "a non-negative integer seed", where: { $0 >= 0 })
        try t.finish()
        return .lattice(LatticeSpec(kind: kind, element: element, repeats: SIMD3(r[0], r[1], r[2]),
                                    latticeConstant: a, rattle: rattle, seed: UInt64(seed)))
    }

    /// Length units a structure file can be in: metal (Å) or atomic (Bohr).
    enum FileUnits: String, CaseIterable { case metal, atomic }

    /// The teacher kinds a scene can name.
    enum TeacherKind: String, CaseIterable { case lennardJones = "lennard-jones", stillingerWeber = "stillinger-weber", n2p2 }

    /// The teacher; a Lennard-Jones teacher describes the element of the scene's lattice (argon for a
    /// structure file).
    static func parseTeacher(_ t: SceneTable, folder: URL, structure: StructureSpec) throws -> TeacherModel {
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
            let element = if case let .lattice(l) = structure { l.element } else { LennardJones.argon }
            spec = .lennardJones(epsilon: epsilon, sigma: sigma, cutoff: cutoff, truncation: truncation, element: element)
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

    static func parseStudent(_ t: SceneTable, teacher: TeacherModel) throws -> StudentSpec {
        let range = teacher.range ?? .infinity
        let cutoff = try t.double("cutoff", "a cutoff in Å \(SceneLimits.describe(SceneLimits.cutoff)) no longer than the teacher's range (\(range) Å)",
                                  where: { SceneLimits.cutoff.contains($0) && $0 <= range })
        var radial: [DescriptorSpec.RadialFunction] = []
        for r in try t.tables("radial") {
            let etas = try r.doublesOrScalar("eta", "a positive η in Å⁻² at most 1000 (or a list)", where: { $0 > 0 && $0 <= SceneLimits.eta.upperBound })
            let centers = try r.doublesOrScalar("r_s", "a centre r_s in Å within [0, r_c]", where: { $0 >= 0 && $0 <= cutoff })
            try r.finish()
            guard etas.count * centers.count <= 1000 - radial.count else {
                throw r.tableError("student.radial: expected at most 1000 symmetry functions, got \(etas.count)×\(centers.count) more")
            }
            for eta in etas { for c in centers { radial.append(.init(eta: eta, center: c)) } }
        }
        var angular: [DescriptorSpec.AngularFunction] = []
        for a in try t.tables("angular") {
            let etas = try a.doublesOrScalar("eta", "a non-negative η in Å⁻² at most 1000 (or a list)", where: SceneLimits.eta.contains)
            let zetas = try a.doublesOrScalar("zeta", "ζ \(SceneLimits.describe(SceneLimits.zeta)) (or a list)", where: SceneLimits.zeta.contains)
            let lambdas = try a.doublesOrScalar("lambda", "λ = 1 or -1 (or a list)", where: { $0 == 1 || $0 == -1 })
            let form = try a.choice("form", default: DescriptorSpec.AngularForm.narrow)
            try a.finish()
            guard etas.count * zetas.count * lambdas.count <= 1000 - angular.count else {
                throw a.tableError("student.angular: expected at most 1000 symmetry functions, got \(etas.count)×\(zetas.count)×\(lambdas.count) more")
            }
            for eta in etas { for z in zetas { for l in lambdas { angular.append(.init(eta: eta, zeta: z, lambda: l, form: form)) } } }
        }
        guard !radial.isEmpty || !angular.isEmpty else {
            throw t.tableError("student: expected at least one [[student.radial]] or [[student.angular]] table, got none")
        }
        guard radial.count + angular.count <= 1000 else {
            throw t.tableError("student: expected at most 1000 symmetry functions, got \(radial.count + angular.count)")
        }
        let hidden = try t.ints("hidden", "hidden layer widths, positive integers at most 1024", where: { $0 > 0 && $0 <= 1024 })
        guard hidden.count <= 8 else { throw t.error("hidden", "expected at most 8 hidden layers, got \(hidden.count)") }
        let training = try parseTraining(try t.table("training"))
        try t.finish()
        return StudentSpec(descriptors: DescriptorSpec(cutoff: cutoff, radial: radial, angular: angular),
                           hiddenLayers: hidden, training: training)
    }

    static func parseTraining(_ t: SceneTable) throws -> TrainingRecipe {
        typealias D = TrainingRecipe.Defaults
        let epochs = try t.int("epochs", "a number of epochs in [1, \(SceneLimits.maximumEpochs)]", where: { $0 > 0 && $0 <= SceneLimits.maximumEpochs })
        let recipe = TrainingRecipe(
            temperatures: try t.doubles("temperatures", "positive temperatures in K at most 100000",
                                        where: { $0 > 0 && SceneLimits.temperature.contains($0) }),
            configurations: try t.int("configurations", "a number of configurations in [2, \(SceneLimits.maximumConfigurations)]",
                                      where: { $0 >= 2 && $0 <= SceneLimits.maximumConfigurations }),
            sampleTimeStep: try t.double("sample_dt", default: D.sampleTimeStep, "a time step in fs \(SceneLimits.describe(SceneLimits.timeStep))",
                                         where: SceneLimits.timeStep.contains),
            sampleFriction: try t.double("sample_friction", default: D.sampleFriction, "a friction in 1/fs \(SceneLimits.describe(SceneLimits.friction))",
                                         where: SceneLimits.friction.contains),
            sampleEquilibrationSteps: try t.int("sample_equilibration_steps", default: D.sampleEquilibrationSteps,
                                                "a number of steps in [0, \(SceneLimits.maximumSamplingSteps)]",
                                                where: { $0 >= 0 && $0 <= SceneLimits.maximumSamplingSteps }),
            sampleInterval: try t.int("sample_interval", default: D.sampleInterval, "a number of steps in [1, \(SceneLimits.maximumSamplingSteps)]",
                                      where: { $0 > 0 && $0 <= SceneLimits.maximumSamplingSteps }),
            rattle: try t.double("rattle", default: 0, "a displacement in Å in [0, 1]", where: { $0 >= 0 && $0 <= 1 }),
            strain: try t.double("strain", default: 0, "a strain fraction in [0, 0.2]", where: { $0 >= 0 && $0 <= 0.2 }),
            perturbedFraction: try t.double("perturbed_fraction", default: D.perturbedFraction, "a fraction in [0, 1]",
                                            where: { $0 >= 0 && $0 <= 1 }),
            energyNoise: try t.double("energy_noise", default: 0, "σ_E in meV/atom \(SceneLimits.describe(SceneLimits.noise))",
                                      where: SceneLimits.noise.contains),
            forceNoise: try t.double("force_noise", default: 0, "σ_F in meV/Å \(SceneLimits.describe(SceneLimits.noise))",
                                     where: SceneLimits.noise.contains),
            epochs: epochs,
            batchSize: try t.int("batch_size", default: D.batchSize, "a batch size in [1, \(SceneLimits.maximumConfigurations)]",
                                where: { $0 > 0 && $0 <= SceneLimits.maximumConfigurations }),
            learningRate: try t.double("learning_rate", "an Adam step size \(SceneLimits.describe(SceneLimits.learningRate))",
                                       where: SceneLimits.learningRate.contains),
            finalLearningRateFraction: try t.double("final_learning_rate_fraction", default: D.finalLearningRateFraction,
                                                    "a fraction in (0, 1]", where: { $0 > 0 && $0 <= 1 }),
            forceWeight: try t.double("force_weight", "a force weight \(SceneLimits.describe(SceneLimits.weight))", where: SceneLimits.weight.contains),
            l2: try t.double("l2", default: 0, "an L2 weight \(SceneLimits.describe(SceneLimits.weight))", where: SceneLimits.weight.contains),
            validationFraction: try t.double("validation_fraction", default: D.validationFraction, "a fraction in (0, 0.5]",
                                             where: { $0 > 0 && $0 <= 0.5 }),
            patience: t.contains("patience") ? try t.int("patience", "a number of epochs in [1, \(SceneLimits.maximumEpochs)]",
                                                         where: { $0 > 0 && $0 <= SceneLimits.maximumEpochs }) : nil,
            seed: UInt64(try t.int("seed", "a non-negative integer seed", where: { $0 >= 0 })))
        try t.finish()
        return recipe
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
