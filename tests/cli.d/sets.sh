# shellcheck shell=bash
# Issue 19 §2 and §3 (the part of `sets`): the catalogue's set-level steps
# and side words, and plain outputs that fit 80 columns. Sourced by
# tests/cli.sh: run, t, expect_*, $LUMBAR, $FIX, $tmp.

sets_dir=$tmp/sets
mkdir -p "$sets_dir"
SHIPPED=$PWD/data/exercises.yaml

# Fail unless every line of stdout fits $1 columns (characters, not bytes).
sets_expect_width() {
	local w
	w=$(wc -L <"$out")
	[ "$w" -le "$1" ] || fail "a line is $w columns wide, more than $1: $(awk -v w="$1" \
		'{ if (length($0) > w) { print; exit } }' "$out")"
}

# Every plain output of the shipped catalogue fits a terminal's 80 columns.
if t sets-widths; then
	run sets-widths-list 0 "$LUMBAR" -C "$SHIPPED" list
	sets_expect_width 80
	# The names stay whole where they fit; a routine says it is one.
	expect_out_match '^hamstring-series +Hamstring flexibility series +4:50  once a day$'
	expect_out_match '^morning +Morning +3:04  routine, 3 exercises$'
	done_test
	run sets-widths-plan-all 0 "$LUMBAR" -C "$SHIPPED" plan all
	sets_expect_width 80
	# A set's name too long for its column ends in an ellipsis.
	expect_out_match '^ +5:32 +0:30  work     hip-flexor-release +Kneeling hip fle.…  left   1/1$'
	done_test
	run sets-widths-plan-evening 0 "$LUMBAR" -C "$SHIPPED" plan evening
	sets_expect_width 80
	done_test
	for id in $("$LUMBAR" -C "$SHIPPED" list --format=tsv | cut -f1 | grep -v '^#'); do
		run "sets-widths-show-$id" 0 "$LUMBAR" -C "$SHIPPED" show "$id"
		sets_expect_width 80
		done_test
	done
	# A long step wraps under its own number.
	run sets-widths-show-wraps 0 "$LUMBAR" -C "$SHIPPED" show core-stabilisation
	expect_out_match '^  2\. Bird dog: on hands and knees, extend one leg and the opposite arm, keeping$'
	expect_out_match '^     your balance\.$'
	# Each set shows its own steps, and "1 rep" is never "1 reps".
	expect_out_match '^     - Return with control before the other side\.$'
	done_test
	run sets-widths-show-one-rep 0 "$LUMBAR" -C "$SHIPPED" show hip-flexor-release
	expect_out_match '^     range: hold 30 s, 1 rep$'
	done_test
	# Every exercise due: the ids that fit, then a count.
	run sets-widths-due-line 0 "$LUMBAR" -C "$SHIPPED" due --format=line \
		--history-file "$sets_dir/none.tsv"
	expect_out_text "10 due: knee-to-chest, pelvic-tilts-bridges, cat-cow, +7 more (24:28)"
	done_test
fi

# A set's own steps and side words: loaded, and each mistake named with its
# place (the unit test pins every message; here, what `check` prints).
if t sets-check; then
	cat >"$sets_dir/sides.yaml" <<-'YAML'
	version: 1
	exercises:
	  - id: a
	    name: A
	    summary: S.
	    steps: [x]
	    frequency: { times: 1, per: day }
	    sets:
	      - name: Bird dog
	        mode: hold
	        hold: 5
	        reps: 2
	        side_words: [left leg and right arm, right leg and left arm]
	YAML
	run sets-check-side-words-without-sides 65 "$LUMBAR" check "$sets_dir/sides.yaml"
	expect_err_line "$sets_dir/sides.yaml:13:9: exercise 'a', set 1: 'side_words' needs 'sides: each' or 'sides: alternate'"
	done_test
	sed -i 's/^        reps: 2$/        reps: 2\n        sides: alternate/' "$sets_dir/sides.yaml"
	run sets-check-side-words-good 0 "$LUMBAR" check "$sets_dir/sides.yaml"
	expect_empty_out
	done_test
	sed -i 's/side_words: \[left leg and right arm, right leg and left arm\]/side_words: [left]/' \
		"$sets_dir/sides.yaml"
	run sets-check-side-words-one 65 "$LUMBAR" check "$sets_dir/sides.yaml"
	expect_err_match "sides\.yaml:14:21: exercise 'a', set 1: side_words has 1 entry \(at least 2 needed\)$"
	done_test
	run sets-check-shipped 0 "$LUMBAR" check "$SHIPPED"
	expect_empty_out
	done_test
fi

# --help lists every exit status the man page's EXIT STATUS section does, and
# --version names the built-in catalogue once.
if t sets-help-exit-statuses; then
	run sets-help-exit-statuses 0 "$LUMBAR" --help
	statuses=$(sed -n '/^\.SH EXIT STATUS/,/^\.SH /p' "$PWD/man/lumbar.1" |
		grep -A1 '^\.TP' | grep -oE '^\.BR? [0-9][0-9, "]*' | grep -oE '[0-9]+' | sort -un)
	[ -n "$statuses" ] || fail "no exit status found in the man page"
	help_exit=$(sed -n '/^Exit status:/,/^General advice/p' "$out")
	for n in $statuses; do
		printf '%s\n' "$help_exit" | grep -qE "(^|[^0-9])$n([^0-9]|$)" ||
			fail "--help does not list exit status $n"
	done
	sets_expect_width 80
	done_test
	run sets-version-builtin-once 0 "$LUMBAR" --version
	expect_out_text "$(printf 'lumbar %s\ncatalogue: built-in copy' \
		"$(sed -n 's/^lumbar \([0-9.]*\)$/\1/p' "$out")")"
	done_test
	run sets-version-file 0 "$LUMBAR" --catalogue "$FIX/cli-small.yaml" --version
	expect_out_match "^catalogue: $FIX/cli-small\.yaml \(--catalogue\)$"
	done_test
fi
