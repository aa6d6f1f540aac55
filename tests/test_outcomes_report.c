/*
 * test_outcomes_report.c - the figures of the report's Outcomes section
 * (issue 22 §3) as table rows: the PEG lined up with the report's weeks (a
 * week without an answer a gap, the later answer of a week counted, answers
 * outside the period left out), the marks of change from the first week
 * with a score to the latest, each activity's first and latest rating, and
 * whether there is anything to show.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "outcomes_report.h"

/* Events from "DATE KIND EXERCISE VALUE NOTE" lines, at 20:00 UTC. */
static void events_of(struct ev_log *ev, const char *const *lines)
{
	char text[8192];
	size_t len = 0;

	for (size_t i = 0; lines[i]; i++) {
		char date[11], kind[40], ex[40], value[40], note[200];

		assert_int_equal(
		    sscanf(lines[i], "%10s %39s %39s %39s %199[^\n]", date, kind, ex, value, note),
		    5);
		len += (size_t)snprintf(text + len, sizeof(text) - len,
		                        "%sT20:00:00+00:00\t%s\t%s\t%s\t%s\n", date, kind, ex,
		                        value, note);
	}
	assert_int_equal(ev_parse(text, len, ev, NULL, NULL, NULL), 0);
}

static int32_t day_of(const char *s)
{
	int32_t d;

	assert_int_equal(hist_parse_day(s, strlen(s), &d), 0);
	return d;
}

static void load_shipped(struct questionnaire *peg, struct questionnaire *act)
{
	struct cat_error err;

	assert_int_equal(q_load_buffer(q_builtin_peg_yaml, q_builtin_peg_yaml_len, peg, &err),
	                 CAT_OK);
	assert_int_equal(
	    q_load_buffer(q_builtin_activities_yaml, q_builtin_activities_yaml_len, act, &err),
	    CAT_OK);
}

/* The weeks' means as text: "7.0 - 5.5". */
static void means_text(const struct out_report *o, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (unsigned w = 0; w < o->n_weeks; w++) {
		const struct out_week *wk = &o->week[w];
		if (wk->have_score)
			used += (size_t)snprintf(buf + used, len - used, "%s%.1f", w ? " " : "",
			                         wk->score);
		else
			used += (size_t)snprintf(buf + used, len - used, "%s-", w ? " " : "");
	}
}

static void test_peg_by_week(void **state)
{
	static const struct {
		const char *name;
		const char *events[8];
		const char *from, *to;
		const char *means;
		int first_w, last_w;
		const char *mean_change, *pain_change;
		bool any;
	} rows[] = {
		{ "gaps, a later answer corrects, a skip is a gap",
		  { "2026-11-03 outcome peg 1 7,6,8", "2026-11-17 outcome peg 1 -",
		    "2026-11-24 outcome peg 1 6,6,6", "2026-11-26 outcome peg 1 5,-,4", NULL },
		  "2026-11-02",
		  "2026-12-01",
		  "7.0 - - 4.5 -",
		  0,
		  3,
		  "2.5 points lower than the week of 2026-11-02",
		  "2 points lower than the week of 2026-11-02",
		  true },
		{ "before the period and after the last day: left out",
		  { "2026-10-20 outcome peg 1 9,9,9", "2026-11-10 outcome peg 1 5,5,5",
		    "2026-12-08 outcome peg 1 0,0,0", NULL },
		  "2026-11-02",
		  "2026-12-01",
		  "- 5.0 - - -",
		  1,
		  1,
		  "",
		  "",
		  true },
		{ "under the threshold: no mark",
		  { "2026-11-03 outcome peg 1 5,5,5", "2026-11-30 outcome peg 1 4,4,4", NULL },
		  "2026-11-02",
		  "2026-12-01",
		  "5.0 - - - 4.0",
		  0,
		  4,
		  "",
		  "",
		  true },
		{ "higher, worded as a change",
		  { "2026-11-03 outcome peg 1 2,2,2", "2026-11-30 outcome peg 1 5,4,6", NULL },
		  "2026-11-02",
		  "2026-12-01",
		  "2.0 - - - 5.0",
		  0,
		  4,
		  "3 points higher than the week of 2026-11-02",
		  "3 points higher than the week of 2026-11-02",
		  true },
		{ "only skips: a section of gaps",
		  { "2026-11-03 outcome peg 1 -", NULL },
		  "2026-11-02",
		  "2026-12-01",
		  "- - - - -",
		  -1,
		  -1,
		  "",
		  "",
		  true },
		{ "nothing: no section",
		  { "2026-11-03 morning - 4 -", NULL },
		  "2026-11-02",
		  "2026-12-01",
		  "- - - - -",
		  -1,
		  -1,
		  "",
		  "",
		  false },
	};
	struct questionnaire *q = malloc(2 * sizeof(*q));
	char buf[256];

	(void)state;
	assert_non_null(q);
	load_shipped(&q[0], &q[1]);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct ev_log ev;
		struct out_report o;

		print_message("row: %s\n", rows[i].name);
		events_of(&ev, rows[i].events);
		out_report_build(&ev, &q[0], &q[1], day_of(rows[i].from), day_of(rows[i].to), &o);
		means_text(&o, buf, sizeof(buf));
		assert_string_equal(buf, rows[i].means);
		assert_int_equal(o.first_w, rows[i].first_w);
		assert_int_equal(o.last_w, rows[i].last_w);
		assert_string_equal(out_report_peg_change(&o, -1, buf, sizeof(buf)),
		                    rows[i].mean_change);
		assert_string_equal(out_report_peg_change(&o, 0, buf, sizeof(buf)),
		                    rows[i].pain_change);
		assert_int_equal(o.any, rows[i].any);
		out_report_free(&o);
		ev_free(&ev);
	}
	free(q);
}

static void test_activities(void **state)
{
	static const char *const events[] = {
		"2026-11-03 activity - 1 put on socks",
		"2026-11-03 activity - 2 lift the shopping",
		"2026-11-03 outcome activities 1 2,5",
		"2026-11-10 activity-retired - 2 -",
		"2026-11-10 activity - 3 garden",
		"2026-11-17 outcome activities 1 3,-,8",
		"2026-11-24 outcome activities 1 6,-,7",
		"2026-12-08 outcome activities 1 0,-,0",
		NULL,
	};
	static const struct {
		unsigned number;
		bool retired;
		int first, latest;
		const char *first_day, *latest_day, *change;
	} rows[] = {
		{ 1, false, 2, 6, "2026-11-03", "2026-11-24",
		  "4 points higher than the first rating" },
		{ 2, true, 5, 5, "2026-11-03", "2026-11-03", "" },
		{ 3, false, 8, 7, "2026-11-17", "2026-11-24", "" },
	};
	struct questionnaire *q = malloc(2 * sizeof(*q));
	struct ev_log ev;
	struct out_report o;
	char buf[256];

	(void)state;
	assert_non_null(q);
	load_shipped(&q[0], &q[1]);
	events_of(&ev, events);
	out_report_build(&ev, &q[0], &q[1], day_of("2026-11-02"), day_of("2026-12-01"), &o);
	assert_int_equal(o.n_act, 3);
	assert_true(o.any);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct out_activity *a = &o.act[i];

		print_message("activity %u\n", rows[i].number);
		assert_int_equal(a->number, rows[i].number);
		assert_int_equal(a->retired, rows[i].retired);
		assert_int_equal(a->first, rows[i].first);
		assert_int_equal(a->latest, rows[i].latest);
		assert_int_equal(a->first_day, day_of(rows[i].first_day));
		assert_int_equal(a->latest_day, day_of(rows[i].latest_day));
		assert_string_equal(out_report_activity_change(&o, a, buf, sizeof(buf)),
		                    rows[i].change);
	}
	out_report_free(&o);
	ev_free(&ev);
	free(q);
}

/* A clinic's questionnaire: 3 items 0-8, scored as a sum (0-24). */
static const char clinic_yaml[] = "id: clinic\nversion: 1\ntitle: \"Clinic form\"\n"
                                  "recall: \"today\"\nscale:\n  min: 0\n  max: 8\n"
                                  "  anchors:\n    low: \"none\"\n    high: \"all\"\n"
                                  "scoring: sum\nevery_days: 14\nitems:\n"
                                  "  - text: \"One\"\n  - text: \"Two\"\n"
                                  "  - text: \"Three\"\n";

/*
 * A clinic's questionnaire by the report's weeks, as the PEG (the shipped
 * ones left to their own tables): its sum by week, gaps, and the 30% mark
 * of a summed score from the first week with a score to the latest.
 */
static void test_clinic_by_week(void **state)
{
	static const struct {
		const char *name;
		const char *events[8];
		const char *scores; /* by week, "-" a gap; NULL: not shown */
		const char *change;
	} rows[] = {
		{ "exactly 30% lower: marked",
		  { "2026-11-03 outcome clinic 1 4,4,2", "2026-11-24 outcome clinic 1 3,3,1",
		    NULL },
		  "10 - - 7 -",
		  "30% lower than the week of 2026-11-02" },
		{ "20% lower: no mark",
		  { "2026-11-03 outcome clinic 1 4,4,2", "2026-11-24 outcome clinic 1 3,3,2",
		    NULL },
		  "10 - - 8 -",
		  "" },
		{ "a week's last answer counts, a skip is a gap, higher worded as a change",
		  { "2026-11-03 outcome clinic 1 1,1,1", "2026-11-04 outcome clinic 1 2,2,2",
		    "2026-11-10 outcome clinic 1 -", "2026-11-30 outcome clinic 1 3,3,2", NULL },
		  "6 - - - 8",
		  "33% higher than the week of 2026-11-02" },
		{ "an item not answered: no sum that week",
		  { "2026-11-03 outcome clinic 1 4,-,2", "2026-11-10 outcome clinic 1 4,4,2",
		    NULL },
		  "- 10 - - -",
		  "" },
		{ "only the PEG and answers outside the period: not shown",
		  { "2026-11-03 outcome peg 1 5,5,5", "2026-10-27 outcome clinic 1 4,4,2",
		    "2026-12-08 outcome clinic 1 4,4,2", NULL },
		  NULL,
		  "" },
	};
	struct q_set *set = malloc(sizeof(*set));
	struct cat_error err;
	char buf[256];

	(void)state;
	assert_non_null(set);
	set->n = 3;
	load_shipped(&set->q[0], &set->q[1]);
	assert_int_equal(q_load_buffer(clinic_yaml, sizeof(clinic_yaml) - 1, &set->q[2], &err),
	                 CAT_OK);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct ev_log ev;
		struct out_report o;

		print_message("row: %s\n", rows[i].name);
		events_of(&ev, rows[i].events);
		out_report_build(&ev, &set->q[0], &set->q[1], day_of("2026-11-02"),
		                 day_of("2026-12-01"), &o);
		out_report_add_others(&o, &ev, set, day_of("2026-11-02"), day_of("2026-12-01"));
		if (!rows[i].scores) {
			assert_int_equal(o.n_other, 0);
		} else {
			size_t used = 0;

			assert_int_equal(o.n_other, 1);
			assert_ptr_equal(o.other[0].q, &set->q[2]);
			assert_true(o.any);
			for (unsigned w = 0; w < o.n_weeks; w++) {
				const struct out_week *wk = &o.other[0].week[w];
				used += (size_t)snprintf(buf + used, sizeof(buf) - used,
				                         wk->have_score ? "%s%.0f" : "%s-",
				                         w ? " " : "", wk->score);
			}
			assert_string_equal(buf, rows[i].scores);
			assert_string_equal(out_report_other_change(&o, 0, buf, sizeof(buf)),
			                    rows[i].change);
		}
		out_report_free(&o);
		ev_free(&ev);
	}
	free(set);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_peg_by_week),
		cmocka_unit_test(test_activities),
		cmocka_unit_test(test_clinic_by_week),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
