# The words said once the terminal is back after "one of these applies" are
# whole: with the built-in emergency numbers they once ran past a 256-byte
# buffer and the last line lost "today".
if t safety-farewell; then
	sf_dir=$tmp/safety-farewell
	mkdir -p "$sf_dir"
	printf 'h' >"$sf_dir/h.in"
	run safety-farewell-whole 3 sh -c '"$1" --lines -C "$2" --history-file "$3" <"$4"' sh \
		"$LUMBAR" "$FIX/cli-small.yaml" "$sf_dir/history.tsv" "$sf_dir/h.in"
	expect_out_match '^  see someone now: Call your local emergency number \(112 in Europe and on most mobiles; 911 US and Canada; 999 UK; 000 Australia; 111 New Zealand\)\. Set yours with emergency_number\.$'
	expect_out_match '^  see a doctor soon: contact your doctor today$'
	done_test
fi
