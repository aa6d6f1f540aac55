# tests/e2e.d/lineout.sh - sourced by tests/e2e.sh: the outcome check-in
# in the line mode (issue 24 §1: "the morning and outcome check-ins"), and
# naming an activity when none is named (issue 22 §2), in both front ends.
# Every run is under faketime, in Europe/Paris, with a config folder of its
# own (the suite's default one turns the offers off) and a safety-shown
# event on the day, so that neither the safety screen nor the morning
# check-in comes first. The line mode's output goes to a file, so that its
# exact lines and its bytes are checked: none below 0x20 but the newline
# and the bell. (lines.sh's helpers come later in name order: these are
# this file's own.)

# lineout_seed DAY [LINE...]: a fresh history folder whose events.tsv has
# DAY's safety-shown, then each LINE (an events.tsv line, fields by tabs).
lineout_seed() {
	local day=$1
	shift
	hist=$tmp/hist-$pane/history.tsv
	mkdir -p "${hist%/*}" "$tmp/cfg-lineout-$pane"
	printf '%sT08:00:00+01:00\tsafety-shown\t-\t-\t-\n' "$day" >"${hist%/*}/events.tsv"
	[ $# -eq 0 ] || printf '%s\n' "$@" >>"${hist%/*}/events.tsv"
}

# lineout_run 'DAY HH:MM:SS' OUT [ARGS...]: lumbar at that time, offers on;
# OUT given: its standard output goes there.
lineout_run() {
	local at=$1 out=$2
	shift 2
	keys "clear; XDG_CONFIG_HOME=$tmp/cfg-lineout-$pane $(ft "$at") $ASK_BIN --catalogue $SHORT --history-file '$hist' $*${out:+ >$out}; $REPORT" Enter
}

# lineout_wait FILE RE: until a line of FILE matches RE.
lineout_wait() {
	local deadline=$(($(now_ms) + 10000 * ${E2E_SLOW:-1}))
	until grep -Eq -- "$2" "$1" 2>/dev/null; do
		if [ "$(now_ms)" -ge "$deadline" ]; then
			why="waited for /$2/ in what lumbar wrote:
$(cat -A "$1" 2>/dev/null | tail -n 12)"
			return 1
		fi
		sleep 0.05
	done
}

# lineout_said FILE EXPECTED: no byte below 0x20 but the newline and the
# bell, and FILE, bells taken out, is EXPECTED line for line.
lineout_said() {
	local n d
	n=$(tr -d '\n\a' <"$1" | LC_ALL=C tr -d '\040-\377' | wc -c)
	[ "$n" -eq 0 ] || { why="$n control bytes written: $(cat -A "$1")"; return 1; }
	d=$(diff -u <(printf '%s\n' "$2") <(tr -d '\a' <"$1")) && return 0
	why="what lumbar wrote differs:
$d"
	return 1
}

# lineout_events RE...: the events.tsv lines after the safety-shown, one RE
# (a whole line, tabs as \t) each.
lineout_events() {
	local got i=0 line
	got=$(grep -v '^#' "${hist%/*}/events.tsv" | tail -n +2)
	[ "$(printf '%s\n' "$got" | grep -c .)" -eq $# ] || {
		why="events.tsv: $got"
		return 1
	}
	while IFS= read -r line; do
		i=$((i + 1))
		printf '%s\n' "$line" | grep -Eqx -- "${!i}" || {
			why="events.tsv line $i: '$line', expected /${!i}/"
			return 1
		}
	done <<<"$got"
}

# lineout_leave FILE: at the menu FILE says, q then Enter; exit 0.
lineout_leave() {
	lineout_wait "$1" 'Number or id, then Enter \(\? for the keys\): $' || return 1
	keys q Enter
	expect_exit 0
}

# lineout_naming PANE OUT: the line mode on 2026-12-01, the PEG answered
# the day before and no activity named: up to the naming question.
lineout_naming() {
	open_pane "$1" 100 30 || return 1
	lineout_seed 2026-12-01 $'2026-11-30T09:00:00+01:00\toutcome\tpeg\t1\t5,4,6'
	lineout_run '2026-12-01 09:00:00' "$2" --lines
	lineout_wait "$2" '^Name an activity your back makes hard \(Enter to skip\): $'
}

# lineout_screen PANE COLS ROWS [LINE...]: the full screen on 2026-12-01,
# the PEG answered the day before, each LINE added to events.tsv.
lineout_screen() {
	open_pane "$1" "$2" "$3" || return 1
	shift 3
	lineout_seed 2026-12-01 $'2026-11-30T09:00:00+01:00\toutcome\tpeg\t1\t5,4,6' "$@"
	lineout_run '2026-12-01 09:00:00' ''
}

# The menu of $SHORT as the line mode says it, nothing done today.
LINEOUT_MENU='Test routine
1. Full routine: Test routine (all), 0:18, 2 exercises
2. Due now (due), 0:18, 2 exercises
3. Side hold stretch (side-hold), 0:12, 2x a day, 0/2 today, due
4. Bridges and plank (bridges), 0:06, 2-3x a week, 0/2 this week, due
Number or id, then Enter (? for the keys): q'
LINEOUT_PEG='Pain, enjoyment and activity (PEG), in the past week: 3 questions, 0 to 10 (Enter alone: skip; q: skip all).'
LINEOUT_P1='1 of 3: What number best describes your pain on average in the past week? 0 no pain, 10 pain as bad as you can imagine:'
LINEOUT_P2='2 of 3: What number best describes how, during the past week, pain has interfered with your enjoyment of life? 0 does not interfere, 10 completely interferes:'
LINEOUT_P3='3 of 3: What number best describes how, during the past week, pain has interfered with your general activity? 0 does not interfere, 10 completely interferes:'

# Through a pty, --lines, on a first day: the PEG one line an item with its
# anchors; 5, Enter alone (left out), 6: one outcome line `5,-,6`, said
# before the menu. The same day, not again.
test_lineout_peg_answered() {
	local out=$tmp/lineout-peg.out
	open_pane lineoutpeg 100 30 || return 1
	lineout_seed 2026-11-30
	lineout_run '2026-11-30 09:00:00' "$out" --lines
	lineout_wait "$out" 'pain as bad as you can imagine: $' || return 1
	keys 5 Enter
	lineout_wait "$out" '^2 of 3: .*completely interferes: $' || return 1
	keys Enter
	lineout_wait "$out" '^3 of 3: .*completely interferes: $' || return 1
	keys 6 Enter
	lineout_leave "$out" || return 1
	lineout_events $'2026-11-30T09:00:[0-5][0-9]\\+01:00\toutcome\tpeg\t1\t5,-,6' || return 1
	lineout_said "$out" "$LINEOUT_PEG
$LINEOUT_P1 5
$LINEOUT_P2 
$LINEOUT_P3 6
Pain, enjoyment and activity (PEG): 5,-,6, recorded.
$LINEOUT_MENU" || return 1
	# Later the same day: the menu at once.
	lineout_run '2026-11-30 18:00:00' "$out" --lines
	lineout_leave "$out" || return 1
	lineout_said "$out" "$LINEOUT_MENU" || return 1
	lineout_events $'2026-11-30T09:00:[0-5][0-9]\\+01:00\toutcome\tpeg\t1\t5,-,6'
}
run_test lineout_peg_answered

# TERM=dumb through a pty: Enter alone on the first item skips the PEG, an
# outcome line `-`; a week later it comes again and q on its second item,
# after an answer, skips it whole.
test_lineout_peg_skipped() {
	local out=$tmp/lineout-skip.out skip
	open_pane lineoutskip 100 30 || return 1
	lineout_seed 2026-11-30 $'2026-11-29T09:00:00+01:00\toutcome\tactivities\t1\t-'
	keys "export TERM=dumb" Enter
	lineout_run '2026-11-30 09:00:00' "$out"
	lineout_wait "$out" 'pain as bad as you can imagine: $' || return 1
	keys Enter
	lineout_leave "$out" || return 1
	skip='Pain, enjoyment and activity (PEG): skipped, offered again in 7 days.'
	lineout_said "$out" "$LINEOUT_PEG
$LINEOUT_P1 
$skip
$LINEOUT_MENU" || return 1
	lineout_events $'2026-11-29T09:00:00\\+01:00\toutcome\tactivities\t1\t-' \
		$'2026-11-30T09:00:[0-5][0-9]\\+01:00\toutcome\tpeg\t1\t-' || return 1
	lineout_run '2026-12-07 09:00:00' "$out"
	lineout_wait "$out" 'pain as bad as you can imagine: $' || return 1
	keys 4 Enter
	lineout_wait "$out" '^2 of 3: .*completely interferes: $' || return 1
	keys q Enter
	lineout_leave "$out" || return 1
	lineout_said "$out" "$LINEOUT_PEG
$LINEOUT_P1 4
$LINEOUT_P2 q
$skip
$LINEOUT_MENU" || return 1
	lineout_events $'2026-11-29T09:00:00\\+01:00\toutcome\tactivities\t1\t-' \
		$'2026-11-30T09:00:[0-5][0-9]\\+01:00\toutcome\tpeg\t1\t-' \
		$'2026-12-07T09:00:[0-5][0-9]\\+01:00\toutcome\tpeg\t1\t-'
}
run_test lineout_peg_skipped

LINEOUT_NAME='My activities: up to 3 activities your back makes hard, each rated from 0 to 10 every 14 days.
Name an activity your back makes hard (Enter to skip):'

# The line mode, the day after the PEG, none named: "My activities" asks
# for one; its words and Enter write an `activity` line numbered 1, then
# its first rating is asked: 6 is an `outcome` line by number.
test_lineout_name_activity_lines() {
	local out=$tmp/lineout-name.out
	lineout_naming lineoutname "$out" || return 1
	keys 'put on socks?' Enter
	lineout_wait "$out" '^1 of 1: 1\. put on socks\?.*problem: $' || return 1
	keys 6 Enter
	lineout_leave "$out" || return 1
	lineout_events $'2026-11-30T09:00:00\\+01:00\toutcome\tpeg\t1\t5,4,6' \
		$'2026-12-01T09:00:[0-5][0-9]\\+01:00\tactivity\t-\t1\tput on socks\\?' \
		$'2026-12-01T09:00:[0-5][0-9]\\+01:00\toutcome\tactivities\t1\t6' || return 1
	lineout_said "$out" "$LINEOUT_NAME put on socks?
My activities, today: 1 activity, 0 to 10 (Enter alone: skip; q: skip all).
1 of 1: 1. put on socks? 0 unable to perform the activity, 10 able to perform it at the level before the problem: 6
Activity 1 added: put on socks? · My activities: 6, recorded.
$LINEOUT_MENU"
}
run_test lineout_name_activity_lines

# The line mode: Enter alone at the naming skips it, an outcome line `-`;
# the next day neither is offered, and 14 days later it asks again.
test_lineout_name_skipped_lines() {
	local out=$tmp/lineout-nameskip.out
	lineout_naming lineoutnameskip "$out" || return 1
	keys '  ' Enter
	lineout_leave "$out" || return 1
	lineout_said "$out" "$LINEOUT_NAME   
My activities: skipped, offered again in 14 days.
$LINEOUT_MENU" || return 1
	lineout_events $'2026-11-30T09:00:00\\+01:00\toutcome\tpeg\t1\t5,4,6' \
		$'2026-12-01T09:00:[0-5][0-9]\\+01:00\toutcome\tactivities\t1\t-' || return 1
	lineout_run '2026-12-02 09:00:00' "$out" --lines
	lineout_leave "$out" || return 1
	lineout_said "$out" "$LINEOUT_MENU" || return 1
	# Fourteen days on (the PEG answered the day before): named again.
	printf '2026-12-14T09:00:00+01:00\toutcome\tpeg\t1\t4,4,4\n' >>"${hist%/*}/events.tsv"
	lineout_run '2026-12-15 09:00:00' "$out" --lines
	lineout_wait "$out" '^Name an activity your back makes hard \(Enter to skip\): $' || return 1
	keys Escape Enter
	lineout_leave "$out" || return 1
	lineout_events $'2026-11-30T09:00:00\\+01:00\toutcome\tpeg\t1\t5,4,6' \
		$'2026-12-01T09:00:[0-5][0-9]\\+01:00\toutcome\tactivities\t1\t-' \
		$'2026-12-14T09:00:00\\+01:00\toutcome\tpeg\t1\t4,4,4' \
		$'2026-12-15T09:00:[0-5][0-9]\\+01:00\toutcome\tactivities\t1\t-'
}
run_test lineout_name_skipped_lines

# The full screen: the naming question in its box over the menu; q and
# digits are words there, Backspace erases; Enter names it (number 2, after
# a retired 1), then its rating, by number: `-,7`.
test_lineout_name_activity_screen() {
	lineout_screen lineoutscreen 100 24 $'2026-11-02T09:00:00+01:00\tactivity\t-\t1\tgarden' \
		$'2026-11-03T09:00:00+01:00\tactivity-retired\t-\t1\t-' || return 1
	wait_for 'My activities: Name an activity your back makes hard \(Enter to skip\):' || return 1
	expect 'Enter: name it  Enter alone or Esc: skip  Backspace: erase' || return 1
	keys 'squat 2 timesx'
	wait_for 'skip\):  squat 2 timesx' || return 1
	keys BSpace
	wait_for 'skip\):  squat 2 times *$' || return 1
	keys Enter
	wait_text 'My activities, today \(1 of 1\): 2\. squat 2 times \(0 unable to perform' || return 1
	keys 7 Enter
	wait_text 'Activity 2 added: squat 2 times · My activities: -,7, recorded\.' || return 1
	keys q
	expect_exit 0 || return 1
	lineout_events $'2026-11-30T09:00:00\\+01:00\toutcome\tpeg\t1\t5,4,6' \
		$'2026-11-02T09:00:00\\+01:00\tactivity\t-\t1\tgarden' \
		$'2026-11-03T09:00:00\\+01:00\tactivity-retired\t-\t1\t-' \
		$'2026-12-01T09:00:[0-5][0-9]\\+01:00\tactivity\t-\t2\tsquat 2 times' \
		$'2026-12-01T09:00:[0-5][0-9]\\+01:00\toutcome\tactivities\t1\t-,7'
}
run_test lineout_name_activity_screen

# The full screen: Esc at the naming, whatever was typed, skips it: an
# outcome line `-`, said under the menu; no activity line.
test_lineout_name_skipped_screen() {
	lineout_screen lineoutscreenskip 100 24 || return 1
	wait_for 'Name an activity your back makes hard \(Enter to skip\):' || return 1
	keys 'walk'
	wait_for 'skip\):  walk' || return 1
	keys Escape
	wait_text 'My activities: skipped, offered again in 14 days\.' || return 1
	keys q
	expect_exit 0 || return 1
	lineout_events $'2026-11-30T09:00:00\\+01:00\toutcome\tpeg\t1\t5,4,6' \
		$'2026-12-01T09:00:[0-5][0-9]\\+01:00\toutcome\tactivities\t1\t-'
}
run_test lineout_name_skipped_screen

# On the smallest screen (20 x 5) the naming gives up its words, then the
# start of what is typed, never its end; the whole is written.
test_lineout_name_small_screen() {
	local words='carry the shopping up three flights of stairs without a stop'
	lineout_screen lineoutsmall 20 5 || return 1
	wait_for 'skip\):' || return 1
	keys "$words"
	wait_for 'without a stop' || return 1
	expect '^ *\.\.\.' || return 1
	keys Enter
	wait_for '1 of 1, 0-10:' || return 1
	keys Escape
	wait_for 'Activity 1 added:' || return 1
	keys q
	expect_exit 0 || return 1
	lineout_events $'2026-11-30T09:00:00\\+01:00\toutcome\tpeg\t1\t5,4,6' \
		$'2026-12-01T09:00:[0-5][0-9]\\+01:00\tactivity\t-\t1\t'"$words" \
		$'2026-12-01T09:00:[0-5][0-9]\\+01:00\toutcome\tactivities\t1\t-'
}
run_test lineout_name_small_screen
