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
		$'2026-11-20T09:00:00Z\tchilds-pose\tdone\t30\t2\t2\t0/6' \
		$'2026-11-25T09:00:00Z\tchilds-pose\tdone\t30\t2\t2\t0/6' \
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
	expect_out_match '^childs-pose +step 1 of 7: 30 s \(next: 1 min\)$'
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
	expect_out_match $'^childs-pose\t0\t6\tready\t-$'
	expect_out_match $'^piriformis-release\t0\t0\ttop\t-$'
	done_test
fi

if t ladder-set; then
	lh=$(ladder_history set)
	# N as shown: step 1 is the bottom, written 0/K in events.tsv, as the
	# history writes a step (issue 20 §1).
	run ladder-set-first 0 "$LUMBAR" -C "$LADDER_CAT" --history-file "$lh" progress set \
		childs-pose 1
	expect_out_match "^Child's pose: step 1 of 7: 30 s \(next: 1 min\), recorded in .*/events.tsv$"
	grep -Eq $'\tset\tchilds-pose\t0/6\t-$' "$ladder_dir/set/events.tsv" ||
		fail "step 1 is not recorded as 0/6: $(cat "$ladder_dir/set/events.tsv")"
	done_test
	# The last step as shown, K + 1, is the top.
	run ladder-set-last 0 "$LUMBAR" -C "$LADDER_CAT" --history-file "$lh" progress set \
		childs-pose 7
	expect_out_match "^Child's pose: step 7 of 7: 10 min \(the last\), recorded in "
	done_test
	run ladder-set-last-tsv 0 "$LUMBAR" -C "$LADDER_CAT" --history-file "$lh" progress \
		--format=tsv childs-pose
	expect_out_match $'^childs-pose\t6\t6\t'
	done_test
	# 0 is not a step any more; nor is one past the last.
	run ladder-set-zero 64 "$LUMBAR" -C "$LADDER_CAT" --history-file "$lh" progress set \
		childs-pose 0
	expect_err_line "lumbar: progress set: childs-pose has steps 1 to 7, not '0' (try 'lumbar --help')"
	done_test
	run ladder-set-past 64 "$LUMBAR" -C "$LADDER_CAT" --history-file "$lh" progress set \
		childs-pose 8
	expect_err_line "lumbar: progress set: childs-pose has steps 1 to 7, not '8' (try 'lumbar --help')"
	done_test
	run ladder-set-fixed 64 "$LUMBAR" -C "$LADDER_CAT" --history-file "$lh" progress set \
		piriformis-release 2
	expect_err_line "lumbar: progress set: piriformis-release has a fixed dose: step 1 only, not '2' (try 'lumbar --help')"
	done_test
fi

# Ladders in the catalogue (issue 20 §1): the shipped ones as the issue
# lists them, and `lumbar check` naming a bad step by FILE:LINE:COL.
if t ladder-shipped; then
	lh=$(ladder_history shipped)
	for row in "childs-pose 1:30 s|2:1 min|3:2 min|4:3 min|5:5 min|6:7 min|7:10 min" \
		"spine-twists 1:10 reps|2:12 reps|3:15 reps" \
		"back-extension 1:hold 10 s|2:hold 12 s|3:hold 15 s|4:hold 20 s|5:hold 25 s|6:hold 30 s" \
		"pelvic-tilts-bridges 1:10 reps at|3:12 reps at|5:15 reps at"; do
		id=${row%% *}
		IFS='|' read -ra steps <<<"${row#* }"
		for st in "${steps[@]}"; do
			n=${st%%:*}
			run "ladder-shipped-$id-$n" 0 "$LUMBAR" -C "$LADDER_CAT" \
				--history-file "$lh" progress set "$id" "$n"
			expect_out_match "^[^:]+: step $n of [0-9]+: (.*; )?${st#*:}"
			done_test
		done
	done
	run ladder-shipped-check 0 "$LUMBAR" check "$LADDER_CAT"
	done_test
fi

if t ladder-check; then
	ladder_cat() {
		cat >"$ladder_dir/cat.yaml" <<-EOF
			version: 1
			exercises:
			  - id: a
			    name: A
			    summary: S.
			    steps: [one]
			    frequency: { times: 1, per: day }
			    sets:
			      - { name: T, mode: hold, hold: 5, hold_max: 10, reps: 2 }
			      - { name: B, mode: reps, reps: 10, tempo: 4 }
			    ladder:
			$1
		EOF
	}
	ladder_cat "      - { set: 1, hold: 7 }
      - { set: 2, reps: 12, default: true }"
	run ladder-check-good 0 "$LUMBAR" check "$ladder_dir/cat.yaml"
	done_test
	run ladder-check-good-steps 0 "$LUMBAR" -C "$ladder_dir/cat.yaml" \
		--history-file "$ladder_dir/none.tsv" progress --today 2026-11-30
	expect_out_match '^a +step 1 of 3: hold 5 s x 2 reps; 10 reps at 4 s each \(next: hold 7 s'
	done_test
	ladder_cat "      - { set: 1, hold: 7 }
      - { set: 1, hold: 6 }"
	run ladder-check-not-growing 65 "$LUMBAR" check "$ladder_dir/cat.yaml"
	expect_err_line "$ladder_dir/cat.yaml:13:25: exercise 'a': ladder item 2.hold (6) does not grow: set 1's hold is 7 at the step before"
	done_test
	ladder_cat "      - { set: 2, reps: 12 }"
	run ladder-check-outside 65 "$LUMBAR" check "$ladder_dir/cat.yaml"
	expect_err_line "$ladder_dir/cat.yaml:12:25: exercise 'a': ladder item 1.reps (12) is outside set 2's range (10 to 10); say 'default: true' when the number is your own choice"
	done_test
	ladder_cat "      - { set: 1, hold: 7, reps: 3 }"
	run ladder-check-two-values 65 "$LUMBAR" check "$ladder_dir/cat.yaml"
	expect_err_line "$ladder_dir/cat.yaml:12:9: exercise 'a': ladder item 1: a step changes one value of one set: give one of hold, reps, tempo or duration, not 2"
	done_test
fi

# `lumbar why [ID]` (issue 20 §2): from the record, why an exercise is at its
# step and when the next may come; alone, the rules, their numbers and sources.
if t ladder-why; then
	why_six() {
		"$LUMBAR" why --history-file "$FIX/report-six-weeks/history.tsv" "$@"
	}
	# The day after child's pose stepped up to 2 min (19 November).
	run ladder-why-exercise 0 why_six childs-pose --today 2026-11-20
	expect_out_match "^Child's pose: step 3 of 7: 2 min \(next: 3 min\)$"
	expect_out_match '^At this step since 2026-11-19, stepped up: [0-9]+ acceptable sessions\.$'
	expect_out_match '^Sessions at this step:$'
	expect_out_match '^  2026-11-20  done +pain 3 before, 2 after  acceptable$'
	expect_out_match '^Now: ready after 2 more acceptable sessions\.$'
	# A week from the step up, though two sessions could come sooner.
	expect_out_match '^Earliest day for the next step: 2026-11-26, with one acceptable session a day$'
	w=$(wc -L <"$out")
	[ "$w" -le 80 ] || fail "a line is $w columns wide"
	done_test
	# After the stop for pain on 21 November: stepped back, and the red named.
	run ladder-why-red 0 why_six childs-pose --today 2026-11-23
	expect_out_match '^At this step since 2026-11-21, stepped back: stopped for pain\.$'
	expect_out_match '^Last session that hurt: 2026-11-21 \(stopped\)\.$'
	# The 7-day hold logged that day is said, though the step back says more.
	expect_out_match '^A hold is in force: no step up until 2026-11-28\.$'
	expect_out_match '^  2026-11-22  done +pain 2 before, 1 after  acceptable$'
	done_test
	run ladder-why-fixed 0 why_six piriformis-release --today 2026-11-23
	expect_out_match '^Piriformis release: fixed dose: hold 30 s x 1 rep, each side$'
	expect_out_match '^A fixed dose: nothing in the catalogue can grow, so no step comes\.$'
	done_test
	run ladder-why-rules 0 "$LUMBAR" why
	expect_out_match '^Steps up after acceptable sessions on 3 days, at most once a week; steps back$'
	expect_out_match '^- Acceptable: done \(80% of the work time or more\) with pain after 3 or less, or$'
	expect_out_match '^- Hurts \(steps back one at once\): stopped, or pain after 8 or more, or 6 or more$'
	expect_out_match '(^| )Silbernagel$|Silbernagel 2007'
	expect_out_match 'Ostelo 2008'
	w=$(wc -L <"$out")
	[ "$w" -le 80 ] || fail "a line is $w columns wide"
	done_test
	# The numbers are config.yaml's when it changes them.
	mkdir -p "$XDG_CONFIG_HOME/lumbar"
	printf 'progression:\n  red_pain: 7\n' >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run ladder-why-rules-config 0 "$LUMBAR" why
	expect_out_match '^- Hurts \(steps back one at once\): stopped, or pain after 7 or more, or 6 or more$'
	done_test
	rm -rf "$XDG_CONFIG_HOME/lumbar"
	run ladder-why-unknown 64 "$LUMBAR" why nope
	expect_err_line "lumbar: no exercise 'nope' (see 'lumbar --list')"
	done_test
	run ladder-why-two 64 "$LUMBAR" why childs-pose cat-cow
	expect_err_match "unexpected argument 'cat-cow'"
	done_test
fi
