# tests/e2e.d/figure.sh - sourced by tests/e2e.sh: the figure on the details
# screen and `o`, which opens the video (issue 21 §4). Its helpers
# figure_opener, figure_braille and figure_block are in fig3.sh, sourced first.

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
	keys "clear; PATH='$fig_bin':\"\$PATH\" $BIN --history-file '$hist'; $REPORT" Enter
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
# The PATH holds nothing but valgrind, for the run of these tests under it.
test_figure_no_opener() {
	local only=$tmp/fig-only-valgrind
	open_pane fignoopen 80 24 || return 1
	mkdir -p "$only"
	if command -v valgrind >/dev/null 2>&1; then
		ln -sf "$(dirname "$(command -v valgrind)")"/valgrind* "$only/"
	fi
	keys "clear; PATH='$only' $BIN --history-file '$hist'; $REPORT" Enter
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

# ---- In the player (issue 21 §3) ------------------------------------------------------

# Knee-to-chest in a W x H pane: the start pose while getting ready; in the
# hold the knee comes up (the figure changes) and stays; paused, it does not
# move; on the right side it is another picture.
figure_player_at() {
	local ready hold paused right
	open_pane "figplay$1" "$1" "$2" || return 1
	run --history-file "$hist" knee-to-chest
	wait_for 'GET READY' || return 1
	ready=$(figure_block)
	[ -n "$ready" ] || { why="no figure while getting ready at $1x$2"; return 1; }
	keys n
	wait_for 'left knee · hold' || return 1
	sleep 1.5
	hold=$(figure_block)
	[ -n "$hold" ] && [ "$hold" != "$ready" ] ||
		{ why="the figure did not move into the hold at $1x$2"; return 1; }
	keys Space
	wait_for 'PAUSED' || return 1
	paused=$(figure_block)
	sleep 2
	[ "$(figure_block)" = "$paused" ] || { why="the figure moved while paused"; return 1; }
	keys Space
	wait_for 'Space pause' || return 1
	keys n n
	wait_for 'right knee · hold' || return 1
	sleep 1.5
	right=$(figure_block)
	[ -n "$right" ] && [ "$right" != "$hold" ] ||
		{ why="the right side shows the left side's figure"; return 1; }
	keys q y
	expect_exit 0
}

test_figure_player_80x24() { figure_player_at 80 24; }
test_figure_player_100x30() { figure_player_at 100 30; }

# The other side is the mirror: in ASCII the head (O) is at the left end of
# the floor on the left side, at its right end on the right side.
figure_head_end() {
	screen | awk '
		/____/ && !floor { floor = NR; lo = index($0, "_"); hi = length($0) - index(reverse($0), "_") + 1 }
		{ line[NR] = $0 }
		function reverse(s,  r, i) { r = ""; for (i = length(s); i > 0; i--) r = r substr(s, i, 1); return r }
		END {
			for (n = floor - 1; n >= floor - 3 && n > 0; n--) {
				c = index(substr(line[n], lo, hi - lo + 1), "O")
				if (c) { print (c - 1 < (hi - lo) / 2) ? "left" : "right"; exit }
			}
			print "none"
		}'
}

test_figure_player_mirror() {
	open_pane figmirror 80 24 || return 1
	keys "clear; LC_ALL=C $BIN --history-file '$hist' knee-to-chest; $REPORT" Enter
	wait_for 'GET READY' || return 1
	keys n
	wait_for 'left knee +hold' || return 1
	sleep 1.5
	[ "$(figure_head_end)" = left ] || { why="left side: head at $(figure_head_end)"; return 1; }
	keys n n
	wait_for 'right knee +hold' || return 1
	sleep 1.5
	[ "$(figure_head_end)" = right ] || { why="right side: head at $(figure_head_end)"; return 1; }
	keys q y
	expect_exit 0
}

# Below 80 x 24 the figure is simply not drawn; the countdown still is.
test_figure_player_small() {
	open_pane figsmall 79 24 || return 1
	run --history-file "$hist" knee-to-chest
	wait_for 'GET READY' || return 1
	! figure_braille >/dev/null || { why="a figure at 79x24"; return 1; }
	keys q y
	expect_exit 0
}

for t in figure_details_and_video figure_no_opener figure_details_ascii figure_player_80x24 \
	figure_player_100x30 figure_player_mirror figure_player_small; do
	run_test "$t"
done
