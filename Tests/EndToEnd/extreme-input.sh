#!/usr/bin/env bash
# End to end: each extreme input named in issue 10 ends cleanly: one line on standard error, a
# non-zero exit status that is not a signal's, within 10 s and 2 GB, and nothing non-finite printed.
# Usage: extreme-input.sh PATH/TO/nnplab   (run from anywhere)
set -uo pipefail
nnplab="$(cd "$(dirname "${1:?usage: $0 path/to/nnplab}")" && pwd)/$(basename "$1")"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

# Runs nnplab with "$@" (stdin from $input if set) and checks the outcome; $expect is a fixed string
# the one-line error must contain.
refused() {
    local expect="$1"; shift
    local status
    ( ulimit -v 2097152; ulimit -c 0; cd "$work" && timeout 10 "$nnplab" "$@" < "${input:-/dev/null}" ) > "$work/out" 2> "$work/err"
    status=$?
    local lines; lines=$(grep -c . "$work/err")
    if [ "$status" -eq 0 ] || [ "$status" -ge 124 ] || [ "$lines" -ne 1 ] || ! grep -qF -- "$expect" "$work/err"; then
        echo "FAIL (status $status): nnplab $* -> $(head -c 400 "$work/err")"
        failures=$((failures + 1))
    fi
    if grep -qiE '(^|[^a-z])-?(nan|inf)([^a-z]|$)' "$work/out"; then
        echo "FAIL: nnplab $* printed a non-finite number: $(grep -iE 'nan|inf' "$work/out" | head -1)"
        failures=$((failures + 1))
    fi
}

argon="$repo/Scenes/examples/argon.xyz"
cu2s="$repo/Tests/Fixtures/n2p2/Cu2S_PBE"
printf '9223372036854775807\nLattice="5 0 0 0 5 0 0 0 5"\nAr 0 0 0\n' > "$work/count.xyz"
printf '2\nLattice="10 0 0 0 10 0 0 0 10"\nAr 1 1 1\nAr 1 1 1\n' > "$work/twins.xyz"
printf '1\nLattice="0.5 0 0 0 0.5 0 0 0 0.5"\nAr 0 0 0\n' > "$work/tiny.xyz"
printf '1\nLattice="10 0 0 0 10 0 0 0 1e-9"\nAr 0 0 0\n' > "$work/flat.xyz"
printf '1\n\nAr nan 0 0\n' > "$work/nan.xyz"
sed 's/^lattice .*/X/' "$cu2s/input.data" | awk 'BEGIN{k=0} /^X$/{k++; if(k==1)print "lattice 3 0 0"; if(k==2)print "lattice 0 3 0"; if(k==3)print "lattice 0 0 3"; next} {print}' > "$work/cu2s-3A.data"
printf '\xff\xfe1\n' > "$work/latin.xyz"

refused "atoms announced on line 1" eval "$work/count.xyz" --potential lj
refused "atoms 1 and 2 are 0 Å apart" eval "$work/twins.xyz" --potential lj
refused "atoms 1 and 2 are 0 Å apart" check forces "$work/twins.xyz" --potential lj
refused "atoms 1 and 2 are 0 Å apart" run --structure "$work/twins.xyz" --potential lj --steps 5
refused "neighbours per atom" eval "$work/tiny.xyz" --potential lj
refused "periodic images" eval "$work/flat.xyz" --potential lj
refused "neighbours per atom" eval "$work/cu2s-3A.data" --potential "$cu2s"
refused "not a finite number: 'nan'" eval "$work/nan.xyz" --potential lj
refused "is a directory" eval "$work" --potential lj
refused "is not UTF-8 text" eval "$work/latin.xyz" --potential lj
refused "--rc: expected a cutoff in Å in [0.1, 30], got 1e+308" eval "$argon" --potential lj --rc 1e308
refused "--rc: expected a cutoff in Å in [0.1, 30], got 1000000.0" eval "$argon" --potential lj --rc 1e6
refused "--duration" view --headless --duration 1e308
refused "--replicate" view --headless --replicate 65x65x65
refused "--dt" run --structure "$argon" --potential lj --dt 1e-300
refused "no space left on device" eval "$argon" --potential lj --output /dev/full --force

# Scenes: each edit of the argon scene is refused on its line.
mkdir -p "$work/scene"
ln -sfn "$repo/Scenes/argon" "$work/scene/argon"
while read -r key edit; do
    sed "$edit" "$repo/Scenes/argon.toml" > "$work/scene/argon.toml"
    refused "argon.toml:" view "$work/scene/argon.toml" --headless --duration 1
    grep -qF ": $key: expected" "$work/err" || { echo "FAIL: $edit is not refused at $key: $(cat "$work/err")"; failures=$((failures + 1)); }
done <<'EDITS'
md.dt s/^dt = [0-9.]* .*/dt = 1e-300/
teacher.cutoff s/^cutoff = 8.5 .*/cutoff = 1e308/
md.drift_time s/^drift_time = .*/drift_time = 1e308/
md.temperature s/^temperature = 92.0 .*/temperature = 1e308/
structure.repeats s/^repeats = .*/repeats = [64, 64, 64]/
EDITS
sed 's/$/\r/' "$repo/Scenes/argon.toml" > "$work/scene/argon.toml"
if ! "$nnplab" check extensivity "$work/scene/argon.toml" > /dev/null 2> "$work/err"; then
    echo "FAIL: a scene with CRLF line endings was not read: $(cat "$work/err")"; failures=$((failures + 1))
fi

# The repl: a drift of 1e308 ps, a time step of 1e-300 fs, export into a folder that holds files.
mkdir -p "$work/mine" && echo "my notes" > "$work/mine/notes.txt"
printf 'drift 1e308\nset dt 1e-300\nexport %s\n' "$work/mine" > "$work/script.txt"
"$nnplab" repl < "$work/script.txt" > "$work/out" 2> "$work/err"
status=$?
[ "$status" -eq 1 ] || { echo "FAIL: repl exit status $status, expected 1"; failures=$((failures + 1)); }
[ "$(grep -c '^line ' "$work/err")" -eq 3 ] || { echo "FAIL: repl errors: $(cat "$work/err")"; failures=$((failures + 1)); }
[ "$(ls "$work/mine")" = "notes.txt" ] || { echo "FAIL: export wrote into a folder that held files"; failures=$((failures + 1)); }

if [ "$failures" -gt 0 ]; then echo "extreme-input.sh: $failures failed"; exit 1; fi
echo "extreme-input.sh: all checks passed"
