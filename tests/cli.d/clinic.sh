# shellcheck shell=bash
# Command-line tests of issue 22 §1/§3 for a clinic's own questionnaire: a
# file in the config folder's questionnaires/ whose answers (outcome lines in
# events.tsv) the report shows by week, with the change from the first week
# to the latest marked at 30% of a summed score. Sourced by tests/cli.sh
# before its summary, with its helpers and $LUMBAR, $FIX, $tmp. The report's
# day is --today; the config folder is the test's own (set per command).

# clinic_lines FROM_RE COUNT: COUNT lines of stdout from the first matching FROM_RE.
clinic_lines() {
	grep -E -A "$(($2 - 1))" -m 1 -- "$1" "$out"
}

# clinic_expect FROM_RE TEXT: stdout holds TEXT's lines, whole and in a row, from FROM_RE.
clinic_expect() {
	local want got
	want=$(printf '%s\n' "$2")
	got=$(clinic_lines "$1" "$(printf '%s\n' "$2" | wc -l)")
	[ "$got" = "$want" ] || fail "from /$1/: got
$got
want
$want"
}

if t clinic-report; then
	cdir=$tmp/clinic
	mkdir -p "$cdir/config/lumbar/questionnaires" "$cdir/h"
	cp "$FIX/clinic-back5.yaml" "$cdir/config/lumbar/questionnaires/back5.yaml"
	# Week 1 (2026-11-02): 4, corrected to 5 (a week's last answer counts);
	# week 2: skipped only (a gap); week 3: 4 on the 17th (20% lower: no mark),
	# 3 on the 18th (40% lower: marked); the 30th is after the report's day.
	{
		printf '2026-11-03T09:00:00+00:00\toutcome\tback5\t1\t1,1,1,1,0\n'
		printf '2026-11-05T09:00:00+00:00\toutcome\tback5\t1\t1,1,1,1,1\n'
		printf '2026-11-10T09:00:00+00:00\toutcome\tback5\t1\t-\n'
		printf '2026-11-17T09:00:00+00:00\toutcome\tback5\t1\t1,1,0,1,1\n'
		printf '2026-11-18T09:00:00+00:00\toutcome\tback5\t1\t1,1,0,1,0\n'
		printf '2026-11-30T09:00:00+00:00\toutcome\tback5\t1\t0,0,0,0,0\n'
	} >"$cdir/h/events.tsv"
	crep() {
		XDG_CONFIG_HOME=$cdir/config "$LUMBAR" report --history-file "$cdir/h/history.tsv" \
			--weeks 3 "$@"
	}

	run clinic-report-md 0 crep --today 2026-11-20
	clinic_expect '^Back function' "Back function, 5 questions, items 0-1 scored as a sum, today, by week: a week's last answer; - no answer that week (a gap, not 0).

| Week | Score |
|---|---|
| 2026-11-02 | 5 |
| 2026-11-09 | - |
| 2026-11-16 (so far) | 3 |

Changes of 30% or more: 40% lower than the week of 2026-11-02."
	done_test

	# 5 to 4 is 20%: below the threshold, no mark.
	run clinic-report-below 0 crep --today 2026-11-17
	clinic_expect '^\| 2026-11-16 \(so far\) \| [0-9-]* \|$' "| 2026-11-16 (so far) | 4 |

Changes of 30% or more: none."
	done_test

	run clinic-report-csv 0 crep --today 2026-11-20 --format csv
	[ "$(grep '^back5,' "$out" | tr -d '\r')" = 'back5,score,"Back function, 5 questions",week,2026-11-02,5,
back5,score,"Back function, 5 questions",week,2026-11-09,-,
back5,score,"Back function, 5 questions",week,2026-11-16,3,40% lower than the week of 2026-11-02' ] ||
		fail "CSV rows: $(grep '^back5,' "$out")"
	done_test

	run clinic-report-html 0 crep --today 2026-11-20 --format html
	expect_out_match '^<tr><td>Score</td><td class="n">5</td><td class="n">-</td><td class="n">3</td></tr>$'
	expect_out_match '^<p>Changes of 30% or more: 40% lower than the week of 2026-11-02\.</p>$'
	done_test

	# Without answers in the period the questionnaire is not shown.
	run clinic-report-none 0 crep --today 2027-02-01
	! grep -q 'Back function' "$out" || fail "a questionnaire without answers in the period is shown"
	done_test

	# A clinic's file that does not load: named on stderr, left out; the others shown.
	cp -r "$cdir/config" "$cdir/broken"
	printf 'id: broken\nversion: x\n' >"$cdir/broken/lumbar/questionnaires/a-broken.yaml"
	run clinic-report-broken 0 env XDG_CONFIG_HOME="$cdir/broken" "$LUMBAR" report \
		--history-file "$cdir/h/history.tsv" --weeks 3 --today 2026-11-20
	expect_err_line "lumbar: The questionnaire $cdir/broken/lumbar/questionnaires/a-broken.yaml was not read: 'lumbar check' says why."
	expect_out_match '^\| 2026-11-16 \(so far\) \| 3 \|$'
	done_test
fi
