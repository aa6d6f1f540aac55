# tests/e2e.d/calendar.sh - sourced by tests/e2e.sh: two machines (issue 23).
# A conflict copy beside the history that holds lines it lacks is named on the
# menu's status line; once merged, no more.

test_calendar_menu_names_a_copy() {
	local copy
	open_pane copies || return 1
	mkdir -p "${hist%/*}"
	copy="${hist%/*}/history (1).tsv"
	printf '%s\tside-hold\tdone\t12\t-\t-\t-\n' "$(today_at 07)" >"$copy"
	run --catalogue $SHORT --history-file "$hist"
	wait_for 'j/k move' || return 1
	wait_text "another machine's lines wait in '[^']*/history \\(1\\)\\.tsv': lumbar merge adds them" ||
		return 1
	keys q
	expect_exit 0 || return 1
	# Merged: the menu no longer names it.
	./lumbar --history-file "$hist" merge "$copy" >/dev/null || { why="merge failed"; return 1; }
	run --catalogue $SHORT --history-file "$hist"
	wait_for 'j/k move' || return 1
	wait_for '1/2 today' || return 1
	expect_not 'another machine' || return 1
	keys q
	expect_exit 0
}

run_test calendar_menu_names_a_copy
