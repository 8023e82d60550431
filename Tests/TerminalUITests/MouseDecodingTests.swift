import CNCurses
import LabShell
import Testing
@testable import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// Mouse input from the terminal's bytes to the lab's ``PointerEvent``s: through a real curses screen
/// reading a pipe, for each terminal type the lab meets in tmux, and the decoding of `getmouse` events.
@Suite("Mouse decoding", .serialized)
struct MouseDecodingTests {
    /// One mouse report as a terminal sends it: `button` 0 is the left one, 64 and 65 the wheel.
    /// X10 (kmous \E[M): ESC [ M, then 32 + button (3 for any release), 33 + column, 33 + row.
    /// SGR 1006 (kmous \E[<): ESC [ < button ; column + 1 ; row + 1, then M for a press, m for a release.
    static func report(_ button: Int, _ column: Int, _ row: Int, release: Bool = false, sgr: Bool) -> String {
        if sgr { return "\u{1B}[<\(button);\(column + 1);\(row + 1)" + (release ? "m" : "M") }
        return "\u{1B}[M" + String(UnicodeScalar(UInt8(32 + (release ? 3 : button)))) + String(UnicodeScalar(UInt8(33 + column)))
            + String(UnicodeScalar(UInt8(33 + row)))
    }

    /// What each test sends, and what the lab must get: a click (press and release together), wheel
    /// notches, a press whose release has not come yet, a run of wheel notches; then the key q.
    static func gestures(sgr: Bool) -> [(bytes: String, expected: [TerminalInput])] {
        let q = TerminalInput.key(.character("q"))
        return [
            (report(0, 10, 5, sgr: sgr) + report(0, 10, 5, release: true, sgr: sgr) + report(64, 3, 7, sgr: sgr)
                + report(65, 3, 7, sgr: sgr) + "q",
             [.pointer(PointerEvent(.press, column: 10, row: 5)), .pointer(PointerEvent(.wheelUp, column: 3, row: 7)),
              .pointer(PointerEvent(.wheelDown, column: 3, row: 7)), q]),
            (report(0, 70, 20, sgr: sgr) + "q", [.pointer(PointerEvent(.press, column: 70, row: 20)), q]),
            (String(repeating: report(65, 50, 9, sgr: sgr), count: 4) + report(64, 50, 9, sgr: sgr) + "q",
             Array(repeating: .pointer(PointerEvent(.wheelDown, column: 50, row: 9)), count: 4)
                + [.pointer(PointerEvent(.wheelUp, column: 50, row: 9)), q]),
        ]
    }

    /// Feeds `bytes` to a curses screen of terminal type `term` set up as the lab sets up its own, and
    /// returns what ``readInputs(waitingAtMost:)`` delivers (empty-handed reads dropped); nil when this
    /// machine has no terminfo entry for `term`.
    static func inputs(from bytes: String, term: String) -> [TerminalInput]? {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0, let input = fdopen(pipeEnds[0], "r"), let output = fopen("/dev/null", "w") else { return nil }
        defer { fclose(input); fclose(output) }
        guard let screen = newterm(term, output, input) else { close(pipeEnds[1]); return nil }
        set_term(screen)
        keypad(nnp_stdscr(), true)
        enableMouseReporting()
        _ = bytes.utf8CString.withUnsafeBufferPointer { write(pipeEnds[1], $0.baseAddress, $0.count - 1) }
        close(pipeEnds[1])
        var result: [TerminalInput] = []
        while case let next = readInputs(waitingAtMost: 200), !next.isEmpty { result += next.filter { $0 != .none } }
        mousemask(0, nil)
        endwin()
        delscreen(screen)
        return result
    }

    @Test("curses decodes X10 mouse reports for tmux-256color and screen-256color, SGR 1006 for xterm-256color",
          arguments: [("tmux-256color", false), ("screen-256color", false), ("xterm-256color", true)])
    func throughCurses(term: String, sgr: Bool) {
        for (bytes, expected) in Self.gestures(sgr: sgr) {
            guard let inputs = Self.inputs(from: bytes, term: term) else {
                print("skipped: no terminfo entry for \(term) on this machine (Debian's ncurses-base has it)")
                return
            }
            #expect(inputs == expected, "\(term): \(bytes.debugDescription)")
        }
    }

    @Test("getmouse events: button 1 pressed is a press, buttons 4 and 5 the wheel; releases and other buttons are nothing")
    func events() {
        func event(_ state: mmask_t, x: Int32 = 4, y: Int32 = 2) -> MEVENT { MEVENT(id: 0, x: x, y: y, z: 0, bstate: state) }
        #expect(decodePointer(event(nnp_button1_pressed())) == PointerEvent(.press, column: 4, row: 2))
        #expect(decodePointer(event(nnp_button1_clicked())) == PointerEvent(.press, column: 4, row: 2), "press and release merged")
        #expect(decodePointer(event(nnp_button4_pressed(), x: 0, y: 0)) == PointerEvent(.wheelUp, column: 0, row: 0))
        #expect(decodePointer(event(nnp_button5_pressed())) == PointerEvent(.wheelDown, column: 4, row: 2))
        #expect(decodePointer(event(nnp_button1_pressed() >> 1)) == nil, "button 1 released")
        #expect(decodePointer(event(nnp_button1_pressed() << 5)) == nil, "button 2 pressed")
        #expect(decodePointer(event(nnp_button1_pressed(), x: -1)) == nil)
    }
}
