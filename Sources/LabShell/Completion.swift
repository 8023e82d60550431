/// Tab completion for the `:` line: verbs, `set` keys and their word values, `save` targets,
/// `help` topics and scene names.
public struct Completer: Sendable {
    /// Scene names `load` completes to.
    public var sceneNames: [String]
    /// Exercise names `check` completes to.
    public var exerciseNames: [String]
    /// Lesson names `lesson` completes to.
    public var lessonNames: [String] = []

    public init(sceneNames: [String] = [], exerciseNames: [String] = []) {
        self.sceneNames = sceneNames
        self.exerciseNames = exerciseNames
    }

    /// The words that could stand where the last word of `line` is being typed (all of them when the
    /// line ends in a blank), in vocabulary order.
    public func candidates(for line: String) -> [String] {
        let endsInBlank = line.last.map(\.isWhitespace) ?? true
        var words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        let partial = endsInBlank ? "" : (words.popLast() ?? "")
        let options = choices(after: words)
        return options.filter { $0.hasPrefix(partial.lowercased()) || $0.hasPrefix(partial) }
    }

    /// `line` completed as far as the candidates agree: a single candidate and a blank, or the
    /// candidates' longest common prefix. Unchanged when nothing matches.
    public func complete(_ line: String) -> String {
        let options = candidates(for: line)
        guard !options.isEmpty else { return line }
        let endsInBlank = line.last.map(\.isWhitespace) ?? true
        let stem = endsInBlank ? line : String(line[..<(line.lastIndex(where: \.isWhitespace).map { line.index(after: $0) } ?? line.startIndex)])
        if options.count == 1 { return stem + options[0] + " " }
        let common = options.dropFirst().reduce(options[0]) { prefix, word in String(prefix.commonPrefix(with: word)) }
        let typed = line.count - stem.count
        return common.count > typed ? stem + common : line
    }

    private func choices(after words: [String]) -> [String] {
        guard let first = words.first?.lowercased() else { return Verb.allCases.map(\.rawValue) }
        let verb = Verb(rawValue: first.hasSuffix("!") ? String(first.dropLast()) : first)
        switch (verb, words.count) {
        case (.help, 1): return Verb.allCases.map(\.rawValue)
        case (.load, 1): return sceneNames
        case (.check, 1): return exerciseNames
        case (.lesson, 1): return lessonNames
        case (.save, 1): return SaveTarget.allCases.map(\.rawValue)
        case (.set, 1): return SettingKey.allCases.map(\.rawValue)
        case (.set, 2): return SettingKey(rawValue: words[1].lowercased())?.choices ?? []
        default: return []
        }
    }
}

extension String {
    /// The longest common prefix of two strings.
    func commonPrefix(with other: String) -> Substring {
        var end = startIndex
        var otherIndex = other.startIndex
        while end < endIndex, otherIndex < other.endIndex, self[end] == other[otherIndex] {
            end = index(after: end)
            otherIndex = other.index(after: otherIndex)
        }
        return self[..<end]
    }
}
