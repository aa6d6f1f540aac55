# tests/e2e.d/offers.sh - sourced by tests/e2e.sh: the outcome check-in over
# the menu (issue 22 §2). Every run is under faketime, in Europe/Paris, with a
# config folder of its own (the suite's default one turns the offers off), and
# a safety-shown event on the day, so that the safety screen is not due and
# there is no session yesterday for the morning check-in.

# offers_seed DAY: a fresh history folder whose events.tsv has DAY's safety-shown.
offers_seed() {
	hist=$tmp/hist-$pane-$1/history.tsv
	mkdir -p "${hist%/*}" "$tmp/cfg-offers-$pane/lumbar"
	printf '%sT08:00:00+01:00\tsafety-shown\t-\t-\t-\n' "$1" >"${hist%/*}/events.tsv"
}

# offers_run DAY [ARGS...]: lumbar's menu at 09:00 on DAY (or at the time DAY
# gives: '2026-11-30 18:00:00'), with the offers on unless the config written
# in $tmp/cfg-offers-$pane says otherwise. faketime starts each run's clock
# afresh: a later run on the same day starts later, so that what an earlier
# one wrote is not in its future.
offers_run() {
	local at=$1
	shift
	case $at in *' '*) ;; *) at="$at 09:00:00" ;; esac
	keys "clear; XDG_CONFIG_HOME=$tmp/cfg-offers-$pane $(ft "$at") $ASK_BIN --catalogue $SHORT --history-file '$hist' $*; $REPORT" Enter
}

# The outcome lines of events.tsv, fields 2-5 (kind, id, version, answers).
offers_outcomes() {
	grep -v '^#' "${hist%/*}/events.tsv" | grep $'\toutcome\t' | cut -f 2-
}

# As wait_text, on the screen's words joined by single spaces: the question
# box wraps its text at the screen's width.
offers_wait_words() {
	local deadline
	deadline=$(($(now_ms) + 5000 * ${E2E_SLOW:-1}))
	while [ "$(now_ms)" -lt "$deadline" ]; do
		screen | tr -s ' \n' '  ' | grep -Eq -- "$1" && return 0
		sleep 0.05
	done
	why="waited 5s for /$1/ (words joined)"
	return 1
}

# Fail unless the outcome lines are exactly $1.
offers_expect() {
	[ "$(offers_outcomes)" = "$1" ] && return 0
	why="outcome lines: '$(offers_outcomes)', expected '$1':
$(cat "${hist%/*}/events.tsv")"
	return 1
}

# Start at 18:00 on DAY and expect the menu with no question over it; q exits 0.
offers_not_offered() {
	offers_run "$1 18:00:00"
	wait_for 'j/k move  Enter start' || return 1
	expect_not 'of 3\)|of 2\)|q: skip all' || return 1
	keys q
	expect_exit 0
}

PEG_RE='Pain, enjoyment and activity \(PEG\), in the past week \(1 of 3\)'

# Never answered: the PEG over the menu at start, one item at a time with its
# anchors; 5 4 6 is one outcome line, said under the menu; not again that day.
test_offers_peg_answered() {
	open_pane offerpeg || return 1
	offers_seed 2026-11-30
	offers_run 2026-11-30
	wait_for "$PEG_RE" || return 1
	offers_wait_words 'average in the past week\? \(0 no pain, 10 pain as bad as you can imagine\)' || return 1
	expect '0-10 then Enter: next  Enter alone: skip  q: skip all' || return 1
	keys 5
	offers_wait_words 'imagine\) 5' || return 1
	keys Enter
	wait_for '\(2 of 3\)' || return 1
	offers_wait_words 'enjoyment of life\? \(0 does not interfere, 10 completely interferes\)' || return 1
	expect 'Enter alone: leave out' || return 1
	# 1 1 types 1 only (11 is off the scale); Backspace erases it.
	keys 1 1 BSpace 4 Enter
	wait_for '\(3 of 3\)' || return 1
	expect '0-10 then Enter: record' || return 1
	keys 6 Enter
	wait_text 'Pain, enjoyment and activity \(PEG\): 5,4,6, recorded\.' || return 1
	expect_not '\(3 of 3\)' || return 1
	grep -v '^#' "${hist%/*}/events.tsv" | tail -n 1 |
		grep -Eqx $'2026-11-30T09:00:[0-5][0-9]\\+01:00\toutcome\tpeg\t1\t5,4,6' ||
		{ why="events.tsv: $(cat "${hist%/*}/events.tsv")"; return 1; }
	keys q
	expect_exit 0 || return 1
	# The same day: not offered again.
	offers_not_offered 2026-11-30 || return 1
	offers_expect $'outcome\tpeg\t1\t5,4,6'
}

# Enter alone on a later item leaves it out: `5,-,6`.
test_offers_peg_item_left_out() {
	open_pane offerleave || return 1
	offers_seed 2026-11-30
	offers_run 2026-11-30
	wait_for "$PEG_RE" || return 1
	keys 5 Enter
	wait_for '\(2 of 3\)' || return 1
	keys Enter
	wait_for '\(3 of 3\)' || return 1
	keys 6 Enter
	wait_text '\(PEG\): 5,-,6, recorded\.' || return 1
	keys q
	expect_exit 0 || return 1
	offers_expect $'outcome\tpeg\t1\t5,-,6'
}

# Enter alone on the first item, q, or Esc after answers: skipped, one `-`
# line each; not again that day nor within 7 days; on the 7th day again.
# (With no activity named, "My activities" is offered too: skipped the day
# before, it is not due again in these two weeks.)
test_offers_skipped() {
	open_pane offerskip || return 1
	offers_seed 2026-11-30
	# "My activities" (none named) skipped the day before: not due in these two weeks.
	printf '2026-11-29T09:00:00+01:00\toutcome\tactivities\t1\t-\n' >>"${hist%/*}/events.tsv"
	offers_run 2026-11-30
	wait_for "$PEG_RE" || return 1
	keys Enter
	wait_text 'Pain, enjoyment and activity \(PEG\): skipped, offered again in 7 days\.' || return 1
	keys q
	expect_exit 0 || return 1
	offers_expect $'outcome\tactivities\t1\t-\noutcome\tpeg\t1\t-' || return 1
	offers_not_offered 2026-11-30 || return 1
	offers_not_offered 2026-12-06 || return 1
	offers_expect $'outcome\tactivities\t1\t-\noutcome\tpeg\t1\t-' || return 1
	# Seven days later: offered again; q skips, whatever was typed.
	offers_run 2026-12-07
	wait_for "$PEG_RE" || return 1
	keys 7 q
	wait_text 'skipped, offered again in 7 days\.' || return 1
	keys q
	expect_exit 0 || return 1
	offers_expect $'outcome\tactivities\t1\t-\noutcome\tpeg\t1\t-\noutcome\tpeg\t1\t-' || return 1
	# Esc after two answers: the whole questionnaire skipped, nothing of it kept.
	offers_run 2026-12-14
	wait_for "$PEG_RE" || return 1
	keys 3 Enter 2 Enter
	wait_for '\(3 of 3\)' || return 1
	keys Escape
	wait_text 'skipped, offered again in 7 days\.' || return 1
	keys q
	expect_exit 0 || return 1
	offers_expect $'outcome\tactivities\t1\t-\noutcome\tpeg\t1\t-\noutcome\tpeg\t1\t-\noutcome\tpeg\t1\t-'
}

# "My activities": offered when the PEG is not due and one is active, each
# active activity rated in number order, the answers written by number (a
# retired number 2 is `-`).
test_offers_activities() {
	local ev
	open_pane offeract || return 1
	offers_seed 2026-12-01
	ev=${hist%/*}/events.tsv
	{
		printf '2026-11-30T09:00:00+01:00\toutcome\tpeg\t1\t5,4,6\n'
		printf '2026-11-30T09:01:00+01:00\tactivity\t-\t1\tput on socks\n'
		printf '2026-11-30T09:02:00+01:00\tactivity\t-\t2\tgarden for an hour\n'
		printf '2026-11-30T09:03:00+01:00\tactivity\t-\t3\tlift the shopping\n'
		printf '2026-11-30T09:04:00+01:00\tactivity-retired\t-\t2\t-\n'
	} >>"$ev"
	offers_run 2026-12-01
	offers_wait_words 'My activities, today \(1 of 2\): 1\. put on socks' || return 1
	offers_wait_words '\(0 unable to perform the activity, 10 able to perform it at the level before the problem\)' || return 1
	keys 3 Enter
	offers_wait_words 'My activities, today \(2 of 2\): 3\. lift the shopping' || return 1
	keys 7 Enter
	wait_text 'My activities: 3,-,7, recorded\.' || return 1
	keys q
	expect_exit 0 || return 1
	offers_expect $'outcome\tpeg\t1\t5,4,6\noutcome\tactivities\t1\t3,-,7' || return 1
	# And not offered again the same day.
	offers_not_offered 2026-12-01
}

# ask_outcomes: false in config.yaml, and --no-ask: the menu, no question.
test_offers_off() {
	open_pane offeroff || return 1
	offers_seed 2026-11-30
	printf 'ask_outcomes: false\n' >"$tmp/cfg-offers-$pane/lumbar/config.yaml"
	offers_not_offered 2026-11-30 || return 1
	rm "$tmp/cfg-offers-$pane/lumbar/config.yaml"
	offers_run 2026-11-30 --no-ask
	wait_for 'j/k move  Enter start' || return 1
	expect_not 'q: skip all' || return 1
	keys q
	expect_exit 0 || return 1
	offers_expect ''
}

# Never before a session: started with an exercise, lumbar plays it at once.
test_offers_not_before_a_session() {
	open_pane offerplay || return 1
	offers_seed 2026-11-30
	offers_run 2026-11-30 side-hold
	wait_for 'How is your back right now\? 0-10' || return 1
	expect_not 'PEG' || return 1
	keys q
	wait_for '^RC=' || return 1
	offers_expect ''
}

# A clinic's questionnaire that does not load is named under the menu; the
# shipped ones are still offered.
test_offers_broken_clinic_file() {
	open_pane offerbroken 220 || return 1
	offers_seed 2026-11-30
	mkdir -p "$tmp/cfg-offers-$pane/lumbar/questionnaires"
	printf 'id: rmdq\nitems: 3\n' >"$tmp/cfg-offers-$pane/lumbar/questionnaires/rmdq.yaml"
	offers_run 2026-11-30
	wait_for "$PEG_RE" || return 1
	keys q
	offers_wait_words "The questionnaire $tmp/cfg-offers-$pane/lumbar/questionnaires/rmdq.yaml was not read: 'lumbar check' says why\\." || return 1
	keys q
	expect_exit 0 || return 1
	offers_expect $'outcome\tpeg\t1\t-'
}

# On the smallest screen (20 x 5) the question gives up its words, never the
# digits typed; wider, it says all of it again.
test_offers_small_screen() {
	open_pane offersmall 20 5 || return 1
	offers_seed 2026-11-30
	offers_run 2026-11-30
	wait_for '1 of 3, 0-10:' || return 1
	keys 7
	wait_for '1 of 3, 0-10:  7' || return 1
	T resize-window -t "$pane" -x 80 -y 24
	offers_wait_words "$PEG_RE"': What number best describes your pain on average in the past week\? \(0 no pain, 10 pain as bad as you can imagine\) 7' || return 1
	keys Enter 4 Enter 6 Enter
	wait_text '\(PEG\): 7,4,6, recorded\.' || return 1
	keys q
	expect_exit 0 || return 1
	offers_expect $'outcome\tpeg\t1\t7,4,6'
}

# After the morning check-in, the same start: first the morning's question,
# then the PEG; both are recorded, and said under the menu.
test_offers_after_the_morning_checkin() {
	open_pane offermorning || return 1
	offers_seed 2026-11-30
	printf '2026-11-29T18:00:00+01:00\tside-hold\tdone\t12\t3\t2\t-\n' >"$hist"
	offers_run 2026-11-30
	wait_for 'Back pain this morning\? 0-10' || return 1
	expect_not 'PEG' || return 1
	keys 3 Enter
	wait_for "$PEG_RE" || return 1
	keys Escape
	wait_text 'Back pain this morning: 3/10, recorded\. · Pain, enjoyment and activity \(PEG\): skipped, offered again in 7 days\.' || return 1
	keys q
	expect_exit 0 || return 1
	[ "$(grep -v '^#' "${hist%/*}/events.tsv" | cut -f 2-)" = $'safety-shown\t-\t-\t-\nmorning\t-\t3\t-\noutcome\tpeg\t1\t-' ] ||
		{ why="events.tsv: $(cat "${hist%/*}/events.tsv")"; return 1; }
}

for t in offers_peg_answered offers_peg_item_left_out offers_skipped offers_activities \
	offers_off offers_not_before_a_session offers_broken_clinic_file offers_small_screen \
	offers_after_the_morning_checkin; do
	run_test "$t"
done
