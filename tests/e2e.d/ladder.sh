# shellcheck shell=bash
# Issue 20 §2 (the part of `ladder`): the summary's offer is a line of its
# own with its keys in the footer, Enter never passes it by in silence, and
# the details screen says the step and the rule. Sourced by tests/e2e.sh
# (open_pane, run, keys, wait_for, expect, steps_history, $STEPS, $hist).

# Move the menu's cursor to the entry starting with $1.
ladder_select() {
	local i
	for i in $(seq 30); do
		screen | grep -Eq -- "^> $1" && return 0
		keys j
		sleep 0.05
	done
	wait_for "^> $1" 2
}

# Enter with a step offered asks for y or n and stays; y takes the step and
# says the dose from next time; then Enter leaves.
test_ladder_offer_enter_asks() {
	open_pane ladderoffer 80 || return 1
	steps_history 0/2
	run --catalogue $STEPS --history-file "$hist" ramp
	wait_for 'How is your back now\? 0-10' 10 || return 1
	keys 1 Enter
	wait_for '^ *Ramp: 3 s next time \(now 2 s\)\?$' || return 1
	expect '^y take the step  n not yet  Tab why  q: exit' || return 1
	keys Enter
	wait_for 'Answer y or n first; q leaves it to be offered again\.' || return 1
	expect_not '^RC=' || return 1
	expect '^ *Ramp: 3 s next time \(now 2 s\)\?$' || return 1
	[ ! -e "${hist%/*}/events.tsv" ] || ! grep -Eq '	(accept|decline)	' "${hist%/*}/events.tsv" ||
		{ why="Enter answered the offer: $(cat "${hist%/*}/events.tsv")"; return 1; }
	keys y
	wait_for '^ *Ramp: 3 s from next time\.$' || return 1
	expect_not 'Answer y or n first' || return 1
	expect '^Enter or q: exit' || return 1
	keys Enter
	expect_exit 0 || return 1
	grep -q '	accept	ramp	' "${hist%/*}/events.tsv" ||
		{ why="no accept event: $(cat "${hist%/*}/events.tsv" 2>&1)"; return 1; }
}

# The details screen (Tab) of an exercise with a ladder: its step counted
# from 1 with the dose now and next, and the rule in one sentence.
test_ladder_details_rule() {
	open_pane ladderinfo 100 40 || return 1
	run --catalogue data/exercises.yaml --history-file "$hist"
	wait_for '^> ' || return 1
	ladder_select "Child's pose" || return 1
	keys Tab
	wait_for 'Enter start' || return 1
	keys G
	wait_for '^ *Progression$' || return 1
	expect '^ *step 1 of 7: 30 s \(next: 1 min\)$' || return 1
	# Wrapped at the screen's edge: any run of blanks between words.
	wait_text "$(printf '%s' 'Steps up after acceptable sessions on 3 days, at most once a week; steps back when a session hurts\.' | sed 's/ / +/g')" ||
		return 1
	keys q
	wait_for "^> Child's pose" || return 1
	keys q
	expect_exit 0
}

# Tab on the offer shows what `lumbar why` says, and hides it again; y still
# answers the offer.
test_ladder_offer_tab_why() {
	open_pane ladderwhy 80 40 || return 1
	steps_history 0/2
	run --catalogue $STEPS --history-file "$hist" ramp
	wait_for 'How is your back now\? 0-10' 10 || return 1
	keys 1 Enter
	wait_for '^ *Ramp: 3 s next time \(now 2 s\)\?$' || return 1
	expect_not 'Sessions at this step' || return 1
	keys Tab
	wait_for '^ *Sessions at this step:$' || return 1
	expect '^ *Ramp: step 1 of 3: 2 s \(next: 3 s\)$' || return 1
	expect ' done +pain 1 before, 1 after  acceptable$' || return 1
	expect '^ *Now: ready to step up: 3 acceptable sessions\.$' || return 1
	keys Tab
	wait_absent 'Sessions at this step' || return 1
	keys y
	wait_for '^ *Ramp: 3 s from next time\.$' || return 1
	keys Enter
	expect_exit 0
}

for t in ladder_offer_enter_asks ladder_details_rule ladder_offer_tab_why; do
	run_test "$t"
done
