/*
 * test_words.c - the words for frequencies, lengths, sets and counts that
 * the plain-text modes and the screens share.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include <cmocka.h>

#include "words.h"

static void test_frequency(void **state)
{
	char morning[] = "morning", evening[] = "evening";
	char *when[] = { morning, evening };
	struct cat_frequency twice = { 2, 2, CAT_PER_DAY, when, 2 };
	struct cat_frequency once = { 1, 1, CAT_PER_WEEK, NULL, 0 };
	struct cat_frequency three = { 3, 3, CAT_PER_DAY, NULL, 0 };
	struct cat_frequency range = { 2, 3, CAT_PER_WEEK, NULL, 0 };
	char buf[64];

	(void)state;
	assert_string_equal(words_frequency(&twice, WORDS_LONG, buf, sizeof(buf)), "twice a day");
	assert_string_equal(words_frequency(&twice, WORDS_WITH_WHEN, buf, sizeof(buf)),
	                    "twice a day (morning, evening)");
	assert_string_equal(words_frequency(&twice, WORDS_SHORT, buf, sizeof(buf)), "2x a day");
	assert_string_equal(words_frequency(&once, WORDS_LONG, buf, sizeof(buf)), "once a week");
	assert_string_equal(words_frequency(&three, WORDS_LONG, buf, sizeof(buf)), "3 times a day");
	assert_string_equal(words_frequency(&range, WORDS_LONG, buf, sizeof(buf)),
	                    "2-3 times a week");
	assert_string_equal(words_frequency(&range, WORDS_SHORT, buf, sizeof(buf)), "2-3x a week");
	/* A short buffer is cut, never overrun. */
	assert_string_equal(words_frequency(&twice, WORDS_WITH_WHEN, buf, 16), "twice a day (mo");
}

static void test_seconds_and_sets(void **state)
{
	struct cat_set hold = {
		.mode = CAT_MODE_HOLD, .hold = { 5, 10 }, .reps = { 1, 3 }, .sides = CAT_SIDES_EACH
	};
	struct cat_set reps = { .mode = CAT_MODE_REPS, .reps = { 10, 10 }, .tempo = { 3, 3 } };
	struct cat_set timed = { .mode = CAT_MODE_TIMED,
		                 .duration = { 90, 90 },
		                 .sides = CAT_SIDES_ALTERNATE };
	char buf[64];

	(void)state;
	assert_string_equal(words_seconds(45, buf, sizeof(buf)), "45 s");
	assert_string_equal(words_seconds(60, buf, sizeof(buf)), "1 min");
	assert_string_equal(words_seconds(90, buf, sizeof(buf)), "1 min 30 s");
	assert_string_equal(words_range(hold.hold, true, buf, sizeof(buf)), "5-10 s");
	assert_string_equal(words_range(hold.reps, false, buf, sizeof(buf)), "1-3");
	assert_string_equal(words_set(&hold, CAT_LEVEL_EASY, buf, sizeof(buf)),
	                    "hold 5 s x 1 rep, each side");
	assert_string_equal(words_set(&hold, CAT_LEVEL_HARD, buf, sizeof(buf)),
	                    "hold 10 s x 3 reps, each side");
	assert_string_equal(words_set(&reps, CAT_LEVEL_MEDIUM, buf, sizeof(buf)),
	                    "10 reps at 3 s each");
	assert_string_equal(words_set(&timed, CAT_LEVEL_EASY, buf, sizeof(buf)),
	                    "1 min 30 s, alternating sides");
}

/* Today's numbers beside the ranges (details), and the ranges alone (show). */
static void test_set_now_and_range(void **state)
{
	static const struct {
		struct cat_set set;
		struct prg_set_dose dose;
		const char *now, *range;
	} rows[] = {
		/* The example: the hold can grow, the reps cannot. */
		{ { .mode = CAT_MODE_HOLD, .hold = { 20, 30 }, .reps = { 2, 2 } },
		  { .hold = 30, .reps = 2 },
		  "now 30 s \u00d7 2, range 20-30 s",
		  "hold 20-30 s, 2 reps" },
		/* Both can grow. */
		{ { .mode = CAT_MODE_HOLD, .hold = { 5, 8 }, .reps = { 8, 10 } },
		  { .hold = 5, .reps = 8 },
		  "now 5 s \u00d7 8, range 5-8 s \u00d7 8-10",
		  "hold 5-8 s, 8-10 reps" },
		/* Only the reps. */
		{ { .mode = CAT_MODE_HOLD, .hold = { 30, 30 }, .reps = { 3, 5 } },
		  { .hold = 30, .reps = 4 },
		  "now 30 s \u00d7 4, range 30 s \u00d7 3-5",
		  "hold 30 s, 3-5 reps" },
		/* Nothing can change: no range; one rep, not "1 reps". */
		{ { .mode = CAT_MODE_HOLD, .hold = { 30, 30 }, .reps = { 1, 1 } },
		  { .hold = 30, .reps = 1 },
		  "now 30 s \u00d7 1",
		  "hold 30 s, 1 rep" },
		{ { .mode = CAT_MODE_REPS, .reps = { 10, 15 }, .tempo = { 4, 4 } },
		  { .reps = 12, .tempo = 4 },
		  "now 12 reps at 4 s, range 10-15 reps",
		  "10-15 reps at 4 s each" },
		{ { .mode = CAT_MODE_REPS, .reps = { 1, 1 }, .tempo = { 5, 5 } },
		  { .reps = 1, .tempo = 5 },
		  "now 1 rep at 5 s",
		  "1 rep at 5 s each" },
		/* A minute or more reads in words. */
		{ { .mode = CAT_MODE_TIMED, .duration = { 30, 600 } },
		  { .duration = 45 },
		  "now 45 s, range 30 s to 10 min",
		  "30 s to 10 min" },
		{ { .mode = CAT_MODE_TIMED, .duration = { 60, 60 } },
		  { .duration = 60 },
		  "now 1 min",
		  "1 min" },
	};
	char buf[128];

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		print_message("row %zu\n", i);
		assert_string_equal(words_set_now(&rows[i].set, &rows[i].dose, buf, sizeof(buf)),
		                    rows[i].now);
		assert_string_equal(words_set_range(&rows[i].set, buf, sizeof(buf)), rows[i].range);
	}
}

static void test_count(void **state)
{
	struct cat_exercise day = { .freq = { 2, 2, CAT_PER_DAY, NULL, 0 } };
	struct cat_exercise week = { .freq = { 2, 3, CAT_PER_WEEK, NULL, 0 } };
	struct hist_ex_stat st = { .count = 1 };
	char buf[32];

	(void)state;
	assert_string_equal(words_count(&day, &st, buf, sizeof(buf)), "1/2 today");
	assert_string_equal(words_count(&week, &st, buf, sizeof(buf)), "1/2 this week");
	/* Stopped today: said instead of the count, whatever the period (issue 19). */
	st.stopped_today = true;
	assert_string_equal(words_count(&day, &st, buf, sizeof(buf)), "stopped today");
	assert_string_equal(words_count(&week, &st, buf, sizeof(buf)), "stopped today");
}

/* The screens name a routine by its name and length (issue 19 §3). */
static void test_routine(void **state)
{
	char id[] = "morning", name[] = "Morning", whole[] = "Lower back relief";
	struct cat_routine morning = { .id = id, .name = name };
	struct catalogue cat = { .routine_name = whole, .routines = &morning, .n_routines = 1 };
	static const struct {
		const char *key;
		unsigned n;
		const char *words;
	} rows[] = {
		{ "morning", 3, "Morning \u00b7 3 exercises" },
		{ "all", 10, "Lower back relief \u00b7 10 exercises" },
		{ "due", 1, "Due now \u00b7 1 exercise" },
		{ "", 2, "Lower back relief \u00b7 2 exercises" },
	};
	char buf[128];

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		assert_string_equal(words_routine(&cat, rows[i].key, rows[i].n, buf, sizeof(buf)),
		                    rows[i].words);
	assert_string_equal(words_routine_name(&cat, "morning"), "Morning");
}

/* When a routine was left, as the resume question says it, in local time. */
static void test_when_left(void **state)
{
	const time_t now = 1795507200; /* Tuesday 2026-11-24 09:00 in Paris */
	static const struct {
		time_t then;
		const char *words;
	} rows[] = {
		{ 1795502520, "today at 07:42" },
		{ 1795476600, "today at 00:30" }, /* the day turns at local midnight */
		{ 1795455000, "yesterday at 18:30" },
		{ 1795388340, "on Sunday at 23:59" },
		{ 1794996000, "on Wednesday at 11:00" },
		{ 1794909600, "on 2026-11-17 at 11:00" }, /* a week or more: the date */
	};
	char buf[64];

	(void)state;
	setenv("TZ", "Europe/Paris", 1);
	tzset();
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		assert_string_equal(words_when_left(rows[i].then, now, buf, sizeof(buf)),
		                    rows[i].words);
}

/* A step as a person counts it, from 1, with its dose (issue 20 §2). */
static void test_step(void **state)
{
	static const struct {
		unsigned k, steps;
		const char *words;
	} rows[] = {
		{ 1, 4, "step 2 of 5" },   /* the example */
		{ 0, 19, "step 1 of 20" }, /* the bottom reads 1, never 0 */
		{ 4, 4, "step 5 of 5" },   /* the top */
		{ 9, 4, "step 5 of 5" },   /* past the top: capped, as prg_dose() is */
		{ 0, 0, "fixed dose" },    /* no ladder: never 0/0, never "at the top" */
	};
	struct cat_set timed = { .mode = CAT_MODE_TIMED, .duration = { 30, 120 } };
	struct cat_set fixed = { .mode = CAT_MODE_TIMED, .duration = { 60, 60 } };
	struct cat_exercise ex = { .sets = &timed, .n_sets = 1 };
	char buf[128];

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		print_message("row %zu\n", i);
		assert_string_equal(words_step(rows[i].k, rows[i].steps, buf, sizeof(buf)),
		                    rows[i].words);
	}
	/* 30 s, 35, ... 55, 1 min, 1 min 15 s, ... 2 min: step 2 of a ladder, and the next. */
	assert_string_equal(words_step_dose(&ex, 1, buf, sizeof(buf)),
	                    "step 2 of 11: 35 s (next: 40 s)");
	assert_string_equal(words_step_dose(&ex, 99, buf, sizeof(buf)),
	                    "step 11 of 11: 2 min (the last)");
	ex.sets = &fixed;
	assert_string_equal(words_step_dose(&ex, 0, buf, sizeof(buf)), "fixed dose: 1 min");
}

/* The line mode's words (issue 24): a phase in one line, the questions with their anchors. */
static void test_line_mode(void **state)
{
	char knee[] = "Knee-to-chest", bridge[] = "Bridges and plank", set_a[] = "Knee hug",
	     set_b[] = "Bridges", set_c[] = "Plank", leg[] = "left leg and right arm";
	struct cat_set one[] = { { .name = set_a } };
	struct cat_set two[] = { { .name = set_b }, { .name = set_c } };
	struct cat_set bird[] = { { .name = set_a, .side_words = { leg, NULL } } };
	struct cat_exercise ex[] = {
		{ .name = knee, .sets = one, .n_sets = 1 },
		{ .name = bridge, .sets = two, .n_sets = 2 },
		{ .name = knee, .sets = bird, .n_sets = 1 },
	};
	struct catalogue cat = { .exercises = ex, .n_exercises = 3 };
	static const struct {
		struct plan_phase ph;
		const char *words;
	} rows[] = {
		{ { .kind = PLAN_WORK,
		    .seconds = 5,
		    .exercise = 0,
		    .set = 0,
		    .side = PLAN_SIDE_LEFT,
		    .rep = 1,
		    .reps = 2 },
		  "Knee-to-chest, left side: hold 5 seconds (rep 1 of 2)" },
		{ { .kind = PLAN_WORK,
		    .seconds = 30,
		    .exercise = 0,
		    .set = 0,
		    .rep = 1,
		    .reps = 1 },
		  "Knee-to-chest: hold 30 seconds" },
		{ { .kind = PLAN_WORK,
		    .seconds = 90,
		    .exercise = 0,
		    .set = 0,
		    .side = PLAN_SIDE_RIGHT,
		    .rep = 2,
		    .reps = 3 },
		  "Knee-to-chest, right side: hold 1 minute 30 seconds (rep 2 of 3)" },
		{ { .kind = PLAN_WORK, .seconds = 2, .exercise = 1, .set = 0, .reps = 2 },
		  "Bridges and plank, Bridges: 2 reps in 2 seconds" },
		{ { .kind = PLAN_WORK, .seconds = 60, .exercise = 1, .set = 1 },
		  "Bridges and plank, Plank: keep going 1 minute" },
		{ { .kind = PLAN_WORK,
		    .seconds = 1,
		    .exercise = 2,
		    .set = 0,
		    .side = PLAN_SIDE_LEFT,
		    .rep = 1,
		    .reps = 1 },
		  "Knee-to-chest, left leg and right arm: hold 1 second" },
		{ { .kind = PLAN_PREPARE, .seconds = 5, .exercise = 0, .set = -1 },
		  "Knee-to-chest: get ready, 5 seconds" },
		{ { .kind = PLAN_REST, .seconds = 10, .exercise = 0, .set = 0 },
		  "Rest, 10 seconds" },
		{ { .kind = PLAN_SWITCH, .seconds = 1, .exercise = 0, .set = 0 },
		  "Switch sides, 1 second" },
	};
	char buf[256];

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		assert_string_equal(words_phase(&cat, &rows[i].ph, buf, sizeof(buf)),
		                    rows[i].words);
	assert_string_equal(words_pain_question(words_q_before, true, buf, sizeof(buf)),
	                    "How is your back right now? 0 no pain, 10 worst imaginable:");
	assert_string_equal(words_pain_question(words_q_after, false, buf, sizeof(buf)),
	                    "How is your back now? 0-10");
	assert_string_equal(words_pain_question(words_q_stop, false, buf, sizeof(buf)),
	                    "Pain now? 0-10");
	assert_string_equal(words_pain_question(words_q_morning, false, buf, sizeof(buf)),
	                    "Back pain this morning? 0-10");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_frequency),
		cmocka_unit_test(test_seconds_and_sets),
		cmocka_unit_test(test_set_now_and_range),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_routine),
		cmocka_unit_test(test_when_left),
		cmocka_unit_test(test_step),
		cmocka_unit_test(test_line_mode),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
