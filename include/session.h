/*
 * session.h - walk a plan in time: current phase, time left, pause, next,
 * previous, skip exercise, and what was completed.
 *
 * The session never reads a clock. Every function that depends on time takes
 * `now_ms`, a monotonic time in milliseconds (CLOCK_MONOTONIC in the program,
 * a fake clock in the tests). Phase ends are deadlines: the end of phase k+1
 * is the end of phase k plus its length, so no error accumulates however late
 * session_tick() is called. Pausing stores what is left; resuming sets a new
 * deadline from it.
 *
 * `now_ms` must never decrease from one call to the next.
 */
#ifndef LUMBAR_SESSION_H
#define LUMBAR_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plan.h"

/* Events returned by the calls that move time or the position (a bit set). */
enum {
	SESS_EV_PHASE = 1u << 0,     /* the current phase changed */
	SESS_EV_EXERCISE = 1u << 1,  /* the current exercise changed */
	SESS_EV_COUNTDOWN = 1u << 2, /* one of the last 3 whole seconds of a work
	                                phase began (3, 2 or 1 s left) */
	SESS_EV_DONE = 1u << 3,      /* the plan ran out; the session is finished */
	SESS_EV_REP = 1u << 4,       /* a rep after the first began in a reps set
	                                (one every `tempo` seconds; session_rep()) */
};

enum sess_phase_state {
	SESS_PENDING = 0, /* not yet reached, or current */
	SESS_COMPLETED,   /* its countdown reached zero */
	SESS_SKIPPED,     /* left before its end with next or skip-exercise */
};

/* Per exercise of the plan (per slot). */
struct sess_stat {
	int64_t active_ms;     /* time spent in its phases while not paused */
	int64_t work_ms;       /* of which in its work phases: the work time played (a
	                          resumed routine counts the work phases of its exercise
	                          before the phase it resumes at as played) */
	int64_t work_total_ms; /* the length of its work phases in the plan */
	unsigned work_total;   /* work phases in the plan for this slot */
	unsigned work_done;    /* work phases whose countdown reached zero */
	unsigned work_skipped; /* work phases left early (n, s) */
	bool reached;          /* its first phase was entered */
	bool ended;            /* its last phase was left (by time, n or s) */
	bool skipped;          /* left with skip-exercise */
};

struct session {
	const struct plan *plan;
	size_t cur; /* current phase; == plan->n when finished */
	bool paused;
	bool finished;
	int64_t deadline_ms;     /* end of the current phase while running */
	int64_t left_ms;         /* time left in the current phase while paused */
	int64_t last_ms;         /* last time seen, for active-time accounting */
	int last_cue;            /* last countdown second reported, or 0 */
	unsigned last_rep;       /* last rep of a reps set reported (1 at its start) */
	unsigned char *state;    /* enum sess_phase_state, one per phase */
	struct sess_stat *stats; /* one per plan slot */
};

/*
 * Start a session at phase `first` (0 for the beginning; a resumed routine
 * passes the phase it stopped in), running, at `now_ms`. Returns 0 (running
 * out of memory exits, file.h). The plan must outlive the session. An empty plan is
 * finished at once.
 */
int session_init(struct session *s, const struct plan *p, size_t first, int64_t now_ms);

/* Free what session_init() allocated. Accepts a zeroed session. */
void session_free(struct session *s);

/*
 * Let time pass: move past every phase whose deadline is at or before
 * `now_ms`, marking each completed. Returns the events that happened.
 */
unsigned session_tick(struct session *s, int64_t now_ms);

/* Pause, resume, or toggle. Pausing a paused session does nothing. */
void session_pause(struct session *s, int64_t now_ms);
void session_resume(struct session *s, int64_t now_ms);
void session_toggle_pause(struct session *s, int64_t now_ms);

/* Leave the current phase early (marked skipped) for the next one. */
unsigned session_next(struct session *s, int64_t now_ms);

/*
 * Restart the current phase, or go back to the previous one when less than
 * 2 s of the current phase have passed (and it is not the first). The phase
 * gone back to starts again in full and becomes pending again.
 */
unsigned session_prev(struct session *s, int64_t now_ms);

/* Leave the current exercise for the first phase of the next one. */
unsigned session_skip_exercise(struct session *s, int64_t now_ms);

/* The current phase, or NULL when finished. */
const struct plan_phase *session_phase(const struct session *s);

/* Milliseconds left in the current phase (0 when finished). */
int64_t session_left_ms(const struct session *s, int64_t now_ms);

/*
 * Whole seconds shown for the current phase: the time left rounded up, so a
 * 30 s hold shows 30 at its start and 1 during its last second.
 */
unsigned session_left_shown(const struct session *s, int64_t now_ms);

/*
 * The rep being done now: in a hold, the phase's own (plan_phase.rep); in a
 * reps set, the one the clock has reached, a new one every `tempo` seconds
 * (the phase's length over its reps), from 1 to reps; 0 elsewhere (timed
 * work, prepare, rest, switch, finished).
 */
unsigned session_rep(const struct session *s, int64_t now_ms);

/* Milliseconds elapsed in the current phase. */
int64_t session_elapsed_ms(const struct session *s, int64_t now_ms);

/* Milliseconds left in the whole plan: this phase's rest plus all after it. */
int64_t session_plan_left_ms(const struct session *s, int64_t now_ms);

/*
 * How long the caller may sleep before what is shown can change: the time to
 * the next whole-second boundary of the current deadline (at least 1 ms).
 * Returns -1 when paused or finished (sleep until a key arrives).
 */
int64_t session_wait_ms(const struct session *s, int64_t now_ms);

/* Active (unpaused) milliseconds summed over every exercise. */
int64_t session_active_ms(const struct session *s);

/* The current slot (exercise of the plan), or plan->n_exercises when done. */
unsigned session_slot(const struct session *s);

#endif
