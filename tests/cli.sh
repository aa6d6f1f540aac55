#!/usr/bin/env bash
# Command-line tests: run the real binary and compare what it prints and how
# it exits with what users and their scripts rely on.
#
# Usage: tests/cli.sh [FILTER]   (runs only tests whose name contains FILTER)
# Ends with "cli: N passed, N failed".
set -u
cd "$(dirname "$0")/.."
LUMBAR=${LUMBAR_BIN:-$PWD/lumbar}
FIX=$PWD/tests/fixtures
filter=${1:-}

export LC_ALL=C.UTF-8 TZ=Europe/Paris
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_STATE_HOME=$tmp/home/.local/state
mkdir -p "$HOME"
unset LUMBAR_CATALOGUE NO_COLOR

passed=0
failed=0
name=""

# run NAME EXPECTED_STATUS CMD...: runs CMD with stdout/stderr captured in
# $out and $err; records a failure if the status differs.
run() {
	name=$1
	want=$2
	shift 2
	out=$tmp/out err=$tmp/err
	"$@" >"$out" 2>"$err" </dev/null
	status=$?
	ok=1
	if [ "$status" -ne "$want" ]; then
		fail "exit status $status, want $want"
	fi
}

fail() {
	if [ "$ok" -eq 1 ]; then
		echo "FAIL $name"
	fi
	ok=0
	echo "  $*"
	echo "  --- stdout:"
	head -n 20 "$out" | sed 's/^/  | /'
	echo "  --- stderr:"
	head -n 5 "$err" | sed 's/^/  | /'
}

# expect_out FILE: stdout equals FILE's content exactly.
expect_out_text() {
	if ! diff -u <(printf '%s\n' "$1") "$out" >"$tmp/diff"; then
		fail "stdout differs:"
		sed 's/^/    /' "$tmp/diff" | head -n 40
	fi
}

expect_err_line() {
	# The first line of stderr equals $1.
	first=$(head -n 1 "$err")
	[ "$first" = "$1" ] || fail "stderr first line: '$first', want '$1'"
}

expect_err_match() {
	grep -Eq -- "$1" "$err" || fail "stderr does not match /$1/"
}

expect_out_match() {
	grep -Eq -- "$1" "$out" || fail "stdout does not match /$1/"
}

expect_empty_out() {
	[ ! -s "$out" ] || fail "stdout is not empty"
}

done_test() {
	if [ "$ok" -eq 1 ]; then
		passed=$((passed + 1))
		echo "ok   $name"
	else
		failed=$((failed + 1))
	fi
}

# faketime_at TIME CMD...: CMD at an absolute time, also when tests/calendar.sh
# already runs the suite under faketime (a faketime inside another adds the
# two offsets, so the outer one is taken off first). tests/faketime.sh says
# how.
. tests/faketime.sh
faketime_at() {
	local when
	when=$(env -u LD_PRELOAD -u FAKETIME date -d "$1" '+%Y-%m-%d %H:%M:%S') || return 1
	shift
	faketime_run "@$when" "$@"
}

t() {
	# t NAME: true when the test should run under the filter.
	[ -z "$filter" ] || [[ "$1" == *"$filter"* ]]
}

# ---- --plan -------------------------------------------------------------------

if t plan-tsv-all; then
	run plan-tsv-all 0 "$LUMBAR" --catalogue "$FIX/cli-small.yaml" --plan --format=tsv
	expect_out_text "$(printf '%s\n' \
		$'#offset\tseconds\tkind\texercise\tset\tside\trep' \
		$'0\t4\tprepare\talpha\t-\t-\t-' \
		$'4\t5\twork\talpha\t1\tleft\t1/2' \
		$'9\t2\tswitch\talpha\t1\tright\t-' \
		$'11\t5\twork\talpha\t1\tright\t1/2' \
		$'16\t2\tswitch\talpha\t1\tleft\t-' \
		$'18\t5\twork\talpha\t1\tleft\t2/2' \
		$'23\t2\tswitch\talpha\t1\tright\t-' \
		$'25\t5\twork\talpha\t1\tright\t2/2' \
		$'30\t20\twork\tbeta\t1\t-\t10' \
		$'50\t15\trest\tbeta\t1\t-\t-' \
		$'65\t60\twork\tbeta\t2\tleft\t-' \
		$'125\t5\tswitch\tbeta\t2\tright\t-' \
		$'130\t60\twork\tbeta\t2\tright\t-' \
		$'#total\t190')"
	done_test
fi

if t plan-levels; then
	# Totals by hand: easy 30+160, medium 50+190, hard 56+220 seconds.
	for lv in easy:3:10 medium:4:00 hard:4:36; do
		level=${lv%%:*}
		total=${lv#*:}
		run "plan-levels-$level" 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --level "$level" --plan
		last=$(tail -n 1 "$out")
		case $last in
		"Total $total "*) ;;
		*) fail "last line '$last', want it to start 'Total $total'" ;;
		esac
		done_test
	done
fi

if t plan-one; then
	run plan-one 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --plan beta --format=tsv
	expect_out_match $'^#total\t160$'
	[ "$(grep -c $'\tbeta\t' "$out")" -eq 5 ] || fail "want 5 phases of beta"
	grep -q alpha "$out" && fail "plan of beta mentions alpha"
	done_test
	run plan-one-equals 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --plan=beta --format=tsv
	expect_out_match $'^#total\t160$'
	done_test
fi

if t plan-hour; then
	# Past an hour the total is H:MM:SS.
	cat >"$tmp/long.yaml" <<-'EOF'
	version: 1
	exercises:
	  - id: long
	    name: Long
	    summary: Long.
	    steps: [Wait.]
	    frequency: { times: 1, per: day }
	    prepare: 0
	    sets:
	      - { name: A, mode: timed, duration: 1h }
	      - { name: B, mode: timed, duration: 2m5s }
	EOF
	run plan-hour 0 "$LUMBAR" -C "$tmp/long.yaml" --plan
	[ "$(tail -n 1 "$out" | cut -d' ' -f1-2)" = "Total 1:02:05" ] || fail "want Total 1:02:05"
	done_test
fi

# ---- --list and --show ----------------------------------------------------------

if t list-shipped; then
	run list-shipped 0 "$LUMBAR" --list
	ids=$(cut -d' ' -f1 "$out" | tr '\n' ' ')
	want="morning evening knee-to-chest pelvic-tilts-bridges cat-cow spine-twists hip-flexor-release childs-pose hamstring-series core-stabilisation back-extension piriformis-release "
	[ "$ids" = "$want" ] || fail "ids '$ids'"
	expect_out_match '^knee-to-chest +Knee.* +[0-9]+:[0-9][0-9] +twice a day$'
	done_test
fi

if t list-fixture; then
	run list-fixture 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --list --format=tsv
	expect_out_text "$(printf '%s\n' $'#id\tname\tseconds\tfrequency' \
		$'alpha\tAlpha hold\t30\ttwice a day' \
		$'beta\tBeta reps\t160\t2-3 times a week')"
	done_test
fi

if t show; then
	run show 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --show alpha
	expect_out_match '^Alpha hold \(alpha\)$'
	expect_out_match '^  1\. Bring one knee up\.$'
	expect_out_match '^  3\. Lower it\.$'
	expect_out_match 'hold 5 s x 2 reps, alternating sides'
	expect_out_match 'range: hold 5-7 s, 2-3 reps'
	expect_out_match '^Frequency: twice a day \(morning, evening\)$'
	expect_out_match '^Length: 0:30 at step 1 of 3 '
	done_test
fi

# ---- --check -----------------------------------------------------------------------

if t check-good; then
	run check-good 0 "$LUMBAR" --check "$FIX/cli-small.yaml"
	expect_empty_out
	[ ! -s "$err" ] || fail "stderr not empty"
	done_test
	run check-shipped 0 "$LUMBAR" --check data/exercises.yaml
	expect_empty_out
	done_test
fi

if t check-bad; then
	printf 'version: 1\nexercises:\n  - id: x\n    name: [unclosed\n' >"$tmp/syntax.yaml"
	run check-bad-syntax 65 "$LUMBAR" --check "$tmp/syntax.yaml"
	expect_empty_out
	expect_err_match "^$tmp/syntax.yaml:[0-9]+:[0-9]+: "
	done_test

	sed 's/hold: 5$/hold: 1.5/' "$FIX/cli-small.yaml" >"$tmp/dur.yaml"
	run check-bad-duration 65 "$LUMBAR" --check "$tmp/dur.yaml"
	expect_err_match "^$tmp/dur.yaml:18:15: .*hold.*1\\.5"
	done_test

	run check-missing 66 "$LUMBAR" --check "$tmp/nope.yaml"
	expect_err_match "^$tmp/nope.yaml: .*No such file"
	done_test

	# The file name is printed as the user wrote it.
	cp "$tmp/dur.yaml" "$tmp/rel.yaml"
	run check-relative 65 sh -c "cd '$tmp' && '$LUMBAR' --check ./rel.yaml"
	expect_err_match '^\./rel\.yaml:18:15: '
	done_test
fi

# ---- Usage and exit codes -----------------------------------------------------------

if t usage; then
	run usage-unknown-option 64 "$LUMBAR" --frobnicate
	[ "$(wc -l <"$err")" -eq 1 ] || fail "want one line on stderr"
	expect_err_match "unknown option '--frobnicate'.*--help"
	done_test

	run usage-unknown-id 64 "$LUMBAR" --show nosuch
	expect_err_line "lumbar: no exercise 'nosuch' (see 'lumbar --list')"
	done_test

	run usage-unknown-id-player 64 "$LUMBAR" nosuch
	expect_err_match "no exercise 'nosuch'"
	done_test

	run usage-unknown-level 64 "$LUMBAR" --level extreme --list
	expect_err_match "unknown level 'extreme'"
	done_test

	run usage-bad-format 64 "$LUMBAR" --list --format=xml
	done_test

	run usage-two-modes 64 "$LUMBAR" --list --plan
	done_test

	run help 0 "$LUMBAR" --help
	expect_out_match '^Usage: lumbar '
	wide=$(awk 'length($0) > 80' "$out")
	[ -z "$wide" ] || fail "--help has lines over 80 columns: $wide"
	done_test

	run version 0 "$LUMBAR" --version
	expect_out_match '^lumbar [0-9]+\.[0-9]+\.[0-9]+$'
	expect_out_match '^catalogue: built-in copy'
	done_test
fi

if t no-tty; then
	run no-tty 1 "$LUMBAR" -C "$FIX/cli-small.yaml" alpha
	expect_err_match 'needs a terminal.*--list.*--plan'
	done_test
fi

# ---- Catalogue lookup ----------------------------------------------------------------

if t lookup; then
	# Built-in copy from a folder with nothing around it.
	run lookup-builtin 0 sh -c "cd / && '$LUMBAR' --list"
	[ "$(wc -l <"$out")" -eq 12 ] || fail "want the 2 shipped routines and 10 exercises"
	done_test

	mkdir -p "$XDG_CONFIG_HOME/lumbar"
	cp "$FIX/cli-small.yaml" "$XDG_CONFIG_HOME/lumbar/exercises.yaml"
	run lookup-config 0 "$LUMBAR" --list
	[ "$(cut -d' ' -f1 "$out" | tr '\n' ' ')" = "alpha beta " ] || fail "config copy not used"
	done_test

	run lookup-version-config 0 "$LUMBAR" --version
	expect_out_match "^catalogue: $XDG_CONFIG_HOME/lumbar/exercises.yaml"
	done_test

	# The environment beats the config file; --catalogue beats both.
	run lookup-env 0 env LUMBAR_CATALOGUE=data/exercises.yaml "$LUMBAR" --list
	[ "$(wc -l <"$out")" -eq 12 ] || fail "LUMBAR_CATALOGUE not used"
	done_test

	run lookup-option 0 env LUMBAR_CATALOGUE=data/exercises.yaml "$LUMBAR" \
		--catalogue "$FIX/cli-small.yaml" --list
	[ "$(wc -l <"$out")" -eq 2 ] || fail "--catalogue not used"
	done_test

	# An explicit file that does not exist is an error, not a silent fallback.
	run lookup-env-missing 66 env LUMBAR_CATALOGUE="$tmp/none.yaml" "$LUMBAR" --list
	expect_err_match "^$tmp/none.yaml: "
	done_test
	rm -rf "$XDG_CONFIG_HOME/lumbar"
fi

# ---- The settings file -----------------------------------------------------------------

if t settings; then
	mkdir -p "$XDG_CONFIG_HOME/lumbar"
	printf 'level: hard\ncolor: false\n' >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run settings-level 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --plan
	[ "$(tail -n 1 "$out" | cut -d' ' -f1-2)" = "Total 4:36" ] || fail "config level not used"
	done_test

	run settings-option-wins 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --level easy --plan
	[ "$(tail -n 1 "$out" | cut -d' ' -f1-2)" = "Total 3:10" ] || fail "--level does not beat the file"
	done_test

	printf 'level: hard\nbell: maybe\n' >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run settings-bad 65 "$LUMBAR" -C "$FIX/cli-small.yaml" --list
	expect_empty_out
	expect_err_match "^$XDG_CONFIG_HOME/lumbar/config.yaml:2:7: .*bell"
	done_test
	rm -rf "$XDG_CONFIG_HOME/lumbar"

	# --speak says at once, on a plain terminal, when nothing can speak.
	run speak-missing 69 env PATH=/nonexistent "$LUMBAR" -C "$FIX/cli-small.yaml" --speak alpha
	expect_err_match '^lumbar: --speak: .*espeak'
	done_test
fi

# ---- --history -------------------------------------------------------------------------

if t history; then
	# Today is read from the clock, so the fixture is written relative to it.
	# The week starts on Monday: yesterday is in this week on every day but
	# Monday, when its line belongs to last week (tests/calendar.sh runs this
	# on every day of a week).
	# Lines are written at the present instant, never later today: a line
	# dated after now is not yet part of the record.
	today=$(date +%Y-%m-%dT%H:%M:%S%:z)
	yesterday=$(date -d yesterday +%Y-%m-%dT%H:%M:%S%:z)
	beta_week=1
	[ "$(date +%u)" -eq 1 ] && beta_week=0
	hist=$tmp/history.tsv
	printf '%s\n' '# timestamp	exercise-id	status	active-seconds	pain' \
		"$today	alpha	done	30	4" \
		'this line is damaged' \
		"$yesterday	beta	done	160	6" \
		"$today	beta	partial	20	-" \
		"$today	alpha	stopped	10	8	3	-" >"$hist"
	before=$(cksum <"$hist")
	run history-text 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --history --history-file "$hist"
	# Alpha was stopped today: "stopped today", not due again today (issue 19).
	expect_out_match '^alpha +stopped today +1 this week '
	expect_out_match "^beta +$beta_week/2 this week +due +0 today "
	expect_out_match '^Streak: 2 days \(best 2\)$'
	expect_err_line "$hist:3: expected 5 or 7 tab-separated fields, found 1"
	[ "$(wc -l <"$err")" -eq 1 ] || fail "the damaged line is reported once"
	[ "$(cksum <"$hist")" = "$before" ] || fail "reading changed the history file"
	done_test

	run history-tsv 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --history --history-file "$hist" \
		--format=tsv
	expect_out_match $'^#date\tdone\tpartial\tactive_seconds\tdue_done\tdue\tpain\tstopped\tpain_before$'
	# A stop is neither done nor partial; it has its own column at the end.
	expect_out_match "^${today%%T*}"$'\t1\t1\t60\t[0-9]+\t[0-9]+\t[0-9.]+\t1\t3.0$'
	done_test

	# No history yet is not an error.
	run history-empty 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --history
	expect_out_match '^alpha +0/2 today +due'
	expect_out_match '^Streak: 0 days'
	done_test
fi

# ---- Hostile input: nothing injected, nothing hangs ----------------------------------------

# has_control FILE: true when FILE holds a control byte other than newline.
has_control() {
	LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$1"
}

if t hostile; then
	# Half a MiB of brackets used to keep --check busy for minutes.
	head -c 500000 /dev/zero | tr '\0' '[' >"$tmp/deep.yaml"
	run hostile-deep-catalogue 65 timeout 10 "$LUMBAR" --check "$tmp/deep.yaml"
	expect_err_line "$tmp/deep.yaml:1:11: nested deeper than 10 levels of lists and mappings"
	done_test

	mkdir -p "$XDG_CONFIG_HOME/lumbar"
	{ printf 'level: '; head -c 60000 /dev/zero | tr '\0' '{'; } >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run hostile-deep-settings 65 timeout 10 "$LUMBAR" -C "$FIX/cli-small.yaml" --list
	expect_empty_out
	expect_err_line "$XDG_CONFIG_HOME/lumbar/config.yaml:1:17: nested deeper than 10 levels of lists and mappings"
	done_test

	printf 'level: easy\n---\nbell: [\n' >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run hostile-settings-second-document 65 "$LUMBAR" -C "$FIX/cli-small.yaml" --list
	expect_err_match "^$XDG_CONFIG_HOME/lumbar/config.yaml:2:1: a second YAML document"
	done_test

	# config.yaml errors quote what the file says, escaped.
	printf '"colour\\e]0;owned\\a": 1\n' >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run hostile-settings-escaped 65 "$LUMBAR" -C "$FIX/cli-small.yaml" --list
	expect_err_line "$XDG_CONFIG_HOME/lumbar/config.yaml:1:1: unknown key 'colour\\x1b]0;owned\\x07' (the keys are level, bell, speak, on_phase, color, notify, remind_at, remind_parts, ask_pain_before, progression, ask_morning, emergency_number, figure, ask_outcomes, interface)"
	has_control "$err" && fail "raw control characters on stderr"
	done_test
	rm -rf "$XDG_CONFIG_HOME/lumbar"

	# A catalogue string with an escape sequence is refused where it is.
	sed 's/^    name: Alpha.*/    name: "Alpha\\e]0;owned\\a"/' "$FIX/cli-small.yaml" >"$tmp/esc.yaml"
	grep -q 'owned' "$tmp/esc.yaml" || fail "fixture edit did not apply"
	for mode in --list "--show alpha" --plan "--plan --format=tsv" --check; do
		if [ "$mode" = --check ]; then args="--check $tmp/esc.yaml"; else args="-C $tmp/esc.yaml $mode"; fi
		# shellcheck disable=SC2086
		run "hostile-catalogue-control ${mode}" 65 "$LUMBAR" $args
		expect_empty_out
		expect_err_match ":[0-9]+:[0-9]+: control character U\+001B \(escape\) in a value"
		has_control "$out" && fail "raw control characters on stdout"
		has_control "$err" && fail "raw control characters on stderr"
		done_test
	done

	# What the command line says is echoed escaped, never raw.
	run hostile-unknown-id 64 "$LUMBAR" -C "$FIX/cli-small.yaml" --show "$(printf 'x\033[2J')"
	expect_err_line "lumbar: no exercise 'x\\x1b[2J' (see 'lumbar --list')"
	done_test
	run hostile-unknown-level 64 "$LUMBAR" -C "$FIX/cli-small.yaml" --level "$(printf 'h\033]0;x\007')" --plan
	expect_err_line "lumbar: unknown level 'h\\x1b]0;x\\x07' (use easy, medium or hard) (try 'lumbar --help')"
	done_test
	run hostile-unknown-format 64 "$LUMBAR" -C "$FIX/cli-small.yaml" --format "$(printf 't\302\233sv')" --plan
	expect_err_line "lumbar: unknown format 't\\xc2\\x9bsv' (use tsv or text) (try 'lumbar --help')"
	done_test
	run hostile-unknown-option 64 "$LUMBAR" "$(printf -- '--x\033[31m')"
	expect_err_line "lumbar: unknown option '--x\\x1b[31m' (try 'lumbar --help')"
	done_test

	run hostile-history-path 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --history \
		--history-file "$tmp/$(printf 'h\033]0;x\007')"
	expect_out_match "^History: $tmp/h\\\\x1b]0;x\\\\x07\$"
	has_control "$out" && fail "raw control characters on stdout"
	done_test

	# The words the command line keeps cannot be exercise ids.
	sed 's/^  - id: alpha$/  - id: all/' "$FIX/cli-small.yaml" >"$tmp/all.yaml"
	run hostile-reserved-id 65 "$LUMBAR" --check "$tmp/all.yaml"
	expect_err_match "^$tmp/all.yaml:[0-9]+:9: exercise 1: id 'all' is a word lumbar's command line keeps"
	done_test
fi

# ---- checkin ----------------------------------------------------------------------------

if t checkin; then
	# The default place: events.tsv beside the history, under XDG_STATE_HOME.
	events=$XDG_STATE_HOME/lumbar/events.tsv
	run checkin-records 0 "$LUMBAR" checkin 5
	expect_out_text "Back pain this morning: 5/10, recorded in $events"
	[ "$(head -n 1 "$events")" = $'# timestamp\tkind\texercise\tvalue\tnote' ] ||
		fail "no header line in $events"
	tail -n 1 "$events" | grep -Eq $'^'"$(date +%Y-%m-%d)"$'T[0-9:]{8}[+-][0-9]{2}:[0-9]{2}\tmorning\t-\t5\t-$' ||
		fail "the last line of $events is not today's morning 5"
	done_test

	# Beside a --history-file; a second check-in is a second line, never a rewrite.
	hist=$tmp/checkin/history.tsv
	run checkin-beside-history-file 0 "$LUMBAR" --history-file "$hist" checkin 0
	run checkin-beside-history-file 0 "$LUMBAR" checkin 10 --history-file "$hist"
	expect_out_text "Back pain this morning: 10/10, recorded in $tmp/checkin/events.tsv"
	[ "$(grep -c $'\tmorning\t' "$tmp/checkin/events.tsv")" -eq 2 ] || fail "want two morning lines"
	[ ! -e "$hist" ] || fail "checkin wrote to the history"
	done_test

	for bad in 11 05 x 3.5 -- ''; do
		run "checkin-refuses-'$bad'" 64 "$LUMBAR" --history-file "$hist" checkin "$bad"
		expect_empty_out
		expect_err_match "^lumbar: checkin (wants|needs) back pain this morning"
		done_test
	done
	run checkin-missing-score 64 "$LUMBAR" checkin
	expect_err_line "lumbar: checkin needs back pain this morning, 0-10 (try 'lumbar --help')"
	[ "$(grep -c $'\tmorning\t' "$tmp/checkin/events.tsv")" -eq 2 ] ||
		fail "a refused check-in wrote a line"
	done_test

	# And the history still reads, the check-in beside it.
	run checkin-then-history 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --history
	expect_out_match '^Streak: 0 days'
	[ ! -s "$err" ] || fail "--history complained after a check-in"
	done_test
fi

# ---- Hostile files and exit codes (issue 11) ---------------------------------------------

# A FIFO as the settings file must not block any command (timeout would say
# 124): it is refused at once, with what is wrong.
if t fifo-settings; then
	mkdir -p "$XDG_CONFIG_HOME/lumbar"
	mkfifo "$XDG_CONFIG_HOME/lumbar/config.yaml"
	for args in --list --version alpha; do
		run "fifo-settings $args" 66 timeout 5 "$LUMBAR" -C "$FIX/cli-small.yaml" $args
		expect_empty_out
		expect_err_line "$XDG_CONFIG_HOME/lumbar/config.yaml: not a regular file"
		done_test
	done
	rm -rf "$XDG_CONFIG_HOME/lumbar"

	# The same for a catalogue: --check and --catalogue on a FIFO.
	mkfifo "$tmp/cat.fifo"
	run fifo-check 66 timeout 5 "$LUMBAR" --check "$tmp/cat.fifo"
	expect_err_line "$tmp/cat.fifo: not a regular file"
	done_test
	run fifo-catalogue 66 timeout 5 "$LUMBAR" --catalogue "$tmp/cat.fifo" --list
	expect_err_line "$tmp/cat.fifo: not a regular file"
	done_test
	rm -f "$tmp/cat.fifo"
fi

if t hostile-history; then
	hdir=$tmp/hostile
	mkdir -m 700 "$hdir"

	# A FIFO is no history: refused without blocking, never taken as empty.
	mkfifo "$hdir/fifo.tsv"
	run history-fifo 66 timeout 5 "$LUMBAR" -C "$FIX/cli-small.yaml" --history \
		--history-file "$hdir/fifo.tsv"
	expect_err_line "lumbar: cannot read $hdir/fifo.tsv: not a regular file"
	done_test

	# Over the 64 MiB limit: refused at once, without reading a byte of it.
	truncate -s 1G "$hdir/huge.tsv"
	run history-huge 66 timeout 2 "$LUMBAR" -C "$FIX/cli-small.yaml" --history \
		--history-file "$hdir/huge.tsv"
	expect_err_line "lumbar: cannot read $hdir/huge.tsv: larger than the history limit of 64 MiB"
	done_test

	# A symlink planted where the history goes is not followed.
	printf 'secret\n' >"$hdir/target"
	ln -s "$hdir/target" "$hdir/link.tsv"
	run history-symlink 66 "$LUMBAR" -C "$FIX/cli-small.yaml" --history \
		--history-file "$hdir/link.tsv"
	expect_err_match "^lumbar: cannot read $hdir/link.tsv: a symbolic link"
	done_test

	# A history folder others can write to is refused, and the message says how to fix it.
	mkdir -m 777 "$hdir/open"
	chmod 777 "$hdir/open"
	run history-open-folder 66 "$LUMBAR" -C "$FIX/cli-small.yaml" --history \
		--history-file "$hdir/open/history.tsv"
	expect_err_line "lumbar: refusing $hdir/open/history.tsv: others can write to its folder $hdir/open (chmod go-w $hdir/open)"
	done_test

	# A path too long says so, not "no history without HOME".
	long=$tmp/$(printf 'x%.0s' $(seq 1 5000)).tsv
	run history-path-too-long 64 "$LUMBAR" -C "$FIX/cli-small.yaml" --history --history-file "$long"
	expect_err_line "lumbar: --history-file: the path is too long (over 4095 bytes)"
	done_test
	run player-path-too-long 64 "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$long" alpha
	expect_err_line "lumbar: --history-file: the path is too long (over 4095 bytes)"
	done_test
	run history-no-home 64 env -u HOME -u XDG_STATE_HOME "$LUMBAR" -C "$FIX/cli-small.yaml" --history
	expect_err_line "lumbar: no history without HOME; use --history-file FILE"
	done_test
	rm -rf "$hdir"
fi

# Standard output that cannot be written is exit 74 (EX_IOERR), as the man
# page says, for --help and --version too.
if t stdout-full; then
	for args in --help --version --list; do
		name="stdout-full $args"
		out=$tmp/out err=$tmp/err
		"$LUMBAR" -C "$FIX/cli-small.yaml" $args >/dev/full 2>"$err" </dev/null
		status=$?
		ok=1
		[ "$status" -eq 74 ] || fail "exit status $status, want 74"
		expect_err_match '^lumbar: cannot write output: No space left on device$'
		done_test
	done
	grep -q '^\.B 74$' man/lumbar.1 || { name=man-74; ok=1; fail "the man page does not list 74"; done_test; }
	grep -A1 '^\.B 71$' man/lumbar.1 | grep -q 'Out of memory' ||
		{ name=man-71; ok=1; fail "the man page does not say 71 is out of memory"; done_test; }
fi

# --no-speak undoes `speak: true` for one run; --speak after it wins again.
if t no-speak; then
	mkdir -p "$XDG_CONFIG_HOME/lumbar"
	printf 'speak: true\n' >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run speak-from-config 69 env PATH=/nonexistent "$LUMBAR" -C "$FIX/cli-small.yaml" alpha
	expect_err_match '^lumbar: --speak: '
	done_test
	# Past the speech check, the next thing said is that there is no terminal.
	run no-speak-beats-config 1 env PATH=/nonexistent "$LUMBAR" -C "$FIX/cli-small.yaml" --no-speak alpha
	expect_err_match '^lumbar: the timer needs a terminal'
	done_test
	run speak-after-no-speak 69 env PATH=/nonexistent "$LUMBAR" -C "$FIX/cli-small.yaml" --no-speak --speak alpha
	done_test
	rm -rf "$XDG_CONFIG_HOME/lumbar"
	run help-new-options 0 "$LUMBAR" --help
	expect_out_match '^ +--no-speak '
	expect_out_match '^ +--color '
	done_test
fi

# ---- A history of a million damaged lines names a few, then counts the rest ----------------

if t history-damage-flood; then
	mkdir -p "$tmp/flood" && chmod 700 "$tmp/flood"
	yes -- '- ' | head -c 1048576 >"$tmp/flood/history.tsv"
	run history-damage-flood 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --history \
		--history-file "$tmp/flood/history.tsv"
	expect_err_line "$tmp/flood/history.tsv:1: expected 5 or 7 tab-separated fields, found 1"
	[ "$(wc -l <"$err")" -eq 21 ] || fail "$(wc -l <"$err") lines on stderr, want 20 and a count"
	expect_err_match "^$tmp/flood/history.tsv: 349506 more damaged lines skipped, not shown\$"
	expect_out_match '^Streak: 0 days'
	done_test
fi

# ---- due, remind, pause, resume, status (issue 14 §2, §3, §5, §6) --------------
# A time zone in which it is now 09:xx (morning) or 14:xx (afternoon), so the
# reminder's parts of the day can be tested at any hour the tests run.
tz_at_hour() {
	local h off
	h=$(date -u +%H)
	off=$(((${1} - 10#$h + 24) % 24))
	[ "$off" -gt 12 ] && off=$((off - 24))
	if [ "$off" -ge 0 ]; then echo "LUM-$off"; else echo "LUM+$((-off))"; fi
}
# now_in TZ: a history timestamp for now in that zone.
now_in() { TZ=$1 date +%Y-%m-%dT%H:%M:%S%:z; }
# A history line for exercise $2 done now in zone $1.
done_line() { printf '%s\t%s\tdone\t30\t-\t-\t-\n' "$(now_in "$1")" "$2"; }

if t due-for-scripts; then
	r=$tmp/due
	mkdir -p "$r"
	: >"$r/none.tsv"
	run due-quiet-something 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/none.tsv" due --quiet
	expect_empty_out
	done_test
	run due-count 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/none.tsv" due --count
	expect_out_text "2"
	done_test
	run due-line 0 "$LUMBAR" -C "$FIX/cli-small.yaml" due --format=line --history-file "$r/none.tsv"
	expect_out_text "2 due: alpha, beta (3:10)"
	done_test
	# alpha twice today: only beta is left.
	{ done_line "$TZ" alpha; done_line "$TZ" alpha; } >"$r/alpha.tsv"
	run due-line-one 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/alpha.tsv" due --format=line
	expect_out_text "1 due: beta (2:40)"
	done_test
	# And beta twice this week: nothing is due.
	{ done_line "$TZ" beta; done_line "$TZ" beta; } >>"$r/alpha.tsv"
	run due-quiet-nothing 1 "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/alpha.tsv" due --quiet
	expect_empty_out
	done_test
	run due-count-nothing 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/alpha.tsv" due --count
	expect_out_text "0"
	done_test
	run due-line-nothing 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/alpha.tsv" due --format=line
	expect_empty_out
	done_test
	# Years-old damage is not this week's business; today's is named.
	printf '2019-01-01 damaged\n' >>"$r/alpha.tsv"
	run due-skips-old-lines 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/alpha.tsv" due --count
	expect_out_text "0"
	[ ! -s "$err" ] || fail "stderr is not empty"
	done_test
	run due-two-ways 64 "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/none.tsv" due --quiet --count
	expect_err_line "lumbar: due takes one of --quiet, --count, --format=line (try 'lumbar --help')"
	done_test
	run due-bad-format 64 "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/none.tsv" due --format=json
	expect_err_line "lumbar: due: unknown format 'json' (use line) (try 'lumbar --help')"
	done_test
	# Options after the verb; the player's `due` keeps its options.
	run due-options-after 0 "$LUMBAR" due --count -L hard -C "$FIX/cli-small.yaml" --history-file "$r/none.tsv"
	expect_out_text "2"
	done_test
	run due-player-with-level 1 "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/none.tsv" due -L medium
	expect_err_match '^lumbar: the timer needs a terminal'
	done_test
fi

if t remind-notifier; then
	r=$tmp/remind
	mkdir -p "$r" "$XDG_CONFIG_HOME/lumbar"
	morning=$(tz_at_hour 9)
	# A stand-in for notify-send: one line per notification.
	printf 'notify: printf "%%s|%%s\\n" "$LUMBAR_TITLE" "$LUMBAR_BODY" >>%s/sent\n' "$r" \
		>"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run remind-sends 0 env TZ="$morning" "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/h.tsv" remind
	expect_empty_out
	[ "$(cat "$r/sent" 2>/dev/null)" = "lumbar: 2 exercises due|2 due: Alpha hold, Beta reps (3:10)" ] ||
		fail "notification: '$(cat "$r/sent" 2>/dev/null)'"
	[ "$(grep -c $'\tremind\t' "$r/events.tsv")" = 1 ] || fail "want one remind event"
	done_test
	run remind-once-per-part 1 env TZ="$morning" "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/h.tsv" remind
	[ "$(wc -l <"$r/sent")" = 1 ] || fail "a second notification in the same part of the day"
	[ "$(grep -c $'\tremind\t' "$r/events.tsv")" = 1 ] || fail "a second remind event"
	done_test
	# Nothing due: nothing sent.
	{ done_line "$morning" alpha; done_line "$morning" alpha; done_line "$morning" beta; done_line "$morning" beta; } >"$r/all.tsv"
	run remind-nothing-due 1 env TZ="$morning" "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/all.tsv" remind
	[ "$(wc -l <"$r/sent")" = 1 ] || fail "a notification with nothing due"
	done_test
	# A notifier that fails: exit 3, and no reminder is logged as sent.
	printf 'notify: "exit 7"\n' >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	mkdir -p "$r/fail"
	run remind-notifier-fails 3 env TZ="$morning" "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/fail/h.tsv" remind
	expect_err_line "lumbar: remind: the notify command failed"
	! grep -q $'\tremind\t' "$r/fail/events.tsv" 2>/dev/null || fail "a failed reminder was logged"
	done_test
	rm -rf "$XDG_CONFIG_HOME/lumbar"
fi

if t remind-install; then
	r=$tmp/install
	mkdir -p "$r"
	exe=$(readlink -f "$LUMBAR")
	units=$XDG_CONFIG_HOME/systemd/user
	run remind-dry-run 0 "$LUMBAR" remind --install --dry-run
	expect_out_text "# $units/lumbar-remind.timer
[Unit]
Description=lumbar: a reminder when exercises are due
Documentation=man:lumbar(1)

[Timer]
OnCalendar=*-*-* 07:30:00
OnCalendar=*-*-* 18:30:00
Persistent=true

[Install]
WantedBy=timers.target

# $units/lumbar-remind.service
[Unit]
Description=lumbar: a reminder when exercises are due
Documentation=man:lumbar(1)

[Service]
Type=oneshot
ExecStart=\"$exe\" remind
SuccessExitStatus=1"
	[ ! -e "$units" ] || fail "--dry-run wrote files"
	done_test
	mkdir -p "$XDG_CONFIG_HOME/lumbar"
	printf 'remind_at: ["06:45", "12:30", "19:00"]\n' >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run remind-install 0 "$LUMBAR" remind --install
	expect_out_text "Wrote $units/lumbar-remind.timer
Wrote $units/lumbar-remind.service
To turn the reminders on, run:
  systemctl --user daemon-reload && systemctl --user enable --now lumbar-remind.timer"
	[ "$(grep -c '^OnCalendar=' "$units/lumbar-remind.timer")" = 3 ] || fail "want three OnCalendar="
	grep -qx 'OnCalendar=\*-\*-\* 06:45:00' "$units/lumbar-remind.timer" || fail "no 06:45"
	grep -qx 'Persistent=true' "$units/lumbar-remind.timer" || fail "not persistent"
	done_test
	name=remind-units-verify
	ok=1
	if command -v systemd-analyze >/dev/null; then
		systemd-analyze verify --man=no "$units/lumbar-remind.timer" "$units/lumbar-remind.service" \
			>"$out" 2>"$err" || fail "systemd-analyze verify refused the units"
	else
		echo "note: systemd-analyze is not installed; the unit files were not verified"
	fi
	done_test
	run remind-print-cron 0 env DISPLAY=:1 DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/7/bus \
		XDG_RUNTIME_DIR=/run/user/7 "$LUMBAR" remind --print-cron
	expect_out_text "45 6 * * * DISPLAY=':1' DBUS_SESSION_BUS_ADDRESS='unix:path=/run/user/7/bus' XDG_RUNTIME_DIR='/run/user/7' '$exe' remind
30 12 * * * DISPLAY=':1' DBUS_SESSION_BUS_ADDRESS='unix:path=/run/user/7/bus' XDG_RUNTIME_DIR='/run/user/7' '$exe' remind
0 19 * * * DISPLAY=':1' DBUS_SESSION_BUS_ADDRESS='unix:path=/run/user/7/bus' XDG_RUNTIME_DIR='/run/user/7' '$exe' remind"
	done_test
	printf 'remind_at: ["6:45"]\n' >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run remind-bad-time 65 "$LUMBAR" remind --install --dry-run
	expect_err_line "$XDG_CONFIG_HOME/lumbar/config.yaml:1:13: remind_at: expected a time HH:MM (00:00 to 23:59)"
	done_test
	rm -rf "$XDG_CONFIG_HOME/lumbar" "$units"
fi

# status_field JSON-KEY: the key's value from $out, through a JSON parser.
status_field() {
	python3 -c 'import json,sys; v = json.load(open(sys.argv[1]))[sys.argv[2]]; print(json.dumps(v))' "$out" "$1"
}

if t pause-status; then
	r=$tmp/pause
	mkdir -p "$r" "$XDG_CONFIG_HOME/lumbar"
	morning=$(tz_at_hour 9)
	today=$(TZ=$morning date +%F)
	later=$(TZ=$morning date -d "$today + 3 days" +%F)
	{ done_line "$morning" alpha; } >"$r/h.tsv"
	run status-json 0 env TZ="$morning" "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/h.tsv" status --format=json
	[ "$(wc -l <"$out")" = 1 ] || fail "want one line"
	[ "$(status_field due)" = '["alpha", "beta"]' ] || fail "due: $(status_field due)"
	[ "$(status_field due_count)" = 2 ] || fail "due_count: $(status_field due_count)"
	[ "$(status_field due_minutes)" = 4 ] || fail "due_minutes: $(status_field due_minutes)"
	[ "$(status_field today)" = 1 ] || fail "today: $(status_field today)"
	[ "$(status_field streak)" = 1 ] || fail "streak: $(status_field streak)"
	[ "$(status_field playing)" = false ] || fail "playing: $(status_field playing)"
	[ "$(status_field paused)" = false ] || fail "paused: $(status_field paused)"
	[ "$(status_field paused_until)" = null ] || fail "paused_until: $(status_field paused_until)"
	done_test
	run pause 0 env TZ="$morning" "$LUMBAR" --history-file "$r/h.tsv" pause --until "$later" --reason travel
	expect_out_text "Paused until $later: no reminders, and these days are not expected"
	grep -q $'\tpause\t-\t'"$later"$'\ttravel$' "$r/events.tsv" || fail "no pause event"
	done_test
	run status-paused 0 env TZ="$morning" "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/h.tsv" status --format=json
	[ "$(status_field paused)" = true ] || fail "paused: $(status_field paused)"
	[ "$(status_field paused_until)" = "\"$later\"" ] || fail "paused_until: $(status_field paused_until)"
	done_test
	printf 'notify: "echo sent >>%s/sent"\n' "$r" >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run remind-paused 1 env TZ="$morning" "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/h.tsv" remind
	[ ! -e "$r/sent" ] || fail "a reminder during a pause"
	done_test
	run resume 0 env TZ="$morning" "$LUMBAR" --history-file "$r/h.tsv" resume
	expect_out_text "Resumed"
	grep -q $'\tresume\t-\t-\t-$' "$r/events.tsv" || fail "no resume event"
	done_test
	run status-resumed 0 env TZ="$morning" "$LUMBAR" -C "$FIX/cli-small.yaml" --history-file "$r/h.tsv" status --format=json
	[ "$(status_field paused)" = false ] || fail "paused: $(status_field paused)"
	done_test
	run resume-not-paused 0 env TZ="$morning" "$LUMBAR" --history-file "$r/h.tsv" resume
	expect_out_text "lumbar is not paused"
	done_test
	run pause-bad-reason 64 "$LUMBAR" --history-file "$r/h.tsv" pause --until "$later" --reason holiday
	expect_err_line "lumbar: pause: unknown reason 'holiday' (the reasons are injury, travel, ill and other) (try 'lumbar --help')"
	done_test
	run pause-bad-date 64 "$LUMBAR" --history-file "$r/h.tsv" pause --until 2026-02-30
	expect_err_line "lumbar: pause: '2026-02-30' is not a date YYYY-MM-DD (try 'lumbar --help')"
	done_test
	run pause-past 64 "$LUMBAR" --history-file "$r/h.tsv" pause --until 2001-01-01
	expect_err_line "lumbar: pause: 2001-01-01 has passed; give today or a later day (try 'lumbar --help')"
	done_test
	run pause-no-until 64 "$LUMBAR" --history-file "$r/h.tsv" pause
	done_test
	run status-no-format 0 "$LUMBAR" --history-file "$r/h.tsv" status
	expect_out_match '^Due: 10 exercises, '
	done_test
	rm -rf "$XDG_CONFIG_HOME/lumbar"
	done_test
fi

# ---- Named routines and verbs (issue 14, sections 1 and 7) --------------------------------

if t routines; then
	# The shipped morning routine lasts about three minutes at easy level.
	run routines-plan-morning 0 "$LUMBAR" --plan morning --format=tsv
	total=$(sed -n 's/^#total\t//p' "$out")
	[ -n "$total" ] && [ "$total" -ge 150 ] && [ "$total" -le 210 ] ||
		fail "morning lasts '$total' s, want about 180"
	[ "$(grep -v '^#' "$out" | cut -f4 | uniq | tr '\n' ' ')" = "knee-to-chest hip-flexor-release cat-cow " ] ||
		fail "morning does not play knee-to-chest, hip-flexor-release, cat-cow in order"
	done_test

	run routines-list-first 0 "$LUMBAR" --list --format=tsv
	[ "$(sed -n '2,3p' "$out" | cut -f1 | tr '\n' ' ')" = "morning evening " ] ||
		fail "the routines are not listed first"
	done_test

	run routines-show 0 "$LUMBAR" --show morning
	expect_out_match '^Morning \(morning\)$'
	expect_out_match '^  1\. Knee-to-chest stretch +0:39 +knee-to-chest$'
	expect_out_match '^Length: 3:04, each exercise at its step$'
	done_test

	# Not a tty: the routine is known, so the next thing said is the terminal.
	run routines-player 1 "$LUMBAR" morning
	expect_err_match '^lumbar: the timer needs a terminal'
	done_test

	run routines-bad-located 65 "$LUMBAR" check "$FIX/bad-routine-unknown.yaml"
	expect_err_line "$FIX/bad-routine-unknown.yaml:20:26: routine 'morning': no exercise 'brigde' in this catalogue"
	done_test

	# No exercise or routine id may be a verb.
	sed 's/id: morning/id: list/' "$FIX/good-routines.yaml" >"$tmp/verb-id.yaml"
	run routines-verb-id 65 "$LUMBAR" check "$tmp/verb-id.yaml"
	expect_err_match "^$tmp/verb-id.yaml:18:11: routine 1: id 'list' is a word lumbar's command line keeps"
	done_test
fi

if t verbs; then
	# Each verb prints what its option prints, byte for byte, and exits alike:
	# same LABEL "OPTION ARGS" VERB ARGS... (the option's words split on spaces).
	same() {
		local label=$1 opt=$2 a b
		shift 2
		name="verbs-same $label"
		ok=1
		out=$tmp/out err=$tmp/err
		"$LUMBAR" "$@" >"$tmp/verb.out" 2>/dev/null </dev/null
		a=$?
		# shellcheck disable=SC2086
		"$LUMBAR" $opt >"$out" 2>"$err" </dev/null
		b=$?
		[ "$a" -eq "$b" ] || fail "exit $a, the option's $b"
		cmp -s "$tmp/verb.out" "$out" || fail "output differs from the option's"
		[ -s "$out" ] || [ "$label" = check ] || fail "no output"
		done_test
	}
	same list "--list" list
	same list-tsv "--list --format=tsv" list --format=tsv
	same plan-morning "--plan morning" plan morning
	same plan-exercise "--plan=knee-to-chest --level hard" plan knee-to-chest --level hard
	same plan-all "--plan" plan
	same show "--show cat-cow" show cat-cow
	same show-routine "--show evening" show evening
	same check "--check data/exercises.yaml" check data/exercises.yaml
	same history "--history" history

	run verbs-help-plan 0 "$LUMBAR" help plan
	expect_out_match '^Usage: lumbar plan \[ID\]$'
	expect_out_match '^       lumbar --plan\[=ID\]$'
	expect_out_match 'routine such as morning'
	cp "$out" "$tmp/help-plan"
	done_test
	run verbs-plan--help 0 "$LUMBAR" plan --help
	cmp -s "$tmp/help-plan" "$out" || fail "'plan --help' differs from 'help plan'"
	done_test

	run verbs-help-lists 0 "$LUMBAR" --help
	for v in list show plan check history checkin due help; do
		expect_out_match "^  $v( [A-Z[]|  )"
	done
	wide=$(awk 'length($0) > 80' "$out")
	[ -z "$wide" ] || fail "--help has lines over 80 columns: $wide"
	done_test
	run verbs-help-alone 0 "$LUMBAR" help
	expect_out_match '^Commands:$'
	done_test

	run verbs-help-unknown 64 "$LUMBAR" help frobnicate
	expect_err_line "lumbar: no command 'frobnicate' (try 'lumbar --help')"
	done_test
	run verbs-show-needs-id 64 "$LUMBAR" show
	expect_err_match "^lumbar: show needs an exercise or routine id"
	done_test
	run verbs-too-many 64 "$LUMBAR" plan morning evening
	expect_err_match "unexpected argument 'evening'"
	done_test
	run verbs-two-modes 64 "$LUMBAR" list --plan
	expect_err_match "cannot be combined with another mode"
	done_test
fi

# The bash completion knows the verbs, and the routine and exercise ids of
# the catalogue in use (asked of lumbar itself at completion time).
if t completion; then
	comp() {
		(
			PATH=$(dirname "$LUMBAR"):$PATH
			# shellcheck disable=SC1091
			. completions/lumbar.bash
			COMP_WORDS=("$@")
			COMP_CWORD=$(($# - 1))
			_lumbar
			printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
		)
	}
	name=completion-bash
	ok=1
	out=$tmp/out err=$tmp/err
	: >"$out"
	: >"$err"
	got=$(comp lumbar '')
	for w in list show plan check history help all due morning evening knee-to-chest cat-cow; do
		[[ " $got" == *" $w "* ]] || fail "'lumbar <Tab>' does not offer $w: $got"
	done
	got=$(comp lumbar plan m)
	[ "$got" = "morning " ] || fail "'lumbar plan m<Tab>' gives '$got'"
	got=$(comp lumbar show ev)
	[ "$got" = "evening " ] || fail "'lumbar show ev<Tab>' gives '$got'"
	got=$(comp lumbar help pl)
	[ "$got" = "plan play " ] || fail "'lumbar help pl<Tab>' gives '$got'"
	got=$(comp lumbar -C "$FIX/good-routines.yaml" show '')
	[ "$got" = "bridge cat-cow evening morning " ] || fail "--catalogue's ids not offered: '$got'"
	done_test
	done_test
fi

# --no-ask is an option of the player; ask_pain_before is a strict boolean.
if t no-ask; then
	run no-ask-help 0 "$LUMBAR" --help
	expect_out_match '^ +--no-ask '
	done_test
	# Past the options, the next thing said is that there is no terminal.
	run no-ask-parsed 1 "$LUMBAR" -C "$FIX/cli-small.yaml" --no-ask alpha
	expect_err_match '^lumbar: the timer needs a terminal'
	done_test
	mkdir -p "$XDG_CONFIG_HOME/lumbar"
	printf 'ask_pain_before: maybe\n' >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run ask-pain-before-bad 65 "$LUMBAR" -C "$FIX/cli-small.yaml" alpha
	expect_err_line "$XDG_CONFIG_HOME/lumbar/config.yaml:1:18: ask_pain_before: 'maybe' is not true or false"
	done_test
	printf 'ask_pain_before: false\n' >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run ask-pain-before-false 1 "$LUMBAR" -C "$FIX/cli-small.yaml" alpha
	expect_err_match '^lumbar: the timer needs a terminal'
	done_test
	rm -rf "$XDG_CONFIG_HOME/lumbar"
fi

# ---- lumbar progress (issue 13) ----------------------------------------------

if t progress; then
	pdir=$tmp/progress
	mkdir -p "$pdir"
	phist=$pdir/history.tsv
	CAT=data/exercises.yaml
	printf '%s\n' \
		$'2026-11-20T09:00:00Z\tchilds-pose\tdone\t30\t2\t2\t0/6' \
		$'2026-11-25T09:00:00Z\tchilds-pose\tdone\t30\t2\t2\t0/6' \
		$'2026-11-29T09:00:00Z\tback-extension\tstopped\t20\t7\t2\t2/5' >"$phist"
	printf '%s\n' $'2026-11-01T09:00:00Z\tset\tback-extension\t2\t-' >"$pdir/events.tsv"

	run progress-tsv 0 "$LUMBAR" -C $CAT --history-file "$phist" progress --format=tsv \
		--today 2026-11-30
	expect_out_match $'^#exercise\tstep\tsteps\tstate\tsince$'
	expect_out_match $'^childs-pose\t0\t6\tready\t-$'
	expect_out_match $'^back-extension\t1\t5\tback\t2026-11-29$'
	expect_out_match $'^cat-cow\t0\t4\tnew\t-$'
	expect_out_match $'^hip-flexor-release\t0\t0\ttop\t-$'
	[ "$(wc -l <"$out")" -eq 11 ] || fail "want a header and 10 exercises"
	done_test

	run progress-table 0 "$LUMBAR" -C $CAT --history-file "$phist" progress --today 2026-11-30
	expect_out_match '^childs-pose +step 1 of 7: 30 s \(next: 1 min\)$'
	expect_out_match '^ +ready after 1 more acceptable session$'
	expect_out_match '^back-extension +step 2 of 6: hold 12 s x 3 reps \(next: hold 15 s x 3 reps\)$'
	expect_out_match '^ +stepped back on 2026-11-29: stopped for pain$'
	expect_out_match '^hip-flexor-release +fixed dose: hold 30 s x 1 rep, each side$'
	done_test

	run progress-one 0 "$LUMBAR" -C $CAT --history-file "$phist" progress childs-pose \
		--today 2026-11-30
	[ "$(wc -l <"$out")" -eq 5 ] || fail "want the rule, a blank line and one exercise"
	expect_out_match '^childs-pose +step 1 of 7: '
	done_test

	# Off in config.yaml: the state says so.
	mkdir -p "$XDG_CONFIG_HOME/lumbar"
	printf 'progression:\n  exercises:\n    childs-pose: off\n' >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run progress-off 0 "$LUMBAR" -C $CAT --history-file "$phist" progress --format=tsv \
		--today 2026-11-30
	expect_out_match $'^childs-pose\t0\t6\toff\t-$'
	done_test
	printf 'progression:\n  mode: often\n' >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run progress-bad-config 65 "$LUMBAR" -C $CAT --history-file "$phist" progress
	expect_err_line "$XDG_CONFIG_HOME/lumbar/config.yaml:2:9: progression: mode: expected off, suggest or auto"
	done_test
	rm -rf "$XDG_CONFIG_HOME/lumbar"

	run progress-set 0 "$LUMBAR" -C $CAT --history-file "$phist" progress set childs-pose 4
	expect_out_match "^Child's pose: step 4 of 7: 3 min \(next: 5 min\), recorded in .*/events.tsv$"
	grep -Eq $'\tset\tchilds-pose\t3/6\t-$' "$pdir/events.tsv" || fail "no set event"
	done_test

	# --plan plays the step's dose; --level forces a level for one run.
	run progress-plan 0 "$LUMBAR" -C $CAT --history-file "$phist" --plan childs-pose --format=tsv
	expect_out_match $'^10\t180\twork\tchilds-pose\t1\t-\t-$'
	done_test
	run progress-plan-text 0 "$LUMBAR" -C $CAT --history-file "$phist" --plan childs-pose
	expect_out_match '^Total 3:10 \(1 exercise, each at its step\)$'
	done_test
	run progress-plan-level 0 "$LUMBAR" -C $CAT --history-file "$phist" --plan childs-pose --level easy
	expect_out_match '^Total 0:40 \(1 exercise, easy level\)$'
	done_test
	run progress-show 0 "$LUMBAR" -C $CAT --history-file "$phist" --show childs-pose
	expect_out_match '^Sets \(step 4 of 7\):$'
	expect_out_match '^  1\. Child.s pose: 3 min$'
	done_test
	run progress-history 0 "$LUMBAR" -C $CAT --history-file "$phist" --history
	expect_out_match '^childs-pose .* 4 of 7$'
	done_test

	run progress-hold 0 "$LUMBAR" -C $CAT --history-file "$phist" progress hold childs-pose --days 3
	expect_out_match "^Child's pose: no step up until [0-9]{4}-[0-9]{2}-[0-9]{2}, recorded in "
	grep -Eq $'\thold\tchilds-pose\t3\t-$' "$pdir/events.tsv" || fail "no hold event"
	done_test
	run progress-held 0 "$LUMBAR" -C $CAT --history-file "$phist" progress --format=tsv
	expect_out_match $'^childs-pose\t3\t6\theld\t[0-9-]{10}$'
	done_test
	run progress-hold-default 0 "$LUMBAR" -C $CAT --history-file "$phist" progress hold cat-cow
	grep -Eq $'\thold\tcat-cow\t7\t-$' "$pdir/events.tsv" || fail "no 7-day hold"
	done_test

	run progress-set-too-far 64 "$LUMBAR" -C $CAT --history-file "$phist" progress set childs-pose 8
	expect_err_line "lumbar: progress set: childs-pose has steps 1 to 7, not '8' (try 'lumbar --help')"
	done_test
	run progress-unknown 64 "$LUMBAR" -C $CAT --history-file "$phist" progress set nope 1
	expect_err_line "lumbar: no exercise 'nope' (see 'lumbar --list')"
	done_test
	run progress-bad-days 64 "$LUMBAR" -C $CAT --history-file "$phist" progress hold cat-cow --days x
	expect_err_match "--days wants a number of days"
	done_test
	run progress-days-alone 64 "$LUMBAR" -C $CAT --history-file "$phist" --plan --days 3
	expect_err_line "lumbar: --days goes with 'progress hold' (try 'lumbar --help')"
	done_test
	run progress-bad-today 64 "$LUMBAR" -C $CAT --history-file "$phist" progress --today 2026-13-01
	expect_err_match "--today wants a date as YYYY-MM-DD"
	done_test
	run progress-set-no-step 64 "$LUMBAR" -C $CAT --history-file "$phist" progress set childs-pose
	expect_err_match "progress set needs a step number"
	done_test
fi

# `lumbar report`: the physiotherapist's report of a prepared history, with
# figures checked by hand (alpha 2 a day, beta 2 a week; Monday 30 November
# expects 2 alpha, today only the 1 done; beta 2 x 2 / 7 rounds to 1).
if t report; then
	rdir=$tmp/report
	mkdir -p "$rdir"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
		2026-11-30T08:00:00+01:00 alpha done 40 2 3 1/4 \
		2026-11-30T20:00:00+01:00 alpha stopped 10 6 3 1/4 \
		2026-12-01T08:00:00+01:00 alpha done 40 1 1 2/4 \
		2026-12-01T09:00:00+01:00 beta partial 100 - - - >"$rdir/history.tsv"
	printf '%s\t%s\t%s\t%s\t%s\n' \
		2026-12-01T07:00:00+01:00 morning - 3 - \
		2026-12-01T21:00:00+01:00 note - - 'Stiff | better' >"$rdir/events.tsv"
	rep() { "$LUMBAR" report -C "$FIX/cli-small.yaml" --history-file "$rdir/history.tsv" "$@"; }
	run report-md 0 rep --today 2026-12-01 --weeks 1
	expect_out_text '# Exercise report: Test routine

Period: 2026-11-30 to 2026-12-01 (1 week)

Self-reported data from a home exercise timer; not a clinical record.

## What happened

| Date | Event | Exercise | Details | Note |
|---|---|---|---|---|
| 2026-11-30 | stopped | Alpha hold | pain 6, before 3 |  |
| 2026-12-01 | note |  |  | Stiff \| better |

## Adherence

Each week: done/expected; p partial, s stopped. Dose: at the start of the period → at its end.

| Exercise | Dose | 2026-11-30 (so far) |
|---|---|---|
| Alpha hold | step 2 → 3 of 5 | 2/3 s1 |
| Beta reps | - | 0/1 p1 |
| Paused days | | 0 |

## Pain

Scores 0-10. Scores: sessions with a pain score after. Before, after, morning: averages. Highest: of all scores. Stops: exercises stopped.

| Week | Scores | Before | After | Morning | Highest | Stops |
|---|---|---|---|---|---|---|
| 2026-11-30 (so far) | 3 | 2.3 | 3.0 | 3.0 | 6 | 1 |

## Other events

| Date | Event | Exercise | Details | Note |
|---|---|---|---|---|
| 2026-12-01 | step up | Alpha hold | step 2 → 3 of 5 |  |'
	[ ! -s "$err" ] || fail "stderr is not empty"
	done_test
	run report-default-8-weeks 0 rep --today 2026-12-01
	expect_out_match '^Period: 2026-10-12 to 2026-12-01 \(8 weeks\), first record 2026-11-30$'
	done_test
	run report-since 0 rep --today 2026-12-01 --since 2026-11-25
	expect_out_match '^Period: 2026-11-25 to 2026-12-01 \(2 weeks\), first record 2026-11-30$'
	done_test
	run report-csv 0 rep --today 2026-12-01 --weeks 1 --format csv
	[ "$(head -n 1 "$out")" = "$(printf 'exercise,name,week_start,week_end,days,paused_days,done,expected,partial,stopped,scores,pain_before_avg,pain_after_avg,pain_after_highest,step,steps,dose,logged\r')" ] ||
		fail "csv header: $(head -n 1 "$out")"
	grep -q "^alpha,Alpha hold,2026-11-30,2026-12-01,2,0,2,3,0,1,3,2.3,3.0,6,3,5,step 3 of 5" "$out" ||
		fail "csv alpha row"
	done_test
	rep --today 2026-12-01 --weeks 1 >"$rdir/stdout.md"
	run report-output-file 0 rep --today 2026-12-01 --weeks 1 -o "$rdir/out.md"
	expect_empty_out
	cmp -s "$rdir/out.md" "$rdir/stdout.md" || fail "-o FILE differs from standard output"
	done_test
	run report-html 0 rep --today 2026-12-01 --format=html
	expect_out_match '^<!DOCTYPE html>$'
	grep -q '<script' "$out" && fail "the HTML has a script"
	done_test
	for bad in '--weeks 0' '--weeks 531' '--weeks x' '--weeks -2' '--since 2026-12-02' \
		'--since 2026-02-30' '--since yesterday' '--weeks 2 --since 2026-11-01' \
		'--format pdf' '--today 2026-13-01' 'extra'; do
		# shellcheck disable=SC2086
		run "report-usage $bad" 64 rep --today 2026-12-01 $bad
		expect_empty_out
		expect_err_match "^lumbar: .*\(try 'lumbar --help'\)$"
		done_test
	done
	# A damaged line is named and skipped; the report is made of the rest.
	cp "$rdir/history.tsv" "$rdir/damaged.tsv"
	printf 'not a history line\n' >>"$rdir/damaged.tsv"
	run report-damaged-line 0 "$LUMBAR" report -C "$FIX/cli-small.yaml" --history-file \
		"$rdir/damaged.tsv" --today 2026-12-01 --weeks 1
	expect_err_line "$rdir/damaged.tsv:5: expected 5 or 7 tab-separated fields, found 1"
	expect_out_match '^\| Alpha hold \| step 2 → 3 of 5 \| 2/3 s1 \|$'
	done_test
	run report-unwritable-output 74 rep --today 2026-12-01 -o "$rdir/no/such/folder/r.md"
	expect_err_match '^lumbar: cannot write .*r\.md: '
	done_test
fi

# The safety screen and the morning check-in: their settings are checked like
# any other, `lumbar safety` is the full-screen program, --no-ask an option.
if t safety; then
	mkdir -p "$XDG_CONFIG_HOME/lumbar"
	printf 'ask_morning: false\nemergency_number: "call 112"\n' >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run safety-bad-number 65 "$LUMBAR" -C "$FIX/cli-small.yaml" --list
	expect_err_line "$XDG_CONFIG_HOME/lumbar/config.yaml:2:19: emergency_number: want digits, + and spaces only, such as 112 or \"+44 999\""
	done_test
	printf 'ask_morning: mornings\n' >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run safety-bad-ask-morning 65 "$LUMBAR" -C "$FIX/cli-small.yaml" --list
	expect_err_line "$XDG_CONFIG_HOME/lumbar/config.yaml:1:14: ask_morning: 'mornings' is not true or false"
	done_test
	printf 'ask_morning: false\nemergency_number: "+44 999"\n' >"$XDG_CONFIG_HOME/lumbar/config.yaml"
	run safety-good-settings 0 "$LUMBAR" -C "$FIX/cli-small.yaml" --list
	done_test
	rm -rf "$XDG_CONFIG_HOME/lumbar"
	# Without a terminal the lists are printed (issue 18.13; tests/cli.d/commands.sh).
	run safety-without-a-terminal 0 "$LUMBAR" -C "$FIX/cli-small.yaml" safety
	expect_out_match '^See someone now if you have:$'
	done_test
	run safety-no-ask-needs-a-terminal 1 "$LUMBAR" -C "$FIX/cli-small.yaml" --no-ask
	expect_err_match '^lumbar: the timer needs a terminal'
	done_test
	run safety-extra-argument 64 "$LUMBAR" -C "$FIX/cli-small.yaml" safety alpha
	expect_err_match "unexpected argument 'alpha'"
	done_test
	run safety-help 0 "$LUMBAR" --help
	expect_out_match '^ +--no-ask +no questions and no first-run screen'
	expect_out_match '^ +safety +when to get help'
	expect_out_match '3 a safety list applies'
	done_test
fi

# ---- More tests, one file a subject (tests/cli.d/*.sh, sourced in name order) ----
for part in tests/cli.d/*.sh; do
	[ -e "$part" ] || continue
	# shellcheck source=/dev/null
	. "$part"
done

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
