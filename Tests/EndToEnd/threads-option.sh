#!/usr/bin/env bash
# End-to-end checks of --threads: every command refuses a count below 1, above 1024 or not a number
# with one line naming the option and the value and a non-zero exit; results are identical bit for
# bit on 1, 2 and 3 threads (eval of the 1080-atom water NNP, a Stillinger-Weber run's log and
# trajectory). Usage: threads-option.sh PATH/TO/nnplab   (run from the repository root)
set -euo pipefail
nnplab="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "threads-option.sh: $*" >&2; exit 1; }

# 1. Bad counts, on every command.
for command in "eval Scenes/water/input.data --potential Scenes/water" "run --structure Scenes/water/input.data --potential lj" \
               "drift argon" "check forces Scenes/water/input.data --potential Scenes/water" "check extensivity" \
               "check invariance" "check completeness" "check noise" "check timestep" "train argon" "bench" "view" "repl"; do
    for value in 0 -3 1025 many; do
        # shellcheck disable=SC2086
        if "$nnplab" $command --threads "$value" > "$work/out" 2> "$work/err" < /dev/null; then fail "$command accepted --threads $value"; fi
        [ "$(wc -l < "$work/err")" -eq 1 ] || fail "not one line for $command --threads $value: $(cat "$work/err")"
        grep -q -- "--threads.*'$value'" "$work/err" || fail "$command --threads $value: message does not name option and value: $(cat "$work/err")"
    done
done

# 2. The same bits on any number of threads.
for n in 1 2 3; do
    "$nnplab" eval Scenes/water/input.data --potential Scenes/water --threads "$n" > "$work/water-$n.xyz" 2> /dev/null
done
cmp -s "$work/water-1.xyz" "$work/water-2.xyz" && cmp -s "$work/water-1.xyz" "$work/water-3.xyz" \
    || fail "water energies and forces differ between thread counts"
python3 - "$work/si.xyz" <<'PY'
import sys
# A 64-atom diamond silicon cell (a = 5.431 Å), for the Stillinger-Weber runs.
a = 5.431; basis = [(0,0,0),(0,.5,.5),(.5,0,.5),(.5,.5,0),(.25,.25,.25),(.25,.75,.75),(.75,.25,.75),(.75,.75,.25)]
atoms = [((i+x)*a, (j+y)*a, (k+z)*a) for i in range(2) for j in range(2) for k in range(2) for (x,y,z) in basis]
with open(sys.argv[1], "w") as f:
    f.write(f"{len(atoms)}\nLattice=\"{2*a} 0 0 0 {2*a} 0 0 0 {2*a}\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\n")
    for p in atoms: f.write("Si %.10f %.10f %.10f\n" % p)
PY
for n in 1 2 3; do
    "$nnplab" run --structure "$work/si.xyz" --potential sw --dt 1 --steps 200 --temperature 1500 --seed 5 --threads "$n" \
        --log "$work/sw-$n.csv" --trajectory "$work/sw-$n.xyz" --every 10 > /dev/null
done
for f in csv xyz; do
    cmp -s "$work/sw-1.$f" "$work/sw-2.$f" && cmp -s "$work/sw-1.$f" "$work/sw-3.$f" || fail "Stillinger-Weber $f differs between thread counts"
done
echo "threads-option.sh: all checks passed"
