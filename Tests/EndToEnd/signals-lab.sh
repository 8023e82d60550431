#!/usr/bin/env bash
# End to end: the terminal is restored however the lab dies. In tmux, the lab gets SIGSEGV, SIGILL,
# SIGABRT and SIGBUS (as a crash would deliver them), then SIGTERM and SIGINT. Every time: the pane
# leaves the alternate screen, the cursor is visible, the terminal modes (stty) are those from
# before, a fatal signal leaves one line saying what happened, and the exit status is 128 + the signal.
# Usage: signals-lab.sh NNPLAB
set -uo pipefail
binary="${1:?usage: $0 path/to/nnplab}"
name=signals-lab
source "$(dirname "$0")/lab_tmux.bash"
# Polls until command "$@" succeeds (at most ~30 s).
wait_until() {
    local deadline=$((SECONDS + 30))
    while [ $SECONDS -lt $deadline ]; do "$@" && return 0; sleep 0.1; done
    return 1
}
lab_drawn() { tmux_ capture-pane -p -t lab 2>/dev/null | grep -Eq '^ (▶ running|‖ paused)'; }
ended() { [ -s "$work/status" ]; }
pane() { tmux_ display -p -t lab "$1"; }

# One run: start the lab, send signal $1 to it, check what is left behind; $2 = expected text or "".
check_signal() {
    local name="$1" expected="$2" number status pid
    number="$(kill -l "$name")"
    rm -f "$work/status" "$work/before" "$work/after" "$work/pid"
    tmux_ kill-server 2>/dev/null
    socket="$work/tmux-$name.sock"
    # sh, not an interactive shell, runs the lab: nothing but the lab itself may restore the terminal.
    tmux_ new-session -d -s lab -x 100 -y 30 \
        "ulimit -c 0; stty -g > '$work/before'; sh -c 'echo \$\$ > \"\$0\"; exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color \"\$1\" view --duration 120' '$work/pid' '$binary'; echo \"\$?\" > '$work/status'; stty -g > '$work/after'; echo LAB-ENDED; sleep 30"
    wait_until lab_drawn || fail "$name: the lab did not draw its status line"
    [ "$(pane '#{alternate_on}')" = 1 ] || fail "$name: the lab is not on the alternate screen"
    wait_until test -s "$work/pid" || fail "$name: no process id"
    pid="$(cat "$work/pid")"
    kill -s "$name" "$pid"
    wait_until ended || fail "$name: the lab did not end"
    status="$(cat "$work/status")"
    [ "$status" = "$((128 + number))" ] || fail "$name: exit status $status, expected $((128 + number))"
    wait_until test -s "$work/after" || fail "$name: no terminal modes after"
    [ "$(pane '#{alternate_on}')" = 0 ] || fail "$name: the pane is still on the alternate screen"
    [ "$(pane '#{cursor_flag}')" = 1 ] || fail "$name: the cursor is still hidden"
    cmp -s "$work/before" "$work/after" || fail "$name: terminal modes not restored ($(cat "$work/before") -> $(cat "$work/after"))"
    if [ -n "$expected" ]; then
        tmux_ capture-pane -p -t lab | grep -q "$expected" || fail "$name: no line saying '$expected'"
    fi
    echo "signals-lab: $name -> exit $status, terminal restored"
}

check_signal SEGV "nnplab: crashed (SIGSEGV"
check_signal ILL "nnplab: crashed (SIGILL"
check_signal ABRT "nnplab: aborted (SIGABRT)"
check_signal BUS "nnplab: crashed (SIGBUS"
check_signal TERM ""
check_signal INT ""
echo "signals-lab: ok"
