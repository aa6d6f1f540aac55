# shellcheck shell=bash
# Command-line tests of issue 22 §3: the report's Outcomes section, in
# Markdown and CSV, of a small prepared events file (figures worked out by
# hand below), and no section when nothing was answered, skipped or named.
# Sourced by tests/cli.sh before its summary, with its helpers and $LUMBAR,
# $FIX, $tmp. --today pins the day.

if t offers-report; then
	od=$tmp/offers-report
	mkdir -p "$od"
	printf '2026-11-30T08:00:00+01:00\talpha\tdone\t40\t2\t3\t1/4\n' >"$od/history.tsv"
	# Weeks of 2026-11-09 to 2026-12-01 (4 weeks). PEG: 11-10 answered 7,6,8
	# (mean 7.0), the week of 11-16 skipped (a gap), 11-24 answered twice,
	# the later 5,-,4 counts (mean 4.5), 12-02 is after today. Changes from the
	# week of 11-09 to that of 11-23: mean 2.5 lower, pain 2 lower, enjoyment
	# not answered, activity 4 lower. Activity 1: 2 then 5, 3 higher; activity
	# 2, retired: 6 once.
	printf '%s\t%s\t%s\t%s\t%s\n' \
		2026-11-10T20:00:00+01:00 outcome peg 1 7,6,8 \
		2026-11-10T20:01:00+01:00 activity - 1 'put on socks' \
		2026-11-10T20:02:00+01:00 activity - 2 'lift, the shopping' \
		2026-11-10T20:03:00+01:00 outcome activities 1 2,6 \
		2026-11-17T20:00:00+01:00 outcome peg 1 - \
		2026-11-20T20:00:00+01:00 activity-retired - 2 - \
		2026-11-24T20:00:00+01:00 outcome peg 1 6,6,6 \
		2026-11-26T20:00:00+01:00 outcome peg 1 5,-,4 \
		2026-11-26T20:01:00+01:00 outcome activities 1 5 \
		2026-12-02T20:00:00+01:00 outcome peg 1 0,0,0 >"$od/events.tsv"
	orep() {
		"$LUMBAR" report -C "$FIX/cli-small.yaml" --history-file "$od/history.tsv" \
			--today 2026-12-01 --weeks 4 "$@"
	}
	run offers-report-md 0 orep
	sed -n '/^## Outcomes/,/^## Other events/p' "$out" >"$tmp/offers-md"
	out=$tmp/offers-md
	expect_out_text '## Outcomes

PEG, 0-10, in the past week, by week: a week'"'"'s last answer; - no answer that week (a gap, not 0).

| Week | Mean | Pain | Enjoyment of life | General activity |
|---|---|---|---|---|
| 2026-11-09 | 7.0 | 7 | 6 | 8 |
| 2026-11-16 | - | - | - | - |
| 2026-11-23 | 4.5 | 5 | - | 4 |
| 2026-11-30 (so far) | - | - | - | - |

Changes of 2 points or more: Mean: 2.5 points lower than the week of 2026-11-09; Pain: 2 points lower than the week of 2026-11-09; General activity: 4 points lower than the week of 2026-11-09.

My activities, 0 unable to perform the activity to 10 able to perform it at the level before the problem.

| Activity | First rating | Latest rating | Change |
|---|---|---|---|
| 1. put on socks | 2 on 2026-11-10 | 5 on 2026-11-26 | 3 points higher than the first rating |
| 2. lift, the shopping (retired) | 6 on 2026-11-10 | 6 on 2026-11-10 |  |

## Other events'
	grep -Eqw 'better|worse|improved|improvement|worsened' "$tmp/offers-md" &&
		fail "a judgement in the Outcomes section"
	done_test

	run offers-report-csv 0 orep --format csv
	# The second table, after the exercises' rows and an empty line.
	sed -n '/^\r$/,$p' "$out" | tr -d '\r' >"$tmp/offers-csv"
	out=$tmp/offers-csv
	expect_out_text '
questionnaire,figure,name,which,day,value,change
peg,mean,Mean,week,2026-11-09,7.0,
peg,1,Pain,week,2026-11-09,7,
peg,2,Enjoyment of life,week,2026-11-09,6,
peg,3,General activity,week,2026-11-09,8,
peg,mean,Mean,week,2026-11-16,-,
peg,1,Pain,week,2026-11-16,-,
peg,2,Enjoyment of life,week,2026-11-16,-,
peg,3,General activity,week,2026-11-16,-,
peg,mean,Mean,week,2026-11-23,4.5,2.5 points lower than the week of 2026-11-09
peg,1,Pain,week,2026-11-23,5,2 points lower than the week of 2026-11-09
peg,2,Enjoyment of life,week,2026-11-23,-,
peg,3,General activity,week,2026-11-23,4,4 points lower than the week of 2026-11-09
peg,mean,Mean,week,2026-11-30,-,
peg,1,Pain,week,2026-11-30,-,
peg,2,Enjoyment of life,week,2026-11-30,-,
peg,3,General activity,week,2026-11-30,-,
activities,1,put on socks,first,2026-11-10,2,
activities,1,put on socks,latest,2026-11-26,5,3 points higher than the first rating
activities,2,"lift, the shopping",first,2026-11-10,6,
activities,2,"lift, the shopping",latest,2026-11-10,6,'
	done_test

	run offers-report-html 0 orep --format html
	expect_out_match '<h2>Outcomes</h2>'
	expect_out_match 'aria-label="PEG mean by week"'
	# The chart: a dot for each week with a mean (weeks 1 and 3), none for a gap.
	[ "$(sed -n '/aria-label="PEG mean by week"/,/<\/svg>/p' "$out" | grep -c '<circle')" = 2 ] ||
		fail "the PEG chart has not one dot a week answered"
	done_test

	# Nothing answered, skipped or named: no Outcomes section.
	printf '2026-11-24T07:00:00+01:00\tmorning\t-\t3\t-\n' >"$od/events.tsv"
	run offers-report-none 0 orep
	grep -q 'Outcomes' "$out" && fail "an Outcomes section without outcomes"
	done_test
fi
