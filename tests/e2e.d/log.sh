# shellcheck shell=bash
# tests/e2e.d/log.sh - issue 22 §4 on the screens: a session logged with
# `lumbar log` and a pain of 8 brings the safety screen at the next start, as
# a timed one does; the menu counts the logged exercise as done today.
# Sourced by tests/e2e.sh, whose helpers it uses.

test_log_pain_8_brings_the_safety_screen() {
	open_pane logsafety || return 1
	mkdir -p "${hist%/*}"
	# The safety screen was seen a minute ago: not due now.
	printf '%s\tsafety-shown\t-\t-\t-\n' "$(date -d '-1 minute' '+%Y-%m-%dT%H:%M:%S%:z')" \
		>"${hist%/*}/events.tsv"
	keys "clear; $ASK_BIN --catalogue $SHORT --history-file '$hist'; $REPORT" Enter
	wait_for '^> Full routine' || return 1
	expect_not 'When to get help' || return 1
	expect 'Side hold stretch +0:12 +2x a day +. 0/2 today' || return 1
	keys q
	expect_exit 0 || return 1
	keys "clear; $ASK_BIN --catalogue $SHORT --history-file '$hist' log side-hold --pain 8; $REPORT" Enter
	expect_exit 0 || return 1
	expect 'A pain of 8 or more: when to get help, now and first the next time lumbar starts' ||
		return 1
	# The next start: the lists first, then the menu with the logged exercise counted.
	keys "clear; $ASK_BIN --catalogue $SHORT --history-file '$hist'; $REPORT" Enter
	wait_for 'c none of these, continue +h one of these applies' || return 1
	expect 'See someone now if you have:' || return 1
	keys c
	wait_for '^> Full routine' || return 1
	expect 'Side hold stretch +0:12 +2x a day +. 1/2 today' || return 1
	keys q
	expect_exit 0 || return 1
	expect_events safety-shown safety-shown
}

run_test log_pain_8_brings_the_safety_screen
