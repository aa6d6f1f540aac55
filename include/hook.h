/*
 * hook.h - phase hooks and voice cues: run a command at each phase change
 * without waiting for it, with the phase in its environment, and say what
 * to do next in one short sentence.
 *
 * People do these exercises lying on the floor, eyes closed or on the
 * ceiling; a bell says "something changed", the sentence says what.
 *
 * No curses and no clock here. A hook never delays the timer: hook_run()
 * returns as soon as the command is started, whatever it does next, and
 * hook_reap() collects finished children without blocking.
 */
#ifndef LUMBAR_HOOK_H
#define LUMBAR_HOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "catalogue.h"
#include "plan.h"

/* What happened: LUMBAR_EVENT. */
enum hook_what {
	HOOK_PHASE,     /* "phase": a phase began */
	HOOK_COUNTDOWN, /* "countdown": 3, 2 or 1 s are left in a work phase */
	HOOK_DONE,      /* "done": the plan ran out */
	HOOK_STOPPED,   /* "stopped": the exercise was stopped with x */
	HOOK_REP,       /* "rep": a rep after the first began in a reps set */
};

enum {
	HOOK_MAX_COMMAND = 1000,       /* longest --on-phase command, in bytes */
	HOOK_MAX_SAY = 256,            /* longest LUMBAR_SAY sentence, with its NUL */
	HOOK_MAX_RUNNING = 64,         /* children kept at once; more are not started */
	HOOK_GRACE_MS = 500,           /* time given to running hooks at the end */
	HOOK_SPEAK_MIN_COUNTDOWN = 10, /* no spoken 3-2-1 in a shorter phase */
	HOOK_SPEAK_MIN_TEMPO = 3,      /* no spoken "Rep 3." at a faster tempo */
};

/*
 * One event, as the hook sees it. The strings are borrowed (from the
 * catalogue) and may be NULL, which the environment shows as empty.
 */
struct hook_event {
	enum hook_what event;      /* LUMBAR_EVENT */
	enum plan_kind kind;       /* LUMBAR_KIND; for done, the last phase's */
	const char *exercise;      /* LUMBAR_EXERCISE: the id */
	const char *exercise_name; /* LUMBAR_EXERCISE_NAME */
	const char *set;           /* LUMBAR_SET: the set's name; NULL in prepare */
	enum plan_side side;       /* LUMBAR_SIDE: left, right or - */
	unsigned rep;              /* LUMBAR_REP: 1.. in a hold, the rep begun
	                              for a rep event, else 0 */
	unsigned reps;             /* LUMBAR_REPS: per side at this level, 0 timed */
	unsigned seconds;          /* LUMBAR_SECONDS: the phase's length; for a
	                              countdown the seconds left (3, 2, 1); for
	                              a rep the tempo; 0 done */

	/* Not in the environment; they shape the sentence (hook_say()). */
	const char *side_words; /* the set's words for this side, or NULL */
	enum cat_mode mode;     /* the set's mode, for work phases */
	unsigned phase_seconds; /* the phase's length, also for a countdown */
	bool exercise_start;    /* the first phase of its exercise */
	bool set_start;         /* the first work phase of its set */
	unsigned n_sets;        /* sets in the exercise */
	bool routine;           /* done: the plan held more than one exercise */
};

/*
 * Describe phase `index` of a plan for an event. For HOOK_COUNTDOWN,
 * `left` is the whole seconds left (3, 2, 1); for HOOK_REP, the rep that
 * began (session_rep()); for HOOK_DONE pass the last
 * phase (p->n - 1). The event borrows the catalogue's strings. Returns 0,
 * or -1 when the index is out of range (with *out untouched).
 */
int hook_describe(const struct catalogue *cat, const struct plan *p, size_t index,
                  enum hook_what what, unsigned left, struct hook_event *out);

/* "phase", "countdown", "done", "stopped", "rep". */
const char *hook_what_name(enum hook_what what);

/*
 * The sentence to speak for an event (LUMBAR_SAY), e.g. "Get ready for
 * Knee-to-chest stretch.", "Left side. Hold for 5 seconds.", "Rest for 10
 * seconds.", "Switch sides.", "Bridge, 10 reps, 50 seconds.", "3",
 * "Rep 3.", "Last rep.", "Routine complete.. Writes at most `len` bytes, always terminated, and
 * returns buf.
 */
char *hook_say(const struct hook_event *ev, char *buf, size_t len);

/*
 * Start `cmd` with /bin/sh -c and return without waiting for it. Its stdin,
 * stdout and stderr are /dev/null; it runs in its own process group (the
 * terminal's ^C is not its business) with default signal dispositions and
 * an empty signal mask; its environment is ours plus LUMBAR_EVENT,
 * LUMBAR_KIND, LUMBAR_EXERCISE, LUMBAR_EXERCISE_NAME, LUMBAR_SET,
 * LUMBAR_SIDE, LUMBAR_REP, LUMBAR_REPS, LUMBAR_SECONDS and LUMBAR_SAY.
 *
 * Returns the child's pid, or -1 with errno set: EAGAIN when
 * HOOK_MAX_RUNNING hooks are still running (a hook that never ends cannot
 * pile up processes), EINVAL for an empty or NULL command, or what
 * posix_spawn() said. A command that fails or hangs is the child's
 * problem, never the caller's. Call hook_reap() regularly.
 */
pid_t hook_run(const char *cmd, const struct hook_event *ev);

/*
 * As hook_run() for a speech command (hook_speaker()): first stops the
 * previous utterance if it is still speaking (SIGTERM to its process group),
 * so speech never lags behind the timer, and says nothing for a countdown
 * in a phase shorter than HOOK_SPEAK_MIN_COUNTDOWN seconds, where "3, 2, 1"
 * would talk over the instruction, nor for a rep at a tempo faster than
 * HOOK_SPEAK_MIN_TEMPO seconds. Returns the pid, 0 when nothing was
 * said, or -1 as hook_run().
 */
pid_t hook_speak(const char *cmd, const struct hook_event *ev);

/* Stop the current utterance, if any (on quit or pause). */
void hook_speak_stop(void);

/*
 * Collect every finished hook without blocking (waitpid(pid, WNOHANG) on
 * each child started here, and on no other process). Call it each turn of
 * the main loop. Returns how many are still running.
 */
unsigned hook_reap(void);

/*
 * Once, after a hook or utterance was not started because HOOK_MAX_RUNNING
 * were still running: a sentence for the screen saying so. NULL otherwise,
 * and on every later call.
 */
const char *hook_full_notice(void);

/*
 * When lumbar ends: wait up to HOOK_GRACE_MS for the children still running
 * to finish, then send SIGTERM to each one's process group (so what a hook
 * started goes too), and SIGKILL to what is left HOOK_GRACE_MS later. Every
 * child is reaped; none outlives lumbar.
 */
void hook_end_all(void);

/*
 * Find a speech program in `path` (a $PATH value; NULL or empty means the
 * default "/usr/local/bin:/usr/bin:/bin"): espeak-ng, else espeak, else say.
 * Returns the hook command that speaks LUMBAR_SAY with it, e.g.
 * `espeak-ng -- "$LUMBAR_SAY"` (a static string), or NULL when there is
 * none, with a line for start-up in `msg` ("no speech program found
 * (install espeak-ng)"), to be printed as "lumbar: --speak: MSG".
 */
const char *hook_speaker(const char *path, char *msg, size_t msglen);

/*
 * Open a web address (the catalogue's `video`) with xdg-open, found in
 * `path` as hook_speaker() looks: started as a hook is, but in the
 * background of a shell, so that the browser outlives lumbar. Returns the
 * shell's pid; 0 when there is no xdg-open, with a sentence for the screen
 * in `msg` saying which package to install; -1 with errno as hook_run()
 * (EINVAL for an address with a quote or a newline).
 */
pid_t hook_open(const char *path, const char *url, char *msg, size_t msglen);

#endif
