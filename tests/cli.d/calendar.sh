# shellcheck shell=bash
# Issue 23: `lumbar calendar` read back by a real iCalendar parser (Debian's
# python3-icalendar), and two machines: conflict copies named once, and
# `lumbar merge`. Sourced by tests/cli.sh: run, t, expect_*, $LUMBAR, $FIX,
# $tmp. The clock is faketime's, the zone cli.sh's (Europe/Paris).

cal_dir=$tmp/calendar
mkdir -p "$cal_dir"
# Debian's parser lives in the system's python3 (a pyenv's on PATH does not see it).
cal_py=python3
/usr/bin/python3 -c 'import icalendar' 2>/dev/null && cal_py=/usr/bin/python3

# Runs lumbar with its files in $cal_dir/NAME (history, events, config.yaml).
cal_env() {
	local d=$cal_dir/$1
	shift
	mkdir -p "$d/state/lumbar" "$d/config/lumbar"
	HOME=$d XDG_STATE_HOME=$d/state XDG_CONFIG_HOME=$d/config "$@"
}

# Reads an .ics file with icalendar and prints one line an event:
# UID|RRULE|DTSTART|DURATION or DTEND|SUMMARY|alarm action and trigger.
cal_read() {
	"$cal_py" - "$1" <<'EOF'
import sys, icalendar
raw = open(sys.argv[1], 'rb').read()
for line in raw.split(b'\r\n')[:-1]:
    assert len(line) <= 75, line
    assert b'\n' not in line, line
assert raw.endswith(b'END:VCALENDAR\r\n')
cal = icalendar.Calendar.from_ical(raw)
for e in cal.walk('VEVENT'):
    rrule = e.get('RRULE')
    rr = ';'.join('%s=%s' % (k, ','.join(map(str, v))) for k, v in rrule.items()) if rrule else '-'
    length = e['DURATION'].dt if 'DURATION' in e else e['DTEND'].dt
    alarms = ['%s %s' % (a['ACTION'], a['TRIGGER'].dt) for a in e.walk('VALARM')]
    print('|'.join([str(e['UID']), rr, str(e['DTSTART'].dt), str(length), str(e['SUMMARY']),
                    ' '.join(alarms) or '-']))
    if 'DESCRIPTION' in e:
        print('  ' + str(e['DESCRIPTION']).replace('\n', ' / '))
EOF
}

if t calendar-reminders; then
	printf 'remind_at: ["07:30", "13:00", "18:30"]\n' >"$cal_dir/config.yaml"
	mkdir -p "$cal_dir/r/config/lumbar"
	cp "$cal_dir/config.yaml" "$cal_dir/r/config/lumbar/config.yaml"
	run calendar-reminders 0 cal_env r faketime_at '2026-12-07 09:00:00' "$LUMBAR" calendar \
		-o "$cal_dir/r.ics"
	expect_empty_out
	done_test
	run calendar-reminders-parsed 0 cal_read "$cal_dir/r.ics"
	# One daily event per reminder time, at that time from today, with an alarm at
	# its start; named after the routine of the time of day, else "your exercises".
	expect_out_match '^lumbar-remind-0730@lumbar\|FREQ=DAILY\|2026-12-07 07:30:00\|0:03:04\|lumbar: Morning\|DISPLAY 0:00:00$'
	expect_out_match '^lumbar-remind-1300@lumbar\|FREQ=DAILY\|2026-12-07 13:00:00\|[0-9:]+\|lumbar: your exercises\|DISPLAY 0:00:00$'
	expect_out_match '^lumbar-remind-1830@lumbar\|FREQ=DAILY\|2026-12-07 18:30:00\|0:05:47\|lumbar: Evening\|DISPLAY 0:00:00$'
	expect_out_match '^  Morning: Knee-to-chest stretch, Hip flexor release, Cat-cow\. / Length today: 3:04\. / This reminder knows neither pauses'
	[ "$(grep -c '^lumbar-remind' "$out")" = 3 ] || fail "want 3 events"
	done_test

	# Exported again the next day: the same UIDs, so an import updates, never doubles.
	run calendar-reminders-again 0 cal_env r faketime_at '2026-12-08 09:00:00' "$LUMBAR" \
		calendar
	cp "$out" "$cal_dir/r2.ics"
	grep -a '^UID:' "$cal_dir/r.ics" >"$cal_dir/uids1"
	grep -a '^UID:' "$cal_dir/r2.ics" >"$cal_dir/uids2"
	cmp -s "$cal_dir/uids1" "$cal_dir/uids2" || fail "the UIDs changed from one day to the next"
	s1=$(grep -a -m1 '^SEQUENCE:' "$cal_dir/r.ics" | tr -dc 0-9)
	s2=$(grep -a -m1 '^SEQUENCE:' "$cal_dir/r2.ics" | tr -dc 0-9)
	[ "$s2" -gt "$s1" ] || fail "SEQUENCE $s2 is not above $s1"
	done_test
fi

if t calendar-history; then
	mkdir -p "$cal_dir/h/state/lumbar"
	printf '%s\n' \
		$'2026-12-05T07:15:03+01:00\tknee-to-chest\tdone\t40\t3\t2\t0/19' \
		$'2026-12-05T07:17:03+01:00\tcat-cow\tstopped\t40\t6\t2\t-' \
		$'2026-12-05T19:15:03+01:00\tcat-cow\tdone\t40\t-\t-\t-' \
		>"$cal_dir/h/state/lumbar/history.tsv"
	run calendar-history 0 cal_env h faketime_at '2026-12-07 09:00:00' "$LUMBAR" calendar \
		--history
	cp "$out" "$cal_dir/h.ics"
	done_test
	run calendar-history-parsed 0 cal_read "$cal_dir/h.ics"
	# Two lines two minutes apart are one session; the evening's is another.
	expect_out_match '^lumbar-session-20261205T061503Z@lumbar\|-\|2026-12-05 06:14:23\+00:00\|2026-12-05 06:17:03\+00:00\|lumbar: 1 done, 1 stopped\|-$'
	expect_out_match '^  Knee-to-chest stretch: done, 0:40, pain 3/10 / Cat-cow: stopped, 0:40, pain 6/10$'
	expect_out_match '^lumbar-session-20261205T181503Z@lumbar\|-\|2026-12-05 18:14:23\+00:00\|2026-12-05 18:15:03\+00:00\|lumbar: 1 done\|-$'
	[ "$(grep -c '^lumbar-' "$out")" = 4 ] || fail "want 2 reminders and 2 sessions"
	done_test
	# Without --history, no session.
	run calendar-no-history 0 cal_env h faketime_at '2026-12-07 09:00:00' "$LUMBAR" calendar
	grep -q 'lumbar-session' "$out" && fail "a session without --history"
	done_test
fi

if t calendar-output; then
	# -o into a folder that is not there: the output rule of report -o, exit 74.
	run calendar-output-unwritable 74 cal_env o "$LUMBAR" calendar -o "$cal_dir/none/c.ics"
	expect_err_match "^lumbar: cannot write $cal_dir/none/c.ics: "
	expect_empty_out
	done_test
	run calendar-help-same 0 "$LUMBAR" calendar --help
	cp "$out" "$cal_dir/help1"
	done_test
	run calendar-help-same 0 "$LUMBAR" help calendar
	cmp -s "$out" "$cal_dir/help1" || fail "help calendar and calendar --help differ"
	expect_out_match '^Usage: lumbar calendar \[-o FILE\] \[--history\]$'
	done_test
fi

# ---- Two machines ------------------------------------------------------------------------

# One history line at day D (2026-12-DD) and time T (HH:MM), exercise X.
cal_line() { printf '2026-12-%sT%s:00+01:00\t%s\tdone\t40\t-\t-\t-\n' "$1" "$2" "$3"; }

if t merge-diverge; then
	d=$cal_dir/m/state/lumbar
	mkdir -p "$d"
	{ printf '# timestamp\texercise-id\tstatus\tactive-seconds\tpain\tpain-before\tstep\n'
	  cal_line 01 07:00 cat-cow; cal_line 02 07:00 cat-cow; } >"$cal_dir/common"
	# This machine appended two lines after the common part; the other machine two others,
	# which the syncing tool kept as a conflict copy; a third copy repeats one of them.
	{ cat "$cal_dir/common"; cal_line 03 07:00 mine; cal_line 05 07:00 mine; } >"$d/history.tsv"
	{ cat "$cal_dir/common"; cal_line 04 07:00 theirs; cal_line 03 08:00 theirs; } \
		>"$d/history.sync-conflict-20261207-101010-ABCDEFG.tsv"
	{ cat "$cal_dir/common"; cal_line 04 07:00 theirs; } >"$d/history (1).tsv"
	cp "$d/history.tsv" "$cal_dir/before"

	# Named once on stderr by a plain verb, both copies in one line.
	run merge-notice 0 cal_env m "$LUMBAR" history
	expect_err_line "lumbar: another machine's lines wait in '$d/history (1).tsv', '$d/history.sync-conflict-20261207-101010-ABCDEFG.tsv': lumbar merge adds them"
	[ "$(wc -l <"$err")" = 1 ] || fail "said more than once"
	done_test

	run merge-diverge 0 cal_env m "$LUMBAR" merge \
		"$d/history.sync-conflict-20261207-101010-ABCDEFG.tsv" "$d/history (1).tsv"
	expect_out_text "2 lines added to $d/history.tsv"
	# The old bytes untouched, then the other machine's lines in time order.
	cmp -n "$(wc -c <"$cal_dir/before")" "$d/history.tsv" "$cal_dir/before" ||
		fail "the real file's old bytes changed"
	tail -n 2 "$d/history.tsv" >"$cal_dir/added"
	{ cal_line 03 08:00 theirs; cal_line 04 07:00 theirs; } | cmp -s - "$cal_dir/added" ||
		fail "added lines: $(cat "$cal_dir/added")"
	# Every line once, nothing lost.
	[ -z "$(sort "$d/history.tsv" | uniq -d)" ] || fail "a line is there twice"
	cat "$cal_dir/before" "$d"/history.sync-conflict-*.tsv "$d/history (1).tsv" | sort -u \
		>"$cal_dir/all"
	sort -u "$d/history.tsv" | cmp -s - "$cal_dir/all" || fail "a line is missing"
	done_test

	# Twice: nothing added, the file as it was; the copies stay, no longer named.
	cp "$d/history.tsv" "$cal_dir/after"
	run merge-twice 0 cal_env m "$LUMBAR" merge "$d/history (1).tsv" \
		"$d/history.sync-conflict-20261207-101010-ABCDEFG.tsv"
	expect_out_text "0 lines added to $d/history.tsv: it holds every line of the copies"
	cmp -s "$d/history.tsv" "$cal_dir/after" || fail "a second merge changed the file"
	[ -e "$d/history (1).tsv" ] || fail "a copy was deleted"
	done_test
	run merge-notice-gone 0 cal_env m "$LUMBAR" due --count
	[ ! -s "$err" ] || fail "a merged copy is still named"
	done_test
fi

# The lines a copy adds are found under the lock every append takes: a lumbar that
# holds it and appends a line the copy has too (here flock(1), holding the same
# kind of lock) makes merge wait, and merge then finds the line there.
if t merge-under-lock; then
	d=$cal_dir/l/state/lumbar
	mkdir -p "$d"
	cal_line 01 07:00 cat-cow >"$d/history.tsv"
	{ cal_line 01 07:00 cat-cow; cal_line 02 07:00 other; } >"$d/history (1).tsv"
	cal_line 02 07:00 other >"$cal_dir/l-line"
	flock "$d/history.tsv" sh -c "touch '$cal_dir/l-held'; sleep 1; cat '$cal_dir/l-line' >>'$d/history.tsv'" &
	holder=$!
	while [ ! -e "$cal_dir/l-held" ]; do sleep 0.05; done
	run merge-under-lock 0 cal_env l "$LUMBAR" merge "$d/history (1).tsv"
	wait "$holder"
	expect_out_text "0 lines added to $d/history.tsv: it holds every line of the copies"
	[ "$(grep -c other "$d/history.tsv")" = 1 ] || fail "the line is there $(grep -c other "$d/history.tsv") times"
	done_test
fi

if t merge-events; then
	d=$cal_dir/e/state/lumbar
	mkdir -p "$d"
	printf '2026-12-05T07:02:11+01:00\tmorning\t-\t4\t-\n' >"$d/events.tsv"
	printf '%s\n' $'2026-12-05T07:02:11+01:00\tmorning\t-\t4\t-' \
		$'2026-12-06T07:02:11+01:00\tmorning\t-\t3\t-' \
		$'2026-12-06T07:03:11+01:00\tmorning\t-\t33\t-' >"$d/events (1).tsv"
	# An events copy with a damaged line: named, left out, the rest merged.
	run merge-events 0 cal_env e "$LUMBAR" merge "$d/events (1).tsv"
	expect_out_text "1 line added to $d/events.tsv"
	expect_err_match "^$d/events \\(1\\)\\.tsv:3: "
	[ "$(tail -n 1 "$d/events.tsv")" = $'2026-12-06T07:02:11+01:00\tmorning\t-\t3\t-' ] ||
		fail "events.tsv ends with: $(tail -n 1 "$d/events.tsv")"
	done_test
	# A copy by another name goes where its lines belong: here the history, created.
	cal_line 06 09:00 cat-cow >"$cal_dir/laptop.tsv"
	run merge-by-content 0 cal_env e "$LUMBAR" merge "$cal_dir/laptop.tsv"
	expect_out_text "1 line added to $d/history.tsv"
	done_test
fi

if t merge-refused; then
	d=$cal_dir/x/state/lumbar
	mkdir -p "$d"
	cal_line 01 07:00 cat-cow >"$d/history.tsv"
	cal_line 02 07:00 cat-cow >"$d/history (1).tsv"
	cp "$d/history.tsv" "$cal_dir/x-before"
	# One file missing: nothing at all is written.
	run merge-missing-file 66 cal_env x "$LUMBAR" merge "$d/history (1).tsv" "$cal_dir/nope.tsv"
	expect_err_line "lumbar: cannot read $cal_dir/nope.tsv: No such file or directory"
	expect_empty_out
	cmp -s "$d/history.tsv" "$cal_dir/x-before" || fail "the history changed"
	done_test
	printf 'hello\tworld\n' >"$cal_dir/neither.tsv"
	run merge-neither 65 cal_env x "$LUMBAR" merge "$cal_dir/neither.tsv"
	expect_err_line "lumbar: $cal_dir/neither.tsv holds no history or events lines"
	done_test
	run merge-own-file 64 cal_env x "$LUMBAR" merge "$d/history.tsv"
	expect_err_match "is your own file"
	cmp -s "$d/history.tsv" "$cal_dir/x-before" || fail "the history changed"
	done_test
	run merge-no-file 64 cal_env x "$LUMBAR" merge
	expect_err_line "lumbar: merge needs a copy of history.tsv or events.tsv (try 'lumbar --help')"
	done_test
fi
