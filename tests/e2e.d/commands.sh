# shellcheck shell=bash
# The table of commands on a terminal (issue 18.13): `lumbar safety` shows
# the lists with a broken settings file or catalogue, and names the broken
# file once the terminal is back. Sourced by tests/e2e.sh.

test_safety_with_broken_files() {
	open_pane safebroken 160 30 || return 1
	local cfg="$tmp/safebroken-config"
	mkdir -p "$cfg/lumbar"
	printf 'bell: maybe\n' >"$cfg/lumbar/config.yaml"
	keys "clear; XDG_CONFIG_HOME='$cfg' $BIN --catalogue tests/fixtures/bad-syntax.yaml --history-file '$hist' safety; $REPORT" Enter
	wait_for 'c none of these, continue' || return 1
	expect 'See someone now if you have:' || return 1
	keys c
	expect_exit 0 || return 1
	expect "config.yaml:1:7: bell: 'maybe' is not true or false" || return 1
	expect '^tests/fixtures/bad-syntax.yaml:[0-9]+:[0-9]+: ' || return 1
}
run_test safety_with_broken_files

# An exercise whose id is now a verb (`why`) still loads, and plays from the
# menu and with `lumbar play why`, while `lumbar why` is the verb.
test_exercise_named_like_a_verb() {
	local cat="$tmp/why.yaml"
	sed 's/id: side-hold/id: why/' "$SHORT" >"$cat"
	open_pane whyid || return 1
	run --catalogue "$cat" --history-file "'$hist'"
	wait_for '^> Full routine' || return 1
	keys j j
	wait_for '^> Side hold stretch' || return 1
	keys Enter
	wait_for 'Exercise 1 of 1' || return 1
	keys q
	wait_for 'Quit\? y/n' || return 1
	keys y
	wait_for '^> Side hold stretch' || return 1
	keys q
	expect_exit 0 || return 1
	run --catalogue "$cat" --history-file "'$hist'" play why
	wait_for 'Exercise 1 of 1' || return 1
	expect 'Side hold stretch' || return 1
	keys q
	wait_for 'Quit\? y/n' || return 1
	keys y
	expect_exit 0
}
run_test exercise_named_like_a_verb
