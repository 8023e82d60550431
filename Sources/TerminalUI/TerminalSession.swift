import CNCurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the terminal cannot be used.
public enum TerminalError: Error, CustomStringConvertible {
    case noTerminalType
    case unknownTerminal(String)
    public var description: String {
        switch self {
        case .noTerminalType: "TERM is not set, so the terminal's capabilities are unknown; set it (e.g. TERM=xterm-256color)"
        case let .unknownTerminal(name): "cannot start curses on terminal type '\(name)' (is its terminfo entry installed?)"
        }
    }
}

/// One curses screen on stdin/stdout, opened with `newterm` (which, unlike `initscr`, reports an
/// unusable terminal instead of exiting). Main thread only: curses is not thread-safe.
final class TerminalSession {
    private let screen: OpaquePointer
    private var isOpen = true
    /// Whether colours are drawn (the terminal has them and the user did not turn them off).
    let usesColor: Bool
    /// Whether the locale's character set is UTF-8 (otherwise the lab draws ASCII).
    let isUTF8: Bool

    init(wantColor: Bool) throws {
        setlocale(LC_ALL, "")
        isUTF8 = String(cString: nl_langinfo(nl_item(CODESET))).uppercased().filter { $0 != "-" } == "UTF8"
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
            throw TerminalError.noTerminalType
        }
        SignalRestore.saveTerminalModes()
        guard let screen = newterm(nil, nnp_stdout(), nnp_stdin()) else { throw TerminalError.unknownTerminal(term) }
        self.screen = screen
        set_term(screen)
        cbreak()
        noecho()
        nonl()
        keypad(nnp_stdscr(), true)
        enableMouseReporting()
        set_escdelay(25)
        curs_set(0)
        // From here on the screen is curses': a crash must give it back (see SignalRestore).
        SignalRestore.install()
        usesColor = wantColor && has_colors()
        if usesColor {
            start_color()
            use_default_colors()
            Palette.install(colors: Int(nnp_colors()))
        }
    }

    /// Restores the terminal. Safe to call more than once.
    func close() {
        guard isOpen else { return }
        isOpen = false
        SignalRestore.uninstall()
        mousemask(0, nil)  // reporting off, so clicks after the lab go back to the terminal
        endwin()
        delscreen(screen)
    }

    deinit { close() }

    var width: Int { Int(getmaxx(nnp_stdscr())) }
    var height: Int { Int(getmaxy(nnp_stdscr())) }
}
