# tests/e2e.d/app.sh - a session's life on the screen (app.c): what a stop,
# a closed terminal (SIGHUP to the pane's lumbar) and the next start leave.
# Sourced by tests/e2e.sh, whose helpers it uses.

# Issue 18, item 23: a routine whose last exercise was stopped is not
# "Routine complete".
test_app_last_stop_is_not_complete() {
	open_pane applaststop || return 1
	run_ask --catalogue $SHORT --quiet --history-file "$hist" all
	wait_for 'How is your back right now\? 0-10' || return 1
	keys Enter
	wait_for '^ *GET READY' 4 || return 1
	keys n n n n n n n n
	wait_for 'Exercise 2 of 2' 4 || return 1
	keys x
	wait_for 'Pain now\? 0-10' || return 1
	keys 5 Enter
	wait_for 'Pain now: 5/10\.' || return 1
	keys n
	wait_for 'Session ended' 4 || return 1
	expect_not 'Routine complete' || return 1
	keys Enter
	wait_for 'Saved to the history without a pain score\.' || return 1
	keys Enter
	expect_exit 0 || return 1
	expect_entry '	bridges	stopped	[0-9]+	5	-	0/0$'
}

# Issue 18, item 11: the terminal closes at a routine's pain-before question;
# nothing had begun, so nothing is kept and the next start offers no resume.
test_app_nothing_kept_before_the_session_begins() {
	local pid
	open_pane appbefore || return 1
	run_ask --catalogue $SHORT --quiet --history-file "$hist" all
	wait_for 'How is your back right now\? 0-10' || return 1
	pid=$(lumbar_pid)
	[ -n "$pid" ] || { why="no lumbar process"; return 1; }
	kill -HUP "$pid"
	expect_exit 129 || return 1
	[ ! -e "$state"/lumbar/*.progress ] ||
		{ why="progress file kept: $(cat "$state"/lumbar/*.progress)"; return 1; }
	run_ask --catalogue $SHORT --quiet --history-file "$hist" all
	wait_for 'How is your back right now\? 0-10' || return 1
	expect_not 'Resume routine' || return 1
	keys q
	expect_exit 0 || return 1
	[ ! -e "$hist" ] || expect_entries 0
}

for t in app_last_stop_is_not_complete app_nothing_kept_before_the_session_begins; do
	run_test "$t"
done
