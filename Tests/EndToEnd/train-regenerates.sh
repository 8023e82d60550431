#!/usr/bin/env bash
# End-to-end checks of `nnplab train`: the shipped models regenerate bit for bit from their scene
# files (all six models of each scene); existing model files are kept unless --force;
# bad options give one line and a non-zero exit. Use a release build (the shipped files were made
# by one; a debug build's arithmetic may differ in the last bits).
# Usage: train-regenerates.sh PATH/TO/nnplab   (run from the repository root)
set -euo pipefail
nnplab="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "train-regenerates.sh: $*" >&2; exit 1; }

# 1. Regeneration: the same bytes as shipped.
"$nnplab" train silicon --output "$work/silicon" > /dev/null
for f in Scenes/silicon/models/*.json; do
    cmp -s "$f" "$work/silicon/$(basename "$f")" || fail "$f does not regenerate bit for bit"
done
"$nnplab" train argon --output "$work/argon" > /dev/null
for f in Scenes/argon/models/*.json; do
    cmp -s "$f" "$work/argon/$(basename "$f")" || fail "$f does not regenerate bit for bit"
done

# 2. Existing files are kept without --force, and the message says how to proceed.
if "$nnplab" train argon --cutoff smooth --activation tanh --output "$work/argon" 2> "$work/err.txt" > /dev/null; then
    fail "overwrote an existing model without --force"
fi
grep -q "exists: pass --force" "$work/err.txt" || fail "refusal does not say to pass --force"
[ "$(wc -l < "$work/err.txt")" -eq 1 ] || fail "refusal is not one line"

# 3. Bad options: one line, non-zero exit.
if "$nnplab" train argon --noise 1 2> "$work/err.txt"; then fail "accepted --noise 1"; fi
[ "$(wc -l < "$work/err.txt")" -eq 1 ] || fail "bad --noise is not one line"
echo "train-regenerates.sh: all checks passed"
