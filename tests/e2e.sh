#!/usr/bin/env bash
# tests/e2e.sh - end-to-end tests of the full-screen program: the real
# binary runs in tmux (a private server), keys go in with send-keys, screens
# come out with capture-pane. Every wait polls with a deadline; a sleep only
# ever measures that something did NOT change.
#
#   tests/e2e.sh                  all tests
#   E2E_FILTER=pause tests/e2e.sh only tests whose name matches the regex
#   LUMBAR_BIN=/path/to/lumbar    another binary (default ./lumbar)
#
# Ends with "e2e: N passed, N failed"; exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.." || exit 1

BIN=${LUMBAR_BIN:-./lumbar}
SHORT=tests/fixtures/e2e-short.yaml
LONG=tests/fixtures/e2e-long.yaml
FILTER=${E2E_FILTER:-}
passed=0
failed=0

if ! command -v tmux >/dev/null 2>&1; then
	echo "e2e: tmux is needed (scripts/install-deps installs it)"
	echo "e2e: 0 passed, 1 failed"
	exit 1
fi
if [ ! -x "$BIN" ]; then
	echo "e2e: no binary at $BIN (run make)"
	echo "e2e: 0 passed, 1 failed"
	exit 1
fi

# Pin the environment, so colours, locale, time and history are the same
# everywhere; the tmux server inherits it.
tmp=$(mktemp -d)
export LC_ALL=C.UTF-8 TZ=Europe/Paris HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" \
	XDG_STATE_HOME="$tmp/home/.local/state" XDG_DATA_HOME="$tmp/home/.local/share"
unset NO_COLOR LUMBAR_CATALOGUE TMUX || true
mkdir -p "$HOME"

SOCK=lumbar-e2e-$$
T() { tmux -L "$SOCK" -f /dev/null "$@"; }
# tmux leaves its socket file behind after kill-server; remove it too.
sockfile="${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"
trap 'T kill-server >/dev/null 2>&1; rm -f "$sockfile"; rm -rf "$tmp"' EXIT

# ---- Helpers ------------------------------------------------------------------

pane=""
now_ms() { echo $(($(date +%s%N) / 1000000)); }
screen() { T capture-pane -p -t "$pane"; }
keys() { T send-keys -t "$pane" "$@"; }

# A fresh pane running an interactive shell, so that after lumbar exits the
# test can ask the shell for the exit status and the terminal modes.
open_pane() {
	pane=$1
	T new-session -d -s "$pane" -x "${2:-80}" -y "${3:-24}" \
		"env PS1='$ ' HISTFILE=/dev/null bash --norc --noprofile -i"
	wait_for '^\$' 5
}

close_pane() {
	T kill-session -t "$pane" >/dev/null 2>&1
}

# Run lumbar in the pane; when it ends the shell prints its status and
# whether the terminal is in canonical mode with echo.
REPORT="echo \"RC=\$?\"; echo \"STTY: \$(stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(icanon|echo)' | tr '\n' ' ')\""
run() {
	keys "clear; $BIN $*; $REPORT" Enter
}

# Wait until the screen matches an extended regex, or fail after $2 s.
wait_for() {
	local re=$1 limit=${2:-5} deadline
	deadline=$(($(now_ms) + limit * 1000))
	while [ "$(now_ms)" -lt "$deadline" ]; do
		screen | grep -Eq -- "$re" && return 0
		sleep 0.05
	done
	why="waited ${limit}s for /$re/"
	return 1
}

# Fail unless the screen matches now.
expect() {
	screen | grep -Eq -- "$1" && return 0
	why="expected /$1/"
	return 1
}

expect_not() {
	screen | grep -Eq -- "$1" || return 0
	why="did not expect /$1/"
	return 1
}

# The time left shown in plain M:SS beside the progress bar.
bar_clock() {
	screen | sed -n 's/.*[░█▏▎▍▌▋▊▉] \([0-9]*:[0-9][0-9]\)$/\1/p' | head -n 1
}

# The plain phase line: "HOLD · left side · rep 1 of 2".
phase_line() {
	screen | grep -E '^ *(GET READY|HOLD|REST|SWITCH SIDES|Bridges|Plank)( ·|$| x)' |
		sed 's/^ *//; s/ *$//' | head -n 1
}

# After lumbar has exited: the status it exited with and a sane terminal.
expect_exit() {
	wait_for '^RC=' 5 || return 1
	expect "^RC=$1\$" || { why="$why (exit status)"; return 1; }
	wait_for '^STTY: ' 5 || return 1
	expect '^STTY: icanon echo *$' || { why="$why (terminal not restored)"; return 1; }
}

# The pid of the lumbar the pane's shell is running.
lumbar_pid() {
	local sh
	sh=$(T display-message -p -t "$pane" '#{pane_pid}')
	ps -o pid= --ppid "$sh" | tr -d ' ' | head -n 1
}

# Wait for a process to end.
wait_gone() {
	local deadline=$(($(now_ms) + 5000))
	while [ "$(now_ms)" -lt "$deadline" ]; do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 0.05
	done
	why="process $1 still running"
	return 1
}

run_test() {
	local name=$1
	if [ -n "$FILTER" ] && ! printf '%s\n' "$name" | grep -Eq -- "$FILTER"; then
		return
	fi
	why=""
	if "test_$name"; then
		passed=$((passed + 1))
		echo "ok   $name"
	else
		failed=$((failed + 1))
		echo "FAIL $name: $why"
		echo "---- last screen ----"
		screen 2>/dev/null | sed 's/^/| /'
		echo "---------------------"
	fi
	close_pane
}

# ---- Tests --------------------------------------------------------------------

test_menu_lists_routine_and_exercises() {
	open_pane menu || return 1
	run --catalogue $SHORT
	wait_for 'Full routine: Test routine +0:18 +2 exercises' || return 1
	expect '^  Side hold stretch +0:12 +2x a day' || return 1
	expect '^  Bridges and plank +0:06 +2-3x a week' || return 1
	expect 'no substitute for a physiotherapist' || return 1
	expect 'Stop any exercise that increases pain' || return 1
	keys q
	expect_exit 0
}

test_menu_navigation() {
	open_pane nav || return 1
	run --catalogue $SHORT
	wait_for '^> Full routine' || return 1
	keys j
	wait_for '^> Side hold stretch' || return 1
	keys j
	wait_for '^> Bridges and plank' || return 1
	keys k
	wait_for '^> Side hold stretch' || return 1
	keys Down Down Up
	wait_for '^> Side hold stretch' || return 1
	keys i
	wait_for 'Starting position' || return 1
	expect 'Knee hug: hold 2 s, 2 reps, each side' || return 1
	expect 'Stop if the pain increases' || return 1
	keys q
	wait_for '^> Side hold stretch' || return 1
	keys '?'
	wait_for 'Keys in the menu' || return 1
	expect 'start the full routine' || return 1
	keys x
	wait_for '^> Side hold stretch' || return 1
	keys Enter
	wait_for 'Exercise 1 of 1' || return 1
	expect 'Side hold stretch' || return 1
	keys q
	wait_for 'Quit\? y/n' || return 1
	keys y
	wait_for '^> Side hold stretch' || return 1
	keys a
	wait_for 'Exercise 1 of 2' || return 1
	keys q y
	wait_for '^> ' || return 1
	keys q
	expect_exit 0
}

# Every phase of side-hold, in order, with its side and rep; and the whole
# exercise (12 s) ends on time.
test_phases_in_order_and_on_time() {
	local want got="" last="" line t0 t1 deadline
	want="GET READY · next: left side · rep 1 of 2
HOLD · left side · rep 1 of 2
REST · next: left side · rep 2 of 2
HOLD · left side · rep 2 of 2
SWITCH SIDES · next: right side · rep 1 of 2
HOLD · right side · rep 1 of 2
REST · next: right side · rep 2 of 2
HOLD · right side · rep 2 of 2"
	open_pane phases || return 1
	t0=$(now_ms)
	run --catalogue $SHORT side-hold
	deadline=$((t0 + 16000))
	while [ "$(now_ms)" -lt "$deadline" ]; do
		if screen | grep -q 'Exercise complete'; then
			break
		fi
		line=$(phase_line)
		if [ -n "$line" ] && [ "$line" != "$last" ]; then
			got="${got:+$got
}$line"
			last=$line
		fi
		sleep 0.03
	done
	t1=$(now_ms)
	if [ "$got" != "$want" ]; then
		why="phases were:
$got"
		return 1
	fi
	expect 'Exercise complete' || return 1
	# 12 s of phases, give or take the second this check allows.
	if [ $((t1 - t0)) -lt 11000 ] || [ $((t1 - t0)) -gt 13000 ]; then
		why="finished after $((t1 - t0)) ms, expected 12000 +- 1000"
		return 1
	fi
	expect 'Time spent: 0:1[12]' || return 1
	expect 'Nothing skipped' || return 1
	keys Enter
	expect_exit 0
}

test_reps_and_timed_sets() {
	open_pane reps || return 1
	run --catalogue $SHORT bridges
	wait_for '^ *GET READY' || return 1
	wait_for '^ *Bridges x2$' 3 || return 1
	wait_for '^ *REST' 3 || return 1
	wait_for '^ *Plank$' 3 || return 1
	expect 'Plank \(set 2 of 2\)' || return 1
	expect 'Up next: done' || return 1
	wait_for 'Exercise complete' 4 || return 1
	keys q
	expect_exit 0
}

test_pause_freezes_the_clock() {
	local before after
	open_pane pause || return 1
	run --catalogue $LONG long-hold
	wait_for '^ *HOLD' 4 || return 1
	keys Space
	wait_for 'PAUSED' || return 1
	before=$(bar_clock)
	sleep 2.5 # measuring that nothing moves
	after=$(bar_clock)
	if [ -z "$before" ] || [ "$before" != "$after" ]; then
		why="paused clock moved: '$before' -> '$after'"
		return 1
	fi
	keys Space
	wait_for '^ *HOLD' || return 1
	expect_not 'PAUSED' || return 1
	# Running again: the next second shows within a little over a second.
	local deadline=$(($(now_ms) + 2500))
	while [ "$(now_ms)" -lt "$deadline" ]; do
		[ "$(bar_clock)" != "$before" ] && break
		sleep 0.05
	done
	if [ "$(bar_clock)" = "$before" ]; then
		why="clock did not resume from $before"
		return 1
	fi
	keys q y
	expect_exit 0
}

test_next_prev_skip_quit() {
	open_pane keys || return 1
	run --catalogue $SHORT all
	wait_for '^ *GET READY' || return 1
	keys n
	wait_for '^ *HOLD · left side · rep 1 of 2' 1 || return 1
	keys n
	wait_for '^ *REST · next: left side · rep 2 of 2' 1 || return 1
	# Within the first 2 s of a phase, p goes back one.
	keys p
	wait_for '^ *HOLD · left side · rep 1 of 2' 1 || return 1
	keys Right
	wait_for '^ *REST' 1 || return 1
	keys Left
	wait_for '^ *HOLD · left side · rep 1 of 2' 1 || return 1
	keys s
	wait_for 'Exercise 2 of 2' 1 || return 1
	expect 'Bridges and plank' || return 1
	keys q
	wait_for 'Quit\? y/n' || return 1
	expect 'PAUSED' || return 1
	keys n
	wait_for '^ *(GET READY|Bridges)' || return 1
	expect_not 'Quit\? y/n' || return 1
	keys s
	wait_for 'Routine complete' 2 || return 1
	expect 'Skipped:' || return 1
	expect 'Side hold stretch \(skipped' || return 1
	keys q
	expect_exit 0
}

test_p_restarts_a_phase() {
	open_pane restart || return 1
	run --catalogue $LONG long-hold
	wait_for '^ *HOLD' 4 || return 1
	wait_for ' 9:5[0-7]$' 5 || return 1
	keys p
	wait_for ' 10:00$' 1 || return 1
	expect '^ *HOLD' || return 1
	keys Escape
	wait_for 'Quit\? y/n' || return 1
	keys y
	expect_exit 0
}

test_help_in_the_player() {
	open_pane help || return 1
	run --catalogue $LONG long-hold
	wait_for '^ *HOLD' 4 || return 1
	keys '?'
	wait_for 'Keys in the player' || return 1
	expect 'Space +pause or resume' || return 1
	expect 'n Right +next phase' || return 1
	expect 'Ctrl-C +quit at once' || return 1
	keys x
	wait_for '^ *HOLD' || return 1
	expect_not 'PAUSED' || return 1
	keys q y
	expect_exit 0
}

test_resize_to_tiny_and_back() {
	local pid
	open_pane resize || return 1
	run --catalogue $LONG long-hold
	wait_for '^ *HOLD' 4 || return 1
	pid=$(lumbar_pid)
	T resize-window -t "$pane" -x 10 -y 3
	wait_for 'too small' || return 1
	T resize-window -t "$pane" -x 19 -y 4
	wait_for 'terminal too small' || return 1
	T resize-window -t "$pane" -x 30 -y 8
	wait_for 'HOLD' || return 1
	T resize-window -t "$pane" -x 80 -y 24
	wait_for '^ *HOLD' || return 1
	expect 'Exercise 1 of 1' || return 1
	kill -0 "$pid" 2>/dev/null || { why="lumbar died"; return 1; }
	keys q y
	expect_exit 0
}

test_ctrl_c_restores_the_terminal() {
	open_pane ctrlc || return 1
	run --catalogue $LONG long-hold
	wait_for '^ *HOLD' 4 || return 1
	keys C-c
	expect_exit 130
}

test_sigterm_restores_the_terminal() {
	local pid
	open_pane sigterm || return 1
	run --catalogue $SHORT
	wait_for '^> Full routine' || return 1
	pid=$(lumbar_pid)
	[ -n "$pid" ] || { why="no lumbar process"; return 1; }
	kill -TERM "$pid"
	expect_exit 143
}

test_sighup_restores_the_terminal() {
	local pid
	open_pane sighup || return 1
	run --catalogue $LONG long-hold
	wait_for '^ *HOLD' 4 || return 1
	pid=$(lumbar_pid)
	[ -n "$pid" ] || { why="no lumbar process"; return 1; }
	kill -HUP "$pid"
	expect_exit 129
}

test_ctrl_z_pauses_and_fg_redraws() {
	local pid
	open_pane suspend || return 1
	# Alone on its line: a stopped job would let a chained report run early.
	keys "clear; $BIN --catalogue $LONG long-hold" Enter
	wait_for '^ *HOLD' 4 || return 1
	pid=$(lumbar_pid)
	keys C-z
	wait_for 'Stopped' || return 1
	keys "$REPORT" Enter
	wait_for '^RC=148' || return 1
	wait_for '^STTY: icanon echo *$' || return 1
	keys clear Enter fg Enter
	wait_for 'PAUSED' || return 1
	expect '^ *HOLD' || return 1
	keys q y
	wait_gone "$pid" || return 1
	keys "$REPORT" Enter
	expect_exit 0
}

test_plain_options() {
	open_pane plain || return 1
	run --catalogue $SHORT --no-color --quiet --level hard side-hold
	wait_for '^ *HOLD · left side · rep 1 of 2' 4 || return 1
	keys q y
	expect_exit 0
}

for t in menu_lists_routine_and_exercises menu_navigation phases_in_order_and_on_time \
	reps_and_timed_sets pause_freezes_the_clock next_prev_skip_quit p_restarts_a_phase \
	help_in_the_player resize_to_tiny_and_back ctrl_c_restores_the_terminal \
	sigterm_restores_the_terminal sighup_restores_the_terminal ctrl_z_pauses_and_fg_redraws \
	plain_options; do
	run_test "$t"
done

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
