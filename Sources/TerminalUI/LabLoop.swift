import Canvas
import LabShell
import Simulation

/// The lab's main loop, independent of curses: wait for keys until the next frame is due, take every
/// key already typed, then copy the latest snapshot and draw it. The simulation actor steps on the
/// cooperative pool meanwhile; this loop never awaits it.
final class LabLoop<Terminal: LabTerminal> {
    var terminal: Terminal
    let simulation: Simulation
    private let shell: Shell
    private var backend: ActorBackend
    private(set) var controls = ViewControls()
    private let mode: RenderMode
    /// The shell's last one-line reply, shown until the simulation posts a newer message.
    private var shellMessage: (message: LabMessage, after: Int)?
    /// Frames drawn so far, and the wall-clock time spent building and showing them.
    private(set) var framesDrawn = 0
    private(set) var drawingTime = Duration.zero
    /// Frames per second the loop aims at.
    static var framesPerSecond: Double { 30 }
    /// How often to look for the answer to a command, ms.
    static var pollMilliseconds: Int { 2 }
    /// The sequence number of the last command sent, until a snapshot shows it carried out.
    private var awaitedCommand: Int?

    init(terminal: Terminal, simulation: Simulation, shell: Shell, mode: RenderMode) {
        self.terminal = terminal
        self.simulation = simulation
        self.shell = shell
        self.mode = mode
        backend = ActorBackend(simulation: simulation)
    }

    /// Runs until a key asks to quit or `shouldStop` says so (checked at least once per frame).
    func run(shouldStop: () -> Bool) {
        let clock = ContinuousClock()
        let frame = Duration.seconds(1 / Self.framesPerSecond)
        var nextFrame = clock.now
        while !shouldStop() {
            let wait = max(0, (nextFrame - clock.now) / .milliseconds(1))
            var changed = false
            // While a command is on its way to the simulation, look for its snapshot every few ms.
            var waitMilliseconds = min(Int(wait.rounded(.up)), awaitedCommand == nil ? Int.max : Self.pollMilliseconds)
            while let input = terminal.nextInput(waitingAtMost: waitMilliseconds) {
                waitMilliseconds = 0
                changed = true
                if case let .key(key) = input, !handle(key) { return }
            }
            if let awaited = awaitedCommand, simulation.latest().appliedCommands >= awaited {
                awaitedCommand = nil
                changed = true
            }
            if clock.now >= nextFrame {
                draw()
                nextFrame = max(nextFrame + frame, clock.now)
            } else if changed {
                draw()  // an extra frame: the regular ones keep their pace
            }
        }
    }

    /// Applies a key; false when the lab should quit.
    private func handle(_ key: LabKey) -> Bool {
        switch controls.handle(key, completer: shell.completer) {
        case .view: return true
        case .quit: return false
        case let .simulation(command):
            awaitedCommand = simulation.send(command.command)
            return true
        case let .submit(line):
            let sentBefore = backend.lastSent
            let reply = shell.execute(line: line, on: &backend)
            if backend.lastSent != sentBefore { awaitedCommand = backend.lastSent }
            if reply.quit { return false }
            if reply.lines.count > 1 {
                controls.showOutput(title: line, lines: reply.lines)
            } else if let text = reply.lines.first {
                let serial = simulation.latest().message?.serial ?? 0
                shellMessage = (LabMessage(text: text, isError: reply.isError, serial: serial), serial)
            }
            return true
        }
    }

    /// Copies the latest snapshot and draws it.
    func draw() {
        let clock = ContinuousClock()
        let start = clock.now
        defer { drawingTime += clock.now - start }
        let snapshot = simulation.latest()
        var message = snapshot.message
        if let shellMessage, (snapshot.message?.serial ?? 0) <= shellMessage.after { message = shellMessage.message }
        let frame = LabFrame(snapshot: snapshot, controls: controls, message: message)
        terminal.show(LabScreen.render(frame: frame, size: terminal.size, mode: mode))
        framesDrawn += 1
    }
}
