/*
 * test_session.c - the session engine driven by a fake clock.
 *
 * Plans are built by hand here, so these tests depend on nothing but the
 * session module: what they pin is what the player does with any timeline.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "session.h"

#if defined(__SANITIZE_ADDRESS__)
/*
 * The allocation-failure test asks for an impossible amount of memory; under
 * ASan that must come back as NULL, as it does from glibc, not as an abort.
 */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}
#endif

/* ---- Building plans ---------------------------------------------------------- */

struct spec {
	enum plan_kind kind;
	unsigned seconds;
	unsigned slot;
};

/*
 * Fill a plan from a list of (kind, length, slot), with the offsets and
 * totals the plan module would compute. Slots must be contiguous from 0.
 */
static void make_plan(struct plan *p, struct plan_phase *ph, unsigned *ex, const struct spec *sp,
                      size_t n)
{
	unsigned offset = 0, slots = 0;
	size_t i;

	memset(p, 0, sizeof(*p));
	for (i = 0; i < n; i++) {
		memset(&ph[i], 0, sizeof(ph[i]));
		ph[i].kind = sp[i].kind;
		ph[i].seconds = sp[i].seconds;
		ph[i].offset = offset;
		ph[i].slot = sp[i].slot;
		ph[i].exercise = sp[i].slot + 10;
		ph[i].set = sp[i].kind == PLAN_PREPARE ? -1 : 0;
		offset += sp[i].seconds;
		if (sp[i].slot + 1 > slots) {
			slots = sp[i].slot + 1;
			ex[sp[i].slot] = ph[i].exercise;
		}
	}
	p->phases = ph;
	p->n = n;
	p->total = offset;
	p->exercises = ex;
	p->n_exercises = slots;
	p->level = CAT_LEVEL_EASY;
}

/*
 * The routine most tests walk: two exercises. Phase ends, in ms from 0:
 *   0 prepare 5  ->  5000     4 prepare 5 -> 33000
 *   1 work   10  -> 15000     5 work    4 -> 37000
 *   2 rest    3  -> 18000     6 switch  2 -> 39000
 *   3 work   10  -> 28000     7 work    4 -> 43000
 */
static const struct spec routine_spec[] = {
	{ PLAN_PREPARE, 5, 0 }, { PLAN_WORK, 10, 0 }, { PLAN_REST, 3, 0 },   { PLAN_WORK, 10, 0 },
	{ PLAN_PREPARE, 5, 1 }, { PLAN_WORK, 4, 1 },  { PLAN_SWITCH, 2, 1 }, { PLAN_WORK, 4, 1 },
};
#define ROUTINE_N  (sizeof(routine_spec) / sizeof(routine_spec[0]))
#define ROUTINE_MS 43000

static struct plan_phase routine_phases[ROUTINE_N];
static unsigned routine_ex[2];
static struct plan routine;

/* The fake clock starts far from 0, as CLOCK_MONOTONIC does. */
#define T0 1000000

static int setup_routine(void **state)
{
	make_plan(&routine, routine_phases, routine_ex, routine_spec, ROUTINE_N);
	*state = &routine;
	return 0;
}

static void start(struct session *s, size_t first)
{
	assert_int_equal(session_init(s, &routine, first, T0), 0);
}

/* ---- A table of (time, action) -> (phase, shown seconds, events) --------------- */

enum act { TICK, PAUSE, RESUME, TOGGLE, NEXT, PREV, SKIP };

#define DONE_AT (-1)

struct step {
	int64_t t; /* ms after T0 */
	enum act act;
	int phase; /* expected current phase, or DONE_AT */
	unsigned shown;
	unsigned ev;
};

static unsigned act(struct session *s, enum act a, int64_t now)
{
	switch (a) {
	case TICK:
		return session_tick(s, now);
	case PAUSE:
		session_pause(s, now);
		return 0;
	case RESUME:
		session_resume(s, now);
		return 0;
	case TOGGLE:
		session_toggle_pause(s, now);
		return 0;
	case NEXT:
		return session_next(s, now);
	case PREV:
		return session_prev(s, now);
	case SKIP:
		return session_skip_exercise(s, now);
	}
	return 0;
}

/* Run a table; a failing row is named with what was expected and what came. */
static void run_steps(struct session *s, const struct step *steps, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int64_t now = T0 + steps[i].t;
		unsigned ev = act(s, steps[i].act, now);
		int phase = s->finished ? DONE_AT : (int)s->cur;
		unsigned shown = session_left_shown(s, now);

		if (ev != steps[i].ev || phase != steps[i].phase || shown != steps[i].shown) {
			print_error("row %zu (t=%lld act=%d): expected phase %d shown %u events "
			            "%#x, got phase %d shown %u events %#x\n",
			            i, (long long)steps[i].t, (int)steps[i].act, steps[i].phase,
			            steps[i].shown, steps[i].ev, phase, shown, ev);
			fail();
		}
		if (phase == DONE_AT)
			assert_null(session_phase(s));
		else
			assert_ptr_equal(session_phase(s), &routine.phases[phase]);
	}
}

#define PH            SESS_EV_PHASE
#define EX            SESS_EV_EXERCISE
#define CD            SESS_EV_COUNTDOWN
#define DN            SESS_EV_DONE
#define RUN(s, steps) run_steps((s), (steps), sizeof(steps) / sizeof((steps)[0]))

/* ---- Reps in a reps set ------------------------------------------------------------ */

/*
 * A reps set of 4 reps at a tempo of 3 s is one 12 s work phase: the rep
 * shown moves on every 3 s, and each rep after the first is an event (the
 * bell and the hooks' `rep`), once, however late the tick; pausing, going
 * back and a hold set's own rep behave as the person expects.
 */
static void test_reps_set_counts_its_reps(void **state)
{
	static const struct spec sp[] = { { PLAN_PREPARE, 1, 0 },
		                          { PLAN_WORK, 12, 0 },
		                          { PLAN_WORK, 2, 0 } };
	static const struct {
		int64_t t;       /* ms after T0 */
		int act;         /* 0 tick, 1 pause, 2 resume, 3 previous */
		unsigned rep;    /* session_rep() after */
		unsigned rep_ev; /* SESS_EV_REP expected */
	} rows[] = {
		{ 0, 0, 0, 0 },    /* get ready: no rep */
		{ 1000, 0, 1, 0 }, /* rep 1 comes with the phase, not as a rep */
		{ 3999, 0, 1, 0 },  { 4000, 0, 2, 1 },  /* 3 s in: rep 2 */
		{ 4500, 0, 2, 0 },                      /* once */
		{ 5000, 1, 2, 0 },                      /* paused: the rep holds */
		{ 60000, 0, 2, 0 }, { 60000, 2, 2, 0 }, /* resumed 4 s into the phase */
		{ 65500, 0, 4, 1 }, /* a late tick past reps 3 and 4 reports once */
		{ 66000, 0, 4, 0 }, { 66100, 3, 1, 0 }, /* back: the phase starts again at rep 1 */
		{ 69100, 0, 2, 1 }, { 78100, 0, 0, 0 }, /* the next phase, timed work: no rep */
	};
	struct plan_phase ph[3];
	unsigned ex[1];
	struct plan p;
	struct session s;

	(void)state;
	make_plan(&p, ph, ex, sp, 3);
	ph[1].reps = 4; /* a reps set: rep 0, reps 4 */
	assert_int_equal(session_init(&s, &p, 0, T0), 0);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		int64_t now = T0 + rows[i].t;
		unsigned ev = 0;

		if (rows[i].act == 0)
			ev = session_tick(&s, now);
		else if (rows[i].act == 1)
			session_pause(&s, now);
		else if (rows[i].act == 2)
			session_resume(&s, now);
		else
			ev = session_prev(&s, now);
		if (session_rep(&s, now) != rows[i].rep ||
		    ((ev & SESS_EV_REP) != 0) != (rows[i].rep_ev != 0)) {
			print_error("row %zu: expected rep %u event %u, got rep %u events %#x\n", i,
			            rows[i].rep, rows[i].rep_ev, session_rep(&s, now), ev);
			fail();
		}
	}
	session_free(&s);

	/* A hold's rep is its phase's own, and never an event. */
	make_plan(&p, ph, ex, sp, 3);
	ph[1].rep = 2;
	ph[1].reps = 3;
	assert_int_equal(session_init(&s, &p, 1, T0), 0);
	assert_int_equal(session_rep(&s, T0 + 5000), 2);
	assert_int_equal(session_tick(&s, T0 + 5000) & SESS_EV_REP, 0);
	session_free(&s);
}

/* ---- Start ----------------------------------------------------------------------- */

static void test_init_starts_running_at_first_phase(void **state)
{
	struct session s;

	(void)state;
	start(&s, 0);
	assert_int_equal(s.cur, 0);
	assert_false(s.paused);
	assert_false(s.finished);
	assert_int_equal(session_slot(&s), 0);
	assert_int_equal(session_left_ms(&s, T0), 5000);
	assert_int_equal(session_left_shown(&s, T0), 5);
	assert_int_equal(session_elapsed_ms(&s, T0), 0);
	assert_int_equal(session_plan_left_ms(&s, T0), ROUTINE_MS);
	assert_true(s.stats[0].reached);
	assert_false(s.stats[1].reached);
	assert_int_equal(s.stats[0].work_total, 2);
	assert_int_equal(s.stats[1].work_total, 2);
	assert_int_equal(session_active_ms(&s), 0);
	session_free(&s);
	assert_null(s.state);
	assert_null(s.stats);
	/* Freeing twice, or a zeroed session, is harmless. */
	session_free(&s);
}

static void test_init_at_a_later_phase(void **state)
{
	struct session s;

	(void)state;
	start(&s, 4);
	assert_int_equal(s.cur, 4);
	assert_int_equal(session_slot(&s), 1);
	assert_false(s.stats[0].reached);
	assert_true(s.stats[1].reached);
	assert_int_equal(session_left_ms(&s, T0), 5000);
	assert_int_equal(session_plan_left_ms(&s, T0), 15000);
	assert_int_equal(session_tick(&s, T0 + 5000), PH);
	assert_int_equal(s.cur, 5);
	session_free(&s);

	/* A phase past the end leaves nothing to do. */
	start(&s, ROUTINE_N);
	assert_true(s.finished);
	assert_null(session_phase(&s));
	assert_int_equal(session_slot(&s), 2);
	assert_int_equal(session_tick(&s, T0 + 1), 0);
	session_free(&s);
}

static void test_empty_plan_is_finished_at_once(void **state)
{
	struct plan empty;
	struct session s;

	(void)state;
	memset(&empty, 0, sizeof(empty));
	assert_int_equal(session_init(&s, &empty, 0, T0), 0);
	assert_true(s.finished);
	assert_null(session_phase(&s));
	assert_int_equal(session_slot(&s), 0);
	assert_int_equal(session_left_ms(&s, T0), 0);
	assert_int_equal(session_plan_left_ms(&s, T0), 0);
	assert_int_equal(session_wait_ms(&s, T0), -1);
	assert_int_equal(session_tick(&s, T0 + 1000), 0);
	assert_int_equal(session_next(&s, T0 + 1000), 0);
	assert_int_equal(session_prev(&s, T0 + 1000), 0);
	assert_int_equal(session_skip_exercise(&s, T0 + 1000), 0);
	session_free(&s);
}

static void test_init_allocation_failure(void **state)
{
	struct plan_phase one = { 0 };
	unsigned ex = 0;
	struct plan huge;
	struct session s;

	(void)state;
	/*
	 * A phase count no allocator can satisfy: lumbar's policy (file.h) is
	 * to say "lumbar: out of memory" and exit 71, never to go on half-built.
	 */
	memset(&huge, 0, sizeof(huge));
	huge.phases = &one;
	huge.n = SIZE_MAX / 2;
	huge.exercises = &ex;
	huge.n_exercises = 1;
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, STDERR_FILENO);
		(void)session_init(&s, &huge, 0, T0);
		_exit(0);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 71);
}

/* ---- Time alone -------------------------------------------------------------------- */

static void test_every_transition_by_time(void **state)
{
	/*
	 * Ticks 1 ms before and exactly at every deadline: nothing changes
	 * early, each phase starts exactly at its deadline, the exercise event
	 * comes with the first phase of the second exercise, and the work
	 * phases cue their last seconds.
	 */
	static const struct step steps[] = {
		{ 0, TICK, 0, 5, 0 },
		{ 4999, TICK, 0, 1, 0 }, /* prepare: no countdown cue */
		{ 5000, TICK, 1, 10, PH },
		{ 11999, TICK, 1, 4, 0 },
		{ 12000, TICK, 1, 3, CD },
		{ 13000, TICK, 1, 2, CD },
		{ 14000, TICK, 1, 1, CD },
		{ 14999, TICK, 1, 1, 0 },
		{ 15000, TICK, 2, 3, PH }, /* rest: no cue */
		{ 16000, TICK, 2, 2, 0 },
		{ 17999, TICK, 2, 1, 0 },
		{ 18000, TICK, 3, 10, PH },
		{ 27999, TICK, 3, 1, CD },
		{ 28000, TICK, 4, 5, PH | EX },
		{ 32999, TICK, 4, 1, 0 },
		{ 33000, TICK, 5, 4, PH },
		{ 34000, TICK, 5, 3, CD },
		{ 36999, TICK, 5, 1, CD },
		{ 37000, TICK, 6, 2, PH }, /* switch: no cue */
		{ 38999, TICK, 6, 1, 0 },
		{ 39000, TICK, 7, 4, PH },
		{ 42999, TICK, 7, 1, CD },
		{ 43000, TICK, DONE_AT, 0, PH | DN },
		{ 50000, TICK, DONE_AT, 0, 0 },
	};
	struct session s;
	size_t k;

	(void)state;
	start(&s, 0);
	RUN(&s, steps);
	for (k = 0; k < ROUTINE_N; k++)
		assert_int_equal(s.state[k], SESS_COMPLETED);
	assert_int_equal(session_slot(&s), 2);
	assert_int_equal(s.stats[0].work_done, 2);
	assert_int_equal(s.stats[1].work_done, 2);
	assert_int_equal(s.stats[0].work_skipped + s.stats[1].work_skipped, 0);
	assert_true(s.stats[0].ended && s.stats[1].ended);
	assert_false(s.stats[0].skipped || s.stats[1].skipped);
	assert_int_equal(s.stats[0].active_ms, 28000);
	assert_int_equal(s.stats[1].active_ms, 15000);
	assert_int_equal(session_active_ms(&s), ROUTINE_MS);
	session_free(&s);
}

static void test_countdown_cues_3_2_1_once_each(void **state)
{
	struct session s;
	unsigned cues[4] = { 0 };
	unsigned order[4], n_order = 0;
	int64_t t;

	(void)state;
	start(&s, 1); /* the 10 s work phase */
	/* Tick every 100 ms, and twice at some instants, through the phase. */
	for (t = T0; t < T0 + 10000; t += 100) {
		unsigned ev = session_tick(&s, t) | session_tick(&s, t);

		if (t == T0 + 8500) {
			/* A pause in the last seconds must not replay a cue. */
			session_pause(&s, t);
			session_resume(&s, t);
		}
		if (ev & CD) {
			unsigned shown = session_left_shown(&s, t);

			assert_in_range(shown, 1, 3);
			cues[shown]++;
			order[n_order++] = shown;
		}
		assert_int_equal(ev & ~(unsigned)CD, 0);
	}
	assert_int_equal(cues[3], 1);
	assert_int_equal(cues[2], 1);
	assert_int_equal(cues[1], 1);
	assert_int_equal(n_order, 3);
	assert_int_equal(order[0], 3);
	assert_int_equal(order[1], 2);
	assert_int_equal(order[2], 1);
	session_free(&s);
}

static void test_countdown_skips_the_first_shown_value(void **state)
{
	static const struct spec spec[] = { { PLAN_WORK, 3, 0 }, { PLAN_WORK, 2, 0 } };
	struct plan_phase ph[2];
	unsigned ex[1];
	struct plan p;
	struct session s;

	(void)state;
	/* The phase event covers the start: a 3 s hold cues only 2 and 1. */
	make_plan(&p, ph, ex, spec, 2);
	assert_int_equal(session_init(&s, &p, 0, T0), 0);
	assert_int_equal(session_tick(&s, T0), 0);
	assert_int_equal(session_tick(&s, T0 + 999), 0);
	assert_int_equal(session_tick(&s, T0 + 1000), CD);
	assert_int_equal(session_tick(&s, T0 + 2000), CD);
	assert_int_equal(session_tick(&s, T0 + 3000), PH);
	assert_int_equal(session_tick(&s, T0 + 4000), CD);
	assert_int_equal(session_tick(&s, T0 + 5000), PH | DN);
	session_free(&s);
}

static void test_late_tick_jumps_several_phases(void **state)
{
	struct session s;
	int64_t now = T0 + 29500;

	(void)state;
	start(&s, 0);
	assert_int_equal(session_tick(&s, T0 + 1000), 0);
	/* Phases 0-3 end at 28000: the tick lands 1.5 s into phase 4. */
	assert_int_equal(session_tick(&s, now), PH | EX);
	assert_int_equal(s.cur, 4);
	assert_int_equal(session_left_ms(&s, now), 3500);
	assert_int_equal(session_left_shown(&s, now), 4);
	assert_int_equal(session_elapsed_ms(&s, now), 1500);
	assert_int_equal(session_plan_left_ms(&s, now), ROUTINE_MS - 29500);
	assert_int_equal(s.state[0], SESS_COMPLETED);
	assert_int_equal(s.state[3], SESS_COMPLETED);
	assert_int_equal(s.state[4], SESS_PENDING);
	assert_int_equal(s.stats[0].work_done, 2);
	assert_true(s.stats[0].ended);
	assert_true(s.stats[1].reached);
	/* The time is split at the exact boundary between the exercises. */
	assert_int_equal(s.stats[0].active_ms, 28000);
	assert_int_equal(s.stats[1].active_ms, 1500);

	/* A late tick landing in the last 3 s of a work phase cues it too. */
	assert_int_equal(session_tick(&s, T0 + 35500), PH | CD);
	assert_int_equal(s.cur, 5);
	assert_int_equal(session_left_shown(&s, T0 + 35500), 2);

	/* A tick far past the end finishes exactly once. */
	assert_int_equal(session_tick(&s, T0 + 3600000), PH | DN);
	assert_int_equal(session_tick(&s, T0 + 3600001), 0);
	assert_int_equal(session_active_ms(&s), ROUTINE_MS);
	session_free(&s);
}

/* ---- Pause -------------------------------------------------------------------------- */

static void test_pause_for_an_hour_then_resume(void **state)
{
	static const struct step steps[] = {
		{ 7300, TICK, 1, 8, PH },
		{ 7300, PAUSE, 1, 8, 0 },
		{ 7300 + 3600000, TICK, 1, 8, 0 },
		{ 7300 + 3600000, PAUSE, 1, 8, 0 }, /* pausing twice does nothing */
		{ 7300 + 3600000, RESUME, 1, 8, 0 },
		{ 7300 + 3600000 + 7699, TICK, 1, 1, CD },
		{ 7300 + 3600000 + 7700, TICK, 2, 3, PH },
	};
	struct session s;
	int64_t paused_at = T0 + 7300, back = paused_at + 3600000;

	(void)state;
	start(&s, 0);
	RUN(&s, steps);
	session_free(&s);

	/* The same again, looking at the figures while paused. */
	start(&s, 0);
	session_tick(&s, paused_at);
	session_pause(&s, paused_at);
	assert_true(s.paused);
	assert_int_equal(session_left_ms(&s, back), 7700);
	assert_int_equal(session_elapsed_ms(&s, back), 2300);
	assert_int_equal(session_plan_left_ms(&s, back), ROUTINE_MS - 7300);
	assert_int_equal(session_wait_ms(&s, back), -1);
	session_resume(&s, back);
	assert_false(s.paused);
	assert_int_equal(session_left_ms(&s, back), 7700);
	assert_int_equal(session_plan_left_ms(&s, back), ROUTINE_MS - 7300);
	assert_int_equal(session_wait_ms(&s, back), 700);
	/* The hour is not active time, and resuming twice changes nothing. */
	session_resume(&s, back + 5000);
	assert_int_equal(session_tick(&s, back + 7700), PH);
	assert_int_equal(s.stats[0].active_ms, 15000);
	session_free(&s);
}

static void test_toggle_pause(void **state)
{
	static const struct step steps[] = {
		{ 1000, TOGGLE, 0, 4, 0 }, { 9000, TICK, 0, 4, 0 },    { 9000, TOGGLE, 0, 4, 0 },
		{ 12999, TICK, 0, 1, 0 },  { 13000, TICK, 1, 10, PH },
	};
	struct session s;

	(void)state;
	start(&s, 0);
	RUN(&s, steps);
	assert_int_equal(s.stats[0].active_ms, 5000);
	session_free(&s);
}

static void test_pause_at_a_boundary(void **state)
{
	struct session s;
	int later = 0;

	(void)state;
	/*
	 * Pausing exactly at a deadline pauses the next phase in full, whether
	 * or not the caller ticked first; the phase that ran out is completed.
	 */
	for (later = 0; later < 2; later++) {
		start(&s, 0);
		if (later == 0)
			assert_int_equal(session_tick(&s, T0 + 5000), PH);
		session_pause(&s, T0 + 5000);
		assert_true(s.paused);
		assert_int_equal(s.cur, 1);
		assert_int_equal(s.state[0], SESS_COMPLETED);
		assert_int_equal(session_left_ms(&s, T0 + 99000), 10000);
		session_resume(&s, T0 + 99000);
		assert_int_equal(session_tick(&s, T0 + 108999), CD);
		assert_int_equal(session_tick(&s, T0 + 109000), PH);
		assert_int_equal(s.stats[0].active_ms, 15000);
		session_free(&s);
	}

	/* Paused 1 ms before the deadline, 1 ms is left after any wait. */
	start(&s, 0);
	session_pause(&s, T0 + 4999);
	assert_int_equal(s.cur, 0);
	assert_int_equal(session_left_ms(&s, T0 + 60000), 1);
	session_resume(&s, T0 + 60000);
	assert_int_equal(session_wait_ms(&s, T0 + 60000), 1);
	assert_int_equal(session_tick(&s, T0 + 60001), PH);
	session_free(&s);
}

/* ---- Next, previous, skip exercise ------------------------------------------------------ */

static void test_next_skips_the_rest_of_a_phase(void **state)
{
	static const struct step steps[] = {
		{ 1000, NEXT, 1, 10, PH }, /* prepare left after 1 s */
		{ 10999, TICK, 1, 1, CD }, /* the work phase started at 1000 */
		{ 11000, TICK, 2, 3, PH },
		{ 11000, NEXT, 3, 10, PH },     /* rest left at its first instant */
		{ 12500, NEXT, 4, 5, PH | EX }, /* the last phase of exercise 1 */
		{ 12500, NEXT, 5, 4, PH },
		{ 12500, NEXT, 6, 2, PH },
		{ 13000, NEXT, 7, 4, PH },
		{ 14000, NEXT, DONE_AT, 0, PH | DN }, /* on the last phase: finish */
		{ 15000, NEXT, DONE_AT, 0, 0 },
		{ 15000, TICK, DONE_AT, 0, 0 },
	};
	struct session s;

	(void)state;
	start(&s, 0);
	RUN(&s, steps);
	assert_int_equal(s.state[0], SESS_SKIPPED);
	assert_int_equal(s.state[1], SESS_COMPLETED);
	assert_int_equal(s.state[2], SESS_SKIPPED);
	assert_int_equal(s.state[3], SESS_SKIPPED);
	assert_int_equal(s.state[7], SESS_SKIPPED);
	assert_int_equal(s.stats[0].work_done, 1);
	assert_int_equal(s.stats[0].work_skipped, 1);
	assert_int_equal(s.stats[1].work_skipped, 2);
	assert_true(s.stats[0].ended && s.stats[1].ended);
	/* Next is not skip-exercise: the exercises were not skipped as such. */
	assert_false(s.stats[0].skipped || s.stats[1].skipped);
	assert_int_equal(s.stats[0].active_ms, 12500);
	assert_int_equal(s.stats[1].active_ms, 1500);
	session_free(&s);
}

static void test_next_while_paused_stays_paused(void **state)
{
	struct session s;

	(void)state;
	start(&s, 0);
	session_pause(&s, T0 + 2000);
	assert_int_equal(session_next(&s, T0 + 50000), PH);
	assert_true(s.paused);
	assert_int_equal(s.cur, 1);
	assert_int_equal(session_left_ms(&s, T0 + 90000), 10000);
	assert_int_equal(session_tick(&s, T0 + 90000), 0);
	session_resume(&s, T0 + 90000);
	assert_int_equal(session_tick(&s, T0 + 100000), PH);
	assert_int_equal(s.stats[0].active_ms, 12000);
	session_free(&s);
}

static void test_prev_within_and_after_2s(void **state)
{
	static const struct step steps[] = {
		/* On the first phase there is nothing before: restart it. */
		{ 500, PREV, 0, 5, 0 },
		{ 5499, TICK, 0, 1, 0 },
		{ 5500, TICK, 1, 10, PH },
		/* 1999 ms into phase 1: back to phase 0, in full. */
		{ 7499, PREV, 0, 5, PH },
		{ 12498, TICK, 0, 1, 0 },
		{ 12499, TICK, 1, 10, PH },
		/* Exactly 2 s in: restart phase 1 instead. */
		{ 14499, PREV, 1, 10, 0 },
		{ 24498, TICK, 1, 1, CD },
		{ 24499, TICK, 2, 3, PH },
		/* Late in a phase: restart. */
		{ 27000, PREV, 2, 3, 0 },
		{ 30000, TICK, 3, 10, PH },
		/* From the first phase of an exercise back into the one before. */
		{ 40000, TICK, 4, 5, PH | EX },
		{ 40001, PREV, 3, 10, PH | EX },
		/* Nothing goes back from the end of the plan. */
		{ 50001, TICK, 4, 5, PH | EX },
		{ 50001, SKIP, DONE_AT, 0, PH | DN },
		{ 50001, PREV, DONE_AT, 0, 0 },
	};
	struct session s;

	(void)state;
	start(&s, 0);
	RUN(&s, steps);
	session_free(&s);
}

static void test_prev_on_the_last_phase(void **state)
{
	static const struct step steps[] = {
		{ 0, SKIP, 4, 5, PH | EX },
		{ 0, NEXT, 5, 4, PH },
		{ 0, NEXT, 6, 2, PH },
		{ 0, NEXT, 7, 4, PH },
		{ 3000, PREV, 7, 4, 0 },  /* 3 s into the last phase: restart */
		{ 4000, PREV, 6, 2, PH }, /* 1 s in: back to the switch */
		{ 6000, TICK, 7, 4, PH },
		{ 9999, TICK, 7, 1, CD },
		{ 10000, TICK, DONE_AT, 0, PH | DN },
	};
	struct session s;

	(void)state;
	start(&s, 0);
	RUN(&s, steps);
	assert_int_equal(s.state[6], SESS_COMPLETED);
	assert_int_equal(s.state[7], SESS_COMPLETED);
	session_free(&s);
}

static void test_prev_makes_the_phase_pending_again(void **state)
{
	struct session s;

	(void)state;
	start(&s, 0);
	assert_int_equal(session_tick(&s, T0 + 15000), PH);
	assert_int_equal(s.cur, 2);
	assert_int_equal(s.stats[0].work_done, 1);
	/* Back into the hold just completed: it is to be done again. */
	assert_int_equal(session_prev(&s, T0 + 15500), PH);
	assert_int_equal(s.cur, 1);
	assert_int_equal(s.state[1], SESS_PENDING);
	assert_int_equal(s.stats[0].work_done, 0);
	assert_int_equal(session_left_ms(&s, T0 + 15500), 10000);
	/* Done again, it counts once. */
	assert_int_equal(session_tick(&s, T0 + 25500), PH);
	assert_int_equal(s.state[1], SESS_COMPLETED);
	assert_int_equal(s.stats[0].work_done, 1);

	/* The same for a skipped hold. */
	assert_int_equal(session_next(&s, T0 + 26000), PH);
	assert_int_equal(session_next(&s, T0 + 26000), PH | EX);
	assert_int_equal(s.stats[0].work_skipped, 1);
	assert_true(s.stats[0].ended);
	assert_int_equal(session_prev(&s, T0 + 26000), PH | EX);
	assert_int_equal(s.cur, 3);
	assert_int_equal(s.state[3], SESS_PENDING);
	assert_int_equal(s.stats[0].work_skipped, 0);
	assert_false(s.stats[0].ended);
	assert_int_equal(session_tick(&s, T0 + 36000), PH | EX);
	assert_int_equal(s.stats[0].work_done, 2);
	assert_true(s.stats[0].ended);
	session_free(&s);
}

static void test_prev_while_paused_stays_paused(void **state)
{
	struct session s;

	(void)state;
	start(&s, 0);
	assert_int_equal(session_tick(&s, T0 + 5000), PH);
	/* Paused 500 ms into phase 1; the time spent paused does not count. */
	session_pause(&s, T0 + 5500);
	assert_int_equal(session_prev(&s, T0 + 60000), PH);
	assert_true(s.paused);
	assert_int_equal(s.cur, 0);
	assert_int_equal(session_left_ms(&s, T0 + 70000), 5000);
	assert_int_equal(session_wait_ms(&s, T0 + 70000), -1);
	session_free(&s);

	start(&s, 0);
	/* Paused 3 s into phase 1: restart it, still paused, in full. */
	session_pause(&s, T0 + 8000);
	assert_int_equal(s.cur, 1);
	assert_int_equal(session_prev(&s, T0 + 60000), 0);
	assert_true(s.paused);
	assert_int_equal(s.cur, 1);
	assert_int_equal(session_left_ms(&s, T0 + 70000), 10000);
	session_resume(&s, T0 + 70000);
	assert_int_equal(session_tick(&s, T0 + 79999), CD);
	assert_int_equal(session_tick(&s, T0 + 80000), PH);
	assert_int_equal(s.stats[0].active_ms, 18000);
	session_free(&s);
}

static void test_prev_restart_replays_the_countdown(void **state)
{
	struct session s;

	(void)state;
	start(&s, 1);
	assert_int_equal(session_tick(&s, T0 + 9000), CD);
	assert_int_equal(session_prev(&s, T0 + 9500), 0);
	assert_int_equal(session_left_shown(&s, T0 + 9500), 10);
	assert_int_equal(session_tick(&s, T0 + 16500), CD);
	assert_int_equal(session_left_shown(&s, T0 + 16500), 3);
	session_free(&s);
}

static void test_skip_exercise(void **state)
{
	static const struct step steps[] = {
		{ 6000, SKIP, 4, 5, PH | EX },
		{ 10999, TICK, 4, 1, 0 },
		{ 11000, TICK, 5, 4, PH },
		/* On the last exercise, skipping finishes the session. */
		{ 12000, SKIP, DONE_AT, 0, PH | DN },
		{ 13000, SKIP, DONE_AT, 0, 0 },
		{ 13000, TICK, DONE_AT, 0, 0 },
	};
	struct session s;

	(void)state;
	start(&s, 0);
	RUN(&s, steps);
	assert_int_equal(s.state[0], SESS_COMPLETED);
	assert_int_equal(s.state[1], SESS_SKIPPED);
	assert_int_equal(s.state[2], SESS_SKIPPED);
	assert_int_equal(s.state[3], SESS_SKIPPED);
	assert_int_equal(s.state[4], SESS_COMPLETED);
	assert_int_equal(s.state[5], SESS_SKIPPED);
	assert_int_equal(s.state[7], SESS_SKIPPED);
	assert_int_equal(s.stats[0].work_done, 0);
	assert_int_equal(s.stats[0].work_skipped, 2);
	assert_int_equal(s.stats[1].work_skipped, 2);
	assert_true(s.stats[0].skipped && s.stats[0].ended);
	assert_true(s.stats[1].skipped && s.stats[1].ended);
	assert_int_equal(s.stats[0].active_ms, 6000);
	assert_int_equal(s.stats[1].active_ms, 6000);
	assert_int_equal(session_slot(&s), 2);
	session_free(&s);

	/*
	 * Going back into a skipped exercise reopens it: finished normally,
	 * it is no longer reported as skipped, though the hold skipped stays so.
	 */
	start(&s, 0);
	assert_int_equal(session_skip_exercise(&s, T0 + 6000), PH | EX);
	assert_int_equal(session_prev(&s, T0 + 7000), PH | EX);
	assert_int_equal(s.cur, 3);
	assert_false(s.stats[0].skipped);
	assert_false(s.stats[0].ended);
	assert_int_equal(s.stats[0].work_skipped, 1);
	assert_int_equal(session_tick(&s, T0 + 17000), PH | EX);
	assert_true(s.stats[0].ended);
	assert_false(s.stats[0].skipped);
	assert_int_equal(s.stats[0].work_done, 1);
	session_free(&s);

	/* Skipping while paused lands paused on the next exercise, in full. */
	start(&s, 0);
	session_pause(&s, T0 + 1000);
	assert_int_equal(session_skip_exercise(&s, T0 + 5000), PH | EX);
	assert_true(s.paused);
	assert_int_equal(s.cur, 4);
	assert_int_equal(session_left_ms(&s, T0 + 9000), 5000);
	session_free(&s);
}

static void test_actions_catch_up_with_time_first(void **state)
{
	struct session s;

	(void)state;
	/*
	 * A key handled after a missed deadline acts on the phase current at
	 * that time, and reports the phase changes it caught up with.
	 */
	start(&s, 0);
	assert_int_equal(session_next(&s, T0 + 16000), PH);
	assert_int_equal(s.cur, 3);
	assert_int_equal(s.state[1], SESS_COMPLETED);
	assert_int_equal(s.state[2], SESS_SKIPPED);
	assert_int_equal(session_left_ms(&s, T0 + 16000), 10000);
	session_free(&s);

	start(&s, 0);
	assert_int_equal(session_skip_exercise(&s, T0 + 29000), PH | EX | DN);
	assert_true(s.finished);
	assert_false(s.stats[0].skipped);
	assert_true(s.stats[1].skipped);
	session_free(&s);
}

/* ---- Accounting and figures ---------------------------------------------------------------- */

static void test_active_time_excludes_pauses_per_exercise(void **state)
{
	struct session s;

	(void)state;
	start(&s, 0);
	session_pause(&s, T0 + 3000);           /* 3 s in exercise 1 */
	session_resume(&s, T0 + 600000);        /* a long pause */
	session_tick(&s, T0 + 601000);          /* +1 s */
	session_skip_exercise(&s, T0 + 602500); /* +1.5 s, into exercise 2 */
	session_tick(&s, T0 + 603000);          /* +0.5 s in exercise 2 */
	session_pause(&s, T0 + 604000);         /* +1 s */
	session_tick(&s, T0 + 700000);
	session_toggle_pause(&s, T0 + 800000);
	/* Exercise 2 then runs to its end: all of its 15 s, and no pause. */
	assert_int_equal(session_tick(&s, T0 + 900000), PH | DN);
	assert_int_equal(s.stats[0].active_ms, 5500);
	assert_int_equal(s.stats[1].active_ms, 15000);
	assert_int_equal(session_active_ms(&s), 20500);
	session_free(&s);
}

static void test_plan_left_ms(void **state)
{
	struct session s;

	(void)state;
	start(&s, 0);
	assert_int_equal(session_plan_left_ms(&s, T0 + 1234), ROUTINE_MS - 1234);
	/* Exact even before the tick that moves past a deadline. */
	assert_int_equal(session_plan_left_ms(&s, T0 + 6000), ROUTINE_MS - 6000);
	session_tick(&s, T0 + 6000);
	assert_int_equal(session_plan_left_ms(&s, T0 + 6000), ROUTINE_MS - 6000);
	session_next(&s, T0 + 7000); /* skips 8 s of phase 1 */
	assert_int_equal(session_plan_left_ms(&s, T0 + 7000), ROUTINE_MS - 15000);
	/* The 8 s skipped bring the end forward to 35000. */
	assert_int_equal(session_tick(&s, T0 + 34999), PH | EX | CD);
	assert_int_equal(session_plan_left_ms(&s, T0 + 34999), 1);
	assert_int_equal(session_tick(&s, T0 + 35000), PH | DN);
	assert_int_equal(session_plan_left_ms(&s, T0 + 35000), 0);
	session_free(&s);
}

static void test_wait_ms(void **state)
{
	static const struct spec spec[] = { { PLAN_WORK, 30, 0 } };
	struct plan_phase ph[1];
	unsigned ex[1];
	struct plan p;
	struct session s;

	(void)state;
	make_plan(&p, ph, ex, spec, 1);
	assert_int_equal(session_init(&s, &p, 0, T0), 0);
	assert_int_equal(session_wait_ms(&s, T0), 1000);
	assert_int_equal(session_left_shown(&s, T0), 30);
	assert_int_equal(session_wait_ms(&s, T0 + 250), 750);
	assert_int_equal(session_left_shown(&s, T0 + 250), 30);
	assert_int_equal(session_wait_ms(&s, T0 + 999), 1);
	assert_int_equal(session_left_shown(&s, T0 + 999), 30);
	assert_int_equal(session_wait_ms(&s, T0 + 1000), 1000);
	assert_int_equal(session_left_shown(&s, T0 + 1000), 29);
	/* Sleeping for what it says lands exactly on the next change. */
	assert_int_equal(session_left_shown(&s, T0 + 250 + 750), 29);
	assert_int_equal(session_left_shown(&s, T0 + 29001), 1);
	session_pause(&s, T0 + 5250);
	assert_int_equal(session_wait_ms(&s, T0 + 5250), -1);
	/* After a resume the boundaries follow the new deadline. */
	session_resume(&s, T0 + 9000);
	assert_int_equal(session_wait_ms(&s, T0 + 9000), 750);
	assert_int_equal(session_left_shown(&s, T0 + 9000), 25);
	assert_int_equal(session_left_shown(&s, T0 + 9750), 24);
	/* Overdue (no tick yet): wake at once, never 0 or negative. */
	assert_int_equal(session_wait_ms(&s, T0 + 33750), 1);
	assert_int_equal(session_wait_ms(&s, T0 + 34750), 1);
	assert_int_equal(session_tick(&s, T0 + 40000), PH | DN);
	assert_int_equal(session_wait_ms(&s, T0 + 40000), -1);
	session_free(&s);
}

/* ---- Drift --------------------------------------------------------------------------------- */

#define DRIFT_N 10000

static struct plan_phase drift_phases[DRIFT_N];
static unsigned drift_ex[DRIFT_N / 100];

/* A fixed pseudo-random sequence, so a failure can be replayed. */
static uint32_t lcg(uint32_t *x)
{
	*x = *x * 1664525u + 1013904223u;
	return *x >> 8;
}

static void test_zero_drift_after_10000_phases(void **state)
{
	static struct spec spec[DRIFT_N];
	static int64_t end_ms[DRIFT_N];
	struct plan p;
	struct session s;
	uint32_t x = 12345;
	int64_t sum = 0, now = T0, prev_now;
	size_t k, changes = 0;

	(void)state;
	for (k = 0; k < DRIFT_N; k++) {
		spec[k].kind = k % 2 ? PLAN_WORK : PLAN_REST;
		spec[k].seconds = 1 + lcg(&x) % 7;
		spec[k].slot = (unsigned)(k / 100);
		sum += spec[k].seconds * 1000;
		end_ms[k] = sum;
	}
	make_plan(&p, drift_phases, drift_ex, spec, DRIFT_N);
	assert_int_equal(session_init(&s, &p, 0, T0), 0);

	/* Ticks 1-9000 ms apart, at instants unrelated to the deadlines. */
	while (!s.finished) {
		size_t before = s.cur;
		unsigned ev;

		prev_now = now;
		now += 1 + lcg(&x) % 9000;
		if (now - T0 >= sum)
			now = T0 + sum - 1;
		if (now == prev_now)
			break;
		ev = session_tick(&s, now);
		/* The phase is the one that contains now, by the exact sums. */
		assert_true(end_ms[s.cur] > now - T0);
		assert_true(s.cur == 0 || end_ms[s.cur - 1] <= now - T0);
		assert_int_equal(session_left_ms(&s, now), T0 + end_ms[s.cur] - now);
		assert_int_equal(session_plan_left_ms(&s, now), T0 + sum - now);
		assert_int_equal((ev & PH) != 0, s.cur != before);
		if (s.cur != before)
			changes++;
	}
	assert_false(s.finished);
	assert_int_equal(s.cur, DRIFT_N - 1);
	assert_true(changes > 1000);
	/* The plan ends exactly at the sum of the lengths, not 1 ms off. */
	assert_int_equal(session_tick(&s, T0 + sum - 1), 0);
	assert_int_equal(session_tick(&s, T0 + sum), PH | DN);
	assert_int_equal(session_active_ms(&s), sum);
	assert_int_equal(s.stats[0].active_ms, end_ms[99]);
	for (k = 0; k < DRIFT_N; k++)
		assert_int_equal(s.state[k], SESS_COMPLETED);
	session_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_init_starts_running_at_first_phase, setup_routine),
		cmocka_unit_test_setup(test_init_at_a_later_phase, setup_routine),
		cmocka_unit_test(test_empty_plan_is_finished_at_once),
		cmocka_unit_test(test_init_allocation_failure),
		cmocka_unit_test(test_reps_set_counts_its_reps),
		cmocka_unit_test_setup(test_every_transition_by_time, setup_routine),
		cmocka_unit_test_setup(test_countdown_cues_3_2_1_once_each, setup_routine),
		cmocka_unit_test(test_countdown_skips_the_first_shown_value),
		cmocka_unit_test_setup(test_late_tick_jumps_several_phases, setup_routine),
		cmocka_unit_test_setup(test_pause_for_an_hour_then_resume, setup_routine),
		cmocka_unit_test_setup(test_toggle_pause, setup_routine),
		cmocka_unit_test_setup(test_pause_at_a_boundary, setup_routine),
		cmocka_unit_test_setup(test_next_skips_the_rest_of_a_phase, setup_routine),
		cmocka_unit_test_setup(test_next_while_paused_stays_paused, setup_routine),
		cmocka_unit_test_setup(test_prev_within_and_after_2s, setup_routine),
		cmocka_unit_test_setup(test_prev_on_the_last_phase, setup_routine),
		cmocka_unit_test_setup(test_prev_makes_the_phase_pending_again, setup_routine),
		cmocka_unit_test_setup(test_prev_while_paused_stays_paused, setup_routine),
		cmocka_unit_test_setup(test_prev_restart_replays_the_countdown, setup_routine),
		cmocka_unit_test_setup(test_skip_exercise, setup_routine),
		cmocka_unit_test_setup(test_actions_catch_up_with_time_first, setup_routine),
		cmocka_unit_test_setup(test_active_time_excludes_pauses_per_exercise,
		                       setup_routine),
		cmocka_unit_test_setup(test_plan_left_ms, setup_routine),
		cmocka_unit_test(test_wait_ms),
		cmocka_unit_test(test_zero_drift_after_10000_phases),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
