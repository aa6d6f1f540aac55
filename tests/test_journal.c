/*
 * test_journal.c - what each way through a plan leaves in the history, one
 * row of a table per case, on a session driven by a fake clock.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "journal.h"

/*
 * Two exercises, each: prepare 2 s, work 3 s, rest 1 s, work 3 s. Phase
 * ends in ms from a start at phase 0: 2000 5000 6000 9000 | 11000 14000
 * 15000 18000. A plan of one exercise is the first four phases.
 */
static char id0[] = "bridges", id1[] = "cat-cow";
static struct cat_exercise exercises[2] = { { .id = id0 }, { .id = id1 } };
static const struct catalogue cat = { .exercises = exercises, .n_exercises = 2 };

static void make_plan(struct plan *p, struct plan_phase *ph, unsigned *ex, unsigned slots)
{
	static const enum plan_kind kinds[] = { PLAN_PREPARE, PLAN_WORK, PLAN_REST, PLAN_WORK };
	static const unsigned secs[] = { 2, 3, 1, 3 };
	unsigned offset = 0;

	memset(p, 0, sizeof(*p));
	for (unsigned i = 0; i < slots * 4; i++) {
		memset(&ph[i], 0, sizeof(ph[i]));
		ph[i].kind = kinds[i % 4];
		ph[i].seconds = secs[i % 4];
		ph[i].offset = offset;
		ph[i].slot = i / 4;
		ph[i].exercise = i / 4;
		ph[i].set = i % 4 ? 0 : -1;
		offset += secs[i % 4];
	}
	for (unsigned s = 0; s < slots; s++)
		ex[s] = s;
	p->phases = ph;
	p->n = slots * 4;
	p->total = offset;
	p->exercises = ex;
	p->n_exercises = slots;
}

#define T0         ((time_t)1800000000) /* the wall time at ms 0 */
#define RESUMED_AT ((time_t)1799990000)

struct step {
	char op; /* 't' tick, 's' skip the exercise, 'n' next phase, 'x' stop with
	            pain 6; 0 ends */
	int64_t ms;
};

struct want {
	const char *id;
	enum hist_result status;
	unsigned secs;
	time_t when;
};

struct jcase {
	const char *name;
	unsigned slots;
	bool routine;
	size_t first; /* phase to start at */
	bool resumed; /* starts with `bridges done 9` from a progress file */
	struct step steps[4];
	enum journal_way way;
	enum journal_act act;
	unsigned n;
	struct want w[2];
};

static const struct jcase cases[] = {
	{ "finished",
	  2,
	  true,
	  0,
	  false,
	  { { 't', 9000 }, { 't', 18000 } },
	  JOURNAL_FINISHED,
	  JOURNAL_WRITE,
	  2,
	  { { "bridges", HIST_DONE, 9, T0 + 9 }, { "cat-cow", HIST_DONE, 9, T0 + 18 } } },
	{ "left after one hold (q y)",
	  2,
	  true,
	  0,
	  false,
	  { { 't', 5500 } },
	  JOURNAL_QUIT,
	  JOURNAL_WRITE,
	  1,
	  { { "bridges", HIST_PARTIAL, 6, T0 + 5 } } },
	{ "left before any hold (q y)",
	  2,
	  true,
	  0,
	  false,
	  { { 't', 3000 } },
	  JOURNAL_QUIT,
	  JOURNAL_WRITE,
	  0,
	  { { 0 } } },
	{ "skipped after a hold, then finished",
	  2,
	  true,
	  0,
	  false,
	  { { 't', 5500 }, { 's', 5500 }, { 't', 14500 } },
	  JOURNAL_FINISHED,
	  JOURNAL_WRITE,
	  2,
	  { { "bridges", HIST_PARTIAL, 6, T0 + 5 }, { "cat-cow", HIST_DONE, 9, T0 + 14 } } },
	{ "skipped before any hold, then finished",
	  2,
	  true,
	  0,
	  false,
	  { { 't', 1000 }, { 's', 1000 }, { 't', 10000 } },
	  JOURNAL_FINISHED,
	  JOURNAL_WRITE,
	  1,
	  { { "cat-cow", HIST_DONE, 9, T0 + 10 } } },
	{ "resumed and finished",
	  2,
	  true,
	  4,
	  true,
	  { { 't', 9000 } },
	  JOURNAL_FINISHED,
	  JOURNAL_WRITE,
	  2,
	  { { "bridges", HIST_DONE, 9, RESUMED_AT }, { "cat-cow", HIST_DONE, 9, T0 + 9 } } },
	{ "resumed and left (q y)",
	  2,
	  true,
	  4,
	  true,
	  { { 't', 5500 } },
	  JOURNAL_QUIT,
	  JOURNAL_WRITE,
	  2,
	  { { "bridges", HIST_DONE, 9, RESUMED_AT }, { "cat-cow", HIST_PARTIAL, 6, T0 + 5 } } },
	{ "resumed and left before any hold",
	  2,
	  true,
	  4,
	  true,
	  { { 't', 1000 } },
	  JOURNAL_QUIT,
	  JOURNAL_WRITE,
	  1,
	  { { "bridges", HIST_DONE, 9, RESUMED_AT } } },
	{ "Ctrl-C mid-routine",
	  2,
	  true,
	  0,
	  false,
	  { { 't', 9000 }, { 't', 14500 } },
	  JOURNAL_INTERRUPT,
	  JOURNAL_WRITE,
	  2,
	  { { "bridges", HIST_DONE, 9, T0 + 9 }, { "cat-cow", HIST_PARTIAL, 6, T0 + 14 } } },
	{ "Ctrl-C in one exercise after a hold",
	  1,
	  false,
	  0,
	  false,
	  { { 't', 5500 } },
	  JOURNAL_INTERRUPT,
	  JOURNAL_WRITE,
	  1,
	  { { "bridges", HIST_PARTIAL, 6, T0 + 5 } } },
	{ "SIGTERM mid-routine keeps the progress file",
	  2,
	  true,
	  0,
	  false,
	  { { 't', 9000 }, { 't', 14500 } },
	  JOURNAL_TERM,
	  JOURNAL_KEEP,
	  1,
	  { { "bridges", HIST_DONE, 9, T0 + 9 } } },
	{ "SIGHUP mid-routine keeps the progress file",
	  2,
	  true,
	  0,
	  false,
	  { { 't', 9000 }, { 't', 14500 } },
	  JOURNAL_HANGUP,
	  JOURNAL_KEEP,
	  1,
	  { { "bridges", HIST_DONE, 9, T0 + 9 } } },
	{ "SIGTERM in one exercise after a hold",
	  1,
	  false,
	  0,
	  false,
	  { { 't', 5500 } },
	  JOURNAL_TERM,
	  JOURNAL_WRITE,
	  1,
	  { { "bridges", HIST_PARTIAL, 6, T0 + 5 } } },
	{ "SIGHUP in one exercise after a hold",
	  1,
	  false,
	  0,
	  false,
	  { { 't', 5500 } },
	  JOURNAL_HANGUP,
	  JOURNAL_WRITE,
	  1,
	  { { "bridges", HIST_PARTIAL, 6, T0 + 5 } } },
	{ "SIGTERM in one exercise before any hold",
	  1,
	  false,
	  0,
	  false,
	  { { 't', 3000 } },
	  JOURNAL_TERM,
	  JOURNAL_WRITE,
	  0,
	  { { 0 } } },
	{ "SIGTERM at the summary",
	  2,
	  true,
	  0,
	  false,
	  { { 't', 9000 }, { 't', 18000 } },
	  JOURNAL_TERM,
	  JOURNAL_WRITE,
	  2,
	  { { "bridges", HIST_DONE, 9, T0 + 9 }, { "cat-cow", HIST_DONE, 9, T0 + 18 } } },
	/* Issue 19: done only with PRG_DONE_PERCENT (80) of the work time played. */
	{ "n through a whole exercise is partial, not done",
	  1,
	  false,
	  0,
	  false,
	  { { 'n', 100 }, { 'n', 200 }, { 'n', 300 }, { 'n', 400 } },
	  JOURNAL_FINISHED,
	  JOURNAL_WRITE,
	  1,
	  { { "bridges", HIST_PARTIAL, 0, T0 } } },
	{ "80% of the work time played, then n: done",
	  1,
	  false,
	  0,
	  false,
	  { { 't', 7800 }, { 'n', 7800 } },
	  JOURNAL_FINISHED,
	  JOURNAL_WRITE,
	  1,
	  { { "bridges", HIST_DONE, 8, T0 + 7 } } },
	{ "1 ms short of 80%, then n: partial",
	  1,
	  false,
	  0,
	  false,
	  { { 't', 7799 }, { 'n', 7799 } },
	  JOURNAL_FINISHED,
	  JOURNAL_WRITE,
	  1,
	  { { "bridges", HIST_PARTIAL, 8, T0 + 7 } } },
	{ "n through the rests and get-ready only: done",
	  1,
	  false,
	  0,
	  false,
	  { { 'n', 100 }, { 't', 3100 }, { 'n', 3200 }, { 't', 6200 } },
	  JOURNAL_FINISHED,
	  JOURNAL_WRITE,
	  1,
	  { { "bridges", HIST_DONE, 6, T0 + 6 } } },
	{ "the first hold cut by n, the second played: partial (50%)",
	  1,
	  false,
	  0,
	  false,
	  { { 't', 2000 }, { 'n', 2000 }, { 't', 7000 } },
	  JOURNAL_FINISHED,
	  JOURNAL_WRITE,
	  1,
	  { { "bridges", HIST_PARTIAL, 6, T0 + 7 } } },
	{ "resumed at the second hold and walked to its end: the first counts as played",
	  1,
	  false,
	  3,
	  false,
	  { { 't', 3000 } },
	  JOURNAL_FINISHED,
	  JOURNAL_WRITE,
	  1,
	  { { "bridges", HIST_DONE, 3, T0 + 3 } } },
	{ "stopped mid-hold, then the next exercise finished",
	  2,
	  true,
	  0,
	  false,
	  { { 't', 4000 }, { 'x', 4000 }, { 's', 4000 }, { 't', 13000 } },
	  JOURNAL_FINISHED,
	  JOURNAL_WRITE,
	  2,
	  { { "bridges", HIST_STOPPED, 4, T0 + 4 }, { "cat-cow", HIST_DONE, 9, T0 + 13 } } },
	{ "stopped after a hold, then the session ended (e)",
	  2,
	  true,
	  0,
	  false,
	  { { 't', 5500 }, { 'x', 5500 } },
	  JOURNAL_FINISHED,
	  JOURNAL_WRITE,
	  1,
	  { { "bridges", HIST_STOPPED, 6, T0 + 5 } } },
	{ "stopped in get-ready is still a stop",
	  1,
	  false,
	  0,
	  false,
	  { { 't', 1000 }, { 'x', 1000 } },
	  JOURNAL_FINISHED,
	  JOURNAL_WRITE,
	  1,
	  { { "bridges", HIST_STOPPED, 1, T0 + 1 } } },
	{ "stopped, then Ctrl-C: the stop is not made partial",
	  1,
	  false,
	  0,
	  false,
	  { { 't', 5500 }, { 'x', 5500 } },
	  JOURNAL_INTERRUPT,
	  JOURNAL_WRITE,
	  1,
	  { { "bridges", HIST_STOPPED, 6, T0 + 5 } } },
	/* Issue 18, item 10: a stop stands, so after one on the last exercise nothing is left. */
	{ "stopped on the last exercise, then SIGTERM: nothing to resume, written",
	  2,
	  true,
	  0,
	  false,
	  { { 't', 9000 }, { 't', 12000 }, { 'x', 12000 } },
	  JOURNAL_TERM,
	  JOURNAL_WRITE,
	  2,
	  { { "bridges", HIST_DONE, 9, T0 + 9 }, { "cat-cow", HIST_STOPPED, 3, T0 + 12 } } },
	{ "stopped on the first exercise, then SIGHUP keeps the progress file",
	  2,
	  true,
	  0,
	  false,
	  { { 't', 4000 }, { 'x', 4000 } },
	  JOURNAL_HANGUP,
	  JOURNAL_KEEP,
	  1,
	  { { "bridges", HIST_STOPPED, 4, T0 + 4 } } },
	{ "a stopped exercise walked to its end stays stopped",
	  1,
	  false,
	  0,
	  false,
	  { { 't', 3000 }, { 'x', 3000 }, { 't', 9000 } },
	  JOURNAL_FINISHED,
	  JOURNAL_WRITE,
	  1,
	  { { "bridges", HIST_STOPPED, 3, T0 + 3 } } },
};

enum { N_CASES = sizeof(cases) / sizeof(cases[0]) };

static void run_case(void **state)
{
	const struct jcase *c = *state;
	struct plan_phase ph[8];
	unsigned ex[2];
	struct plan p;
	struct session s;
	struct journal j;
	struct hist_entry out[CAT_MAX_EXERCISES];
	const struct hist_entry resumed = { .when = RESUMED_AT,
		                            .id = "bridges",
		                            .status = HIST_DONE,
		                            .active_s = 9,
		                            .pain = HIST_NO_PAIN };

	make_plan(&p, ph, ex, c->slots);
	assert_int_equal(session_init(&s, &p, c->first, 0), 0);
	assert_int_equal(journal_begin(&j, &cat, &p, &resumed, c->resumed ? 1 : 0),
	                 c->resumed ? 1 : 0);
	j.pain_before = 3;
	for (const struct step *st = c->steps; st < c->steps + 4 && st->op; st++) {
		if (st->op == 'x')
			journal_stop_score(&j, journal_stop(&j, &cat, &p, &s, T0 + st->ms / 1000),
			                   6);
		else if (st->op == 't')
			session_tick(&s, st->ms);
		else if (st->op == 's')
			session_skip_exercise(&s, st->ms);
		else
			session_next(&s, st->ms);
		journal_collect(&j, &cat, &p, &s, T0 + st->ms / 1000);
	}
	const struct step *last = c->steps;
	while (last + 1 < c->steps + 4 && last[1].op)
		last++;
	assert_int_equal(journal_leave(&j, &cat, &p, &s, c->routine, c->way, T0 + last->ms / 1000),
	                 c->act);
	assert_int_equal(journal_pending(&j), c->n > 0);
	assert_int_equal(journal_take(&j, 4, out), c->n);
	for (unsigned i = 0; i < c->n; i++) {
		assert_string_equal(out[i].id, c->w[i].id);
		assert_int_equal(out[i].status, c->w[i].status);
		assert_int_equal(out[i].active_s, c->w[i].secs);
		assert_int_equal(out[i].when, c->w[i].when);
		/* A stop keeps its own score; every entry has the pain-before. */
		assert_int_equal(out[i].pain, c->w[i].status == HIST_STOPPED ? 6 : 4);
		assert_int_equal(out[i].pain_before, 3);
		assert_true(journal_entry_valid(&out[i]));
	}
	journal_written(&j);
	assert_false(journal_pending(&j));
	session_free(&s);
}

/*
 * Issue 18, item 10: where a routine left now resumes. A stop stands: after
 * one, the next exercise's first phase (4 here), never the stopped one again.
 */
static void test_resume_phase(void **state)
{
	static const struct {
		const char *name;
		struct step steps[4];
		size_t want; /* 8: nothing left */
	} rows[] = {
		{ "mid-hold", { { 't', 3000 } }, 1 },
		{ "stopped mid-hold", { { 't', 3000 }, { 'x', 3000 } }, 4 },
		{ "stopped in get-ready", { { 't', 1000 }, { 'x', 1000 } }, 4 },
		{ "stopped on the last exercise", { { 't', 12000 }, { 'x', 12000 } }, 8 },
		{ "stopped, then the next exercise begun",
		  { { 't', 3000 }, { 'x', 3000 }, { 's', 3000 }, { 't', 6000 } },
		  5 },
		{ "finished", { { 't', 18000 } }, 8 },
	};
	struct plan_phase ph[8];
	unsigned ex[2];
	struct plan p;
	struct session s;
	struct journal j;

	(void)state;
	for (size_t r = 0; r < sizeof(rows) / sizeof(rows[0]); r++) {
		make_plan(&p, ph, ex, 2);
		assert_int_equal(session_init(&s, &p, 0, 0), 0);
		journal_begin(&j, &cat, &p, NULL, 0);
		for (const struct step *st = rows[r].steps; st < rows[r].steps + 4 && st->op;
		     st++) {
			if (st->op == 'x')
				journal_stop(&j, &cat, &p, &s, T0);
			else if (st->op == 's')
				session_skip_exercise(&s, st->ms);
			else
				session_tick(&s, st->ms);
			journal_collect(&j, &cat, &p, &s, T0);
		}
		if (journal_resume_phase(&j, &p, &s) != rows[r].want)
			fail_msg("%s: resumes at %zu, expected %zu", rows[r].name,
			         journal_resume_phase(&j, &p, &s), rows[r].want);
		session_free(&s);
	}
}

/* An exercise logged done and gone back into with p keeps its entry when left. */
static void test_done_then_back_keeps_done(void **state)
{
	struct plan_phase ph[8];
	unsigned ex[2];
	struct plan p;
	struct session s;
	struct journal j;
	struct hist_entry out[CAT_MAX_EXERCISES];

	(void)state;
	make_plan(&p, ph, ex, 2);
	assert_int_equal(session_init(&s, &p, 0, 0), 0);
	journal_begin(&j, &cat, &p, NULL, 0);
	session_tick(&s, 10000);
	journal_collect(&j, &cat, &p, &s, T0 + 10);
	session_prev(&s, 10000); /* back to the start of the prepare of cat-cow */
	session_prev(&s, 10000); /* back into bridges */
	journal_collect(&j, &cat, &p, &s, T0 + 10);
	assert_int_equal(journal_leave(&j, &cat, &p, &s, true, JOURNAL_QUIT, T0 + 10),
	                 JOURNAL_WRITE);
	assert_int_equal(journal_take(&j, HIST_NO_PAIN, out), 1);
	assert_string_equal(out[0].id, "bridges");
	assert_int_equal(out[0].status, HIST_DONE);
	session_free(&s);
}

/* A resumed entry whose exercise is not in the plan finds no slot. */
static void test_resumed_entry_without_a_slot(void **state)
{
	struct plan_phase ph[8];
	unsigned ex[2];
	struct plan p;
	struct journal j;
	struct hist_entry r[2] = { { .when = RESUMED_AT, .id = "cat-cow", .active_s = 1 },
		                   { .when = RESUMED_AT, .id = "cat-cow", .active_s = 2 } };

	(void)state;
	make_plan(&p, ph, ex, 1); /* bridges only */
	assert_int_equal(journal_begin(&j, &cat, &p, r, 2), 0);
	assert_false(journal_pending(&j));
	make_plan(&p, ph, ex, 2);
	/* Two entries of one exercise: the second has no second slot. */
	assert_int_equal(journal_begin(&j, &cat, &p, r, 2), 1);
}

/* A stop has its score: the summary asks only for the other entries. */
static void test_stop_awaits_no_score(void **state)
{
	struct plan_phase ph[8];
	unsigned ex[2];
	struct plan p;
	struct session s;
	struct journal j;

	(void)state;
	make_plan(&p, ph, ex, 2);
	assert_int_equal(session_init(&s, &p, 0, 0), 0);
	journal_begin(&j, &cat, &p, NULL, 0);
	session_tick(&s, 4000);
	assert_int_equal(journal_stop(&j, &cat, &p, &s, T0 + 4), 0);
	assert_true(journal_pending(&j));
	assert_false(journal_awaiting_score(&j));
	session_skip_exercise(&s, 4000);
	session_tick(&s, 13000);
	journal_collect(&j, &cat, &p, &s, T0 + 13);
	assert_true(journal_awaiting_score(&j));
	/* A finished session has nothing to stop. */
	assert_int_equal(journal_stop(&j, &cat, &p, &s, T0 + 13), j.n);
	session_free(&s);
}

/* What the reader would reject is refused on the way in. */
static void test_entry_valid(void **state)
{
	struct hist_entry e = { .when = T0,
		                .id = "bridges",
		                .status = HIST_DONE,
		                .active_s = 9,
		                .pain = HIST_NO_PAIN };

	(void)state;
	assert_true(journal_entry_valid(&e));
	e.pain = 10;
	assert_true(journal_entry_valid(&e));
	e.pain = 11;
	assert_false(journal_entry_valid(&e));
	e.pain = HIST_NO_PAIN;
	/* Year 33658: a 5-digit year the reader refuses. */
	e.when = (time_t)999999999999LL;
	assert_false(journal_entry_valid(&e));
	e.when = T0;
	e.active_s = HIST_MAX_SECONDS + 1u;
	assert_false(journal_entry_valid(&e));
	e.active_s = 9;
	strcpy(e.id, "Bad_Id");
	assert_false(journal_entry_valid(&e));
	strcpy(e.id, "bridges");
	e.status = HIST_STOPPED;
	e.pain_before = 4;
	assert_true(journal_entry_valid(&e));
	e.pain_before = 11;
	assert_false(journal_entry_valid(&e));
	e.pain_before = HIST_NO_PAIN;
	e.status = (enum hist_result)7;
	assert_false(journal_entry_valid(&e));
}

int main(void)
{
	struct CMUnitTest tests[N_CASES + 5];

	for (unsigned i = 0; i < N_CASES; i++)
		tests[i] = (struct CMUnitTest){ cases[i].name, run_case, NULL, NULL,
			                        (void *)(uintptr_t)&cases[i] };
	tests[N_CASES] = (struct CMUnitTest)cmocka_unit_test(test_done_then_back_keeps_done);
	tests[N_CASES + 1] = (struct CMUnitTest)cmocka_unit_test(test_resumed_entry_without_a_slot);
	tests[N_CASES + 2] = (struct CMUnitTest)cmocka_unit_test(test_entry_valid);
	tests[N_CASES + 3] = (struct CMUnitTest)cmocka_unit_test(test_stop_awaits_no_score);
	tests[N_CASES + 4] = (struct CMUnitTest)cmocka_unit_test(test_resume_phase);
	return _cmocka_run_group_tests("journal", tests, N_CASES + 5, NULL, NULL);
}
