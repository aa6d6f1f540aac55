#!/usr/bin/env bash
# The calendar suite: the command-line tests (tests/cli.sh) run under
# Debian's faketime on the days a calendar can trip over, in lumbar's test
# time zone (Europe/Paris): every day of one week, Monday just after
# midnight (Sunday 23:xx UTC, where a week that starts on the wrong day
# shows), New Year's Eve and 1 January, both days the clocks change
# (01:30 and 02:30 local; 02:30 does not exist in spring, so the instant an
# hour after 01:30 is used) and 29 February.
#
# Usage: tests/calendar.sh [FILTER]   (FILTER as tests/cli.sh takes it)
# Ends with "calendar: N passed, N failed".
set -u
cd "$(dirname "$0")/.."
filter=${1:-}

command -v faketime >/dev/null 2>&1 || {
	echo "calendar: faketime is missing (Debian: faketime); make deps installs it"
	echo "calendar: 0 passed, 1 failed"
	exit 1
}

# Instants in UTC, each with what it is in Paris.
days=(
	"2027-02-01 07:00:00|Monday 08:00"
	"2027-02-02 07:00:00|Tuesday 08:00"
	"2027-02-03 07:00:00|Wednesday 08:00"
	"2027-02-04 07:00:00|Thursday 08:00"
	"2027-02-05 07:00:00|Friday 08:00"
	"2027-02-06 07:00:00|Saturday 08:00"
	"2027-02-07 07:00:00|Sunday 08:00"
	"2027-02-07 23:30:00|Monday 00:30"
	"2026-12-31 22:30:00|New Year's Eve 23:30"
	"2026-12-31 23:30:00|1 January 00:30"
	"2027-03-28 00:30:00|spring change day 01:30 CET"
	"2027-03-28 01:30:00|spring change day 03:30 CEST (02:30 is skipped)"
	"2027-10-30 23:30:00|autumn change day 01:30 CEST"
	"2027-10-31 00:30:00|autumn change day 02:30 CEST"
	"2027-10-31 01:30:00|autumn change day 02:30 CET"
	"2028-02-29 11:00:00|29 February 12:00"
)

# Each instant is an offset from now that every process of the run shares,
# as the faketime wrapper's clock would be shared (tests/faketime.sh).
. tests/faketime.sh
at_time() {
	local at=$1
	shift
	faketime_run "$(printf '%+d' $(($(TZ=UTC date -d "$at" +%s) - $(date +%s))))" "$@"
}

passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for d in "${days[@]}"; do
	at=${d%%|*}
	what=${d#*|}
	TZ=UTC at_time "$at" ./tests/cli.sh "$filter" >"$log" 2>&1
	line=$(grep -E '^cli: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	p=$(printf '%s' "$line" | sed -n 's/^cli: \([0-9]*\) passed.*/\1/p')
	f=$(printf '%s' "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
	if [ -z "$line" ]; then
		f=1
		p=0
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -eq 0 ]; then
		echo "ok   $at UTC ($what): $p passed"
	else
		echo "FAIL $at UTC ($what): $f failed"
		grep -A12 '^FAIL' "$log" | sed 's/^/  /' | head -n 60
	fi
done
echo "calendar: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
