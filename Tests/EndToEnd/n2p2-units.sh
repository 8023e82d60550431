#!/usr/bin/env bash
# Units of an n2p2 potential are established, not guessed: `eval` evaluates a potential without a unit
# header in its own units (and says so), `run` refuses it with one line naming the options, and runs it
# when told --length-unit/--energy-unit. Usage: n2p2-units.sh PATH/TO/nnplab
set -euo pipefail
nnplab="$1"
here="$(cd "$(dirname "$0")" && pwd)"
fixture="$here/../Fixtures/n2p2/HO-poly"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "n2p2-units.sh: $*" >&2; exit 1; }

cp -r "$fixture" "$work/bare"
sed -i '/^# Length unit/d;/^# Energy unit/d' "$work/bare/input.nn"
structure="$fixture/input.data"

"$nnplab" eval "$structure" --potential "$work/bare" > "$work/eval.xyz" 2> "$work/eval.err" || fail "eval refused the bare potential"
grep -q "does not declare its units" "$work/eval.err" || fail "eval did not say the units are its own"
grep -q "extrapolation warnings" "$work/eval.err" || fail "eval did not report extrapolation warnings"

if "$nnplab" run --structure "$structure" --potential "$work/bare" --steps 2 > "$work/run.out" 2> "$work/run.err"; then
    fail "run accepted a potential whose units are unknown"
fi
[ "$(wc -l < "$work/run.err")" -eq 1 ] || fail "run's refusal is not one line: $(cat "$work/run.err")"
grep -q -- "--length-unit" "$work/run.err" || fail "run's refusal does not name --length-unit: $(cat "$work/run.err")"

"$nnplab" run --structure "$structure" --potential "$work/bare" --steps 2 --length-unit angstrom --energy-unit ev \
    > "$work/run.out" 2> "$work/run.err" || fail "run with --length-unit/--energy-unit failed: $(cat "$work/run.err")"
if "$nnplab" run --structure "$structure" --potential "$work/bare" --steps 2 --length-unit furlong --energy-unit ev \
    2> "$work/run.err"; then
    fail "run accepted --length-unit furlong"
fi
echo "n2p2-units.sh: units are established or refused"
