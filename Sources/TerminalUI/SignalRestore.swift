#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Restores the terminal when the lab dies of a fatal signal (SIGILL from a Swift runtime trap,
/// SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGTRAP) while curses owns the screen.
///
/// The handler may only do async-signal-safe work, so it allocates nothing and calls only write(2),
/// tcsetattr(3) and raise(3): it leaves the alternate screen (`ESC[?1049l`, curses' rmcup), shows
/// the cursor (`ESC[?25h`), resets the attributes (`ESC[0m`), turns mouse reporting off
/// (`ESC[?1000l`, `ESC[?1006l`: the modes curses turns on), puts back the terminal modes saved
/// before curses started (echo, canonical input), writes one line naming the signal to standard
/// error, then re-raises the signal with its default action so the process still dies of it (exit
/// status 128 + signal, and a core dump where enabled). Limitation: a stack overflow on a thread other
/// than the main one has no alternate signal stack to run the handler on.
enum SignalRestore {
    static let fatalSignals: [Int32] = [SIGILL, SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGTRAP]

    /// Saves the terminal modes; call before curses changes them. Curses sets the modes of its
    /// output (standard output) when that is a terminal, so those are the ones saved.
    static func saveTerminalModes() {
        terminalDescriptor = isatty(STDOUT_FILENO) == 1 ? STDOUT_FILENO : STDIN_FILENO
        hasSavedModes = tcgetattr(terminalDescriptor, &savedModes) == 0
    }

    /// Installs the handler for every fatal signal, on an alternate stack for the main thread.
    static func install() {
        if alternateStack == nil, let memory = malloc(Int(alternateStackSize)) {
            alternateStack = memory
            var stack = stack_t()
            stack.ss_sp = memory
            stack.ss_size = Int(alternateStackSize)
            stack.ss_flags = 0
            sigaltstack(&stack, nil)
        }
        for number in fatalSignals { setAction(number, handler: fatalSignalHandler) }
    }

    /// Puts back the default action of every fatal signal (once curses has restored the terminal itself).
    static func uninstall() {
        for number in fatalSignals { setAction(number, handler: nil) }
    }

    private static let alternateStackSize = 64 * 1024

    private static func setAction(_ number: Int32, handler: (@convention(c) (Int32) -> Void)?) {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler ?? SIG_DFL
        action.sa_flags = Int32(SA_ONSTACK) | Int32(bitPattern: UInt32(SA_RESETHAND))
        #else
        action.__sigaction_u.__sa_handler = handler ?? SIG_DFL
        action.sa_flags = SA_ONSTACK | SA_RESETHAND
        #endif
        sigemptyset(&action.sa_mask)
        sigaction(number, &action, nil)
    }
}

// Written once before the handler can run, then only read by it.
nonisolated(unsafe) private var savedModes = termios()
nonisolated(unsafe) private var hasSavedModes = false
nonisolated(unsafe) private var terminalDescriptor = STDOUT_FILENO
nonisolated(unsafe) private var alternateStack: UnsafeMutableRawPointer?

/// Writes a static string to a file descriptor: no allocation, safe in a signal handler.
private func emit(_ fd: Int32, _ text: StaticString) {
    _ = write(fd, text.utf8Start, text.utf8CodeUnitCount)
}

private func fatalSignalHandler(_ number: Int32) {
    emit(STDOUT_FILENO, "\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m\u{1B}[?1000l\u{1B}[?1006l\r\n")
    if hasSavedModes { _ = tcsetattr(terminalDescriptor, TCSANOW, &savedModes) }
    switch number {
    case SIGILL: emit(STDERR_FILENO, "nnplab: crashed (SIGILL: a runtime trap); the terminal was restored\n")
    case SIGSEGV: emit(STDERR_FILENO, "nnplab: crashed (SIGSEGV: invalid memory access); the terminal was restored\n")
    case SIGBUS: emit(STDERR_FILENO, "nnplab: crashed (SIGBUS: bus error); the terminal was restored\n")
    case SIGFPE: emit(STDERR_FILENO, "nnplab: crashed (SIGFPE: arithmetic error); the terminal was restored\n")
    case SIGABRT: emit(STDERR_FILENO, "nnplab: aborted (SIGABRT); the terminal was restored\n")
    case SIGTRAP: emit(STDERR_FILENO, "nnplab: crashed (SIGTRAP: a runtime trap); the terminal was restored\n")
    default: emit(STDERR_FILENO, "nnplab: crashed on a fatal signal; the terminal was restored\n")
    }
    // SA_RESETHAND has put back the default action; the signal is delivered when the handler returns
    // (a faulting instruction also faults again), so the process dies of it.
    raise(number)
}
