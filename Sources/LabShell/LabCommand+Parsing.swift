import Dynamics
import Descriptors
import Experiments
import Scenes
import Simulation
import Scenes
import NeuralNetworks

extension LabCommand {
    /// Friction of `set thermostat langevin` without a number, 1/fs.
    public static let defaultFriction = 0.01

    /// Parses one line. Blank lines and `#` comments give nil; anything else a command or a
    /// ``ShellError`` naming the offending word.
    public static func parse(_ line: String) throws(ShellError) -> LabCommand? {
        let words = tokens(of: line)
        guard let first = words.first else { return nil }
        var verbWord = first.lowercased()
        var overwrite = false
        if verbWord == "save!" || verbWord == "export!" { verbWord.removeLast(); overwrite = true }
        if verbWord == "exit" || verbWord == "q" { verbWord = "quit" }
        guard let verb = Verb(rawValue: verbWord) else {
            throw ShellError("unknown command '\(first)' (commands: \(Verb.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var arguments = Array(words.dropFirst())
        if verb == .save || verb == .export, let force = arguments.firstIndex(of: "--force") {
            arguments.remove(at: force)
            overwrite = true
        }
        return try parse(verb, arguments, overwrite: overwrite)
    }

    /// A model as `cutoff-activation` or `cutoff/activation`, e.g. "step-relu".
    static func parseModel(_ word: String) throws(ShellError) -> ModelChoice {
        let parts = word.lowercased().split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
        guard parts.count == 2, let cutoff = CutoffKind(rawValue: parts[0]), let activation = Activation(rawValue: parts[1]),
              ModelChoice.lessonActivations.contains(activation) else {
            throw ShellError("compare: no model '\(word)' (models: " + ModelChoice.all.map(\.name).joined(separator: ", ") + ")")
        }
        return ModelChoice(cutoff: cutoff, activation: activation)
    }

    private static func parse(_ verb: Verb, _ arguments: [String], overwrite: Bool) throws(ShellError) -> LabCommand {
        switch verb {
        case .help:
            try expectCount(verb, arguments, 0...1)
            guard let word = arguments.first else { return .help(nil) }
            guard let topic = Verb(rawValue: word.lowercased()) else { throw ShellError("help: no command '\(word)'") }
            return .help(topic)
        case .load:
            try expectCount(verb, arguments, 1...1)
            return .load(scene: arguments[0])
        case .set:
            return .set(try parseSetting(arguments))
        case .run:
            try expectCount(verb, arguments, 1...1)
            guard let steps = Int(arguments[0]), steps > 0, steps <= SceneLimits.maximumSteps else {
                throw ShellError("run: '\(arguments[0])' is not a number of steps in [1, \(SceneLimits.maximumSteps)]")
            }
            return .run(steps: steps)
        case .check:
            try expectCount(verb, arguments, 0...1)
            guard let word = arguments.first else { return .check(exercise: nil) }
            guard let exercise = Exercise(rawValue: word.lowercased()) else {
                throw ShellError("check: no exercise '\(word)' (exercises: \(Exercise.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return .check(exercise: exercise)
        case .compare:
            return .compare(try arguments.map(parseModel))
        case .messages:
            try expectCount(verb, arguments, 0...0)
            return .messages
        case .lesson:
            try expectCount(verb, arguments, 1...1)
            return .lesson(name: arguments[0])
        case .drift:
            try expectCount(verb, arguments, 0...1)
            guard let word = arguments.first else { return .drift(picoseconds: nil) }
            guard let ps = Double(word), ps.isFinite, SceneLimits.time.contains(ps) else {
                throw ShellError("drift: '\(word)' is not a length in ps in [\(SceneLimits.time.lowerBound), \(SceneLimits.time.upperBound)]")
            }
            return .drift(picoseconds: ps)
        case .export:
            try expectCount(verb, arguments, 1...1)
            return .export(path: arguments[0], overwrite: overwrite)
        case .save:
            try expectCount(verb, arguments, 2...2)
            guard let target = SaveTarget(rawValue: arguments[0].lowercased()) else {
                throw ShellError("save: '\(arguments[0])' is not trajectory, log or plot")
            }
            return .save(target, path: arguments[1], overwrite: overwrite)
        case .pause, .resume, .reset, .status, .quit:
            try expectCount(verb, arguments, 0...0)
            switch verb {
            case .pause: return .pause
            case .resume: return .resume
            case .reset: return .reset
            case .status: return .status
            default: return .quit
            }
        }
    }

    private static func parseSetting(_ arguments: [String]) throws(ShellError) -> Setting {
        guard let keyWord = arguments.first else {
            throw ShellError("set needs a setting: \(SettingKey.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let key = SettingKey(rawValue: keyWord.lowercased()) else {
            throw ShellError("set: unknown setting '\(keyWord)' (settings: \(SettingKey.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let values = Array(arguments.dropFirst())
        guard let value = values.first, values.count <= (key == .thermostat ? 2 : 1) else {
            throw ShellError("set \(key.rawValue) needs \(key.expected)")
        }
        func bad(_ word: String) -> ShellError { ShellError("set \(key.rawValue): '\(word)' is not \(key.expected)") }
        switch key {
        case .cutoff:
            guard let kind = CutoffKind(rawValue: value.lowercased()) else { throw bad(value) }
            return .cutoff(kind)
        case .activation:
            guard let activation = Activation(rawValue: value.lowercased()) else { throw bad(value) }
            return .activation(activation)
        case .dt:
            guard let dt = Double(value), dt.isFinite, dt >= SceneLimits.timeStep.lowerBound else { throw bad(value) }
            return .timeStep(dt)
        case .temperature:
            guard let t = Double(value), t.isFinite else { throw bad(value) }
            return .temperature(t)
        case .seed:
            guard let seed = UInt64(value) else { throw bad(value) }
            return .seed(seed)
        case .speed:
            guard let pace = Pace(parsing: value) else { throw bad(value) }
            return .speed(pace)
        case .thermostat:
            switch value.lowercased() {
            case "nve" where values.count == 1: return .thermostat(.nve)
            case "langevin":
                guard values.count == 2 else { return .thermostat(.langevin(friction: defaultFriction)) }
                guard let friction = Double(values[1]), SceneLimits.friction.contains(friction) else { throw bad(values[1]) }
                return .thermostat(.langevin(friction: friction))
            default: throw bad(values.joined(separator: " "))
            }
        }
    }

    private static func expectCount(_ verb: Verb, _ arguments: [String], _ range: ClosedRange<Int>) throws(ShellError) {
        guard !range.contains(arguments.count) else { return }
        if arguments.count > range.upperBound {
            throw ShellError("\(verb.rawValue): unexpected '\(arguments[range.upperBound])' (usage: \(verb.usage))")
        }
        throw ShellError("\(verb.rawValue) needs more (usage: \(verb.usage))")
    }

    /// Words of a line: split at blanks, a `"..."` group is one word, `#` outside quotes starts a comment.
    static func tokens(of line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var inWord = false
        for character in line {
            if quoted {
                if character == "\"" { quoted = false } else { current.append(character) }
            } else if character == "\"" {
                quoted = true; inWord = true
            } else if character == "#" && !inWord {
                break
            } else if character.isWhitespace {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(character); inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
