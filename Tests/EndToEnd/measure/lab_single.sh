#!/usr/bin/env bash
# End to end: the lesson read from the lab's one-model readout, as a student in class would.
# In tmux at 140x45 on the default scene, hold each setting for 12 s (c cycles the cutoff
# smooth -> step -> kinked -> smooth, a toggles tanh <-> relu) and read `RMS <x> meV/atom` from the
# screen at the end of each hold. The readout restarts at every switch (E - E(at switch)), so each
# reading is that setting's own 12 s. Passes when the screen orders them as issue 9 asks:
# step >= 100x smooth, kinked >= 5x smooth (tanh), relu >= 20x tanh (smooth cutoff).
# Usage: lab_single.sh NNPLAB [HOLD_SECONDS]
set -uo pipefail
binary="${1:?usage: $0 path/to/nnplab [HOLD_SECONDS]}"
hold="${2:-12}"
name=lab_single
source "$(dirname "$0")/../lab_tmux.bash"
rms() { screen | grep -oE "RMS [0-9.e+-]+ meV/atom" | head -1 | awk '{print $2}'; }
# The simulated time on the status line, ps.
now_ps() { screen | grep -oE " t [0-9.]+ ps " | tail -1 | awk '{print $2}'; }
# Holds the present setting for $hold s and prints its readout and the simulated ps the hold covered
# (a busy machine covers less than the pace's 1 ps/s, and a kink's error grows with the time covered).
held() { local t0; t0=$(now_ps); sleep "$hold"; echo "$(rms) $(awk -v a="$t0" -v b="$(now_ps)" 'BEGIN { printf "%.1f", b - a }')"; }

start_lab 140 45 --duration 600
wait_for_status "cutoff: smooth  activation: tanh"
wait_for "RMS [0-9.e+-]+ meV/atom"
read -r smooth smooth_ps <<< "$(held)"
tmux_ send-keys -t lab c
wait_for_status "cutoff: step  activation: tanh"
read -r step step_ps <<< "$(held)"
tmux_ send-keys -t lab c
wait_for_status "cutoff: kinked  activation: tanh"
read -r kinked kinked_ps <<< "$(held)"
tmux_ send-keys -t lab c
wait_for_status "cutoff: smooth  activation: tanh"
tmux_ send-keys -t lab a
wait_for_status "cutoff: smooth  activation: relu"
read -r relu relu_ps <<< "$(held)"
echo "lab_single: after $hold s each, RMS meV/atom: smooth/tanh $smooth, step/tanh $step, kinked/tanh $kinked, smooth/relu $relu"
echo "lab_single: simulated ps per hold: smooth/tanh $smooth_ps, step/tanh $step_ps, kinked/tanh $kinked_ps, smooth/relu $relu_ps"
awk -v s="$step" -v k="$kinked" -v r="$relu" -v t="$smooth" 'BEGIN {
    printf "lab_single: step/smooth %.3g, kinked/smooth %.3g, relu/tanh %.3g\n", s / t, k / t, r / t
    exit !(t > 0 && s >= 100 * t && k >= 5 * t && r >= 20 * t) }' \
    || fail "the readouts do not order the settings as the lesson says (step >= 100x, kinked >= 5x, relu >= 20x smooth/tanh)"
tmux_ send-keys -t lab q
wait_for "LAB-ENDED"
grep -q "exit=0" "$work/status" || fail "the lab did not exit 0: $(cat "$work/status")"
echo "lab_single: ok"
