# tests/e2e.d/lines_details.sh - how to do an exercise, without the screen:
# in the line mode "N?" or "ID?" at the menu says the details the full
# screen's Tab shows (position, steps, cautions, sets); a named routine's are
# that routine's exercises, not the whole catalogue's. Sourced by
# tests/e2e.sh after lines.sh, whose helpers it uses.

ROUTINES=tests/fixtures/good-routines.yaml

# Through a pipe: an exercise's details by id, a routine's by id with a space
# before the ?, another by number, then q. Only the menu's question between.
test_lines_details_by_id_and_number() {
	local out=$tmp/lines-details.out hist=$tmp/hist-linesdetails/history.tsv rc
	mkdir -p "${hist%/*}"
	printf 'bridge?\nevening ?\n1?\nnothing?\nq\n' |
		$BIN --lines --catalogue $ROUTINES --history-file "$hist" >"$out" 2>"$out.err"
	rc=$?
	[ "$rc" -eq 0 ] || { why="exit status $rc: $(cat "$out.err")"; return 1; }
	lines_bytes "$out" || return 1
	lines_same "$out" "Routine
1. Routine: Morning (morning), 1:40, 2 exercises
2. Routine: Evening (evening), 0:35, 1 exercise
3. Full routine: Routine (all), 1:40, 2 exercises
4. Due now (due), 1:40, 2 exercises
5. Cat-cow (cat-cow), 1:05, 1x a day, 0/1 today, due
6. Bridge (bridge), 0:35, 1x a day, 0/1 today, due
Number or id, then Enter (? for the keys): bridge?
Bridge
Lift.
0:35 at fixed dose, 1x a day
Steps
1. Lift
Sets
- Lift: now 30 s
Number or id, then Enter (? for the keys): evening ?
Evening
1 exercise, 0:35, each at its step, each with its get-ready time.
1. Bridge (0:35, 1x a day): Lift.
Number or id, then Enter (? for the keys): 1?
Morning
2 exercises, 1:40, each at its step, each with its get-ready time.
1. Cat-cow (1:05, 1x a day): Flow.
2. Bridge (0:35, 1x a day): Lift.
Number or id, then Enter (? for the keys): nothing?
No entry 'nothing': type a number from 1 to 6, or an id.
Number or id, then Enter (? for the keys): q" || return 1
	# Nothing was played, so nothing was written.
	[ ! -s "$hist" ] || { why="history written: $(cat "$hist")"; return 1; }
}
run_test lines_details_by_id_and_number

# The keys line says how to ask for them.
test_lines_details_in_the_keys() {
	local out=$tmp/lines-details-keys.out
	printf '?\nq\n' | $BIN --lines --catalogue $ROUTINES \
		--history-file "$tmp/hist-linesdetailskeys/history.tsv" >"$out" 2>&1
	grep -q '^Keys: .*a number or an id and ?, such as 5?, says how to do it;' "$out" ||
		{ why="$(cat "$out")"; return 1; }
}
run_test lines_details_in_the_keys

# h at the menu says the history as `lumbar history` says it, at the same
# instant (libfaketime), between the menu's question and the next.
test_lines_history_says_the_history() {
	local out=$tmp/lines-history.out hist=$tmp/hist-lineshistory/history.tsv rc
	local at=(faketime -f '@2026-11-04 09:00:00')
	[ -n "$faketime_lib" ] && at=(env LD_PRELOAD="$faketime_lib" FAKETIME='@2026-11-04 09:00:00')
	mkdir -p "${hist%/*}"
	printf '2026-11-03T08:00:00+01:00\tbridge\tdone\t30\t2\t3\t-\n' >"$hist"
	printf 'h\nq\n' | "${at[@]}" $BIN --lines --catalogue $ROUTINES --history-file "$hist" \
		>"$out" 2>"$out.err"
	rc=$?
	[ "$rc" -eq 0 ] || { why="exit status $rc: $(cat "$out.err")"; return 1; }
	lines_bytes "$out" || return 1
	"${at[@]}" $BIN history --catalogue $ROUTINES --history-file "$hist" >"$out.cli" ||
		{ why="lumbar history failed"; return 1; }
	grep -q '^bridge .*1 this week' "$out.cli" || { why="no bridge row: $(cat "$out.cli")"; return 1; }
	sed -n '/^Number or id, then Enter (? for the keys): h$/,/^Number or id/p' "$out" |
		sed '1d;$d' >"$out.said"
	cmp -s "$out.said" "$out.cli" || { why="$(diff -u "$out.cli" "$out.said")"; return 1; }
}
run_test lines_history_says_the_history

# o in the line-mode player pauses and says what the opener did, as the full
# screen's key line does; pressed again while paused, it says it again.
test_lines_video_says_what_it_did() {
	local out=$tmp/lines-video.out fifo=$tmp/lines-video.in pid rc bin=$tmp/lines-video-bin
	local hist=$tmp/hist-linesvideo/history.tsv url='https://www.youtube.com/watch?v=sgO7BK6fxK4'
	mkdir -p "${hist%/*}" "$bin"
	printf '#!/bin/sh\nprintf "%%s\\n" "$1" >>"%s/opened"\n' "$bin" >"$bin/xdg-open"
	chmod +x "$bin/xdg-open"
	mkfifo "$fifo" || { why="mkfifo"; return 1; }
	PATH="$bin:$PATH" $BIN --lines --history-file "$hist" knee-to-chest <"$fifo" >"$out" 2>"$out.err" &
	pid=$!
	exec 7>"$fifo"
	lines_wait "$out" 'get ready' || { exec 7>&-; return 1; }
	printf 'n' >&7
	lines_wait "$out" 'left knee: hold' || { exec 7>&-; return 1; }
	printf 'o' >&7
	lines_wait "$out" "^Paused\\. Opening ${url//\?/\\?}\$" || { exec 7>&-; return 1; }
	printf 'o' >&7
	lines_wait "$out" "^Opening ${url//\?/\\?}\$" || { exec 7>&-; return 1; }
	printf 'qy' >&7
	exec 7>&-
	wait "$pid"
	rc=$?
	[ "$rc" -eq 0 ] || { why="exit status $rc: $(cat "$out.err")"; return 1; }
	lines_bytes "$out" || return 1
	local deadline=$(($(now_ms) + 5000))
	while [ "$(grep -c . "$bin/opened" 2>/dev/null)" != 2 ] && [ "$(now_ms)" -lt "$deadline" ]; do
		sleep 0.05
	done
	[ "$(sort -u "$bin/opened")" = "$url" ] || { why="xdg-open got '$(cat "$bin/opened")'"; return 1; }
	# Paused once: no "Resumed" and no second "Paused".
	[ "$(grep -c '^Paused' "$out")" -eq 1 ] || { why="$(cat "$out")"; return 1; }
}
run_test lines_video_says_what_it_did
