# Sourced by the end-to-end scripts that drive the lab in tmux (not run by itself: .ci/run runs *.sh).
# Usage: source tmux-setup.bash NAME
# Skips the script (exit 0, saying why) where tmux is missing, except in CI, which installs it;
# otherwise makes a work folder $work, a private tmux server on $socket reached with tmux_, and
# removes both on exit.
if ! command -v tmux >/dev/null; then
    [ "${CI:-}" = true ] && { echo "$1: tmux is not installed (CI installs it)"; exit 1; }
    echo "$1: skipped: tmux is not installed"; exit 0
fi
work="$(mktemp -d)"
socket="$work/tmux.sock"
tmux_() { tmux -S "$socket" -f /dev/null "$@"; }
cleanup() { tmux_ kill-server 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
