/*
 * test_plan.c - the timeline rules of plan.h, on catalogues built in memory
 * so each rule is tested alone, without the loader.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "plan.h"

/* ---- Building catalogues by hand ----------------------------------------- */

/* The model holds mutable strings; these give it some without casts. */
static char name_hold[] = "Hold", name_reps[] = "Reps", name_timed[] = "Timed";
static char id_ex[] = "ex", id_second[] = "second", name_ex[] = "Exercise";

static struct cat_range rng(unsigned lo, unsigned hi)
{
	return (struct cat_range){ lo, hi };
}

static struct cat_set hold_set(unsigned hold, unsigned reps, enum cat_sides sides)
{
	struct cat_set s = { 0 };
	s.name = name_hold;
	s.mode = CAT_MODE_HOLD;
	s.hold = rng(hold, hold);
	s.reps = rng(reps, reps);
	s.sides = sides;
	s.switch_s = 3;
	return s;
}

static struct cat_set reps_set(unsigned reps, unsigned tempo, enum cat_sides sides)
{
	struct cat_set s = { 0 };
	s.name = name_reps;
	s.mode = CAT_MODE_REPS;
	s.reps = rng(reps, reps);
	s.tempo = rng(tempo, tempo);
	s.sides = sides;
	s.switch_s = 3;
	return s;
}

static struct cat_set timed_set(unsigned duration, enum cat_sides sides)
{
	struct cat_set s = { 0 };
	s.name = name_timed;
	s.mode = CAT_MODE_TIMED;
	s.duration = rng(duration, duration);
	s.sides = sides;
	s.switch_s = 3;
	return s;
}

struct fixture {
	struct catalogue cat;
	struct cat_exercise ex[3];
	struct cat_set sets[3][3];
	struct plan plan;
};

/* A catalogue of one exercise with the given sets and prepare time. */
static void one_exercise(struct fixture *f, unsigned prepare, const struct cat_set *sets,
                         unsigned n)
{
	memset(f, 0, sizeof(*f));
	memcpy(f->sets[0], sets, n * sizeof(*sets));
	f->ex[0].id = id_ex;
	f->ex[0].name = name_ex;
	f->ex[0].prepare = prepare;
	f->ex[0].sets = f->sets[0];
	f->ex[0].n_sets = n;
	f->cat.exercises = f->ex;
	f->cat.n_exercises = 1;
}

/* The phase list as a compact string: "P5 W5L1 S3 W5R1" and so on. */
static const char *shape(const struct plan *p)
{
	static char buf[1024];
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < p->n; i++) {
		const struct plan_phase *ph = &p->phases[i];
		char side = ph->side == PLAN_SIDE_LEFT    ? 'L'
		            : ph->side == PLAN_SIDE_RIGHT ? 'R'
		                                          : 0;
		char kind = "PWRS"[ph->kind];
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%c%u", i ? " " : "", kind,
		                        ph->seconds);
		if (ph->kind == PLAN_WORK && side)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%c", side);
		if (ph->kind == PLAN_WORK && ph->rep)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%u", ph->rep);
	}
	return buf;
}

/* Offsets must be the running sum of lengths and the total their sum. */
static void assert_offsets(const struct plan *p)
{
	unsigned sum = 0;

	for (size_t i = 0; i < p->n; i++) {
		assert_int_equal(p->phases[i].offset, sum);
		assert_true(p->phases[i].seconds > 0);
		sum += p->phases[i].seconds;
	}
	assert_int_equal(p->total, sum);
}

/* ---- Modes ------------------------------------------------------------------ */

static void hold_mode_is_one_phase_per_rep_with_rests(void **state)
{
	(void)state;
	struct fixture f;
	struct cat_set s = hold_set(5, 3, CAT_SIDES_NONE);
	s.rest = 2;
	one_exercise(&f, 10, &s, 1);

	assert_int_equal(plan_build_one(&f.cat, 0, CAT_LEVEL_EASY, &f.plan), 0);
	assert_string_equal(shape(&f.plan), "P10 W51 R2 W52 R2 W53");
	assert_int_equal(f.plan.total, 10 + 3 * 5 + 2 * 2);
	assert_offsets(&f.plan);
	assert_int_equal(f.plan.phases[0].set, -1);
	assert_int_equal(f.plan.phases[1].set, 0);
	assert_int_equal(f.plan.phases[1].reps, 3);
	/* The dose's work time: the holds, not the prepare nor the rests. */
	assert_int_equal(plan_work_seconds(&f.plan, 0), 3 * 5);
	assert_int_equal(plan_work_seconds(&f.plan, 1), 0);
	plan_free(&f.plan);
}

static void reps_mode_is_one_phase_of_reps_times_tempo(void **state)
{
	(void)state;
	struct fixture f;
	struct cat_set s = reps_set(10, 3, CAT_SIDES_NONE);
	s.rest = 5; /* no effect: one work phase, nothing between */
	one_exercise(&f, 5, &s, 1);

	assert_int_equal(plan_build_one(&f.cat, 0, CAT_LEVEL_EASY, &f.plan), 0);
	assert_string_equal(shape(&f.plan), "P5 W30");
	assert_int_equal(f.plan.phases[1].rep, 0);
	assert_int_equal(f.plan.phases[1].reps, 10);
	plan_free(&f.plan);
}

static void timed_mode_is_one_phase_of_duration(void **state)
{
	(void)state;
	struct fixture f;
	struct cat_set s = timed_set(60, CAT_SIDES_NONE);
	one_exercise(&f, 5, &s, 1);

	assert_int_equal(plan_build_one(&f.cat, 0, CAT_LEVEL_EASY, &f.plan), 0);
	assert_string_equal(shape(&f.plan), "P5 W60");
	assert_int_equal(f.plan.phases[1].reps, 0);
	plan_free(&f.plan);
}

/* ---- Sides ------------------------------------------------------------------ */

static void each_side_does_all_left_then_all_right(void **state)
{
	(void)state;
	struct fixture f;
	struct cat_set s = hold_set(30, 3, CAT_SIDES_EACH);
	s.rest = 10;
	s.switch_s = 5;
	one_exercise(&f, 5, &s, 1);

	assert_int_equal(plan_build_one(&f.cat, 0, CAT_LEVEL_EASY, &f.plan), 0);
	assert_string_equal(shape(&f.plan),
	                    "P5 W30L1 R10 W30L2 R10 W30L3 S5 W30R1 R10 W30R2 R10 W30R3");
	assert_offsets(&f.plan);
	plan_free(&f.plan);
}

static void alternate_sides_switch_between_every_rep(void **state)
{
	(void)state;
	struct fixture f;
	struct cat_set s = hold_set(5, 2, CAT_SIDES_ALTERNATE);
	s.rest = 10; /* never used: the side always changes */
	one_exercise(&f, 5, &s, 1);

	assert_int_equal(plan_build_one(&f.cat, 0, CAT_LEVEL_EASY, &f.plan), 0);
	assert_string_equal(shape(&f.plan), "P5 W5L1 S3 W5R1 S3 W5L2 S3 W5R2");
	/* A switch phase names the side it switches to. */
	assert_int_equal(f.plan.phases[2].kind, PLAN_SWITCH);
	assert_int_equal(f.plan.phases[2].side, PLAN_SIDE_RIGHT);
	plan_free(&f.plan);
}

static void reps_mode_with_sides_is_one_phase_per_side(void **state)
{
	(void)state;
	struct fixture f;
	struct cat_set s = reps_set(10, 2, CAT_SIDES_EACH);
	one_exercise(&f, 0, &s, 1);

	assert_int_equal(plan_build_one(&f.cat, 0, CAT_LEVEL_EASY, &f.plan), 0);
	assert_string_equal(shape(&f.plan), "W20L S3 W20R");
	plan_free(&f.plan);
}

static void zero_switch_and_zero_rest_make_no_phase(void **state)
{
	(void)state;
	struct fixture f;
	struct cat_set s = hold_set(4, 2, CAT_SIDES_EACH);
	s.switch_s = 0;
	s.rest = 0;
	one_exercise(&f, 0, &s, 1);

	assert_int_equal(plan_build_one(&f.cat, 0, CAT_LEVEL_EASY, &f.plan), 0);
	assert_string_equal(shape(&f.plan), "W4L1 W4L2 W4R1 W4R2");
	plan_free(&f.plan);
}

/* ---- Sets ---------------------------------------------------------------------- */

static void rest_after_only_between_sets(void **state)
{
	(void)state;
	struct fixture f;
	struct cat_set s[2] = { hold_set(3, 2, CAT_SIDES_NONE), timed_set(20, CAT_SIDES_NONE) };
	s[0].rest_after = 15;
	s[1].rest_after = 99; /* last set: nothing follows, so no rest */
	one_exercise(&f, 5, s, 2);

	assert_int_equal(plan_build_one(&f.cat, 0, CAT_LEVEL_EASY, &f.plan), 0);
	assert_string_equal(shape(&f.plan), "P5 W31 W32 R15 W20");
	assert_int_equal(f.plan.phases[4].set, 1);
	plan_free(&f.plan);
}

/* ---- Levels ---------------------------------------------------------------------- */

static void levels_pick_low_mid_high_of_every_range(void **state)
{
	(void)state;
	struct fixture f;
	struct cat_set s = hold_set(3, 2, CAT_SIDES_NONE);
	s.hold = rng(3, 5);
	s.reps = rng(2, 3);
	one_exercise(&f, 0, &s, 1);

	assert_int_equal(plan_build_one(&f.cat, 0, CAT_LEVEL_EASY, &f.plan), 0);
	assert_string_equal(shape(&f.plan), "W31 W32");
	plan_free(&f.plan);

	/* Midpoints rounded half up: hold 4, reps 2.5 -> 3. */
	assert_int_equal(plan_build_one(&f.cat, 0, CAT_LEVEL_MEDIUM, &f.plan), 0);
	assert_string_equal(shape(&f.plan), "W41 W42 W43");
	plan_free(&f.plan);

	assert_int_equal(plan_build_one(&f.cat, 0, CAT_LEVEL_HARD, &f.plan), 0);
	assert_string_equal(shape(&f.plan), "W51 W52 W53");
	plan_free(&f.plan);
}

static void levels_apply_to_tempo_and_duration(void **state)
{
	(void)state;
	struct fixture f;
	struct cat_set s[2] = { reps_set(10, 2, CAT_SIDES_NONE), timed_set(30, CAT_SIDES_NONE) };
	s[0].reps = rng(10, 15);
	s[0].tempo = rng(2, 4);
	s[1].duration = rng(30, 600);
	one_exercise(&f, 0, s, 2);

	assert_int_equal(plan_exercise_seconds(&f.cat, 0, CAT_LEVEL_EASY), 10 * 2 + 30);
	assert_int_equal(plan_exercise_seconds(&f.cat, 0, CAT_LEVEL_MEDIUM), 13 * 3 + 315);
	assert_int_equal(plan_exercise_seconds(&f.cat, 0, CAT_LEVEL_HARD), 15 * 4 + 600);
}

/* Each exercise at its own step (issue 13): its values on their ladders. */
static void steps_pick_each_value_on_its_ladder(void **state)
{
	(void)state;
	struct fixture f;
	struct plan_dose d = { 0 };
	struct cat_set s = hold_set(3, 2, CAT_SIDES_NONE);
	s.hold = rng(3, 5); /* 3 4 5 */
	s.reps = rng(2, 3); /* 2 3: K = 2, reps move at step 2 */
	one_exercise(&f, 0, &s, 1);
	unsigned ex = 0;

	d.step[0] = 1;
	assert_int_equal(plan_build_dose(&f.cat, &ex, 1, &d, &f.plan), 0);
	assert_string_equal(shape(&f.plan), "W41 W42");
	assert_false(f.plan.forced);
	assert_int_equal(f.plan.step[0], 1);
	assert_int_equal(plan_seconds_at(&f.cat, 0, &d), f.plan.total);
	plan_free(&f.plan);

	/* Past K is K: never beyond the catalogue's high end. */
	d.step[0] = 9;
	assert_int_equal(plan_build_dose(&f.cat, &ex, 1, &d, &f.plan), 0);
	assert_string_equal(shape(&f.plan), "W51 W52 W53");
	plan_free(&f.plan);

	/* A level forced for the run is recorded as such. */
	assert_int_equal(plan_build_one(&f.cat, 0, CAT_LEVEL_MEDIUM, &f.plan), 0);
	assert_true(f.plan.forced);
	assert_int_equal(f.plan.level, CAT_LEVEL_MEDIUM);
	plan_free(&f.plan);
}

/* ---- Routines -------------------------------------------------------------------- */

static void routine_is_exercises_in_order_each_with_prepare(void **state)
{
	(void)state;
	struct fixture f;
	struct cat_set s = timed_set(10, CAT_SIDES_NONE);
	one_exercise(&f, 4, &s, 1);
	f.ex[1] = f.ex[0];
	f.ex[1].id = id_second;
	f.ex[1].prepare = 6;
	f.cat.n_exercises = 2;

	assert_int_equal(plan_build_all(&f.cat, CAT_LEVEL_EASY, &f.plan), 0);
	assert_string_equal(shape(&f.plan), "P4 W10 P6 W10");
	assert_int_equal(f.plan.n_exercises, 2);
	assert_int_equal(f.plan.phases[2].exercise, 1);
	assert_int_equal(f.plan.phases[2].slot, 1);
	assert_int_equal(plan_slot_first(&f.plan, 1), 2);
	assert_int_equal(plan_slot_end(&f.plan, 0), 2);
	assert_int_equal(plan_slot_end(&f.plan, 1), 4);
	assert_int_equal(plan_work_seconds(&f.plan, 0), 10);
	assert_int_equal(plan_work_seconds(&f.plan, 1), 10);
	assert_int_equal(f.plan.total, plan_exercise_seconds(&f.cat, 0, CAT_LEVEL_EASY) +
	                                   plan_exercise_seconds(&f.cat, 1, CAT_LEVEL_EASY));
	plan_free(&f.plan);
}

static void a_subset_keeps_the_given_order(void **state)
{
	(void)state;
	struct fixture f;
	struct cat_set s = timed_set(10, CAT_SIDES_NONE);
	one_exercise(&f, 1, &s, 1);
	f.ex[1] = f.ex[0];
	f.ex[1].prepare = 2;
	f.ex[2] = f.ex[0];
	f.ex[2].prepare = 3;
	f.cat.n_exercises = 3;
	unsigned pick[] = { 2, 0 };

	assert_int_equal(plan_build(&f.cat, pick, 2, CAT_LEVEL_EASY, &f.plan), 0);
	assert_string_equal(shape(&f.plan), "P3 W10 P1 W10");
	assert_int_equal(f.plan.exercises[0], 2);
	assert_int_equal(f.plan.exercises[1], 0);
	plan_free(&f.plan);
}

/* ---- Formatting ------------------------------------------------------------------- */

static void clock_is_m_ss_then_h_mm_ss(void **state)
{
	(void)state;
	char buf[16];

	assert_string_equal(plan_format_clock(0, buf, sizeof(buf)), "0:00");
	assert_string_equal(plan_format_clock(65, buf, sizeof(buf)), "1:05");
	assert_string_equal(plan_format_clock(3599, buf, sizeof(buf)), "59:59");
	assert_string_equal(plan_format_clock(3600, buf, sizeof(buf)), "1:00:00");
	assert_string_equal(plan_format_clock(3725, buf, sizeof(buf)), "1:02:05");
	assert_string_equal(plan_format_clock(360000, buf, sizeof(buf)), "100:00:00");
	/* Cut to fit and terminated, as snprintf() would. */
	assert_string_equal(plan_format_clock(3725, buf, 5), "1:02");
	assert_string_equal(plan_format_clock(5, buf, 1), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hold_mode_is_one_phase_per_rep_with_rests),
		cmocka_unit_test(reps_mode_is_one_phase_of_reps_times_tempo),
		cmocka_unit_test(timed_mode_is_one_phase_of_duration),
		cmocka_unit_test(each_side_does_all_left_then_all_right),
		cmocka_unit_test(alternate_sides_switch_between_every_rep),
		cmocka_unit_test(reps_mode_with_sides_is_one_phase_per_side),
		cmocka_unit_test(zero_switch_and_zero_rest_make_no_phase),
		cmocka_unit_test(rest_after_only_between_sets),
		cmocka_unit_test(levels_pick_low_mid_high_of_every_range),
		cmocka_unit_test(levels_apply_to_tempo_and_duration),
		cmocka_unit_test(steps_pick_each_value_on_its_ladder),
		cmocka_unit_test(routine_is_exercises_in_order_each_with_prepare),
		cmocka_unit_test(a_subset_keeps_the_given_order),
		cmocka_unit_test(clock_is_m_ss_then_h_mm_ss),
	};
	return cmocka_run_group_tests_name("plan", tests, NULL, NULL);
}
