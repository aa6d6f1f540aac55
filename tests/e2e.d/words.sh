# tests/e2e.d/words.sh - words and widths on the screens (issue 19 §3): the
# pain-before header, the summary after e, the resume and quit questions,
# the note prompt, the menu's full-routine row and the history view.
# Sourced by tests/e2e.sh, whose helpers it uses.

ROUTINES=tests/fixtures/good-routines.yaml

# The pain-before question names the routine and its length.
test_words_pain_before_names_the_routine() {
	open_pane wordspainbefore || return 1
	run_ask --catalogue $ROUTINES --quiet --history-file "$hist" morning
	wait_for 'How is your back right now\? 0-10' || return 1
	expect '^ *Morning · 2 exercises$' || return 1
	keys q
	expect_exit 0
}
run_test words_pain_before_names_the_routine

# The full routine's row says nothing of today before any work, not "0 min today".
test_words_full_routine_row_no_zero() {
	open_pane wordsfullrow || return 1
	run --catalogue $SHORT --history-file "$hist"
	wait_for '^> Full routine: Test routine' || return 1
	expect_not 'min today' || return 1
	keys q
	expect_exit 0
}
run_test words_full_routine_row_no_zero

# In pane $1, the routine of $SHORT stopped at its first exercise's get-ready
# with pain $2 ('' for none, said as $3), then e: its summary.
stop_first_then_end() {
	open_pane "$1" 80 30 || return 1
	run --catalogue $SHORT --history-file "$hist" all
	wait_for '^ *GET READY' 4 || return 1
	keys x
	wait_for 'Pain now\? 0-10' || return 1
	[ -z "$2" ] || keys "$2"
	keys Enter
	wait_for "Pain now: $3\\." || return 1
	keys e
	wait_for 'Session ended'
}

# A routine ended with e at its first exercise's stop: the rest is "Not
# reached", and the summary does not say "Nothing skipped".
test_words_summary_not_reached() {
	stop_first_then_end wordsnotreached '' 'no score' || return 1
	wait_for '^ *Not reached:$' || return 1
	expect '^ *- Bridges and plank$' || return 1
	expect_not 'Nothing skipped' || return 1
	expect_not 'Skipped:' || return 1
	keys q
	expect_exit 0
}
run_test words_summary_not_reached

# The resume question names the routine and when it was left, and its box
# leaves nothing of the menu beside it.
test_words_resume_names_routine_and_when() {
	local pid
	open_pane wordsresume 120 || return 1
	run --history-file "$hist" all
	wait_for '^ *GET READY' 10 || return 1
	for _ in $(seq 40); do
		expect 'Exercise 2 of' && break
		keys n
		sleep 0.1
	done
	wait_for 'Exercise 2 of' 2 || return 1
	pid=$(lumbar_pid)
	kill -HUP "$pid"
	expect_exit 129 || return 1
	[ -e "$state"/lumbar/*.progress ] || { why="no progress file"; return 1; }
	touch -d "$(date -d '-1 day' +%F) 18:30" "$state"/lumbar/*.progress
	run --history-file "$hist"
	wait_text 'Resume +Lower +back +relief, +left +yesterday +at +18:30, +at +Pelvic +tilts +and +bridges, +get +ready\? +y/n' ||
		return 1
	# The box's rows, and the blank rows above and below it, hold the question
	# alone: a piece of the menu beside it would stand apart by two spaces.
	local band
	band=$(screen | awk '/Resume Lower back relief/{print prev; on=1} on{print; if ($0 ~ /^ *$/) exit} {prev=$0}')
	[ -n "$band" ] || { why="no box"; return 1; }
	! printf '%s\n' "$band" | grep -Eq '[^ ]  +[^ ]' || { why="beside the box: $band"; return 1; }
	[ -z "$(printf '%s\n' "$band" | head -n 1 | tr -d ' ')" ] || { why="above the box: $band"; return 1; }
	keys n
	wait_for '^> Routine: Morning' || return 1
	keys q
	expect_exit 0
}
run_test words_resume_names_routine_and_when

# The quit question says what a quit keeps.
test_words_quit_says_what_is_kept() {
	open_pane wordsquit || return 1
	run --catalogue $SHORT --history-file "$hist" side-hold
	wait_for '^ *GET READY' 4 || return 1
	keys q
	wait_for 'What is done is kept, this exercise so far as partial\. Quit\? y/n' || return 1
	keys n
	wait_absent 'Quit\? y/n' || return 1
	keys q y
	expect_exit 0
}
run_test words_quit_says_what_is_kept

# The note prompt says where the note goes and how long it may be; a note
# written right after a stop belongs to the stopped exercise.
test_words_note_after_a_stop() {
	stop_first_then_end wordsnotestop 6 '6/10' || return 1
	keys w
	wait_text 'A note on Side hold stretch \(stopped\) for the report, 200 characters +at +most:' ||
		return 1
	keys -l 'sharp in the hip'
	keys Enter
	wait_for 'Note saved\. It goes into the report \(lumbar report\)\.' || return 1
	grep -q $'\tnote\tside-hold\t-\tsharp in the hip$' "${hist%/*}/events.tsv" ||
		{ why="events: $(cat "${hist%/*}/events.tsv")"; return 1; }
	keys q
	expect_exit 0
}
run_test words_note_after_a_stop

# Without a stop, the note is the session's, with no exercise.
test_words_note_prompt() {
	open_pane wordsnote 80 30 || return 1
	run --catalogue $SHORT --history-file "$hist" side-hold
	wait_for '^ *GET READY' 4 || return 1
	for _ in $(seq 20); do
		expect 'How is your back now' && break
		keys n
		sleep 0.1
	done
	wait_for 'How is your back now\? 0-10' 2 || return 1
	keys w
	wait_for 'A note for the report, 200 characters at most:' || return 1
	keys -l 'fine'
	keys Enter
	wait_for 'Note saved\.' || return 1
	grep -q $'\tnote\t-\t-\tfine$' "${hist%/*}/events.tsv" ||
		{ why="events: $(cat "${hist%/*}/events.tsv")"; return 1; }
	keys q
	expect_exit 0
}
run_test words_note_prompt

# The history view: its table's names take the width a wide screen has, the
# calendar's legend says what a cell counts, and the chart is pain after.
test_words_history_view_words_and_width() {
	open_pane wordshistory 120 || return 1
	cp tests/fixtures/history-sample.tsv "${hist%/*}.tsv"
	run --history-file "${hist%/*}.tsv"
	wait_for 'Full routine' 5 || return 1
	keys h
	wait_for 'Last 12 weeks' || return 1
	expect ' Exercise {21}Done {11}7 d  30 d {4}Step$' || return 1
	expect ' Pelvic tilts and bridges +[0-9]+/1 today +[0-9]+% +[0-9]+% ' || return 1
	expect ' Hamstring flexibility series [0-9]+/1 today ' || return 1
	expect '^ due work done: none ·░▒▓█ all' || return 1
	expect '^Pain after, weekly average' || return 1
	keys q
	wait_for 'Full routine' || return 1
	keys q
	expect_exit 0
}
run_test words_history_view_words_and_width
