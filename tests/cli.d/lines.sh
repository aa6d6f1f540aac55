# shellcheck shell=bash
# The line mode (issue 24) from the command line: TERM=dumb without a
# terminal is still refused (exit 1); --lines and `interface: lines` run the
# screens as lines even through a pipe, and the end of input leaves at
# once, exit 0; a bad `interface:` is located. Sourced by tests/cli.sh: run,
# t, expect_*, $LUMBAR, $FIX, $tmp. (tests/e2e.d/lines.sh drives whole
# exercises through a pty and a pipe.)

lines_dir=$tmp/lines
mkdir -p "$lines_dir"

if t lines-no-terminal; then
	# Without a terminal, TERM=dumb or no TERM is no reason for the line mode.
	run lines-dumb-no-tty 1 env TERM=dumb "$LUMBAR" -C "$FIX/cli-small.yaml" alpha
	expect_err_line "lumbar: the timer needs a terminal; for plain text use 'lumbar --list' or 'lumbar --plan', or 'lumbar --lines' for the line mode"
	expect_empty_out
	done_test
	run lines-no-term-no-tty 1 env -u TERM "$LUMBAR" -C "$FIX/cli-small.yaml" alpha
	expect_err_match '^lumbar: the timer needs a terminal'
	expect_empty_out
	done_test
fi

if t lines-option; then
	# --lines through /dev/null: the menu as a numbered list, then input ends: exit 0.
	run lines-menu-eof 0 "$LUMBAR" --lines --no-ask -C "$FIX/cli-small.yaml" \
		--history-file "$lines_dir/h.tsv"
	expect_out_match '^1\. Full routine: Test routine \(all\), [0-9]+:[0-9]{2}, [0-9]+ exercises$'
	expect_out_match '^3\. Alpha hold \(alpha\), '
	expect_out_match '^Number or id, then Enter \(\? for the keys\): $'
	[ ! -e "$lines_dir/h.tsv" ] || fail "the end of input at the menu wrote a history"
	done_test
	# Straight into an exercise: its first phase, then q and y at the end of input.
	run lines-exercise-eof 0 "$LUMBAR" --no-ask -C "$FIX/cli-small.yaml" \
		--history-file "$lines_dir/h.tsv" alpha --lines
	expect_out_text 'Alpha hold: get ready, 4 seconds'
	[ ! -e "$lines_dir/h.tsv" ] || fail "nothing was done, yet a history was written"
	done_test
fi

if t lines-config; then
	mkdir -p "$XDG_CONFIG_HOME/lumbar"
	printf 'level: easy\ninterface: lines\n' >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run lines-config-accepted 0 "$LUMBAR" --no-ask -C "$FIX/cli-small.yaml" \
		--history-file "$lines_dir/h.tsv" alpha
	expect_out_text 'Alpha hold: get ready, 4 seconds'
	done_test
	printf 'interface: screen\n' >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run lines-config-screen 1 "$LUMBAR" --no-ask -C "$FIX/cli-small.yaml" alpha
	expect_err_match '^lumbar: the timer needs a terminal'
	done_test
	printf 'level: easy\ninterface: braille\n' >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run lines-config-bad 65 "$LUMBAR" --no-ask -C "$FIX/cli-small.yaml" alpha
	expect_empty_out
	expect_err_line "$XDG_CONFIG_HOME/lumbar/config.yaml:2:12: interface: 'braille' is not screen or lines"
	done_test
	rm -rf "$XDG_CONFIG_HOME/lumbar"
fi

if t lines-safety; then
	# The safety screen of the first start through a pipe: h, one of the lists
	# applies, then the end of input: what to do is said, exit 3.
	printf 'h' >"$lines_dir/h.in"
	run lines-safety-applies 3 sh -c '"$1" --lines -C "$2" --history-file "$3" <"$4"' sh \
		"$LUMBAR" "$FIX/cli-small.yaml" "$lines_dir/safety.tsv" "$lines_dir/h.in"
	expect_out_match '^When to get help$'
	expect_out_match '^If it is on the first list \(see someone now\):$'
	expect_out_match '^One of the safety lists applies:$'
	grep -q $'\tsafety-stop\t' "$lines_dir/events.tsv" || fail "no safety-stop event"
	done_test
fi

if t lines-safety-verb; then
	# lumbar safety --lines through a pipe: the screen's question, c continues
	# and, started for it alone, lumbar exits 0 having recorded the showing.
	printf 'c' >"$lines_dir/c.in"
	run lines-safety-verb-continue 0 sh -c '"$1" safety --lines -C "$2" --history-file "$3" <"$4"' \
		sh "$LUMBAR" "$FIX/cli-small.yaml" "$lines_dir/verb/h.tsv" "$lines_dir/c.in"
	expect_out_match '^Keys: c none of these, continue; h one of these applies$'
	grep -q $'\tsafety-shown\t' "$lines_dir/verb/events.tsv" || fail "no safety-shown event"
	done_test
fi

if t lines-pipe-stop-note; then
	# A whole flow through a pipe, its keys all at once: the menu by id, x at
	# once (get ready), the stop's pain, e, a note with w, q back to the menu,
	# then the end of input. Said in order, the answers after their questions.
	# A key's Enter is part of it ("x\n" is x, "e\n" is e), as an Emacs shell
	# sends them.
	printf 'bridges\nx\n2\ne\nwSore but fine\nq' >"$lines_dir/stop.in"
	run lines-pipe-stop-note 0 sh -c '"$1" --lines --no-ask -C "$2" --history-file "$3" <"$4"' \
		sh "$LUMBAR" "$FIX/e2e-short.yaml" "$lines_dir/stop/h.tsv" "$lines_dir/stop.in"
	expect_out_text 'Test routine
1. Full routine: Test routine (all), 0:18, 2 exercises
2. Due now (due), 0:18, 2 exercises
3. Side hold stretch (side-hold), 0:12, 2x a day, 0/2 today, due
4. Bridges and plank (bridges), 0:06, 2-3x a week, 0/2 this week, due
Number or id, then Enter (? for the keys): bridges
Bridges and plank: get ready, 1 second
Stopped Bridges and plank.
Pain now? 0 no pain, 10 worst imaginable: 2
Pain now: 2/10.
e  end the session
i  when to get help
Session ended
Time spent: 0:00 (planned 0:06)
Nothing skipped.
Stopped:
 - Bridges and plank (pain 2)
Saved to the history.
Enter or q: back to the menu
A note on Bridges and plank (stopped) for the report, 200 characters at most:
Sore but fine
Note saved. It goes into the report (lumbar report).
Enter or q: back to the menu
Test routine
1. Full routine: Test routine (all), 0:18, 2 exercises
2. Due now (due), 0:12, 1 exercise
3. Side hold stretch (side-hold), 0:12, 2x a day, 0/2 today, due
4. Bridges and plank (bridges), 0:06, 2-3x a week, stopped today
Number or id, then Enter (? for the keys): '
	grep -q $'\tbridges\tstopped\t0\t2\t' "$lines_dir/stop/h.tsv" || fail "no stopped line with pain 2"
	grep -q $'\tnote\tbridges\t-\tSore but fine$' "$lines_dir/stop/events.tsv" || fail "no note"
	done_test
fi

if t lines-hostile-path; then
	# A history path with an escape sequence in it, under a file: the menu's
	# warning names it, and still no byte below 0x20 but the newline leaves.
	bad=$lines_dir/$'file\033[2J'
	: >"$bad"
	run lines-hostile-path 0 "$LUMBAR" --lines --no-ask -C "$FIX/cli-small.yaml" \
		--history-file "$bad/h.tsv"
	expect_out_match '^history will not be saved: .*file'
	n=$(tr -d '\n\a' <"$out" | LC_ALL=C tr -d '\040-\176\200-\377' | wc -c)
	[ "$n" -eq 0 ] || fail "$n control bytes written"
	done_test
fi
