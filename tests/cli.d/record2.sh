# shellcheck shell=bash
# Command-line tests of the one record (issue 17 §2): each command opens
# history.tsv and events.tsv at most once. Sourced by tests/cli.sh before its
# summary, with its helpers (t, run, expect_*, fail, done_test) and $LUMBAR,
# $FIX, $tmp. strace counts the opens (scripts/install-deps installs it).

# How many times the trace $1 shows file $2 opened (successfully or not).
record2_opens() {
	grep -cE "open(at)?\(.*\"[^\"]*/$2\"" "$1"
}

if t record2-opens; then
	if ! command -v strace >/dev/null 2>&1; then
		name=record2-opens ok=1
		fail "strace is needed (scripts/install-deps installs it)"
		done_test
	else
		mkdir -p "$tmp/r2open"
		# A week of sessions, a step set, a pause over, a note and a reminder:
		# every kind of fact the verbs read.
		for d in 20 21 22 23 24; do
			printf '2026-11-%sT07:00:00+01:00\talpha\tdone\t30\t3\t4\t0/2\n' "$d"
			printf '2026-11-%sT07:10:00+01:00\tbeta\tdone\t160\t3\t3\t0/2\n' "$d"
		done >"$tmp/r2open/history.tsv"
		printf '%s\n' $'2026-11-18T07:00:00+01:00\tset\talpha\t1\t-' \
			$'2026-11-19T07:00:00+01:00\tpause\t-\t2026-11-19\t-' \
			$'2026-11-20T06:00:00+01:00\tmorning\t-\t4\t-' \
			$'2026-11-20T08:00:00+01:00\tnote\t-\t-\tstiff' \
			$'2026-11-21T18:00:00+01:00\tremind\t-\t-\t-' >"$tmp/r2open/events.tsv"
		# One row a verb: "name|arguments".
		while IFS='|' read -r verb args; do
			tr=$tmp/r2open/trace.$verb
			# shellcheck disable=SC2086 # the words of args are meant to split
			run "record2-opens-$verb" 0 strace -f -qq -e trace=open,openat -o "$tr" \
				"$LUMBAR" -C "$FIX/cli-small.yaml" $args \
				--history-file "$tmp/r2open/history.tsv"
			for f in history.tsv events.tsv; do
				n=$(record2_opens "$tr" "$f")
				[ "$n" -le 1 ] || fail "$args opens $f $n times, not at most once"
			done
			# The verb read the history at all (an open that was made).
			[ "$(record2_opens "$tr" history.tsv)" -eq 1 ] ||
				fail "$args never opens history.tsv"
			done_test
		done <<-'ROWS'
			due-quiet|due --quiet
			due-count|due --count
			status|status --format=json
			progress|progress
			report|report --today 2026-11-25
			history|history
		ROWS
	fi
fi
