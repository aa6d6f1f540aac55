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

# Built as a Debian package is: with dpkg-buildflags' hardening flags in the
# environment (-D_FORTIFY_SOURCE=2 comes in CPPFLAGS), and without a warning.
dpkg_env() {
	env CPPFLAGS="$(dpkg-buildflags --get CPPFLAGS)" CFLAGS="$(dpkg-buildflags --get CFLAGS)" \
		LDFLAGS="$(dpkg-buildflags --get LDFLAGS)" "$@"
}
if dpkg_env make -C "$tmp/src" -s install DESTDIR="$stage" PREFIX=/usr >"$tmp/log" 2>&1; then
	ok install-runs
else
	bad install-runs "$(tail -n 5 "$tmp/log")"
fi
if grep -q 'warning:' "$tmp/log"; then
	bad hardened-build-no-warning "$(grep -m 5 'warning:' "$tmp/log")"
else
	ok hardened-build-no-warning
fi

# Every compile has CPPFLAGS and CFLAGS, every link CFLAGS and LDFLAGS, for
# the program, a unit test and its sanitizer build alike.
dpkg_env make -C "$tmp/src" -n -B lumbar build/tests/test_file build/san/tests/test_file \
	build/bench >"$tmp/cmds" 2>&1
cpp=$(dpkg-buildflags --get CPPFLAGS)
cfl=$(dpkg-buildflags --get CFLAGS)
ldf=$(dpkg-buildflags --get LDFLAGS)
grep -E '^cc .* -o ' "$tmp/cmds" >"$tmp/cc"
missing=$(while IFS= read -r line; do
	case $line in
	*" -c "*) want="$cpp|$cfl" ;;
	*) want="$cfl|$ldf" ;;
	esac
	IFS='|'
	for w in $want; do
		case $line in *" $w "*) ;; *) printf '%s\n  lacks %s\n' "$line" "$w" ;; esac
	done
	unset IFS
done <"$tmp/cc")
if [ "$(wc -l <"$tmp/cc")" -ge 30 ] && [ -z "$missing" ]; then
	ok packager-flags-everywhere
else
	bad packager-flags-everywhere "$(wc -l <"$tmp/cc") commands" "$(printf '%s' "$missing" | head -n 6)"
fi

# -Werror in `make check`, not in a plain `make`.
make -C "$tmp/src" -n -B lumbar >"$tmp/cmds" 2>&1
if grep -q -- '-Werror\( \|$\)' "$tmp/cmds" || ! grep -q -- '-Wall' "$tmp/cmds"; then
	bad plain-make-no-werror "$(grep -m 1 -- '-Werror' "$tmp/cmds")"
else
	ok plain-make-no-werror
fi
make -C "$tmp/src" -n -B check >"$tmp/cmds" 2>&1
if grep -- ' -c ' "$tmp/cmds" | grep -qv -- '-Werror '; then
	bad check-has-werror "$(grep -- ' -c ' "$tmp/cmds" | grep -m 1 -v -- '-Werror ')"
else
	ok check-has-werror
fi

# The README and docs/ go with it (issue 19 §3), so `man lumbar`'s pointer
# to docs/catalogue.md leads somewhere on an installed system.
for f in usr/bin/lumbar usr/share/lumbar/exercises.yaml usr/share/lumbar/peg.yaml \
	usr/share/lumbar/activities.yaml usr/share/man/man1/lumbar.1 \
	usr/share/bash-completion/completions/lumbar usr/share/zsh/site-functions/_lumbar \
	usr/share/doc/lumbar/README.md usr/share/doc/lumbar/docs/catalogue.md \
	usr/share/doc/lumbar/docs/benchmarks.md; do
	if [ -f "$stage/$f" ]; then ok "installs-$f"; else bad "installs-$f" "missing"; fi
done

# From /, with an empty HOME: the staged binary must work on its own (its
# built-in catalogue lists 2 routines and 10 exercises).
out=$(cd / && env -i PATH=/usr/bin:/bin HOME="$tmp/home" LC_ALL=C.UTF-8 \
	"$stage/usr/bin/lumbar" --list 2>&1)
if [ "$(printf '%s\n' "$out" | wc -l)" -eq 12 ] && printf '%s' "$out" | grep -q '^knee-to-chest'; then
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
if [ ! -e "$stage/usr/share/doc/lumbar" ]; then
	ok uninstall-removes-doc-folder
else
	bad uninstall-removes-doc-folder "$(find "$stage/usr/share/doc/lumbar")"
fi

# ---- What make installs, and LUMBAR_NO_INSTALL=1 --------------------------------
# A PATH without the test tools, and a pkg-config that cannot see libcyaml.
mkdir "$tmp/bin"
for d in /usr/local/bin /usr/bin /bin; do
	for f in "$d"/*; do
		[ -e "$tmp/bin/${f##*/}" ] || ln -s "$f" "$tmp/bin/${f##*/}"
	done
done
rm -f "$tmp/bin/tmux" "$tmp/bin/valgrind"
printf '#!/bin/sh\nfor a; do [ "$a" = libcyaml ] && exit 1; done\nexec pkg-config "$@"\n' \
	>"$tmp/no-cyaml"
chmod +x "$tmp/no-cyaml"

# Building does not ask for test tools.
if env PATH="$tmp/bin" LUMBAR_NO_INSTALL=1 make -C "$tmp/src" -n lumbar >"$tmp/log" 2>&1; then
	ok deps-build-needs-no-test-tools
else
	bad deps-build-needs-no-test-tools "$(tail -n 5 "$tmp/log")"
fi

# Testing does; with installs off, make stops and names each one.
if env PATH="$tmp/bin" LUMBAR_NO_INSTALL=1 make -C "$tmp/src" -n check >"$tmp/log" 2>&1; then
	bad deps-check-lists-missing "make check went on without tmux and valgrind"
elif grep -q '^  tmux ' "$tmp/log" && grep -q '^  valgrind ' "$tmp/log" &&
	grep -q 'LUMBAR_NO_INSTALL=1 installs nothing' "$tmp/log" && ! grep -q cmocka "$tmp/log"; then
	ok deps-check-lists-missing
else
	bad deps-check-lists-missing "$(cat "$tmp/log")"
fi

# A library hidden from pkg-config stops the build before anything compiles.
rm -rf "$tmp/src/build" "$tmp/src/lumbar"
if env LUMBAR_NO_INSTALL=1 PKG_CONFIG="$tmp/no-cyaml" make -C "$tmp/src" >"$tmp/log" 2>&1; then
	bad deps-no-install-library "make went on without libcyaml"
elif grep -q 'libcyaml library (pkg-config libcyaml) *(Debian: libcyaml-dev)' "$tmp/log" &&
	[ ! -e "$tmp/src/build" ] && [ ! -e "$tmp/src/lumbar" ]; then
	ok deps-no-install-library
else
	bad deps-no-install-library "$(cat "$tmp/log")"
fi

# `make deps` checks both sets; with everything there it is silent.
if LUMBAR_NO_INSTALL=1 make -C "$tmp/src" -s deps >"$tmp/log" 2>&1 && [ ! -s "$tmp/log" ]; then
	ok deps-all-present
else
	bad deps-all-present "$(cat "$tmp/log")"
fi
if env PATH="$tmp/bin" LUMBAR_NO_INSTALL=1 make -C "$tmp/src" -s deps >"$tmp/log" 2>&1; then
	bad deps-explicit "make deps went on without tmux"
elif grep -q '^  tmux ' "$tmp/log"; then
	ok deps-explicit
else
	bad deps-explicit "$(cat "$tmp/log")"
fi

echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
