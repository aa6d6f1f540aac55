# shellcheck shell=bash
# The table of commands (issue 17 §4) and the command-line items of issue 18
# (9, 13, 15, 16, 21, 25). Sourced by tests/cli.sh: run, t, expect_*, $LUMBAR,
# $FIX, $tmp.

cmd_dir=$tmp/commands
mkdir -p "$cmd_dir"
# The verbs --help lists, one a line: the table's rows that are commands now.
cmd_verbs() { "$LUMBAR" --help | sed -n '/^Commands:$/,/^[^ ]/p' | awk '/^  [a-z]/ {print $1}'; }

# 18.25: global options before the verb are the verb's too.
if t commands-global-before-report; then
	run commands-global-before-report 0 "$LUMBAR" -C "$FIX/cli-small.yaml" report --weeks 2 \
		--today 2026-12-01 --history-file "$cmd_dir/history.tsv"
	expect_out_match '^# Exercise report: Test routine$'
	expect_out_match '^Period: 2026-11-23 to 2026-12-01 \(2 weeks\)$'
	done_test
	run commands-no-ask-report 0 "$LUMBAR" --no-ask report --today 2026-12-01 \
		--history-file "$cmd_dir/history.tsv"
	expect_out_match '^# Exercise report: '
	done_test
	run commands-global-after-report 0 "$LUMBAR" report --weeks 2 --today 2026-12-01 \
		-C "$FIX/cli-small.yaml" --history-file "$cmd_dir/history.tsv"
	expect_out_match '^# Exercise report: Test routine$'
	done_test
fi

# Before `due` --quiet is the player's; after it, due's own (the script form).
if t commands-quiet-where; then
	run commands-quiet-after-due 0 "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$cmd_dir/history.tsv" due --quiet
	expect_empty_out
	done_test
	run commands-quiet-before-due 1 "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$cmd_dir/history.tsv" --quiet due
	expect_err_match '^lumbar: the timer needs a terminal'
	done_test
fi

# `lumbar VERB --help` and `lumbar help VERB` print the same, for every verb.
if t commands-help-same; then
	name=commands-help-same
	ok=1
	out=$tmp/out err=$tmp/err
	: >"$err"
	for v in $(cmd_verbs); do
		"$LUMBAR" help "$v" >"$cmd_dir/a" 2>&1
		"$LUMBAR" "$v" --help >"$cmd_dir/b" 2>&1
		cp "$cmd_dir/b" "$out"
		cmp -s "$cmd_dir/a" "$cmd_dir/b" || fail "'$v --help' differs from 'help $v'"
		grep -q "^Usage: lumbar $v" "$cmd_dir/a" || fail "'help $v' has no usage line"
	done
	[ -n "$(cmd_verbs)" ] || fail "no verbs in --help"
	done_test
fi

# The completions and the man page name exactly the table's verbs.
if t commands-lists-agree; then
	name=commands-lists-agree
	ok=1
	out=$tmp/out err=$tmp/err
	: >"$err"
	cmd_verbs | sort >"$cmd_dir/table"
	cp "$cmd_dir/table" "$out"
	sed -n 's/^[[:space:]]*verbs="\(.*\)"$/\1/p' completions/lumbar.bash | tr ' ' '\n' |
		sort >"$cmd_dir/bash"
	sed -n "/^_lumbar_verbs()/,/^}/s/^[[:space:]]*[\"']\([a-z]*\):.*/\1/p" completions/_lumbar |
		sort >"$cmd_dir/zsh"
	# The man page: the first word of each entry of COMMANDS.
	awk '/^\.SH COMMANDS/ {on = 1; next} /^\.SH/ {on = 0}
	     on && prev == ".TP" {gsub(/\\f[BIR]|"|\\/, ""); sub(/^\.[A-Z]+ */, ""); print $1}
	     {prev = $0}' man/lumbar.1 | sort -u >"$cmd_dir/man"
	for f in bash zsh man; do
		diff -u "$cmd_dir/table" "$cmd_dir/$f" >"$cmd_dir/diff" ||
			fail "$f names other verbs than the table: $(tr '\n' ' ' <"$cmd_dir/diff")"
	done
	done_test
fi

# Verbs kept for later versions say so (exit 69); an id that is one still plays.
if t commands-reserved; then
	sed 's/id: alpha/id: why/' "$FIX/cli-small.yaml" >"$cmd_dir/why.yaml"
	run commands-reserved-id-check 0 "$LUMBAR" check "$cmd_dir/why.yaml"
	expect_err_line "$cmd_dir/why.yaml: warning: exercise id 'why' is also a command of lumbar; play it from the menu or with 'lumbar play why'"
	expect_empty_out
	done_test
	run commands-reserved-id-loads 0 "$LUMBAR" -C "$cmd_dir/why.yaml" list --format=tsv
	expect_out_match $'^why\tAlpha hold\t'
	done_test
	run commands-reserved-id-plan 0 "$LUMBAR" -C "$cmd_dir/why.yaml" plan why --format=tsv
	expect_out_match $'^4\t5\twork\twhy\t1\tleft\t1/2$'
	done_test
	# Past the id, the next thing said is that there is no terminal.
	run commands-reserved-id-play 1 "$LUMBAR" -C "$cmd_dir/why.yaml" --no-ask play why
	expect_err_match '^lumbar: the timer needs a terminal'
	done_test
	run commands-play-unknown 64 "$LUMBAR" -C "$cmd_dir/why.yaml" play nope
	expect_err_line "lumbar: no exercise 'nope' (see 'lumbar --list')"
	done_test
fi

# 18.15 and issue 17 §2: --today is for verbs that only read; writers refuse it.
if t commands-today; then
	tdir=$cmd_dir/today
	mkdir -p "$tdir"
	th=$tdir/history.tsv
	for args in "progress set alpha 1" "progress hold alpha" "checkin 3" \
		"pause --until 2030-01-01" "resume" "remind" "safety" "due" "alpha" ""; do
		# shellcheck disable=SC2086
		run "commands-today-refused-${args// /-}" 64 "$LUMBAR" -C "$FIX/cli-small.yaml" \
			--history-file "$th" $args --today 2026-11-30
		expect_err_match "^lumbar: --today is for commands that only read, and .* writes"
		expect_empty_out
		[ ! -e "$tdir/events.tsv" ] || fail "'$args --today' wrote events.tsv"
		[ ! -e "$th" ] || fail "'$args --today' wrote the history"
		done_test
	done
	for args in "progress" "progress alpha" "report"; do
		# shellcheck disable=SC2086
		run "commands-today-read-${args// /-}" 0 "$LUMBAR" -C "$FIX/cli-small.yaml" \
			--history-file "$th" --today 2026-11-30 $args
		[ ! -e "$tdir/events.tsv" ] || fail "'$args --today' wrote events.tsv"
		done_test
	done
	# Readers that do not answer as of another day yet say so, rather than ignore it.
	for args in "history" "list" "due --count" "status --format=json"; do
		# shellcheck disable=SC2086
		run "commands-today-not-yet-${args// /-}" 64 "$LUMBAR" -C "$FIX/cli-small.yaml" \
			--history-file "$th" --today 2026-11-30 $args
		expect_err_line "lumbar: --today: ${args%% *} does not answer as on another day (try 'lumbar --help')"
		done_test
	done
fi

# 18.16: the reminder's unit and crontab line run plain `lumbar remind`;
# the options that would be dropped are refused instead.
if t commands-remind-refuses; then
	rdir=$cmd_dir/remind
	mkdir -p "$rdir"
	for args in "--install" "--install --dry-run" "--print-cron"; do
		for opt in "-C $FIX/cli-small.yaml" "--history-file $rdir/h.tsv" "--level hard"; do
			# shellcheck disable=SC2086
			XDG_CONFIG_HOME=$rdir/config run "commands-remind-refuses ${args} ${opt%% *}" 64 \
				"$LUMBAR" remind $args $opt
			expect_err_match "^lumbar: remind --(install|print-cron) runs plain 'lumbar remind' on the usual files: leave out -C, --history-file and --level"
			expect_empty_out
			[ ! -e "$rdir/config" ] || fail "wrote $(find "$rdir/config")"
			done_test
		done
	done
fi

# 18.13: the safety lists need neither the settings nor the catalogue.
if t commands-safety; then
	sdir=$cmd_dir/safety
	mkdir -p "$sdir/config/lumbar"
	printf 'bell: maybe\n' >"$sdir/config/lumbar/config.yaml"
	XDG_CONFIG_HOME=$sdir/config run commands-safety-bad-settings 0 "$LUMBAR" safety
	expect_out_match '^See someone now if you have:$'
	expect_out_match '^ - weakness or numbness in both legs$'
	expect_out_match '^See a doctor soon if you have:$'
	expect_err_line "$sdir/config/lumbar/config.yaml:1:7: bell: 'maybe' is not true or false"
	done_test
	XDG_CONFIG_HOME=$sdir/config run commands-safety-bad-catalogue 0 "$LUMBAR" \
		-C "$FIX/bad-syntax.yaml" safety
	expect_out_match '^ - fever with back pain$'
	expect_err_line "$sdir/config/lumbar/config.yaml:1:7: bell: 'maybe' is not true or false"
	expect_err_match "^$FIX/bad-syntax.yaml:[0-9]+:[0-9]+: "
	done_test
	run commands-safety-plain 0 "$LUMBAR" safety
	expect_out_match '^When to get help$'
	[ ! -s "$err" ] || fail "stderr is not empty"
	done_test
fi

# 18.21: a routine's id with progress: its exercises; set and hold want an exercise.
if t commands-progress-routine; then
	pdir=$cmd_dir/progress
	mkdir -p "$pdir"
	run commands-progress-routine 0 "$LUMBAR" --history-file "$pdir/history.tsv" \
		progress morning --format=tsv
	expect_out_text "$(printf '%s\n' $'#exercise\tstep\tsteps\tstate\tsince' \
		$'knee-to-chest\t0\t1\tnew\t-' \
		$'hip-flexor-release\t0\t0\ttop\t-' \
		$'cat-cow\t0\t4\tnew\t-')"
	done_test
	for sub in "set morning 1" "hold morning"; do
		# shellcheck disable=SC2086
		run "commands-progress-${sub%% *}-routine" 64 "$LUMBAR" \
			--history-file "$pdir/history.tsv" progress $sub
		expect_err_line "lumbar: progress ${sub%% *} takes an exercise, and morning is a routine of knee-to-chest, hip-flexor-release, cat-cow (try 'lumbar --help')"
		[ ! -e "$pdir/events.tsv" ] || fail "wrote events.tsv"
		done_test
	done
	comp() {
		(
			PATH=$(dirname "$LUMBAR"):$PATH
			# shellcheck disable=SC1091
			. completions/lumbar.bash
			COMP_WORDS=("$@")
			COMP_CWORD=$(($# - 1))
			_lumbar
			printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
		)
	}
	name=commands-progress-completion
	ok=1
	out=$tmp/out err=$tmp/err
	: >"$out"
	: >"$err"
	got=$(comp lumbar progress m)
	[ "$got" = "morning " ] || fail "'lumbar progress m<Tab>' gives '$got'"
	got=$(comp lumbar progress set m)
	[ -z "${got// /}" ] || fail "'lumbar progress set m<Tab>' offers a routine: '$got'"
	got=$(comp lumbar progress hold c)
	[ "$got" = "cat-cow childs-pose core-stabilisation " ] ||
		fail "'lumbar progress hold c<Tab>' gives '$got'"
	got=$(comp lumbar -C "$FIX/good-routines.yaml" progress hold '')
	[ "$got" = "bridge cat-cow " ] || fail "'progress hold <Tab>' gives '$got'"
	done_test
fi

# 18.9: paths and file-borne text reach the terminal escaped, never raw.
if t commands-escaped; then
	edir=$cmd_dir/$'esc\e]0;owned\a'
	mkdir -p "$edir"
	eh=$edir/history.tsv
	raw() { grep -q $'\e' "$out" "$err" && fail "an ESC byte reached the terminal"; }
	run commands-escaped-checkin 0 "$LUMBAR" --history-file "$eh" checkin 3
	expect_out_match '^Back pain this morning: 3/10, recorded in .*esc\\x1b\]0;owned\\x07/events\.tsv$'
	raw
	done_test
	run commands-escaped-progress-set 0 "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$eh" progress set alpha 1
	expect_out_match 'recorded in .*esc\\x1b\]0;owned\\x07/events\.tsv$'
	raw
	done_test
	run commands-escaped-progress-hold 0 "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$eh" progress hold alpha
	expect_out_match 'recorded in .*esc\\x1b\]0;owned\\x07/events\.tsv$'
	raw
	done_test
	XDG_CONFIG_HOME=$edir/config run commands-escaped-remind-dry-run 0 "$LUMBAR" \
		remind --install --dry-run
	expect_out_match '^# .*esc\\x1b\]0;owned\\x07/config/systemd/user/lumbar-remind\.timer$'
	raw
	done_test
	XDG_CONFIG_HOME=$edir/config run commands-escaped-remind-install 0 "$LUMBAR" \
		remind --install
	expect_out_match '^Wrote .*esc\\x1b\]0;owned\\x07/config/systemd/user/lumbar-remind\.service$'
	raw
	done_test
	# The events file's own error: a folder where the file should be.
	mkdir -p "$edir/bad" "$edir/bad/events.tsv"
	run commands-escaped-events-error 74 "$LUMBAR" --history-file "$edir/bad/history.tsv" \
		checkin 4
	expect_err_match 'esc\\x1b\]0;owned\\x07/bad/events\.tsv'
	raw
	done_test
	run commands-escaped-events-load 66 "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$edir/bad/history.tsv" status --format=json
	expect_err_match 'esc\\x1b\]0;owned\\x07/bad/events\.tsv'
	raw
	done_test
fi
