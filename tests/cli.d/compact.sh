# shellcheck shell=bash
# Command-line tests of what `lumbar report` reads of the events file when it
# keeps less of it (the reminders, half of ten years of events, are not kept):
# sourced by tests/cli.sh before its summary, with its helpers (t, run,
# expect_*, fail, done_test) and $LUMBAR, $FIX, $tmp.

# Every line is still read: a damaged reminder and one dated after now are
# named on stderr as before, with the other damage, in file order; what the
# report shows of the other kinds is all there.
if t compact-report-names-reminders; then
	mkdir -p "$tmp/crep"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
		2026-11-30T08:00:00+01:00 alpha done 40 2 3 1/4 >"$tmp/crep/history.tsv"
	printf '%s\n' \
		$'2026-11-30T07:00:00+01:00\tremind\t-\t-\t-' \
		$'2026-11-30T07:30:00+01:00\tremind\t-\tnot one\t-' \
		$'2026-11-30T21:00:00+01:00\tnote\t-\t-\tStiff after the drive' \
		$'2026-12-02T07:00:00+01:00\tremind\t-\t-\t-' \
		$'2026-12-01T09:00:00+01:00\tnote\t-\t-\t' \
		$'2026-12-01T10:00:00+01:00\tsafety-stop\t-\t-\t-' >"$tmp/crep/events.tsv"
	run compact-report-names-reminders 0 faketime_at '2026-12-01 12:00:00' \
		"$LUMBAR" report -C "$FIX/cli-small.yaml" --weeks 1 \
		--history-file "$tmp/crep/history.tsv"
	e=$tmp/crep/events.tsv
	want="$e:2: bad value \"not one\" (want - or 1-16 characters without spaces)
$e:4: dated in the future (2026-12-02): left out until then
$e:5: bad note: empty (want - for none)"
	[ "$(cat "$err")" = "$want" ] || fail "stderr: $(cat "$err"), want: $want"
	expect_out_match '^\| 2026-11-30 \| note \|  \|  \| Stiff after the drive \|$'
	expect_out_match '^\| 2026-12-01 \| safety stop \|'
	done_test
fi
