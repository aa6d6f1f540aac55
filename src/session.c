/*
 * session.c - walk a plan in time with deadlines, never a clock of its own.
 *
 * Invariants kept by every function below:
 *  - every phase after `cur` is SESS_PENDING: phases are marked only when
 *    they are left forwards, and going back resets the phase gone back to;
 *  - while running, `deadline_ms` is the end of the current phase and
 *    `last_ms` <= `deadline_ms` is the last time credited to a slot;
 *  - work_done and work_skipped of a slot count exactly the work phases of
 *    that slot in the COMPLETED and SKIPPED states.
 *
 * The calls that act on the position (pause, next, previous, skip) first let
 * time pass up to `now_ms`, as session_tick() would, so that they act on the
 * phase that is current at `now_ms` even when the caller has not ticked; the
 * phase and exercise events of that catch-up are part of what they return.
 */
#include "session.h"

#include "file.h"

#include <stdlib.h>
#include <string.h>

/* Going back within this much of a phase's start goes to the phase before. */
#define SESS_PREV_GRACE_MS 2000

/* A work phase announces each of its last this many shown seconds. */
#define SESS_CUE_SECONDS 3

/* ---- Small helpers ------------------------------------------------------- */

static int64_t phase_ms(const struct session *s, size_t k)
{
	return (int64_t)s->plan->phases[k].seconds * 1000;
}

static unsigned phase_slot(const struct session *s, size_t k)
{
	return s->plan->phases[k].slot;
}

static bool phase_is_work(const struct session *s, size_t k)
{
	return s->plan->phases[k].kind == PLAN_WORK;
}

/* One past the last phase of the slot that phase k belongs to. */
static size_t slot_end_from(const struct session *s, size_t k)
{
	unsigned slot = phase_slot(s, k);
	size_t end = k + 1;

	while (end < s->plan->n && phase_slot(s, end) == slot)
		end++;
	return end;
}

/*
 * Credit the running time up to `t` to the current slot. Paused time is
 * never credited, and `last_ms` follows `t` so that nothing is counted twice.
 */
static void credit(struct session *s, int64_t t)
{
	if (!s->finished && !s->paused && t > s->last_ms) {
		struct sess_stat *st = &s->stats[phase_slot(s, s->cur)];

		st->active_ms += t - s->last_ms;
		if (phase_is_work(s, s->cur))
			st->work_ms += t - s->last_ms;
	}
	if (t > s->last_ms)
		s->last_ms = t;
}

/* Mark the current phase as it is left forwards, and update its slot. */
static void leave(struct session *s, enum sess_phase_state mark)
{
	size_t k = s->cur;
	struct sess_stat *st = &s->stats[phase_slot(s, k)];

	/* By the invariant the current phase is pending; the guard is cheap. */
	if (s->state[k] == SESS_PENDING) {
		s->state[k] = (unsigned char)mark;
		if (phase_is_work(s, k)) {
			if (mark == SESS_COMPLETED)
				st->work_done++;
			else
				st->work_skipped++;
		}
	}
	if (k + 1 == s->plan->n || phase_slot(s, k + 1) != phase_slot(s, k))
		st->ended = true;
}

/* Make phase k pending again, undoing what leaving it had counted. */
static void unmark(struct session *s, size_t k)
{
	struct sess_stat *st = &s->stats[phase_slot(s, k)];

	if (phase_is_work(s, k)) {
		if (s->state[k] == SESS_COMPLETED)
			st->work_done--;
		else if (s->state[k] == SESS_SKIPPED)
			st->work_skipped--;
	}
	s->state[k] = SESS_PENDING;
}

/*
 * Enter phase k in full from `start_ms`, or finish when k is past the end.
 * A paused session stays paused with the whole phase left. The exercise
 * event is reported only when another exercise of the plan becomes current:
 * the end of the plan is reported as SESS_EV_DONE instead.
 */
static unsigned enter(struct session *s, size_t k, int64_t start_ms)
{
	unsigned ev = SESS_EV_PHASE;
	struct sess_stat *st;

	if (k >= s->plan->n) {
		s->cur = s->plan->n;
		s->finished = true;
		s->paused = false;
		s->left_ms = 0;
		s->last_cue = 0;
		return ev | SESS_EV_DONE;
	}
	if (s->cur >= s->plan->n || phase_slot(s, s->cur) != phase_slot(s, k)) {
		ev |= SESS_EV_EXERCISE;
		/* Coming back into an exercise that was left reopens it. */
		st = &s->stats[phase_slot(s, k)];
		st->ended = false;
		st->skipped = false;
	}
	s->cur = k;
	s->left_ms = phase_ms(s, k);
	s->deadline_ms = start_ms + s->left_ms;
	s->last_cue = 0;
	s->last_rep = 1;
	s->stats[phase_slot(s, k)].reached = true;
	return ev;
}

/* Restart the current phase in full from `now_ms`, paused or not. */
static void restart(struct session *s, int64_t now_ms)
{
	s->left_ms = phase_ms(s, s->cur);
	s->deadline_ms = now_ms + s->left_ms;
	s->last_cue = 0;
	s->last_rep = 1;
}

/*
 * The countdown cue: once for each of the last shown seconds of a work
 * phase. The value shown when the phase begins is not cued, because the
 * phase event already announces that moment (a 3 s hold cues 2 and 1).
 */
static unsigned cue(struct session *s, int64_t now_ms)
{
	unsigned shown;

	if (s->finished || !phase_is_work(s, s->cur))
		return 0;
	shown = session_left_shown(s, now_ms);
	if (shown == 0 || shown > SESS_CUE_SECONDS || shown >= s->plan->phases[s->cur].seconds)
		return 0;
	if (s->last_cue != 0 && (unsigned)s->last_cue <= shown)
		return 0;
	s->last_cue = (int)shown;
	return SESS_EV_COUNTDOWN;
}

/*
 * The rep cue of a reps set: once for each rep after the first, which the
 * phase event announces. A late tick that passes several reports one.
 */
static unsigned rep_cue(struct session *s, int64_t now_ms)
{
	const struct plan_phase *ph;
	unsigned r;

	if (s->finished)
		return 0;
	ph = &s->plan->phases[s->cur];
	if (ph->kind != PLAN_WORK || ph->rep != 0 || ph->reps == 0)
		return 0;
	r = session_rep(s, now_ms);
	if (r <= s->last_rep)
		return 0;
	s->last_rep = r;
	return SESS_EV_REP;
}

/* ---- Life cycle ---------------------------------------------------------- */

int session_init(struct session *s, const struct plan *p, size_t first, int64_t now_ms)
{
	struct sess_stat *stats = xcalloc(p->n_exercises, sizeof(*stats));
	unsigned char *state = xcalloc(p->n, sizeof(*state));
	size_t k;

	memset(s, 0, sizeof(*s));
	s->plan = p;
	s->stats = stats;
	s->state = state;
	s->last_ms = now_ms;
	/* The dose's work time: plan.h says what it is, once. */
	for (unsigned i = 0; i < p->n_exercises; i++)
		stats[i].work_total_ms = (int64_t)plan_work_seconds(p, i) * 1000;
	for (k = 0; k < p->n; k++) {
		if (!phase_is_work(s, k))
			continue;
		stats[phase_slot(s, k)].work_total++;
		/* Resumed within an exercise: what came before was played in the last run. */
		if (k < first && first < p->n && phase_slot(s, k) == phase_slot(s, first))
			stats[phase_slot(s, k)].work_ms += phase_ms(s, k);
	}

	/* The session starts "before" every phase so that entering reports. */
	s->cur = p->n;
	if (first >= p->n) {
		s->finished = true;
		return 0;
	}
	enter(s, first, now_ms);
	return 0;
}

void session_free(struct session *s)
{
	free(s->state);
	free(s->stats);
	memset(s, 0, sizeof(*s));
}

/* ---- Time ----------------------------------------------------------------- */

/*
 * Move past every deadline at or before `now_ms` and credit the time. The
 * countdown cue is left to session_tick(): an action that follows a catch-up
 * leaves or restarts the phase, so a cue for it would sound at the wrong time.
 */
static unsigned catch_up(struct session *s, int64_t now_ms)
{
	unsigned ev = 0;

	if (s->finished || s->paused)
		return 0;
	while (!s->finished && s->deadline_ms <= now_ms) {
		/*
		 * The next phase starts at this phase's deadline, not at now:
		 * a late tick must not push the rest of the plan later.
		 */
		int64_t end = s->deadline_ms;

		credit(s, end);
		leave(s, SESS_COMPLETED);
		ev |= enter(s, s->cur + 1, end);
	}
	credit(s, now_ms);
	return ev;
}

unsigned session_tick(struct session *s, int64_t now_ms)
{
	unsigned ev = catch_up(s, now_ms);

	if (s->finished || s->paused)
		return ev;
	return ev | cue(s, now_ms) | rep_cue(s, now_ms);
}

void session_pause(struct session *s, int64_t now_ms)
{
	if (s->finished || s->paused)
		return;
	catch_up(s, now_ms);
	if (s->finished)
		return;
	s->left_ms = s->deadline_ms - now_ms;
	s->paused = true;
}

void session_resume(struct session *s, int64_t now_ms)
{
	if (s->finished || !s->paused)
		return;
	s->deadline_ms = now_ms + s->left_ms;
	s->last_ms = now_ms;
	s->paused = false;
}

void session_toggle_pause(struct session *s, int64_t now_ms)
{
	if (s->paused)
		session_resume(s, now_ms);
	else
		session_pause(s, now_ms);
}

/* ---- Moves ----------------------------------------------------------------- */

unsigned session_next(struct session *s, int64_t now_ms)
{
	unsigned ev = catch_up(s, now_ms);

	if (s->finished)
		return ev;
	leave(s, SESS_SKIPPED);
	return ev | enter(s, s->cur + 1, now_ms);
}

unsigned session_prev(struct session *s, int64_t now_ms)
{
	unsigned ev = catch_up(s, now_ms);
	size_t back;

	if (s->finished)
		return ev;
	if (s->cur == 0 || session_elapsed_ms(s, now_ms) >= SESS_PREV_GRACE_MS) {
		restart(s, now_ms);
		return ev;
	}
	/* The phase left backwards stays pending: it was never finished. */
	back = s->cur - 1;
	unmark(s, back);
	return ev | enter(s, back, now_ms);
}

unsigned session_skip_exercise(struct session *s, int64_t now_ms)
{
	unsigned ev = catch_up(s, now_ms);
	struct sess_stat *st;
	size_t end, k;

	if (s->finished)
		return ev;
	st = &s->stats[phase_slot(s, s->cur)];
	end = slot_end_from(s, s->cur);
	/* The phases not yet reached are skipped too: the summary lists them. */
	for (k = s->cur; k < end; k++) {
		if (s->state[k] != SESS_PENDING)
			continue;
		s->state[k] = SESS_SKIPPED;
		if (phase_is_work(s, k))
			st->work_skipped++;
	}
	st->ended = true;
	st->skipped = true;
	/* Enter from the slot's last phase, as if the skipped ones had run. */
	s->cur = end - 1;
	return ev | enter(s, end, now_ms);
}

/* ---- Queries ----------------------------------------------------------------- */

const struct plan_phase *session_phase(const struct session *s)
{
	if (s->finished || s->plan == NULL || s->cur >= s->plan->n)
		return NULL;
	return &s->plan->phases[s->cur];
}

int64_t session_left_ms(const struct session *s, int64_t now_ms)
{
	int64_t left;

	if (session_phase(s) == NULL)
		return 0;
	if (s->paused)
		return s->left_ms;
	left = s->deadline_ms - now_ms;
	return left > 0 ? left : 0;
}

unsigned session_left_shown(const struct session *s, int64_t now_ms)
{
	return (unsigned)((session_left_ms(s, now_ms) + 999) / 1000);
}

int64_t session_elapsed_ms(const struct session *s, int64_t now_ms)
{
	if (session_phase(s) == NULL)
		return 0;
	return phase_ms(s, s->cur) - session_left_ms(s, now_ms);
}

unsigned session_rep(const struct session *s, int64_t now_ms)
{
	const struct plan_phase *ph = session_phase(s);
	int64_t per, r;

	if (ph == NULL || ph->kind != PLAN_WORK)
		return 0;
	if (ph->rep != 0 || ph->reps == 0)
		return ph->rep;
	/* A reps set's phase lasts reps x tempo whole seconds. */
	per = phase_ms(s, s->cur) / ph->reps;
	if (per <= 0)
		return 1;
	r = session_elapsed_ms(s, now_ms) / per + 1;
	return r > (int64_t)ph->reps ? ph->reps : (unsigned)r;
}

int64_t session_plan_left_ms(const struct session *s, int64_t now_ms)
{
	int64_t left;
	size_t k;

	if (session_phase(s) == NULL)
		return 0;
	/*
	 * Measured from the deadline rather than from the clamped time left,
	 * so the figure stays exact even when a tick is overdue.
	 */
	left = s->paused ? s->left_ms : s->deadline_ms - now_ms;
	for (k = s->cur + 1; k < s->plan->n; k++)
		left += phase_ms(s, k);
	return left > 0 ? left : 0;
}

int64_t session_wait_ms(const struct session *s, int64_t now_ms)
{
	int64_t left, to_boundary;

	if (session_phase(s) == NULL || s->paused)
		return -1;
	left = s->deadline_ms - now_ms;
	/* An overdue deadline wants a tick as soon as possible. */
	if (left <= 0)
		return 1;
	to_boundary = left % 1000;
	return to_boundary == 0 ? 1000 : to_boundary;
}

int64_t session_active_ms(const struct session *s)
{
	int64_t sum = 0;
	unsigned i;

	if (s->plan == NULL)
		return 0;
	for (i = 0; i < s->plan->n_exercises; i++)
		sum += s->stats[i].active_ms;
	return sum;
}

unsigned session_slot(const struct session *s)
{
	if (s->plan == NULL)
		return 0;
	if (session_phase(s) == NULL)
		return s->plan->n_exercises;
	return phase_slot(s, s->cur);
}
