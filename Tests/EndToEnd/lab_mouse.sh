#!/usr/bin/env bash
# End to end: the mouse in the real lab, in tmux at 100x24 (short enough that help scrolls), with
# TERM=xterm-256color (curses asks for SGR 1006 reports), then tmux-256color and screen-256color (X10
# reports). tmux passes what send-keys types to the lab as if the terminal had sent it, so the test
# types the reports a terminal sends for a click and for wheel notches. The lab must turn mouse
# reporting on (tmux's pane flags say so); a click on a cell showing part of an atom picks it (the
# picked atom panel opens and that very cell turns reverse video, the picked atom's mark); a click on
# empty space in the view unpicks; the wheel over the help panel scrolls it 3 lines a notch and back;
# over the atoms it zooms; after q (exit 0) mouse reporting is off again.
# Usage: lab_mouse.sh NNPLAB
set -uo pipefail
binary="${1:?usage: $0 path/to/nnplab}"
name=lab_mouse
source "$(dirname "$0")/lab_tmux.bash"
if ! command -v python3 >/dev/null; then
    [ "${CI:-}" = true ] && { echo "$name: python3 is not installed (CI installs it)"; exit 1; }
    echo "$name: skipped: python3 is not installed (it finds atoms in the screen capture)"; exit 0
fi

# One mouse report at 0-based (column, row), as the terminal type in use encodes it: button 0 is the
# left one (release: "release"), 64 and 65 the wheel.
mouse() {
    local button="$1" column="$2" row="$3" release="${4:-}"
    if [ "$protocol" = sgr ]; then
        tmux_ send-keys -t lab -l $'\e'"[<$button;$((column + 1));$((row + 1))$([ -n "$release" ] && echo m || echo M)"
    else
        [ -n "$release" ] && button=3
        tmux_ send-keys -t lab -H 1b 5b 4d "$(printf '%x' $((32 + button)))" "$(printf '%x' $((33 + column)))" "$(printf '%x' $((33 + row)))"
    fi
}
click() { mouse 0 "$1" "$2"; mouse 0 "$1" "$2" release; }

# Finds cells in the atom view (left of the first ╮ on row 0) of the capture on stdin: "atom" gives
# one fully dotted braille cell (the inside of a disc), "empty" one blank cell with nothing drawn
# within 3 columns and 2 rows of it inside the view (so no atom's centre within the two cells a click
# may miss by); prints "COLUMN ROW".
find_cell() {
    python3 -c '
import sys
kind = sys.argv[1]
rows = sys.stdin.read().split("\n")
right = rows[0].index("\u256e")
inside = [(x, y) for y in range(1, len(rows)) for x in range(1, right) if x < len(rows[y])]
bottom = next(y for y in range(1, len(rows)) if rows[y].startswith("\u2570"))
def blank(x, y): return not (0 < x < right and 0 < y < bottom) or rows[y][x] in " \u2800"
if kind == "atom":
    cells = [(x, y) for x, y in inside if rows[y][x] == "\u28ff" and "\u2502" not in rows[y][:right][x-1:x+2]]
else:
    cells = [(x, y) for x, y in inside if y < bottom and all(blank(x + i, y + j) for i in range(-3, 4) for j in range(-2, 3))]
if cells: print(*cells[len(cells) // 2])
' "$1"
}

# Whether the cell at (column, row) is drawn in reverse video, from the capture with its escapes.
is_reverse() {
    tmux_ capture-pane -p -e -t lab | python3 -c '
import re, sys
column, row = int(sys.argv[1]), int(sys.argv[2])
line = sys.stdin.read().split("\n")[row]
reverse, x = False, 0
for token in re.findall(r"\x1b\[[0-9;]*m|.", line, re.S):
    if token.startswith("\x1b["):
        codes = [int(c) if c else 0 for c in token[2:-1].split(";")]
        for c in codes:
            if c in (0, 27): reverse = False
            elif c == 7: reverse = True
        continue
    if x == column: sys.exit(0 if reverse else 1)
    x += 1
sys.exit(1)
' "$1" "$2"
}

mouse_flags() { tmux_ display -p -t lab '#{mouse_standard_flag}#{mouse_sgr_flag}'; }

run_with() {
    lab_term="$1" protocol="$2"
    rm -f "$work/status"
    start_lab 100 24 --duration 120
    wait_for_status "cutoff: smooth"
    # Reporting on: X10 (1000) always, and SGR (1006) where the terminal type asks for it.
    local want=10; [ "$protocol" = sgr ] && want=11
    poll mouse_flags "^$want\$" here "$lab_term: the lab did not turn mouse reporting on (pane flags $(mouse_flags), want $want)"

    # Paused, the atoms stay where the capture saw them.
    tmux_ send-keys -t lab Space
    wait_for_status "paused"
    sleep 0.2
    # Small discs may cover no braille cell fully (it depends on where the atoms are): zoom in, up to
    # four times, until one does; zoom back out after the click tests.
    local cell zooms=0
    cell="$(screen | find_cell atom)"
    while [ -z "$cell" ] && [ $zooms -lt 4 ]; do
        tmux_ send-keys -t lab +
        zooms=$((zooms + 1))
        sleep 0.3
        cell="$(screen | find_cell atom)"
    done
    [ -n "$cell" ] || fail "$lab_term: no atom (a full braille cell) found in the atom view, even zoomed in 4 times"
    read -r column row <<<"$cell"
    click "$column" "$row"
    wait_for "picked atom \(x next, Esc none\)"
    wait_for "atom [0-9]+ \(Ar\)  ε_i"
    is_reverse "$column" "$row" || fail "$lab_term: the clicked cell ($column, $row) is not drawn as the picked atom (reverse video)"

    cell="$(screen | find_cell empty)"
    [ -n "$cell" ] || fail "$lab_term: no empty space found in the atom view"
    read -r column row <<<"$cell"
    click "$column" "$row"
    wait_gone "picked atom"
    for ((k = 0; k < zooms; k++)); do tmux_ send-keys -t lab -; done
    [ $zooms -eq 0 ] || wait_gone "zoom [0-9.]+×"

    # The wheel over the help panel: 3 lines a notch, down then back up.
    tmux_ send-keys -t lab '?'
    wait_for "lines 1–[0-9]+ of [0-9]+, PgUp/PgDn scroll"
    mouse 65 50 12
    wait_for "lines 4–[0-9]+ of"
    mouse 65 50 12
    wait_for "lines 7–[0-9]+ of"
    mouse 64 50 12
    mouse 64 50 12
    wait_for "lines 1–[0-9]+ of"
    tmux_ send-keys -t lab Escape
    wait_gone "help — keys"

    # Over the atoms with no panel there, the wheel zooms (the view's title shows it).
    mouse 64 10 5
    wait_for "zoom 1\.25×"
    mouse 65 10 5
    wait_gone "zoom 1\.25×"

    tmux_ send-keys -t lab q
    wait_for "LAB-ENDED"
    [ "$(cat "$work/status")" = "exit=0" ] || fail "$lab_term: q exited with $(cat "$work/status")"
    [ "$(mouse_flags)" = "00" ] || fail "$lab_term: mouse reporting still on after the lab ended (pane flags $(mouse_flags))"
    tmux_ kill-session -t lab
}

# A second session keeps the tmux server alive between the two runs.
tmux_ new-session -d -s idle "sleep 600"
run_with xterm-256color sgr
run_with tmux-256color x10
run_with screen-256color x10
echo "lab_mouse: ok (SGR 1006 with xterm-256color, X10 with tmux-256color and screen-256color)"
