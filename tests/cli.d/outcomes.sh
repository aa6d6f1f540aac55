# shellcheck shell=bash
# Command-line tests of issue 22 §1 and §2: `lumbar checkin --peg`, `lumbar
# activities` (list, add, rate, retire), what each writes in events.tsv, and
# `lumbar check` of questionnaires. Sourced by tests/cli.sh before its
# summary, with its helpers and $LUMBAR, $FIX, $tmp. Every run pins the clock
# with faketime.

# outcomes_events DIR: events.tsv's lines without the header, fields 2-5 (no timestamp).
outcomes_events() {
	grep -v '^#' "$1/events.tsv" | cut -f 2-
}

if t outcomes-peg; then
	od=$tmp/outcomes-peg
	mkdir -p "$od"
	run outcomes-peg 0 faketime_at '2026-11-30 09:00:00' "$LUMBAR" checkin --peg 5 4 6 \
		--history-file "$od/history.tsv"
	expect_out_text "PEG, in the past week: pain 5, enjoyment of life 4, general activity 6 (mean 5.0), recorded in $od/events.tsv"
	[ "$(grep -v '^#' "$od/events.tsv")" = $'2026-11-30T09:00:00+01:00\toutcome\tpeg\t1\t5,4,6' ] ||
		fail "events.tsv: $(cat "$od/events.tsv")"
	done_test
	# Not three whole numbers from 0 to 10: exit 64, nothing written.
	for args in "5 4" "5 4 11" "5 4 x" "5 4 6 7" "5 -1 6"; do
		# shellcheck disable=SC2086 # the numbers are meant to split
		run "outcomes-peg-bad-${args// /-}" 64 faketime_at '2026-11-30 09:00:00' "$LUMBAR" \
			checkin --peg $args --history-file "$tmp/outcomes-peg-bad/history.tsv"
		expect_err_match '^lumbar: (checkin --peg|unknown option|unexpected argument)'
		expect_empty_out
		[ ! -e "$tmp/outcomes-peg-bad/events.tsv" ] || fail "something was written"
		done_test
	done
	run outcomes-peg-bad-range 64 "$LUMBAR" checkin --peg 5 4 11 --history-file "$od/h2.tsv"
	expect_err_line "lumbar: checkin --peg: '11' is not a whole number from 0 to 10 (try 'lumbar --help')"
	done_test
	# `checkin N` keeps working as it did, and takes one number only.
	run outcomes-peg-checkin-n 0 faketime_at '2026-11-30 09:00:00' "$LUMBAR" checkin 3 \
		--history-file "$od/history.tsv"
	expect_out_text "Back pain this morning: 3/10, recorded in $od/events.tsv"
	done_test
	run outcomes-peg-checkin-two 64 "$LUMBAR" checkin 3 4 --history-file "$od/history.tsv"
	expect_err_line "lumbar: unexpected argument '4' (try 'lumbar --help')"
	done_test
	run outcomes-peg-today 64 "$LUMBAR" checkin --peg 5 4 6 --today 2026-11-30 \
		--history-file "$od/history.tsv"
	expect_err_match 'only read, and checkin writes'
	done_test
fi

if t outcomes-activities; then
	od=$tmp/outcomes-act
	mkdir -p "$od"
	act() { faketime_at "$1" "$LUMBAR" activities "${@:2}" --history-file "$od/history.tsv"; }
	run outcomes-activities-none 0 act '2026-11-02 09:00:00'
	expect_out_text $'No activities yet. Name one that your back makes hard, up to 3:\n  lumbar activities add "put on socks"'
	done_test
	run outcomes-activities-add 0 act '2026-11-02 09:00:00' add "put on socks"
	expect_out_text "Activity 1 added: put on socks (rate it 0-10: lumbar activities rate 1 N), recorded in $od/events.tsv"
	done_test
	act '2026-11-02 09:01:00' add "lift the shopping" >/dev/null
	act '2026-11-02 09:02:00' add "garden for an hour" >/dev/null
	# A fourth while three are active: refused, nothing written.
	cp "$od/events.tsv" "$od/before"
	run outcomes-activities-fourth 64 act '2026-11-02 09:03:00' add "run"
	expect_err_line "lumbar: activities add: 3 activities are active already, the most; retire one first (lumbar activities retire N) (try 'lumbar --help')"
	cmp -s "$od/before" "$od/events.tsv" || fail "events.tsv changed"
	done_test
	run outcomes-activities-rate 0 act '2026-11-02 09:04:00' rate 3 6
	expect_out_text "Activity 3, garden for an hour: 6/10, recorded in $od/events.tsv"
	done_test
	act '2026-11-16 09:00:00' rate 3 8 >/dev/null
	run outcomes-activities-retire 0 act '2026-11-16 09:01:00' retire 1
	expect_out_text "Activity 1 retired: put on socks, recorded in $od/events.tsv"
	done_test
	# Numbers are never given again: the next is 4, and 1 stays retired.
	act '2026-11-16 09:02:00' add "tie shoelaces" >/dev/null
	run outcomes-activities-list 0 act '2026-11-16 10:00:00'
	expect_out_text "$(printf '%s\n' '2. lift the shopping: not rated yet' \
		'3. garden for an hour: 8/10 on 2026-11-16 (first: 6 on 2026-11-02; 2 points higher than the first)' \
		'4. tie shoelaces: not rated yet')"
	done_test
	# The contract's lines: positional by activity number.
	run outcomes-activities-lines 0 true
	want=$(printf '%s\n' $'activity\t-\t1\tput on socks' $'activity\t-\t2\tlift the shopping' \
		$'activity\t-\t3\tgarden for an hour' $'outcome\tactivities\t1\t-,-,6' \
		$'outcome\tactivities\t1\t-,-,8' $'activity-retired\t-\t1\t-' \
		$'activity\t-\t4\ttie shoelaces')
	[ "$(outcomes_events "$od")" = "$want" ] || fail "events.tsv: $(outcomes_events "$od")"
	done_test
	# As on an earlier day (--today): 1 was active then, 4 not yet named.
	run outcomes-activities-as-of 0 act '2026-11-20 10:00:00' --today 2026-11-10
	expect_out_match '^1\. put on socks: not rated yet$'
	grep -q '^4\.' "$out" && fail "activity 4 listed before it was named"
	done_test
	cp "$od/events.tsv" "$od/before"
	for row in "retired|retire 1|lumbar: activities: no active activity numbered '1'; 'lumbar activities' lists them (try 'lumbar --help')" \
		"unknown|rate 9 5|lumbar: activities: no active activity numbered '9'; 'lumbar activities' lists them (try 'lumbar --help')" \
		"score|rate 2 11|lumbar: activities rate: '11' is not a whole number from 0 (unable to perform the activity) to 10 (able to perform it at the level before the problem) (try 'lumbar --help')" \
		"verb|frob|lumbar: activities takes nothing, add \"WORDS\", rate N SCORE or retire N (try 'lumbar --help')" \
		"tab|add $'a\tb'|lumbar: activities add: a note is one line without control characters (try 'lumbar --help')"; do
		IFS='|' read -r what args msg <<<"$row"
		# shellcheck disable=SC2086 # the words of args are meant to split
		eval "run outcomes-activities-bad-$what 64 act '2026-11-20 10:00:00' $args"
		expect_err_line "$msg"
		expect_empty_out
		cmp -s "$od/before" "$od/events.tsv" || fail "events.tsv changed"
		done_test
	done
	run outcomes-activities-writer-today 64 "$LUMBAR" activities add "x" --today 2026-11-10 \
		--history-file "$od/history.tsv"
	expect_err_match 'only read, and activities add writes'
	done_test
	# A damaged line is named and skipped, never rewritten.
	printf '2026-11-20T09:00:00+01:00\tactivity\t-\t0\tbroken\n' >>"$od/events.tsv"
	cp "$od/events.tsv" "$od/before"
	run outcomes-activities-damaged 0 act '2026-11-20 10:00:00'
	expect_err_line "$od/events.tsv:9: an activity's value is its number, 1-99"
	expect_out_match '^4\. tie shoelaces'
	cmp -s "$od/before" "$od/events.tsv" || fail "events.tsv changed"
	done_test
fi

if t outcomes-check; then
	od=$tmp/outcomes-check
	qd=$od/config/lumbar/questionnaires
	mkdir -p "$qd"
	chk() { XDG_CONFIG_HOME=$od/config "$LUMBAR" check "$@"; }
	run outcomes-check-shipped 0 chk
	expect_empty_out
	[ ! -s "$err" ] || fail "stderr is not empty"
	done_test
	run outcomes-check-shipped-files 0 chk "$PWD/data/peg.yaml"
	done_test
	run outcomes-check-shipped-activities 0 chk "$PWD/data/activities.yaml"
	done_test
	printf '%s\n' 'id: back-form' 'version: 1' 'title: "A clinic form"' 'recall: "today"' \
		'scale: { min: 0, max: 4, anchors: { low: "none", high: "all the time" } }' \
		'scoring: sum' 'every_days: 28' 'items:' '  - text: "Walking"' \
		'  - txet: "Sitting"' >"$qd/form.yaml"
	run outcomes-check-file 65 chk "$qd/form.yaml"
	expect_err_line "$qd/form.yaml:10:5: items[1]: unknown key 'txet'"
	expect_empty_out
	done_test
	run outcomes-check-folder 65 chk
	expect_err_line "$qd/form.yaml:10:5: items[1]: unknown key 'txet'"
	done_test
	# Each file's mistake is said, not only the first.
	printf 'id: x\n' >"$qd/later.yaml"
	run outcomes-check-folder-each 65 chk
	expect_err_line "$qd/form.yaml:10:5: items[1]: unknown key 'txet'"
	[ "$(sed -n 2p "$err")" = "$qd/later.yaml:1:1: missing required key 'version'" ] ||
		fail "second line: $(sed -n 2p "$err")"
	done_test
	rm "$qd/later.yaml"
	sed -i 's/txet/text/' "$qd/form.yaml"
	run outcomes-check-folder-ok 0 chk
	done_test
	sed 's/^items:$/items: []/; /text:/d' "$qd/form.yaml" >"$qd/zz.yaml"
	sed -i 's/back-form/other/' "$qd/zz.yaml"
	run outcomes-check-empty-items 65 chk
	expect_err_line "$qd/zz.yaml:8:8: items is empty (at least 1 needed)"
	done_test
	sed 's/back-form/peg/' "$qd/form.yaml" >"$qd/zz.yaml"
	run outcomes-check-duplicate 65 chk
	expect_err_line "$qd/zz.yaml:1:5: id: 'peg' is already a questionnaire's id (a shipped one)"
	done_test
	rm "$qd/zz.yaml"
	# A catalogue is still checked as a catalogue.
	run outcomes-check-catalogue 0 chk "$FIX/cli-small.yaml"
	done_test
fi
