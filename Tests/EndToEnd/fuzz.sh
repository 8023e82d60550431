#!/usr/bin/env bash
# Fuzz test: 2000 mutated structures, scenes, n2p2 folders, repl scripts and options through the
# release binary, two at a time, with a fixed seed (Tests/Fuzz/fuzz.py says what fails a case).
# Usage: fuzz.sh PATH/TO/nnplab [more fuzz.py options, e.g. --cases 200 --seed 7]
set -uo pipefail
binary="${1:?usage: $0 path/to/nnplab}"
shift
here="$(cd "$(dirname "$0")" && pwd)"
command -v python3 >/dev/null || { echo "fuzz.sh: python3 is needed"; exit 1; }
exec python3 "$here/../Fuzz/fuzz.py" "$binary" --cases "${FUZZ_CASES:-2000}" --seed "${FUZZ_SEED:-1}" --jobs 2 "$@"
