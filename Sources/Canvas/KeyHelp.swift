import Foundation
/// The lab's keys, described once for the help overlay and the key-hint line.
public struct KeyBinding: Sendable, Hashable {
    /// The key(s) as shown, e.g. "c" or "←↑↓→ hjkl".
    public var keys: String
    /// A word or two for the hint line, e.g. "cutoff".
    public var hint: String
    /// A sentence for the help overlay.
    public var description: String
}

public enum KeyHelp {
    /// Every key of the lab, in the order the hint line shows them (most important first).
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: "q", hint: "quit", description: "quit (Ctrl-C too)"),
        KeyBinding(keys: "space", hint: "pause", description: "pause or resume the simulation"),
        KeyBinding(keys: "c", hint: "cutoff", description: "cycle the cutoff: step → kinked → smooth"),
        KeyBinding(keys: "a", hint: "activation", description: "toggle the activation: ReLU ↔ tanh"),
        KeyBinding(keys: "r", hint: "reset", description: "reset to the scene's initial state"),
        KeyBinding(keys: "[ ]", hint: "dt", description: "halve / double the time step dt"),
        KeyBinding(keys: "?", hint: "help", description: "open this help (F1 too)"),
        KeyBinding(keys: ":", hint: "command", description: "open the command line (try `help`)"),
        KeyBinding(keys: "< >", hint: "speed", description: "halve / double the speed (simulated ps per second)"),
        KeyBinding(keys: "m", hint: "compare", description: "compare mode: the scene's six models side by side (Tab: whose atoms; m/Esc: back)"),
        KeyBinding(keys: "o", hint: "colour", description: "atom colours: element → atomic energy → |F_i| → extrapolation"),
        KeyBinding(keys: "i", hint: "inspect", description: "inspector: f_c(r), dimer E(r) and F(r), activation, pair distances"),
        KeyBinding(keys: "PgUp PgDn", hint: "scroll", description: "scroll a panel (help, command output, :messages, lesson, picked atom)"),
        KeyBinding(keys: "l", hint: "log plot", description: "conservation plot: ΔE ↔ log |ΔE| and running RMS"),
        KeyBinding(keys: "←↑↓→ hjk", hint: "rotate", description: "rotate the atom view"),
        KeyBinding(keys: "+ -", hint: "zoom", description: "zoom the atom view in / out"),
        KeyBinding(keys: "x", hint: "pick atom", description: "pick the next atom: its ε_i, |F_i|, neighbours within r_c and G against the training range (Esc: none)"),
        KeyBinding(keys: "mouse", hint: "pick, scroll",
                   description: "click an atom to pick it (empty space: none); the wheel scrolls the panel under it, over the atoms it zooms"),
        KeyBinding(keys: "n p", hint: "lesson", description: "in a lesson: next / previous step (:lesson NAME starts one)"),
        KeyBinding(keys: "Esc", hint: "close", description: "close this help, the command line or a panel"),
    ]

    /// What the help overlay says about the speed, below the keys.
    public static let speedNote = [
        "Speed: the view plays 1 ps of simulated time per second, so the energy",
        "trace crosses its 2 ps window in 2 s. :set speed max runs flat out.",
    ]

    /// The help overlay's lines: each key padded to one column, then its description.
    public static var helpLines: [String] {
        let keyWidth = bindings.map(\.keys.count).max() ?? 0
        return bindings.map { $0.keys.padding(toLength: keyWidth, withPad: " ", startingAt: 0) + "   " + $0.description }
    }
}
