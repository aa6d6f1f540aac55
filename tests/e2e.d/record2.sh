# tests/e2e.d/record2.sh - sourced by tests/e2e.sh: the full screen reads the
# one record (issue 17 §2): history.tsv and events.tsv opened once each
# before the menu's first frame, and a file changed under an open menu read
# again.

# The menu opens history.tsv once and events.tsv once: the record main
# loaded is the one the screens read. strace counts the opens of the whole
# run (the menu, then q: nothing is written in between).
test_record2_menu_opens_each_file_once() {
	local trace n f
	command -v strace >/dev/null 2>&1 ||
		{ why="strace is needed (scripts/install-deps installs it)"; return 1; }
	open_pane r2opens || return 1
	trace=$tmp/r2opens.trace
	mkdir -p "$(dirname "$hist")"
	printf '%s\tside-hold\tdone\t12\t3\t2\t-\n' "$(date -d '-2 days' '+%Y-%m-%dT%H:%M:%S%:z')" \
		>"$hist"
	printf '%s\tset\tside-hold\t1\t-\n%s\tmorning\t-\t3\t-\n%s\tnote\t-\t-\tstiff\n' \
		"$(date -d '-3 days' '+%Y-%m-%dT%H:%M:%S%:z')" \
		"$(date -d '-2 days' '+%Y-%m-%dT%H:%M:%S%:z')" \
		"$(date -d '-2 days' '+%Y-%m-%dT%H:%M:%S%:z')" >"$(dirname "$hist")/events.tsv"
	keys "clear; strace -f -qq -e trace=open,openat -o '$trace' $BIN --catalogue $SHORT --history-file '$hist'; $REPORT" Enter
	wait_for 'Stop any exercise that increases pain' 20 || return 1
	keys q
	expect_exit 0 || return 1
	for f in history.tsv events.tsv; do
		n=$(grep -cE "open(at)?\(.*\"[^\"]*/$f\"" "$trace")
		[ "$n" -eq 1 ] || { why="the menu opened $f $n times, not once:
$(grep -E "/$f\"" "$trace")"; return 1; }
	done
}

run_test record2_menu_opens_each_file_once

# A `lumbar pause` from another terminal shows on the menu left open at the
# next key: events.tsv changed, so the record is read again.
test_record2_open_menu_reads_a_changed_file() {
	local until
	open_pane r2reload || return 1
	until=$(date -d '+5 days' +%F)
	run --catalogue $SHORT --history-file "$hist"
	wait_for '^> Full routine' || return 1
	expect_not 'Paused until' || return 1
	mkdir -p "$(dirname "$hist")"
	"$ASK_BIN" --history-file "$hist" pause --until "$until" >/dev/null ||
		{ why="lumbar pause failed"; return 1; }
	keys Down
	wait_for "Paused until $until" 5 || return 1
	keys q
	expect_exit 0
}

run_test record2_open_menu_reads_a_changed_file

# A line dated a few seconds after now is left out, and named on the status
# line; once its time has come, the next key on the menu counts it.
test_record2_future_line_counts_when_its_time_comes() {
	local when
	open_pane r2future || return 1
	mkdir -p "$(dirname "$hist")"
	when=$(($(date +%s) + 4))
	printf '%s\tside-hold\tdone\t12\t3\n' "$(date -d "@$when" '+%Y-%m-%dT%H:%M:%S%:z')" >"$hist"
	run --catalogue $SHORT --history-file "$hist"
	wait_for '^> Full routine' || return 1
	expect 'Side hold stretch .*0/2 today' || return 1
	wait_text 'history\.tsv:1: dated in the future \([0-9-]+\): left out until then \(skipped\)' ||
		return 1
	while [ "$(date +%s)" -le "$when" ]; do sleep 0.2; done
	keys Down
	wait_for 'Side hold stretch .*1/2 today' 5 || return 1
	keys q
	expect_exit 0
}

run_test record2_future_line_counts_when_its_time_comes
