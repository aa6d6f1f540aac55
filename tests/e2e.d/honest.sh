# tests/e2e.d/honest.sh - honest counting on the screens (issue 19 §1): the
# pain questions' anchors, q then y asking the end's question, Enter alone
# saying what no score means, a step back after a single stopped exercise,
# n through every phase logged partial, and nothing due while paused.
# Sourced by tests/e2e.sh, whose helpers it uses.

# Every pain question gives its anchors; n through every phase is partial.
test_honest_anchors_and_n_is_partial() {
	open_pane honestanchors || return 1
	run_ask --catalogue $SHORT --quiet --history-file "$hist" side-hold
	wait_for 'How is your back right now\? 0-10' || return 1
	expect '0 no pain, 10 worst imaginable' || return 1
	keys 2 Enter
	walk_side_hold || return 1
	expect '0 no pain, 10 worst imaginable' || return 1
	keys 3 Enter
	wait_for 'Saved to the history with pain 3\.' || return 1
	keys Enter
	expect_exit 0 || return 1
	expect_entries 1 || return 1
	expect_entry '	side-hold	partial	[0-9]+	3	2	0/0	[0-9a-f]{16}	timer$'
}

# The stop screen's question has the anchors too; Enter alone there records
# no score and the summary says what that means; with e after a single
# exercise at step 1 of 2, the summary states the step back.
test_honest_stop_no_score_steps_back() {
	open_pane honeststop 120 || return 1
	mkdir -p "${hist%/*}"
	printf '%s\tset\tramp\t1\t-\n' "$(date -d '-1 days' '+%Y-%m-%dT09:00:00%:z')" \
		>"${hist%/*}/events.tsv"
	run --catalogue $STEPS --history-file "$hist" ramp
	wait_for '^ *GET READY' 4 || return 1
	keys x
	wait_for 'Pain now\? 0-10' || return 1
	expect '0 no pain, 10 worst imaginable' || return 1
	keys Enter
	wait_for 'Pain now: no score\.' || return 1
	keys e
	wait_for 'Session ended' || return 1
	wait_text 'Saved to the history\.' || return 1
	wait_text 'no score: this session will not count toward a step' || return 1
	wait_text 'Stepped back: Ramp 2 s \(was 3 s\) next time — stopped for pain\.' || return 1
	keys Enter
	expect_exit 0 || return 1
	expect_entries 1 || return 1
	expect_entry '	ramp	stopped	[0-9]+	-	-	1/2	[0-9a-f]{16}	timer$'
}

# The routine of $SHORT, quit with q then y after its first hold: the end's question.
quit_after_a_hold() {
	open_pane "$1" || return 1
	run --catalogue $SHORT --history-file "$hist" all
	wait_for '^ *REST · next: left side · rep 2 of 2' 12 || return 1
	keys q
	wait_for 'Quit\? y/n' || return 1
	keys y
	wait_for 'How is your back now\? 0-10' 4 || return 1
	expect 'Session ended'
}

# q then y in a routine asks the end's question; its answer goes with the lines.
test_honest_quit_asks_the_end_question() {
	quit_after_a_hold honestquit || return 1
	expect '0 no pain, 10 worst imaginable' || return 1
	keys 4 Enter
	wait_for 'Saved to the history with pain 4\.' || return 1
	keys Enter
	expect_exit 0 || return 1
	expect_entries 1 || return 1
	expect_entry '	side-hold	partial	[0-9]+	4	-	0/0	[0-9a-f]{16}	timer$' || return 1
	[ ! -e "$state"/lumbar/*.progress ] || { why="progress file left behind"; return 1; }
}

# Enter alone at the end's question after q then y: no score, said so.
test_honest_quit_then_no_score() {
	quit_after_a_hold honestquitno || return 1
	keys Enter
	wait_text 'no score: this session will not count toward a step' || return 1
	keys Enter
	expect_exit 0 || return 1
	expect_entry '	side-hold	partial	[0-9]+	-	-	0/0	[0-9a-f]{16}	timer$'
}

# While paused nothing is due: no mark in the menu, and Due now has nothing.
test_honest_paused_menu_marks_nothing() {
	open_pane honestpaused || return 1
	mkdir -p "${hist%/*}"
	printf '%s\tpause\t-\t%s\ttravel\n' "$(date -d '-1 days' '+%Y-%m-%dT09:00:00%:z')" \
		"$(date -d '+3 days' +%F)" >"${hist%/*}/events.tsv"
	run --catalogue $SHORT --history-file "$hist"
	wait_for '^> Full routine' || return 1
	expect 'Due now .*nothing due' || return 1
	expect_not '•' || return 1
	keys q
	expect_exit 0
}

# A stop stands for the day: "stopped today", no mark, not in Due now.
test_honest_stopped_today_in_the_menu() {
	open_pane honeststopped || return 1
	mkdir -p "${hist%/*}"
	printf '%s\tside-hold\tstopped\t5\t6\t3\t-\n' "$(date '+%Y-%m-%dT%H:%M:%S%:z')" >"$hist"
	run --catalogue $SHORT --history-file "$hist"
	wait_for '^> Full routine' || return 1
	expect 'Side hold stretch .*stopped today' || return 1
	expect_not '• +stopped today' || return 1
	expect 'Due now .*1 exercise' || return 1
	keys q
	expect_exit 0
}

# The morning check-in gives the anchors too (in its key line).
test_honest_morning_anchors() {
	local tz
	tz=$(tz_at_hour 8)
	open_pane honestmorning || return 1
	seed_shown "$tz"
	printf '%s\tside-hold\tdone\t12\t3\t2\t-\n' \
		"$(TZ=$tz date -d yesterday '+%Y-%m-%dT07:00:00%:z')" >"$hist"
	keys "clear; TZ='$tz' $ASK_BIN --catalogue $SHORT --history-file '$hist'; $REPORT" Enter
	wait_for 'Back pain this morning\? 0-10' || return 1
	expect '0 no pain, 10 worst imaginable  Enter: record  Enter alone: skip for today' || return 1
	keys Enter
	wait_for 'j/k move  Enter start' || return 1
	keys q
	expect_exit 0
}

# A session finished with pain after 8 brings the safety screen at the next
# start, as a stop with 8 does; one with 7 does not.
test_honest_safety_after_a_painful_session() {
	local ask
	open_pane honestsafety || return 1
	mkdir -p "${hist%/*}"
	printf '%s\tsafety-shown\t-\t-\t-\n' "$(date -d '-2 min' '+%Y-%m-%dT%H:%M:%S%:z')" \
		>>"${hist%/*}/events.tsv"
	ask="clear; $ASK_BIN --catalogue $SHORT --quiet --history-file '$hist' side-hold; $REPORT"
	keys "$ask" Enter
	wait_for 'How is your back right now\? 0-10' || return 1
	keys 3 Enter
	walk_side_hold || return 1
	keys 7 Enter
	wait_for 'Saved to the history with pain 7\.' || return 1
	keys Enter
	expect_exit 0 || return 1
	keys "$ask" Enter
	wait_for 'How is your back right now\? 0-10' || return 1
	expect_not 'When to get help' || return 1
	keys 3 Enter
	walk_side_hold || return 1
	keys 8 Enter
	wait_for 'Saved to the history with pain 8\.' || return 1
	keys Enter
	expect_exit 0 || return 1
	keys "$ask" Enter
	wait_for 'c none of these, continue +h one of these applies' || return 1
	expect '^ When to get help' || return 1
	keys c
	wait_for 'How is your back right now\? 0-10' || return 1
	keys q
	expect_exit 0
}

for t in honest_safety_after_a_painful_session honest_morning_anchors honest_anchors_and_n_is_partial honest_stop_no_score_steps_back \
	honest_quit_asks_the_end_question honest_quit_then_no_score \
	honest_paused_menu_marks_nothing honest_stopped_today_in_the_menu; do
	run_test "$t"
done
