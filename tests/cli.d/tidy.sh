# shellcheck shell=bash
# Command-line tests of the "one way to do each thing" tidy-up. Sourced by
# tests/cli.sh before its summary, with its helpers (t, run, expect_*, fail,
# done_test, tz_at_hour, done_line) and $LUMBAR, $FIX, $tmp.

# How many times the trace $1 shows file $2 opened for reading.
tidy_reads() {
	grep -E "open(at)?\(.*\"[^\"]*/$2\"" "$1" | grep -cv 'O_WRONLY\|O_RDWR'
}

# `lumbar remind` reads its record once, under its lock (issue 18.18): one
# read of history.tsv and one of events.tsv, and the reminder still goes out
# and is logged (the append is a write, not a read).
if t tidy-remind-reads-once; then
	if ! command -v strace >/dev/null 2>&1; then
		name=tidy-remind-reads-once ok=1
		fail "strace is needed (scripts/install-deps installs it)"
		done_test
	else
		r=$tmp/tidy-remind
		mkdir -p "$r" "$XDG_CONFIG_HOME/lumbar"
		morning=$(tz_at_hour 9)
		printf '#!/bin/sh\nprintf "%%s\\n" "$LUMBAR_TITLE" >>"%s/sent"\n' "$r" >"$r/notify.sh"
		chmod +x "$r/notify.sh"
		printf 'notify: %s/notify.sh\n' "$r" >"$XDG_CONFIG_HOME/lumbar/config.yaml"
		done_line "$morning" alpha >"$r/history.tsv"
		printf '2026-11-19T07:00:00+01:00\tpause\t-\t2026-11-19\t-\n' >"$r/events.tsv"
		run tidy-remind-reads-once 0 env TZ="$morning" strace -f -qq -e trace=open,openat \
			-o "$r/trace" "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/history.tsv" remind
		for f in history.tsv events.tsv; do
			n=$(tidy_reads "$r/trace" "$f")
			[ "$n" -eq 1 ] || fail "remind reads $f $n times, not once"
		done
		[ "$(cat "$r/sent" 2>/dev/null)" = "lumbar: 2 exercises due" ] ||
			fail "notification: '$(cat "$r/sent" 2>/dev/null)'"
		[ "$(grep -c $'\tremind\t' "$r/events.tsv")" = 1 ] || fail "want one remind event"
		done_test
		rm -rf "$XDG_CONFIG_HOME/lumbar"
	fi
fi

# The history's pain counts sessions, as the report does (field 8): a
# routine of three exercises with its pain after on each line is one
# session, and a line without an id is a session of its own. Sessions 6, 2,
# 3 and 3 average 3.5 (the lines would average 4.3).
if t tidy-history-pain-by-session; then
	r=$tmp/tidy-pain
	mkdir -p "$r"
	printf '%s\n' \
		$'2026-11-24T07:00:00+01:00\thold-one\tdone\t60\t6\t-\t-\tr1' \
		$'2026-11-24T07:05:00+01:00\treps-two\tdone\t60\t6\t-\t-\tr1' \
		$'2026-11-24T07:10:00+01:00\ttimed-3\tdone\t60\t6\t-\t-\tr1' \
		$'2026-11-24T18:00:00+01:00\thold-one\tdone\t60\t2' \
		$'2026-11-25T07:00:00+01:00\thold-one\tdone\t60\t3\t-\t-' \
		$'2026-11-25T18:00:00+01:00\thold-one\tdone\t60\t3' >"$r/history.tsv"
	run tidy-history-pain-by-session 0 faketime_at '2026-11-26 12:00:00' env TZ=Europe/Paris \
		"$LUMBAR" -C "$FIX/good.yaml" --history-file "$r/history.tsv" history
	expect_out_match '^Pain: 3\.5 on average so far '
	done_test
	# The day's figure too: the routine's day is a session of 6 and one of 2.
	run tidy-history-pain-by-session-tsv 0 faketime_at '2026-11-26 12:00:00' env TZ=Europe/Paris \
		"$LUMBAR" -C "$FIX/good.yaml" --history-file "$r/history.tsv" history --format=tsv
	expect_out_match $'^2026-11-24\t4\t0\t240\t[0-9]+\t[0-9]+\t4.0\t0\t-$'
	expect_out_match $'^2026-11-25\t2\t0\t120\t[0-9]+\t[0-9]+\t3.0\t0\t-$'
	done_test
fi
