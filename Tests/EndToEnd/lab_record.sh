#!/usr/bin/env bash
# End to end: `nnplab view --record FILE.cast` in tmux at 100x30, with the inspector opened (i shows
# f_c and r_c) and closed, o cycling the atom colours with their legend, and the :messages log
# opened; after q the file must read back as asciicast v2 (a JSON header with version 2, width 100,
# height 30; then [time, "o", text] events, times never decreasing) whose frames show the status
# line and the inspector. A second --record to the same file
# is refused in one line, leaving the file as it was.
# Usage: lab_record.sh NNPLAB
set -uo pipefail
binary="${1:?usage: $0 path/to/nnplab}"
command -v python3 >/dev/null || { echo "lab_record: python3 is not installed"; exit 1; }
name=lab_record
source "$(dirname "$0")/lab_tmux.bash"
cast="$work/demo.cast"
start_lab 100 30 --duration 60 --record "'$cast'"
wait_for "cutoff: smooth"
tmux_ send-keys -t lab i
wait_for "f_c\(r\) and df_c/dr"
wait_for "dimer across r_c"
tmux_ send-keys -t lab i
wait_for "energy conservation"
tmux_ send-keys -t lab o
wait_for "colour: atomic energy ε_i"
wait_for "[0-9] eV ─"
tmux_ send-keys -t lab o
wait_for "colour: \|F_i\|"
tmux_ send-keys -t lab o o
wait_gone "colour:"
tmux_ send-keys -t lab ":messages" Enter
wait_for "messages \(Esc closes\)"
tmux_ send-keys -t lab Escape
sleep 0.5
tmux_ send-keys -t lab q
wait_for "LAB-ENDED"
grep -q "exit=0" "$work/status" || fail "the lab did not exit 0: $(cat "$work/status")"

python3 - "$cast" <<'PY' || exit 1
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
header = json.loads(lines[0])
assert header["version"] == 2 and header["width"] == 100 and header["height"] == 30, header
events = [json.loads(l) for l in lines[1:]]
assert len(events) >= 3, f"only {len(events)} events"
times = [e[0] for e in events]
assert all(isinstance(e, list) and len(e) == 3 and e[1] == "o" and isinstance(e[2], str) for e in events)
assert times == sorted(times), "event times decrease"
text = "".join(e[2] for e in events)
for needle in ["cutoff: smooth", "f_c(r) and df_c/dr", "energy conservation"]:
    assert needle in text, f"no frame shows {needle!r}"
print(f"lab_record: {len(events)} events over {times[-1]:.1f} s read back as asciicast v2")
PY
before=$(md5sum "$cast")
out=$("$binary" view --record "$cast" 2>&1); status=$?
[ $status -ne 0 ] || fail "a second --record to an existing file was accepted"
[ "$(echo "$out" | grep -c .)" -le 2 ] && echo "$out" | grep -q "exists" || fail "refusal not one line naming the file: $out"
[ "$(md5sum "$cast")" = "$before" ] || fail "the existing recording was changed"
echo "lab_record: ok"
