#!/usr/bin/env bash
# tests/e2e-valgrind.sh - the tmux end-to-end tests once more, with lumbar
# under valgrind: every run must end with no memory errors and no definite
# leaks. ncurses keeps some memory until exit on purpose ("still
# reachable"); that is not counted.
#
# Ends with "e2e-valgrind: N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 1

if ! command -v valgrind >/dev/null 2>&1; then
	echo "e2e-valgrind: valgrind is needed (scripts/install-deps installs it)"
	echo "e2e-valgrind: 0 passed, 1 failed"
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/lumbar" <<WRAP
#!/bin/sh
exec valgrind -q --leak-check=full --errors-for-leak-kinds=definite \\
	--error-exitcode=99 --log-file="$tmp/vg.%p" "$PWD/lumbar" "\$@"
WRAP
chmod +x "$tmp/lumbar"

# Every test but Ctrl-Z: valgrind's own signal handling turns job control
# into a test of valgrind. (ERE has no negation: this matches any name that
# does not start with "ctrl_z".)
filter=${E2E_FILTER:-'^([^c]|c[^t]|ct[^r]|ctr[^l]|ctrl[^_]|ctrl_[^z])'}
LUMBAR_BIN=$tmp/lumbar E2E_FILTER=$filter E2E_SLOW=${E2E_SLOW:-3} tests/e2e.sh >"$tmp/out" 2>&1
rc=$?
sed 's/^e2e: /e2e (valgrind): /' "$tmp/out"

summary=$(grep -E '^e2e: [0-9]+ passed' "$tmp/out" | tail -n 1)
passed=$(printf '%s' "$summary" | sed -n 's/^e2e: \([0-9]*\) passed.*/\1/p')
failed=$(printf '%s' "$summary" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
passed=${passed:-0}
failed=${failed:-1}

# Every valgrind log must be empty of errors.
runs=0
bad=0
for log in "$tmp"/vg.*; do
	[ -e "$log" ] || continue
	runs=$((runs + 1))
	if grep -qE 'ERROR SUMMARY: [1-9]|definitely lost: [1-9]|Invalid (read|write)|uninitialised' "$log"; then
		bad=$((bad + 1))
		echo "valgrind found a problem ($log):"
		sed 's/^/  /' "$log" | head -n 40
	fi
done
echo "valgrind: $runs runs of lumbar, $bad with errors or definite leaks"
if [ "$runs" -eq 0 ]; then
	echo "valgrind: lumbar never ran"
	bad=1
fi
if [ "$bad" -gt 0 ]; then
	failed=$((failed + 1))
else
	passed=$((passed + 1))
fi
echo "e2e-valgrind: $passed passed, $failed failed"
[ "$rc" -eq 0 ] && [ "$bad" -eq 0 ]
