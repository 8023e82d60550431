#!/usr/bin/env bash
# End to end: lessons in the lab, in tmux at 100x30.
#  - nnplab view --lesson BAD (a missing name, a file with an unknown command) prints ONE line naming
#    the file (and line) and exits non-zero;
#  - --lesson smoothness opens with step 1's narration and "step 1 of 5", its commands carried out
#    (smooth cutoff, tanh); n shows step 2 and runs its command (the inspector opens); p goes back;
#  - :lesson nowhere is refused in one line and the lab goes on; :lesson timestep starts that lesson;
#  - n past the last step closes the panel; x picks atom 0, then atom 1 (ε_i, |F_i|, neighbours,
#    G against the training range), Esc lets go; q exits 0.
# Usage: lab_lesson.sh NNPLAB
set -uo pipefail
binary="${1:?usage: $0 path/to/nnplab}"
name=lab_lesson
source "$(dirname "$0")/lab_tmux.bash"

# Bad lessons: one line, non-zero exit, before any screen opens.
"$binary" view --lesson nowhere >"$work/out" 2>&1 && fail "--lesson nowhere exited 0"
[ "$(wc -l <"$work/out")" -eq 1 ] || fail "--lesson nowhere printed more than one line: $(cat "$work/out")"
grep -q "smoothness" "$work/out" || fail "--lesson nowhere does not list the lessons: $(cat "$work/out")"
printf 'title = "Bad"\n[[step]]\nnarration = "x"\ncommands = [\n  "run 5",\n  "fly away",\n]\n' >"$work/bad.toml"
"$binary" view --lesson "$work/bad.toml" >"$work/out" 2>&1 && fail "a lesson with an unknown command exited 0"
[ "$(wc -l <"$work/out")" -eq 1 ] || fail "a bad lesson printed more than one line: $(cat "$work/out")"
grep -q "bad.toml:6: .*fly away" "$work/out" || fail "the bad lesson's line is not named: $(cat "$work/out")"

start_lab 100 30 --duration 120 --lesson smoothness
wait_for "lesson: Smoothness"
wait_for "Molecular dynamics moves atoms"
wait_for "step 1 of 5 · n next"
wait_for_status "cutoff: smooth  activation: tanh"

tmux_ send-keys -t lab n
wait_for "step 2 of 5 · n next · p back"
wait_for "The inspector \(right\) shows"
wait_gone "Molecular dynamics moves atoms"
wait_for "f_c"
tmux_ send-keys -t lab p
wait_for "step 1 of 5 · n next"
wait_for "Molecular dynamics moves atoms"

# A lesson that does not exist: one line, and the lesson goes on.
tmux_ send-keys -t lab ":lesson nowhere" Enter
wait_for "lesson: nowhere: expected a lesson file"
wait_for "step 1 of 5"
# Another lesson replaces it; n past its last step ends it.
tmux_ send-keys -t lab ":lesson timestep" Enter
wait_for "lesson: Time step"
wait_for "step 1 of 5 · n next"
wait_for_status "dt 1 fs"
for k in 2 3 4; do
    tmux_ send-keys -t lab n
    wait_for "step $k of 5"
done
tmux_ send-keys -t lab n
wait_for "step 5 of 5 · n ends the lesson"
tmux_ send-keys -t lab n
wait_gone "lesson: Time step"

# x picks atom 0: its report replaces the plots; Esc lets it go.
tmux_ send-keys -t lab x
wait_for "picked atom \(x next, Esc none\)"
wait_for "atom 0 \(Ar\)  ε_i .* eV  \|F_i\| .* eV/Å"
wait_for "[0-9]+ neighbours within r_c = 6.50 Å"
wait_for "G\[0\] "
tmux_ send-keys -t lab x
wait_for "atom 1 \(Ar\)"
tmux_ send-keys -t lab Escape
wait_gone "picked atom"

tmux_ send-keys -t lab q
wait_for "LAB-ENDED"
grep -q "exit=0" "$work/status" || fail "the lab did not exit 0: $(cat "$work/status")"
echo "lab_lesson: ok"
