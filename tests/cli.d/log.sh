# shellcheck shell=bash
# Issue 22 §4: `lumbar log`, sessions done without the timer. Sourced by
# tests/cli.sh: run, t, expect_*, $LUMBAR, $FIX, $tmp. The clock is
# faketime's (Monday 2026-12-07, 09:00), the zone cli.sh's (Europe/Paris).

log_dir=$tmp/log
mkdir -p "$log_dir"
LOG_SMALL=$FIX/cli-small.yaml
LOG_SHIPPED=$PWD/data/exercises.yaml
LOG_NOW='2026-12-07 09:00:00'
# What reads the lines runs ten minutes later: faketime restarts each
# process's clock, so a line written at 09:00:01 is in the future at 09:00:00.
LOG_READ='2026-12-07 09:10:00'

# log_cmd TEST STATUS NAME ARGS...: a command at $LOG_READ (or $log_time) on
# the small catalogue and the history of the folder NAME (one a test group).
log_cmd() {
	local test=$1 want=$2 d=$log_dir/$3
	shift 3
	mkdir -p "$d"
	run "$test" "$want" faketime_at "${log_time:-$LOG_READ}" "$LUMBAR" -C "$LOG_SMALL" \
		--history-file "$d/history.tsv" "$@"
}

# log_at NAME STATUS ARGS...: `lumbar log ARGS` at $LOG_NOW as test $name_prefix.
log_at() {
	local d=$1 want=$2
	shift 2
	log_time=$LOG_NOW log_cmd "$name_prefix" "$want" "$d" log "$@"
}

# The history's lines, comments left out.
log_lines() { grep -v '^#' "$log_dir/$1/history.tsv"; }

if t log-past; then
	name_prefix=log-past
	log_at past 0 alpha --date 2026-12-05 --pain 3 --pain-before 2
	# A past day's line is at its local noon: never in the future, on that day.
	[ "$(log_lines past)" = "$(printf '2026-12-05T12:00:00+01:00\talpha\tdone\t20\t3\t2\t0/2\t%s\tlog' \
		"$(log_lines past | cut -f8)")" ] || fail "line: $(log_lines past)"
	log_lines past | cut -f8 | grep -Eq '^[0-9a-f]{16}$' || fail "no session id: $(log_lines past)"
	expect_out_match "^Logged for 2026-12-05: done, recorded in $log_dir/past/history.tsv$"
	expect_out_match '^  Alpha hold: 20 s of work at step 1 of 3$'
	expect_out_match '^Pain: 2/10 before, 3/10 after$'
	expect_out_match '^It counts for your week, not toward the next step: lumbar did not time it\.$'
	grep -q 'When to get help' "$out" && fail "the safety line after a pain of 3"
	done_test
	name_prefix=log-yesterday
	log_at past 0 beta --date yesterday --status partial
	log_lines past | tail -n 1 | grep -Eq $'^2026-12-06T12:00:00\\+01:00\tbeta\tpartial\t140\t-\t-\t0/2\t[0-9a-f]{16}\tlog$' ||
		fail "line: $(log_lines past | tail -n 1)"
	expect_out_match '^Logged for 2026-12-06 \(yesterday\): partial, recorded in '
	grep -q '^Pain' "$out" && fail "a pain line without a score"
	# Two runs are two sessions.
	[ "$(log_lines past | cut -f8 | sort -u | wc -l)" -eq 2 ] || fail "one session id for two runs"
	done_test
fi

if t log-today; then
	name_prefix=log-today
	log_at today 0 alpha
	log_lines today | grep -Eq $'^2026-12-07T09:00:[0-9]{2}\\+01:00\talpha\tdone\t20\t-\t-\t0/2\t[0-9a-f]{16}\tlog$' ||
		fail "line: $(log_lines today)"
	expect_out_match '^Logged for 2026-12-07 \(today\): done, recorded in '
	done_test
	name_prefix=log-today-pain-8
	log_at today 0 alpha --pain 8
	expect_out_match '^A pain of 8 or more: when to get help, now and first the next time lumbar starts\.$'
	expect_out_match '^See someone now if you have:$'
	done_test
	name_prefix=log-today-by-date
	log_at today 0 alpha --date 2026-12-07
	log_lines today | tail -n 1 | grep -Eq $'^2026-12-07T09:00:[0-9]{2}\\+01:00\talpha\tdone\t' ||
		fail "line: $(log_lines today | tail -n 1)"
	done_test
fi

# Never the future: a usage error, and nothing written (not even the folder's file).
if t log-future; then
	for d in 2026-12-08 2027-01-01 tomorrow 2026-13-01 12/05/2026; do
		name_prefix=log-future-$d
		log_at future 64 alpha --date "$d"
		expect_empty_out
		[ ! -e "$log_dir/future/history.tsv" ] || fail "--date $d wrote the history"
		done_test
	done
	name_prefix=log-future-words
	log_at future 64 alpha --date 2026-12-08
	expect_err_line "lumbar: log: 2026-12-08 is in the future; log a session on the day it was done, today or before (try 'lumbar --help')"
	done_test
	name_prefix=log-bad-date-words
	log_at future 64 alpha --date 2026-13-01
	expect_err_line "lumbar: log: --date wants YYYY-MM-DD, today or yesterday, not '2026-13-01' (try 'lumbar --help')"
	done_test
fi

# A routine: one line an exercise, in its order, one session id, as the player writes them.
if t log-routine; then
	name_prefix=log-routine-all
	log_at routine 0 all --pain 4
	[ "$(log_lines routine | cut -f2-7 | tr '\t\n' ' |')" = "alpha done 20 4 - 0/2|beta done 140 4 - 0/2|" ] ||
		fail "lines: $(log_lines routine | cut -f2-7 | tr '\t\n' ' |')"
	[ "$(log_lines routine | cut -f8 | sort -u | wc -l)" -eq 1 ] || fail "more than one session id"
	[ "$(log_lines routine | cut -f9 | sort -u)" = log ] || fail "a source other than log"
	expect_out_match '^  Alpha hold: 20 s of work at step 1 of 3$'
	expect_out_match '^  Beta reps: 2 min 20 s of work at step 1 of 3$'
	done_test
	name_prefix=log-routine-morning
	mkdir -p "$log_dir/morning"
	run log-routine-morning 0 faketime_at "$LOG_NOW" "$LUMBAR" -C "$LOG_SHIPPED" \
		--history-file "$log_dir/morning/history.tsv" log morning
	want=$("$LUMBAR" -C "$LOG_SHIPPED" show morning | awk '/^  [0-9]+\. / {print $NF}' | tr '\n' ' ')
	[ -n "$want" ] || fail "show morning lists no exercise"
	[ "$(log_lines morning | cut -f2 | tr '\n' ' ')" = "$want" ] ||
		fail "not one line per exercise of morning, in order: $(log_lines morning | cut -f2 | tr '\n' ' ')"
	[ "$(log_lines morning | cut -f8 | sort -u | wc -l)" -eq 1 ] || fail "more than one session id"
	done_test
fi

# The dose of that day: the step in force then, not today's.
if t log-step-of-the-day; then
	mkdir -p "$log_dir/step"
	printf '# timestamp\tkind\texercise\tvalue\tnote\n2026-12-03T09:00:00+01:00\tset\talpha\t1/2\t-\n' \
		>"$log_dir/step/events.tsv"
	name_prefix=log-step-before-the-set
	log_at step 0 alpha --date 2026-12-01
	log_lines step | tail -n 1 | grep -Eq $'\talpha\tdone\t20\t-\t-\t0/2\t' ||
		fail "line: $(log_lines step | tail -n 1)"
	done_test
	name_prefix=log-step-after-the-set
	log_at step 0 alpha --date 2026-12-05
	# Step 1 of K = 2: hold 6 s x 2 reps, alternating sides.
	log_lines step | tail -n 1 | grep -Eq $'\talpha\tdone\t24\t-\t-\t1/2\t' ||
		fail "line: $(log_lines step | tail -n 1)"
	expect_out_match '^  Alpha hold: 24 s of work at step 2 of 3$'
	done_test
fi

# Bad scores and statuses: a usage error, nothing written.
if t log-bad; then
	for args in "--pain 11" "--pain -1" "--pain -" "--pain 3.5" "--pain-before x" \
		"--pain-before 05" "--status stopped" "--status Done"; do
		name_prefix="log-bad-${args// /-}"
		# shellcheck disable=SC2086
		log_at bad 64 alpha $args
		expect_empty_out
		[ ! -e "$log_dir/bad/history.tsv" ] || fail "'$args' wrote the history"
		done_test
	done
	name_prefix=log-bad-pain-words
	log_at bad 64 alpha --pain 11
	expect_err_line "lumbar: log: --pain wants back pain from 0 to 10, not '11' (try 'lumbar --help')"
	done_test
	name_prefix=log-bad-status-words
	log_at bad 64 alpha --status stopped
	expect_err_line "lumbar: log: --status wants done or partial, not 'stopped' (try 'lumbar --help')"
	done_test
	name_prefix=log-bad-id
	log_at bad 64 nope
	expect_err_line "lumbar: no exercise 'nope' (see 'lumbar --list')"
	[ ! -e "$log_dir/bad/history.tsv" ] || fail "an unknown id wrote the history"
	done_test
	name_prefix=log-bad-today
	log_at bad 64 alpha --today 2026-12-01
	expect_err_match "^lumbar: --today is for commands that only read, and log writes"
	[ ! -e "$log_dir/bad/history.tsv" ] || fail "--today wrote the history"
	done_test
	name_prefix=log-bad-unwritable
	mkdir -p "$log_dir/bad/folder.tsv"
	run log-bad-unwritable 74 faketime_at "$LOG_NOW" "$LUMBAR" -C "$LOG_SMALL" \
		--history-file "$log_dir/bad/folder.tsv" log alpha
	expect_err_match "^lumbar: cannot open $log_dir/bad/folder.tsv: Is a directory"
	expect_empty_out
	done_test
fi

# Logged sessions never count toward a step up: a week of acceptable logged
# days leaves the step where it was, when the same days timed offer one.
if t log-no-step-up; then
	for d in 2026-11-30 2026-12-01 2026-12-02 2026-12-03 2026-12-04 2026-12-05 2026-12-06; do
		name_prefix=log-no-step-up-$d
		log_at steps 0 alpha --date "$d" --pain 1 --pain-before 1
		done_test
	done
	log_cmd log-no-step-up 0 steps progress alpha
	expect_out_match '^alpha +step 1 of 3: '
	expect_out_match '^ +ready after 3 more acceptable sessions$'
	done_test
	# `why` lists them, saying they do not count toward a step.
	log_cmd log-no-step-up-why 0 steps why alpha
	[ "$(grep -c '^  2026-1[12]-[0-9][0-9]  done     pain 1 before, 1 after  logged: not toward a step$' "$out")" -eq 7 ] ||
		fail "why does not say the 7 logged sessions do not count"
	grep -q 'acceptable$' "$out" && fail "a logged session called acceptable"
	done_test
	# The same lines timed: the step up is offered (the rule is the source's).
	mkdir -p "$log_dir/timed"
	sed $'s/\tlog$/\ttimer/' "$log_dir/steps/history.tsv" >"$log_dir/timed/history.tsv"
	log_cmd log-no-step-up-timed 0 timed progress alpha
	expect_out_match '^ +ready to step up: 7 acceptable sessions$'
	done_test
	# They count for the week: 7 days in a row are a streak of 7.
	log_cmd log-streak 0 steps history --format=tsv
	[ "$(grep -c $'^2026-1[12]-[0-9][0-9]\t1\t' "$out")" -eq 7 ] ||
		fail "not 7 days with one done entry"
	done_test
fi

# A logged pain of 8 or more is red: the step goes back one, as a timed one's would.
if t log-red; then
	mkdir -p "$log_dir/red"
	printf '# timestamp\tkind\texercise\tvalue\tnote\n2026-11-20T09:00:00+01:00\tset\talpha\t2/2\t-\n' \
		>"$log_dir/red/events.tsv"
	name_prefix=log-red
	log_at red 0 alpha --date 2026-12-05 --pain 8 --pain-before 3
	# When to get help, at once: a past day's line may come after the screen was last shown.
	expect_out_match '^A pain of 8 or more: when to get help\.$'
	expect_out_match '^See someone now if you have:$'
	expect_out_match '^ - weakness or numbness in both legs$'
	expect_out_match '^See a doctor soon if you have:$'
	log_lines red | grep -Eq $'\talpha\tdone\t42\t8\t3\t2/2\t' || fail "line: $(log_lines red)"
	done_test
	log_cmd log-red-steps-back 0 red progress alpha
	expect_out_match '^alpha +step 2 of 3: '
	expect_out_match '^ +stepped back on 2026-12-05: pain 8 after$'
	done_test
fi

# What is due: a logged exercise is done for the day.
if t log-due; then
	log_cmd log-due-before 0 due due --format=line
	expect_out_match '^2 due: alpha, beta '
	done_test
	name_prefix=log-due-log
	log_at due 0 alpha
	done_test
	log_at due 0 alpha
	done_test
	log_cmd log-due-after 0 due due --format=line
	expect_out_match '^1 due: beta '
	grep -q alpha "$out" && fail "alpha is still due after logging it twice"
	done_test
	# A partial one is not done.
	name_prefix=log-due-partial
	log_at duep 0 alpha --status partial
	log_at duep 0 alpha --status partial
	log_cmd log-due-partial 0 duep due --format=line
	expect_out_match '^2 due: alpha, beta '
	done_test
fi

# Older readers' lines: a history written before field 9 reads as timed.
if t log-old-lines; then
	mkdir -p "$log_dir/old"
	printf '2026-12-07T08:00:00+01:00\talpha\tdone\t20\t-\t-\t0/2\n' >"$log_dir/old/history.tsv"
	name_prefix=log-old-lines
	log_at old 0 alpha
	[ "$(head -n 1 "$log_dir/old/history.tsv")" = $'2026-12-07T08:00:00+01:00\talpha\tdone\t20\t-\t-\t0/2' ] ||
		fail "the old line changed"
	[ "$(wc -l <"$log_dir/old/history.tsv")" -eq 2 ] || fail "not one line appended"
	done_test
	log_cmd log-old-lines-due 0 old due --format=line
	expect_out_match '^1 due: beta '
	done_test
fi

# The report keeps timed and logged apart: `l` in the adherence cells, the
# logged sessions among the pain scores, a `logged` column in the CSV.
if t log-report; then
	mkdir -p "$log_dir/report"
	printf '2026-12-01T08:00:00+01:00\talpha\tdone\t20\t2\t3\t0/2\t-\ttimer\n' \
		>"$log_dir/report/history.tsv"
	name_prefix=log-report-log
	log_at report 0 alpha --date 2026-12-02 --pain 4 --pain-before 3
	log_at report 0 all --date 2026-12-03 --pain 5
	log_at report 0 alpha --date 2026-12-03 --status partial
	done_test
	log_cmd log-report-md 0 report report --weeks 1 --today 2026-12-06
	expect_out_match '^Each week: done/expected; p partial, s stopped; l how many were logged without the timer \(lumbar log\)\. '
	expect_out_match '^\| Alpha hold \| [^|]* \| 3/[0-9]+ p1 l3 \|$'
	expect_out_match '^\| Beta reps \| [^|]* \| 1/[0-9]+ l1 \|$'
	# 3 sessions with a score: the timed one, and two logged (a routine is one session).
	expect_out_match '^\| 2026-11-30 \| 3 \(2 logged\) \| 3\.0 \| 3\.7 \|'
	done_test
	log_cmd log-report-csv 0 report report --weeks 1 --today 2026-12-06 --format csv
	expect_out_match $'^exercise,.*,dose,logged\r$'
	expect_out_match $'^alpha,Alpha hold,2026-11-30,2026-12-06,7,0,3,[0-9]+,1,0,.*,3\r$'
	expect_out_match $'^beta,Beta reps,2026-11-30,2026-12-06,7,0,1,[0-9]+,0,0,.*,1\r$'
	done_test
	log_cmd log-report-html 0 report report --weeks 1 --today 2026-12-06 --format html
	expect_out_match '<td class="n">3/[0-9]+ p1 l3</td>'
	expect_out_match 'l how many were logged without the timer'
	done_test
	# Without a logged line, the legend says nothing of it.
	log_cmd log-report-none 0 past report --weeks 1 --today 2026-11-30
	grep -q 'logged' "$out" && fail "the legend names logged lines when there are none"
	done_test
fi

# The bash completion knows log's options and their values: each case is the
# words on the line (the last one being completed) and what <Tab> offers.
if t log-completion; then
	name=log-completion
	ok=1
	out=$tmp/out err=$tmp/err
	: >"$out"
	: >"$err"
	while IFS='|' read -r words want; do
		read -ra COMP_WORDS <<<"$words"
		[ "${words: -1}" = " " ] && COMP_WORDS+=("")
		got=$(
			PATH=$(dirname "$LUMBAR"):$PATH
			# shellcheck disable=SC1091
			. completions/lumbar.bash
			COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
			_lumbar
			printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
		)
		[ "$got" = "$want" ] || fail "'$words<Tab>' gives '$got', want '$want'"
	done <<'CASES'
lumbar lo|log 
lumbar log mor|morning 
lumbar log morning --st|--status 
lumbar log morning --status |done partial 
lumbar log morning --date |today yesterday 
lumbar log morning --pain 1|1 10 
CASES
	done_test
fi
