/// The `:` line being edited: text, cursor, history (up/down) and tab completion, as a plain value so
/// it is tested without a terminal. The terminal layer feeds it keys and draws ``text``.
public struct LineEditor: Sendable, Equatable {
    /// The line as typed so far.
    public private(set) var text: [Character] = []
    /// Cursor position in ``text`` (0 ... text.count).
    public private(set) var cursor = 0
    /// Submitted lines, oldest first (consecutive duplicates kept once).
    public private(set) var history: [String] = []
    /// Which history entry is shown while browsing with up/down (nil: the line being typed).
    private var browsing: Int?
    /// What was typed before browsing started, restored by going down past the newest entry.
    private var draft: [Character] = []
    /// Most lines remembered.
    public let historyLimit: Int

    public init(historyLimit: Int = 200) { self.historyLimit = historyLimit }

    public var line: String { String(text) }

    public mutating func insert(_ character: Character) {
        text.insert(character, at: cursor)
        cursor += 1
        browsing = nil
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        text.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        text.remove(at: cursor)
    }

    public mutating func moveLeft() { cursor = max(cursor - 1, 0) }
    public mutating func moveRight() { cursor = min(cursor + 1, text.count) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = text.count }

    /// Shows the previous (older) history entry.
    public mutating func historyUp() {
        guard !history.isEmpty else { return }
        let index: Int
        if let browsing { index = max(browsing - 1, 0) } else { draft = text; index = history.count - 1 }
        browsing = index
        show(Array(history[index]))
    }

    /// Shows the next (newer) history entry, or the draft after the newest.
    public mutating func historyDown() {
        guard let browsing else { return }
        if browsing + 1 < history.count {
            self.browsing = browsing + 1
            show(Array(history[browsing + 1]))
        } else {
            self.browsing = nil
            show(draft)
        }
    }

    /// Completes the text before the cursor; returns the candidates when more than one remains.
    @discardableResult
    public mutating func complete(with completer: Completer) -> [String] {
        let before = String(text[..<cursor])
        let completed = completer.complete(before)
        let candidates = completer.candidates(for: before)
        if completed != before {
            text = Array(completed) + text[cursor...]
            cursor = completed.count
        }
        return candidates.count > 1 ? candidates : []
    }

    /// Ends editing: returns the line, remembers it in the history (unless blank) and clears the editor.
    public mutating func submit() -> String {
        let submitted = line
        if !submitted.allSatisfy(\.isWhitespace), history.last != submitted {
            history.append(submitted)
            if history.count > historyLimit { history.removeFirst(history.count - historyLimit) }
        }
        clear()
        return submitted
    }

    /// Drops the line being typed (Esc), keeping the history.
    public mutating func clear() {
        text = []
        cursor = 0
        browsing = nil
        draft = []
    }

    private mutating func show(_ characters: [Character]) {
        text = characters
        cursor = characters.count
    }
}
