# shellcheck shell=bash
# tests/e2e.d/tidy.sh - the history view counts pain per session (field 8),
# as the report and `lumbar history` do. Sourced by tests/e2e.sh, whose
# helpers it uses.

# A routine of three exercises this morning, its pain after (6) on each line,
# and one line without a session id (2), a session of its own: two sessions,
# 4.0 on average (the lines would say 5.0).
test_history_view_counts_pain_by_session() {
	open_pane tidypain || return 1
	mkdir -p "${hist%/*}"
	printf '%s\t%s\tdone\t60\t6\t-\t-\tr1\n' "$(today_at 07)" hold-one "$(today_at 07)" reps-two \
		"$(today_at 07)" timed-3 >"$hist"
	printf '%s\thold-one\tdone\t60\t2\n' "$(today_at 08)" >>"$hist"
	run --catalogue tests/fixtures/good.yaml --history-file "$hist"
	wait_for 'Full routine' || return 1
	keys h
	wait_for 'Pain after, weekly average' || return 1
	expect 'Pain so far: 4\.0 on average\.' || return 1
	keys q q
	expect_exit 0
}
run_test history_view_counts_pain_by_session
