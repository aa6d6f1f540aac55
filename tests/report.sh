#!/bin/sh
# tests/report.sh - the HTML report in a real browser: headless Chromium
# prints `lumbar report --format html` of eight weeks of a prepared history
# to PDF; the PDF must be at most two A4 pages, and its text must hold the
# header and each exercise's figures (as the Markdown report gives them).
# A screenshot and the PDF are left in build/report/ for a person to look at.
# Then the home-exercise sheet, `lumbar programme --format html`, the same
# way: at most three pages, its pages left as PNGs in build/programme/.
# Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/.."

passed=0
failed=0
ok() {
	passed=$((passed + 1))
	echo "ok   $1"
}
bad() {
	failed=$((failed + 1))
	echo "FAIL $1"
}
# tally FILE: show the ok and FAIL lines a loop wrote there, and count them.
tally() {
	cat "$1"
	passed=$((passed + $(grep -c '^ok' "$1")))
	failed=$((failed + $(grep -c '^FAIL' "$1")))
}
check() {
	# check NAME COMMAND...: passes when the command does.
	name=$1
	shift
	if "$@"; then ok "$name"; else bad "$name"; fi
}

export LC_ALL=C.UTF-8 TZ=Europe/Paris
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=build/report
mkdir -p "$out"
rm -f "$out/report.html" "$out/report.pdf" "$out/report.png"
unset LUMBAR_CATALOGUE || true
lumbar() { HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" ./lumbar "$@"; }

# ---- A prepared history: every exercise of the built-in catalogue most days
# from 1 October to 1 December 2026, some partial or stopped, a step up every
# two weeks, a morning check-in each day, a note, a pause and a safety stop.
ids="knee-to-chest pelvic-tilts-bridges cat-cow spine-twists hip-flexor-release childs-pose
hamstring-series core-stabilisation back-extension piriformis-release"
awk -v ids="$ids" 'BEGIN {
	n_ids = split(ids, id, /[ \n]+/)
	mdays = "31 30 31"
	split(mdays, ml, " ")
	printf "# timestamp\texercise\tstatus\tactive-seconds\tpain\tpain-before\tstep\n"
	for (i = 0; i < 62; i++) {
		m = 10; d = i + 1
		if (d > 31) { m = 11; d -= 31 }
		if (m == 11 && d > 30) { m = 12; d -= 30 }
		tz = (m == 10 && d < 25) ? "+02:00" : "+01:00"
		for (n = 1; n <= n_ids; n++) {
			if ((i + n) % 9 == 0) continue
			st = "done"
			if ((i * 7 + n) % 23 == 0) st = "partial"
			if ((i * 5 + n) % 31 == 0) st = "stopped"
			pa = (i + n * 3) % 7; pb = (i + n) % 5
			if (st == "stopped") pa = 7
			k = 1 + int(i / 14)
			printf "2026-%02d-%02dT07:%02d:00%s\t%s\t%s\t60\t%d\t%d\t%d/9\n", m, d, n, tz, id[n], st, pa, pb, k
			if (id[n] == "knee-to-chest")
				printf "2026-%02d-%02dT19:00:00%s\t%s\tdone\t60\t2\t3\t%d/9\n", m, d, tz, id[n], k
		}
	}
}' >"$tmp/history.tsv"
awk 'BEGIN {
	printf "# timestamp\tkind\texercise\tvalue\tnote\n"
	for (i = 0; i < 62; i++) {
		m = 10; d = i + 1
		if (d > 31) { m = 11; d -= 31 }
		if (m == 11 && d > 30) { m = 12; d -= 30 }
		tz = (m == 10 && d < 25) ? "+02:00" : "+01:00"
		printf "2026-%02d-%02dT06:50:00%s\tmorning\t-\t%d\t-\n", m, d, tz, (i * 3) % 6
	}
	printf "2026-10-20T21:00:00+02:00\tnote\t-\t-\tKnee-to-chest felt <easier> & \"looser\"\n"
	printf "2026-11-10T08:00:00+01:00\tpause\t-\t2026-11-13\ttravel\n"
	printf "2026-11-12T08:00:00+01:00\tresume\t-\t-\t-\n"
	printf "2026-11-20T08:00:00+01:00\tsafety-stop\t-\t-\t-\n"
}' >"$tmp/events.tsv"

# The outcomes of issue 22 §3 in the same eight weeks: PEG answers with gaps, a
# skip, a week answered twice (the later counts), an item left out, one answer
# before the period and one after today; three activities, one retired.
cat >>"$tmp/events.tsv" <<'EOF'
2026-10-05T20:00:00+02:00	outcome	peg	1	9,9,9
2026-10-13T20:00:00+02:00	outcome	peg	1	7,6,8
2026-10-13T20:05:00+02:00	activity	-	1	put on socks
2026-10-13T20:06:00+02:00	activity	-	2	lift the shopping
2026-10-13T20:07:00+02:00	outcome	activities	1	2,4
2026-10-20T20:00:00+02:00	outcome	peg	1	-
2026-10-27T20:00:00+01:00	outcome	peg	1	6,6,7
2026-10-27T20:05:00+01:00	outcome	activities	1	3,5
2026-10-29T20:00:00+01:00	outcome	peg	1	6,5,7
2026-11-03T20:00:00+01:00	activity-retired	-	2	-
2026-11-03T20:01:00+01:00	activity	-	3	garden for an hour
2026-11-10T20:00:00+01:00	outcome	peg	1	5,-,6
2026-11-10T20:05:00+01:00	outcome	activities	1	5,-,3
2026-11-17T20:00:00+01:00	outcome	peg	1	5,5,5
2026-11-24T20:05:00+01:00	outcome	activities	1	6,-,4
2026-11-30T20:00:00+01:00	outcome	peg	1	4,5,5
2026-12-05T20:00:00+01:00	outcome	peg	1	0,0,0
EOF

report() { lumbar report --today 2026-12-01 --history-file "$tmp/history.tsv" "$@"; }

check "html report written with -o" report --format html -o "$out/report.html"
if report >"$tmp/report.md" 2>"$tmp/md.err" && [ ! -s "$tmp/md.err" ]; then
	ok "markdown report of the same files, no warnings"
else
	bad "markdown report of the same files, no warnings"
	cat "$tmp/md.err"
fi

# ---- The browser --------------------------------------------------------------
# chrome OPTIONS... PAGE: PAGE is a file under the working directory.
chrome() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--user-data-dir="$tmp/chrome" --no-pdf-header-footer "$@" >>"$tmp/chrome.log" 2>&1
}
page="file://$PWD/$out/report.html"
if chrome --print-to-pdf="$PWD/$out/report.pdf" "$page" && [ -s "$out/report.pdf" ]; then
	ok "chromium prints the report to PDF"
else
	bad "chromium prints the report to PDF"
	tail -n 5 "$tmp/chrome.log"
fi
pages=$(pdfinfo "$out/report.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
check "eight weeks print on at most two pages (got ${pages:-none})" \
	test "${pages:-99}" -ge 1 -a "${pages:-99}" -le 2
size=$(pdfinfo "$out/report.pdf" 2>/dev/null | sed -n 's/^Page size: *//p')
case $size in
*"(A4)"*) ok "pages are A4" ;;
*) bad "pages are A4 (got '$size')" ;;
esac

# Text as the PDF holds it, with spaces, line breaks and hyphens (the browser
# breaks long words there) taken out, so wrapped table cells still match.
pdftotext "$out/report.pdf" "$tmp/report.txt" 2>/dev/null
flat() { tr -d ' \n\t-' | sed 's/\\|/|/g'; }
flat <"$tmp/report.txt" >"$tmp/report.flat"
has() { grep -qF -- "$(printf '%s' "$1" | flat)" "$tmp/report.flat"; }
check "PDF holds the title" has "Exercise report: Lower back relief"
check "PDF holds the period" has "Period: 2026-10-12 to 2026-12-01 (8 weeks)"
check "PDF holds the disclaimer" \
	has "Self-reported data from a home exercise timer; not a clinical record."
check "PDF holds the note, unescaped" has 'Knee-to-chest felt <easier> & "looser"'

# Each exercise's row of the Markdown adherence table: its name and dose, and
# its weeks' figures on the line of the PDF (as laid out) that starts with the
# name's first word. mdrows MD: the rows as `name|dose|cell|cell...`.
pdftotext -layout "$out/report.pdf" "$tmp/report.layout" 2>/dev/null
mdrows() {
	sed -n '/^| Exercise |/,/^| Paused days/p' "$1" | sed '1,2d;$d' |
		sed 's/^| //; s/ |$//; s/ | /|/g; s/\\//g'
}
# row_on_line LAYOUT NAME CELLS: a line starting with NAME's first word holds CELLS
# (a page's form feed taken out).
row_on_line() {
	tr -d '\f' <"$1" | tr -s ' ' | awk -v first="${2%% *}" -v cells="$3" \
		'index($0, first) == 1 && index($0, cells) { found = 1 } END { exit !found }'
}
rows=$(mdrows "$tmp/report.md")
n_rows=$(printf '%s\n' "$rows" | grep -c .)
check "the report has a row for each of the 10 exercises" test "$n_rows" -eq 10
printf '%s\n' "$rows" | while IFS='|' read -r name dose cells; do
	cells=$(printf '%s' "$cells" | tr '|' ' ')
	if has "$name" && has "$dose" && row_on_line "$tmp/report.layout" "$name" "$cells"; then
		echo "ok   PDF holds the figures of $name"
	else
		echo "FAIL PDF holds the figures of $name: $dose, $cells"
	fi
done >"$tmp/rows"
tally "$tmp/rows"

# Week by week pain, as the Markdown gives it (the HTML has weeks as columns).
after=$(sed -n 's/^| 2026-1[0-2]-[0-9]* | [0-9]* | [^|]* | \([^|]*\) |.*/\1/p' "$tmp/report.md" |
	tr -d ' ' | tr '\n' ' ')
check "PDF holds the weekly average pain after: $after" has "After $after"

# ---- Outcomes (issue 22 §3), recomputed here from the events file ----------------
# awk over the fixture, not lumbar: the PEG by Monday week of the period (a
# week's last answer; a week without one `-`), the mean of the items answered
# to one decimal, the marks from the first week with an answer to the latest
# (2 points or more), and each activity's first and latest rating.
outcomes_awk() {
	awk -F '\t' -v from=2026-10-12 -v today=2026-12-01 -v want="$1" '
	function days(s,   y, m, d) {
		y = substr(s, 1, 4) + 0; m = substr(s, 6, 2) + 0; d = substr(s, 9, 2) + 0
		if (m <= 2) { y--; m += 12 }
		return 365 * y + int(y / 4) - int(y / 100) + int(y / 400) + int((153 * (m - 3) + 2) / 5) + d
	}
	function date(n,   y, m) {
		for (y = 2020; days(sprintf("%04d-12-31", y)) < n; y++) ;
		for (m = 12; days(sprintf("%04d-%02d-01", y, m)) > n; m--) ;
		return sprintf("%04d-%02d-%02d", y, m, n - days(sprintf("%04d-%02d-01", y, m)) + 1)
	}
	# A Monday is 6 modulo 7 in days().
	function monday(n) { return n - (n + 1) % 7 }
	function change(a, b, than,   diff, size, txt) {
		diff = b - a; size = diff < 0 ? -diff : diff
		if (size + 1e-9 < 2) return ""
		txt = (size == int(size)) ? sprintf("%d point%s", size, size == 1 ? "" : "s") : sprintf("%.1f points", size)
		return txt " " (diff < 0 ? "lower" : "higher") " than " than
	}
	$2 == "outcome" && $3 == "peg" && $5 != "-" {
		n = days($1)
		if (n >= days(from) && n <= days(today)) ans[monday(n)] = $5
	}
	$2 == "activity" { name[$4] = $5 }
	$2 == "activity-retired" { retired[$4] = 1 }
	$2 == "outcome" && $3 == "activities" && days($1) <= days(today) {
		k = split($5, a, ",")
		for (i = 1; i <= k; i++) if (a[i] != "-") {
			if (!(i in first)) { first[i] = a[i]; firstday[i] = substr($1, 1, 10) }
			latest[i] = a[i]; latestday[i] = substr($1, 1, 10)
		}
	}
	END {
		split("Mean|Pain|Enjoyment of life|General activity", label, "|")
		fw = ""; lw = ""
		for (w = monday(days(from)); w <= days(today); w += 7) {
			row = "| " date(w) (w == monday(days(today)) ? " (so far)" : "") " |"
			if (!(w in ans)) {
				if (want == "peg") print row " - | - | - | - |"
				continue
			}
			split(ans[w], a, ","); sum = 0; cnt = 0; cells = ""
			for (i = 1; i <= 3; i++) {
				cells = cells " " a[i] " |"
				if (a[i] != "-") { sum += a[i]; cnt++ }
				v[w, i] = a[i]
			}
			v[w, 0] = sum / cnt
			if (fw == "") fw = w
			lw = w
			if (want == "peg") print row sprintf(" %.1f |", sum / cnt) cells
		}
		if (want == "marks") {
			marks = ""
			for (i = 0; i <= 3; i++) {
				if (fw == lw || v[fw, i] == "-" || v[lw, i] == "-") continue
				c = change(v[fw, i], v[lw, i], "the week of " date(fw))
				if (c != "") marks = marks (marks ? "; " : "") label[i + 1] ": " c
			}
			print "Changes of 2 points or more: " (marks ? marks : "none") "."
		}
		if (want == "activities")
			for (i = 1; i in name; i++) {
				c = (i in first) && firstday[i] != latestday[i] ? change(first[i], latest[i], "the first rating") : ""
				print "| " i ". " name[i] (i in retired ? " (retired)" : "") " | " \
					((i in first) ? first[i] " on " firstday[i] : "not rated") " | " \
					((i in first) ? latest[i] " on " latestday[i] : "not rated") " | " c " |"
			}
	}' "$tmp/events.tsv"
}
# same_table NAME HEAD KIND: the Markdown table whose header starts with HEAD
# is, row for row, what outcomes_awk KIND recomputes.
same_table() {
	sed -n "/^$2/,/^\$/p" "$tmp/report.md" | sed '1,2d;/^$/d' >"$tmp/$3.got"
	outcomes_awk "$3" >"$tmp/$3.want"
	if [ -s "$tmp/$3.want" ] && cmp -s "$tmp/$3.got" "$tmp/$3.want"; then
		ok "outcomes: $1 as recomputed"
	else
		bad "outcomes: $1 as recomputed"
		diff "$tmp/$3.want" "$tmp/$3.got"
	fi
}
same_table "the PEG by week (gaps as -, the later answer of a week)" '| Week | Mean' peg
marks=$(outcomes_awk marks)
check "outcomes: the marks recomputed: $marks" grep -qxF -- "$marks" "$tmp/report.md"
check "outcomes: the marks in the PDF" has "$marks"
same_table "each activity's first and latest rating" '| Activity | First rating' activities
# The PDF: the weekly means on the line of the PEG table that starts with Mean,
# and each activity's row; the CSV: the same weekly means.
means=$(cut -d'|' -f3 "$tmp/peg.want" | tr -d ' ' | paste -sd' ')
check "outcomes: the PDF holds the weekly means: $means" \
	row_on_line "$tmp/report.layout" Mean "$means"
# A table cell that wraps is read line by line across the row: each cell alone.
sed 's/^| //; s/ |$//; s/ | /|/g' "$tmp/activities.want" | tr '|' '\n' | grep . | while IFS= read -r cell; do
	if has "$cell"; then
		echo "ok   outcomes: the PDF holds $cell"
	else
		echo "FAIL outcomes: the PDF holds $cell"
	fi
done >"$tmp/rows"
tally "$tmp/rows"
report --format csv >"$tmp/report.csv"
csv_means=$(grep '^peg,mean,' "$tmp/report.csv" | cut -d, -f6 | paste -sd' ')
check "outcomes: the CSV holds the same weekly means: $csv_means" test "$csv_means" = "$means"

# ---- A clinic's own questionnaire (issue 22 §1, §3) ----------------------------------
# The same eight weeks, with a 5-item summed questionnaire in the config folder
# answered each week: its table is in the PDF and the report still prints on
# at most two pages. (A second clinic questionnaire takes a third page: the man
# page says so.)
cdir=$tmp/clinic
mkdir -p "$cdir/config/lumbar/questionnaires"
cp tests/fixtures/clinic-back5.yaml "$cdir/config/lumbar/questionnaires/back5.yaml"
cp "$tmp/history.tsv" "$cdir/history.tsv"
{
	cat "$tmp/events.tsv"
	for d in 13 20 27; do printf '2026-10-%sT09:00:00+02:00\toutcome\tback5\t1\t1,1,1,1,0\n' "$d"; done
	for d in 03 10 17 24; do printf '2026-11-%sT09:00:00+01:00\toutcome\tback5\t1\t1,0,1,0,0\n' "$d"; done
} >"$cdir/events.tsv"
HOME="$tmp/home" XDG_CONFIG_HOME="$cdir/config" ./lumbar report --today 2026-12-01 \
	--history-file "$cdir/history.tsv" --format html -o "$out/report-clinic.html"
rm -f "$out/report-clinic.pdf"
chrome --print-to-pdf="$PWD/$out/report-clinic.pdf" "file://$PWD/$out/report-clinic.html"
pages=$(pdfinfo "$out/report-clinic.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
check "eight weeks and a clinic questionnaire print on at most two pages (got ${pages:-none})" \
	test "${pages:-99}" -ge 1 -a "${pages:-99}" -le 2
pdftotext "$out/report-clinic.pdf" - 2>/dev/null | flat >"$tmp/clinic.flat"
check "the PDF holds the clinic questionnaire's change" grep -qF -- \
	"$(printf '%s' 'Changes of 30% or more: 50% lower than the week of 2026-10-12.' | flat)" \
	"$tmp/clinic.flat"

# ---- 12 and 26 weeks: wrapped into blocks, nothing cut off ------------------------
# Printed the same way, each exercise's newest weeks (the last block of at
# most 9 weeks side by side, as many in each block as can be) must be on its
# line of the PDF, and the newest week's heading in both tables.
for weeks in 12 26; do
	report --weeks "$weeks" --format html -o "$out/report-$weeks.html"
	report --weeks "$weeks" >"$tmp/report-$weeks.md"
	rm -f "$out/report-$weeks.pdf"
	chrome --print-to-pdf="$PWD/$out/report-$weeks.pdf" "file://$PWD/$out/report-$weeks.html"
	pdftotext -layout "$out/report-$weeks.pdf" "$tmp/report-$weeks.layout" 2>/dev/null
	blocks=$(((weeks + 8) / 9))
	per=$(((weeks + blocks - 1) / blocks))
	last=$((weeks - per * (blocks - 1)))
	heads=$(grep -c '2026-11-23 *2026-11-30' "$tmp/report-$weeks.layout")
	# Adherence, pain, and the PEG of the Outcomes section (issue 22 §3).
	check "$weeks weeks: the newest week's heading in the three tables (got $heads)" \
		test "$heads" -eq 3
	mdrows "$tmp/report-$weeks.md" | while IFS='|' read -r name dose cells; do
		newest=$(printf '%s' "$cells" | tr '|' '\n' | tail -n "$last" | paste -sd' ')
		if row_on_line "$tmp/report-$weeks.layout" "$name" "$newest"; then
			echo "ok   $weeks weeks: PDF holds the newest weeks of $name"
		else
			echo "FAIL $weeks weeks: PDF holds the newest weeks of $name: $newest"
		fi
	done >"$tmp/rows"
	tally "$tmp/rows"
	pages=$(pdfinfo "$out/report-$weeks.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
	echo "     $weeks weeks print on ${pages:-no} pages"
done

# ---- A prepared six weeks (tests/fixtures/report-six-weeks) -------------------------
# Started on a Wednesday, a step back after a stop for pain, a hold, a pause,
# accepted steps: printed on at most two pages, what happened first, the weeks
# before the start `not started`, this week `so far`, doses in words. Its text
# is left in build/report/report-six-weeks.txt for a person.
six=tests/fixtures/report-six-weeks
lumbar report --today 2026-12-02 --weeks 6 --history-file "$six/history.tsv" --format html \
	-o "$out/report-six-weeks.html"
rm -f "$out/report-six-weeks.pdf"
chrome --print-to-pdf="$PWD/$out/report-six-weeks.pdf" "file://$PWD/$out/report-six-weeks.html"
pages=$(pdfinfo "$out/report-six-weeks.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
check "six weeks print on at most two pages (got ${pages:-none})" \
	test "${pages:-99}" -ge 1 -a "${pages:-99}" -le 2
pdftotext -layout "$out/report-six-weeks.pdf" "$out/report-six-weeks.txt" 2>/dev/null
flat <"$out/report-six-weeks.txt" >"$tmp/report.flat"
check "six weeks: what happened comes before the adherence" \
	test "$(grep -n -m1 'What happened' "$out/report-six-weeks.txt" | cut -d: -f1)" \
	-lt "$(grep -n -m1 '^Adherence$' "$out/report-six-weeks.txt" | cut -d: -f1)"
check "six weeks: the step back on the day of the red session, with the dose after it" \
	has "2026-11-21 step back Child's pose 2 → 1 min"
check "six weeks: an accepted step and its step up as one line" \
	has "2026-11-19 step up, accepted Child's pose 1 → 2 min"
check "six weeks: the week before the start is not started" \
	row_on_line "$out/report-six-weeks.txt" "Cat-cow" "not started 5/5 7/7 7/7 4/4 3/3"
check "six weeks: this week so far" has "2026-11-30 (so far)"

# ---- A screenshot for a person ----------------------------------------------------
if chrome --screenshot="$PWD/$out/report.png" --window-size=1240,1754 "$page" &&
	[ "$(head -c 8 "$out/report.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
	ok "screenshot left in $out/report.png"
else
	bad "screenshot left in $out/report.png"
fi

# ---- The home-exercise sheet (`lumbar programme`, issue 21 §4) ----------------------
# The shipped routine with no history (every exercise at its first step),
# printed the same way: at most three A4 pages holding every exercise with
# its dose and frequency, and when to get help. The HTML, the PDF and a PNG of
# each page are left in build/programme/.
pout=build/programme
mkdir -p "$pout"
rm -f "$pout"/programme.html "$pout"/programme.pdf "$pout"/programme-*.png
check "html programme written with -o" \
	lumbar programme --format html -o "$pout/programme.html" --history-file "$tmp/none.tsv"
lumbar programme --history-file "$tmp/none.tsv" >"$tmp/programme.md"

if chrome --print-to-pdf="$PWD/$pout/programme.pdf" "file://$PWD/$pout/programme.html" &&
	[ -s "$pout/programme.pdf" ]; then
	ok "chromium prints the programme to PDF"
else
	bad "chromium prints the programme to PDF"
	tail -n 5 "$tmp/chrome.log"
fi
pages=$(pdfinfo "$pout/programme.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
check "the whole routine prints on at most three pages (got ${pages:-none})" \
	test "${pages:-99}" -ge 1 -a "${pages:-99}" -le 3
size=$(pdfinfo "$pout/programme.pdf" 2>/dev/null | sed -n 's/^Page size: *//p')
case $size in
*"(A4)"*) ok "pages are A4" ;;
*) bad "pages are A4 (got '$size')" ;;
esac

# Text as the PDF holds it, spaces, line breaks and hyphens taken out.
pdftotext "$pout/programme.pdf" "$tmp/programme.txt" 2>/dev/null
flat <"$tmp/programme.txt" >"$tmp/programme.flat"
phas() { grep -qF -- "$(printf '%s' "$1" | flat)" "$tmp/programme.flat"; }
check "PDF holds the title" phas "Home exercise programme: Lower back relief"
check "PDF holds when to get help" phas "When to get help"

# Each exercise's name and its Today and How often lines, as the Markdown gives them
# (its backslash escapes taken out: the page shows the characters).
unmd() { sed 's/\\\(.\)/\1/g'; }
sed -n 's/^## [0-9]*\. //p' "$tmp/programme.md" | unmd >"$tmp/names"
check "the programme has the 10 exercises" test "$(wc -l <"$tmp/names")" -eq 10
sed -n 's/^- \*\*\(Today\|How often\):\*\* //p' "$tmp/programme.md" | unmd >"$tmp/lines"
cat "$tmp/names" "$tmp/lines" | while IFS= read -r line; do
	if phas "$line"; then echo "ok   PDF holds: $line"; else echo "FAIL PDF holds: $line"; fi
done >"$tmp/prows"
tally "$tmp/prows"

# ---- Pictures of the pages, for a person ------------------------------------------
if pdftoppm -r 70 -png "$pout/programme.pdf" "$pout/programme" &&
	[ "$(head -c 8 "$pout/programme-1.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
	ok "pages left in $pout/programme-*.png"
else
	bad "pages left in $pout/programme-*.png"
fi

echo "report: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
