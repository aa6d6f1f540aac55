/*
 * test_outcomes.c - the outcome records (issue 22 §2): answers, activities,
 * the PEG by week, the marks of change, and the offer rule as table rows
 * with `today` an argument. Each row's events are an events.tsv's lines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "outcomes.h"
#include "records.h"

/* Events from lines "DATE KIND EXERCISE VALUE NOTE" (spaces for tabs, time 09:00 UTC). */
static void load(struct ev_log *ev, const char *const *lines)
{
	char buf[8192];
	size_t used = 0;

	for (size_t i = 0; lines && lines[i]; i++) {
		char d[11], kind[40], ex[40], value[40], note[400];
		int n = sscanf(lines[i], "%10s %39s %39s %39s %399[^\n]", d, kind, ex, value, note);
		assert_int_equal(n, 5);
		used += (size_t)snprintf(buf + used, sizeof(buf) - used,
		                         "%sT09:00:00+00:00\t%s\t%s\t%s\t%s\n", d, kind, ex, value,
		                         note);
	}
	assert_int_equal(ev_parse(buf, used, ev, NULL, NULL, NULL), 0);
}

static int32_t day(const char *s)
{
	int32_t d;

	assert_int_equal(hist_parse_day(s, strlen(s), &d), 0);
	return d;
}

/* The shipped two, and a clinic's form every 28 days. */
static void shipped(struct q_set *set)
{
	struct cat_error err;

	memset(set, 0, sizeof(*set));
	assert_int_equal(
	    q_load_buffer(q_builtin_peg_yaml, q_builtin_peg_yaml_len, &set->q[0], &err), CAT_OK);
	assert_int_equal(q_load_buffer(q_builtin_activities_yaml, q_builtin_activities_yaml_len,
	                               &set->q[1], &err),
	                 CAT_OK);
	set->n = 2;
}

/* ---- Answers ---------------------------------------------------------------------- */

static void test_answers(void **state)
{
	static const struct {
		const char *note;
		int n;
		int a[3];
	} rows[] = {
		{ "5,4,6", 3, { 5, 4, 6 } },
		{ "6,-,4", 3, { 6, OUT_NO_ANSWER, 4 } },
		{ "", 0, { 0 } },
		{ "10", 1, { 10 } },
		{ "-,-,6", 3, { OUT_NO_ANSWER, OUT_NO_ANSWER, 6 } },
		{ "5,,6", -1, { 0 } },
		{ "5,4,", -1, { 0 } },
		{ "05", -1, { 0 } },
		{ "+5", -1, { 0 } },
		{ "101", -1, { 0 } },
		{ "1,2,3,4", -1, { 0 } },
		{ "5 4", -1, { 0 } },
	};
	char buf[64];

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		int a[3];
		int n = out_parse_answers(rows[i].note, a, 3);
		if (n != rows[i].n)
			print_error("row %zu '%s': %d\n", i, rows[i].note, n);
		assert_int_equal(n, rows[i].n);
		for (int k = 0; k < n; k++)
			assert_int_equal(a[k], rows[i].a[k]);
		if (n > 0) {
			assert_int_equal(out_format_answers(a, (unsigned)n, buf, sizeof(buf)), 0);
			assert_string_equal(buf, rows[i].note);
		}
	}
}

static void test_answers_check(void **state)
{
	struct q_set set;
	const int ok[3] = { 5, OUT_NO_ANSWER, 10 }, high[3] = { 5, 11, 0 };

	(void)state;
	shipped(&set);
	assert_null(out_answers_check(&set.q[0], ok, 3));
	assert_string_equal(out_answers_check(&set.q[0], high, 3),
	                    "answers are whole numbers from 0 to 10");
	assert_string_equal(out_answers_check(&set.q[0], ok, 2), "peg has 3 items, not 2");
	assert_null(out_answers_check(&set.q[1], ok, 3));
}

/* ---- Events ------------------------------------------------------------------------ */

static void test_event_lines(void **state)
{
	static const struct {
		const char *line;
		int rc;
		const char *why;
	} rows[] = {
		{ "2026-11-30T09:00:00+00:00\toutcome\tpeg\t1\t5,4,6", 0, NULL },
		{ "2026-11-30T09:00:00+00:00\toutcome\tpeg\t1\t-", 0, NULL },
		{ "2026-11-30T09:00:00+00:00\toutcome\t-\t1\t5,4,6", -1,
		  "an outcome names its questionnaire in the exercise field" },
		{ "2026-11-30T09:00:00+00:00\toutcome\tpeg\t-\t5,4,6", -1,
		  "an outcome's value is its questionnaire's version, 1-9999" },
		{ "2026-11-30T09:00:00+00:00\toutcome\tpeg\t1\t5;4;6", -1,
		  "an outcome's note is its answers, such as 5,4,6 or 6,-,4" },
		{ "2026-11-30T09:00:00+00:00\tactivity\t-\t1\tput on socks", 0, NULL },
		{ "2026-11-30T09:00:00+00:00\tactivity\t-\t0\tput on socks", -1,
		  "an activity's value is its number, 1-99" },
		{ "2026-11-30T09:00:00+00:00\tactivity\t-\t1\t-", -1,
		  "an activity's note is its words" },
		{ "2026-11-30T09:00:00+00:00\tactivity-retired\t-\t2\t-", 0, NULL },
		{ "2026-11-30T09:00:00+00:00\tactivity-retired\tpeg\t2\t-", -1,
		  "an activity's exercise field is -" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct ev_line e;
		char why[192] = "";
		int rc = ev_parse_line(rows[i].line, strlen(rows[i].line), &e, why, sizeof(why));
		if (rc != rows[i].rc)
			print_error("row %zu: %d %s\n", i, rc, why);
		assert_int_equal(rc, rows[i].rc);
		if (rows[i].why)
			assert_string_equal(why, rows[i].why);
	}
}

/* ---- Activities ------------------------------------------------------------------------ */

static void test_activities(void **state)
{
	static const char *const lines[] = {
		"2026-11-02 activity - 1 put on socks",
		"2026-11-02 activity - 2 lift the shopping",
		"2026-11-02 outcome activities 1 3,5",
		"2026-11-16 outcome activities 1 -,6",
		"2026-11-20 activity-retired - 1 -",
		"2026-11-21 activity - 3 garden for an hour",
		"2026-11-30 outcome activities 1 -,7,2",
		"2026-12-09 activity - 4 later",
		NULL,
	};
	struct ev_log ev;
	struct out_activity a[OUT_MAX_ACTIVITIES];

	(void)state;
	load(&ev, lines);
	size_t n = out_activities(&ev, day("2026-11-30"), a, OUT_MAX_ACTIVITIES);
	assert_int_equal(n, 3);
	assert_int_equal(a[0].number, 1);
	assert_true(a[0].retired);
	assert_int_equal(a[0].first, 3);
	assert_int_equal(a[0].latest, 3);
	assert_string_equal(a[1].words, "lift the shopping");
	assert_int_equal(a[1].first, 5);
	assert_int_equal(a[1].first_day, day("2026-11-02"));
	assert_int_equal(a[1].latest, 7);
	assert_int_equal(a[1].latest_day, day("2026-11-30"));
	assert_int_equal(a[2].first, 2);

	n = out_active(&ev, day("2026-11-30"), a, OUT_MAX_ACTIVITIES);
	assert_int_equal(n, 2);
	assert_int_equal(a[0].number, 2);
	assert_int_equal(a[1].number, 3);
	/* As of the 19th, 1 was not yet retired and 3 not yet named. */
	n = out_active(&ev, day("2026-11-19"), a, OUT_MAX_ACTIVITIES);
	assert_int_equal(n, 2);
	assert_int_equal(a[0].number, 1);
	/* Numbers are never reused, whatever day is asked about. */
	assert_int_equal(out_next_number(&ev), 5);
	ev_free(&ev);
}

/* ---- Weeks --------------------------------------------------------------------------- */

static void test_weeks(void **state)
{
	static const char *const lines[] = {
		"2026-11-03 outcome peg 1 6,7,5", /* week of Mon 2 Nov */
		"2026-11-05 outcome peg 1 8,8,8", /* same week, later: corrects */
		"2026-11-10 outcome peg 1 -",     /* skipped: a gap */
		"2026-11-18 outcome peg 1 4,-,5", /* a missing item: the mean of two */
		"2026-11-30 outcome peg 1 2,3,4", /* Mon 30 Nov */
		NULL,
	};
	struct ev_log ev;
	struct q_set set;
	struct out_week w[8];

	(void)state;
	shipped(&set);
	load(&ev, lines);
	assert_int_equal(out_monday(day("2026-11-05")), day("2026-11-02"));
	assert_int_equal(out_monday(day("2026-11-02")), day("2026-11-02"));
	assert_int_equal(out_monday(day("2026-11-08")), day("2026-11-02"));

	size_t n = out_weeks(&ev, &set.q[0], day("2026-12-01"), w, 8);
	assert_int_equal(n, 5);
	assert_int_equal(w[0].monday, day("2026-11-02"));
	assert_true(w[0].present);
	assert_int_equal(w[0].item[0], 8);
	assert_true(w[0].have_score);
	assert_true(w[0].score > 7.99 && w[0].score < 8.01);
	assert_false(w[1].present);
	assert_true(w[2].present);
	assert_int_equal(w[2].item[1], OUT_NO_ANSWER);
	assert_true(w[2].score > 4.49 && w[2].score < 4.51);
	assert_false(w[3].present);
	assert_int_equal(w[4].monday, day("2026-11-30"));
	assert_true(w[4].score > 2.99 && w[4].score < 3.01);

	/* At most max, the latest ones; before the first answer, nothing. */
	assert_int_equal(out_weeks(&ev, &set.q[0], day("2026-12-01"), w, 2), 2);
	assert_int_equal(w[0].monday, day("2026-11-23"));
	assert_int_equal(out_weeks(&ev, &set.q[0], day("2026-11-01"), w, 8), 0);
	ev_free(&ev);
}

/* ---- Marks of change ---------------------------------------------------------------- */

static void test_change(void **state)
{
	static const struct {
		double first, latest;
		enum q_scoring scoring;
		int min, max;
		const char *words;
	} rows[] = {
		{ 6, 4, Q_SCORE_MEAN, 0, 10, "2 points lower than week 1" },
		{ 6, 4.5, Q_SCORE_MEAN, 0, 10, "" },
		{ 4.5, 6.666, Q_SCORE_MEAN, 0, 10, "2.2 points higher than week 1" },
		{ 3, 8, Q_SCORE_EACH, 0, 10, "5 points higher than week 1" },
		{ 2, 2.5, Q_SCORE_EACH, 0, 5, "" },
		{ 2, 1, Q_SCORE_EACH, 0, 5, "1 point lower than week 1" },
		{ 10, 7, Q_SCORE_SUM, 0, 24, "30% lower than week 1" },
		{ 10, 8, Q_SCORE_SUM, 0, 24, "" },
		{ 0, 8, Q_SCORE_SUM, 0, 24, "" },
	};
	char buf[80];

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		out_change_words(rows[i].first, rows[i].latest, rows[i].scoring, rows[i].min,
		                 rows[i].max, "week 1", buf, sizeof(buf));
		if (strcmp(buf, rows[i].words) != 0)
			print_error("row %zu: '%s'\n", i, buf);
		assert_string_equal(buf, rows[i].words);
	}
	assert_int_equal(out_change(6, 4, Q_SCORE_MEAN, 0, 10), OUT_CHANGE_LOWER);
	assert_int_equal(out_change(4, 6, Q_SCORE_MEAN, 0, 10), OUT_CHANGE_HIGHER);
	assert_int_equal(out_change(4, 5, Q_SCORE_MEAN, 0, 10), OUT_CHANGE_NONE);
}

/* ---- The offer rule ------------------------------------------------------------------- */

static void test_offer(void **state)
{
	static const char *const none[] = { NULL };
	static const char *const peg_6_days[] = { "2026-11-24 outcome peg 1 5,4,6", NULL };
	static const char *const peg_7_days[] = { "2026-11-23 outcome peg 1 5,4,6", NULL };
	static const char *const skipped_6_days[] = { "2026-11-24 outcome peg 1 -", NULL };
	static const char *const answered_today[] = { "2026-11-30 outcome peg 1 5,4,6", NULL };
	static const char *const socks[] = {
		"2026-11-01 activity - 1 put on socks",
		"2026-11-24 outcome peg 1 5,4,6",
		NULL,
	};
	static const char *const socks_rated_13_days[] = {
		"2026-11-01 activity - 1 put on socks",
		"2026-11-24 outcome peg 1 5,4,6",
		"2026-11-17 outcome activities 1 4",
		NULL,
	};
	static const char *const socks_rated_14_days[] = {
		"2026-11-01 activity - 1 put on socks",
		"2026-11-24 outcome peg 1 5,4,6",
		"2026-11-16 outcome activities 1 4",
		NULL,
	};
	static const char *const socks_retired[] = {
		"2026-11-01 activity - 1 put on socks",
		"2026-11-24 outcome peg 1 5,4,6",
		"2026-11-02 activity-retired - 1 -",
		NULL,
	};
	static const char *const both_due_activities_today[] = {
		"2026-11-01 activity - 1 put on socks",
		"2026-11-30 outcome activities 1 4",
		NULL,
	};
	static const char *const naming_skipped_13_days[] = {
		"2026-11-24 outcome peg 1 5,4,6",
		"2026-11-17 outcome activities 1 -",
		NULL,
	};
	static const char *const naming_skipped_14_days[] = {
		"2026-11-24 outcome peg 1 5,4,6",
		"2026-11-16 outcome activities 1 -",
		NULL,
	};
	static const char *const all_numbers_given[] = {
		"2026-11-24 outcome peg 1 5,4,6",
		"2026-11-01 activity - 99 put on socks",
		"2026-11-02 activity-retired - 99 -",
		NULL,
	};
	static const char *const future_peg[] = { "2026-12-02 outcome peg 1 5,4,6", NULL };
	static const struct {
		const char *name;
		const char *const *lines;
		bool ask;
		enum out_place place;
		const char *want; /* id, or NULL */
	} rows[] = {
		{ "first day: the PEG", none, true, OUT_AT_MENU, "peg" },
		{ "ask_outcomes: false", none, false, OUT_AT_MENU, NULL },
		{ "never before a session", none, true, OUT_BEFORE_SESSION, NULL },
		{ "never elsewhere", none, true, OUT_ELSEWHERE, NULL },
		{ "PEG answered 6 days ago: not it (none named: My activities)", peg_6_days, true,
		  OUT_AT_MENU, "activities" },
		{ "PEG answered 7 days ago", peg_7_days, true, OUT_AT_MENU, "peg" },
		{ "a skip counts as the week's offer (none named: My activities)", skipped_6_days,
		  true, OUT_AT_MENU, "activities" },
		{ "answered today: nothing else today", answered_today, true, OUT_AT_MENU, NULL },
		{ "an activity, never rated", socks, true, OUT_AT_MENU, "activities" },
		{ "activities rated 13 days ago", socks_rated_13_days, true, OUT_AT_MENU, NULL },
		{ "activities rated 14 days ago", socks_rated_14_days, true, OUT_AT_MENU,
		  "activities" },
		{ "none active: offered to name one", socks_retired, true, OUT_AT_MENU,
		  "activities" },
		{ "naming skipped 13 days ago: not offered", naming_skipped_13_days, true,
		  OUT_AT_MENU, NULL },
		{ "naming skipped 14 days ago: offered", naming_skipped_14_days, true, OUT_AT_MENU,
		  "activities" },
		{ "none active, every number given: not offered", all_numbers_given, true,
		  OUT_AT_MENU, NULL },
		{ "PEG due, but activities answered today", both_due_activities_today, true,
		  OUT_AT_MENU, NULL },
		{ "an answer dated after today does not count", future_peg, true, OUT_AT_MENU,
		  "peg" },
	};
	struct q_set set;

	(void)state;
	shipped(&set);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct ev_log ev;

		load(&ev, rows[i].lines);
		const struct questionnaire *q =
		    out_offer(&set, &ev, day("2026-11-30"), rows[i].ask, rows[i].place);
		const char *got = q ? q->id : NULL;
		if ((got == NULL) != (rows[i].want == NULL) ||
		    (got && strcmp(got, rows[i].want) != 0))
			print_error("row '%s': got %s\n", rows[i].name, got ? got : "nothing");
		if (rows[i].want)
			assert_string_equal(got, rows[i].want);
		else
			assert_null(got);
		ev_free(&ev);
	}
}

/* The record keeps the outcome kinds for the screens and the report (REC_KINDS_OUTCOMES). */
static void test_record_kinds(void **state)
{
	char dir[] = "/tmp/test_outcomes.XXXXXX", path[64];
	struct records r;
	struct hist_error err;
	struct out_activity a[4];
	struct q_set set;
	FILE *f;

	(void)state;
	shipped(&set);
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/events.tsv", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("2026-11-02T09:00:00+00:00\tactivity\t-\t1\tput on socks\n"
	      "2026-11-02T09:01:00+00:00\tnote\t-\t-\tstiff\n"
	      "2026-11-25T09:00:00+00:00\toutcome\tpeg\t1\t5,4,6\n",
	      f);
	fclose(f);
	struct rec_request q = { .events = path,
		                 .as_of = true,
		                 .today = day("2026-11-30"),
		                 .since = INT32_MIN,
		                 .kinds = REC_KINDS_OUTCOMES };
	assert_int_equal(rec_load(&r, &q, &err), 0);
	assert_int_equal(r.ev.n, 2); /* the note is not kept */
	assert_int_equal(out_active(&r.ev, r.today, a, 4), 1);
	/* The PEG 5 days ago, the activity never rated: "My activities" is offered. */
	assert_string_equal(out_offer(&set, &r.ev, r.today, true, OUT_AT_MENU)->id, "activities");
	rec_free(&r);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_answers),     cmocka_unit_test(test_answers_check),
		cmocka_unit_test(test_event_lines), cmocka_unit_test(test_activities),
		cmocka_unit_test(test_weeks),       cmocka_unit_test(test_change),
		cmocka_unit_test(test_offer),       cmocka_unit_test(test_record_kinds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
