# shellcheck shell=bash
# Command-line tests of words and widths (issue 19 §3): sourced by
# tests/cli.sh before its summary, with its helpers (t, run, expect_*, fail,
# done_test) and $LUMBAR, $FIX, $tmp. Every run is at a fixed instant
# (faketime) in a fixed zone, so no test depends on when it runs.

# words_at RUN-NAME STATUS CMD...: run CMD at Tuesday 2026-11-24 09:00 in Paris.
words_at() {
	local n=$1 s=$2
	shift 2
	run "$n" "$s" faketime_at '2026-11-24 09:00:00' env TZ=Europe/Paris "$@"
}

# `lumbar status` alone prints a short text form; the JSON gains done_today.
if t words-status; then
	r=$tmp/words-status
	mkdir -p "$r"
	printf '%s\n' $'2026-11-24T08:00:00+01:00\talpha\tdone\t30\t-\t-\t-' >"$r/history.tsv"
	words_at words-status-text 0 "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$r/history.tsv" status
	expect_out_text "Due: 2 exercises, 4 min: Alpha hold, Beta reps
Done today: 1, streak: 1 day"
	done_test
	words_at words-status-json-done-today 0 "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$r/history.tsv" status --format=json
	expect_out_match '"today":1,"done_today":1,'
	done_test
	printf '%s\n' $'2026-11-23T20:00:00+01:00\tpause\t-\t2026-11-26\ttravel' >"$r/events.tsv"
	words_at words-status-text-paused 0 "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$r/history.tsv" status
	expect_out_text "Paused until 2026-11-26: nothing is due
Done today: 1, streak: 1 day"
	done_test
	words_at words-status-bad-format 64 "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$r/history.tsv" status --format=line
	expect_err_line "lumbar: status takes nothing or --format=json (try 'lumbar --help')"
	done_test
fi

# remind names exercises by name, names the package when notify-send is
# missing, and --verbose says what was sent or why nothing was.
if t words-remind; then
	r=$tmp/words-remind
	mkdir -p "$r/conf/lumbar" "$r/none/conf" "$r/bin"
	: >"$r/history.tsv"
	# A stand-in for notify-send: one line per notification.
	printf 'notify: printf "%%s|%%s\\n" "$LUMBAR_TITLE" "$LUMBAR_BODY" >>%s/sent\n' "$r" \
		>"$r/conf/lumbar/config.yaml"
	words_at words-remind-names 0 env XDG_CONFIG_HOME="$r/conf" "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$r/history.tsv" remind
	expect_empty_out
	[ "$(cat "$r/sent" 2>/dev/null)" = "lumbar: 2 exercises due|2 due: Alpha hold, Beta reps (3:10)" ] ||
		fail "notification: '$(cat "$r/sent" 2>/dev/null)'"
	done_test
	# Ten minutes later: faketime starts each process's clock afresh, and the
	# first reminder may have been logged a second or two after 09:00.
	run words-remind-verbose-already 1 faketime_at '2026-11-24 09:10:00' env TZ=Europe/Paris \
		XDG_CONFIG_HOME="$r/conf" "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$r/history.tsv" remind --verbose
	expect_out_text "Nothing sent: a reminder was sent in this part of the day (05-12) already"
	done_test
	run words-remind-verbose-outside 1 faketime_at '2026-11-24 03:00:00' env TZ=Europe/Paris \
		XDG_CONFIG_HOME="$r/conf" "$LUMBAR" -C "$FIX/cli-small.yaml" \
		--history-file "$r/history.tsv" remind --verbose
	expect_out_text "Nothing sent: 03:xx is in no part of the day (remind_parts)"
	done_test
	mkdir -p "$r/done"
	printf '%s\n' $'2026-11-24T08:00:00+01:00\talpha\tdone\t30\t-\t-\t-' \
		$'2026-11-24T08:01:00+01:00\talpha\tdone\t30\t-\t-\t-' \
		$'2026-11-23T08:00:00+01:00\tbeta\tdone\t30\t-\t-\t-' \
		$'2026-11-24T08:02:00+01:00\tbeta\tdone\t30\t-\t-\t-' >"$r/done/history.tsv"
	words_at words-remind-verbose-nothing-due 1 env XDG_CONFIG_HOME="$r/conf" "$LUMBAR" \
		-C "$FIX/cli-small.yaml" --history-file "$r/done/history.tsv" remind --verbose
	expect_out_text "Nothing sent: nothing is due"
	done_test
	mkdir -p "$r/paused"
	: >"$r/paused/history.tsv"
	printf '%s\n' $'2026-11-23T20:00:00+01:00\tpause\t-\t2026-11-26\ttravel' >"$r/paused/events.tsv"
	words_at words-remind-verbose-paused 1 env XDG_CONFIG_HOME="$r/conf" "$LUMBAR" \
		-C "$FIX/cli-small.yaml" --history-file "$r/paused/history.tsv" remind --verbose
	expect_out_text "Nothing sent: lumbar is paused"
	done_test
	mkdir -p "$r/v"
	: >"$r/v/history.tsv"
	words_at words-remind-verbose-sent 0 env XDG_CONFIG_HOME="$r/conf" "$LUMBAR" \
		-C "$FIX/cli-small.yaml" --history-file "$r/v/history.tsv" remind --verbose
	expect_out_text "Sent: lumbar: 2 exercises due: 2 due: Alpha hold, Beta reps (3:10)"
	done_test
	# No config: the default notifier, notify-send, on a PATH that lacks it.
	mkdir -p "$r/missing"
	: >"$r/missing/history.tsv"
	words_at words-remind-no-notify-send 3 env XDG_CONFIG_HOME="$r/none/conf" PATH="$r/bin" \
		"$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/missing/history.tsv" remind
	expect_err_match "^lumbar: remind: notify-send is not installed: install the package libnotify-bin, or set notify in config.yaml$"
	! grep -q $'\tremind\t' "$r/missing/events.tsv" 2>/dev/null || fail "a reminder not sent was logged"
	done_test
	words_at words-remind-verbose-alone 64 "$LUMBAR" remind --verbose --print-cron
	expect_err_line "lumbar: remind takes --verbose, --install [--dry-run] or --print-cron (try 'lumbar --help')"
	done_test
fi
