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
# test can ask the shell for the exit status and the terminal modes. Each
# pane has its own state folder, so no test sees another's history or
# progress file; $hist is a history file of its own for --history-file.
open_pane() {
	pane=$1
	state="$tmp/state-$pane"
	hist="$tmp/hist-$pane/history.tsv"
	mkdir -p "$state"
	T new-session -d -s "$pane" -x "${2:-80}" -y "${3:-24}" \
		"env PS1='$ ' HISTFILE=/dev/null XDG_STATE_HOME='$state' bash --norc --noprofile -i"
	wait_for '^\$' 20
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
	local re=$1 limit=${2:-10} deadline
	deadline=$(($(now_ms) + limit * 1000))
	while [ "$(now_ms)" -lt "$deadline" ]; do
		screen | grep -Eq -- "$re" && return 0
		sleep 0.05
	done
	why="waited ${limit}s for /$re/"
	return 1
}

# As wait_for, on the screen's lines joined by spaces: for a status line
# that wraps.
wait_text() {
	local re=$1 limit=${2:-5} deadline
	deadline=$(($(now_ms) + limit * 1000))
	while [ "$(now_ms)" -lt "$deadline" ]; do
		screen | tr '\n' ' ' | grep -Eq -- "$re" && return 0
		sleep 0.05
	done
	why="waited ${limit}s for /$re/ (lines joined)"
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

# The lines of the history file that are not comments.
hist_lines() {
	grep -v '^#' "$hist" 2>/dev/null
}

# Fail unless the history holds exactly $1 entries.
expect_entries() {
	local n
	n=$(hist_lines | wc -l)
	[ "$n" -eq "$1" ] && return 0
	why="history has $n entries, expected $1:
$(cat "$hist" 2>/dev/null)"
	return 1
}

# Fail unless some history entry matches an extended regex.
expect_entry() {
	hist_lines | grep -Eq -- "$1" && return 0
	why="no history entry matches /$1/:
$(cat "$hist" 2>/dev/null)"
	return 1
}

# A timestamp of today in the history's format, at hour $1.
today_at() {
	date "+%Y-%m-%dT$1:%M:%S%:z"
}

# Walk side-hold (8 phases) to its end with n, from its first screen.
walk_side_hold() {
	wait_for '^ *GET READY' 4 || return 1
	keys n n n n n n n n
	wait_for 'How is your back now\? 0-10' 3
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
	# The first frame may reach tmux in pieces: wait for its last rows.
	wait_for 'Stop any exercise that increases pain' || return 1
	expect 'Full routine: Test routine +0:18 +2 exercises' || return 1
	expect '^  Side hold stretch +0:12 +2x a day' || return 1
	expect '^  Bridges and plank +0:06 +2-3x a week' || return 1
	expect 'no substitute for a physiotherapist' || return 1
	keys q
	expect_exit 0
}

test_menu_navigation() {
	open_pane nav || return 1
	run --catalogue $SHORT
	wait_for '^> Full routine' || return 1
	keys j
	wait_for '^> Due now' || return 1
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
	t0=""
	while [ "$(now_ms)" -lt "$deadline" ]; do
		if screen | grep -q 'Exercise complete'; then
			break
		fi
		line=$(phase_line)
		# Timed from the first frame, so a slow start (valgrind) is not counted.
		[ -n "$line" ] && [ -z "$t0" ] && t0=$(now_ms)
		if [ -n "$line" ] && [ "$line" != "$last" ]; then
			got="${got:+$got
}$line"
			last=$line
		fi
		sleep 0.03
	done
	t1=$(now_ms)
	t0=${t0:-$t1}
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
	wait_for 'Saved to the history without a pain score' || return 1
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

# ---- History, pain score and resume (issue 5) ---------------------------------

# Finish an exercise, record a pain score, see the count in the menu, and
# find exactly one line for it in the history.
test_pain_score_recorded() {
	open_pane pain || return 1
	run --catalogue $SHORT --history-file "$hist"
	wait_for '^> Full routine' || return 1
	expect 'Side hold stretch +0:12 +2x a day +• 0/2 today' || return 1
	expect 'Bridges and plank +0:06 +2-3x a week +• 0/2 this week' || return 1
	keys j j Enter
	wait_for 'How is your back now\? 0-10' 16 || return 1
	expect 'Exercise complete' || return 1
	# Only 0..10 can be typed; Backspace edits.
	keys 1 2
	wait_for 'How is your back now\? 0-10  1$' || return 1
	keys 0
	wait_for 'How is your back now\? 0-10  10$' || return 1
	keys BSpace BSpace 3
	wait_for 'How is your back now\? 0-10  3$' || return 1
	keys Enter
	wait_for 'Saved to the history with pain 3\.' || return 1
	keys Enter
	wait_for '1/2 today' || return 1
	expect '^> Side hold stretch +0:12 +2x a day +• 1/2 today' || return 1
	expect 'Full routine: Test routine .*<1 min today' || return 1
	expect 'Due now +0:18 +2 exercises' || return 1
	keys q
	expect_exit 0 || return 1
	expect_entries 1 || return 1
	expect_entry '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}[+-][0-9]{2}:[0-9]{2}	side-hold	done	1[12]	3$' ||
		return 1
	head -n 1 "$hist" | grep -q '^# timestamp' || { why="no header line"; return 1; }
	[ "$(wc -l <"$hist")" -eq 2 ] || { why="expected a header and one line"; return 1; }
}

test_pain_skipped_with_enter() {
	open_pane painskip || return 1
	run --catalogue $SHORT --history-file "$hist" side-hold
	walk_side_hold || return 1
	keys Enter
	wait_for 'Saved to the history without a pain score' || return 1
	expect 'Enter or q: exit' || return 1
	keys Enter
	expect_exit 0 || return 1
	expect_entries 1 || return 1
	expect_entry '	side-hold	done	[0-9]+	-$'
}

# q then y after one completed work phase: one partial line, no score.
test_quit_after_a_hold_is_partial() {
	open_pane partial || return 1
	run --catalogue $SHORT --history-file "$hist" side-hold
	wait_for '^ *REST · next: left side · rep 2 of 2' 6 || return 1
	keys q
	wait_for 'Quit\? y/n' || return 1
	keys y
	expect_exit 0 || return 1
	expect_entries 1 || return 1
	expect_entry '	side-hold	partial	[0-9]+	-$'
}

# Left before any work phase completed: nothing to log.
test_quit_before_work_logs_nothing() {
	open_pane nowork || return 1
	run --catalogue $SHORT --history-file "$hist" side-hold
	wait_for '^ *GET READY' 4 || return 1
	keys q y
	expect_exit 0 || return 1
	[ ! -e "$hist" ] || expect_entries 0
}

test_history_view() {
	open_pane histview || return 1
	mkdir -p "${hist%/*}"
	printf '# timestamp\texercise-id\tstatus\tactive-seconds\tpain\n%s\tside-hold\tdone\t12\t4\n' \
		"$(today_at 07)" >"$hist"
	run --catalogue $SHORT --history-file "$hist"
	wait_for '1/2 today' || return 1
	keys h
	wait_for 'Streak: 1 day \(best 1\)' || return 1
	expect 'Last 12 weeks' || return 1
	expect 'side-hold +1/2 today' || return 1
	expect 'bridges +0/2 this week' || return 1
	expect 'Pain, weekly average' || return 1
	keys '?'
	wait_for 'Keys in the history' || return 1
	keys x
	wait_for 'Streak' || return 1
	keys q
	wait_for '^> Full routine' || return 1
	keys h
	wait_for 'Streak' || return 1
	keys h
	wait_for '^> Full routine' || return 1
	keys '?'
	wait_for 'Keys in the menu' || return 1
	expect 'h +history: calendar, streaks, pain' || return 1
	keys x q
	expect_exit 0
}

# The due entry and `lumbar due` play only what is not yet done enough.
test_due_routine() {
	open_pane due || return 1
	mkdir -p "${hist%/*}"
	printf '%s\tside-hold\tdone\t12\t-\n%s\tside-hold\tdone\t12\t-\n' \
		"$(today_at 07)" "$(today_at 08)" >"$hist"
	run --catalogue $SHORT --history-file "$hist"
	wait_for 'Due now +0:06 +1 exercise' || return 1
	expect '^  Side hold stretch .*   2/2 today' || return 1
	keys j Enter
	wait_for 'Exercise 1 of 1' || return 1
	expect 'Bridges and plank' || return 1
	keys q y
	wait_for '^> Due now' || return 1
	keys q
	expect_exit 0 || return 1
	# Two done entries of bridges this week: nothing is left.
	printf '%s\tbridges\tdone\t6\t-\n%s\tbridges\tdone\t6\t-\n' \
		"$(today_at 09)" "$(today_at 10)" >>"$hist"
	run --catalogue $SHORT --history-file "$hist" due
	wait_for '^Nothing is due' || return 1
	expect_exit 0 || return 1
	run --catalogue $SHORT --history-file "$hist"
	wait_for 'Due now +0:00 +nothing due' || return 1
	keys j Enter
	wait_for '^Nothing is due' || return 1
	expect '^> Due now' || return 1
	keys q
	expect_exit 0
}

# kill -9 mid-routine: the next start offers to resume, and y continues at
# that exercise with what was done before still logged at the end.
test_resume_after_kill() {
	local pid
	open_pane resume || return 1
	run --catalogue $SHORT --history-file "$hist" all
	wait_for '^ *GET READY' 4 || return 1
	keys n n n n n n n n
	wait_for 'Exercise 2 of 2' 2 || return 1
	keys Space
	wait_for 'PAUSED' || return 1
	pid=$(lumbar_pid)
	kill -KILL "$pid"
	wait_gone "$pid" || return 1
	[ -e "${hist%/*}/progress" ] || { why="no progress file"; return 1; }
	grep -q '^entry [0-9]* side-hold done ' "${hist%/*}/progress" ||
		{ why="progress file has no entry: $(cat "${hist%/*}/progress")"; return 1; }
	[ ! -e "$hist" ] || expect_entries 0 || return 1
	keys "stty sane" Enter
	run --catalogue $SHORT --history-file "$hist" all
	# Paused in its first second, so almost always still getting ready.
	wait_for 'Resume routine at Bridges and plank, (get ready|Bridges)\? y/n' || return 1
	keys y
	wait_for 'Exercise 2 of 2' || return 1
	expect '^ *(GET READY|Bridges x2)' || return 1
	wait_for 'How is your back now\? 0-10' 10 || return 1
	expect 'Routine complete' || return 1
	keys 5 Enter
	wait_for 'Saved to the history with pain 5' || return 1
	keys Enter
	expect_exit 0 || return 1
	expect_entries 2 || return 1
	expect_entry '	side-hold	done	[0-9]+	5$' || return 1
	expect_entry '	bridges	done	[0-9]+	5$' || return 1
	[ ! -e "${hist%/*}/progress" ] || { why="progress file left behind"; return 1; }
}

# SIGHUP mid-routine writes nothing and keeps the progress file; the next
# start's n writes what was done (no score) and drops the rest.
test_resume_declined_after_sighup() {
	local pid
	open_pane resumeno || return 1
	run --catalogue $SHORT --history-file "$hist"
	wait_for '^> Full routine' || return 1
	keys a
	wait_for '^ *GET READY' 4 || return 1
	keys n n n n n n n n n
	wait_for '^ *Bridges x2' 2 || return 1
	keys Space
	wait_for 'PAUSED' || return 1
	pid=$(lumbar_pid)
	kill -HUP "$pid"
	expect_exit 129 || return 1
	[ ! -e "$hist" ] || expect_entries 0 || return 1
	[ -e "${hist%/*}/progress" ] || { why="progress file removed"; return 1; }
	run --catalogue $SHORT --history-file "$hist"
	wait_for 'Resume routine at Bridges and plank, (Bridges|Plank)\? y/n' || return 1
	keys n
	wait_for 'Saved 1 exercise of the interrupted routine' || return 1
	expect '^> Full routine' || return 1
	expect 'Side hold stretch .*1/2 today' || return 1
	keys q
	expect_exit 0 || return 1
	expect_entries 1 || return 1
	expect_entry '	side-hold	done	[0-9]+	-$' || return 1
	[ ! -e "${hist%/*}/progress" ] || { why="progress file left behind"; return 1; }
}

# A progress file that names an exercise no longer in the catalogue is
# ignored with a warning and left where it is.
test_stale_progress_is_ignored() {
	open_pane stale || return 1
	mkdir -p "${hist%/*}"
	printf 'lumbar-progress 1\nroutine all\nlevel easy\nexercises gone-now\nphase 0\nexercise gone-now\nkind prepare\nset -1\nside none\nrep 0\nleft 1\n' \
		>"${hist%/*}/progress"
	run --catalogue $SHORT --history-file "$hist"
	wait_text 'exercise gone-now is no longer in the catalogue \(left as it is\)' || return 1
	expect_not 'Resume routine' || return 1
	keys q
	expect_exit 0 || return 1
	grep -q gone-now "${hist%/*}/progress" || { why="progress file changed"; return 1; }
}

# A damaged line is named in the status line and the file is left alone.
test_damaged_history_line() {
	local before after
	open_pane damaged || return 1
	mkdir -p "${hist%/*}"
	printf '# timestamp\texercise-id\tstatus\tactive-seconds\tpain\n%s\tside-hold\tdone\t12\t4\nyesterday\tside-hold\tdone\n%s\tbridges\tmaybe\t6\t-\n' \
		"$(today_at 07)" "$(today_at 08)" >"$hist"
	before=$(cksum <"$hist")
	run --catalogue $SHORT --history-file "$hist"
	wait_text 'history\.tsv:3: expected 5 tab-separated fields, found 3 \(skipped, and 1 more damaged lines\)' ||
		return 1
	expect 'Side hold stretch .*1/2 today' || return 1
	keys j
	wait_for '^> Due now' || return 1
	expect_not 'history\.tsv:3' || return 1
	keys q
	expect_exit 0 || return 1
	after=$(cksum <"$hist")
	[ "$before" = "$after" ] || { why="history file changed"; return 1; }
}

# A history that cannot be written: a warning, and the timer runs anyway.
test_unwritable_history() {
	open_pane unwritable || return 1
	mkdir -p "$tmp/hist-unwritable"
	: >"$tmp/hist-unwritable/plain"
	hist="$tmp/hist-unwritable/plain/lumbar/history.tsv"
	run --catalogue $SHORT --history-file "$hist"
	wait_text 'history will not be saved: /[^ ]*/hist-unwritable/plain: Not a directory' || return 1
	keys j j Enter
	walk_side_hold || return 1
	keys 2 Enter
	wait_text 'Not saved: .*Not a directory' || return 1
	keys Enter
	wait_for '^> ' || return 1
	expect 'history not saved' || return 1
	keys q
	expect_exit 0
}

# A signal at the pain question or in the history view gives the terminal back.
signal_test() {
	local sig=$1 rc=$2 where=$3 pid
	open_pane "sig$sig$where" || return 1
	if [ "$where" = prompt ]; then
		run --catalogue $SHORT --history-file "$hist" side-hold
		walk_side_hold || return 1
	else
		run --catalogue $SHORT --history-file "$hist"
		wait_for '^> Full routine' || return 1
		keys h
		wait_for 'Streak' || return 1
	fi
	pid=$(lumbar_pid)
	[ -n "$pid" ] || { why="no lumbar process"; return 1; }
	kill "-$sig" "$pid"
	expect_exit "$rc" || return 1
	# At the question the routine is over: what was done is kept, without a score.
	if [ "$where" = prompt ]; then
		expect_entries 1 || return 1
		expect_entry '	side-hold	done	[0-9]+	-$' || return 1
	fi
}
test_sigterm_at_pain_prompt() { signal_test TERM 143 prompt; }
test_sighup_at_pain_prompt() { signal_test HUP 129 prompt; }
test_sigint_at_pain_prompt() { signal_test INT 130 prompt; }
test_sigterm_in_history_view() { signal_test TERM 143 history; }
test_sighup_in_history_view() { signal_test HUP 129 history; }
test_sigint_in_history_view() { signal_test INT 130 history; }

test_ctrl_c_mid_exercise_logs_partial() {
	open_pane ctrlcpartial || return 1
	run --catalogue $SHORT --history-file "$hist" side-hold
	wait_for '^ *REST · next: left side · rep 2 of 2' 6 || return 1
	keys C-c
	expect_exit 130 || return 1
	expect_entries 1 || return 1
	expect_entry '	side-hold	partial	[0-9]+	-$'
}

test_plain_options() {
	open_pane plain || return 1
	run --catalogue $SHORT --no-color --quiet --level hard side-hold
	wait_for '^ *HOLD · left side · rep 1 of 2' 4 || return 1
	keys q y
	expect_exit 0
}

# Wait until file $1 has at least $2 lines (hooks run on their own time).
wait_lines() {
	local deadline=$(($(now_ms) + 10000))
	while [ "$(now_ms)" -lt "$deadline" ]; do
		[ -f "$1" ] && [ "$(wc -l <"$1")" -ge "$2" ] && return 0
		sleep 0.05
	done
	why="$1 has $(wc -l <"$1" 2>/dev/null || echo 0) lines, want $2"
	return 1
}

test_on_phase_hook_sees_every_phase() {
	local log=$tmp/hooks-$$.log want
	cat >"$tmp/hook.sh" <<-HOOK
	#!/bin/sh
	printf '%s %s %s %s\\n' "\$LUMBAR_EVENT" "\$LUMBAR_KIND" "\$LUMBAR_SIDE" "\$LUMBAR_REP" >>$log
	HOOK
	chmod +x "$tmp/hook.sh"
	open_pane hooks || return 1
	run --catalogue $SHORT --quiet --on-phase="$tmp/hook.sh" side-hold
	wait_for 'How is your back now\? 0-10' 20 || return 1
	wait_lines "$log" 9 || return 1
	want=$(printf '%s\n' 'phase prepare - 0' 'phase work left 1' 'phase rest left 0' \
		'phase work left 2' 'phase switch right 0' 'phase work right 1' \
		'phase rest right 0' 'phase work right 2' 'done work right 2')
	if [ "$(grep -v '^countdown' "$log")" != "$want" ]; then
		why="hook saw: $(tr '\n' '|' <"$log")"
		return 1
	fi
	keys Enter Enter
	expect_exit 0
}

test_speak_uses_the_speech_program() {
	local said=$tmp/said-$$.log
	mkdir -p "$tmp/fakebin"
	printf '#!/bin/sh\nprintf "%%s\\n" "$*" >>%s\n' "$said" >"$tmp/fakebin/espeak-ng"
	chmod +x "$tmp/fakebin/espeak-ng"
	open_pane speak || return 1
	keys "clear; PATH=$tmp/fakebin:\$PATH $BIN --catalogue $SHORT --quiet --speak side-hold; $REPORT" Enter
	wait_for '^ *HOLD · left side · rep 1 of 2' 10 || return 1
	wait_lines "$said" 2 || return 1
	grep -q 'Side hold stretch' "$said" || { why="said: $(tr '\n' '|' <"$said")"; return 1; }
	grep -q 'Left side' "$said" || { why="said: $(tr '\n' '|' <"$said")"; return 1; }
	keys q y
	expect_exit 0
}

for t in menu_lists_routine_and_exercises menu_navigation phases_in_order_and_on_time \
	reps_and_timed_sets pause_freezes_the_clock next_prev_skip_quit p_restarts_a_phase \
	help_in_the_player resize_to_tiny_and_back ctrl_c_restores_the_terminal \
	sigterm_restores_the_terminal sighup_restores_the_terminal ctrl_z_pauses_and_fg_redraws \
	plain_options pain_score_recorded pain_skipped_with_enter quit_after_a_hold_is_partial \
	quit_before_work_logs_nothing history_view due_routine resume_after_kill \
	resume_declined_after_sighup stale_progress_is_ignored damaged_history_line \
	unwritable_history sigterm_at_pain_prompt sighup_at_pain_prompt sigint_at_pain_prompt \
	sigterm_in_history_view sighup_in_history_view sigint_in_history_view \
	ctrl_c_mid_exercise_logs_partial on_phase_hook_sees_every_phase \
	speak_uses_the_speech_program; do
	run_test "$t"
done

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
