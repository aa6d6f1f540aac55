# tests/e2e.d/figure.sh - sourced by tests/e2e.sh: the figure on the details
# screen and `o`, which opens the video (issue 21 §4).

# A folder for a fake xdg-open that writes the address it is given to a file.
figure_opener() {
	fig_bin=$tmp/fig-bin-$pane
	mkdir -p "$fig_bin"
	printf '#!/bin/sh\nprintf "%%s\\n" "$1" >"%s/opened"\n' "$fig_bin" >"$fig_bin/xdg-open"
	chmod +x "$fig_bin/xdg-open"
}

# The screen's lines with Braille (U+2800..U+28FF) on them, numbered.
figure_braille() { screen | LC_ALL=C grep -n $'\xe2[\xa0-\xa3]'; }

# Move the menu's highlight to the line that starts with $1.
figure_highlight() {
	local i
	for i in $(seq 1 20); do
		screen | grep -Eq -- "^> $1" && return 0
		keys j
		sleep 0.1
	done
	why="no menu line '> $1'"
	return 1
}

# Tab on knee-to-chest: its two poses in Braille above the steps, and the
# key line offers the video, which o hands to xdg-open.
test_figure_details_and_video() {
	open_pane figinfo 80 24 || return 1
	figure_opener
	keys "clear; PATH='$fig_bin' $BIN --history-file '$hist'; $REPORT" Enter
	wait_for '^> ' || return 1
	figure_highlight 'Knee-to-chest' || return 1
	keys Tab
	wait_for 'Starting position' || return 1
	figure_braille >/dev/null || { why="no Braille on the screen"; return 1; }
	expect 'Enter start  j/k scroll  o video  q back' || return 1
	# The figure comes before the steps (the title, the length, then the poses).
	[ "$(figure_braille | head -n 1 | cut -d: -f1)" -lt \
		"$(screen | grep -n 'Starting position' | cut -d: -f1)" ] ||
		{ why="the figure is not above the starting position"; return 1; }
	keys o
	wait_for 'Opening https://www\.youtube\.com/watch\?v=sgO7BK6fxK4' || return 1
	local deadline=$(($(now_ms) + 5000))
	while [ ! -s "$fig_bin/opened" ] && [ "$(now_ms)" -lt "$deadline" ]; do sleep 0.05; done
	[ "$(cat "$fig_bin/opened" 2>/dev/null)" = "https://www.youtube.com/watch?v=sgO7BK6fxK4" ] ||
		{ why="xdg-open got '$(cat "$fig_bin/opened" 2>/dev/null)'"; return 1; }
	# The next key brings the key line back.
	keys j
	wait_for 'o video  q back' || return 1
	keys q
	wait_for '^> Knee-to-chest' || return 1
	keys q
	expect_exit 0
}

# With no xdg-open, o says which package to install; nothing opens by itself.
test_figure_no_opener() {
	open_pane fignoopen 80 24 || return 1
	keys "clear; PATH='$tmp/fig-empty' $BIN --history-file '$hist'; $REPORT" Enter
	wait_for '^> ' || return 1
	figure_highlight 'Cat-cow' || return 1
	keys Tab
	wait_for 'Starting position' || return 1
	keys o
	wait_for 'No program opens links here: install xdg-utils \(xdg-open\)\.' || return 1
	keys q q
	expect_exit 0
}

# Where the locale is not UTF-8 the figure is plain ASCII: the head an O.
test_figure_details_ascii() {
	open_pane figascii 80 24 || return 1
	keys "clear; LC_ALL=C $BIN --history-file '$hist'; $REPORT" Enter
	wait_for '^> ' || return 1
	figure_highlight 'Knee-to-chest' || return 1
	keys Tab
	wait_for 'Starting position' || return 1
	expect 'O +-{3,}' || return 1
	! figure_braille >/dev/null || { why="Braille in the C locale"; return 1; }
	keys q q
	expect_exit 0
}

for t in figure_details_and_video figure_no_opener figure_details_ascii; do
	run_test "$t"
done
