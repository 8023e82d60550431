# Helpers for the lab's tmux end-to-end scripts (sourced, not run): set `name` and `binary` first.
# Gives: $work (a temporary folder removed on exit), tmux_ (the private tmux server), screen,
# status_line, fail, wait_for REGEX, wait_for_status REGEX, wait_gone REGEX (each waits ~20 s).
# Without tmux the script is skipped, saying why; CI installs tmux, so there it fails instead.
if ! command -v tmux >/dev/null; then
    [ "${CI:-}" = true ] && { echo "$name: tmux is not installed (CI installs it)"; exit 1; }
    echo "$name: skipped: tmux is not installed"; exit 0
fi
work="$(mktemp -d)"
socket="$work/tmux.sock"
tmux_() { tmux -S "$socket" -f /dev/null "$@"; }
cleanup() { tmux_ kill-server 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

screen() { tmux_ capture-pane -p -t lab; }
fail() {
    echo "$name: $*"
    echo "--- screen:"
    screen 2>/dev/null || echo "(no pane)"
    exit 1
}
# The status line: the row that starts with the run state (▶ running or ‖ paused).
status_line() { screen 2>/dev/null | grep -E '^ (▶ running|‖ paused)'; }
# Polls (~20 s) until the output of command $1 matches the regex $2 ($3 = "gone": stops matching);
# otherwise fails saying $4.
poll() {
    local deadline=$((SECONDS + 20))
    while [ $SECONDS -lt $deadline ]; do
        if $1 2>/dev/null | grep -Eq -- "$2"; then [ "$3" = gone ] || return 0
        else [ "$3" = gone ] && return 0; fi
        sleep 0.1
    done
    fail "$4"
}
wait_for() { poll screen "$1" here "timed out waiting for: $1"; }
wait_for_status() { poll status_line "$1" here "timed out waiting for the status line to show: $1"; }
wait_gone() { poll screen "$1" gone "timed out waiting for this to go: $1"; }
# Starts the lab in a WIDTHxHEIGHT pane with the given extra arguments (TERM is $lab_term, by default
# xterm-256color); when it ends, the pane writes its exit status to $work/status and prints LAB-ENDED.
start_lab() {
    local width="$1" height="$2"; shift 2
    tmux_ new-session -d -s lab -x "$width" -y "$height" \
        "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=${lab_term:-xterm-256color} '$binary' view $* ; echo \"exit=\$?\" > '$work/status'; echo LAB-ENDED; sleep 30"
}
