# tests/e2e.d/sets.sh - sourced by tests/e2e.sh: the set being done (issue 19
# §2). The player shows the current set's own steps, its name large (bold
# capitals where the block font cannot fit it), the side in the set's words,
# a reps set's rep as it goes with a `rep` event for the hooks, and `more ↓`
# where the screen cuts the steps.

SETS=tests/fixtures/e2e-sets.yaml

test_sets_player_shows_the_current_set() {
	local log=$tmp/sets-hooks-$$.log
	cat >"$tmp/sets-hook.sh" <<-HOOK
	#!/bin/sh
	printf '%s %s %s\\n' "\$LUMBAR_EVENT" "\$LUMBAR_REP" "\$LUMBAR_SECONDS" >>$log
	HOOK
	chmod +x "$tmp/sets-hook.sh"
	open_pane sets || return 1
	run --catalogue $SETS --quiet --on-phase="$tmp/sets-hook.sh" sets
	wait_for '^ *GET READY' || return 1
	keys n
	# The first set: its own steps, not the exercise's; one rep says no count.
	wait_for '^ *hold$' || return 1
	expect 'Flatten your back and hold\.' || return 1
	expect 'Let go slowly\.' || return 1
	expect_not 'Whole exercise step' || return 1
	expect_not 'more ↓' || return 1
	# Cut by a smaller screen, the steps say so.
	T resize-window -t "$pane" -x 80 -y 14
	wait_for '^ *more ↓$' || return 1
	T resize-window -t "$pane" -x 80 -y 24
	wait_absent 'more ↓' || return 1
	# The rest before a set shows the set to come, in its side's words.
	keys n
	wait_for '^ *REST · next: left leg and right arm · rep 1 of 2$' || return 1
	expect 'Reach long with the opposite arm and leg\.' || return 1
	expect 'Bird dog · set 2 of 4' || return 1
	keys n
	wait_for '^ *left leg and right arm · hold · rep 1 of 2$' || return 1
	# The name is drawn in the block font, so not as a line of text.
	expect '█' || return 1
	expect_not '^ *(HOLD|BIRD DOG)' || return 1
	expect 'Reach long' || return 1
	expect_not 'Flatten your back' || return 1
	keys n n
	wait_for '^ *right leg and left arm · hold · rep 1 of 2$' || return 1
	# A name too wide for the block font: bold capitals.
	keys n n n n n n
	wait_for '^ *SUPINE SINGLE-LEG STRETCH$' || return 1
	expect 'Raise one leg, keeping the other flat\.' || return 1
	# The bridge counts its reps (tempo 1 s) and tells the hooks of each.
	keys n
	wait_for '^ *rep 2 of 3$' 4 || return 1
	expect 'Lift your hips' || return 1
	wait_for '^ *rep 3 of 3$' 3 || return 1
	wait_for 'How is your back now\? 0-10' 5 || return 1
	wait_lines "$log" 14 || return 1
	if [ "$(grep '^rep' "$log" | tr '\n' '|')" != "rep 2 1|rep 3 1|" ]; then
		why="hooks saw: $(tr '\n' '|' <"$log")"
		return 1
	fi
	keys Enter Enter
	expect_exit 0
}


# Move the menu's highlight to the exercise named $1, with key $2 (j down, k up).
sets_select() {
	local i
	for i in $(seq 30); do
		screen | grep -Eq -- "^> $1" && return 0
		keys "${2:-j}"
		sleep 0.05
	done
	wait_for "^> $1" 2
}

# Get-ready shows the position and the steps; cut by the screen, it says so.
test_sets_get_ready_more() {
	open_pane setsready || return 1
	run --catalogue data/exercises.yaml hip-flexor-release
	wait_for '^ *GET READY · next: left knee down$' || return 1
	expect '^  Start: Half-kneeling' || return 1
	expect '^  1\. Keep your torso upright\.$' || return 1
	expect '^  more ↓$' || return 1
	expect_not 'Afterwards you can roll' || return 1
	keys q y
	expect_exit 0
}

# Details (Tab): each set's dose today beside its range, "1 rep" in words a
# person reads, and `more ↓` while text is below the screen.
test_sets_details_dose_and_more() {
	open_pane setsinfo || return 1
	run --catalogue data/exercises.yaml
	wait_for '^> ' || return 1
	sets_select 'Core stabilisation' || return 1
	keys Tab
	wait_for 'q back' || return 1
	expect '^ *more ↓$' || return 1
	keys G
	wait_for 'Plank \(round 1\): now 20 s × 2, range 20-30 s, rest 20 s between' || return 1
	expect 'Bird dog \(round 1\): now 5 s × 8, range 5-8 s × 8-10, alternating sides' || return 1
	expect_not 'more ↓' || return 1
	keys q
	sets_select 'Hip flexor release' k || return 1
	keys Tab
	wait_for 'q back' || return 1
	keys G
	wait_for 'Kneeling hip flexor stretch: now 30 s × 1, each side' || return 1
	expect_not '1 reps' || return 1
	keys q
	wait_for '^> Hip flexor release' || return 1
	keys q
	expect_exit 0
}

# The screens' words at 80 columns (issue 19 §3): the menu names Tab; the
# player's footer says what x is for, and its help line shows whole.
test_sets_footers_at_80_columns() {
	open_pane setsfoot || return 1
	run --catalogue $SHORT
	wait_for '^> ' || return 1
	expect '^j/k move  Enter start  Tab details  h history  i get help  \? keys  q quit$' || return 1
	keys Enter
	wait_for 'Space pause  n next  p back  s skip  x it hurts  q quit  \? keys' || return 1
	keys Space
	wait_for 'PAUSED  Space resume  x it hurts  q quit  \? keys' || return 1
	keys '?'
	wait_for 'Keys in the player' || return 1
	expect '^  x +it hurts: stop this exercise, give the pain, log it stopped$' || return 1
	keys Escape
	wait_for 'PAUSED  Space resume' || return 1
	keys q y
	wait_for '^> ' || return 1
	keys q
	expect_exit 0
}

# With no emergency_number set, the safety screen names the usual numbers,
# word for word, on the screen and again on the terminal after it; the
# locale never picks one.
test_sets_emergency_number_unset() {
	local said re
	said='Call your local emergency number (112 in Europe and on most mobiles; 911 US and Canada; 999 UK; 000 Australia; 111 New Zealand). Set yours with emergency_number.'
	# Each space may be a line break with its indent; the brackets and dots are literal.
	re=$(printf '%s' "$said" | sed 's/[().]/\\&/g; s/ / +/g')
	open_pane setssafety || return 1
	keys "clear; LC_ALL=en_US.UTF-8 LANG=en_US.UTF-8 $ASK_BIN --catalogue $SHORT --history-file '$hist' safety; $REPORT" Enter
	wait_for 'c none of these, continue' || return 1
	keys h
	wait_text "$re" || return 1
	keys x
	expect_exit 3 || return 1
	# The terminal wraps the farewell at 80 columns, inside words: join the rows.
	screen | tr -d '\n' | grep -qF "see someone now: $said" ||
		{ why="the farewell does not say: $said"; return 1; }
}

# Each rep of a reps set rings the bell (4 s a rep here): bells 4 s and 8 s
# into the 12 s phase, where nothing else rings (n itself rings no bell, and
# the 3-2-1 countdown starts at 9 s).
test_sets_reps_ring_the_bell() {
	local bells=$tmp/sets-bells-$$ tn ok4=0 ok8=0 t d all=""
	: >"$bells"
	open_pane setsbell || return 1
	T set-option -g monitor-bell on
	T set-hook -g alert-bell "run-shell 'date +%s%N >>$bells'"
	run --catalogue $SETS slow-bridge
	wait_for '^ *GET READY' || return 1
	tn=$(now_ms)
	keys n
	wait_for '^ *rep 3 of 3$' 12 || return 1
	sleep 0.5
	T set-hook -gu alert-bell
	for t in $(cat "$bells"); do
		d=$((t / 1000000 - tn))
		all="$all $d"
		[ "$d" -ge 3800 ] && [ "$d" -lt 5000 ] && ok4=1
		[ "$d" -ge 7800 ] && [ "$d" -lt 9000 ] && ok8=1
	done
	if [ $ok4 -ne 1 ] || [ $ok8 -ne 1 ]; then
		why="bells at (ms after n):$all"
		return 1
	fi
	keys q y
	expect_exit 0
}

run_test sets_player_shows_the_current_set
run_test sets_reps_ring_the_bell
run_test sets_get_ready_more
run_test sets_details_dose_and_more
run_test sets_footers_at_80_columns
run_test sets_emergency_number_unset
