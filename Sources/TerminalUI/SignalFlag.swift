#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The last SIGINT, SIGTERM or SIGHUP received (0: none). A signal handler may only set a flag; the UI loop
/// reads it once per frame and leaves through the one exit path that restores the terminal.
private let receivedSignal = Atomic<Int32>(0)

enum SignalFlag {
    /// Installs SIGINT, SIGTERM and SIGHUP handlers that set the flag (before curses starts, so the
    /// terminal is restored however the lab is stopped).
    static func install() {
        let handler: @convention(c) (Int32) -> Void = { number in receivedSignal.store(number, ordering: .relaxed) }
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
        signal(SIGHUP, handler)
    }

    /// The exit status after the lab stopped: 128 + the signal that stopped it (the shell's
    /// convention for a process killed by that signal: 130 for Ctrl-C, 143 for SIGTERM), or 0.
    static var exitStatus: Int32 { received.map { 128 + $0 } ?? 0 }

    /// The signal received, or nil.
    static var received: Int32? {
        let number = receivedSignal.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }
}
