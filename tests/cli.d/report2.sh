# tests/cli.d/report2.sh - the report a physiotherapist trusts (issue 20,
# section 3), from the command line. Sourced by tests/cli.sh.

# Weeks before the first record are `not started`, never 0/14; the current
# week says `so far` (started Thursday 19 November, today Wednesday 2 December).
if t report2-not-started; then
	r2=$tmp/report2
	mkdir -p "$r2"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
		2026-11-19T08:00:00+01:00 alpha done 40 2 3 - \
		2026-12-01T08:00:00+01:00 alpha done 40 2 3 - >"$r2/start.tsv"
	run report2-not-started 0 "$LUMBAR" report -C "$FIX/cli-small.yaml" \
		--history-file "$r2/start.tsv" --today 2026-12-02 --weeks 4
	expect_out_match '^\| Alpha hold \| - \| not started \| 1/8 \| 0/14 \| 1/4 \|$'
	expect_out_match '^\| Beta reps \| - \| not started \| 0/1 \| 0/2 \| 0/1 \|$'
	expect_out_match '\| 2026-11-30 \(so far\) \|$'
	done_test
fi
