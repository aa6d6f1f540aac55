/*
 * test_steps.c - the glue of issue 13: a history and an events file, as
 * lumbar reads them, into each exercise's step and the dose the plan plays.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "catalogue_load.h"
#include "events.h"
#include "history.h"
#include "plan.h"
#include "steps.h"

static struct catalogue *cat;

static int load(void **state)
{
	struct cat_error err;

	(void)state;
	return cat_load_buffer(cat_builtin_yaml, cat_builtin_yaml_len, &cat, &err) == CAT_OK ? 0
	                                                                                     : -1;
}

static int unload(void **state)
{
	(void)state;
	cat_free(cat);
	return 0;
}

static unsigned index_of(const char *id)
{
	int i = cat_find(cat, id);
	assert_true(i >= 0);
	return (unsigned)i;
}

/* Child's pose's result from a history and an events file, on `day` of December 2026. */
static void derive(const char *history, const char *events, unsigned day, struct prg_result *out)
{
	struct hist h = { 0 };
	struct ev_log ev = { 0 };
	struct hist_error err;
	struct steps_rules rules;
	struct prg_result res[CAT_MAX_EXERCISES];

	assert_int_equal(hist_parse(history, strlen(history), &h, NULL, NULL, &err), 0);
	assert_int_equal(ev_parse(events, strlen(events), &ev, NULL, NULL, &err), 0);
	steps_rules(&rules, cat, NULL);
	assert_int_equal(
	    steps_derive(cat, &h, &ev, &rules, hist_day_from_civil(2026, 12, day), res), 0);
	*out = res[index_of("childs-pose")];
	ev_free(&ev);
	hist_free(&h);
}

/* Three acceptable sessions on three days, the last 7 days after the first. */
static const char greens[] = "2026-12-01T09:00:00Z\tchilds-pose\tdone\t30\t2\t2\t0/6\n"
                             "2026-12-04T09:00:00Z\tchilds-pose\tdone\t30\t2\t2\t0/6\n"
                             "2026-12-08T09:00:00Z\tchilds-pose\tdone\t30\t1\t2\t0/6\n";

static void test_greens_offer_a_step(void **state)
{
	struct prg_result r;

	(void)state;
	derive(greens, "", 8, &r);
	assert_int_equal(r.k, 0);
	assert_int_equal(r.steps, 6); /* the shipped ladder: 30 s, 1, 2, 3, 5, 7, 10 min */
	assert_true(r.suggest);
	assert_int_equal(r.state, PRG_READY);

	/* Without the history there is nothing: step 0, new. */
	derive("", "", 8, &r);
	assert_int_equal(r.k, 0);
	assert_int_equal(r.state, PRG_NEW);
	assert_false(r.suggest);
}

static void test_accept_takes_it_and_the_plan_plays_it(void **state)
{
	struct prg_result res[CAT_MAX_EXERCISES], r;
	struct hist h = { 0 };
	struct ev_log ev = { 0 };
	struct hist_error err;
	struct steps_rules rules;
	struct plan_dose dose;
	struct plan p;
	static const char events[] = "2026-12-08T09:05:00Z\taccept\tchilds-pose\t-\t-\n";

	(void)state;
	derive(greens, events, 8, &r);
	assert_int_equal(r.k, 1);
	assert_false(r.suggest);

	assert_int_equal(hist_parse(greens, strlen(greens), &h, NULL, NULL, &err), 0);
	assert_int_equal(ev_parse(events, strlen(events), &ev, NULL, NULL, &err), 0);
	steps_rules(&rules, cat, NULL);
	assert_int_equal(steps_derive(cat, &h, &ev, &rules, hist_day_from_civil(2026, 12, 9), res),
	                 0);
	steps_dose(cat, res, &dose);
	assert_false(dose.forced);
	unsigned i = index_of("childs-pose");
	assert_int_equal(plan_build_dose(cat, &i, 1, &dose, &p), 0);
	/* The work phase is the ladder's second step: 1 min. */
	for (size_t k = 0; k < p.n; k++)
		if (p.phases[k].kind == PLAN_WORK)
			assert_int_equal(p.phases[k].seconds, 60);
	assert_int_equal(p.step[0], 1);
	plan_free(&p);

	/* --level forces a level for every exercise: hard is the top rung. */
	plan_dose_level(&dose, CAT_LEVEL_HARD);
	assert_int_equal(plan_build_dose(cat, &i, 1, &dose, &p), 0);
	assert_true(p.forced);
	for (size_t k = 0; k < p.n; k++)
		if (p.phases[k].kind == PLAN_WORK)
			assert_int_equal(p.phases[k].seconds, 600);
	plan_free(&p);
	ev_free(&ev);
	hist_free(&h);
}

static void test_level_lines_do_not_count(void **state)
{
	static const char forced[] = "2026-12-01T09:00:00Z\tchilds-pose\tdone\t30\t2\t2\tmedium\n"
	                             "2026-12-04T09:00:00Z\tchilds-pose\tdone\t30\t2\t2\tmedium\n"
	                             "2026-12-08T09:00:00Z\tchilds-pose\tdone\t30\t1\t2\thard\n";
	struct prg_result r;

	(void)state;
	derive(forced, "", 8, &r);
	assert_int_equal(r.k, 0);
	assert_false(r.suggest);
}

static void test_set_hold_and_bad_values(void **state)
{
	struct prg_result r;

	(void)state;
	derive(greens, "2026-12-02T09:00:00Z\tset\tchilds-pose\t5\t-\n", 8, &r);
	assert_int_equal(r.k, 5);
	/* A set value past K is capped at K. */
	derive("", "2026-12-02T09:00:00Z\tset\tchilds-pose\t40\t-\n", 8, &r);
	assert_int_equal(r.k, 6);
	assert_int_equal(r.state, PRG_TOP);
	/* A hold keeps the offer back until its end. */
	derive(greens, "2026-12-08T08:00:00Z\thold\tchilds-pose\t7\t-\n", 8, &r);
	assert_int_equal(r.state, PRG_HELD);
	assert_false(r.suggest);
	/* A value that is not a number is not an event progression reads. */
	derive(greens, "2026-12-02T09:00:00Z\tset\tchilds-pose\tfive\t-\n", 8, &r);
	assert_int_equal(r.k, 0);
	assert_true(r.suggest);
}

static void test_red_steps_back(void **state)
{
	static const char red[] = "2026-12-01T09:00:00Z\tchilds-pose\tdone\t30\t2\t2\t3/6\n"
	                          "2026-12-02T09:00:00Z\tchilds-pose\tstopped\t10\t7\t2\t3/6\n";
	static const char events[] = "2026-11-20T09:00:00Z\tset\tchilds-pose\t3\t-\n";
	struct prg_result r;

	(void)state;
	derive(red, events, 3, &r);
	assert_int_equal(r.k, 2);
	assert_int_equal(r.state, PRG_BACK);
	assert_string_equal(r.words, "stepped back on 2026-12-02: stopped for pain");
}

/* A red line dated after today (a clock wrong once) steps nothing back today (18.20). */
static void test_future_red_line_is_not_today(void **state)
{
	static const char red[] = "2026-12-01T09:00:00Z\tchilds-pose\tdone\t30\t2\t2\t3/6\n"
	                          "2099-12-02T09:00:00Z\tchilds-pose\tstopped\t10\t9\t2\t3/6\n";
	static const char events[] = "2026-11-20T09:00:00Z\tset\tchilds-pose\t3\t-\n"
	                             "2099-11-20T09:00:00Z\thold\tchilds-pose\t30\t-\n";
	struct prg_result r;

	(void)state;
	derive(red, events, 3, &r);
	assert_int_equal(r.k, 3);
	assert_int_not_equal(r.state, PRG_BACK);
	assert_int_not_equal(r.state, PRG_HELD);
}

/* The history's step field reaches progression as written, 0/19 included. */
static void test_step_field(void **state)
{
	struct hist_entry e;
	struct prg_session s;
	char why[160];
	const char *line = "2026-12-01T09:00:00Z\tchilds-pose\tdone\t30\t2\t2\t0/19";

	(void)state;
	assert_int_equal(hist_parse_line(line, strlen(line), &e, why, sizeof(why)), 0);
	steps_session(&e, &s);
	assert_int_equal(s.step.kind, PRG_TAG_STEP);
	assert_int_equal(s.step.k, 0);
	assert_int_equal(s.step.n, 19);
	assert_int_equal(s.status, PRG_DONE);
	assert_int_equal(s.pain, 2);
}

/*
 * Set events record `k/K` (issue 20 §1): on the ladder of today, the step as
 * written; on another (the catalogue changed), the step whose dose is at most
 * that one's on the generic ladder, never higher.
 */
static void test_set_k_of_K(void **state)
{
	struct prg_result r;

	(void)state;
	derive("", "2026-12-02T09:00:00Z\tset\tchilds-pose\t3/6\t-\n", 8, &r);
	assert_int_equal(r.k, 3);
	/* 16/19 on 30 s..10 min is 360 s: step 4 (5 min), not 7 min. */
	derive("", "2026-12-02T09:00:00Z\tset\tchilds-pose\t16/19\t-\n", 8, &r);
	assert_int_equal(r.k, 4);
	/* A step past its own K is not a step: not read. */
	derive("", "2026-12-02T09:00:00Z\tset\tchilds-pose\t7/6\t-\n", 8, &r);
	assert_int_equal(r.k, 0);
	assert_int_equal(r.state, PRG_NEW);
}

/* A history whose last line is on another ladder: its dose decides, never higher. */
static void test_changed_ladder_history(void **state)
{
	static const char old[] = "2026-12-01T09:00:00Z\tchilds-pose\tdone\t300\t1\t1\t16/19\n";
	static const char sets[] = "2026-11-20T09:00:00Z\tset\tchilds-pose\t19\t-\n";
	struct prg_result r;

	(void)state;
	/* The set to the top before the line is not replayed. */
	derive(old, sets, 3, &r);
	assert_int_equal(r.k, 4);
	assert_int_equal(r.steps, 6);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_greens_offer_a_step),
		cmocka_unit_test(test_accept_takes_it_and_the_plan_plays_it),
		cmocka_unit_test(test_level_lines_do_not_count),
		cmocka_unit_test(test_set_hold_and_bad_values),
		cmocka_unit_test(test_red_steps_back),
		cmocka_unit_test(test_future_red_line_is_not_today),
		cmocka_unit_test(test_step_field),
		cmocka_unit_test(test_set_k_of_K),
		cmocka_unit_test(test_changed_ladder_history),
	};
	return cmocka_run_group_tests(tests, load, unload);
}
