# tests/e2e.d/lines.sh - the line mode (issue 24) the way its users drive
# it: through a pty (tmux; TERM=dumb chooses it, a note says so) and through
# a plain pipe. Whole exercises with a pause and a resume, a stop, the
# summary; the menu by number and by id. What lumbar writes goes to a file,
# so that its exact lines and its bytes can be checked: none below 0x20 but
# the newline and the bell. Sourced by tests/e2e.sh, whose helpers it uses.

LINES30=tests/fixtures/lines-30s.yaml

# lines_wait FILE RE [SECONDS]: wait until a line of FILE matches RE.
lines_wait() {
	local f=$1 re=$2 limit=${3:-10} deadline
	limit=$((limit * ${E2E_SLOW:-1}))
	deadline=$(($(now_ms) + limit * 1000))
	while [ "$(now_ms)" -lt "$deadline" ]; do
		grep -Eq -- "$re" "$f" 2>/dev/null && return 0
		sleep 0.05
	done
	why="waited ${limit}s for /$re/ in what lumbar wrote:
$(cat -A "$f" 2>/dev/null | tail -n 15)"
	return 1
}

# lines_bytes FILE: no byte below 0x20 but the newline and the bell.
lines_bytes() {
	local n
	n=$(tr -d '\n\a' <"$1" | LC_ALL=C tr -d '\040-\377' | wc -c)
	[ "$n" -eq 0 ] && return 0
	why="$n control bytes written:
$(cat -A "$1" | head -n 40)"
	return 1
}

# lines_same FILE EXPECTED: FILE, bells taken out, is EXPECTED line for line.
lines_same() {
	local d
	d=$(diff -u <(printf '%s\n' "$2") <(tr -d '\a' <"$1")) && return 0
	why="what lumbar wrote differs:
$d"
	return 1
}

# The menu of $SHORT as the line mode says it, with $1 the counts of today.
lines_menu() {
	printf '%s\n' 'Test routine' \
		"1. Full routine: Test routine (all), 0:18, 2 exercises$1" \
		'2. Due now (due), 0:18, 2 exercises' \
		'3. Side hold stretch (side-hold), 0:12, 2x a day, 0/2 today, due' \
		'4. Bridges and plank (bridges), 0:06, 2-3x a week, 0/2 this week, due'
}

# Through a pty, TERM=dumb: the note, the menu by number, a whole exercise
# said phase by phase, the summary's question, back to the menu, q. No key
# is pressed while it plays, so no key races a phase of 1 or 2 seconds.
test_lines_pty_whole_exercise() {
	local out=$tmp/lines-pty.out
	open_pane linespty 100 30 || return 1
	keys "clear; TERM=dumb $BIN --catalogue $SHORT --history-file $hist >$out; $REPORT" Enter
	wait_for '^lumbar: TERM is dumb: using the line mode \(lumbar --lines\)$' || return 1
	lines_wait "$out" 'Number or id, then Enter \(\? for the keys\): $' || return 1
	keys 3 Enter
	lines_wait "$out" 'How is your back now\? 0 no pain, 10 worst imaginable: $' 30 || return 1
	keys 4 Enter
	lines_wait "$out" '^Saved to the history with pain 4\.$' || return 1
	keys Enter
	lines_wait "$out" '^1\. Full routine: Test routine \(all\), 0:18, 2 exercises, <1 min today$' || return 1
	keys q Enter
	expect_exit 0 || return 1
	expect_entry $'\tside-hold\tdone\t[0-9]+\t4\t' || return 1
	lines_bytes "$out" || return 1
	# The bell at the last seconds of each hold: four holds of 2 s.
	[ "$(tr -cd '\a' <"$out" | wc -c)" -ge 4 ] || { why="too few bells"; return 1; }
	sed -i 's/^Time spent: 0:1[2-9] (planned 0:12)$/Time spent: 0:1x (planned 0:12)/' "$out"
	lines_same "$out" "$(lines_menu '')
Number or id, then Enter (? for the keys): 3
Side hold stretch: get ready, 1 second
Side hold stretch, left side: hold 2 seconds (rep 1 of 2)
Rest, 1 second
Side hold stretch, left side: hold 2 seconds (rep 2 of 2)
Switch sides, 1 second
Side hold stretch, right side: hold 2 seconds (rep 1 of 2)
Rest, 1 second
Side hold stretch, right side: hold 2 seconds (rep 2 of 2)
Exercise complete
Time spent: 0:1x (planned 0:12)
Nothing skipped.
How is your back now? 0 no pain, 10 worst imaginable: 4
Saved to the history with pain 4.
Enter or q: back to the menu
$(lines_menu ', <1 min today' | sed 's|0/2 today, due|1/2 today, due|')
Number or id, then Enter (? for the keys): q"
}
run_test lines_pty_whole_exercise

# Through a pty with --lines, a hold of ten minutes: the menu by id, Space
# pauses and resumes ("Resumed, 9 minutes 58 seconds left"), ? lists the
# keys, x stops the exercise, its pain, e ends the session; the summary
# lists the stop and saves it; Enter goes back to the menu, q leaves.
test_lines_pty_pause_stop_by_id() {
	local out=$tmp/lines-stop.out
	open_pane linesstop 100 30 || return 1
	keys "clear; $BIN --lines --catalogue $LONG --history-file $hist >$out; $REPORT" Enter
	lines_wait "$out" 'Number or id, then Enter \(\? for the keys\): $' || return 1
	keys long-hold Enter
	lines_wait "$out" '^Long hold: hold 10 minutes$' || return 1
	keys Space
	lines_wait "$out" '^Paused$' || return 1
	keys Space
	lines_wait "$out" '^Resumed, (10 minutes|9 minutes 5[0-9] seconds) left$' || return 1
	keys '?'
	lines_wait "$out" '^Ctrl-C: quit at once$' || return 1
	keys x
	lines_wait "$out" 'Pain now\? 0 no pain, 10 worst imaginable: $' || return 1
	keys 5 Enter
	lines_wait "$out" '^i  when to get help$' || return 1
	keys e
	lines_wait "$out" '^Enter or q: back to the menu$' || return 1
	keys Enter
	lines_wait "$out" '^Number or id.*: $' || return 1
	keys q Enter
	expect_exit 0 || return 1
	expect_entry $'\tlong-hold\tstopped\t[0-9]+\t5\t' || return 1
	lines_bytes "$out" || return 1
	# How long the keys took to come: the time at the resume, the 10 s marks
	# passed meanwhile on a slow machine, the time spent.
	sed -i -E 's/^Resumed, (10 minutes|9 minutes 5[0-9] seconds) left$/Resumed, N left/;
		/^9 minutes [0-9]+ seconds left$/d;
		s/^Time spent: 0:[0-5][0-9] \(planned 10:01\)$/Time spent: 0:xx (planned 10:01)/' "$out"
	lines_same "$out" "Long routine
1. Full routine: Long routine (all), 10:01, 1 exercises
2. Due now (due), 10:01, 1 exercise
3. Long hold (long-hold), 10:01, 1x a day, 0/1 today, due
Number or id, then Enter (? for the keys): long-hold
Long hold: get ready, 1 second
Long hold: hold 10 minutes
Paused
Resumed, N left
Space: pause or resume
n: next phase
p: restart the phase; within its first 2 s, the previous one
s: skip to the next exercise
x: it hurts: stop this exercise, give the pain, log it stopped
o: pause and open the video (xdg-open)
q: quit (asks first)
?: these keys
Ctrl-C: quit at once
Stopped Long hold.
Pain now? 0 no pain, 10 worst imaginable: 5
Pain now: 5/10.
e  end the session
i  when to get help
Session ended
Time spent: 0:xx (planned 10:01)
Nothing skipped.
Stopped:
 - Long hold (pain 5)
Saved to the history.
Enter or q: back to the menu
Long routine
1. Full routine: Long routine (all), 10:01, 1 exercises, <1 min today
2. Due now (due), 0:00, nothing due
3. Long hold (long-hold), 10:01, 1x a day, stopped today
Number or id, then Enter (? for the keys): q"
}
run_test lines_pty_pause_stop_by_id

# Ctrl-C in the player, SIGTERM at a question, SIGHUP in the player: the
# terminal comes back in its own modes, with the status of the signal.
test_lines_pty_signals_restore_the_terminal() {
	local out=$tmp/lines-sig.out
	open_pane linessig 100 30 || return 1
	keys "clear; $BIN --lines --catalogue $LONG --history-file $hist long-hold >$out; $REPORT" Enter
	lines_wait "$out" '^Long hold: hold 10 minutes$' 5 || return 1
	keys C-c
	expect_exit 130 || return 1
	keys "clear; $ASK_BIN --lines --catalogue $LONG --history-file $hist long-hold >$out; $REPORT" Enter
	# The safety screen of the first start, then the pain-before question.
	lines_wait "$out" '^Keys: c none of these, continue; ' 5 || return 1
	keys c
	lines_wait "$out" 'How is your back right now\? 0 no pain, 10 worst imaginable: $' 5 || return 1
	kill -TERM "$(lumbar_pid)"
	expect_exit 143 || return 1
	keys "clear; $BIN --lines --catalogue $LONG --history-file $hist long-hold >$out; $REPORT" Enter
	lines_wait "$out" '^Long hold: hold 10 minutes$' 5 || return 1
	kill -HUP "$(lumbar_pid)"
	expect_exit 129
}
run_test lines_pty_signals_restore_the_terminal

# Through a plain pipe, with the clock ten times as fast: the menu by id, a
# 30 s hold writes at most four lines (its line, "20 seconds left", "10
# seconds left"; the bell at the last three seconds), and the end of input
# at the summary's question writes what was done, exit 0.
test_lines_pipe_30s_hold_and_end_of_input() {
	local out=$tmp/lines-pipe.out fifo=$tmp/lines-pipe.in pid rc hist=$tmp/hist-linespipe/history.tsv
	mkdir -p "${hist%/*}"
	mkfifo "$fifo" || { why="mkfifo"; return 1; }
	local fast=(faketime -f '+0 x10')
	[ -n "$faketime_lib" ] && fast=(env LD_PRELOAD="$faketime_lib" FAKETIME='+0 x10')
	"${fast[@]}" $BIN --lines --catalogue $LINES30 --history-file "$hist" \
		<"$fifo" >"$out" 2>"$out.err" &
	pid=$!
	exec 7>"$fifo"
	lines_wait "$out" 'Number or id, then Enter \(\? for the keys\): $' || { exec 7>&-; return 1; }
	printf 'hold-30\n' >&7
	lines_wait "$out" 'How is your back now\? 0 no pain, 10 worst imaginable: $' 15 ||
		{ exec 7>&-; return 1; }
	exec 7>&-
	wait "$pid"
	rc=$?
	[ "$rc" -eq 0 ] || { why="exit status $rc: $(cat "$out.err")"; return 1; }
	expect_entry $'\thold-30\tdone\t3[01]\t-\t' || return 1
	lines_bytes "$out" || return 1
	[ "$(tr -cd '\a' <"$out" | wc -c)" -eq 3 ] || { why="not three bells: $(cat -A "$out")"; return 1; }
	# From the hold's line to the summary: at most four lines.
	local n
	n=$(tr -d '\a' <"$out" |
		sed -n '/^Thirty-second hold: hold 30 seconds$/,/^Exercise complete/p' | wc -l)
	[ "$n" -le 5 ] || { why="the hold wrote $((n - 1)) lines"; return 1; }
	lines_same "$out" "Long hold routine
1. Full routine: Long hold routine (all), 0:31, 1 exercises
2. Due now (due), 0:31, 1 exercise
3. Thirty-second hold (hold-30), 0:31, 1x a day, 0/1 today, due
Number or id, then Enter (? for the keys): hold-30
Thirty-second hold: get ready, 1 second
Thirty-second hold: hold 30 seconds
20 seconds left
10 seconds left
Exercise complete
Time spent: 0:31 (planned 0:31)
Nothing skipped.
How is your back now? 0 no pain, 10 worst imaginable: "
}
run_test lines_pipe_30s_hold_and_end_of_input

# No TERM at all on a terminal: the line mode too, with its note; q then y.
test_lines_pty_no_term() {
	local out=$tmp/lines-noterm.out
	open_pane linesnoterm 100 30 || return 1
	keys "clear; env -u TERM $BIN --catalogue $LONG --history-file $hist long-hold >$out; $REPORT" Enter
	wait_for '^lumbar: TERM is not set: using the line mode \(lumbar --lines\)$' 5 || return 1
	lines_wait "$out" '^Long hold: hold 10 minutes$' 5 || return 1
	keys q
	lines_wait "$out" '^What is done is kept, this exercise so far as partial\. Quit\? y/n$' || return 1
	keys y
	expect_exit 0 || return 1
	lines_bytes "$out"
}
run_test lines_pty_no_term

# A terminal whose echo is off: lumbar writes the answer after its question
# itself (once), and gives the terminal back as it was, echo still off.
test_lines_pty_echo_off_kept() {
	open_pane linesecho 100 30 || return 1
	keys "clear; stty -echo; TERM=dumb $BIN --catalogue $SHORT --history-file $hist side-hold; echo \"RC=\$?\"; stty -a | tr ' ;' '\n\n' | grep -xE -- '-?echo'; stty echo" Enter
	wait_for 'How is your back now\? 0 no pain, 10 worst imaginable: ?$' 30 || return 1
	keys 7 Enter
	wait_for '^Saved to the history with pain 7\.$' || return 1
	expect '^How is your back now\? 0 no pain, 10 worst imaginable: 7$' || return 1
	keys q
	wait_for '^RC=0$' || return 1
	wait_for '^-echo$' || { why="echo not given back off: $why"; return 1; }
	expect_entry $'\tside-hold\tdone\t[0-9]+\t7\t'
}
run_test lines_pty_echo_off_kept
