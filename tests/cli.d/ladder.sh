# shellcheck shell=bash
# Issue 20 §1 and §2 (the part of `ladder`): steps a person understands,
# counted from 1 with their dose in words, and ladders a physiotherapist
# edits. Sourced by tests/cli.sh: run, t, expect_*, $LUMBAR, $FIX, $tmp.

ladder_dir=$tmp/ladder
mkdir -p "$ladder_dir"
LADDER_CAT=$PWD/data/exercises.yaml

# A fresh history of two sessions of child's pose, and no events.
ladder_history() {
	rm -rf "$ladder_dir/$1"
	mkdir -p "$ladder_dir/$1"
	printf '%s\n' \
		$'2026-11-20T09:00:00Z\tchilds-pose\tdone\t30\t2\t2\t0/19' \
		$'2026-11-25T09:00:00Z\tchilds-pose\tdone\t30\t2\t2\t0/19' \
		>"$ladder_dir/$1/history.tsv"
	echo "$ladder_dir/$1/history.tsv"
}

if t ladder-progress; then
	lh=$(ladder_history progress)
	run ladder-progress-words 0 "$LUMBAR" -C "$LADDER_CAT" --history-file "$lh" progress \
		--today 2026-11-30
	# The rule in one sentence, first, wrapped within 80 columns.
	[ "$(head -n 2 "$out" | tr '\n' ' ')" = "Steps up after acceptable sessions on 3 days, at most once a week; steps back when a session hurts. " ] ||
		fail "the rule is not the first sentence: $(head -n 2 "$out")"
	# Every line fits a terminal's 80 columns (rows reached 416 before).
	w=$(wc -L <"$out")
	[ "$w" -le 80 ] || fail "a line is $w columns wide"
	# A step counted from 1 with its dose in words, its state below.
	expect_out_match '^childs-pose +step 1 of 20: 30 s \(next: 35 s\)$'
	expect_out_match '^ +ready after 1 more acceptable session$'
	# Without a ladder: a fixed dose, never 0/0 nor "at the top".
	expect_out_match '^piriformis-release +fixed dose: hold 30 s x 1 rep, each side$'
	if grep -Eq '0/0|at the top|[0-9]+/[0-9]+' "$out"; then
		fail "a step code or 'at the top' is shown: $(grep -E '0/0|at the top|[0-9]+/[0-9]+' "$out" | head -n 1)"
	fi
	done_test

	# The script's form keeps k and K, counted from 0, as the history does.
	run ladder-progress-tsv 0 "$LUMBAR" -C "$LADDER_CAT" --history-file "$lh" progress \
		--format=tsv --today 2026-11-30
	expect_out_match $'^childs-pose\t0\t19\tready\t-$'
	expect_out_match $'^piriformis-release\t0\t0\ttop\t-$'
	done_test
fi

if t ladder-set; then
	lh=$(ladder_history set)
	# N as shown: step 1 is the bottom, written as 0 in events.tsv.
	run ladder-set-first 0 "$LUMBAR" -C "$LADDER_CAT" --history-file "$lh" progress set \
		childs-pose 1
	expect_out_match "^Child's pose: step 1 of 20: 30 s \(next: 35 s\), recorded in .*/events.tsv$"
	grep -Eq $'\tset\tchilds-pose\t0\t-$' "$ladder_dir/set/events.tsv" ||
		fail "step 1 is not recorded as 0: $(cat "$ladder_dir/set/events.tsv")"
	done_test
	# The last step as shown, K + 1, is the top.
	run ladder-set-last 0 "$LUMBAR" -C "$LADDER_CAT" --history-file "$lh" progress set \
		childs-pose 20
	expect_out_match "^Child's pose: step 20 of 20: 10 min \(the last\), recorded in "
	done_test
	run ladder-set-last-tsv 0 "$LUMBAR" -C "$LADDER_CAT" --history-file "$lh" progress \
		--format=tsv childs-pose
	expect_out_match $'^childs-pose\t19\t19\t'
	done_test
	# 0 is not a step any more; nor is one past the last.
	run ladder-set-zero 64 "$LUMBAR" -C "$LADDER_CAT" --history-file "$lh" progress set \
		childs-pose 0
	expect_err_line "lumbar: progress set: childs-pose has steps 1 to 20, not '0' (try 'lumbar --help')"
	done_test
	run ladder-set-past 64 "$LUMBAR" -C "$LADDER_CAT" --history-file "$lh" progress set \
		childs-pose 21
	expect_err_line "lumbar: progress set: childs-pose has steps 1 to 20, not '21' (try 'lumbar --help')"
	done_test
	run ladder-set-fixed 64 "$LUMBAR" -C "$LADDER_CAT" --history-file "$lh" progress set \
		piriformis-release 2
	expect_err_line "lumbar: progress set: piriformis-release has a fixed dose: step 1 only, not '2' (try 'lumbar --help')"
	done_test
fi
