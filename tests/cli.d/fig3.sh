# shellcheck shell=bash
# The player's figure turned off (issue 21 §3): --no-figure is an option
# the help lists and every command takes, config.yaml's `figure` is a
# boolean checked like the others. Sourced by tests/cli.sh: run, t,
# expect_*, $LUMBAR, $FIX, $tmp.

fig3_dir=$tmp/fig3
mkdir -p "$fig3_dir/config/lumbar"

if t fig3-option; then
	run fig3-help-lists-no-figure 0 "$LUMBAR" --help
	expect_out_match '^ +--no-figure +no moving figure in the player$'
	done_test

	run fig3-no-figure-before 0 "$LUMBAR" --no-figure -C "$FIX/cli-small.yaml" --list
	expect_out_match '^alpha +Alpha hold'
	done_test

	run fig3-no-figure-after 0 "$LUMBAR" -C "$FIX/cli-small.yaml" list --no-figure
	expect_out_match '^alpha +Alpha hold'
	done_test
fi

if t fig3-settings; then
	printf 'figure: false\n' >"$fig3_dir/config/lumbar/config.yaml"
	run fig3-settings-figure-false 0 env XDG_CONFIG_HOME="$fig3_dir/config" \
		"$LUMBAR" -C "$FIX/cli-small.yaml" --list
	expect_out_match '^alpha +Alpha hold'
	done_test

	printf 'bell: true\nfigure: maybe\n' >"$fig3_dir/config/lumbar/config.yaml"
	run fig3-settings-figure-not-boolean 65 env XDG_CONFIG_HOME="$fig3_dir/config" \
		"$LUMBAR" -C "$FIX/cli-small.yaml" --list
	expect_empty_out
	expect_err_line "$fig3_dir/config/lumbar/config.yaml:2:9: figure: 'maybe' is not true or false"
	done_test
fi
