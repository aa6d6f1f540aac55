# shellcheck shell=bash
# Command-line tests of words and widths (issue 19 §3): sourced by
# tests/cli.sh before its summary, with its helpers (t, run, expect_*, fail,
# done_test) and $LUMBAR, $FIX, $tmp. Every run is at a fixed instant
# (faketime) in a fixed zone, so no test depends on when it runs.

# words_at RUN-NAME STATUS CMD...: run CMD at Tuesday 2026-11-24 09:00 in Paris.
words_at() {
	local n=$1 s=$2
	shift 2
	run "$n" "$s" faketime_at '2026-11-24 09:00:00' env TZ=Europe/Paris "$@"
}

# `lumbar status` alone prints a short text form; the JSON gains done_today.
if t words-status; then
	r=$tmp/words-status
	mkdir -p "$r"
	printf '%s\n' $'2026-11-24T08:00:00+01:00\talpha\tdone\t30\t-\t-\t-' >"$r/history.tsv"
	words_at words-status-text 0 "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$r/history.tsv" status
	expect_out_text "Due: 2 exercises, 4 min: Alpha hold, Beta reps
Done today: 1 · streak: 1 day"
	done_test
	words_at words-status-json-done-today 0 "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$r/history.tsv" status --format=json
	expect_out_match '"today":1,"done_today":1,'
	done_test
	printf '%s\n' $'2026-11-23T20:00:00+01:00\tpause\t-\t2026-11-26\ttravel' >"$r/events.tsv"
	words_at words-status-text-paused 0 "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$r/history.tsv" status
	expect_out_text "Paused until 2026-11-26: nothing is due
Done today: 1 · streak: 1 day"
	done_test
	words_at words-status-bad-format 64 "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$r/history.tsv" status --format=line
	expect_err_line "lumbar: status takes nothing or --format=json (try 'lumbar --help')"
	done_test
fi
