# shellcheck shell=bash
# Figures and videos (issue 21 §1 and §4): `show` draws the key poses above
# the steps within 80 columns, `check` locates a figure's mistakes, `programme`
# writes the home-exercise sheet. Sourced by tests/cli.sh: run, t, expect_*,
# $LUMBAR, $FIX, $tmp.

fig_dir=$tmp/figure
mkdir -p "$fig_dir"

# The widest line of the figures in stdout, in columns (a Braille cell is one).
fig_widest() {
	awk '/^Figure/ {on = 1} /^(Starting position|Steps):$/ {on = 0} on' "$out" |
		LC_ALL=C.UTF-8 wc -L
}

# A catalogue of one exercise with the figure lines given (indented by 4).
fig_catalogue() {
	{
		printf '%s\n' 'version: 1' 'routine:' '  video: https://example.org/routine' \
			'exercises:' '  - id: lift' '    name: Leg lift' '    summary: Lift a leg.' \
			'    steps: [Lift the leg., Lower it.]' '    frequency: { times: 1, per: day }'
		printf '%s\n' "$@"
		printf '%s\n' '    sets:' '      - { name: Lift, mode: hold, hold: 5, reps: 2 }'
	} >"$fig_dir/cat.yaml"
}

if t figure-show; then
	run figure-show-braille 0 "$LUMBAR" show knee-to-chest --history-file "$fig_dir/h.tsv"
	expect_out_match '^Figure \(start, then end\):$'
	# Braille (U+2800..U+28FF) above the steps, and every line fits 80 columns.
	LC_ALL=C grep -q $'\xe2[\xa0-\xa3]' "$out" || fail "no Braille in the figure"
	fig_line=$(grep -n '^Figure' "$out" | head -n 1 | cut -d: -f1)
	steps_line=$(grep -n '^Steps:$' "$out" | cut -d: -f1)
	[ "$fig_line" -lt "$steps_line" ] || fail "the figure is not above the steps"
	[ "$(fig_widest)" -le 80 ] || fail "a line is $(fig_widest) columns wide"
	expect_out_match '^Video: https://www\.youtube\.com/watch\?v=sgO7BK6fxK4$'
	done_test
	# Where the locale is not UTF-8, plain ASCII: the head an O, no byte over 127.
	run figure-show-ascii 0 env LC_ALL=C "$LUMBAR" show knee-to-chest --history-file "$fig_dir/h.tsv"
	expect_out_match '^Figure \(start, then end\):$'
	expect_out_match '^ +O +-'
	LC_ALL=C grep -q $'[\x80-\xff]' "$out" && fail "a byte over 127 in the C locale"
	done_test
	# Sets with figures of their own each show theirs, named; two rounds of one share it.
	run figure-show-sets 0 "$LUMBAR" show pelvic-tilts-bridges --history-file "$fig_dir/h.tsv"
	expect_out_match '^Figure, Pelvic tilt:$'
	expect_out_match '^Figure, Bridge:$'
	done_test
	run figure-show-rounds 0 "$LUMBAR" show core-stabilisation --history-file "$fig_dir/h.tsv"
	expect_out_match '^Figure, Plank \(round 1\), Plank \(round 2\):$'
	expect_out_match '^Figure, Bird dog \(round 1\), Bird dog \(round 2\):$'
	[ "$(grep -c '^Figure' "$out")" -eq 3 ] || fail "want 3 figures"
	[ "$(fig_widest)" -le 80 ] || fail "a line is $(fig_widest) columns wide"
	done_test
	# Every shipped exercise has a figure.
	for id in $("$LUMBAR" list --format=tsv | awk -F'\t' 'NR > 1 && $4 !~ /^routine/ {print $1}'); do
		run "figure-show-every-$id" 0 "$LUMBAR" show "$id" --history-file "$fig_dir/h.tsv"
		expect_out_match '^Figure'
		done_test
	done
	# A named routine shows the routine's video too.
	run figure-show-routine-video 0 "$LUMBAR" show morning --history-file "$fig_dir/h.tsv"
	expect_out_match '^Video: https://www\.youtube\.com/watch\?v=sgO7BK6fxK4$'
	done_test
	# A catalogue without figures or video shows neither.
	run figure-show-none 0 "$LUMBAR" -C "$FIX/cli-small.yaml" show alpha \
		--history-file "$fig_dir/h.tsv"
	grep -q '^Figure' "$out" && fail "a figure where the catalogue has none"
	grep -q '^Video' "$out" && fail "a video where the catalogue has none"
	done_test
fi

if t figure-check; then
	fig_catalogue '    figure:' '      poses:' '        - head 6 27, neck 10 28, hip 30 29, knee 40 20, foot 46 30' \
		'        - head 6 27, neck 10 28, hip 30 29, knee 24 14, toe 34 20'
	run figure-check-joint 65 "$LUMBAR" check "$fig_dir/cat.yaml"
	expect_err_line "$fig_dir/cat.yaml:13:57: exercise 'lift': figure.poses item 2: unknown joint 'toe' (use head, neck, mid, hip, shoulder, elbow, hand, knee, foot, elbow2, hand2, knee2, foot2)"
	expect_empty_out
	done_test
	fig_catalogue '    figure:' '      poses:' '        - head 6 27, neck 10 28, hip 30 29, knee 40 33, foot 46 30' \
		'        - head 6 27, neck 10 28, hip 30 29, knee 24 14, foot 34 20'
	run figure-check-box 65 "$LUMBAR" check "$fig_dir/cat.yaml"
	expect_err_line "$fig_dir/cat.yaml:12:53: exercise 'lift': figure.poses item 1: joint 'knee' is outside the box (x 0..47, y 0..31)"
	done_test
	fig_catalogue '    figure:' '      poses: [ "head 6 27, neck 10 28, hip 30 29" ]'
	run figure-check-one-pose 65 "$LUMBAR" check "$fig_dir/cat.yaml"
	expect_err_line "$fig_dir/cat.yaml:11:14: exercise 'lift': figure needs at least 2 poses (the start and the end), not 1"
	done_test
	fig_catalogue '    figure:' '      view: side' '      poses:' '        - head 6 27, neck 10 28, hip 30 29' \
		'        - head 6 26, neck 10 28, hip 30 29'
	run figure-check-good 0 "$LUMBAR" check "$fig_dir/cat.yaml"
	expect_empty_out
	[ ! -s "$err" ] || fail "stderr is not empty"
	done_test
	run figure-show-own 0 "$LUMBAR" -C "$fig_dir/cat.yaml" show lift --history-file "$fig_dir/h.tsv"
	expect_out_match '^Figure \(start, then end\):$'
	expect_out_match '^Video: https://example\.org/routine$'
	done_test
	# An exercise's own video wins over the routine's; anything but a web address is refused.
	fig_catalogue '    video: https://example.org/lift'
	run figure-show-own-video 0 "$LUMBAR" -C "$fig_dir/cat.yaml" show lift --history-file "$fig_dir/h.tsv"
	expect_out_match '^Video: https://example\.org/lift$'
	done_test
	fig_catalogue '    video: /etc/passwd'
	run figure-check-video 65 "$LUMBAR" check "$fig_dir/cat.yaml"
	expect_err_line "$fig_dir/cat.yaml:10:12: exercise 'lift': video: '/etc/passwd' is not a web address (https://...)"
	done_test
fi

# `lumbar programme`: the home-exercise sheet, Markdown by default.
if t figure-programme; then
	run figure-programme-md 0 "$LUMBAR" programme --history-file "$fig_dir/h.tsv"
	expect_out_match '^# Home exercise programme: Lower back relief$'
	[ "$(grep -c '^## [0-9]*\. ' "$out")" -eq 10 ] || fail "want 10 exercise blocks"
	# 7 exercises of one figure, 2 of two (their sets differ), the core circuit's 3.
	[ "$(grep -c '^```text$' "$out")" -eq 14 ] || fail "want 14 figures"
	expect_out_match '^- \*\*Today:\*\* hold 5 s x 2 reps, alternating sides \\\(step 1 of 2\\\)$'
	expect_out_match '^- \*\*Ahead:\*\* next, and last, step 2 of 2: hold 5 s x 3 reps, alternating sides$'
	expect_out_match '^- \*\*How often:\*\* twice a day \\\(morning, evening\\\)$'
	expect_out_match '^- \*\*Take care:\*\* Move slowly and guide the knee gently with your hands\.$'
	expect_out_match '^## When to get help$'
	LC_ALL=C grep -q $'\xe2[\xa0-\xa3]' "$out" || fail "no Braille in the figures"
	done_test
	run figure-programme-routine 0 "$LUMBAR" programme morning --level hard \
		--history-file "$fig_dir/h.tsv"
	expect_out_match '^# Home exercise programme: Morning$'
	[ "$(grep -c '^## [0-9]*\. ' "$out")" -eq 3 ] || fail "want the 3 exercises of morning"
	expect_out_match '^- \*\*Today:\*\* hold 5 s x 3 reps, alternating sides \\\(hard level\\\)$'
	grep -q 'Ahead' "$out" && fail "steps ahead at a level chosen for the run"
	done_test
	run figure-programme-ascii 0 env LC_ALL=C "$LUMBAR" programme cat-cow \
		--history-file "$fig_dir/h.tsv"
	expect_out_match '^# Home exercise programme: Cat-cow$'
	LC_ALL=C grep -q $'[\x80-\xff]' "$out" && fail "a byte over 127 in the C locale"
	done_test
	# HTML: one SVG a pose, each with a circle for the head, and file text escaped.
	sed 's/name: Alpha hold/name: Alpha <b>\&amp; hold/' "$FIX/cli-small.yaml" >"$fig_dir/esc.yaml"
	run figure-programme-escaped 0 "$LUMBAR" -C "$fig_dir/esc.yaml" programme --format html \
		--history-file "$fig_dir/h.tsv"
	expect_out_match '<h2>1\. Alpha &lt;b&gt;&amp;amp; hold</h2>'
	grep -q '<svg' "$out" && fail "an SVG where the catalogue has no figure"
	done_test
	run figure-programme-html 0 "$LUMBAR" programme --format html -o "$fig_dir/p.html" \
		--history-file "$fig_dir/h.tsv"
	expect_empty_out
	[ "$(grep -o '<svg' "$fig_dir/p.html" | wc -l)" -eq 28 ] || fail "want 28 poses as SVG"
	[ "$(grep -o '<circle' "$fig_dir/p.html" | wc -l)" -eq 28 ] || fail "want 28 heads"
	grep -q '<polyline' "$fig_dir/p.html" || fail "no polyline"
	grep -q 'Video of the whole routine: <a href="https://www.youtube.com/watch?v=sgO7BK6fxK4">' \
		"$fig_dir/p.html" || fail "no link to the video"
	done_test
	# -o follows the report's rules: nothing half written, a clear error, exit 74.
	run figure-programme-no-dir 74 "$LUMBAR" programme -o "$fig_dir/no/such/p.md" \
		--history-file "$fig_dir/h.tsv"
	expect_err_line "lumbar: cannot write $fig_dir/no/such/p.md: No such file or directory"
	expect_empty_out
	done_test
	run figure-programme-format 64 "$LUMBAR" programme --format csv
	expect_err_line "lumbar: programme: unknown format 'csv' (use md or html) (try 'lumbar --help')"
	done_test
	run figure-programme-unknown 64 "$LUMBAR" programme nope --history-file "$fig_dir/h.tsv"
	expect_err_line "lumbar: no exercise 'nope' (see 'lumbar --list')"
	done_test
fi
