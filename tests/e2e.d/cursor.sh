# tests/e2e.d/cursor.sh - the full screen follows the person (issue 24 §2,
# its test of §3): the terminal's cursor shows, and rests on the selected
# menu row, after the answer being typed, and on the phase's name in the
# player, where screen readers that follow the cursor (Speakup, Fenrir,
# Orca in a terminal) and Braille displays read. tmux reports where it is.
# Sourced by tests/e2e.sh, whose helpers it uses.

# Where the cursor is, "x,y" from 0, and whether it shows.
cursor_pos() { T display-message -p -t "$pane" '#{cursor_x},#{cursor_y}'; }
cursor_shown() { T display-message -p -t "$pane" '#{cursor_flag}'; }

# Where the first line of the screen that matches the extended regex $1
# puts the cursor, "x,y": at the start of the match (of its first group, when
# it has one), or with "after" as $2 just after its end. Empty when no line
# matches.
cursor_spot() {
	local re=$1 y=0 line pre spot
	while IFS= read -r line; do
		if [[ $line =~ $re ]]; then
			spot=${BASH_REMATCH[1]-${BASH_REMATCH[0]}}
			pre=${line%%"${BASH_REMATCH[0]}"*}${BASH_REMATCH[0]%%"$spot"*}
			if [ "${2:-}" = after ]; then
				echo "$((${#pre} + ${#spot})),$y"
			else
				echo "${#pre},$y"
			fi
			return
		fi
		y=$((y + 1))
	done < <(screen)
}

# Wait until the cursor shows on the spot cursor_spot gives for $1 [$2].
wait_cursor() {
	local deadline want="" at=""
	deadline=$(($(now_ms) + 5000 * ${E2E_SLOW:-1}))
	while [ "$(now_ms)" -lt "$deadline" ]; do
		want=$(cursor_spot "$@")
		at=$(cursor_pos)
		[ -n "$want" ] && [ "$at" = "$want" ] && [ "$(cursor_shown)" = 1 ] && return 0
		sleep 0.05
	done
	why="cursor at $at (shown: $(cursor_shown)), want ${want:-a line matching /$1/} ${2:-}"
	return 1
}

# The menu: the cursor is on the selected row, at the start of its name, and
# moves down with j and back with k.
test_cursor_menu_follows_j() {
	open_pane curmenu || return 1
	run --catalogue $SHORT
	wait_for 'Stop any exercise that increases pain' || return 1
	wait_cursor 'Full routine: Test routine' || return 1
	keys j
	wait_for '^> Due now' || return 1
	wait_cursor 'Due now' || return 1
	expect_not '^> Full routine' || return 1
	keys j
	wait_cursor 'Side hold stretch' || return 1
	keys k
	wait_cursor 'Due now' || return 1
	keys q
	expect_exit 0
}
run_test cursor_menu_follows_j

# The pain questions: the cursor is just after the digits typed, before and
# after the exercise, and moves back with Backspace.
test_cursor_pain_question_after_digit() {
	open_pane curpain || return 1
	run_ask --catalogue $SHORT --history-file "$hist" side-hold
	wait_for 'How is your back right now\? 0-10' || return 1
	keys 4
	wait_cursor 'How is your back right now\? 0-10  4' after || return 1
	keys Enter
	walk_side_hold || return 1
	keys 7
	wait_cursor 'How is your back now\? 0-10  7' after || return 1
	keys BSpace 1 0
	wait_cursor 'How is your back now\? 0-10  10' after || return 1
	keys Enter
	wait_for 'Saved to the history with pain 10\.' || return 1
	# The note: on its `_`, after what is typed.
	keys w
	wait_for 'Note: _' || return 1
	wait_cursor 'Note: ' after || return 1
	keys -l 'ok'
	wait_cursor 'Note: ok' after || return 1
	keys Escape q
	expect_exit 0
}
run_test cursor_pain_question_after_digit

# The morning check-in over the menu: the cursor is after its digits, not on
# the menu's row under it; once answered, back on the menu's row.
test_cursor_morning_checkin_after_digit() {
	local tz
	tz=$(tz_at_hour 8)
	open_pane curmorning || return 1
	seed_shown "$tz"
	printf '%s\tside-hold\tdone\t12\t3\t2\t-\n' \
		"$(TZ=$tz date -d yesterday '+%Y-%m-%dT07:00:00%:z')" >"$hist"
	keys "clear; TZ='$tz' $ASK_BIN --catalogue $SHORT --history-file '$hist'; $REPORT" Enter
	wait_for 'Back pain this morning\? 0-10' || return 1
	keys 5
	wait_cursor 'Back pain this morning\? 0-10  5' after || return 1
	keys Enter
	wait_for 'j/k move  Enter start' || return 1
	wait_cursor 'Full routine: Test routine' || return 1
	keys q
	expect_exit 0
}
run_test cursor_morning_checkin_after_digit

# A stop's score and the quit question: after the digit, after "y/n".
test_cursor_stop_score_and_quit_question() {
	open_pane curstop || return 1
	run --catalogue $LONG --history-file "$hist"
	wait_for '^> Full routine' || return 1
	keys Enter
	wait_for '^ *hold$' || return 1
	keys q
	wait_for 'Quit\? y/n' || return 1
	wait_cursor 'Quit\? y/n' after || return 1
	keys n
	wait_for 'Space pause' || return 1
	keys x
	wait_for 'Pain now\? 0-10' || return 1
	keys 3
	wait_cursor 'Pain now\? 0-10  3' after || return 1
	keys Enter e
	wait_for 'Session ended' || return 1
	keys q q
	expect_exit 0
}
run_test cursor_stop_score_and_quit_question

# Phases of 30 s, so that a test walks them with n and the clock never
# moves on by itself: knee-hug is get ready, left 1, rest, left 2, switch,
# right 1, rest, right 2.
cursor_catalogue() {
	CURSOR_CAT=$tmp/cursor.yaml
	cat >"$CURSOR_CAT" <<'YAML'
version: 1
routine:
  name: Cursor routine
  prepare: 30
  switch: 30
exercises:
  - id: knee-hug
    name: Knee to chest
    summary: Hold one knee, then the other.
    steps: [Bring one knee to your chest., Hold it there.]
    frequency: { times: 1, per: day }
    sets:
      - name: Knee hug
        mode: hold
        hold: 30
        reps: 2
        sides: each
        rest: 30
YAML
}

# The player: the cursor is on the phase's name in text, the plain line
# under the large word ("GET READY · next: ...", "left side · hold ...",
# "REST · next: ..."), and stays there, off the countdown, while the clock
# runs and when the phase changes.
test_cursor_player_on_phase_name() {
	local before
	cursor_catalogue
	open_pane curplay || return 1
	run --catalogue "$CURSOR_CAT" knee-hug
	wait_for '^ *GET READY · next: left side · rep 1 of 2$' || return 1
	wait_cursor 'GET READY · next: left side · rep 1 of 2' || return 1
	keys n
	wait_for '^ *left side · hold · rep 1 of 2$' || return 1
	wait_cursor 'left side · hold · rep 1 of 2' || return 1
	before=$(bar_clock)
	wait_absent " $before\$" 3 || return 1
	wait_cursor 'left side · hold · rep 1 of 2' || return 1
	keys n
	wait_for '^ *REST · next: left side · rep 2 of 2$' || return 1
	wait_cursor 'REST · next: left side · rep 2 of 2' || return 1
	keys q y
	expect_exit 0
}
run_test cursor_player_on_phase_name

# Without room for the large word (12 rows), the set's name in capitals is
# the phase's name in text: the cursor is at its start.
test_cursor_player_capitals_when_small() {
	cursor_catalogue
	open_pane curcaps 80 12 || return 1
	run --catalogue "$CURSOR_CAT" knee-hug
	wait_for 'GET READY' || return 1
	keys n
	wait_for '^ *KNEE HUG$' || return 1
	wait_cursor '^ *(KNEE HUG)$' || return 1
	keys q y
	expect_exit 0
}
run_test cursor_player_capitals_when_small
