/*
 * test_report.c - the physiotherapist's report: its numbers on a prepared
 * history against figures computed by hand, the period, byte-for-byte
 * repeatability, and the escaping of text from files in each format.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "report.h"

static char id_alpha[] = "alpha", id_beta[] = "beta", name_alpha[] = "Alpha | <hold> & \"co\"",
            name_beta[] = "Beta, reps", routine[] = "Test <routine>";
/* alpha's ladder: 10 to 15 reps, steps 0/5 to 5/5. */
static struct cat_set alpha_set = {
	.mode = CAT_MODE_REPS, .reps = { 10, 15 }, .tempo = { 2, 2 }, .sides = CAT_SIDES_EACH
};
static struct cat_exercise test_ex[] = {
	{ .id = id_alpha,
	  .name = name_alpha,
	  .sets = &alpha_set,
	  .n_sets = 1,
	  .freq = { .times = 2, .times_max = 2, .per = CAT_PER_DAY } },
	{ .id = id_beta,
	  .name = name_beta,
	  .freq = { .times = 2, .times_max = 3, .per = CAT_PER_WEEK } },
};
static struct catalogue test_cat = { .routine_name = routine,
	                             .exercises = test_ex,
	                             .n_exercises = 2 };

/*
 * Two weeks ending Tuesday 2026-12-01: Mon 23 - Sun 29 November (7 days, 27
 * and 28 paused) and Mon 30 November - Tue 1 December (2 days).
 */
static const char history[] = "2026-11-20T08:00:00+01:00\talpha\tdone\t40\t3\t2\t2/5\n"
                              "2026-11-23T08:00:00+01:00\talpha\tdone\t40\t2\t3\t2/5\n"
                              "2026-11-23T12:00:00+01:00\talpha\tdone\t40\t4\t3\t2/5\n"
                              "2026-11-23T20:00:00+01:00\talpha\tdone\t40\t-\t-\t2/5\n"
                              "2026-11-24T08:00:00+01:00\talpha\tstopped\t20\t7\t3\t2/5\n"
                              "2026-11-24T09:00:00+01:00\tbeta\tdone\t300\t3\t-\t-\n"
                              "2026-11-25T08:00:00+01:00\talpha\tpartial\t20\t5\t4\t2/5\n"
                              "2026-11-26T08:00:00+01:00\talpha\tdone\t40\t2\t2\t3/5\n"
                              "2026-11-30T08:00:00+01:00\talpha\tdone\t40\t1\t1\t3/5\n"
                              "2026-11-30T09:00:00+01:00\tbeta\tdone\t300\t-\t-\t-\n"
                              "2026-11-30T20:00:00+01:00\talpha\tdone\t40\t6\t2\t2/5\n"
                              "2026-12-01T08:00:00+01:00\talpha\tdone\t40\t2\t2\t2/5\n"
                              "2026-12-01T09:00:00+01:00\tbeta\tstopped\t100\t7\t5\t-\n";

static const char events[] =
    "2026-11-24T07:00:00+01:00\tmorning\t-\t4\t-\n"
    "2026-11-24T07:30:00+01:00\tmorning\t-\t5\t-\n"
    "2026-11-25T21:00:00+01:00\tnote\t-\t-\tFelt stiff | after <travel> & \"more\"\n"
    "2026-11-27T07:00:00+01:00\tpause\t-\t2026-11-29\ttravel\n"
    "2026-11-29T10:00:00+01:00\tresume\t-\t-\t-\n"
    "2026-11-30T07:00:00+01:00\tmorning\t-\t3\t-\n"
    "2026-12-01T09:05:00+01:00\tsafety-stop\t-\t-\t-\n";

struct fixture {
	struct hist h;
	struct ev_log ev;
	struct report r;
};

static int32_t day(int y, unsigned m, unsigned d)
{
	return hist_day_from_civil(y, m, d);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	int32_t from;

	assert_non_null(f);
	assert_int_equal(hist_parse(history, strlen(history), &f->h, NULL, NULL, NULL), 0);
	assert_int_equal(ev_parse(events, strlen(events), &f->ev, NULL, NULL, NULL), 0);
	assert_int_equal(f->h.n, 13);
	assert_int_equal(f->ev.n, 7);
	assert_int_equal(rep_period_weeks(day(2026, 12, 1), 2, &from), 0);
	rep_build(&test_cat, &f->h, &f->ev, from, day(2026, 12, 1), &f->r);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	rep_free(&f->r);
	hist_free(&f->h);
	ev_free(&f->ev);
	free(f);
	return 0;
}

/* The whole report in one format, as a string (free it). */
static char *render(const struct report *r, enum rep_format fmt)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	assert_int_equal(rep_write(fp, r, fmt), 0);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

static void test_period(void **state)
{
	int32_t from;

	(void)state;
	/* Tuesday 1 December: 8 weeks start on Monday 12 October. */
	assert_int_equal(rep_period_weeks(day(2026, 12, 1), 8, &from), 0);
	assert_int_equal(from, day(2026, 10, 12));
	assert_int_equal(rep_period_weeks(day(2026, 11, 30), 1, &from), 0);
	assert_int_equal(from, day(2026, 11, 30));
	assert_int_equal(rep_period_weeks(day(2026, 12, 1), 0, &from), -1);
	assert_int_equal(rep_period_weeks(day(2026, 12, 1), REP_MAX_WEEKS + 1, &from), -1);
	assert_int_equal(rep_period_since(day(2026, 12, 1), day(2026, 11, 4), &from), 0);
	assert_int_equal(from, day(2026, 11, 4));
	assert_int_equal(rep_period_since(day(2026, 12, 1), day(2026, 12, 2), &from), -1);
	assert_int_equal(rep_period_since(day(2026, 12, 1), day(2000, 1, 1), &from), -1);
}

static void test_weeks_and_pauses(void **state)
{
	const struct report *r = &((struct fixture *)*state)->r;

	assert_int_equal(r->n_weeks, 2);
	assert_int_equal(r->week[0].start, day(2026, 11, 23));
	assert_int_equal(r->week[0].end, day(2026, 11, 29));
	assert_int_equal(r->week[0].days, 7);
	/* Paused from the pause's day; the resume's day is not. */
	assert_int_equal(r->week[0].paused, 2);
	assert_int_equal(r->paused[day(2026, 11, 27) - r->from], 1);
	assert_int_equal(r->paused[day(2026, 11, 28) - r->from], 1);
	assert_int_equal(r->paused[day(2026, 11, 29) - r->from], 0);
	assert_int_equal(r->week[1].start, day(2026, 11, 30));
	assert_int_equal(r->week[1].days, 2);
	assert_int_equal(r->week[1].paused, 0);
}

static void test_adherence(void **state)
{
	const struct report *r = &((struct fixture *)*state)->r;
	const struct rep_cell *a0 = rep_cell_at(r, 0, 0), *a1 = rep_cell_at(r, 0, 1);
	const struct rep_cell *b0 = rep_cell_at(r, 1, 0), *b1 = rep_cell_at(r, 1, 1);

	/* alpha, 2 a day, week 1: 5 days not paused x 2; three done on the 23rd
	 * (two count), one on the 26th. */
	assert_int_equal(a0->done, 4);
	assert_int_equal(a0->expected, 10);
	assert_int_equal(a0->counted, 3);
	assert_int_equal(a0->partial, 1);
	assert_int_equal(a0->stopped, 1);
	/* Week 2: Monday 2, and today only what was done (1). */
	assert_int_equal(a1->done, 3);
	assert_int_equal(a1->expected, 3);
	assert_int_equal(a1->counted, 3);
	assert_int_equal(a1->partial, 0);
	assert_int_equal(a1->stopped, 0);
	/* beta, 2 a week: 2 x 5 / 7 = 1.43 -> 1; then 2 x 2 / 7 = 0.57 -> 1. */
	assert_int_equal(b0->done, 1);
	assert_int_equal(b0->expected, 1);
	assert_int_equal(b1->done, 1);
	assert_int_equal(b1->stopped, 1);
	assert_int_equal(b1->expected, 1);

	/* Dose: 2/5 before the period, 3/5 at the end of week 1, 2/5 at the end. */
	assert_int_equal(r->dose_start[0].kind, HIST_STEP_INDEX);
	assert_int_equal(r->dose_start[0].k, 2);
	assert_int_equal(a0->step.k, 3);
	assert_int_equal(a1->step.k, 2);
	assert_int_equal(r->dose_start[1].kind, HIST_STEP_NONE);
	assert_int_equal(b1->step.kind, HIST_STEP_NONE);
}

static void test_pain(void **state)
{
	const struct report *r = &((struct fixture *)*state)->r;
	const struct rep_pain *p0 = &r->pain[0], *p1 = &r->pain[1];

	/* Week 1 after: 2 4 7 3 5 2 = 23 / 6; before: 3 3 3 4 2 = 15 / 5;
	 * morning: the 24th's later check-in, 5; highest 7; one stop. */
	assert_int_equal(p0->scores, 6);
	assert_int_equal(p0->after_sum, 23);
	assert_int_equal(p0->before_n, 5);
	assert_int_equal(p0->before_sum, 15);
	assert_int_equal(p0->morning_n, 1);
	assert_int_equal(p0->morning_sum, 5);
	assert_int_equal(p0->highest, 7);
	assert_int_equal(p0->stops, 1);
	/* Week 2 after: 1 6 2 7 = 16 / 4; before: 1 2 2 5; morning 3. */
	assert_int_equal(p1->scores, 4);
	assert_int_equal(p1->after_sum, 16);
	assert_int_equal(p1->before_sum, 10);
	assert_int_equal(p1->morning_sum, 3);
	assert_int_equal(p1->highest, 7);
	assert_int_equal(p1->stops, 1);
}

static void test_markdown(void **state)
{
	const struct report *r = &((struct fixture *)*state)->r;
	char *md = render(r, REP_MD);

	assert_non_null(strstr(md, "# Exercise report: Test &lt;routine&gt;\n"));
	assert_non_null(strstr(md, "Period: 2026-11-23 to 2026-12-01 (2 weeks)\n"));
	assert_non_null(
	    strstr(md, "Self-reported data from a home exercise timer; not a clinical record."));
	assert_non_null(
	    strstr(md, "| Alpha \\| &lt;hold&gt; &amp; \"co\" | 12 reps at 2 s each, each side | "
	               "4/10 p1 s1 | 3/3 |\n"));
	assert_non_null(strstr(md, "| Beta, reps | - | 1/1 | 1/1 s1 |\n"));
	assert_non_null(strstr(md, "| Paused days | | 2 | 0 |\n"));
	assert_non_null(strstr(md, "| 2026-11-23 | 6 | 3.0 | 3.8 | 5.0 | 7 | 1 |\n"));
	assert_non_null(strstr(md, "| 2026-11-30 (so far) | 4 | 2.5 | 4.0 | 3.0 | 7 | 1 |\n"));
	/* What happened, then the other events, each in time order, with the
	 * exercises' names and the user's text escaped. */
	const char *ev[] = {
		"## What happened\n",
		"| 2026-11-24 | stopped | Alpha \\| &lt;hold&gt; &amp; \"co\" | pain 7, before 3 | "
		" |\n",
		"| 2026-11-25 | note |  |  | Felt stiff \\| after &lt;travel&gt; &amp; \"more\" "
		"|\n",
		"| 2026-11-27 | pause |  | until 2026-11-29 | travel |\n",
		"| 2026-11-29 | resume |  |  |  |\n",
		"| 2026-11-30 | step back | Alpha \\| &lt;hold&gt; &amp; \"co\" | 13 → 12 reps at "
		"2 s "
		"each, each side |  |\n",
		"| 2026-12-01 | stopped | Beta, reps | pain 7, before 5 |  |\n",
		"| 2026-12-01 | safety stop |  |  |  |\n",
		"## Adherence\n",
		"## Other events\n",
		"| 2026-11-26 | step up | Alpha \\| &lt;hold&gt; &amp; \"co\" | 12 → 13 reps at 2 "
		"s "
		"each, each side |  |\n",
	};
	const char *at = md;
	for (size_t i = 0; i < sizeof(ev) / sizeof(ev[0]); i++) {
		const char *p = strstr(at, ev[i]);
		if (!p)
			fail_msg("event %zu missing or out of order: %s", i, ev[i]);
		at = p + 1;
	}
	free(md);
}

/* A catalogue of one exercise, alpha, once a day, named `name`. */
struct one_ex {
	struct cat_exercise ex;
	struct catalogue cat;
};

static void one_exercise(struct one_ex *o, char *name, char *rname)
{
	o->ex = (struct cat_exercise){ .id = id_alpha,
		                       .name = name,
		                       .freq = { .times = 1, .times_max = 1, .per = CAT_PER_DAY } };
	o->cat = (struct catalogue){ .routine_name = rname, .exercises = &o->ex, .n_exercises = 1 };
}

/* The report of `hist` and `evs` from `from` to `to` into f (free with drop()). */
static const struct report *build(struct fixture *f, const char *hist, const char *evs,
                                  int32_t from, int32_t to)
{
	assert_int_equal(hist_parse(hist, strlen(hist), &f->h, NULL, NULL, NULL), 0);
	assert_int_equal(ev_parse(evs, strlen(evs), &f->ev, NULL, NULL, NULL), 0);
	rep_build(&test_cat, &f->h, &f->ev, from, to, &f->r);
	return &f->r;
}

static void drop(struct fixture *f)
{
	rep_free(&f->r);
	hist_free(&f->h);
	ev_free(&f->ev);
}

/*
 * Issue 20 section 3: weeks before the first record are `not started`, not
 * 0/14 and a 0% bar; the current week says `so far` and expects up to today;
 * a session on a paused day never makes done exceed expected.
 */
static void test_not_started(void **state)
{
	/* Started on Thursday 19 November; paused 24-25 November, alpha done on
	 * the 24th; today Wednesday 2 December. */
	static const char hist[] = "2026-11-19T08:00:00+01:00\talpha\tdone\t40\t2\t2\t-\n"
	                           "2026-11-24T08:00:00+01:00\talpha\tdone\t40\t2\t2\t-\n"
	                           "2026-12-01T08:00:00+01:00\talpha\tdone\t40\t2\t2\t-\n";
	static const char evs[] = "2026-11-02T07:00:00+01:00\tremind\t-\t-\t-\n"
	                          "2026-11-24T07:00:00+01:00\tpause\t-\t2026-11-25\tflu\n";
	struct fixture f;
	int32_t from;

	(void)state;
	assert_int_equal(rep_period_weeks(day(2026, 12, 2), 4, &from), 0);
	const struct report r = *build(&f, hist, evs, from, day(2026, 12, 2));
	assert_int_equal(r.n_weeks, 4);
	assert_int_equal(r.first, day(2026, 11, 19));
	/* Week of 9 November: before the first record. */
	assert_false(r.week[0].started);
	assert_int_equal(rep_cell_at(&r, 0, 0)->expected, 0);
	assert_int_equal(rep_cell_at(&r, 1, 0)->expected, 0);
	/* Week of 16 November: Thursday to Sunday, 4 days x 2. */
	assert_true(r.week[1].started);
	assert_int_equal(rep_cell_at(&r, 0, 1)->expected, 8);
	/* beta, 2 a week: 2 x 4 / 7 = 1.14 -> 1. */
	assert_int_equal(rep_cell_at(&r, 1, 1)->expected, 1);
	/* Week of 23 November: 5 days open x 2, and the paused 24th's one session. */
	assert_int_equal(r.week[2].paused, 2);
	assert_int_equal(rep_cell_at(&r, 0, 2)->done, 1);
	assert_int_equal(rep_cell_at(&r, 0, 2)->expected, 11);
	/* This week, so far: Monday and Tuesday x 2, today what was done (none). */
	assert_true(r.week[3].so_far);
	assert_false(r.week[2].so_far);
	assert_int_equal(rep_cell_at(&r, 0, 3)->expected, 4);

	char *md = render(&r, REP_MD);
	assert_non_null(
	    strstr(md, "| 2026-11-09 | 2026-11-16 | 2026-11-23 | 2026-11-30 (so far) |"));
	assert_non_null(strstr(md, " | not started | 1/8 | 1/11 | 1/4 |\n"));
	assert_null(strstr(md, "0/14"));
	assert_non_null(
	    strstr(md, "Period: 2026-11-09 to 2026-12-02 (4 weeks), first record 2026-11-19\n"));
	/* Nor pain figures before it. */
	assert_non_null(strstr(md, "| 2026-11-09 | not started | - | - | - | - | - |\n"));
	free(md);
	char *html = render(&r, REP_HTML);
	/* No bar for a week not started: three bars, the first at 1/9. */
	assert_null(strstr(html, ">0%</text>"));
	assert_non_null(strstr(html, ">11%</text>"));
	free(html);
	drop(&f);
}

/* A paused day's sessions, a weekly exercise: up to `times`, never above. */
static void test_paused_weekly(void **state)
{
	static const char hist[] = "2026-11-20T08:00:00+01:00\tbeta\tdone\t40\t2\t2\t-\n"
	                           "2026-11-27T08:00:00+01:00\tbeta\tdone\t40\t2\t2\t-\n"
	                           "2026-11-28T08:00:00+01:00\tbeta\tdone\t40\t2\t2\t-\n";
	static const char evs[] = "2026-11-25T07:00:00+01:00\tpause\t-\t2026-11-29\tflu\n";
	struct fixture f;

	(void)state;
	const struct report r = *build(&f, hist, evs, day(2026, 11, 23), day(2026, 11, 29));
	/* 2 open days: 2 x 2 / 7 -> 1; two sessions while paused: up to 2. */
	assert_int_equal(rep_cell_at(&r, 1, 0)->done, 2);
	assert_int_equal(rep_cell_at(&r, 1, 0)->expected, 2);
	assert_int_equal(rep_cell_at(&r, 1, 0)->counted, 2);
	drop(&f);
}

/*
 * Pain counts sessions: the lines of one session (field 8) are one score,
 * and the averages weigh each session once; an older line without the field
 * is a session of its own. ("Scores 57" was 13 sessions.)
 */
static void test_pain_by_session(void **state)
{
	static const char hist[] =
	    /* Session s1: three exercises, its scores after 2, before 1. */
	    "2026-11-24T08:00:00+01:00\talpha\tdone\t40\t2\t1\t-\ts1\ttimer\n"
	    "2026-11-24T08:05:00+01:00\tbeta\tdone\t40\t2\t1\t-\ts1\ttimer\n"
	    "2026-11-24T08:09:00+01:00\talpha\tdone\t40\t2\t1\t-\ts1\ttimer\n"
	    /* Session s2: its first line without scores, then 6 after, 4 before. */
	    "2026-11-25T08:00:00+01:00\talpha\tpartial\t40\t-\t-\t-\ts2\n"
	    "2026-11-25T08:05:00+01:00\tbeta\tstopped\t40\t6\t4\t-\ts2\n"
	    /* An older line: a session of its own. */
	    "2026-11-26T08:00:00+01:00\talpha\tdone\t40\t4\t3\t-\n"
	    /* The same id the next week is counted in that week. */
	    "2026-11-30T08:00:00+01:00\talpha\tdone\t40\t3\t3\t-\ts1\n";
	struct fixture f;

	(void)state;
	const struct report *r = build(&f, hist, "", day(2026, 11, 23), day(2026, 12, 1));
	assert_int_equal(r->pain[0].scores, 3);
	assert_int_equal(r->pain[0].after_sum, 2 + 6 + 4);
	assert_int_equal(r->pain[0].before_n, 3);
	assert_int_equal(r->pain[0].before_sum, 1 + 4 + 3);
	assert_int_equal(r->pain[0].highest, 6);
	assert_int_equal(r->pain[0].stops, 1);
	assert_int_equal(r->pain[1].scores, 1);
	assert_int_equal(r->pain[1].after_sum, 3);
	char *md = render(r, REP_MD);
	assert_non_null(strstr(md, "| 2026-11-23 | 3 | 2.7 | 4.0 | - | 6 | 1 |\n"));
	free(md);
	drop(&f);
}

/*
 * Timed and logged kept apart (issue 22 §4): the lines `lumbar log` wrote are
 * counted beside done and partial (`l`), and the pain's sessions with a
 * score say how many were logged; a routine logged at once is one session.
 */
static void test_logged_apart(void **state)
{
	static const char hist[] =
	    "2026-11-24T08:00:00+01:00\talpha\tdone\t40\t2\t1\t-\t-\ttimer\n"
	    "2026-11-25T12:00:00+01:00\talpha\tdone\t40\t4\t-\t-\tl1\tlog\n"
	    "2026-11-25T12:00:00+01:00\tbeta\tdone\t40\t4\t-\t-\tl1\tlog\n"
	    "2026-11-26T12:00:00+01:00\talpha\tpartial\t40\t-\t-\t-\tl2\tlog\n";
	struct fixture f;

	(void)state;
	const struct report *r = build(&f, hist, "", day(2026, 11, 23), day(2026, 11, 29));
	assert_int_equal(rep_cell_at(r, 0, 0)->done, 2);
	assert_int_equal(rep_cell_at(r, 0, 0)->partial, 1);
	assert_int_equal(rep_cell_at(r, 0, 0)->logged, 2);
	assert_int_equal(rep_cell_at(r, 1, 0)->logged, 1);
	assert_int_equal(r->pain[0].scores, 2);
	assert_int_equal(r->pain[0].logged, 1);
	char *md = render(r, REP_MD);
	assert_non_null(strstr(md, "p partial, s stopped; l how many were logged without the timer "
	                           "(lumbar log). "));
	assert_non_null(strstr(md, " | 2/"));
	assert_non_null(strstr(md, " p1 l2 |\n"));
	assert_non_null(strstr(md, "| 2026-11-23 | 2 (1 logged) | 1.0 | 3.0 |"));
	free(md);
	char *csv = render(r, REP_CSV);
	assert_non_null(strstr(csv, ",dose,logged\r\n"));
	free(csv);
	drop(&f);
}

/*
 * First "What happened": stops with their pain, a step back dated on the
 * day of the red session with the dose after it, holds, notes; then the
 * rest, an accepted step and its step up as one line; names, not ids.
 */
static void test_what_happened(void **state)
{
	static struct cat_set pose = { .mode = CAT_MODE_TIMED, .duration = { 30, 120 } };
	static const char hist[] = "2026-11-20T08:00:00+01:00\talpha\tdone\t40\t2\t2\t2/10\n"
	                           "2026-11-24T08:00:00+01:00\talpha\tdone\t40\t2\t2\t3/10\n"
	                           "2026-11-25T08:00:00+01:00\talpha\tstopped\t40\t8\t3\t3/10\n"
	                           "2026-12-01T08:00:00+01:00\talpha\tdone\t40\t2\t2\t2/10\n";
	static const char evs[] = "2026-11-23T20:00:00+01:00\taccept\talpha\t-\t-\n"
	                          "2026-11-26T09:00:00+01:00\thold\talpha\t7\t-\n"
	                          "2026-11-27T09:00:00+01:00\tnote\t-\t-\tsore\n"
	                          "2026-11-28T09:00:00+01:00\tset\talpha\t5\t-\n";
	struct one_ex o;
	char name[] = "Pose";
	struct hist h;
	struct ev_log ev;
	struct report r;

	(void)state;
	one_exercise(&o, name, routine);
	o.ex.sets = &pose;
	o.ex.n_sets = 1;
	assert_int_equal(hist_parse(hist, strlen(hist), &h, NULL, NULL, NULL), 0);
	assert_int_equal(ev_parse(evs, strlen(evs), &ev, NULL, NULL, NULL), 0);
	rep_build(&o.cat, &h, &ev, day(2026, 11, 23), day(2026, 12, 1), &r);
	char *md = render(&r, REP_MD);
	const char *want[] = {
		"## What happened\n",
		"| 2026-11-25 | stopped | Pose | pain 8, before 3 |  |\n",
		/* The red session's day, not the 1st when the next session came. */
		"| 2026-11-25 | step back | Pose | 45 → 40 s |  |\n",
		"| 2026-11-26 | hold | Pose | 7 days |  |\n",
		"| 2026-11-27 | note |  |  | sore |\n",
		"## Adherence\n",
		"## Other events\n",
		"| 2026-11-23 | step up, accepted | Pose | 40 → 45 s |  |\n",
		/* A set names its dose. */
		"| 2026-11-28 | step set | Pose | to 55 s |  |\n",
	};
	const char *at = md;
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const char *p = strstr(at, want[i]);
		if (!p)
			fail_msg("missing or out of order: %s\n%s", want[i], md);
		at = p + 1;
	}
	assert_null(strstr(md, "| step up |"));
	assert_null(strstr(md, "| alpha |"));
	free(md);

	/* The progression's step back that the lines show already: not twice. */
	struct prg_result steps = { .k = 2,
		                    .steps = 10,
		                    .change = PRG_CHANGE_BACK,
		                    .since = day(2026, 11, 25),
		                    .from = 3 };
	r.steps = &steps;
	md = render(&r, REP_MD);
	const char *first = strstr(md, "| step back |");
	assert_non_null(first);
	assert_null(strstr(first + 1, "| step back |"));
	free(md);
	rep_free(&r);
	hist_free(&h);

	/* Before the next session: the progression's step back, on the red day. */
	static const char until_red[] =
	    "2026-11-24T08:00:00+01:00\talpha\tdone\t40\t2\t2\t3/10\n"
	    "2026-11-25T08:00:00+01:00\talpha\tstopped\t40\t8\t3\t3/10\n";
	assert_int_equal(hist_parse(until_red, strlen(until_red), &h, NULL, NULL, NULL), 0);
	rep_build(&o.cat, &h, NULL, day(2026, 11, 23), day(2026, 11, 26), &r);
	md = render(&r, REP_MD);
	assert_null(strstr(md, "| step back |")); /* no lines show it, none is said */
	free(md);
	r.steps = &steps;
	md = render(&r, REP_MD);
	assert_non_null(strstr(md, "| 2026-11-25 | stopped | Pose | pain 8, before 3 |  |\n"
	                           "| 2026-11-25 | step back | Pose | 45 → 40 s |  |\n"));
	free(md);
	rep_free(&r);
	hist_free(&h);
	ev_free(&ev);
}

/* A report of one exercise `cat` from 23 November to Tuesday 1 December (free it). */
static char *md_of(struct catalogue *cat, const char *hist)
{
	struct hist h;
	struct report r;

	assert_int_equal(hist_parse(hist, strlen(hist), &h, NULL, NULL, NULL), 0);
	rep_build(cat, &h, NULL, day(2026, 11, 23), day(2026, 12, 1), &r);
	char *md = render(&r, REP_MD);
	rep_free(&r);
	hist_free(&h);
	return md;
}

/*
 * Doses in words, never step codes: `30 s → 2 min`; the words two doses
 * share said once (`10 → 11 reps at 2 s each, each side`); a level by its
 * numbers; a step of a ladder the catalogue no longer has as `step 3 of 5`.
 */
static void test_dose_words(void **state)
{
	static struct cat_set pose = { .mode = CAT_MODE_TIMED, .duration = { 30, 120 } };
	struct one_ex o;
	char name[] = "Pose";

	(void)state;
	one_exercise(&o, name, routine);
	o.ex.sets = &pose;
	o.ex.n_sets = 1;
	/* 30..60 s by 5, then 75, 90, 105, 120: K = 10. */
	char *md = md_of(&o.cat, "2026-11-20T08:00:00+01:00\talpha\tdone\t40\t2\t2\t0/10\n"
	                         "2026-11-30T08:00:00+01:00\talpha\tdone\t40\t2\t2\t10/10\n");
	assert_non_null(strstr(md, "| Pose | 30 s → 2 min |"));
	assert_non_null(strstr(md, "| step up | Pose | 30 s → 2 min |"));
	assert_null(strstr(md, "/10"));
	free(md);
	md = md_of(&o.cat, "2026-11-24T08:00:00+01:00\talpha\tdone\t40\t2\t2\teasy\n"
	                   "2026-11-30T08:00:00+01:00\talpha\tdone\t40\t2\t2\t2/4\n");
	assert_non_null(strstr(md, "| Pose | 30 s → step 3 of 5 |"));
	free(md);
	md = md_of(&o.cat, "2026-11-24T08:00:00+01:00\talpha\tdone\t40\t2\t2\t3/10\n");
	assert_non_null(strstr(md, "| Pose | 45 s |"));
	free(md);

	/* alpha: 10 to 15 reps at 2 s, each side; K = 5. */
	md = md_of(&test_cat, "2026-11-24T08:00:00+01:00\talpha\tdone\t40\t2\t2\t0/5\n"
	                      "2026-11-30T08:00:00+01:00\talpha\tdone\t40\t2\t2\thard\n");
	assert_non_null(strstr(md, " | 10 → 15 reps at 2 s each, each side |"));
	free(md);
}

static void test_csv(void **state)
{
	const struct report *r = &((struct fixture *)*state)->r;
	char *csv = render(r, REP_CSV);

	assert_memory_equal(csv,
	                    "exercise,name,week_start,week_end,days,paused_days,done,expected,"
	                    "partial,stopped,scores,pain_before_avg,pain_after_avg,"
	                    "pain_after_highest,step,steps,dose,logged\r\n",
	                    strlen("exercise,name,week_start,week_end,days,paused_days,done,"
	                           "expected,partial,stopped,scores,pain_before_avg,"
	                           "pain_after_avg,pain_after_highest,step,steps,dose,logged\r\n"));
	/* alpha week 1: after 2 4 7 5 2 = 20 / 5; before 3 3 3 4 2. At its end
	 * 3/5: step 4 of 6, never `3/5`, which a spreadsheet reads as a date. */
	assert_non_null(strstr(csv, "\r\nalpha,\"Alpha | <hold> & \"\"co\"\"\",2026-11-23,"
	                            "2026-11-29,7,2,4,10,1,1,5,3.0,4.0,7,4,6,"
	                            "\"13 reps at 2 s each, each side\",0\r\n"));
	assert_non_null(strstr(csv, "\r\nbeta,\"Beta, reps\",2026-11-30,2026-12-01,2,0,1,1,0,1,1,"
	                            "5.0,7.0,7,-,-,-,0\r\n"));
	assert_null(strstr(csv, "/5"));
	free(csv);
}

static void test_html(void **state)
{
	const struct report *r = &((struct fixture *)*state)->r;
	char *html = render(r, REP_HTML);

	assert_non_null(strstr(html, "<h1>Exercise report: Test &lt;routine&gt;</h1>"));
	assert_non_null(strstr(html, "Alpha | &lt;hold&gt; &amp; &quot;co&quot;"));
	assert_non_null(strstr(html, "Felt stiff | after &lt;travel&gt; &amp; &quot;more&quot;"));
	assert_null(strstr(html, "<travel>"));
	assert_non_null(strstr(html, "@page{size:A4"));
	assert_non_null(strstr(html, "<svg"));
	/* Self-contained: nothing run, nothing fetched. */
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "src="));
	assert_null(strstr(html, "href="));
	assert_null(strstr(html, "url("));
	assert_null(strstr(html, "http"));
	/* The adherence bars: week 1 (3 + 1) / (10 + 1) = 36 %, week 2 100 %. */
	assert_non_null(strstr(html, ">36%</text>"));
	assert_non_null(strstr(html, ">100%</text>"));
	free(html);
}

/* Control characters from a file never reach the output raw. */
static void test_control_characters(void **state)
{
	char name[] = "Bad\033[2Jname\x07|", rname[] = "R\rN";
	struct one_ex o;
	struct report r;

	(void)state;
	one_exercise(&o, name, rname);
	rep_build(&o.cat, NULL, NULL, day(2026, 11, 30), day(2026, 12, 1), &r);
	for (int fmt = REP_MD; fmt <= REP_CSV; fmt++) {
		char *out = render(&r, (enum rep_format)fmt);
		assert_null(strchr(out, '\033'));
		assert_null(strchr(out, '\x07'));
		assert_non_null(strstr(out, fmt == REP_MD ? "Bad\\\\x1b\\[2Jname\\\\x07"
		                                          : "Bad\\x1b[2Jname\\x07"));
		if (fmt != REP_CSV)
			assert_non_null(strstr(out, fmt == REP_MD ? "R\\\\x0dN" : "R\\x0dN"));
		free(out);
	}
	rep_free(&r);
}

/* Same files, same dates: the same bytes, in every format. */
static void test_repeatable(void **state)
{
	struct fixture *f = *state;

	for (int fmt = REP_MD; fmt <= REP_CSV; fmt++) {
		struct report again;
		char *a = render(&f->r, (enum rep_format)fmt), *b;

		rep_build(&test_cat, &f->h, &f->ev, f->r.from, f->r.to, &again);
		b = render(&again, (enum rep_format)fmt);
		assert_string_equal(a, b);
		free(a);
		free(b);
		rep_free(&again);
	}
}

/* An empty history: zeros and dashes, nothing made up. */
static void test_empty(void **state)
{
	struct report r;
	char *md;

	(void)state;
	rep_build(&test_cat, NULL, NULL, day(2026, 11, 30), day(2026, 12, 1), &r);
	/* Nothing recorded: nothing expected, the week not started. */
	assert_int_equal(rep_cell_at(&r, 0, 0)->expected, 0);
	md = render(&r, REP_MD);
	assert_non_null(strstr(md, "| 2026-11-30 (so far) | not started | - | - | - | - | - |\n"));
	assert_non_null(strstr(md, "| not started |"));
	assert_non_null(strstr(md, "None in the period.\n"));
	free(md);
	rep_free(&r);

	/* No catalogue, and the period backwards: one day, no exercise rows. */
	rep_build(NULL, NULL, NULL, day(2026, 12, 1), day(2026, 11, 1), &r);
	assert_int_equal(r.to, day(2026, 12, 1));
	assert_int_equal(r.n_weeks, 1);
	md = render(&r, REP_CSV);
	assert_string_equal(md, "exercise,name,week_start,week_end,days,paused_days,done,expected,"
	                        "partial,stopped,scores,pain_before_avg,pain_after_avg,"
	                        "pain_after_highest,step,steps,dose,logged\r\n");
	free(md);
	rep_free(&r);
}

/* One exercise named `name`, one day, the CSV: its data row (free it). */
static char *csv_row_of(const char *name)
{
	char nm[CAT_MAX_STRING + 1];
	struct one_ex o;
	struct report r;

	snprintf(nm, sizeof(nm), "%s", name);
	one_exercise(&o, nm, routine);
	rep_build(&o.cat, NULL, NULL, day(2026, 12, 1), day(2026, 12, 1), &r);
	char *csv = render(&r, REP_CSV);
	rep_free(&r);
	char *row = strstr(csv, "\r\n") + 2;
	memmove(csv, row, strlen(row) + 1);
	return csv;
}

/*
 * A name a spreadsheet would run as a formula gets a leading ' (OWASP), and
 * is quoted; lumbar's own `-` for no value stays (issue 18, item 7).
 */
static void test_csv_formulas(void **state)
{
	static const struct {
		const char *name, *cell;
	} rows[] = {
		{ "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"" },
		{ "+1+2", "\"'+1+2\"" },
		{ "-2+3", "\"'-2+3\"" },
		{ "@SUM(A1)", "\"'@SUM(A1)\"" },
		{ "\t=1", "\"'\\x09=1\"" },
		{ "\r=1", "\"'\\x0d=1\"" },
		{ "Cat-cow", "Cat-cow" },
		{ "a=b", "a=b" },
		{ " =1", "\" =1\"" },
	};
	char want[128];
	(void)state;

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char *row = csv_row_of(rows[i].name);
		snprintf(want, sizeof(want),
		         "alpha,%s,2026-12-01,2026-12-01,1,0,0,0,0,0,0,-,-,-,-,-,-,0\r\n",
		         rows[i].cell);
		assert_string_equal(row, want);
		free(row);
	}
}

/*
 * Markdown: HTML and Markdown from the files come out inert, as text (issue
 * 18, item 8): no tag, image, link or emphasis is made.
 */
static void test_markdown_inert(void **state)
{
	char name[] = "<img src=x onerror=alert(1)>", rname[] = "![](http://tracker/t.png) *x*";
	struct one_ex o;
	static const char notes[] =
	    "2026-12-01T21:00:00+01:00\tnote\t-\t-\t<script>alert(1)</script> [a](http://t/) `c`\n";
	struct ev_log ev;
	struct report r;
	(void)state;

	assert_int_equal(ev_parse(notes, strlen(notes), &ev, NULL, NULL, NULL), 0);
	one_exercise(&o, name, rname);
	rep_build(&o.cat, NULL, &ev, day(2026, 12, 1), day(2026, 12, 1), &r);
	char *md = render(&r, REP_MD);
	assert_null(strstr(md, "<img"));
	assert_null(strstr(md, "<script"));
	assert_null(strstr(md, "![]("));
	assert_null(strstr(md, "](http"));
	assert_null(strstr(md, "`c`"));
	assert_non_null(
	    strstr(md, "# Exercise report: \\!\\[\\]\\(http://tracker/t.png\\) \\*x\\*\n"));
	assert_non_null(strstr(md, "| &lt;img src=x onerror=alert\\(1\\)&gt; |"));
	assert_non_null(strstr(md,
	                       "| &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\[a\\]\\(http://t/\\) "
	                       "\\`c\\` |\n"));
	free(md);
	rep_free(&r);
	ev_free(&ev);
}

/*
 * Numbers for machines have a `.` under a locale whose decimal point is a
 * comma (issue 17, section 5). The locale is made with localedef in a
 * folder of the test's own (LOCPATH), as no system has to have one.
 */
static void test_decimal_comma_locale(void **state)
{
	struct fixture *f = *state;
	char dir[] = "/tmp/lumbar-locale-XXXXXX", cmd[512], probe[16];

	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd),
	         "localedef -i de_DE -f UTF-8 %s/de_DE.UTF-8 >/dev/null 2>&1; "
	         "test -d %s/de_DE.UTF-8",
	         dir, dir);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(setenv("LOCPATH", dir, 1), 0);
	assert_non_null(setlocale(LC_ALL, "de_DE.UTF-8"));
	/* Loaded: glibc's newlocale() leaks a copy of LOCPATH at each call. */
	assert_int_equal(unsetenv("LOCPATH"), 0);
	snprintf(probe, sizeof(probe), "%.1f", 2.5);
	assert_string_equal(probe, "2,5"); /* the locale is in force */

	char *csv = render(&f->r, REP_CSV), *html = render(&f->r, REP_HTML),
	     *md = render(&f->r, REP_MD);
	assert_non_null(strstr(csv, ",5,3.0,4.0,7,4,6,\"13 reps at 2 s each, each side\",0\r\n"));
	assert_non_null(strstr(md, "| 2026-11-23 | 6 | 3.0 | 3.8 | 5.0 | 7 | 1 |\n"));
	/* SVG: coordinates with a point, never "x=\"12,5\"". */
	assert_non_null(strstr(html, "<circle cx=\""));
	for (const char *p = html; (p = strstr(p, "=\"")) != NULL; p += 2) {
		size_t len = strcspn(p + 2, "\""), commas = 0, pairs = 1;
		for (size_t i = 0; i < len; i++) {
			commas += p[2 + i] == ',';
			pairs += p[2 + i] == ' ';
		}
		if (p[2] >= '0' && p[2] <= '9') /* a number, or x,y pairs (points="...") */
			assert_true(commas == 0 ||
			            (strncmp(p - 6, "points", 6) == 0 && commas == pairs));
	}
	/* The rest of the program keeps the user's locale. */
	snprintf(probe, sizeof(probe), "%.1f", 2.5);
	assert_string_equal(probe, "2,5");
	free(csv);
	free(html);
	free(md);

	setlocale(LC_ALL, "C");
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_period),
		cmocka_unit_test_setup_teardown(test_weeks_and_pauses, setup, teardown),
		cmocka_unit_test_setup_teardown(test_adherence, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_markdown, setup, teardown),
		cmocka_unit_test(test_not_started),
		cmocka_unit_test(test_paused_weekly),
		cmocka_unit_test(test_dose_words),
		cmocka_unit_test(test_pain_by_session),
		cmocka_unit_test(test_logged_apart),
		cmocka_unit_test(test_what_happened),
		cmocka_unit_test_setup_teardown(test_csv, setup, teardown),
		cmocka_unit_test_setup_teardown(test_html, setup, teardown),
		cmocka_unit_test(test_control_characters),
		cmocka_unit_test_setup_teardown(test_repeatable, setup, teardown),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_csv_formulas),
		cmocka_unit_test(test_markdown_inert),
		cmocka_unit_test_setup_teardown(test_decimal_comma_locale, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
