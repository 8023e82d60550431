import Canvas
import Geometry
import LabShell
import Simulation
import Scenes

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
    /// Frames per second the loop aims at: a little above the 30 the lab promises, because a frame the
    /// machine draws late is not made up (aiming at exactly 30, compare mode measured 30.3-31.8 frames/s,
    /// the extra ones drawn for key presses: a few late frames would have taken it under 30).
    static var framesPerSecond: Double { 32 }
    /// How often to look for the answer to a command, ms.
    static var pollMilliseconds: Int { 2 }
    /// The sequence number of the last command sent, until a snapshot shows it carried out.
    private var awaitedCommand: Int?
    /// A long command (an exercise, the drift table) running on its own thread, and its last note shown.
    private var job: BackgroundJob?
    /// Every message shown so far, whole, oldest first (`:messages`); the last simulation message logged.
    private var messageLog: [String] = []
    private var loggedSerial = 0
    static var messageLogCapacity: Int { 500 }
    private var jobNote: String?
    /// The current lesson step's commands still to run, and until when a `wait` holds them.
    private var lessonQueue: [LessonAction] = []
    private var lessonWait: ContinuousClock.Instant?
    /// The frame last shown: a click means what it drew at the clicked cell.
    private var shownFrame: LabFrame?

    init(terminal: Terminal, simulation: Simulation, shell: Shell, mode: RenderMode, lesson: Lesson? = nil) {
        self.terminal = terminal
        self.simulation = simulation
        self.shell = shell
        self.mode = mode
        backend = ActorBackend(simulation: simulation)
        if let lesson { begin(lesson) }
    }

    /// Opens `lesson` at its first step.
    private func begin(_ lesson: Lesson) {
        controls.lesson = LessonProgress(lesson: lesson)
        enterLessonStep(0)
    }

    /// Queues step `index`'s commands (replacing what the previous step had left).
    private func enterLessonStep(_ index: Int) {
        lessonQueue = controls.lesson?.lesson.actions(ofStep: index) ?? []
        lessonWait = nil
    }

    /// Runs the lesson's queued commands one after another: each waits until the simulation has
    /// carried out the previous one (so `check` sees the scene `load` opened), any running job has
    /// finished and any `wait` has passed. True when something ran.
    private func advanceLesson() -> Bool {
        guard controls.lesson != nil else { lessonQueue = []; return false }
        var ran = false
        while !lessonQueue.isEmpty, awaitedCommand == nil, job == nil {
            if let until = lessonWait {
                guard ContinuousClock.now >= until else { break }
                lessonWait = nil
            }
            ran = true
            switch lessonQueue.removeFirst() {
            case let .lab(command):
                let sentBefore = backend.lastSent
                let reply = shell.execute(command, on: &backend)
                if backend.lastSent != sentBefore { awaitedCommand = backend.lastSent }
                respond(to: reply, title: "\(command)")
            case let .inspector(open): controls.inspectorOpen = open
            case let .colour(colouring): controls.colouring = colouring
            case let .logPlot(on): controls.logarithmicDrift = on
            case let .wait(seconds): lessonWait = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
            }
        }
        return ran
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
                switch input {
                case let .key(key): if !handle(key) { return }
                case let .pointer(event): point(event)
                case .resize, .none: break
                }
            }
            if let awaited = awaitedCommand, simulation.latest().appliedCommands >= awaited {
                awaitedCommand = nil
                changed = true
            }
            if job != nil, followJob() { changed = true }
            if !lessonQueue.isEmpty, advanceLesson() { changed = true }
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
        let snapshot = simulation.latest()
        controls.follow(comparedModels: snapshot.compared?.map(\.choice), current: snapshot.choice)
        controls.atomCount = snapshot.system.count
        controls.atomReportLength = shownFrame?.atomReport?.count ?? 0
        switch controls.handle(key, completer: shell.completer) {
        case .view: return true
        case .quit: return false
        case let .simulation(command):
            awaitedCommand = simulation.send(command.command)
            return true
        case let .lessonStep(index):
            enterLessonStep(index)
            return true
        case let .submit(line):
            let sentBefore = backend.lastSent
            let reply = shell.execute(line: line, on: &backend)
            if backend.lastSent != sentBefore { awaitedCommand = backend.lastSent }
            if reply.quit { return false }
            respond(to: reply, title: line)
            return true
        }
    }

    /// Applies a mouse event to what the last frame showed at its cell (see ``ViewControls/handle(_:on:)``).
    private func point(_ event: PointerEvent) {
        guard let frame = shownFrame else { return }
        controls.atomCount = frame.atoms.count
        controls.atomReportLength = frame.atomReport?.count ?? 0
        let target = LabScreen.target(atColumn: event.column, row: event.row, frame: frame, size: terminal.size, mode: mode)
        controls.handle(event, on: target)
    }

    /// Shows a command's reply: the message log, a job started, a lesson begun, or its lines.
    private func respond(to reply: ShellReply, title: String) {
        if reply.showsMessageLog {
            controls.showOutput(title: "messages", lines: messageLog.isEmpty ? ["no messages yet"] : messageLog)
        } else if let work = reply.job {
            start(work)
        } else {
            show(reply, title: title)
            if let lesson = reply.lesson { begin(lesson) }
        }
    }

    /// A command's reply: several lines open the output panel, one goes to the message line.
    private func show(_ reply: ShellReply, title: String) {
        if reply.lines.count > 1 {
            controls.showOutput(title: title, lines: reply.lines)
        } else if let text = reply.lines.first {
            say(text, isError: reply.isError)
        }
    }

    /// Shows `text` in the message line until the simulation posts something newer.
    private func say(_ text: String, isError: Bool = false) {
        let serial = simulation.latest().message?.serial ?? 0
        shellMessage = (LabMessage(text: text, isError: isError, serial: serial), serial)
        log(text)
    }

    /// Keeps `text` in the message log (bounded: the oldest go first).
    private func log(_ text: String) {
        messageLog.append(text)
        if messageLog.count > Self.messageLogCapacity { messageLog.removeFirst(messageLog.count - Self.messageLogCapacity) }
    }

    /// Starts a long command on its own thread (one at a time).
    private func start(_ work: ShellJob) {
        if let job {
            say("\(job.title) is still running; wait for its result before starting \(work.title)", isError: true)
            return
        }
        job = BackgroundJob(work)
        jobNote = nil
        say("running \(work.title) … (the simulation goes on; the result opens in a panel)")
    }

    /// Shows a running job's new note, or its result once it is done; true when something changed.
    private func followJob() -> Bool {
        guard let running = job else { return false }
        if let result = running.result {
            job = nil
            // A result opens the output panel; a one-line failure goes to the message line.
            if result.isError, result.lines.count == 1 {
                say(result.lines[0], isError: true)
            } else {
                controls.showOutput(title: running.title, lines: result.lines)
                say("\(running.title): done (Esc closes the panel)", isError: result.isError)
            }
            return true
        }
        guard let note = running.progress, note != jobNote else { return false }
        jobNote = note
        say("running \(running.title) … \(note)")
        return true
    }

    /// Copies the latest snapshot and draws it.
    func draw() {
        let clock = ContinuousClock()
        let start = clock.now
        defer { drawingTime += clock.now - start }
        let snapshot = simulation.latest()
        controls.follow(comparedModels: snapshot.compared?.map(\.choice), current: snapshot.choice)
        var message = snapshot.message
        if let news = snapshot.message, news.serial > loggedSerial {
            loggedSerial = news.serial
            log(news.text)
        }
        if let shellMessage, (snapshot.message?.serial ?? 0) <= shellMessage.after { message = shellMessage.message }
        let frame = LabFrame(snapshot: snapshot, controls: controls, message: message)
        terminal.show(LabScreen.render(frame: frame, size: terminal.size, mode: mode))
        shownFrame = frame
        framesDrawn += 1
    }
}
