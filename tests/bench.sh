#!/usr/bin/env bash
# make bench: every speed and cost figure beside its target, as one table.
#
# Uses only the project's own code and standard tools: tmux, /proc, awk.
# Each figure is a median of several runs. The countdown's cost is compared
# with a floor program (tests/floor.c: sleeps to a deadline, writes a line a
# second) measured in the same run, so the figures mean the same on any
# machine.
#
#   BENCH_SECONDS  seconds of countdown measured per run (default 60)
#   BENCH_RUNS     parallel runs of lumbar and of the floor (default 3)
#   BENCH_DRIFT    seconds after which the on-screen time is checked against
#                  the deadline (default 600; 0 skips it)
set -u
cd "$(dirname "$0")/.."
LUMBAR=$PWD/lumbar
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
	tmux -L "$sock" kill-server >/dev/null 2>&1
	rm -f "$sockdir/$sock"
	rm -rf "$tmp"
}
trap cleanup EXIT

now_ns() { date +%s%N; }

median() { sort -n | awk '{v[NR] = $1} END {if (NR) print v[int((NR + 1) / 2)]; else print "n/a"}'; }

rows=()
row() { rows+=("$(printf '%-34s %12s   %s' "$1" "$2" "$3")"); }

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

while read -r name us target extra; do
	case $name in
	load_plan_shipped_us) label="load+validate+plan, shipped" ;;
	load_plan_100_us) label="load+validate+plan, 100 exercises" ;;
	history_read_us) label="read+summarise $extra history lines" ;;
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

# ---- Start-up to first frame ------------------------------------------------------
# build/launch puts CLOCK_MONOTONIC in LUMBAR_BENCH_T0_NS just before exec;
# lumbar writes the microseconds from then to its first refresh into
# LUMBAR_BENCH_OUT.
first_frame() {
	# $@: lumbar arguments
	for i in $(seq 11); do
		out=$tmp/ff.$i
		# A server of its own each time: a new session on a server still
		# shutting down fails ("server exited unexpectedly").
		tmux -L "$sock-ff$i" -f /dev/null new-session -d -x 80 -y 24 \
			"LUMBAR_BENCH_OUT=$out exec $PWD/build/launch $LUMBAR $*"
		for _ in $(seq 400); do
			[ -s "$out" ] && break
			sleep 0.01
		done
		tmux -L "$sock-ff$i" kill-server >/dev/null 2>&1
		rm -f "$sockdir/$sock-ff$i"
		cat "$out" 2>/dev/null
		echo
	done | grep -E '^[0-9]+$' | median
}
ff_player=$(first_frame -C tests/fixtures/bench-long.yaml long-hold)
ff_menu=$(first_frame --history-file "$hist")
fmt_ff() { awk -v u="$1" 'BEGIN {if (u == "n/a") print u; else printf "%.2f ms", u / 1000}'; }
row "start-up to first frame, player" "$(fmt_ff "$ff_player")" "< 10 ms"
row "start-up to first frame, menu+10y" "$(fmt_ff "$ff_menu")" "< 20 ms"

# ---- The countdown's cost, against the floor ---------------------------------------
sample() {
	# cpu_ns ctx_switches wchar rss_kb
	local pid=$1
	printf '%s %s %s %s\n' "$(awk '{print $1}' "/proc/$pid/schedstat")" \
		"$(awk '/^voluntary_ctxt_switches/ {v = $2} /^nonvoluntary_ctxt_switches/ {n = $2} END {print v + n}' "/proc/$pid/status")" \
		"$(awk '/^wchar/ {print $2}' "/proc/$pid/io")" \
		"$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")"
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
declare -a lpid fpid
for i in $(seq "$runs"); do
	lpid[i]=$(start "lumbar$i" "$LUMBAR --quiet -C tests/fixtures/bench-long.yaml long-hold")
	fpid[i]=$(start "floor$i" "$FLOOR")
done
sleep 2
# The drift probe: catch the exact moment the display steps down, now and
# $drift_secs later; the two must be exactly that many seconds apart.
if [ "$drift_secs" -gt 0 ]; then
	v0=$(shown lumbar1)
	read -r d1 t1 < <(wait_change lumbar1 "$v0")
fi
for i in $(seq "$runs"); do
	read -r lc0[i] lw0[i] lb0[i] _ < <(sample "${lpid[i]}")
	read -r fc0[i] fw0[i] fb0[i] _ < <(sample "${fpid[i]}")
done
s0=$(now_ns)
sleep "$secs"
s1=$(now_ns)
for i in $(seq "$runs"); do
	read -r lc1 lw1 lb1 lrss < <(sample "${lpid[i]}")
	read -r fc1 fw1 fb1 frss < <(sample "${fpid[i]}")
	ns=$((s1 - s0))
	echo "$(((lc1 - lc0[i]) * 1000000 / ns)) $(((fc1 - fc0[i]) * 1000000 / ns))" >>"$tmp/cpu"
	awk -v a=$((lw1 - lw0[i])) -v b=$((fw1 - fw0[i])) -v ns=$ns \
		'BEGIN {printf "%.2f %.2f\n", a * 1e9 / ns, b * 1e9 / ns}' >>"$tmp/wake"
	awk -v a=$((lb1 - lb0[i])) -v ns=$ns 'BEGIN {printf "%.0f\n", a * 1e9 / ns}' >>"$tmp/bytes"
	echo "$lrss $frss" >>"$tmp/rss"
done
cpu_l=$(cut -d' ' -f1 "$tmp/cpu" | median)
cpu_f=$(cut -d' ' -f2 "$tmp/cpu" | median)
wake_l=$(cut -d' ' -f1 "$tmp/wake" | median)
wake_f=$(cut -d' ' -f2 "$tmp/wake" | median)
rss_l=$(cut -d' ' -f1 "$tmp/rss" | median)
row "CPU while counting (floor $cpu_f ppm)" "$cpu_l ppm" "<= $((2 * cpu_f)) ppm (2x floor)"
row "wake-ups/s (floor $wake_f)" "$wake_l" "<= $(awk -v f="$wake_f" 'BEGIN {printf "%.2f", f + 0.5}') (floor+0.5)"
row "resident memory" "$(awk -v k="$rss_l" 'BEGIN {printf "%.1f MB", k / 1024}')" "< 4 MB"
row "bytes written per second" "$(median <"$tmp/bytes") B/s" "changed cells only"

if [ "$drift_secs" -gt 0 ]; then
	rest=$(((t1 + drift_secs * 1000000000 - $(now_ns)) / 1000000000 - 1))
	[ "$rest" -gt 0 ] && sleep "$rest"
	v=$(shown lumbar1)
	read -r d2 t2 < <(wait_change lumbar1 "$v")
	drift_ms=$(awk -v a="$t1" -v b="$t2" -v s=$((d1 - d2)) \
		'BEGIN {printf "%+.0f", (b - a) / 1e6 - s * 1000}')
	row "on-screen drift after $((d1 - d2)) s" "$drift_ms ms" "within 100 ms"
fi

echo "lumbar $(./lumbar --version | head -n 1 | cut -d' ' -f2) benchmark, $(date -u +%Y-%m-%d)"
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(uname -sr)"
echo
printf '%-34s %12s   %s\n' "figure" "measured" "target"
printf '%s\n' "${rows[@]}"
