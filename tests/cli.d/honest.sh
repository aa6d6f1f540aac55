# shellcheck shell=bash
# Command-line tests of honest counting (issue 19 §1): sourced by
# tests/cli.sh before its summary, with its helpers (t, run, expect_*, fail,
# done_test) and $LUMBAR, $FIX, $tmp. Every run is at a fixed instant
# (faketime) in a fixed zone, so no test depends on when it runs.

# honest_at RUN-NAME STATUS CMD...: run CMD at Tuesday 2026-11-24 09:00 in Paris.
honest_at() {
	local n=$1 s=$2
	shift 2
	run "$n" "$s" faketime_at '2026-11-24 09:00:00' "$@"
}

# Replaces "a pause does not change what is due": while paused nothing is due.
if t honest-paused; then
	r=$tmp/honest-paused
	mkdir -p "$r"
	printf '%s\n' $'2026-11-23T20:00:00+01:00\tpause\t-\t2026-11-26\ttravel' >"$r/events.tsv"
	: >"$r/history.tsv"
	honest_at honest-paused-quiet 1 "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$r/history.tsv" due --quiet
	expect_empty_out
	done_test
	honest_at honest-paused-count 0 "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$r/history.tsv" due --count
	expect_out_text "0"
	done_test
	honest_at honest-paused-line 0 "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$r/history.tsv" due --format=line
	expect_out_text "paused until 2026-11-26"
	done_test
	honest_at honest-paused-status 0 "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$r/history.tsv" status --format=json
	expect_out_match '^\{"due":\[\],"due_count":0,"due_minutes":0,'
	expect_out_match '"paused":true,"paused_until":"2026-11-26"\}$'
	done_test
	# The day after the pause, what is due is due again.
	run honest-paused-after 0 faketime_at '2026-11-27 09:00:00' \
		"$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/history.tsv" due --format=line
	expect_out_match '^2 due: alpha, beta '
	done_test
fi

# Replaces "a stop adds to no due count": a stopped exercise is "stopped
# today", not due again that day; the day is still expected.
if t honest-stopped; then
	r=$tmp/honest-stopped
	mkdir -p "$r"
	printf '%s\n' $'2026-11-24T07:00:00+01:00\talpha\tstopped\t12\t6\t3\t0/2' >"$r/history.tsv"
	honest_at honest-stopped-line 0 "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$r/history.tsv" due --format=line
	expect_out_match '^1 due: beta '
	done_test
	honest_at honest-stopped-status 0 "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$r/history.tsv" status --format=json
	expect_out_match '^\{"due":\["beta"\],"due_count":1,'
	done_test
	honest_at honest-stopped-progress 0 "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$r/history.tsv" --history
	expect_out_match '^alpha +stopped today +0 this week +0% +0% '
	grep -Eq '^beta .* due ' "$out" || fail "beta is no longer due"
	done_test
	# The next day alpha is due again.
	run honest-stopped-next-day 0 faketime_at '2026-11-25 09:00:00' \
		"$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/history.tsv" due --format=line
	expect_out_match '^2 due: alpha, beta '
	done_test
fi
