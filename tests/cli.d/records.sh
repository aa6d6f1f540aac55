# shellcheck shell=bash
# Command-line tests of the person's record (issue 17 §2; issue 18 items 6,
# 14, 19, 20, 24): sourced by tests/cli.sh before its summary, with its
# helpers (t, run, expect_*, fail, done_test) and $LUMBAR, $FIX, $tmp.

# 18.24: a UTF-8 byte-order mark before the first line (Notepad, a
# spreadsheet's "CSV UTF-8") is skipped, as CRLF line ends are.
if t records-bom; then
	mkdir -p "$tmp/rbom"
	printf '\357\273\277%s\r\n%s\r\n' \
		$'2026-11-24T07:00:00+01:00\talpha\tdone\t30\t4' \
		$'2026-11-24T08:00:00+01:00\talpha\tdone\t30\t4' >"$tmp/rbom/history.tsv"
	printf '\357\273\277%s\r\n' $'2026-11-24T07:00:00+01:00\tmorning\t-\t3\t-' \
		>"$tmp/rbom/events.tsv"
	run records-bom 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --history --format=tsv \
		--history-file "$tmp/rbom/history.tsv"
	expect_out_match $'^2026-11-24\t2\t0\t60\t'
	[ ! -s "$err" ] || fail "a byte-order mark is named as damage"
	done_test
fi

# Lines to come: fields 8 (session) and 9 (source) of later versions are read past.
if t records-later-fields; then
	mkdir -p "$tmp/rlater"
	printf '%s\n' \
		$'2026-11-24T07:00:00+01:00\talpha\tdone\t30\t4\t3\t-\ts1' \
		$'2026-11-24T08:00:00+01:00\talpha\tstopped\t10\t6\t3\t-\ts1\ttimer' \
		>"$tmp/rlater/history.tsv"
	run records-later-fields 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --history --format=tsv \
		--history-file "$tmp/rlater/history.tsv"
	expect_out_match $'^2026-11-24\t1\t0\t40\t'
	[ ! -s "$err" ] || fail "a line with fields of a later version is named as damage"
	done_test
fi

# 18.19: a day's active seconds are summed in 64 bits.
if t records-active-64; then
	mkdir -p "$tmp/r64"
	for i in 1 2 3 4 5; do
		printf '2026-11-24T07:0%s:00+01:00\talpha\tdone\t999999999\t-\n' "$i"
	done >"$tmp/r64/history.tsv"
	run records-active-64 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --history --format=tsv \
		--history-file "$tmp/r64/history.tsv"
	expect_out_match $'^2026-11-24\t5\t0\t4999999995\t'
	done_test
fi

# One length of what is due: `due --format=line` and `status` at today's
# steps, as the menu's "Due now" and the player (issue 17 §2). Alpha set to
# its step 2 plays 56 s (`--plan alpha`), not the 30 s of its step 0.
if t records-due-at-steps; then
	mkdir -p "$tmp/rsteps"
	printf '%s\n' $'2026-11-20T07:00:00+01:00\tset\talpha\t2\t-' >"$tmp/rsteps/events.tsv"
	played=$("$LUMBAR" -C "$FIX/cli-small.yaml" --plan alpha --format=tsv \
		--history-file "$tmp/rsteps/history.tsv" | awk -F'\t' '$1 == "#total" {print $2}')
	run records-due-at-steps 0 "$LUMBAR" -C "$FIX/cli-small.yaml" due --format=line \
		--history-file "$tmp/rsteps/history.tsv"
	expect_out_text "2 due: alpha, beta (3:36)"
	[ "$played" = 56 ] || fail "alpha at step 2 plays $played s, not 56"
	done_test
	# With beta at its step 2 as well: 4:36, five minutes begun.
	printf '%s\n' $'2026-11-20T07:00:00+01:00\tset\tbeta\t2\t-' >>"$tmp/rsteps/events.tsv"
	run records-due-at-steps-status 0 "$LUMBAR" -C "$FIX/cli-small.yaml" status --format=json \
		--history-file "$tmp/rsteps/history.tsv"
	expect_out_match '"due_count":2,"due_minutes":5,'
	done_test
fi

# 18.14: `progress --today D` answers as on D: sessions and events after D are
# left out, without a word.
if t records-progress-today; then
	mkdir -p "$tmp/rtoday"
	printf '%s\n' $'2026-11-01T07:00:00+01:00\talpha\tdone\t30\t2\t2\t0/2' \
		$'2026-11-25T07:00:00+01:00\talpha\tstopped\t30\t9\t2\t0/2' >"$tmp/rtoday/history.tsv"
	printf '%s\n' $'2026-11-20T07:00:00+01:00\tset\talpha\t2\t-' >"$tmp/rtoday/events.tsv"
	run records-progress-today 0 "$LUMBAR" -C "$FIX/cli-small.yaml" progress alpha \
		--today 2026-11-10 --format=tsv --history-file "$tmp/rtoday/history.tsv"
	expect_out_match $'^alpha\t0\t2\tready\t-$'
	[ ! -s "$err" ] || fail "lines after --today are named"
	done_test
fi

# 18.20: a red line and a hold dated in the future (a clock wrong once) are
# not part of today's answer, and are named once as dated in the future.
if t records-future; then
	mkdir -p "$tmp/rfuture"
	printf '%s\n' $'2026-11-20T07:00:00+01:00\talpha\tdone\t30\t2\t2\t1/2' \
		$'2099-01-01T07:00:00+01:00\talpha\tstopped\t30\t9\t2\t1/2' >"$tmp/rfuture/history.tsv"
	printf '%s\n' $'2026-11-20T07:00:00+01:00\tset\talpha\t1\t-' \
		$'2099-01-01T07:00:00+01:00\thold\talpha\t30\t-' >"$tmp/rfuture/events.tsv"
	run records-future 0 "$LUMBAR" -C "$FIX/cli-small.yaml" progress alpha --format=tsv \
		--history-file "$tmp/rfuture/history.tsv"
	expect_out_match $'^alpha\t1\t2\t'
	if grep -Eq $'^alpha\t[0-9]+\t2\t(held|back)' "$out"; then
		fail "a line dated 2099 holds the exercise today"
	fi
	expect_err_line "$tmp/rfuture/history.tsv:2: dated in the future (2099-01-01): left out until then"
	expect_err_match "events.tsv:2: dated in the future \(2099-01-01\): left out until then"
	[ "$(wc -l <"$err")" -eq 2 ] || fail "each line dated in the future is named once"
	done_test
fi

# 18.6: a large events file under a memory limit: `due --count` answers
# (it keeps only the pauses), and running out of memory is exit 71, never 66.
if t records-large-events; then
	mkdir -p "$tmp/rlarge"
	awk 'BEGIN {
		note = sprintf("%0150d", 0); gsub(/0/, "x", note)
		for (i = 0; i < 150000; i++)
			printf "2026-11-%02dT07:%02d:%02d+01:00\tnote\t-\t-\t%s\n", 1 + i % 28, (i / 60) % 60, i % 60, note
	}' >"$tmp/rlarge/events.tsv"
	# About 24 MB of events: about 36 MB as a report keeps them (an event of 88 bytes
	# and its note of 151), with its list of them on top.
	run records-large-events 0 bash -c 'ulimit -v 60000; exec "$@"' sh "$LUMBAR" \
		-C "$FIX/cli-small.yaml" due --count --history-file "$tmp/rlarge/history.tsv"
	expect_out_text "2"
	done_test
	# A report of the weeks that hold them (it keeps and lists every note) does
	# not fit: exit 71. Its day is given, so that the weeks hold them whatever
	# day the test runs on.
	run records-large-events-oom 71 bash -c 'ulimit -v 60000; exec "$@"' sh "$LUMBAR" \
		report -C "$FIX/cli-small.yaml" --today 2026-12-01 --history-file "$tmp/rlarge/history.tsv"
	expect_err_line "lumbar: out of memory"
	done_test
fi

# The report reads the same record: a line dated in the future is named and
# left out of it.
if t records-report-future; then
	mkdir -p "$tmp/rreport"
	printf '%s\n' $'2026-11-10T07:00:00+01:00\talpha\tdone\t30\t2\t2\t0/2' \
		$'2099-01-01T07:00:00+01:00\talpha\tstopped\t30\t9\t2\t0/2' >"$tmp/rreport/history.tsv"
	run records-report-future 0 "$LUMBAR" report -C "$FIX/cli-small.yaml" --format csv \
		--history-file "$tmp/rreport/history.tsv"
	expect_err_line "$tmp/rreport/history.tsv:2: dated in the future (2099-01-01): left out until then"
	done_test
fi


# One week, Monday to Sunday: the history's pain sentence compares the same
# weeks the report shows (its week of 31 August: 6.0), not 7 days from the
# first score.
if t records-pain-weeks; then
	mkdir -p "$tmp/rweeks"
	printf '%s\n' $'2026-09-01T07:00:00+02:00\talpha\tdone\t30\t6' \
		$'2026-09-07T07:00:00+02:00\talpha\tdone\t30\t4' \
		$'2026-10-25T07:00:00+01:00\talpha\tdone\t30\t2' \
		$'2026-10-27T07:00:00+01:00\talpha\tdone\t30\t1' >"$tmp/rweeks/history.tsv"
	first=$("$LUMBAR" report -C "$FIX/cli-small.yaml" --format csv --today 2026-09-06 --weeks 1 \
		--history-file "$tmp/rweeks/history.tsv" | awk -F, '$1 == "alpha" {print $13}')
	run records-pain-weeks 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --history \
		--history-file "$tmp/rweeks/history.tsv"
	expect_out_match '^Pain: first week 6\.0, last week 1\.0 '
	[ "$first" = 6.0 ] || fail "the report's week of 31 August says $first"
	done_test
fi
