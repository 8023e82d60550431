#!/usr/bin/env bash
# End-to-end checks of `nnplab run`: a short NVE run writes its log and trajectory and reports the
# conservation figures; seeded Langevin runs replay exactly; bad input gives one line and a non-zero
# exit; existing files are kept unless --force. Usage: run-command.sh PATH/TO/nnplab
set -euo pipefail
nnplab="$1"
here="$(cd "$(dirname "$0")" && pwd)"
reference="$here/../Fixtures/lammps"
argon="$reference/ar_liquidlike_shiftedforce.xyz"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "run-command.sh: $*" >&2; exit 1; }

# 1. NVE with a log and a trajectory.
"$nnplab" run --structure "$argon" --potential lj --dt 2 --steps 100 --temperature 90 --seed 3 \
    --log "$work/energy.csv" --trajectory "$work/out.xyz" --every 10 > "$work/report.txt"
for key in "rms deviation" "drift" "largest step" "crossings" "list rebuilds" "speed"; do
    grep -q "^$key " "$work/report.txt" || fail "report lacks '$key'"
done
[ "$(head -1 "$work/energy.csv")" = "step,time_fs,kinetic_eV,potential_eV,total_eV,temperature_K,setting" ] \
    || fail "unexpected CSV header"
[ "$(wc -l < "$work/energy.csv")" -eq 12 ] || fail "expected 11 log rows (steps 0..100 every 10)"
if ! python3 -c 'import ase' 2>/dev/null; then
    [ "${CI:-}" = true ] && fail "python3 with ase is missing (CI installs it)"
    echo "run-command.sh: skipping the ASE read-back: python3 with ase is not installed"
else
python3 - "$work/out.xyz" "$work/energy.csv" <<'PY' || fail "ASE cannot read the trajectory consistently"
import sys, csv
from ase.io import read
frames = read(sys.argv[1], index=":")
rows = list(csv.DictReader(open(sys.argv[2])))
assert len(frames) == len(rows) == 11, (len(frames), len(rows))
for frame, row in zip(frames, rows):
    # The frame's keys and the row agree on the step and name the run's potential (the lab writes the same).
    assert frame.info["step"] == int(row["step"]), (frame.info, row)
    assert "Lennard-Jones" in frame.info["model"] and "Lennard-Jones" in row["setting"], (frame.info, row)
    assert abs(frame.get_potential_energy() - float(row["potential_eV"])) < 1e-9
    assert abs(frame.get_kinetic_energy() - float(row["kinetic_eV"])) < 1e-6 * max(1, float(row["kinetic_eV"]))
PY
fi

# 2. The same seed replays a Langevin run exactly; another seed does not.
for s in 5 5 6; do
    "$nnplab" run --structure "$argon" --potential lj --dt 4 --steps 50 --thermostat langevin \
        --temperature 120 --friction 0.02 --seed "$s" --log "$work/l$s.csv" --force > /dev/null
    cp "$work/l$s.csv" "$work/l$s-$RANDOM.csv"
done
set -- "$work"/l5-*.csv
cmp -s "$1" "$2" || fail "the same seed gave different Langevin runs"
cmp -s "$1" "$work/l6.csv" && fail "different seeds gave the same Langevin run"

# 3. Bad input: one line on stderr, non-zero exit, nothing on stdout.
expect_failure() {
    local out err
    if "$nnplab" run "$@" > "$work/out" 2> "$work/err"; then fail "accepted: $*"; fi
    [ "$(wc -l < "$work/err")" -eq 1 ] || fail "not one line for: $* -> $(cat "$work/err")"
}
expect_failure --structure "$argon" --potential lj --dt 0
expect_failure --structure "$argon" --potential lj --dt -2
expect_failure --structure "$work/missing.xyz" --potential lj
expect_failure --structure "$argon" --potential lj --thermostat nose-hoover
expect_failure --structure "$argon" --potential lj --steps 1 --log "$work/energy.csv"
grep -q "exists" "$work/err" || fail "overwriting refusal does not say why"
[ "$(wc -l < "$work/energy.csv")" -eq 12 ] || fail "an existing log was touched without --force"

# 4. An exploding run stops with a message and a non-zero exit.
if "$nnplab" run --structure "$argon" --potential lj --dt 80 --steps 200 --temperature 500 > /dev/null 2> "$work/err"; then
    fail "a 80 fs time step did not explode"
fi
grep -q "exploded" "$work/err" || fail "explosion message missing: $(cat "$work/err")"
echo "run-command.sh: all checks passed"
