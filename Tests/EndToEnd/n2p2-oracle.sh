#!/usr/bin/env bash
# n2p2 itself as the oracle: random 2G potentials covering every symmetry-function type (2, 3, 9, 12, 13,
# 20-25), cutoff type (0-8, with alpha), activation letter and scaling mode, on periodic triclinic and
# non-periodic structures of two and three elements, and every exportable student model of the shipped
# scenes (written with the repl's `export`), evaluated by nnp-predict and by `nnplab eval`: energies
# within 1e-9 relative, forces within 1e-8. Usage: n2p2-oracle.sh PATH/TO/nnplab
# nnp-predict is $NNP_PREDICT, or on PATH, or in the cache .ci/build-n2p2.sh fills; without it the test
# is skipped with the reason.
set -euo pipefail
nnplab="$1"
here="$(cd "$(dirname "$0")" && pwd)"
cache="${NNPLAB_CACHE:-${HOME:-/root}/.cache/nnplab}/n2p2/n2p2-61daa0d/bin/nnp-predict"
predict="${NNP_PREDICT:-$(command -v nnp-predict || true)}"
[ -n "$predict" ] || predict="$cache"
if [ ! -x "$predict" ]; then
    echo "n2p2-oracle.sh: skipped: no nnp-predict (set NNP_PREDICT, put it on PATH, or run .ci/build-n2p2.sh)"
    exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
oracle="$here/n2p2-oracle.py"
python3 "$oracle" generate "$work"
failures=0
for pot in "$work"/pot-*; do
    elements="$(sed -n 's/^elements \([^!]*\).*/\1/p' "$pot/input.nn" | tr -d ' ')"
    python3 "$oracle" compare "$nnplab" "$predict" "$pot" \
        "$work/structures/$elements-periodic.data" "$work/structures/$elements-cluster.data" || failures=$((failures + 1))
done

# The shipped students, as `export` writes them (kinked cutoffs have no n2p2 form and are refused).
for scene in argon silicon; do
    element=$([ "$scene" = argon ] && echo Ar || echo Si)
    for cutoff in step smooth; do
        for activation in relu tanh; do
            folder="$work/$scene-$cutoff-$activation"
            printf 'set cutoff %s\nset activation %s\nexport %s\n' "$cutoff" "$activation" "$folder" \
                | "$nnplab" repl "$scene" > "$work/repl.log" 2>&1 || { cat "$work/repl.log"; failures=$((failures + 1)); continue; }
            python3 "$oracle" compare "$nnplab" "$predict" "$folder" \
                "$work/structures/$element-periodic.data" "$work/structures/$element-cluster.data" || failures=$((failures + 1))
        done
    done
done
if [ "$failures" -ne 0 ]; then
    echo "n2p2-oracle.sh: $failures potential(s) disagree with n2p2" >&2
    exit 1
fi
echo "n2p2-oracle.sh: every potential agrees with nnp-predict"
