/*
 * test_catalogue.c - the catalogue loader, its validation and error
 * messages, the lookup order, and the shipped catalogue's numbers.
 *
 * Run from the repository root: fixtures are read from tests/fixtures/ and
 * the shipped catalogue from data/exercises.yaml. One fixture per class of
 * broken file, each pinned to its exact message, position and status, since
 * those are what a user reads.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "catalogue_load.h"
#include "yaml_err.h"

/* ---- Helpers ---------------------------------------------------------------- */

static struct catalogue *load_ok(const char *path)
{
	struct catalogue *cat = NULL;
	struct cat_error err = { 0 };
	enum cat_status st = cat_load_file(path, &cat, &err);

	if (st != CAT_OK)
		print_error("%s:%u:%u: %s\n", path, err.line, err.col, err.msg);
	assert_int_equal(st, CAT_OK);
	assert_non_null(cat);
	return cat;
}

/*
 * Load a file that must fail, and check status, position and message. The
 * out-parameter must stay untouched.
 */
static void expect_error(const char *path, enum cat_status status, unsigned line, unsigned col,
                         const char *msg)
{
	struct catalogue sentinel;
	struct catalogue *cat = &sentinel;
	struct cat_error err = { 0 };
	enum cat_status st = cat_load_file(path, &cat, &err);

	assert_int_equal(st, status);
	assert_int_equal(err.status, status);
	assert_ptr_equal(cat, &sentinel);
	assert_string_equal(err.msg, msg);
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, col);
}

#define FIX(name) "tests/fixtures/" name

/* ---- Good files ---------------------------------------------------------------- */

static void test_good_every_mode_and_side(void **state)
{
	struct catalogue *cat = load_ok(FIX("good.yaml"));
	const struct cat_exercise *e;
	const struct cat_set *s;

	(void)state;
	assert_string_equal(cat->routine_name, "Test routine");
	assert_int_equal(cat->prepare, 10);
	assert_int_equal(cat->switch_s, 4);
	assert_int_equal(cat->n_exercises, 3);

	e = &cat->exercises[0];
	assert_string_equal(e->id, "hold-one");
	assert_string_equal(e->name, "Hold one");
	assert_string_equal(e->summary, "A hold with every key given.");
	assert_string_equal(e->position, "Lie on your back.");
	assert_int_equal(e->n_steps, 3);
	assert_string_equal(e->steps[2], "Lower");
	assert_int_equal(e->n_cautions, 1);
	assert_string_equal(e->cautions[0], "Stop if it hurts.");
	assert_int_equal(e->freq.times, 2);
	assert_int_equal(e->freq.times_max, 3);
	assert_int_equal(e->freq.per, CAT_PER_DAY);
	assert_int_equal(e->freq.n_when, 2);
	assert_string_equal(e->freq.when[1], "evening");
	assert_int_equal(e->prepare, 0); /* its own 0 beats the routine's 10 */
	assert_int_equal(e->n_sets, 2);
	s = &e->sets[0];
	assert_string_equal(s->name, "Knee to chest");
	assert_int_equal(s->mode, CAT_MODE_HOLD);
	assert_int_equal(s->hold.lo, 5);
	assert_int_equal(s->hold.hi, 90);
	assert_int_equal(s->reps.lo, 2);
	assert_int_equal(s->reps.hi, 3);
	assert_int_equal(s->tempo.lo, 0);
	assert_int_equal(s->duration.hi, 0);
	assert_int_equal(s->sides, CAT_SIDES_ALTERNATE);
	assert_int_equal(s->rest, 90);
	assert_int_equal(s->switch_s, 5);
	assert_int_equal(s->rest_after, 10);
	s = &e->sets[1];
	assert_int_equal(s->hold.lo, 10); /* "010" is ten, never octal eight */
	assert_int_equal(s->hold.hi, 10);
	assert_int_equal(s->sides, CAT_SIDES_NONE);
	assert_int_equal(s->rest, 0);
	assert_int_equal(s->switch_s, 4); /* the routine's */
	assert_int_equal(s->rest_after, 0);

	e = &cat->exercises[1];
	assert_null(e->position);
	assert_int_equal(e->n_cautions, 0);
	assert_int_equal(e->freq.times, 1);
	assert_int_equal(e->freq.times_max, 1);
	assert_int_equal(e->freq.per, CAT_PER_WEEK);
	assert_int_equal(e->freq.n_when, 0);
	assert_int_equal(e->prepare, 10);
	s = &e->sets[0];
	assert_int_equal(s->mode, CAT_MODE_REPS);
	assert_int_equal(s->reps.lo, 10);
	assert_int_equal(s->reps.hi, 15);
	assert_int_equal(s->tempo.lo, 2);
	assert_int_equal(s->tempo.hi, 2);
	assert_int_equal(s->hold.lo, 0);
	assert_int_equal(s->sides, CAT_SIDES_EACH);

	e = &cat->exercises[2];
	s = &e->sets[0];
	assert_int_equal(s->mode, CAT_MODE_TIMED);
	assert_int_equal(s->duration.lo, 600);
	assert_int_equal(s->duration.hi, 900);
	assert_int_equal(s->reps.lo, 0);
	assert_int_equal(s->sides, CAT_SIDES_NONE);
	cat_free(cat);
}

static void test_good_defaults(void **state)
{
	struct catalogue *cat = load_ok(FIX("good-defaults.yaml"));

	(void)state;
	assert_string_equal(cat->routine_name, "Routine");
	assert_int_equal(cat->prepare, CAT_DEFAULT_PREPARE);
	assert_int_equal(cat->switch_s, CAT_DEFAULT_SWITCH);
	assert_int_equal(cat->exercises[0].prepare, 5);
	assert_int_equal(cat->exercises[0].sets[0].switch_s, 3);
	assert_int_equal(cat->exercises[0].sets[0].duration.lo, 3600);
	cat_free(cat);
}

static void test_good_durations(void **state)
{
	struct catalogue *cat = load_ok(FIX("good-durations.yaml"));
	const struct cat_set *s = &cat->exercises[0].sets[0];

	(void)state;
	assert_int_equal(s->hold.lo, 30); /* "30s" */
	assert_int_equal(s->hold.hi, 90); /* "1m30s" */
	assert_int_equal(s->reps.lo, 10); /* "010" as a count */
	assert_int_equal(s->rest, 10);    /* "010" as a duration */
	cat_free(cat);
}

static void test_good_limits(void **state)
{
	struct catalogue *cat = load_ok(FIX("good-limits.yaml"));

	(void)state;
	assert_int_equal(strlen(cat->exercises[0].id), CAT_MAX_ID);
	assert_int_equal(strlen(cat->exercises[0].name), CAT_MAX_STRING);
	assert_int_equal(strlen(cat->exercises[0].steps[0]), CAT_MAX_STRING);
	cat_free(cat);
}

static void test_load_buffer_not_terminated(void **state)
{
	static const char text[] = "version: 1\n"
	                           "exercises:\n"
	                           "  - id: a\n"
	                           "    name: A\n"
	                           "    summary: S.\n"
	                           "    steps: [x]\n"
	                           "    frequency: { times: 1, per: day }\n"
	                           "    sets: [{ name: n, mode: timed, duration: 60 }]\n";
	size_t len = sizeof(text) - 1;
	char *copy = malloc(len);
	struct catalogue *cat = NULL;
	struct cat_error err = { 0 };

	(void)state;
	assert_non_null(copy);
	memcpy(copy, text, len); /* no terminating NUL: the length rules */
	assert_int_equal(cat_load_buffer(copy, len, &cat, &err), CAT_OK);
	assert_int_equal(cat->n_exercises, 1);
	assert_int_equal(cat_find(cat, "a"), 0);
	assert_int_equal(cat_find(cat, "b"), -1);
	cat_free(cat);
	free(copy);
}

/* ---- A set's own steps and side words ------------------------------------------------ */

#define SET_HEAD                                                                                   \
	"version: 1\n"                                                                             \
	"exercises:\n"                                                                             \
	"  - id: a\n"                                                                              \
	"    name: A\n"                                                                            \
	"    summary: S.\n"                                                                        \
	"    steps: [whole one, whole two]\n"                                                      \
	"    frequency: { times: 1, per: day }\n"                                                  \
	"    sets:\n"

static void test_set_steps_and_side_words(void **state)
{
	static const char text[] =
	    SET_HEAD "      - { name: Plank, mode: hold, hold: 5, reps: 1, steps: [Forearms, "
	             "Straight line] }\n"
	             "      - name: Bird dog\n"
	             "        mode: hold\n"
	             "        hold: 5\n"
	             "        reps: 2\n"
	             "        sides: alternate\n"
	             "        side_words: [left leg and right arm, right leg and left arm]\n"
	             "      - { name: Fold, mode: timed, duration: 30 }\n";
	struct catalogue *cat = NULL;
	struct cat_error err = { 0 };
	const struct cat_exercise *e;
	char *const *st;
	unsigned n;

	(void)state;
	assert_int_equal(cat_load_buffer(text, sizeof(text) - 1, &cat, &err), CAT_OK);
	e = &cat->exercises[0];
	/* A set with steps shows its own, not the exercise's. */
	st = cat_set_steps(e, 0, &n);
	assert_int_equal(n, 2);
	assert_string_equal(st[1], "Straight line");
	/* A set without steps, and the get-ready phase (-1), show the exercise's. */
	st = cat_set_steps(e, 1, &n);
	assert_int_equal(n, 2);
	assert_string_equal(st[0], "whole one");
	st = cat_set_steps(e, -1, &n);
	assert_string_equal(st[0], "whole one");
	/* Side words: left is 1, right 2; none given, or no side, is NULL. */
	assert_string_equal(cat_side_words(&e->sets[1], 1), "left leg and right arm");
	assert_string_equal(cat_side_words(&e->sets[1], 2), "right leg and left arm");
	assert_null(cat_side_words(&e->sets[1], 0));
	assert_null(cat_side_words(&e->sets[0], 1));
	assert_null(cat_side_words(&e->sets[2], 2));
	cat_free(cat);
}

/* Each mistake in a set's steps or side words, with its place and words. */
static const struct {
	const char *sets; /* the `sets:` items after SET_HEAD */
	unsigned line, col;
	const char *msg;
} set_words_bad[] = {
	/* One word for two sides. */
	{ "      - { name: B, mode: hold, hold: 5, reps: 1, sides: each, side_words: [left] }\n", 9,
	  75, "exercise 'a', set 1: side_words has 1 entry (at least 2 needed)" },
	/* Three words for two sides. */
	{ "      - { name: B, mode: hold, hold: 5, reps: 1, sides: each, side_words: [l, r, m] }\n",
	  9, 82, "exercise 'a', set 1: side_words: too many entries (at most 2)" },
	/* Side words on a set without sides would never show. */
	{ "      - { name: B, mode: hold, hold: 5, reps: 1, side_words: [l, r] }\n", 9, 50,
	  "exercise 'a', set 1: 'side_words' needs 'sides: each' or 'sides: alternate'" },
	/* An empty list of steps. */
	{ "      - { name: B, mode: hold, hold: 5, reps: 1, steps: [] }\n", 9, 57,
	  "exercise 'a', set 1: steps is empty (at least 1 needed)" },
	/* An empty step. */
	{ "      - { name: B, mode: hold, hold: 5, reps: 1, steps: [''] }\n", 9, 58,
	  "exercise 'a', set 1: steps item 1 must not be empty" },
	/* A word where a list belongs. */
	{ "      - { name: B, mode: hold, hold: 5, reps: 1, sides: each, side_words: l }\n", 9, 75,
	  "exercise 'a', set 1: side_words: expected a list, found a single value" },
};

static void test_set_words_bad(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(set_words_bad) / sizeof(set_words_bad[0]); i++) {
		char text[1024];
		struct catalogue *cat = NULL;
		struct cat_error err = { 0 };
		int n = snprintf(text, sizeof(text), "%s%s", SET_HEAD, set_words_bad[i].sets);

		print_message("row %zu\n", i);
		assert_int_equal(cat_load_buffer(text, (size_t)n, &cat, &err), CAT_EINVALID);
		assert_null(cat);
		assert_string_equal(err.msg, set_words_bad[i].msg);
		assert_int_equal(err.line, set_words_bad[i].line);
		assert_int_equal(err.col, set_words_bad[i].col);
	}
}

/* ---- Ladders (issue 20 §1) ---------------------------------------------------- */

#define LADDER_HEAD                                                                                \
	SET_HEAD "      - { name: T, mode: hold, hold: 5, hold_max: 10, reps: 2 }\n"               \
	         "      - { name: B, mode: reps, reps: 10, tempo: 4 }\n"                           \
	         "    ladder:\n"

/* A ladder as written: each step one value of one set; `default: true` may leave the range. */
static void test_ladder_good(void **state)
{
	static const char text[] = LADDER_HEAD "      - { set: 1, hold: 7 }\n"
	                                       "      - { set: 2, reps: 12, default: true }\n"
	                                       "      - { set: 1, hold: 10, default: false }\n";
	struct catalogue *cat = NULL;
	struct cat_error err = { 0 };
	const struct cat_exercise *e;

	(void)state;
	assert_int_equal(cat_load_buffer(text, sizeof(text) - 1, &cat, &err), CAT_OK);
	e = &cat->exercises[0];
	assert_int_equal(e->n_ladder, 3);
	assert_int_equal(e->ladder[0].set, 0);
	assert_int_equal(e->ladder[0].value, CAT_VALUE_HOLD);
	assert_int_equal(e->ladder[0].to, 7);
	assert_int_equal(e->ladder[1].set, 1);
	assert_int_equal(e->ladder[1].value, CAT_VALUE_REPS);
	assert_int_equal(e->ladder[1].to, 12);
	assert_true(e->ladder[1].chosen);
	assert_false(e->ladder[2].chosen);
	cat_free(cat);
}

/* Each mistake in a ladder, with its place (line:col) and words. */
static const struct {
	const char *steps; /* the `ladder:` items after LADDER_HEAD */
	unsigned line, col;
	const char *msg;
} ladder_bad[] = {
	/* Not growing: the same value again. */
	{ "      - { set: 1, hold: 7 }\n      - { set: 1, hold: 7 }\n", 13, 25,
	  "exercise 'a': ladder item 2.hold (7) does not grow: set 1's hold is 7 at the step "
	  "before" },
	/* Below the set's low end is not growing either. */
	{ "      - { set: 1, hold: 4 }\n", 12, 25,
	  "exercise 'a': ladder item 1.hold (4) does not grow: set 1's hold is 5 at the step "
	  "before" },
	/* Past the set's range without saying it is our choice. */
	{ "      - { set: 1, hold: 12 }\n", 12, 25,
	  "exercise 'a': ladder item 1.hold (12) is outside set 1's range (5 to 10); say 'default: "
	  "true' when the number is your own choice" },
	{ "      - { set: 2, reps: 12, default: false }\n", 12, 25,
	  "exercise 'a': ladder item 1.reps (12) is outside set 2's range (10 to 10); say "
	  "'default: true' when the number is your own choice" },
	/* Two sets: which one? */
	{ "      - { hold: 7 }\n", 12, 9,
	  "exercise 'a': ladder item 1: which set does this step change? Give 'set: 1' to 'set: "
	  "2'" },
	/* Two values, or none, in one step. */
	{ "      - { set: 1, hold: 7, reps: 3 }\n", 12, 9,
	  "exercise 'a': ladder item 1: a step changes one value of one set: give one of hold, "
	  "reps, tempo or duration, not 2" },
	{ "      - { set: 1 }\n", 12, 9,
	  "exercise 'a': ladder item 1: a step changes one value of one set: give one of hold, "
	  "reps, tempo or duration, not 0" },
	/* A value the set's mode does not use. */
	{ "      - { set: 2, hold: 7 }\n", 12, 25,
	  "exercise 'a': ladder item 1.hold: set 2 ('B') has no hold: it is a reps set" },
	/* No such set. */
	{ "      - { set: 3, hold: 7 }\n", 12, 16,
	  "exercise 'a': ladder item 1.set (3) is out of range (1..2)" },
	/* `default` is true or false, nothing else. */
	{ "      - { set: 2, reps: 12, default: maybe }\n", 12, 38,
	  "exercise 'a': ladder item 1.default: 'maybe' is not true or false" },
	/* A duration in words that is not one. */
	{ "      - { set: 1, hold: 7 sec }\n", 12, 25,
	  "exercise 'a': ladder item 1.hold: '7 sec' is not a duration (use seconds like 30, or "
	  "90s, 1m30s, 5m)" },
};

static void test_ladder_bad(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(ladder_bad) / sizeof(ladder_bad[0]); i++) {
		char text[1024];
		struct catalogue *cat = NULL;
		struct cat_error err = { 0 };
		int n = snprintf(text, sizeof(text), "%s%s", LADDER_HEAD, ladder_bad[i].steps);

		print_message("row %zu\n", i);
		assert_int_equal(cat_load_buffer(text, (size_t)n, &cat, &err), CAT_EINVALID);
		assert_null(cat);
		assert_string_equal(err.msg, ladder_bad[i].msg);
		assert_int_equal(err.line, ladder_bad[i].line);
		assert_int_equal(err.col, ladder_bad[i].col);
	}
}

static void test_free_null(void **state)
{
	(void)state;
	cat_free(NULL);
}

/* ---- Broken files, one class each ------------------------------------------------ */

static void test_bad_syntax(void **state)
{
	(void)state;
	expect_error(FIX("bad-syntax.yaml"), CAT_EINVALID, 4, 15,
	             "syntax error: mapping values are not allowed in this context");
}

static void test_bad_type(void **state)
{
	(void)state;
	expect_error(FIX("bad-type.yaml"), CAT_EINVALID, 6, 12,
	             "exercise 'cat-cow': steps: expected a list, found a single value");
}

static void test_bad_top_level(void **state)
{
	(void)state;
	expect_error(FIX("bad-top-level.yaml"), CAT_EINVALID, 1, 1,
	             "expected a mapping of keys at the top, found a single value");
}

static void test_bad_empty_file(void **state)
{
	(void)state;
	expect_error(FIX("bad-empty-file.yaml"), CAT_EINVALID, 0, 0, "the catalogue is empty");
}

static void test_bad_unknown_key(void **state)
{
	(void)state;
	expect_error(FIX("bad-unknown-key.yaml"), CAT_EINVALID, 12, 9,
	             "exercise 'cat-cow', set 1: unknown key 'colour'");
}

static void test_bad_missing_key(void **state)
{
	(void)state;
	expect_error(FIX("bad-missing-key.yaml"), CAT_EINVALID, 3, 5,
	             "exercise 'cat-cow': missing required key 'steps'");
}

static void test_bad_enum_mode(void **state)
{
	(void)state;
	expect_error(FIX("bad-enum.yaml"), CAT_EINVALID, 10, 15,
	             "exercise 'cat-cow', set 1: mode: 'stretch' is not hold, reps or timed");
}

static void test_bad_enum_per(void **state)
{
	(void)state;
	expect_error(FIX("bad-enum-per.yaml"), CAT_EINVALID, 7, 33,
	             "exercise 'a': frequency.per: 'month' is not day or week");
}

static void test_bad_out_of_range(void **state)
{
	(void)state;
	expect_error(FIX("bad-range.yaml"), CAT_EINVALID, 11, 15,
	             "exercise 'knee-to-chest', set 1: hold (7200) is out of range (1..3600)");
}

static void test_bad_zero_reps(void **state)
{
	(void)state;
	expect_error(FIX("bad-zero-reps.yaml"), CAT_EINVALID, 12, 15,
	             "exercise 'knee-to-chest', set 1: reps (0) is out of range (1..100)");
}

static void test_bad_max_below_min(void **state)
{
	(void)state;
	expect_error(FIX("bad-max-below-min.yaml"), CAT_EINVALID, 12, 19,
	             "exercise 'cat-cow', set 1: hold_max (3) is below hold (5)");
}

static void test_bad_times_max_below_times(void **state)
{
	(void)state;
	expect_error(FIX("bad-times-max.yaml"), CAT_EINVALID, 7, 39,
	             "exercise 'a': frequency.times_max (2) is below frequency.times (3)");
}

static void test_bad_duplicate_id(void **state)
{
	(void)state;
	expect_error(FIX("bad-duplicate-id.yaml"), CAT_EINVALID, 10, 9,
	             "duplicate id 'cat-cow' (first at line 3)");
}

static void test_bad_id_charset(void **state)
{
	(void)state;
	expect_error(FIX("bad-id-charset.yaml"), CAT_EINVALID, 3, 9,
	             "exercise 1: id 'Cat_Cow' may only use a-z, 0-9 and '-'");
}

static void test_bad_version(void **state)
{
	(void)state;
	expect_error(FIX("bad-version.yaml"), CAT_EINVALID, 1, 10,
	             "version: '2' is not supported (only version 1 is)");
}

static void test_bad_mode_missing_key(void **state)
{
	(void)state;
	expect_error(FIX("bad-mode-missing.yaml"), CAT_EINVALID, 9, 9,
	             "exercise 'a', set 1: missing required key 'hold' (hold mode needs it)");
}

static void test_bad_mode_foreign_key(void **state)
{
	(void)state;
	expect_error(FIX("bad-mode-extra.yaml"), CAT_EINVALID, 9, 47,
	             "exercise 'a', set 1: 'tempo' does not apply to timed mode");
}

static void test_bad_empty_exercises(void **state)
{
	(void)state;
	expect_error(FIX("bad-empty-exercises.yaml"), CAT_EINVALID, 2, 12,
	             "exercises is empty (at least 1 needed)");
}

static void test_bad_empty_steps(void **state)
{
	(void)state;
	expect_error(FIX("bad-empty-steps.yaml"), CAT_EINVALID, 6, 12,
	             "exercise 'cat-cow': steps is empty (at least 1 needed)");
}

static void test_bad_empty_sets(void **state)
{
	(void)state;
	expect_error(FIX("bad-empty-sets.yaml"), CAT_EINVALID, 8, 11,
	             "exercise 'cat-cow': sets is empty (at least 1 needed)");
}

static void test_bad_long_string(void **state)
{
	(void)state;
	expect_error(FIX("bad-long-string.yaml"), CAT_EINVALID, 8, 9,
	             "exercise 'cat-cow': steps item 2 is longer than 500 bytes");
}

static void test_bad_long_id(void **state)
{
	(void)state;
	expect_error(FIX("bad-long-id.yaml"), CAT_EINVALID, 3, 9,
	             "exercise 1: id is longer than 32 bytes");
}

static void test_bad_alias_bomb(void **state)
{
	(void)state;
	expect_error(FIX("bad-alias-bomb.yaml"), CAT_EINVALID, 6, 12,
	             "exercise 'bomb': cautions item 1: expected a single value, found a list");
}

static void test_bad_alias_count(void **state)
{
	(void)state;
	expect_error(FIX("bad-alias-count.yaml"), CAT_EINVALID, 7, 13,
	             "exercise 'many': steps: too many entries (at most 30)");
}

static void test_bad_alias_undefined(void **state)
{
	(void)state;
	expect_error(FIX("bad-alias-undefined.yaml"), CAT_EINVALID, 2, 12,
	             "alias '*nope' has no anchor");
}

/* ---- Durations and counts -------------------------------------------------------- */

#define DURATION_HINT "is not a duration (use seconds like 30, or 90s, 1m30s, 5m)"

static void test_bad_duration_decimal(void **state)
{
	(void)state;
	expect_error(FIX("bad-duration-decimal.yaml"), CAT_EINVALID, 11, 15,
	             "exercise 'knee-to-chest', set 1: hold: '1.5' " DURATION_HINT);
}

static void test_bad_duration_unit(void **state)
{
	(void)state;
	expect_error(FIX("bad-duration-unit.yaml"), CAT_EINVALID, 11, 15,
	             "exercise 'knee-to-chest', set 1: hold: '3x' " DURATION_HINT);
}

static void test_bad_duration_negative(void **state)
{
	(void)state;
	expect_error(FIX("bad-duration-negative.yaml"), CAT_EINVALID, 11, 15,
	             "exercise 'knee-to-chest', set 1: hold: '-2' " DURATION_HINT);
}

static void test_bad_duration_words(void **state)
{
	(void)state;
	expect_error(FIX("bad-duration-words.yaml"), CAT_EINVALID, 11, 15,
	             "exercise 'knee-to-chest', set 1: hold: '5 minutes please' " DURATION_HINT);
}

static void test_bad_count_decimal(void **state)
{
	(void)state;
	expect_error(FIX("bad-count.yaml"), CAT_EINVALID, 12, 15,
	             "exercise 'knee-to-chest', set 1: reps: '2.5' is not a whole number");
}

static void test_bad_count_with_unit(void **state)
{
	(void)state;
	expect_error(FIX("bad-count-human.yaml"), CAT_EINVALID, 12, 15,
	             "exercise 'knee-to-chest', set 1: reps: '10s' is not a whole number");
}

static void test_parse_duration(void **state)
{
	static const struct {
		const char *s;
		unsigned v;
	} good[] = {
		{ "30", 30 },       { "0", 0 },
		{ "90s", 90 },      { "1m30s", 90 },
		{ "5m", 300 },      { "1h", 3600 },
		{ "1h1m1s", 3661 }, { "010", 10 },
		{ "1m90s", 150 },   { "4294967295", 4294967295u },
	};
	static const char *const bad[] = {
		"",
		"1.5",
		"3x",
		"-2",
		"+2",
		"5 minutes please",
		" 30",
		"30 ",
		"s",
		"m30",
		"1s1m",
		"1m1m",
		"1h2h",
		"30ss",
		"0x10",
		"1e3",
		"1 m",
		"4294967296",
		"99999999999999999999",
		"1m 30s",
		"1h-1m",
	};
	unsigned v;

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		v = 12345;
		assert_int_equal(cat_parse_duration(good[i].s, &v), 0);
		assert_int_equal(v, good[i].v);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		v = 12345;
		if (cat_parse_duration(bad[i], &v) != -1)
			fail_msg("'%s' parsed as a duration", bad[i]);
		assert_int_equal(v, 12345); /* untouched on failure */
	}
	assert_int_equal(cat_parse_duration(NULL, &v), -1);
}

static void test_parse_count(void **state)
{
	static const char *const bad[] = { "", "1.5", "3x", "-2", "+2", "10s", "0x10", " 1", "1 " };
	unsigned v;

	(void)state;
	assert_int_equal(cat_parse_count("10", &v), 0);
	assert_int_equal(v, 10);
	assert_int_equal(cat_parse_count("010", &v), 0);
	assert_int_equal(v, 10);
	assert_int_equal(cat_parse_count("0", &v), 0);
	assert_int_equal(v, 0);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		v = 7;
		if (cat_parse_count(bad[i], &v) != -1)
			fail_msg("'%s' parsed as a count", bad[i]);
		assert_int_equal(v, 7);
	}
}

/* ---- Files that cannot be read ---------------------------------------------------- */

static void test_missing_file(void **state)
{
	(void)state;
	expect_error(FIX("no-such-file.yaml"), CAT_EIO, 0, 0, "No such file or directory");
}

static void test_directory(void **state)
{
	(void)state;
	expect_error("tests/fixtures", CAT_EIO, 0, 0, "Is a directory");
}

/* ---- Printing errors ---------------------------------------------------------------- */

static void test_error_print(void **state)
{
	struct cat_error located = { CAT_EINVALID, 4, 15, "oops" };
	struct cat_error plain = { CAT_EIO, 0, 0, "No such file or directory" };
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	(void)state;
	assert_non_null(fp);
	cat_error_print(fp, "my.yaml", &located);
	cat_error_print(fp, "../x.yaml", &plain);
	fclose(fp);
	assert_string_equal(text, "my.yaml:4:15: oops\n../x.yaml: No such file or directory\n");
	free(text);
}

/* ---- Ranges and levels ----------------------------------------------------------------- */

static void test_range_at(void **state)
{
	static const struct {
		unsigned lo, hi, easy, medium, hard;
	} cases[] = {
		{ 2, 3, 2, 3, 3 },
		{ 3, 5, 3, 4, 5 },
		{ 10, 15, 10, 13, 15 },
		{ 10, 30, 10, 20, 30 },
		{ 30, 600, 30, 315, 600 },
		{ 5, 5, 5, 5, 5 },
		{ 0, 0, 0, 0, 0 },
		{ 4294967294u, 4294967295u, 4294967294u, 4294967295u, 4294967295u },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cat_range r = { cases[i].lo, cases[i].hi };

		assert_int_equal(cat_range_at(r, CAT_LEVEL_EASY), cases[i].easy);
		assert_int_equal(cat_range_at(r, CAT_LEVEL_MEDIUM), cases[i].medium);
		assert_int_equal(cat_range_at(r, CAT_LEVEL_HARD), cases[i].hard);
	}
}

static void test_level_parse_and_name(void **state)
{
	enum cat_level level = CAT_LEVEL_HARD;

	(void)state;
	assert_int_equal(cat_level_parse("easy", &level), 0);
	assert_int_equal(level, CAT_LEVEL_EASY);
	assert_int_equal(cat_level_parse("medium", &level), 0);
	assert_int_equal(level, CAT_LEVEL_MEDIUM);
	assert_int_equal(cat_level_parse("hard", &level), 0);
	assert_int_equal(level, CAT_LEVEL_HARD);
	assert_int_equal(cat_level_parse("Hard", &level), -1);
	assert_int_equal(cat_level_parse("", &level), -1);
	assert_int_equal(cat_level_parse("extreme", &level), -1);
	assert_int_equal(level, CAT_LEVEL_HARD);
	assert_string_equal(cat_level_name(CAT_LEVEL_EASY), "easy");
	assert_string_equal(cat_level_name(CAT_LEVEL_MEDIUM), "medium");
	assert_string_equal(cat_level_name(CAT_LEVEL_HARD), "hard");
}

/* ---- Lookup order ------------------------------------------------------------------------ */

static void write_file(const char *path)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs("version: 1\n", fp);
	fclose(fp);
}

static void test_lookup_order(void **state)
{
	char tmpl[] = "/tmp/lumbar-lookup-XXXXXX";
	char *dir = mkdtemp(tmpl);
	char home[64], xdg[64], data[64], path[256], buf[512];
	struct cat_lookup_env env = { 0 };

	(void)state;
	assert_non_null(dir);
	snprintf(home, sizeof(home), "%s/home", tmpl);
	snprintf(xdg, sizeof(xdg), "%s/xdg", tmpl);
	snprintf(data, sizeof(data), "%s/share", tmpl);
	assert_int_equal(mkdir(home, 0700), 0);
	assert_int_equal(mkdir(xdg, 0700), 0);
	assert_int_equal(mkdir(data, 0700), 0);
	env.home = home;
	env.xdg_config_home = xdg;
	env.datadir = data;

	/* Nothing on disk: the built-in copy, with an empty path. */
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(cat_lookup(&env, buf, sizeof(buf)), CAT_SRC_BUILTIN);
	assert_string_equal(buf, "");

	/* The installed copy, once it exists. */
	snprintf(path, sizeof(path), "%s/exercises.yaml", data);
	write_file(path);
	assert_int_equal(cat_lookup(&env, buf, sizeof(buf)), CAT_SRC_DATADIR);
	assert_string_equal(buf, path);

	/* $HOME/.config is used only when $XDG_CONFIG_HOME is unset. */
	snprintf(path, sizeof(path), "%s/.config", home);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/.config/lumbar", home);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/.config/lumbar/exercises.yaml", home);
	write_file(path);
	assert_int_equal(cat_lookup(&env, buf, sizeof(buf)), CAT_SRC_DATADIR);
	env.xdg_config_home = "";
	assert_int_equal(cat_lookup(&env, buf, sizeof(buf)), CAT_SRC_CONFIG);
	assert_string_equal(buf, path);

	/* A directory where the config file should be does not count. */
	env.xdg_config_home = xdg;
	snprintf(path, sizeof(path), "%s/lumbar", xdg);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/lumbar/exercises.yaml", xdg);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(cat_lookup(&env, buf, sizeof(buf)), CAT_SRC_DATADIR);
	assert_int_equal(rmdir(path), 0);
	write_file(path);
	assert_int_equal(cat_lookup(&env, buf, sizeof(buf)), CAT_SRC_CONFIG);
	assert_string_equal(buf, path);

	/* The environment beats the config; it is used even when missing. */
	env.lumbar_catalogue = "/nonexistent/env.yaml";
	assert_int_equal(cat_lookup(&env, buf, sizeof(buf)), CAT_SRC_ENV);
	assert_string_equal(buf, "/nonexistent/env.yaml");

	/* The option beats everything, also when missing. */
	env.option = "missing.yaml";
	assert_int_equal(cat_lookup(&env, buf, sizeof(buf)), CAT_SRC_OPTION);
	assert_string_equal(buf, "missing.yaml");

	/* Empty strings count as unset. */
	env.option = "";
	env.lumbar_catalogue = "";
	assert_int_equal(cat_lookup(&env, buf, sizeof(buf)), CAT_SRC_CONFIG);

	/* Clean up the temporary tree. */
	unlink(path);
	snprintf(path, sizeof(path), "%s/lumbar", xdg);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/.config/lumbar/exercises.yaml", home);
	unlink(path);
	snprintf(path, sizeof(path), "%s/.config/lumbar", home);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/.config", home);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/exercises.yaml", data);
	unlink(path);
	rmdir(home);
	rmdir(xdg);
	rmdir(data);
	assert_int_equal(rmdir(dir), 0);
}

static void test_source_names(void **state)
{
	(void)state;
	assert_string_equal(cat_source_name(CAT_SRC_OPTION), "--catalogue");
	assert_string_equal(cat_source_name(CAT_SRC_ENV), "$LUMBAR_CATALOGUE");
	assert_string_equal(cat_source_name(CAT_SRC_CONFIG), "user config");
	assert_string_equal(cat_source_name(CAT_SRC_DATADIR), "installed copy");
	assert_string_equal(cat_source_name(CAT_SRC_BUILTIN), "built-in copy");
}

/* ---- The shipped catalogue ---------------------------------------------------------------- */

static const struct cat_set *set_of(const struct catalogue *cat, const char *id, unsigned set)
{
	int i = cat_find(cat, id);

	if (i < 0)
		fail_msg("no exercise '%s'", id);
	assert_true(set < cat->exercises[i].n_sets);
	return &cat->exercises[i].sets[set];
}

/*
 * The length of one exercise at a level, by the rules of issue 3 section 3.
 * Written out here, independently of the plan module, to check the core
 * circuit against the article's 10-15 minutes.
 */
static unsigned exercise_seconds(const struct cat_exercise *e, enum cat_level level)
{
	unsigned total = e->prepare;

	for (unsigned s = 0; s < e->n_sets; s++) {
		const struct cat_set *set = &e->sets[s];
		unsigned sides = set->sides == CAT_SIDES_NONE ? 1 : 2;
		unsigned reps = cat_range_at(set->reps, level);
		unsigned works, work, gaps_switch, gaps_rest;

		switch (set->mode) {
		case CAT_MODE_HOLD:
			works = reps * sides;
			work = cat_range_at(set->hold, level);
			break;
		case CAT_MODE_REPS:
			works = sides;
			work = reps * cat_range_at(set->tempo, level);
			break;
		case CAT_MODE_TIMED:
		default:
			works = sides;
			work = cat_range_at(set->duration, level);
			break;
		}
		total += works * work;
		/* Gaps between consecutive work phases: side changes, else rests. */
		if (set->sides == CAT_SIDES_ALTERNATE)
			gaps_switch = works - 1, gaps_rest = 0;
		else if (set->sides == CAT_SIDES_EACH)
			gaps_switch = 1, gaps_rest = works - 2;
		else
			gaps_switch = 0, gaps_rest = works - 1;
		total += gaps_switch * set->switch_s + gaps_rest * set->rest;
		if (s + 1 < e->n_sets)
			total += set->rest_after;
	}
	return total;
}

static void test_shipped_catalogue(void **state)
{
	static const char *const ids[] = {
		"knee-to-chest",      "pelvic-tilts-bridges", "cat-cow",
		"spine-twists",       "hip-flexor-release",   "childs-pose",
		"hamstring-series",   "core-stabilisation",   "back-extension",
		"piriformis-release",
	};
	struct catalogue *cat = load_ok("data/exercises.yaml");
	const struct cat_exercise *e;
	const struct cat_set *s;
	unsigned secs;

	(void)state;
	assert_int_equal(cat->n_exercises, 10);
	for (unsigned i = 0; i < 10; i++) {
		assert_string_equal(cat->exercises[i].id, ids[i]);
		assert_true(cat->exercises[i].n_steps > 0);
		assert_true(strlen(cat->exercises[i].name) > 0);
	}

	/* Knee-to-chest: hold 5 s, 2-3 reps per leg, twice daily. */
	s = set_of(cat, "knee-to-chest", 0);
	e = &cat->exercises[cat_find(cat, "knee-to-chest")];
	assert_int_equal(s->mode, CAT_MODE_HOLD);
	assert_int_equal(s->hold.lo, 5);
	assert_int_equal(s->hold.hi, 5);
	assert_int_equal(s->reps.lo, 2);
	assert_int_equal(s->reps.hi, 3);
	assert_int_not_equal(s->sides, CAT_SIDES_NONE);
	assert_int_equal(e->freq.times, 2);
	assert_int_equal(e->freq.per, CAT_PER_DAY);

	/* Pelvic tilt: hold 3-5 s, 10 reps. */
	s = set_of(cat, "pelvic-tilts-bridges", 0);
	assert_int_equal(s->mode, CAT_MODE_HOLD);
	assert_int_equal(s->hold.lo, 3);
	assert_int_equal(s->hold.hi, 5);
	assert_int_equal(s->reps.lo, 10);

	/* Cat-cow: at least 60 s. */
	s = set_of(cat, "cat-cow", 0);
	assert_int_equal(s->mode, CAT_MODE_TIMED);
	assert_int_equal(s->duration.lo, 60);
	assert_true(s->duration.hi >= 60);

	/* Spine twists: 10-15 per side. */
	s = set_of(cat, "spine-twists", 0);
	assert_int_equal(s->mode, CAT_MODE_REPS);
	assert_int_equal(s->reps.lo, 10);
	assert_int_equal(s->reps.hi, 15);
	assert_int_not_equal(s->sides, CAT_SIDES_NONE);

	/* Child's pose: 30 s, building to 5-10 min. */
	s = set_of(cat, "childs-pose", 0);
	assert_int_equal(s->mode, CAT_MODE_TIMED);
	assert_int_equal(s->duration.lo, 30);
	assert_true(s->duration.hi >= 5 * 60 && s->duration.hi <= 10 * 60);

	/* Hamstrings: 30 s x 3-5 per side, then 30 s x 2-3. */
	s = set_of(cat, "hamstring-series", 0);
	assert_int_equal(s->mode, CAT_MODE_HOLD);
	assert_int_equal(s->hold.lo, 30);
	assert_int_equal(s->reps.lo, 3);
	assert_int_equal(s->reps.hi, 5);
	assert_int_not_equal(s->sides, CAT_SIDES_NONE);
	s = set_of(cat, "hamstring-series", 1);
	assert_int_equal(s->hold.lo, 30);
	assert_int_equal(s->reps.lo, 2);
	assert_int_equal(s->reps.hi, 3);

	/* Core: 10-15 min, 2-3 times a week. */
	e = &cat->exercises[cat_find(cat, "core-stabilisation")];
	assert_int_equal(e->freq.times, 2);
	assert_int_equal(e->freq.times_max, 3);
	assert_int_equal(e->freq.per, CAT_PER_WEEK);
	secs = exercise_seconds(e, CAT_LEVEL_EASY);
	if (secs < 10 * 60)
		fail_msg("core circuit at easy lasts %u s, under 10 min", secs);
	secs = exercise_seconds(e, CAT_LEVEL_HARD);
	/* A last phase may run a little past the quarter hour; allow a minute. */
	if (secs > 16 * 60)
		fail_msg("core circuit at hard lasts %u s, over 15 min", secs);

	/* Back extension: hold 10-30 s. */
	s = set_of(cat, "back-extension", 0);
	assert_int_equal(s->mode, CAT_MODE_HOLD);
	assert_int_equal(s->hold.lo, 10);
	assert_int_equal(s->hold.hi, 30);

	/*
	 * Every set of an exercise with several has steps of its own, so the
	 * player never shows the pelvic tilt's during the bridge; every set
	 * with sides names them.
	 */
	for (unsigned i = 0; i < cat->n_exercises; i++) {
		e = &cat->exercises[i];
		for (unsigned k = 0; k < e->n_sets; k++) {
			if (e->n_sets > 1 && e->sets[k].n_steps == 0)
				fail_msg("%s, set %u has no steps of its own", e->id, k + 1);
			if (e->sets[k].sides != CAT_SIDES_NONE && !e->sets[k].side_words[0])
				fail_msg("%s, set %u has sides but no side_words", e->id, k + 1);
		}
	}
	s = set_of(cat, "core-stabilisation", 1);
	assert_string_equal(cat_side_words(s, 1), "left leg and right arm");
	assert_string_equal(cat_side_words(s, 2), "right leg and left arm");
	cat_free(cat);
}

/* The built-in copy is the same file; it must load too. */
static void test_builtin_catalogue(void **state)
{
	struct catalogue *cat = NULL;
	struct cat_error err = { 0 };
	enum cat_status st = cat_load_buffer(cat_builtin_yaml, cat_builtin_yaml_len, &cat, &err);

	(void)state;
	if (st != CAT_OK)
		fail_msg("built-in copy: %u:%u: %s", err.line, err.col, err.msg);
	assert_int_equal(cat->n_exercises, 10);
	cat_free(cat);
}

/* ---- Hostile files ------------------------------------------------------------------ */

static void test_bad_control_characters(void **state)
{
	(void)state;
	expect_error(FIX("bad-nul.yaml"), CAT_EINVALID, 4, 11,
	             "control character U+0000 (NUL) in a value; text must be printable and on "
	             "one line");
	expect_error(FIX("bad-tab-name.yaml"), CAT_EINVALID, 4, 11,
	             "control character U+0009 (tab) in a value; text must be printable and on "
	             "one line");
	expect_error(FIX("bad-newline-name.yaml"), CAT_EINVALID, 4, 11,
	             "control character U+000A (newline) in a value; text must be printable and "
	             "on one line");
	expect_error(FIX("bad-escape-summary.yaml"), CAT_EINVALID, 5, 14,
	             "control character U+001B (escape) in a value; text must be printable and "
	             "on one line");
	expect_error(FIX("bad-c1-summary.yaml"), CAT_EINVALID, 5, 14,
	             "control character U+009B in a value; text must be printable and on one "
	             "line");
}

static void test_bad_second_document(void **state)
{
	(void)state;
	expect_error(FIX("bad-second-document.yaml"), CAT_EINVALID, 10, 1,
	             "a second YAML document; the file must hold one (remove this '---' and what "
	             "follows)");
}

static void test_bad_too_deep(void **state)
{
	(void)state;
	expect_error(FIX("bad-deep.yaml"), CAT_EINVALID, 6, 19,
	             "nested deeper than 10 levels of lists and mappings");
}

/* Half a MiB of brackets: turned away at the limit, not after reading them all. */
static void test_bad_deep_buffer(void **state)
{
	size_t n = 512u * 1024u - 16u;
	char *buf = malloc(n);
	struct catalogue *cat = NULL;
	struct cat_error err = { 0 };

	(void)state;
	assert_non_null(buf);
	memset(buf, '[', n);
	assert_int_equal(cat_load_buffer(buf, n, &cat, &err), CAT_EINVALID);
	assert_null(cat);
	assert_int_equal(err.line, 1);
	assert_int_equal(err.col, YERR_MAX_DEPTH + 1);
	assert_string_equal(err.msg, "nested deeper than 10 levels of lists and mappings");
	free(buf);
}

static void test_bad_reserved_ids(void **state)
{
	(void)state;
	expect_error(FIX("bad-reserved-all.yaml"), CAT_EINVALID, 3, 9,
	             "exercise 1: id 'all' is a word lumbar's command line keeps for itself; "
	             "choose another");
	expect_error(FIX("bad-reserved-due.yaml"), CAT_EINVALID, 3, 9,
	             "exercise 1: id 'due' is a word lumbar's command line keeps for itself; "
	             "choose another");
	for (size_t i = 0; cat_reserved_ids[i] != NULL; i++) {
		assert_true(cat_id_reserved(cat_reserved_ids[i]));
		assert_true(cat_valid_id(cat_reserved_ids[i], strlen(cat_reserved_ids[i])));
	}
	assert_false(cat_id_reserved("cat-cow"));
	assert_false(cat_id_reserved("alls"));
}

static void test_valid_id(void **state)
{
	char longest[CAT_MAX_ID + 2];

	(void)state;
	memset(longest, 'a', sizeof(longest));
	assert_true(cat_valid_id("cat-cow-2", 9));
	assert_true(cat_valid_id(longest, CAT_MAX_ID));
	assert_false(cat_valid_id(longest, CAT_MAX_ID + 1));
	assert_false(cat_valid_id("", 0));
	assert_false(cat_valid_id("Cat", 3));
	assert_false(cat_valid_id("a b", 3));
	assert_false(cat_valid_id("a\tb", 3));
	/* Only the first `len` bytes count. */
	assert_true(cat_valid_id("ab!", 2));
}

static void test_escape(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(cat_escape(buf, sizeof(buf), "plain text, caf\xc3\xa9"),
	                    "plain text, caf\xc3\xa9");
	assert_string_equal(cat_escape(buf, sizeof(buf), "a\033]0;t\007b\tc\177"),
	                    "a\\x1b]0;t\\x07b\\x09c\\x7f");
	/* C1 as UTF-8, and bytes that are not UTF-8. */
	assert_string_equal(cat_escape(buf, sizeof(buf),
	                               "\xc2\x9b"
	                               "1m \x9b \xff"),
	                    "\\xc2\\x9b1m \\x9b \\xff");
	/* Cut short to fit, never in the middle of an escape. */
	assert_string_equal(cat_escape(buf, 7, "ab\033cd"), "ab\\x1b");
	assert_string_equal(cat_escape(buf, 6, "ab\033cd"), "ab");
}

/* The index finds what cat_find() finds, in any catalogue order. */
static void test_index_find(void **state)
{
	char ids[][8] = { "pelvic", "bridge", "cat-cow", "zz", "a", "knee" };
	struct cat_exercise ex[6] = { 0 };
	struct catalogue cat = { .exercises = ex, .n_exercises = 6 };
	struct cat_index ix;

	(void)state;
	for (unsigned i = 0; i < 6; i++)
		ex[i].id = ids[i];
	cat_index_init(&ix, &cat);
	for (unsigned i = 0; i < 6; i++) {
		assert_int_equal(cat_find(&cat, ids[i]), (int)i);
		assert_int_equal(cat_index_find(&ix, ids[i]), (int)i);
	}
	assert_int_equal(cat_find(&cat, "cat"), -1);
	assert_int_equal(cat_index_find(&ix, "cat"), -1);
	assert_int_equal(cat_index_find(&ix, "zzz"), -1);
	assert_int_equal(cat_index_find(&ix, ""), -1);
	cat.n_exercises = 0;
	cat_index_init(&ix, &cat);
	assert_int_equal(cat_index_find(&ix, "a"), -1);
}

/* ---- Named routines ------------------------------------------------------------- */

static void test_routines_good(void **state)
{
	struct catalogue *cat = load_ok(FIX("good-routines.yaml"));

	(void)state;
	assert_int_equal(cat->n_routines, 2);
	assert_string_equal(cat->routines[0].id, "morning");
	assert_string_equal(cat->routines[0].name, "Morning");
	assert_int_equal(cat->routines[0].n_exercises, 2);
	assert_int_equal(cat->routines[0].exercises[0], cat_find(cat, "cat-cow"));
	assert_int_equal(cat->routines[0].exercises[1], cat_find(cat, "bridge"));
	assert_int_equal(cat->routines[1].n_exercises, 1);
	assert_int_equal(cat->routines[1].exercises[0], cat_find(cat, "bridge"));
	assert_int_equal(cat_find_routine(cat, "evening"), 1);
	assert_int_equal(cat_find_routine(cat, "morning"), 0);
	/* Routines and exercises are looked up apart. */
	assert_int_equal(cat_find_routine(cat, "bridge"), -1);
	assert_int_equal(cat_find(cat, "morning"), -1);
	assert_int_equal(cat_find_routine(NULL, "morning"), -1);
	cat_free(cat);

	/* Without the key there are none. */
	cat = load_ok(FIX("good.yaml"));
	assert_int_equal(cat->n_routines, 0);
	assert_int_equal(cat_find_routine(cat, "morning"), -1);
	cat_free(cat);
}

static void test_routines_shipped(void **state)
{
	struct catalogue *cat = load_ok("data/exercises.yaml");
	int m = cat_find_routine(cat, "morning"), e = cat_find_routine(cat, "evening");

	(void)state;
	assert_true(m >= 0);
	assert_true(e >= 0);
	assert_int_equal(cat->routines[m].n_exercises, 3);
	assert_int_equal(cat->routines[m].exercises[0], cat_find(cat, "knee-to-chest"));
	assert_int_equal(cat->routines[m].exercises[1], cat_find(cat, "hip-flexor-release"));
	assert_int_equal(cat->routines[m].exercises[2], cat_find(cat, "cat-cow"));
	assert_int_equal(cat->routines[e].n_exercises, 5);
	cat_free(cat);
}

static void test_routines_bad(void **state)
{
	(void)state;
	expect_error(FIX("bad-routine-unknown.yaml"), CAT_EINVALID, 20, 26,
	             "routine 'morning': no exercise 'brigde' in this catalogue");
	expect_error(FIX("bad-routine-repeated.yaml"), CAT_EINVALID, 18, 64,
	             "routine 'morning': exercise 'cat-cow' is named twice (items 1 and 3)");
	expect_error(FIX("bad-routine-dup-exercise.yaml"), CAT_EINVALID, 18, 11,
	             "duplicate id 'bridge' (first at line 10)");
	expect_error(FIX("bad-routine-dup-routine.yaml"), CAT_EINVALID, 19, 11,
	             "duplicate id 'morning' (first at line 18)");
	expect_error(FIX("bad-routine-reserved.yaml"), CAT_EINVALID, 18, 11,
	             "routine 1: id 'plan' is a word lumbar's command line keeps for "
	             "itself; choose another");
	expect_error(FIX("bad-routine-charset.yaml"), CAT_EINVALID, 18, 11,
	             "routine 1: id 'Morning_1' may only use a-z, 0-9 and '-'");
	expect_error(FIX("bad-routine-empty.yaml"), CAT_EINVALID, 18, 46,
	             "routine 'morning': exercises is empty (at least 1 needed)");
}

/* The words the issue reserves, exactly: every verb and `all`. */
static void test_reserved_list(void **state)
{
	static const char *const want[] = {
		"all",    "due",    "progress", "report", "remind", "checkin", "safety",  "pause",
		"resume", "status", "list",     "show",   "plan",   "check",   "history", "help",
	};
	size_t n = 0;

	(void)state;
	while (cat_reserved_ids[n] != NULL)
		n++;
	assert_int_equal(n, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < n; i++)
		assert_true(cat_id_reserved(want[i]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_every_mode_and_side),
		cmocka_unit_test(test_set_steps_and_side_words),
		cmocka_unit_test(test_set_words_bad),
		cmocka_unit_test(test_ladder_good),
		cmocka_unit_test(test_ladder_bad),
		cmocka_unit_test(test_good_defaults),
		cmocka_unit_test(test_good_durations),
		cmocka_unit_test(test_good_limits),
		cmocka_unit_test(test_load_buffer_not_terminated),
		cmocka_unit_test(test_free_null),
		cmocka_unit_test(test_bad_syntax),
		cmocka_unit_test(test_bad_type),
		cmocka_unit_test(test_bad_top_level),
		cmocka_unit_test(test_bad_empty_file),
		cmocka_unit_test(test_bad_unknown_key),
		cmocka_unit_test(test_bad_missing_key),
		cmocka_unit_test(test_bad_enum_mode),
		cmocka_unit_test(test_bad_enum_per),
		cmocka_unit_test(test_bad_out_of_range),
		cmocka_unit_test(test_bad_zero_reps),
		cmocka_unit_test(test_bad_max_below_min),
		cmocka_unit_test(test_bad_times_max_below_times),
		cmocka_unit_test(test_bad_duplicate_id),
		cmocka_unit_test(test_bad_id_charset),
		cmocka_unit_test(test_bad_version),
		cmocka_unit_test(test_bad_mode_missing_key),
		cmocka_unit_test(test_bad_mode_foreign_key),
		cmocka_unit_test(test_bad_empty_exercises),
		cmocka_unit_test(test_bad_empty_steps),
		cmocka_unit_test(test_bad_empty_sets),
		cmocka_unit_test(test_bad_long_string),
		cmocka_unit_test(test_bad_long_id),
		cmocka_unit_test(test_bad_alias_bomb),
		cmocka_unit_test(test_bad_alias_count),
		cmocka_unit_test(test_bad_alias_undefined),
		cmocka_unit_test(test_bad_duration_decimal),
		cmocka_unit_test(test_bad_duration_unit),
		cmocka_unit_test(test_bad_duration_negative),
		cmocka_unit_test(test_bad_duration_words),
		cmocka_unit_test(test_bad_count_decimal),
		cmocka_unit_test(test_bad_count_with_unit),
		cmocka_unit_test(test_parse_duration),
		cmocka_unit_test(test_parse_count),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_directory),
		cmocka_unit_test(test_error_print),
		cmocka_unit_test(test_range_at),
		cmocka_unit_test(test_level_parse_and_name),
		cmocka_unit_test(test_lookup_order),
		cmocka_unit_test(test_source_names),
		cmocka_unit_test(test_shipped_catalogue),
		cmocka_unit_test(test_builtin_catalogue),
		cmocka_unit_test(test_bad_control_characters),
		cmocka_unit_test(test_bad_second_document),
		cmocka_unit_test(test_bad_too_deep),
		cmocka_unit_test(test_bad_deep_buffer),
		cmocka_unit_test(test_bad_reserved_ids),
		cmocka_unit_test(test_valid_id),
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_index_find),
		cmocka_unit_test(test_routines_good),
		cmocka_unit_test(test_routines_shipped),
		cmocka_unit_test(test_routines_bad),
		cmocka_unit_test(test_reserved_list),
	};

	return cmocka_run_group_tests_name("catalogue", tests, NULL, NULL);
}
