#!/usr/bin/env bash
# Builds n2p2's nnp-predict from the vendored source tarball in ../shared/vendor into a cache folder
# outside the repository, and prints the path of the binary. A build already in the cache is reused.
# Needs g++, make and Debian's libeigen3-dev (.ci/run installs it). Usage:
#   .ci/build-n2p2.sh [TARBALL]      (default: ../shared/vendor/n2p2-61daa0d-src.tar.gz)
# The cache is ${NNPLAB_CACHE:-$HOME/.cache/nnplab}/n2p2.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tarball="${1:-$here/../shared/vendor/n2p2-61daa0d-src.tar.gz}"
cache="${NNPLAB_CACHE:-${HOME:-/root}/.cache/nnplab}/n2p2"
binary="$cache/n2p2-61daa0d/bin/nnp-predict"

if [ -x "$binary" ]; then
    echo "$binary"
    exit 0
fi
if [ ! -f "$tarball" ]; then
    echo "build-n2p2: no n2p2 source at $tarball" >&2
    exit 1
fi
if [ ! -f /usr/include/eigen3/Eigen/Core ]; then
    echo "build-n2p2: Eigen headers missing (apt-get install libeigen3-dev)" >&2
    exit 1
fi
mkdir -p "$cache"
rm -rf "$cache/n2p2-61daa0d"
tar xzf "$tarball" -C "$cache"
jobs="$(nproc 2>/dev/null || echo 2)"
# n2p2's makefile defaults to the GNU compiler; -j uses both cores. Its output goes to a log so
# that CI shows only the result (and the log's tail on failure).
log="$cache/build.log"
if ! (cd "$cache/n2p2-61daa0d/src" && make -j"$jobs" libnnp && make -j"$jobs" nnp-predict) >"$log" 2>&1; then
    tail -30 "$log" >&2
    echo "build-n2p2: build failed, log in $log" >&2
    exit 1
fi
[ -x "$binary" ] || { echo "build-n2p2: $binary was not produced" >&2; exit 1; }
echo "$binary"
