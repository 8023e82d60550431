#!/usr/bin/env bash
# End to end: the real lab in tmux at 100x30. The status line shows the default scene's model
# (cutoff: smooth, activation: tanh); c changes the cutoff in the status line, a switches the
# student's activation to relu, ? opens help, Esc closes it, q exits 0 and restores the terminal.
# Usage: lab_keys.sh NNPLAB
set -uo pipefail
binary="${1:?usage: $0 path/to/nnplab}"
name=lab_keys
source "$(dirname "$0")/lab_tmux.bash"

# The pane runs the lab, then records its exit status and prints a marker once the shell has the
# terminal back.
start_lab 100 30 --duration 120

wait_for_status "cutoff: smooth"
wait_for_status "activation: tanh"
screen | grep -Pq '[\x{2801}-\x{28FF}]' || fail "no braille dots on the screen"

# c really changes the model: the status line (not only the answer above it) says step, then kinked.
tmux_ send-keys -t lab c
wait_for_status "cutoff: step"
status_line | grep -q "cutoff: smooth" && fail "the status line still shows cutoff: smooth after c"
tmux_ send-keys -t lab c
wait_for_status "cutoff: kinked"

# The default scene ships its six student networks: a switches tanh -> relu.
tmux_ send-keys -t lab a
wait_for_status "activation: relu"
screen | grep -q "no network activation" && fail "a found no network to switch on the default scene"

tmux_ send-keys -t lab '?'
wait_for "close this help"
tmux_ send-keys -t lab Escape
wait_gone "close this help"

tmux_ send-keys -t lab q
wait_for "LAB-ENDED"
[ "$(cat "$work/status")" = "exit=0" ] || fail "q exited with $(cat "$work/status")"
# The terminal is restored: the marker is printed by the shell on the normal screen, and no status line remains.
screen | grep -q "cutoff: kinked" && fail "the lab's screen is still shown after q (terminal not restored)"
echo "lab_keys: ok"
