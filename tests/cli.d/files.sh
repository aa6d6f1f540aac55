# shellcheck shell=bash
# tests/cli.d/files.sh - what `report -o` writes into and what it refuses,
# histories that are lumbar's other files, the CSV and Markdown of hostile
# names and notes, numbers under a decimal-comma locale, and `remind` run
# three at once (issue 17 §5; issue 18, items 1, 2, 7, 8, 17, 18). Sourced
# by tests/cli.sh: uses its run/expect helpers, $LUMBAR, $FIX and $tmp.
# Outputs go to FIFOs and device nodes made here, never to /dev/*.

# The progress file of a history, as progress.c names it: NAME-HASH.progress
# in the state folder, HASH the 64-bit FNV-1a of the history's absolute path.
files_progress_path() {
	local abs h=$((0xcbf29ce484222325)) i c
	abs="$(realpath -m "$(dirname "$1")")/$(basename "$1")"
	for ((i = 0; i < ${#abs}; i++)); do
		printf -v c '%d' "'${abs:i:1}"
		h=$(((h ^ c) * 0x100000001b3))
	done
	printf '%s/lumbar/%s-%016x.progress' "$XDG_STATE_HOME" "$(basename "$1")" "$h"
}

if t report-output; then
	fd=$tmp/files-out
	mkdir -p "$fd"
	: >"$fd/history.tsv"
	frep() { "$LUMBAR" report -C "$FIX/cli-small.yaml" --history-file "$fd/history.tsv" --today 2026-12-01 --weeks 1 "$@"; }
	frep >"$fd/want.md"

	# A FIFO is written into, and stays a FIFO (it used to become a file).
	mkfifo "$fd/fifo"
	cat "$fd/fifo" >"$fd/from-fifo" &
	reader=$!
	run report-output-fifo 0 frep -o "$fd/fifo"
	wait "$reader"
	[ -p "$fd/fifo" ] || fail "the FIFO was replaced"
	cmp -s "$fd/from-fifo" "$fd/want.md" || fail "the reader did not get the report"
	done_test

	# A pipe, by its /proc name (what a shell's >(...) gives).
	run report-output-pipe 0 bash -c 'exec 3> >(cat >"$1"); "${@:2}" -o /proc/self/fd/3; rc=$?; exec 3>&-; sleep 0.2; exit $rc' \
		sh "$fd/from-pipe" "$LUMBAR" report -C "$FIX/cli-small.yaml" --history-file "$fd/history.tsv" --today 2026-12-01 --weeks 1
	cmp -s "$fd/from-pipe" "$fd/want.md" || fail "the pipe did not get the report"
	done_test

	# A character device (a private null device, 1 3) is written into, not replaced.
	if mknod "$fd/null" c 1 3 2>/dev/null; then
		run report-output-device 0 frep -o "$fd/null"
		[ -c "$fd/null" ] || fail "the device node was replaced by a file"
		done_test
	else
		name=report-output-device ok=1
		fail "mknod needs root (CI runs as root)"
		done_test
	fi

	# A symlink to a regular file is refused, and both stay as they were.
	printf 'mine\n' >"$fd/target.md"
	ln -s target.md "$fd/link.md"
	run report-output-symlink 74 frep -o "$fd/link.md"
	expect_err_line "lumbar: cannot write $fd/link.md: a symbolic link, which lumbar does not follow"
	[ -L "$fd/link.md" ] && [ "$(cat "$fd/target.md")" = mine ] || fail "the link or its target changed"
	done_test

	# /dev/stdout on a file is standard output, not a link to refuse. Named
	# here by /proc/self/fd/1, the link /dev/stdout points to: nothing can
	# be created under /proc, so a mistake cannot replace a link of /dev.
	run report-output-dev-stdout 0 frep -o /proc/self/fd/1
	cmp -s "$out" "$fd/want.md" || fail "-o /proc/self/fd/1 is not the report on standard output"
	done_test

	# `-o -` is standard output.
	run report-output-dash 0 frep -o -
	cmp -s "$out" "$fd/want.md" || fail "-o - is not the report on standard output"
	[ ! -e ./- ] || fail "a file named - was written"
	done_test

	# A regular file is replaced and keeps its permissions.
	printf 'old\n' >"$fd/r.md"
	chmod 644 "$fd/r.md"
	run report-output-keeps-mode 0 frep -o "$fd/r.md"
	cmp -s "$fd/r.md" "$fd/want.md" || fail "not replaced"
	[ "$(stat -c %a "$fd/r.md")" = 644 ] || fail "mode $(stat -c %a "$fd/r.md"), want 644"
	done_test
fi

# Never over a file lumbar owns: the history, its events, the progress file
# and its lock; by path, by symlink, by the history's folder.
if t report-output-own; then
	od=$tmp/files-own
	mkdir -p "$od" "$XDG_STATE_HOME/lumbar"
	printf '2026-11-30T08:00:00+01:00\talpha\tdone\t40\t2\t3\t1/4\n' >"$od/h.tsv"
	printf '2026-12-01T07:00:00+01:00\tmorning\t-\t3\t-\n' >"$od/events.tsv"
	prog=$(files_progress_path "$od/h.tsv")
	printf 'lumbar-progress 1\n' >"$prog"
	: >"$prog.lock"
	: >"$od/remind.lock"
	ln -s h.tsv "$od/to-history"
	for target in "$od/h.tsv" "$od/to-history" "$od/events.tsv" "$od/../files-own/events.tsv" \
		"$od/remind.lock" "$prog" "$prog.lock"; do
		before=$(cat "$od/h.tsv" "$od/events.tsv" "$prog" "$prog.lock" | md5sum)
		run "report-output-own ${target#"$tmp"/}" 74 "$LUMBAR" report -C "$FIX/cli-small.yaml" \
			--history-file "$od/h.tsv" --today 2026-12-01 -o "$target"
		expect_err_line "lumbar: cannot write $target: one of lumbar's own files, which only lumbar writes"
		[ "$(cat "$od/h.tsv" "$od/events.tsv" "$prog" "$prog.lock" | md5sum)" = "$before" ] ||
			fail "a file of lumbar's changed"
		done_test
	done
	# Not there yet: the events file beside a new history is still lumbar's.
	mkdir -p "$od/new"
	run report-output-own-not-yet 74 "$LUMBAR" report -C "$FIX/cli-small.yaml" \
		--history-file "$od/new/h.tsv" --today 2026-12-01 -o "$od/new/events.tsv"
	[ ! -e "$od/new/events.tsv" ] || fail "events.tsv was written"
	done_test
fi

# A history that is lumbar's events file, a progress file or a lock: exit 64.
if t history-file-own; then
	hd=$tmp/files-hist
	mkdir -p "$hd"
	printf '2026-12-01T07:00:00+01:00\tmorning\t-\t3\t-\n' >"$hd/events.tsv"
	ln "$hd/events.tsv" "$hd/hard.tsv"
	run "history-file-own events report" 64 "$LUMBAR" report -C "$FIX/cli-small.yaml" --history-file "$hd/events.tsv" --today 2026-12-01
	expect_err_line "lumbar: --history-file $hd/events.tsv is lumbar's events file, not a history (try 'lumbar --help')"
	done_test
	for args in "history" "due --count" "status --format=json" "pause --until 2099-01-01"; do
		# shellcheck disable=SC2086
		run "history-file-own events ${args%% *}" 64 "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$hd/events.tsv" $args
		expect_err_line "lumbar: --history-file $hd/events.tsv is lumbar's events file, not a history (try 'lumbar --help')"
		done_test
	done
	run "history-file-own hard link" 64 "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$hd/hard.tsv" history
	expect_err_line "lumbar: --history-file $hd/hard.tsv is lumbar's events file, not a history (try 'lumbar --help')"
	done_test
	prog=$(files_progress_path "$XDG_STATE_HOME/lumbar/history.tsv")
	run "history-file-own progress" 64 "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$prog" history
	expect_err_line "lumbar: --history-file $prog is a progress file, not a history (try 'lumbar --help')"
	done_test
	run "history-file-own lock" 64 "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$prog.lock" due --count
	expect_err_line "lumbar: --history-file $prog.lock is a progress file's lock, not a history (try 'lumbar --help')"
	done_test
	[ "$(cat "$hd/events.tsv")" = "$(printf '2026-12-01T07:00:00+01:00\tmorning\t-\t3\t-')" ] ||
		{ name=history-file-own-untouched ok=1; fail "events.tsv changed"; done_test; }
fi

# CSV and Markdown of names and notes that a spreadsheet or a Markdown
# previewer would run (issue 18, items 7 and 8).
if t report-injection; then
	jd=$tmp/files-inject
	mkdir -p "$jd"
	sed -e 's/^    name: Alpha hold$/    name: "=HYPERLINK(\\"http:\/\/evil\/\\")"/' \
		-e 's/^    name: Beta reps$/    name: "<img src=x onerror=alert(1)>"/' \
		-e 's/^  name: Test routine$/  name: "![](http:\/\/tracker\/t.png)"/' \
		"$FIX/cli-small.yaml" >"$jd/cat.yaml"
	printf '2026-12-01T08:00:00+01:00\talpha\tdone\t40\t2\t3\t1/4\n' >"$jd/h.tsv"
	printf '2026-12-01T21:00:00+01:00\tnote\t-\t-\t%s\n' '<script>alert(1)</script> [x](http://t/)' >"$jd/events.tsv"
	irep() { "$LUMBAR" report -C "$jd/cat.yaml" --history-file "$jd/h.tsv" --today 2026-12-01 --weeks 1 "$@"; }
	run report-injection-csv 0 irep --format csv
	expect_out_match "^alpha,\"'=HYPERLINK\(\"\"http://evil/\"\"\)\",2026-11-30,"
	expect_out_match '^beta,<img src=x onerror=alert\(1\)>,2026-11-30,2026-12-01,2,0,0,0,0,0,0,-,-,-,-,-,-'
	grep -q '^alpha,=' "$out" && fail "a live formula"
	done_test
	run report-injection-md 0 irep
	expect_out_match '^# Exercise report: \\!\\\[\\\]\\\(http://tracker/t\.png\\\)$'
	expect_out_match '^\| &lt;img src=x onerror=alert\\\(1\\\)&gt; \| - \|'
	expect_out_match '\| &lt;script&gt;alert\\\(1\\\)&lt;/script&gt; \\\[x\\\]\\\(http://t/\\\) \|$'
	grep -Eq '<img|<script|!\[\]\(|\]\(http' "$out" && fail "live HTML or Markdown in the report"
	done_test
fi

# Under a locale whose decimal point is a comma (made here with localedef,
# found through LOCPATH), the report's figures keep their point.
if t report-decimal-comma; then
	ld=$tmp/files-locale
	mkdir -p "$ld"
	localedef -i de_DE -f UTF-8 "$ld/de_DE.UTF-8" >/dev/null 2>&1
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
		2026-11-30T08:00:00+01:00 alpha done 40 2 3 1/4 \
		2026-12-01T08:00:00+01:00 alpha done 40 1 2 2/4 >"$ld/h.tsv"
	drep() { env LOCPATH="$ld" LC_ALL=de_DE.UTF-8 "$LUMBAR" report -C "$FIX/cli-small.yaml" --history-file "$ld/h.tsv" --today 2026-12-01 --weeks 1 "$@"; }
	run report-decimal-comma-locale 0 env LOCPATH="$ld" LC_ALL=de_DE.UTF-8 bash -c 'printf "%.1f" 2,5'
	[ "$(cat "$out")" = "2,5" ] || fail "the locale is not in force: $(cat "$out")"
	done_test
	run report-decimal-comma-csv 0 drep --format csv
	expect_out_match '^alpha,Alpha hold,2026-11-30,2026-12-01,2,0,2,3,0,0,2,2\.5,1\.5,2,3,5,step 3 of 5'
	done_test
	run report-decimal-comma-html 0 drep --format html
	grep -Eq '(x|y|cx|cy|width|height)="[0-9]+,[0-9]' "$out" && fail "an SVG number with a comma"
	expect_out_match '<circle cx="[0-9]+\.[0-9]" cy="[0-9]+\.[0-9]"'
	done_test
fi

# Out of memory is exit 71 and one line, everywhere, never 66 "cannot read"
# (issue 17 §5: one policy, xmalloc's). A large events file under a memory
# limit: enough to run out while its lines are read into memory today;
# should reading them come to need less, the run succeeds instead.
if t out-of-memory; then
	md=$tmp/files-oom
	mkdir -p "$md"
	: >"$md/h.tsv"
	yes $'2026-12-01T07:00:00+01:00\tmorning\t-\t3\t-' | head -n 500000 >"$md/events.tsv"
	run out-of-memory-71 0 bash -c 'ulimit -v 250000; "$@"; rc=$?; [ $rc -eq 0 ] || [ $rc -eq 71 ]' \
		sh "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$md/h.tsv" due --count
	if [ -s "$err" ]; then expect_err_line "lumbar: out of memory"; fi
	done_test
	rm -f "$md/events.tsv"
fi

# Three `lumbar remind` started together: one notification, one `remind`
# event (issue 18, item 18). The notifier is a stand-in notify-send on PATH
# that counts and takes its time, so that without the lock each would decide
# before any logs. tz_at_hour comes from tests/cli.sh's remind tests.
if t remind-three-at-once; then
	rd=$tmp/files-remind
	mkdir -p "$rd/bin"
	printf '#!/bin/sh\necho "$*" >>%s/sent\nsleep 0.5\n' "$rd" >"$rd/bin/notify-send"
	chmod +x "$rd/bin/notify-send"
	morning=$(tz_at_hour 9)
	rm -f "$XDG_CONFIG_HOME/lumbar/config.yaml"
	for i in 1 2 3; do
		env PATH="$rd/bin:$PATH" TZ="$morning" "$LUMBAR" -C "$FIX/cli-small.yaml" \
			--history-file "$rd/h.tsv" remind >/dev/null 2>"$rd/err$i" &
	done
	run remind-three-at-once 0 wait
	[ "$(wc -l <"$rd/sent")" = 1 ] || fail "$(wc -l <"$rd/sent") notifications, want 1"
	[ "$(grep -c $'\tremind\t' "$rd/events.tsv")" = 1 ] || fail "want one remind event"
	[ ! -s "$rd/err1" ] && [ ! -s "$rd/err2" ] && [ ! -s "$rd/err3" ] || fail "$(cat "$rd"/err?)"
	done_test
	# A notifier that hangs: test_remind's notify_times_out (10 s here would
	# slow this suite down).
fi

# remind --install writes its units through the same rule as report -o: a
# unit that is a symbolic link to a file is refused, and left as it was.
if t remind-install-link; then
	ud=$tmp/files-units
	mkdir -p "$ud/config/systemd/user"
	printf 'mine\n' >"$ud/kept.timer"
	ln -s "$ud/kept.timer" "$ud/config/systemd/user/lumbar-remind.timer"
	run remind-install-link 74 env XDG_CONFIG_HOME="$ud/config" "$LUMBAR" remind --install
	expect_err_line "lumbar: cannot write $ud/config/systemd/user/lumbar-remind.timer: a symbolic link, which lumbar does not follow"
	[ -L "$ud/config/systemd/user/lumbar-remind.timer" ] && [ "$(cat "$ud/kept.timer")" = mine ] ||
		fail "the link or the file it points to changed"
	done_test
fi
