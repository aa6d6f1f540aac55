# tests/e2e.d/words.sh - words and widths on the screens (issue 19 §3): the
# pain-before header, the summary after e, the resume and quit questions,
# the note prompt, the menu's full-routine row and the history view.
# Sourced by tests/e2e.sh, whose helpers it uses.

ROUTINES=tests/fixtures/good-routines.yaml

# The pain-before question names the routine and its length.
test_words_pain_before_names_the_routine() {
	open_pane wordspainbefore || return 1
	run_ask --catalogue $ROUTINES --quiet --history-file "$hist" morning
	wait_for 'How is your back right now\? 0-10' || return 1
	expect '^ *Morning · 2 exercises$' || return 1
	keys q
	expect_exit 0
}
run_test words_pain_before_names_the_routine

# The full routine's row says nothing of today before any work, not "0 min today".
test_words_full_routine_row_no_zero() {
	open_pane wordsfullrow || return 1
	run --catalogue $SHORT --history-file "$hist"
	wait_for '^> Full routine: Test routine' || return 1
	expect_not 'min today' || return 1
	keys q
	expect_exit 0
}
run_test words_full_routine_row_no_zero

# A routine ended with e at its first exercise's stop: the rest is "Not
# reached", and the summary does not say "Nothing skipped".
test_words_summary_not_reached() {
	open_pane wordsnotreached 80 30 || return 1
	run --catalogue $SHORT --history-file "$hist" all
	wait_for '^ *GET READY' 4 || return 1
	keys x
	wait_for 'Pain now\? 0-10' || return 1
	keys Enter
	wait_for 'Pain now: no score\.' || return 1
	keys e
	wait_for 'Session ended' || return 1
	wait_for '^ *Not reached:$' || return 1
	expect '^ *- Bridges and plank$' || return 1
	expect_not 'Nothing skipped' || return 1
	expect_not 'Skipped:' || return 1
	keys q
	expect_exit 0
}
run_test words_summary_not_reached
