#!/usr/bin/env bash
# tests/install.sh - `make install` into a staging folder with PREFIX=/usr,
# run the staged binary from / with nothing else around it, then
# `make uninstall` must remove every file it installed.
#
# Builds a copy of the tree, so the main build keeps its own PREFIX.
# Ends with "install: N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 1
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() {
	echo "ok   $1"
	passed=$((passed + 1))
}
bad() {
	echo "FAIL $1"
	shift
	printf '  %s\n' "$@"
	failed=$((failed + 1))
}

mkdir "$tmp/src"
# The tracked files plus any new ones not yet committed, without build output.
tar -cf - --exclude=./build --exclude=./lumbar --exclude=./.git . | tar -xf - -C "$tmp/src"
stage=$tmp/stage

if make -C "$tmp/src" -s install DESTDIR="$stage" PREFIX=/usr >"$tmp/log" 2>&1; then
	ok install-runs
else
	bad install-runs "$(tail -n 5 "$tmp/log")"
fi

for f in usr/bin/lumbar usr/share/lumbar/exercises.yaml usr/share/man/man1/lumbar.1 \
	usr/share/bash-completion/completions/lumbar usr/share/zsh/site-functions/_lumbar; do
	if [ -f "$stage/$f" ]; then ok "installs-$f"; else bad "installs-$f" "missing"; fi
done

# From /, with an empty HOME: the staged binary must work on its own.
out=$(cd / && env -i PATH=/usr/bin:/bin HOME="$tmp/home" LC_ALL=C.UTF-8 \
	"$stage/usr/bin/lumbar" --list 2>&1)
if [ "$(printf '%s\n' "$out" | wc -l)" -eq 10 ] && printf '%s' "$out" | grep -q '^knee-to-chest'; then
	ok staged-binary-lists
else
	bad staged-binary-lists "$out"
fi
ver=$(cd / && env -i HOME="$tmp/home" "$stage/usr/bin/lumbar" --version 2>&1)
if printf '%s' "$ver" | grep -q '^lumbar [0-9]'; then ok staged-version; else bad staged-version "$ver"; fi

if man --warnings -l "$stage/usr/share/man/man1/lumbar.1" >/dev/null 2>"$tmp/man.err" &&
	[ ! -s "$tmp/man.err" ]; then
	ok man-page-renders
elif ! command -v man >/dev/null 2>&1; then
	# man-db is not part of a minimal Debian; groff checks the same.
	if groff -man -ww -z "$stage/usr/share/man/man1/lumbar.1" 2>"$tmp/man.err" &&
		[ ! -s "$tmp/man.err" ]; then
		ok man-page-renders
	else
		bad man-page-renders "$(cat "$tmp/man.err")"
	fi
else
	bad man-page-renders "$(cat "$tmp/man.err")"
fi

# What a reader sees, not only what groff warns about: `\"` inside a line
# starts a roff comment and once cut the settings example short.
page=$(groff -man -Tascii -P-cbou "$stage/usr/share/man/man1/lumbar.1" 2>&1)
if printf '%s\n' "$page" | grep -qF 'on_phase: "notify-send "$LUMBAR_SAY""' &&
	printf '%s\n' "$page" | grep -qF 'bell: false            # true or false (also yes/no, on/off)'; then
	ok man-page-settings-example
else
	bad man-page-settings-example "$(printf '%s\n' "$page" | grep -A2 'level: medium')"
fi
# No line of the source has a comment after text.
if grep -n '[^.].*\\"' "$stage/usr/share/man/man1/lumbar.1" >"$tmp/comments"; then
	bad man-page-no-inline-comments "$(cat "$tmp/comments")"
else
	ok man-page-no-inline-comments
fi

make -C "$tmp/src" -s uninstall DESTDIR="$stage" PREFIX=/usr >"$tmp/log" 2>&1
left=$(find "$stage" -type f)
if [ -z "$left" ]; then ok uninstall-removes-all; else bad uninstall-removes-all $left; fi

echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
