#!/usr/bin/env bash
# End-to-end checks of `nnplab serve`, the i-PI socket client, with real servers (ipi_ase_check.py):
# ASE's SocketIOCalculator runs 20 velocity-Verlet steps through it on argon (Lennard-Jones, and the
# shipped smooth/tanh student model) and on triclinic silicon (Stillinger-Weber): energies and forces
# equal `nnplab eval` of the final positions, stress equals ASE's numerical stress. i-PI (when the
# `ipi` package is installed) runs 20 NVE steps of argon through it. Misbehaving servers get one line
# and a non-zero exit. Also: --potential accepts a student model .json in eval and refuses a bad one.
# Usage: ipi-ase.sh PATH/TO/nnplab   (run from the repository root)
set -euo pipefail
nnplab="$1"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "ipi-ase.sh: $*" >&2; exit 1; }
fixtures=Tests/Fixtures/ipi
model=Scenes/argon/models/smooth-tanh.json

# 1. Student model files as --potential (no Python needed), and one line for a bad one.
"$nnplab" eval "$fixtures/argon.xyz" --potential "$model" --output "$work/student.xyz"
grep -q "energy=" "$work/student.xyz" || fail "eval with a student model wrote no energy"
echo '{"format": "something-else"}' > "$work/bad.json"
if "$nnplab" eval "$fixtures/argon.xyz" --potential "$work/bad.json" 2> "$work/err.txt" > /dev/null; then
    fail "accepted a bad model file"
fi
[ "$(wc -l < "$work/err.txt")" -eq 1 ] && grep -q "bad.json" "$work/err.txt" || fail "bad model file: not one line naming it"

# 2. No server: one line naming the socket after the timeout, non-zero exit.
if "$nnplab" serve "$fixtures/argon.xyz" --potential lj --unix "nnplab-absent-$$" --timeout 0.5 2> "$work/err.txt"; then
    fail "serve succeeded without a server"
fi
[ "$(wc -l < "$work/err.txt")" -eq 1 ] && grep -q "/tmp/ipi_nnplab-absent-$$" "$work/err.txt" \
    || fail "no server: not one line naming the socket: $(cat "$work/err.txt")"

if ! python3 -c 'import ase' 2>/dev/null; then
    echo "ipi-ase.sh: skipping the ASE and i-PI checks: python3 with ase is not installed (pip install ase)"
    echo "ipi-ase.sh: student-model and no-server checks passed"
    exit 0
fi

# 3. ASE drives nnplab serve.
echo "ASE, argon, Lennard-Jones:"
python3 "$here/ipi_ase_check.py" ase "$nnplab" "$fixtures/argon.xyz" lj --dt 5 --temperature 90 \
    || fail "ASE with Lennard-Jones argon"
echo "ASE, argon, student model $model, over TCP:"
python3 "$here/ipi_ase_check.py" ase "$nnplab" "$fixtures/argon.xyz" "$model" --dt 5 --temperature 90 --tcp \
    || fail "ASE with the student model"
echo "ASE, triclinic silicon, Stillinger-Weber:"
python3 "$here/ipi_ase_check.py" ase "$nnplab" "$fixtures/silicon.xyz" sw --dt 1 --temperature 1000 \
    || fail "ASE with Stillinger-Weber silicon"

# 4. Servers that misbehave.
echo "misbehaving servers:"
python3 "$here/ipi_ase_check.py" refuse "$nnplab" "$fixtures/argon.xyz" || fail "refusals"

# 5. i-PI drives nnplab serve.
if command -v i-pi > /dev/null 2>&1 && python3 -c 'import ipi' 2>/dev/null; then
    echo "i-PI, argon, Lennard-Jones, NVE:"
    python3 "$here/ipi_ase_check.py" ipi "$nnplab" "$fixtures/argon.xyz" lj --dt 5 --temperature 90 \
        || fail "i-PI with Lennard-Jones argon"
else
    echo "ipi-ase.sh: skipping the i-PI run: i-PI is not installed (pip install ipi)"
fi
echo "ipi-ase.sh: all checks passed"
