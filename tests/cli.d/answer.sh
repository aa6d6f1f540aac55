# shellcheck shell=bash
# Command-line tests of issue 22's last gaps: a clinic's questionnaire answered
# from the command line (`lumbar checkin --answer ID A1 A2 ...`), and an
# activity number never given twice, even when a line holding it is dated in
# the future. Sourced by tests/cli.sh before its summary, with its helpers and
# $LUMBAR, $FIX, $tmp. Every run that writes pins the clock with faketime; the
# config folder is the test's own (set per command).

ans_dir=$tmp/answer
mkdir -p "$ans_dir/config/lumbar/questionnaires"
cat >"$ans_dir/config/lumbar/questionnaires/back5.yaml" <<'EOF'
id: back5
version: 3
title: "Back function, 5 questions"
recall: "in the past week"
scale:
  min: 0
  max: 4
  anchors:
    low: "not at all"
    high: "all the time"
scoring: sum
every_days: 7
items:
  - text: "I stayed at home because of my back."
  - text: "I walked more slowly because of my back."
  - text: "I dressed more slowly because of my back."
  - text: "I avoided heavy jobs because of my back."
  - text: "I slept less well because of my back."
EOF
cat >"$ans_dir/config/lumbar/questionnaires/sleep2.yaml" <<'EOF'
id: sleep2
version: 1
title: "Sleep"
recall: "last night"
scale: { min: 0, max: 10, anchors: { low: "slept well", high: "did not sleep" } }
scoring: mean
every_days: 7
items:
  - text: "How well did you fall asleep?"
  - text: "How well did you stay asleep?"
EOF

# ans DIR WHEN ARGS...: `lumbar checkin ARGS` at WHEN, beside DIR/history.tsv.
ans() {
	XDG_CONFIG_HOME=$ans_dir/config faketime_at "$2" "$LUMBAR" checkin "${@:3}" \
		--history-file "$1/history.tsv"
}
# ans_events DIR: events.tsv's lines without the header.
ans_events() { grep -v '^#' "$1/events.tsv"; }

if t answer-clinic; then
	d=$ans_dir/ok
	mkdir -p "$d"
	run answer-clinic 0 ans "$d" '2026-11-03 09:00:00' --answer back5 1 2 0 4 3
	expect_out_text "Back function, 5 questions, in the past week: answers 1,2,0,4,3 (sum 10), recorded in $d/events.tsv"
	[ "$(ans_events "$d")" = $'2026-11-03T09:00:00+01:00\toutcome\tback5\t3\t1,2,0,4,3' ] ||
		fail "events.tsv: $(cat "$d/events.tsv")"
	done_test

	# `-` leaves an item out, as the menu's Enter alone does: a sum then has no score.
	run answer-clinic-left-out 0 ans "$d" '2026-11-17 09:00:00' --answer back5 1 - 0 2 3
	expect_out_text "Back function, 5 questions, in the past week: answers 1,-,0,2,3 (no sum with an item left out), recorded in $d/events.tsv"
	[ "$(ans_events "$d" | tail -n 1)" = $'2026-11-17T09:00:00+01:00\toutcome\tback5\t3\t1,-,0,2,3' ] ||
		fail "events.tsv: $(cat "$d/events.tsv")"
	done_test
	run answer-clinic-later 0 ans "$d" '2026-11-18 09:00:00' --answer=back5 1 1 0 2 2
	expect_out_match '\(sum 6\), recorded in '
	done_test

	# The report reads them back: week 1 scored 10; week 2 a gap; week 3's last answer, 6.
	run answer-clinic-report 0 env XDG_CONFIG_HOME="$ans_dir/config" "$LUMBAR" report \
		--history-file "$d/history.tsv" --weeks 3 --today 2026-11-20
	expect_out_match '^\| 2026-11-02 \| 10 \|$'
	expect_out_match '^\| 2026-11-09 \| - \|$'
	expect_out_match '^\| 2026-11-16 \(so far\) \| 6 \|$'
	expect_out_match '^Changes of 30% or more: 40% lower than the week of 2026-11-02\.$'
	done_test

	# A mean, to one decimal as the report says it.
	run answer-clinic-mean 0 ans "$d" '2026-11-18 09:00:00' --answer sleep2 3 6
	expect_out_text "Sleep, last night: answers 3,6 (mean 4.5), recorded in $d/events.tsv"
	[ "$(ans_events "$d" | tail -n 1)" = $'2026-11-18T09:00:00+01:00\toutcome\tsleep2\t1\t3,6' ] ||
		fail "events.tsv: $(cat "$d/events.tsv")"
	done_test
fi

# `--answer peg` is `--peg`: the same line written, the same words said.
if t answer-peg; then
	d=$ans_dir/peg
	mkdir -p "$d/a" "$d/b"
	run answer-peg 0 ans "$d/a" '2026-11-30 09:00:00' --answer peg 5 4 6
	expect_out_text "PEG, in the past week: pain 5, enjoyment of life 4, general activity 6 (mean 5.0), recorded in $d/a/events.tsv"
	ans "$d/b" '2026-11-30 09:00:00' --peg 5 4 6 >/dev/null
	cmp -s "$d/a/events.tsv" "$d/b/events.tsv" || fail "--answer peg wrote another line than --peg"
	done_test
fi

# Each mistake: one line, exit 64 (65 for a file that does not load), nothing written.
if t answer-errors; then
	d=$ans_dir/bad
	mkdir -p "$d"
	# ans_refused NAME STATUS LINE ARGS...: refused with LINE on stderr, nothing written.
	ans_refused() {
		run "$1" "$2" ans "$d" '2026-11-30 09:00:00' "${@:4}"
		expect_err_line "$3"
		expect_empty_out
		[ ! -e "$d/events.tsv" ] || fail "something was written: $(cat "$d/events.tsv")"
		done_test
	}
	hint="(try 'lumbar --help')"
	ans_refused answer-unknown-id 64 \
		"lumbar: checkin --answer: no questionnaire 'rmdq' (there are: peg, back5, sleep2) $hint" \
		--answer rmdq 1 2 3
	ans_refused answer-too-few 64 "lumbar: checkin --answer: back5 has 5 items, not 4 $hint" \
		--answer back5 1 2 3 4
	ans_refused answer-none 64 "lumbar: checkin --answer: back5 has 5 items, not 0 $hint" \
		--answer back5
	ans_refused answer-too-many 64 "lumbar: checkin --answer: back5 has 5 items, not 6 $hint" \
		--answer back5 1 2 3 4 0 1
	ans_refused answer-out-of-scale 64 \
		"lumbar: checkin --answer: '5' is not a whole number from 0 to 4 (or - for an item left out) $hint" \
		--answer back5 1 2 5 4 0
	ans_refused answer-not-a-number 64 \
		"lumbar: checkin --answer: '2.5' is not a whole number from 0 to 4 (or - for an item left out) $hint" \
		--answer back5 1 2.5 3 4 0
	ans_refused answer-all-left-out 64 \
		"lumbar: checkin --answer: every item is left out; answer one at least $hint" \
		--answer back5 - - - - -
	ans_refused answer-activities 64 \
		"lumbar: checkin --answer: \"My activities\" has its own command: lumbar activities rate N SCORE $hint" \
		--answer activities 6
	ans_refused answer-with-peg 64 "lumbar: checkin: --peg or --answer, not both $hint" \
		--peg --answer back5 1 2 3 4 0
	ans_refused answer-today 64 \
		"lumbar: --today is for commands that only read, and checkin writes $hint" \
		--answer back5 1 2 3 4 0 --today 2026-11-30

	# The clinic's file of that id does not load: its located error, exit 65.
	cp -r "$ans_dir/config" "$d/config"
	sed -i 's/^scoring: sum$/scoring: total/' "$d/config/lumbar/questionnaires/back5.yaml"
	run answer-broken-file 65 env XDG_CONFIG_HOME="$d/config" "$LUMBAR" checkin \
		--answer back5 1 2 3 4 0 --history-file "$d/history.tsv"
	expect_err_line "$d/config/lumbar/questionnaires/back5.yaml:11:10: scoring: 'total' is not mean, sum or each"
	expect_empty_out
	[ ! -e "$d/events.tsv" ] || fail "something was written: $(cat "$d/events.tsv")"
	done_test
	# Another one that does not load is said, and the answer is recorded all the same.
	run answer-broken-other 0 env XDG_CONFIG_HOME="$d/config" "$LUMBAR" checkin \
		--answer sleep2 3 6 --history-file "$d/history.tsv"
	expect_err_line "$d/config/lumbar/questionnaires/back5.yaml:11:10: scoring: 'total' is not mean, sum or each"
	expect_out_match '^Sleep, last night: answers 3,6 \(mean 4\.5\), recorded in '
	done_test
fi

if t answer-help; then
	run answer-help 0 "$LUMBAR" checkin --help
	expect_out_match '^Usage: lumbar checkin N\|--peg P E G\|--answer ID A\.\.\.$'
	expect_out_match 'With --answer ID, the answers to a clinic'
	done_test
fi

# The bash completion offers --answer after checkin, and the questionnaires' ids after it.
if t answer-completion; then
	run answer-completion 0 true
	# ans_tab WORD...: what <Tab> offers after the words (the last is being typed), sorted.
	ans_tab() {
		(
			PATH=$(dirname "$LUMBAR"):$PATH XDG_CONFIG_HOME=$ans_dir/config
			# shellcheck disable=SC1091
			. completions/lumbar.bash
			COMP_WORDS=("$@") COMP_CWORD=$(($# - 1))
			_lumbar 2>&1
			printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
		)
	}
	[ "$(ans_tab lumbar checkin --an)" = "--answer " ] || fail "--an: $(ans_tab lumbar checkin --an)"
	[ "$(ans_tab lumbar checkin --answer '')" = "back5 peg sleep2 " ] ||
		fail "--answer: $(ans_tab lumbar checkin --answer '')"
	[ "$(ans_tab lumbar checkin --answer s)" = "sleep2 " ] ||
		fail "--answer s: $(ans_tab lumbar checkin --answer s)"
	[ "$(ans_tab lumbar checkin --answer back5 1)" = "1 10 " ] ||
		fail "an answer: $(ans_tab lumbar checkin --answer back5 1)"
	done_test
fi

# An activity's number is never given again, even when the line that gave it
# is dated in the future (a clock that was wrong once): that line is left out
# of the record until its day, but its number is taken.
if t answer-activity-future; then
	d=$ans_dir/future
	mkdir -p "$d"
	act() { faketime_at "$1" "$LUMBAR" activities "${@:2}" --history-file "$d/history.tsv"; }
	{
		printf '# timestamp\tkind\texercise\tvalue\tnote\n'
		printf '2026-11-02T09:00:00+01:00\tactivity\t-\t1\tput on socks\n'
		printf '2027-11-03T09:00:00+01:00\tactivity\t-\t2\tcarry the baby\n'
		printf '2027-11-03T09:01:00+01:00\toutcome\tactivities\t1\t-,7\n'
	} >"$d/events.tsv"
	run answer-activity-future 0 act '2026-11-30 09:00:00' add "lift the shopping"
	expect_out_text "Activity 3 added: lift the shopping (rate it 0-10: lumbar activities rate 3 N), recorded in $d/events.tsv"
	expect_err_line "$d/events.tsv:3: dated in the future (2027-11-03): left out until then"
	[ "$(grep -v '^#' "$d/events.tsv" | tail -n 1 | cut -f 2-)" = $'activity\t-\t3\tlift the shopping' ] ||
		fail "events.tsv: $(cat "$d/events.tsv")"
	done_test
	# The future line is still not an activity today: neither listed nor rated.
	run answer-activity-future-list 0 act '2026-11-30 10:00:00'
	expect_out_text "$(printf '%s\n' '1. put on socks: not rated yet' '3. lift the shopping: not rated yet')"
	done_test
	run answer-activity-future-rate 64 act '2026-11-30 10:00:00' rate 2 5
	expect_err_match "no active activity numbered '2'"
	done_test
fi
