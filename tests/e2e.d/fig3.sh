# tests/e2e.d/fig3.sh - sourced by tests/e2e.sh: the figure in the player
# moves between whole seconds, stands still while paused, `f` hides and
# shows it, `--no-figure` and `figure: false` turn it off, and `o` pauses
# and opens the video (issue 21 §3, §4). Its helpers serve figure.sh too,
# which is sourced after it.

# A folder for a fake xdg-open that writes the address it is given to a file.
figure_opener() {
	fig_bin=$tmp/fig-bin-$pane
	mkdir -p "$fig_bin"
	printf '#!/bin/sh\nprintf "%%s\\n" "$1" >"%s/opened"\n' "$fig_bin" >"$fig_bin/xdg-open"
	chmod +x "$fig_bin/xdg-open"
}

# The screen's lines with Braille (U+2800..U+28FF) on them, numbered.
figure_braille() { screen | LC_ALL=C grep -n $'\xe2[\xa0-\xa3]'; }

# The figure as the screen shows it: the lines with Braille on them, the
# block digits (which count down beside it) blanked.
figure_block() { figure_braille | cut -d: -f2- | sed 's/[█▀▄]/ /g'; }


# The distinct pictures the figure shows over about $1 milliseconds, sampled as
# often as tmux allows; prints their count.
fig3_pictures() {
	local deadline=$(($(now_ms) + $1))
	while [ "$(now_ms)" -lt "$deadline" ]; do
		figure_block | md5sum
		sleep 0.02
	done | sort -u | wc -l
}

# Wait until the figure is on the screen ($1 "shown") or gone ("hidden").
fig3_wait() {
	local deadline=$(($(now_ms) + 5000 * ${E2E_SLOW:-1}))
	while [ "$(now_ms)" -lt "$deadline" ]; do
		if figure_braille >/dev/null; then
			[ "$1" = shown ] && return 0
		else
			[ "$1" = hidden ] && return 0
		fi
		sleep 0.05
	done
	why="the figure is not $1"
	return 1
}

# Knee-to-chest in a W x H pane: in the hold's first second the knee comes
# up through several pictures, not in one jump at the next whole second;
# paused in the middle of that move, the figure stays as it is; resumed,
# it goes on into the end pose.
fig3_moves_at() {
	local n paused
	open_pane "fig3move$1" "$1" "$2" || return 1
	run --history-file "$hist" knee-to-chest
	wait_for 'GET READY' || return 1
	keys n
	n=$(fig3_pictures 1200)
	[ "$n" -ge 3 ] || { why="$n pictures over the hold's first second at $1x$2, want 3 or more"; return 1; }
	# On the other side, paused a third of a second into the move.
	keys n n
	wait_for 'right knee · hold' || return 1
	sleep 0.3
	keys Space
	wait_for 'PAUSED' || return 1
	paused=$(figure_block)
	n=$(fig3_pictures 1500)
	[ "$n" -eq 1 ] || { why="the figure took $n pictures while paused"; return 1; }
	keys Space
	wait_for 'Space pause' || return 1
	sleep 1.2
	[ "$(figure_block)" != "$paused" ] || { why="resumed, the figure did not go on"; return 1; }
	keys q y
	expect_exit 0
}

test_fig3_moves_80x24() { fig3_moves_at 80 24; }
test_fig3_moves_100x30() { fig3_moves_at 100 30; }

# In a reps set with a tempo the figure goes and comes back each rep: the
# bridge's set (tempo 5 s, from tests/fixtures/bench-figure.yaml) moves
# through several pictures in a rep's first second, holds the hips up in
# its middle, and is back at the start pose (as getting ready showed it)
# when the next rep begins.
# The figure's dots, wherever it stands across (it stands further right
# beside two digits than beside one): each line without its blanks.
fig3_shape() { figure_block | sed 's/ //g' | md5sum; }

test_fig3_reps_go_and_come_back() {
	local first t0 samples
	open_pane fig3reps 100 30 || return 1
	run -C tests/fixtures/bench-figure.yaml figure-reps
	wait_for 'GET READY' || return 1
	first=$(fig3_shape)
	wait_for 'rep 1 of 10' || return 1
	t0=$(now_ms)
	samples=$(while [ "$(now_ms)" -lt $((t0 + 5600)) ]; do
		echo "$(($(now_ms) - t0)) $(fig3_shape)"
		sleep 0.02
	done)
	# Between the whole seconds 0 and 1 (the phase line shows late, by a poll).
	[ "$(awk '$1 >= 150 && $1 < 900 {print $2}' <<<"$samples" | sort -u | wc -l)" -ge 3 ] ||
		{ why="fewer than 3 pictures within a rep's first second"; return 1; }
	[ "$(awk '$1 >= 1300 && $1 < 3700 {print $2}' <<<"$samples" | sort -u | wc -l)" -eq 1 ] ||
		{ why="the figure moved in the middle of a rep"; return 1; }
	awk '$1 >= 1300 && $1 < 3700 {print $2}' <<<"$samples" | grep -qv "${first%% *}" ||
		{ why="the hips never went up"; return 1; }
	awk '$1 >= 4700 {print $2}' <<<"$samples" | grep -q "${first%% *}" ||
		{ why="not back at the start pose as the next rep begins"; return 1; }
	keys q y
	expect_exit 0
}

# f puts the figure away and brings it back; the help lists it.
test_fig3_f_toggles() {
	open_pane fig3f 80 24 || return 1
	run --history-file "$hist" knee-to-chest
	wait_for 'GET READY' || return 1
	figure_braille >/dev/null || { why="no figure at the start"; return 1; }
	keys f
	fig3_wait hidden || { why="f did not hide the figure"; return 1; }
	expect 'GET READY' || return 1
	keys f
	fig3_wait shown || { why="a second f did not bring the figure back"; return 1; }
	keys '?'
	wait_for 'hide or show the figure' || return 1
	keys q
	keys q y
	expect_exit 0
}

# --no-figure and config.yaml's `figure: false` leave the player without a
# figure (the digits and the steps stay); f still shows it on request.
fig3_off() {
	wait_for 'GET READY' || return 1
	expect 'Space pause' || return 1
	! figure_braille >/dev/null || { why="a figure though it is off"; return 1; }
	keys n
	wait_for 'left knee · hold' || return 1
	sleep 1.2
	! figure_braille >/dev/null || { why="a figure in the hold though it is off"; return 1; }
	keys f
	fig3_wait shown || { why="f did not show the figure"; return 1; }
	keys q y
	expect_exit 0
}

test_fig3_no_figure_option() {
	open_pane fig3nofig 80 24 || return 1
	run --history-file "$hist" --no-figure knee-to-chest
	fig3_off
}

test_fig3_config_figure_false() {
	local cfg=$tmp/fig3-cfg
	open_pane fig3cfg 80 24 || return 1
	mkdir -p "$cfg/lumbar"
	printf 'figure: false\n' >"$cfg/lumbar/config.yaml"
	keys "clear; XDG_CONFIG_HOME=$cfg $BIN --history-file '$hist' knee-to-chest; $REPORT" Enter
	fig3_off
}

# o in the player pauses first, then hands the video to xdg-open and says so.
test_fig3_o_pauses_and_opens() {
	open_pane fig3video 80 24 || return 1
	figure_opener
	keys "clear; PATH='$fig_bin':\"\$PATH\" $BIN --history-file '$hist' knee-to-chest; $REPORT" Enter
	wait_for 'GET READY' || return 1
	keys n
	wait_for 'left knee · hold' || return 1
	keys o
	wait_for 'PAUSED  Opening https://www\.youtube\.com/watch\?v=sgO7BK6fxK4' || return 1
	local deadline=$(($(now_ms) + 5000)) left
	while [ ! -s "$fig_bin/opened" ] && [ "$(now_ms)" -lt "$deadline" ]; do sleep 0.05; done
	[ "$(cat "$fig_bin/opened" 2>/dev/null)" = "https://www.youtube.com/watch?v=sgO7BK6fxK4" ] ||
		{ why="xdg-open got '$(cat "$fig_bin/opened" 2>/dev/null)'"; return 1; }
	left=$(bar_clock)
	sleep 1.5
	[ "$(bar_clock)" = "$left" ] || { why="the clock ran on after o"; return 1; }
	keys Space
	wait_for 'Space pause' || return 1
	keys q y
	expect_exit 0
}

for t in fig3_moves_80x24 fig3_moves_100x30 fig3_reps_go_and_come_back fig3_f_toggles \
	fig3_no_figure_option fig3_config_figure_false fig3_o_pauses_and_opens; do
	run_test "$t"
done
