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

run_test sets_player_shows_the_current_set
