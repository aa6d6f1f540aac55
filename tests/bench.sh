#!/usr/bin/env bash
# make bench: every speed and cost figure beside its target, as one table.
#
# Uses only the project's own code and standard tools: tmux, /proc, awk.
# Each figure is a median of several runs. Beside the countdown's cost are
# those of a floor program (tests/floor.c: sleeps to a deadline, writes a
# line a second) and, when it is installed, tty-clock, measured in the same
# run, so the figures can be read on any machine.
#
#   BENCH_SECONDS  seconds of countdown measured per run (default 60)
#   BENCH_RUNS     parallel runs of lumbar and of the floor (default 3)
#   BENCH_DRIFT    seconds after which the on-screen time is checked against
#                  the deadline (default 600; 0 skips it)
#   BENCH_LUMBAR   the binary to measure (default ./lumbar), e.g. an older
#                  build for figures before a change
set -u
cd "$(dirname "$0")/.."
LUMBAR=${BENCH_LUMBAR:-$PWD/lumbar}
FLOOR=$PWD/build/floor
secs=${BENCH_SECONDS:-60}
runs=${BENCH_RUNS:-3}
drift_secs=${BENCH_DRIFT:-600}

export LC_ALL=C.UTF-8 TZ=Europe/Paris
tmp=$(mktemp -d)
sock=lumbar-bench-$$
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_STATE_HOME=$tmp/home/.local/state
mkdir -p "$HOME"
# tmux leaves its socket files behind after kill-server; they go too.
sockdir=${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)
cleanup() {
	local p n
	tmux -L "$sock" kill-server >/dev/null 2>&1
	# A player hung up after some work logs it as it ends: let it, before rm.
	if declare -p pid >/dev/null 2>&1; then
		for p in "${pid[@]}"; do
			for n in $(seq 100); do
				kill -0 "$p" 2>/dev/null || break
				sleep 0.02
			done
		done
	fi
	rm -f "$sockdir/$sock"
	rm -rf "$tmp"
}
trap cleanup EXIT

now_ns() { date +%s%N; }

median() { sort -n | awk '{v[NR] = $1} END {if (NR) print v[int((NR + 1) / 2)]; else print "n/a"}'; }

rows=()
row() { rows+=("$(printf '%-46s %12s   %s' "$1" "$2" "$3")"); }

# ---- In-process: load, validate, plan; history ----------------------------------
hist=$tmp/history.tsv
# Ten years of history, four lines a day (about 15 000 lines), in the 7-field
# format (pain-before and step), with a stop now and then.
awk 'BEGIN {
	OFS = "\t"; srand(7)
	id[0] = "knee-to-chest"; id[1] = "hip-flexor-release"; id[2] = "knee-to-chest"; id[3] = "cat-cow"
	print "# timestamp", "exercise-id", "status", "active-seconds", "pain", "pain-before", "step"
	t = systime() - 3650 * 86400
	for (d = 0; d < 3650; d++)
		for (k = 0; k < 4; k++)
			print strftime("%Y-%m-%dT%H:%M:%S%z", t + d * 86400 + k * 14400), id[k], \
				rand() < 0.02 ? "stopped" : "done", 40 + int(rand() * 100), \
				int(rand() * 11), int(rand() * 11), "-"
}' | sed -E 's/([+-][0-9]{2})([0-9]{2})\t/\1:\2\t/' >"$hist"
# Ten years of events beside it (issue 17 §2: 20 000): a morning check-in
# and two reminders a day, a note most days, a step set now and then. On
# top of those, the outcomes of issue 22 over the ten years: the PEG once a
# week (one in ten skipped), three activities named on the first day (the
# second retired and a fourth named after five years) and rated every two
# weeks, and the safety screen shown every 90 days and last after the last
# session. The last PEG is seven days old: the menu offers it today.
awk 'BEGIN {
	OFS = "\t"; srand(11)
	print "# timestamp", "kind", "exercise", "value", "note"
	t = systime() - 3650 * 86400
	# Local midnight 3650 days ago: the outcomes fall on whole days from there.
	t0 = mktime(strftime("%Y %m %d 00 00 00", t))
	for (d = 0; d < 3650; d++) {
		ts = strftime("%Y-%m-%dT%H:%M:%S%z", t0 + d * 86400 + 50400)
		if (d == 0) {
			print ts, "activity", "-", 1, "put on socks"
			print ts, "activity", "-", 2, "sit through a film"
			print ts, "activity", "-", 3, "lift the shopping into the car"
		}
		if (d == 1825) {
			print ts, "activity-retired", "-", 2, "-"
			print ts, "activity", "-", 4, "walk to the station"
		}
		if (d % 7 == 3)
			print ts, "outcome", "peg", 1, rand() < 0.1 ? "-" : \
				int(rand() * 11) "," int(rand() * 11) "," int(rand() * 11)
		if (d % 14 == 0)
			print ts, "outcome", "activities", 1, d < 1825 ? \
				int(rand() * 11) "," int(rand() * 11) "," int(rand() * 11) : \
				int(rand() * 11) ",-," int(rand() * 11) "," int(rand() * 11)
		if (d % 90 == 0)
			print ts, "safety-shown", "-", "-", "-"
	}
	print strftime("%Y-%m-%dT%H:%M:%S%z", systime() - 60), "safety-shown", "-", "-", "-"
	for (n = d = 0; n < 20000; d = (d + 1) % 3650) {
		print strftime("%Y-%m-%dT%H:%M:%S%z", t + d * 86400 + 3600), "morning", "-", int(rand() * 11), "-"
		print strftime("%Y-%m-%dT%H:%M:%S%z", t + d * 86400 + 7200), "remind", "-", "-", "-"
		print strftime("%Y-%m-%dT%H:%M:%S%z", t + d * 86400 + 36000), "remind", "-", "-", "-"
		n += 3
		if (rand() < 0.4) {
			print strftime("%Y-%m-%dT%H:%M:%S%z", t + d * 86400 + 40000), "note", "-", "-", \
				"stiff after the drive home, better after the walk; slept badly"
			n++
		}
		if (rand() < 0.05) {
			print strftime("%Y-%m-%dT%H:%M:%S%z", t + d * 86400 + 41000), "set", "cat-cow", 1 + int(rand() * 3), "-"
			n++
		}
	}
}' | sed -E 's/([+-][0-9]{2})([0-9]{2})\t/\1:\2\t/' >"$(dirname "$hist")/events.tsv"
# The same history beside an empty events file, for the memory figure.
mkdir -p "$tmp/noevents"
cp "$hist" "$tmp/noevents/history.tsv"
: >"$tmp/noevents/events.tsv"

while read -r name us target extra; do
	case $name in
	load_plan_shipped_us) label="load+validate+plan, shipped" ;;
	load_plan_100_us) label="load+validate+plan, 100 exercises" ;;
	history_read_us) label="read+summarise $extra history lines" ;;
	steps_derive_us) label="derive every step from $extra lines" ;;
	*) label=$name ;;
	esac
	row "$label" "$(awk -v u="$us" 'BEGIN {printf "%.2f ms", u / 1000}')" \
		"< $(awk -v u="$target" 'BEGIN {printf "%g ms", u / 1000}')"
done < <(./build/bench "$hist")

# ---- Whole process: lumbar --list, --history ------------------------------------
whole() {
	for _ in $(seq 21); do
		t0=$(now_ns)
		"$@" >/dev/null 2>&1
		t1=$(now_ns)
		echo $(((t1 - t0) / 1000))
	done | median
}
us=$(whole "$LUMBAR" --list)
row "lumbar --list (whole process)" "$(awk -v u="$us" 'BEGIN {printf "%.2f ms", u / 1000}')" "< 10 ms"
us=$(whole "$LUMBAR" --history --history-file "$hist")
row "lumbar --history, 10 years" "$(awk -v u="$us" 'BEGIN {printf "%.2f ms", u / 1000}')" "< 20 ms"
us=$(whole "$LUMBAR" progress --history-file "$hist")
row "lumbar progress, 10 years" "$(awk -v u="$us" 'BEGIN {printf "%.2f ms", u / 1000}')" "< 20 ms"

# ---- lumbar report on ten years (issue 14: under 100 ms) ----------------------------
us=$(whole "$LUMBAR" report --history-file "$hist")
row "lumbar report (8 weeks), 10 years" "$(awk -v u="$us" 'BEGIN {printf "%.2f ms", u / 1000}')" "< 100 ms"
us=$(whole "$LUMBAR" report --weeks 520 --format html --history-file "$hist")
row "lumbar report --weeks 520 --format html" "$(awk -v u="$us" 'BEGIN {printf "%.2f ms", u / 1000}')" "< 100 ms"

# ---- Start-up to first frame ------------------------------------------------------
# build/launch puts CLOCK_MONOTONIC in LUMBAR_BENCH_T0_NS just before exec;
# lumbar writes the microseconds from then to its first refresh into
# LUMBAR_BENCH_OUT.
first_frame() {
	# [VAR=VALUE...] [-w REGEX] lumbar arguments: a launch counts only when
	# its screen then shows REGEX (the screen meant, not another one).
	local envs="" want="" i out
	while [[ ${1-} == [A-Z]*=* ]]; do
		envs="$envs $1"
		shift
	done
	if [ "${1-}" = -w ]; then
		want=$2
		shift 2
	fi
	for i in $(seq 11); do
		out=$tmp/ff.$i
		# Not the figure of an earlier call: each waits for its own.
		rm -f "$out"
		# A server of its own each time: a new session on a server still
		# shutting down fails ("server exited unexpectedly").
		tmux -L "$sock-ff$i" -f /dev/null new-session -d -x 80 -y 24 \
			"$envs LUMBAR_BENCH_OUT=$out exec $PWD/build/launch $LUMBAR $*"
		for _ in $(seq 400); do
			[ -s "$out" ] && break
			sleep 0.01
		done
		if [ -n "$want" ]; then
			for _ in $(seq 100); do
				tmux -L "$sock-ff$i" capture-pane -p 2>/dev/null | grep -qE "$want" && break
				sleep 0.01
			done
			tmux -L "$sock-ff$i" capture-pane -p 2>/dev/null | grep -qE "$want" || rm -f "$out"
		fi
		tmux -L "$sock-ff$i" kill-server >/dev/null 2>&1
		rm -f "$sockdir/$sock-ff$i"
		cat "$out" 2>/dev/null
		echo
	done | grep -E '^[0-9]+$' | median
}
ff_player=$(first_frame --no-ask -C tests/fixtures/bench-long.yaml long-hold)
ff_menu=$(first_frame --no-ask --history-file "$hist")
# The menu as a person meets it (issue 22 §2): questions on, the morning
# check-in off (it is asked before noon only), so the outcome offer is
# evaluated on ten years of events and the PEG, due today, comes over the
# menu. On a copy: a screen that records something must not change $hist's.
mkdir -p "$tmp/offer" "$tmp/offercfg/lumbar"
cp "$hist" "$(dirname "$hist")/events.tsv" "$tmp/offer/"
echo 'ask_morning: false' >"$tmp/offercfg/lumbar/config.yaml"
ff_offer=$(first_frame XDG_CONFIG_HOME="$tmp/offercfg" -w 'PEG' --history-file "$tmp/offer/history.tsv")
fmt_ff() { awk -v u="$1" 'BEGIN {if (u == "n/a") print u; else printf "%.2f ms", u / 1000}'; }
row "start-up to first frame, player" "$(fmt_ff "$ff_player")" "< 10 ms"
row "start-up to first frame, menu+10y" "$(fmt_ff "$ff_menu")" "< 20 ms"
row "first frame, menu+10y, PEG offered over it" "$(fmt_ff "$ff_offer")" "< 20 ms"

# ---- The countdown's cost, against the floor ---------------------------------------
sample() {
	# cpu_ns ctx_switches wchar rss_kb write_calls peak_rss_kb
	local pid=$1
	printf '%s %s %s %s %s %s\n' "$(awk '{print $1}' "/proc/$pid/schedstat")" \
		"$(awk '/^voluntary_ctxt_switches/ {v = $2} /^nonvoluntary_ctxt_switches/ {n = $2} END {print v + n}' "/proc/$pid/status")" \
		"$(awk '/^wchar/ {print $2}' "/proc/$pid/io")" \
		"$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")" \
		"$(awk '/^syscw/ {print $2}' "/proc/$pid/io")" \
		"$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")"
}

start() {
	# start NAME CMD: a window running CMD; prints its pid
	tmux -L "$sock" new-window -d -n "$1" "exec $2"
	tmux -L "$sock" display-message -p -t "$1" '#{pane_pid}'
}

# The phase time shown beside the progress bar, as seconds.
shown() {
	tmux -L "$sock" capture-pane -p -t "$1" |
		sed -nE 's/.*[░▒▓█] +([0-9]+):([0-9][0-9]) *$/\1 \2/p' | head -n 1 |
		awk '{print $1 * 60 + $2}'
}

# Wait for the shown value to change; prints "new_value time_ns".
wait_change() {
	local win=$1 from=$2 v
	while :; do
		v=$(shown "$win")
		if [ -n "$v" ] && [ "$v" != "$from" ]; then
			echo "$v $(now_ns)"
			return
		fi
		sleep 0.002
	done
}

tmux -L "$sock" -f /dev/null new-session -d -x 80 -y 24 -n idle "sleep 100000"
# Who is measured while counting: lumbar, the floor, and tty-clock (seconds
# shown) when it is installed.
progs="lumbar floor"
cmd_lumbar="$LUMBAR --no-ask --quiet -C tests/fixtures/bench-long.yaml long-hold"
cmd_floor=$FLOOR
if command -v tty-clock >/dev/null 2>&1; then
	progs="$progs ttyclock"
	cmd_ttyclock="$(command -v tty-clock) -s"
fi
declare -A pid
for p in $progs; do
	cmd=cmd_$p
	for i in $(seq "$runs"); do
		pid[$p$i]=$(start "$p$i" "${!cmd}")
	done
done
# The figure in the player (issue 21 §3), measured alongside: 30 s holds,
# each moving into its end pose over its first second, and the bridge's
# reps set (10 reps of 5 s), going and coming back each rep.
figs="fighold figreps"
cmd_fighold="$LUMBAR --no-ask --quiet -C tests/fixtures/bench-figure.yaml figure-hold"
cmd_figreps="$LUMBAR --no-ask --quiet -C tests/fixtures/bench-figure.yaml figure-reps"
for p in $figs; do
	cmd=cmd_$p
	for i in $(seq "$runs"); do
		pid[$p$i]=$(start "$p$i" "${!cmd}")
	done
done
# The line mode (issue 24) beside the full screen: the same 30 s holds
# said as lines, and played in the curses player without the figure. A line
# mode window starts half a second late, so that tmux has begun to copy what
# it writes (pipe-pane) by its first byte: the lines of each whole hold are
# counted from that copy.
lmodes="lines curshold"
cmd_lines="$LUMBAR --lines --no-ask --quiet -C tests/fixtures/bench-figure.yaml figure-hold"
cmd_curshold="$LUMBAR --no-ask --quiet --no-figure -C tests/fixtures/bench-figure.yaml figure-hold"
for i in $(seq "$runs"); do
	tmux -L "$sock" new-window -d -n "lines$i" "sleep 0.5; exec $cmd_lines"
	tmux -L "$sock" pipe-pane -o -t "lines$i" "cat >>'$tmp/lines$i.out'"
	pid[lines$i]=$(tmux -L "$sock" display-message -p -t "lines$i" '#{pane_pid}')
	pid[curshold$i]=$(start "curshold$i" "$cmd_curshold")
done
# The still screens: a paused player, the menu, the help, a player paused
# in the middle of the bridge's move, and the line mode's paused player and
# menu, and the menu with ten years and the PEG offered over it (as the
# first frame's, on its copy). Between keys they must not wake at all.
stills="paused menu help figpaused linespaused linesmenu offer"
pid[paused]=$(start paused "$LUMBAR --no-ask --quiet -C tests/fixtures/bench-long.yaml long-hold")
pid[menu]=$(start menu "$LUMBAR --no-ask --quiet -C tests/fixtures/bench-long.yaml")
pid[help]=$(start help "$LUMBAR --no-ask --quiet -C tests/fixtures/bench-long.yaml")
pid[figpaused]=$(start figpaused "$cmd_figreps")
pid[linespaused]=$(start linespaused "$LUMBAR --lines --no-ask --quiet -C tests/fixtures/bench-long.yaml long-hold")
pid[linesmenu]=$(start linesmenu "$LUMBAR --lines --no-ask --quiet -C tests/fixtures/bench-long.yaml")
pid[offer]=$(start offer "env XDG_CONFIG_HOME=$tmp/offercfg $LUMBAR --history-file $tmp/offer/history.tsv")
sleep 1
tmux -L "$sock" send-keys -t paused Space
tmux -L "$sock" send-keys -t linespaused Space
# Getting ready lasts 2 s: half a second into the first rep's move.
sleep 1.5
tmux -L "$sock" send-keys -t figpaused Space
tmux -L "$sock" send-keys -t help '?'
sleep 1
# The drift probe: catch the exact moment the display steps down, now and
# $drift_secs later; the two must be exactly that many seconds apart.
if [ "$drift_secs" -gt 0 ]; then
	v0=$(shown lumbar1)
	read -r d1 t1 < <(wait_change lumbar1 "$v0")
fi
declare -A before
for k in "${!pid[@]}"; do
	before[$k]=$(sample "${pid[$k]}")
done
s0=$(now_ns)
sleep "$secs"
s1=$(now_ns)
ns=$((s1 - s0))
# Per second (cpu in ppm of a core): cpu wake-ups bytes rss_kb writes peak_rss_kb
rate() {
	local k=$1 c0 w0 b0 r0 y0 h0 c1 w1 b1 r1 y1 h1
	read -r c0 w0 b0 r0 y0 h0 <<<"${before[$k]}"
	read -r c1 w1 b1 r1 y1 h1 < <(sample "${pid[$k]}")
	awk -v c=$((c1 - c0)) -v w=$((w1 - w0)) -v b=$((b1 - b0)) -v r="$r1" -v y=$((y1 - y0)) \
		-v h="$h1" -v ns=$ns 'BEGIN {printf "%.0f %.2f %.0f %d %.2f %d\n", c * 1e6 / ns, w * 1e9 / ns, b * 1e9 / ns, r, y * 1e9 / ns, h}'
}
for p in $progs $figs $lmodes; do
	for i in $(seq "$runs"); do
		rate "$p$i" >>"$tmp/rate.$p"
	done
done
fig() { cut -d' ' -f"$2" "$tmp/rate.$1" | median; } # program, field
others() {                                          # field: the others' figures
	local p out=""
	for p in $progs; do
		[ "$p" = lumbar ] || out="$out${out:+, }$p $(fig "$p" "$1")"
	done
	echo "$out"
}
row "CPU while counting ($(others 1))" "$(fig lumbar 1) ppm" "< 400 ppm"
row "wake-ups/s ($(others 2))" "$(fig lumbar 2)" "<= 2"
row "write()s/s ($(others 5))" "$(fig lumbar 5)" "<= 2"
row "bytes written per second" "$(fig lumbar 3) B/s" "changed cells only"
row "resident memory" "$(awk -v k="$(fig lumbar 4)" 'BEGIN {printf "%.1f MB", k / 1024}')" "< 4 MB"
row "figure, 30 s holds: CPU" "$(fig fighold 1) ppm" "< 400 ppm"
row "figure, 30 s holds: wake-ups/s" "$(fig fighold 2)" "<= 2"
row "figure, 30 s holds: write()s/s" "$(fig fighold 5)" "<= 2"
row "figure, the bridge's reps: CPU" "$(fig figreps 1) ppm" "< 800 ppm"
row "figure, the bridge's reps: wake-ups/s" "$(fig figreps 2)" "<= 5"
# The line mode's holds: the most lines and bytes written from a hold's
# first line to the rest's, over the whole holds each window copied.
hold_lines() {
	local f
	for f in "$tmp"/lines*.out; do
		tr -d '\r' <"$f" | awk '
			/: hold 30 seconds/ {on = 1; n = 1; b = length($0) + 1; next}
			on && /^Rest/ {if (n > m) m = n; if (b > mb) mb = b; on = 0; h++; next}
			on {n++; b += length($0) + 1}
			END {if (h) print m, mb, h; else print "n/a n/a 0"}'
	done | sort -n | tail -n 1
}
read -r hl hb hn < <(hold_lines)
row "line mode, 30 s holds: CPU (curses $(fig curshold 1))" "$(fig lines 1) ppm" "<= the curses player's"
row "line mode, 30 s holds: wake-ups/s (curses $(fig curshold 2))" "$(fig lines 2)" "<= 2"
row "line mode, 30 s holds: write()s/s (curses $(fig curshold 5))" "$(fig lines 5)" "<= 2"
row "line mode, 30 s holds: bytes/s (curses $(fig curshold 3))" "$(fig lines 3) B/s" "< 10 B/s"
row "line mode, lines in a 30 s hold (most of $hn)" "$hl ($hb B)" "<= 4"
row "line mode: peak memory (curses $(awk -v k="$(fig curshold 6)" 'BEGIN {printf "%.1f", k / 1024}'))" \
	"$(awk -v k="$(fig lines 6)" 'BEGIN {printf "%.1f MB", k / 1024}')" "< 4 MB"
for k in $stills; do
	row "wake-ups in $secs s, $k" "$(rate "$k" | awk -v s="$secs" '{printf "%.0f", $2 * s}')" "0"
done
# What the menu keeps while it waits, with ten years of files read.
row "menu+10y, PEG offered: resident (peak)" "$(rate offer | awk '{printf "%.1f MB (%.1f)", $4 / 1024, $6 / 1024}')" \
	"< 8 MB"

# ---- The phase-change bell, against the plan -----------------------------------------
# lumbar in a pty of its own (build/launch --bells) plays a routine of 1-2 s
# phases; each BEL byte is timed from lumbar's first frame. Every phase
# change (and the end) must ring within 20 ms of its deadline in the plan.
plan_tsv=$("$LUMBAR" -C tests/fixtures/e2e-short.yaml --plan all --format=tsv)
total=$(printf '%s\n' "$plan_tsv" | awk -F'\t' '$1 == "#total" {print $2}')
for i in $(seq "$runs"); do
	TERM=xterm "$PWD/build/launch" --bells $((total + 2)) "$LUMBAR" --no-ask \
		-C tests/fixtures/e2e-short.yaml all >"$tmp/bells.$i"
	# The deadlines: every phase's start after the first, and the total.
	printf '%s\n' "$plan_tsv" | awk -F'\t' -v total="$total" -v bells="$tmp/bells.$i" '
		BEGIN { while ((getline t < bells) > 0) b[n++] = t }
		$1 ~ /^[0-9]+$/ && $1 > 0 { d[m++] = $1 * 1000 }
		END {
			d[m++] = total * 1000
			worst = 0
			for (j = 0; j < m; j++) {
				best = -1
				for (k = 0; k < n; k++) {
					e = b[k] - d[j]; if (e < 0) e = -e
					if (best < 0 || e < best) best = e
				}
				if (best < 0) { print "n/a"; exit }
				if (best > worst) worst = best
			}
			printf "%.1f\n", worst
		}'
done >"$tmp/bell"
row "phase-change bell, worst of $(($(printf '%s\n' "$plan_tsv" | grep -c '^[0-9]'))) per run" \
	"$(median <"$tmp/bell") ms" "<= 20 ms late or early"

if [ "$drift_secs" -gt 0 ]; then
	rest=$(((t1 + drift_secs * 1000000000 - $(now_ns)) / 1000000000 - 1))
	[ "$rest" -gt 0 ] && sleep "$rest"
	v=$(shown lumbar1)
	read -r d2 t2 < <(wait_change lumbar1 "$v")
	drift_ms=$(awk -v a="$t1" -v b="$t2" -v s=$((d1 - d2)) \
		'BEGIN {printf "%+.0f", (b - a) / 1e6 - s * 1000}')
	row "on-screen drift after $((d1 - d2)) s" "$drift_ms ms" "within 100 ms"
fi

# ---- Whole process: lumbar due and status, for prompts (issue 14 §2, §6; 17 §2) --
for args in "due --quiet" "due --count"; do
	# shellcheck disable=SC2086 # the words of args are meant to split
	us=$(whole "$LUMBAR" $args --history-file "$hist")
	row "lumbar $args, 10 years + 20000 events" "$(awk -v u="$us" 'BEGIN {printf "%.2f ms", u / 1000}')" "< 10 ms"
done
for args in "due --format=line" "status --format=json"; do
	# shellcheck disable=SC2086 # the words of args are meant to split
	us=$(whole "$LUMBAR" $args --history-file "$hist")
	row "lumbar $args, 10 years + events" "$(awk -v u="$us" 'BEGIN {printf "%.2f ms", u / 1000}')" "< 20 ms"
done
# Peak memory (maximum resident set, GNU time's %M) of due --quiet with ten
# years of events against the same with an empty events file.
peak_kb() { for _ in 1 2 3 4 5; do /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; done | median; }
if [ -x /usr/bin/time ]; then
	with=$(peak_kb "$LUMBAR" due --quiet --history-file "$hist")
	without=$(peak_kb "$LUMBAR" due --quiet --history-file "$tmp/noevents/history.tsv")
	row "due --quiet peak memory, events vs none" "$(awk -v a="$with" -v b="$without" \
		'BEGIN {printf "%+.2f MB", (a - b) / 1024}')" "within 1 MB ($with vs $without kB)"
fi

# ---- Outcomes, activities, sessions logged (issue 22), on ten years ------------------
# log and checkin add a line each run: they run on a copy of the files.
mkdir -p "$tmp/write"
cp "$hist" "$(dirname "$hist")/events.tsv" "$tmp/write/"
whole_row() { # label target command...: the whole-process median as a row
	local label=$1 target=$2 us
	shift 2
	us=$(whole "$@")
	row "$label" "$(awk -v u="$us" 'BEGIN {printf "%.2f ms", u / 1000}')" "$target"
}
whole_row "lumbar log ID, 10 years + events" "< 20 ms" \
	"$LUMBAR" log knee-to-chest --pain-before 3 --pain 2 --history-file "$tmp/write/history.tsv"
whole_row "lumbar activities, 10 years of ratings" "< 20 ms" \
	"$LUMBAR" activities --history-file "$hist"
whole_row "lumbar checkin --peg 5 4 6, 10 years" "< 20 ms" \
	"$LUMBAR" checkin --peg 5 4 6 --history-file "$tmp/write/history.tsv"
# The report's Outcomes section: the same report without the outcome lines
# (and the activities') beside it.
mkdir -p "$tmp/nooutcomes"
cp "$hist" "$tmp/nooutcomes/history.tsv"
grep -vE '	(outcome|activity|activity-retired)	' "$(dirname "$hist")/events.tsv" >"$tmp/nooutcomes/events.tsv"
for args in "--format md" "--format html" "--weeks 520 --format html"; do
	case $args in
	--weeks*) label="report 520 weeks html" ;;
	*) label="report 8 weeks ${args#--format }" ;;
	esac
	# shellcheck disable=SC2086 # the words of args are meant to split
	us=$(whole "$LUMBAR" report $args --history-file "$tmp/nooutcomes/history.tsv")
	# shellcheck disable=SC2086
	whole_row "$label, Outcomes (without $(awk -v u="$us" 'BEGIN {printf "%.1f", u / 1000}'))" \
		"< 100 ms" "$LUMBAR" report $args --history-file "$hist"
done
# Peak memory of the new commands on the ten years (a short command: at most
# twice the player's resident target), due --quiet's in the label.
if [ -x /usr/bin/time ]; then
	peak_row() { # label command...
		local label=$1 kb
		shift
		kb=$(peak_kb "$@")
		row "$label" "$(awk -v k="$kb" 'BEGIN {printf "%.1f MB", k / 1024}')" "< 8 MB (due --quiet $with kB)"
	}
	peak_row "lumbar log ID: peak memory" \
		"$LUMBAR" log knee-to-chest --pain-before 3 --pain 2 --history-file "$tmp/write/history.tsv"
	peak_row "lumbar activities: peak memory" "$LUMBAR" activities --history-file "$hist"
	peak_row "lumbar report --weeks 520 html: peak memory" \
		"$LUMBAR" report --weeks 520 --format html --history-file "$hist"
fi

echo "lumbar $(./lumbar --version | head -n 1 | cut -d' ' -f2) benchmark, $(date -u +%Y-%m-%d)"
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(uname -sr)"
echo
printf '%-46s %12s   %s\n' "figure" "measured" "target"
printf '%s\n' "${rows[@]}"
