# shellcheck shell=bash
# tests/faketime.sh - sourced by tests/cli.sh, tests/calendar.sh and
# tests/e2e.sh: one way to run a command at another time.
#
# libfaketime is preloaded directly, not through the faketime wrapper: the
# wrapper names a semaphore after its own pid in /dev/shm, and one left by a
# killed process makes a later wrapper that gets that pid fail at once
# ("faketime: sem_open: File exists"). A process that loads libfaketime
# without FAKETIME_SHARED makes a segment of its own there and removes it at
# exit, but not when it execs another program (env TZ=... lumbar, bash -c
# 'exec ...'), so faketime_run starts the command under a bash that waits
# for it: the command and its children share that bash's segment, and
# nothing is left in /dev/shm.

# faketime_lib: the library's path, or "" (then the wrapper is used).
faketime_lib=
for d in /usr/lib/*/faketime /usr/lib/faketime /usr/local/lib/faketime; do
	[ -e "$d/libfaketime.so.1" ] && { faketime_lib=$d/libfaketime.so.1; break; }
done

# faketime_run SPEC CMD...: CMD with FAKETIME=SPEC, libfaketime's own form
# ('@2026-11-24 09:00:00' starts the clock there, '+3600' is an offset from
# now that every process of the run shares).
faketime_run() {
	local spec=$1
	shift
	if [ -z "$faketime_lib" ]; then
		env -u LD_PRELOAD -u FAKETIME -u FAKETIME_SHARED faketime -f "$spec" "$@"
		return
	fi
	env -u FAKETIME_SHARED LD_PRELOAD="$faketime_lib" FAKETIME="$spec" \
		bash -c '"$@"; exit $?' faketime_run "$@"
}
