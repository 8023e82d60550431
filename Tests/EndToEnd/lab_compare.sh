#!/usr/bin/env bash
# End to end: the lab's conservation plot and compare mode in tmux at 140x45.
#  - l switches the conservation plot to its log view and back;
#  - m starts compare mode: the legend names all six models (cutoff/activation) with live values, and
#    within 90 s (read every 2 s from 10 s on) it orders them as the drift table does, read from the
#    screen: step >= 100x smooth/tanh, kinked >= 5x smooth/tanh, smooth/relu >= 20x smooth/tanh;
#  - Tab makes the atom view (and the status line) follow the next model; m returns to that one model;
#  - :compare wobbly-tanh is refused in one line and the lab goes on; q exits 0.
# Usage: lab_compare.sh NNPLAB
set -uo pipefail
binary="${1:?usage: $0 path/to/nnplab}"
name=lab_compare
source "$(dirname "$0")/lab_tmux.bash"
# The live value of model $1 (e.g. step/relu) from the compare legend, meV/atom.
value_of() {
    screen | grep -oE -- "━ $1 +[0-9.e+-]+ meV/atom" | head -1 | awk '{print $(NF-1)}'
}

start_lab 140 45 --duration 240

wait_for_status "cutoff: smooth"
wait_for "RMS [0-9.e+-]+ meV/atom"
tmux_ send-keys -t lab l
wait_for "energy conservation, log"
tmux_ send-keys -t lab l
wait_for "energy conservation: E − E\(at switch\)"

tmux_ send-keys -t lab m
for model in step/relu step/tanh kinked/relu kinked/tanh smooth/relu smooth/tanh; do
    wait_for "━ $model +[0-9.e+-]+ meV/atom"
done
wait_for "smooth/tanh .*◀ atoms"
# The kinked cutoff's error is a random walk, so its lead over smooth/tanh grows with the simulated
# time the six models reach, which depends on the machine. Read the legend every 2 s from 10 s on,
# for up to 90 s, until it orders the models with the drift table's margins.
sleep 10
ordered=no
for _ in $(seq 1 40); do
    step=$(value_of step/tanh); kinked=$(value_of kinked/tanh); relu=$(value_of smooth/relu); tanh=$(value_of smooth/tanh)
    if awk -v s="$step" -v k="$kinked" -v r="$relu" -v t="$tanh" \
        'BEGIN { exit !(s >= 100 * t && k >= 5 * t && r >= 20 * t) }'; then ordered=yes; break; fi
    sleep 2
done
echo "lab_compare: step/tanh $step, kinked/tanh $kinked, smooth/relu $relu, smooth/tanh $tanh meV/atom"
[ "$ordered" = yes ] || fail "the compare legend did not order the models as the drift table does (step >= 100x, kinked >= 5x, relu >= 20x smooth/tanh) within 90 s"

# Tab: the atoms and the status follow the next model (after smooth/tanh comes step/relu).
tmux_ send-keys -t lab Tab
wait_for_status "cutoff: step  activation: relu"
wait_for "step/relu .*◀ atoms"
# A model that does not exist: one line, and compare mode goes on.
tmux_ send-keys -t lab ":compare wobbly-tanh" Enter
wait_for "compare: no model 'wobbly-tanh'"
wait_for "━ smooth/tanh"
# m: back to one model, the one shown.
tmux_ send-keys -t lab m
wait_for "one model again: cutoff: step, activation: relu"
wait_for "energy conservation: E − E\(at switch\)"
wait_for_status "cutoff: step  activation: relu"

tmux_ send-keys -t lab q
wait_for "LAB-ENDED"
grep -q "exit=0" "$work/status" || fail "the lab did not exit 0: $(cat "$work/status")"
echo "lab_compare: ok"
