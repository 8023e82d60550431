#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The last SIGINT or SIGTERM received (0: none). A signal handler may only set a flag; the UI loop
/// reads it once per frame and leaves through the one exit path that restores the terminal.
private let receivedSignal = Atomic<Int32>(0)

enum SignalFlag {
    /// Installs SIGINT and SIGTERM handlers that set the flag (before curses starts, so the terminal
    /// is restored however the lab is stopped).
    static func install() {
        let handler: @convention(c) (Int32) -> Void = { number in receivedSignal.store(number, ordering: .relaxed) }
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
    }

    /// The signal received, or nil.
    static var received: Int32? {
        let number = receivedSignal.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }
}
