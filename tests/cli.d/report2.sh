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

# The prepared six weeks (tests/fixtures/report-six-weeks): what happened
# first, with names; a step back on the day of the red session (21 November,
# not the 22nd when the next session showed it), with the dose after it.
if t report2-six-weeks; then
	six() {
		"$LUMBAR" report --history-file "$FIX/report-six-weeks/history.tsv" \
			--today 2026-12-02 --weeks 6 "$@"
	}
	run report2-six-weeks-md 0 six
	expect_out_match '^\| 2026-11-21 \| step back \| Child.s pose \| 2 → 1 min \|  \|$'
	expect_out_match '^\| 2026-11-19 \| step up, accepted \| Child.s pose \| 1 → 2 min \|  \|$'
	expect_out_match '^\| Cat-cow \| 1 min \| not started \| 5/5 \| 7/7 \| 7/7 \| 4/4 \| 3/3 \|$'
	# Scores count sessions: the 9 of the week of 2 November (5 mornings, 4 evenings).
	expect_out_match '^\| 2026-11-02 \| 9 \| 2\.8 \| 1\.9 \| 2\.8 \| 4 \| 0 \|$'
	[ "$(grep -n -m1 '^## What happened$' "$out" | cut -d: -f1)" -lt \
		"$(grep -n -m1 '^## Adherence$' "$out" | cut -d: -f1)" ] ||
		fail "What happened is not first"
	# Child's pose's ladder has 7 steps (k/6), bridges' 5 (k/4): no code shows.
	grep -Eq '/6|[0-9]/4 →|→ [0-9]/4' "$out" && fail "a step code in the report"
	done_test
	# CSV: the step and the steps in two columns (never 1/3, a date to a
	# spreadsheet), the dose in words beside them.
	run report2-six-weeks-csv 0 six --format csv
	expect_out_match '^exercise,.*,pain_after_highest,step,steps,dose,logged.$'
	expect_out_match '^pelvic-tilts-bridges,Pelvic tilts and bridges,2026-11-16,2026-11-22,7,0,5,7,0,0,5,2\.6,2\.0,2,2,5,hold 4 s x 10 reps; 10 reps at 5 s each,0.$'
	grep -Eq ',[0-9]+/[0-9]+,' "$out" && fail "a k/K cell in the CSV"
	done_test
fi

# As of the day of the red session (21 November), before any session shows
# the step back: the progression's step back is said, on that day.
if t report2-step-back-pending; then
	run report2-step-back-pending 0 "$LUMBAR" report --history-file \
		"$FIX/report-six-weeks/history.tsv" --today 2026-11-21 --weeks 2
	expect_out_match '^\| 2026-11-21 \| step back \| Child.s pose \| 2 → 1 min \|  \|$'
	done_test
fi
