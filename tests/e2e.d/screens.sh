# tests/e2e.d/screens.sh - sourced by tests/e2e.sh: the note, the morning
# check-in and the layout of the question screens at small sizes (issue 18,
# items 5, 12, 26, 27, 28).

# ---- The note (18.5) --------------------------------------------------------------

# Wait until the screen shows $1 exactly $2 times, or fail after 5 s.
screens_wait_count() {
	local deadline n
	deadline=$(($(now_ms) + 5000 * ${E2E_SLOW:-1}))
	while [ "$(now_ms)" -lt "$deadline" ]; do
		n=$(screen | grep -o -- "$1" | wc -l)
		[ "$n" -eq "$2" ] && return 0
		sleep 0.05
	done
	why="the screen shows $1 $n times, expected $2"
	return 1
}

# 250 é typed into a note keep 200 whole characters: valid UTF-8, no stray
# byte, and the screen says the note is full.
test_screens_note_counts_characters() {
	local events note
	open_pane notefull || return 1
	events=$(dirname "$hist")/events.tsv
	run --catalogue $SHORT --history-file "$hist" side-hold
	walk_side_hold || return 1
	keys w
	wait_for 'Note: _' || return 1
	keys -l "$(printf 'é%.0s' $(seq 199))"
	screens_wait_count é 199 || return 1
	expect_not 'The note is full' || return 1
	keys -l "$(printf 'é%.0s' $(seq 51))"
	wait_for 'The note is full: 200 characters at most\.' || return 1
	screens_wait_count é 200 || return 1
	keys Enter
	wait_for 'Note saved\.' || return 1
	note=$(grep -v '^#' "$events" | grep $'\tnote\t' | cut -f 5)
	[ "$note" = "$(printf 'é%.0s' $(seq 200))" ] ||
		{ why="note of $(printf %s "$note" | wc -c) bytes: $(printf %s "$note" | od -An -tx1 | tail -n 2)"; return 1; }
	printf %s "$note" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 ||
		{ why="the note is not valid UTF-8"; return 1; }
	keys q
	expect_exit 0
}

run_test screens_note_counts_characters

# ---- The morning check-in (18.12, 18.27) --------------------------------------------

# A history with yesterday's session and today's safety-shown in TZ $1, so that
# the check-in is due and the safety screen is not.
morning_due() {
	seed_shown "$1"
	printf '%s\tside-hold\tdone\t12\t3\t2\t-\n' \
		"$(TZ=$1 date -d yesterday '+%Y-%m-%dT07:00:00%:z')" >"$hist"
}

# 9 then q, and 9 then Esc, skip: a morning of `-`, never 9.
test_screens_morning_q_and_esc_skip() {
	local tz key
	tz=$(tz_at_hour 8)
	open_pane mskip || return 1
	for key in q Escape; do
		hist=$tmp/hist-mskip-$key/history.tsv
		morning_due "$tz"
		keys "clear; TZ='$tz' $ASK_BIN --catalogue $SHORT --history-file '$hist'; $REPORT" Enter
		wait_for 'Back pain this morning\? 0-10' || return 1
		keys 9
		wait_for 'Back pain this morning\? 0-10  9' || return 1
		keys "$key"
		wait_for 'j/k move  Enter start' || return 1
		expect_not 'Back pain this morning' || { why="$why (after $key)"; return 1; }
		keys q
		expect_exit 0 || return 1
		expect_events safety-shown morning || return 1
		ev_lines | grep -q '	morning	-	-	-$' ||
			{ why="after 9 then $key: $(ev_lines | grep morning)"; return 1; }
	done
}

# Down to 20x5 the question wraps and the digits typed show; Enter records them.
test_screens_morning_narrow() {
	local tz size
	tz=$(tz_at_hour 8)
	for size in 20x5 33x8; do
		open_pane "mnarrow$size" "${size%x*}" "${size#*x}" || return 1
		morning_due "$tz"
		keys "clear; TZ='$tz' $ASK_BIN --catalogue $SHORT --history-file '$hist'; $REPORT" Enter
		wait_text 'Back pain this +morning\? 0-10' || { why="$why at $size"; return 1; }
		keys 1 0
		wait_text 'Back pain this +morning\? 0-10  10' || { why="$why at $size"; return 1; }
		keys BSpace BSpace 7
		wait_text 'morning\? 0-10  7 ' || { why="$why at $size"; return 1; }
		# Enter records 7, and q then quits the menu.
		keys Enter
		keys q
		expect_exit 0 || return 1
		ev_lines | grep -q '	morning	-	7	-$' ||
			{ why="at $size: $(ev_lines | grep morning)"; return 1; }
		close_pane
	done
}

run_test screens_morning_q_and_esc_skip
run_test screens_morning_narrow

# ---- When to get help (18.26) --------------------------------------------------------

# Below 62 columns the key line wraps: c, h and the scroll keys all show, and
# scrolling reaches the end of the lists.
test_screens_safety_keys_wrap() {
	local size
	for size in 61x12 40x10 24x9; do
		open_pane "safekeys$size" "${size%x*}" "${size#*x}" || return 1
		keys "clear; $BIN --catalogue $SHORT --history-file '$hist' safety; $REPORT" Enter
		wait_for '^c none of these' || { why="$why at $size"; return 1; }
		expect '^(.*   )?h one of these( applies)?' || { why="$why at $size"; return 1; }
		expect 'j/k scroll' || { why="$why at $size"; return 1; }
		keys j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j
		wait_text 'new or changed +symptoms' || { why="$why at $size"; return 1; }
		expect 'j/k scroll' || { why="$why at $size"; return 1; }
		keys c
		expect_exit 0 || return 1
		close_pane
	done
}

run_test screens_safety_keys_wrap

# ---- A long exercise name (18.28) ----------------------------------------------------

# A catalogue whose one exercise has a name of 500 bytes, in words.
long_name_catalogue() {
	local name
	name=$(printf 'Long name %.0s' $(seq 50))
	name=${name:0:500}
	printf 'version: 1\nexercises:\n  - id: long\n    name: "%s"\n    summary: S.\n    steps: [Hold.]\n    frequency: { times: 1, per: day }\n    sets:\n      - { name: Hold, mode: hold, hold: 30, reps: 1 }\n' \
		"$name" >"$1"
}

# At 60x10 "How is your back right now? 0-10" and "Pain now? 0-10" show under
# a name of 500 bytes, which is cut instead.
test_screens_long_name_questions() {
	local cat=$tmp/long-name.yaml
	long_name_catalogue "$cat"
	open_pane longname 60 10 || return 1
	run_ask --catalogue "$cat" --history-file "$hist" long
	wait_for 'How is your back right now\? 0-10' || return 1
	expect '^ *Long name Long name' || return 1
	keys 3
	wait_for 'How is your back right now\? 0-10  3$' || return 1
	keys Enter
	wait_for "GET READY|$HOLD_RE" 4 || return 1
	keys x
	wait_for 'Pain now\? 0-10' || return 1
	expect '^ *Stopped Long name' || return 1
	keys 5 Enter
	wait_for 'Pain now: 5/10\.' || return 1
	expect_not 'next exercise' || return 1
	expect 'i +when to get help' || return 1
	keys e
	wait_for 'Session ended' || return 1
	keys Enter
	expect_exit 0 || return 1
	expect_entry '	long	stopped	[0-9]+	5	3	'
}

run_test screens_long_name_questions
