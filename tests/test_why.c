/*
 * test_why.c - the wording of `lumbar why ID` as pieces (why.h): the order
 * and kind of each, which the command wraps at 80 columns and the summary's
 * Tab view wraps to the screen. The words themselves are checked through
 * the command (tests/cli.d/ladder.sh) and the screen (tests/e2e.d/ladder.sh).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "catalogue_load.h"
#include "events.h"
#include "history.h"
#include "steps.h"
#include "why.h"
#include "words.h"

/* The pieces as they came: kind and text. */
struct pieces {
	unsigned n;
	enum why_piece kind[32];
	char text[32][200];
};

static void collect(void *ctx, enum why_piece piece, const char *text)
{
	struct pieces *p = ctx;

	assert_true(p->n < 32);
	p->kind[p->n] = piece;
	snprintf(p->text[p->n], sizeof(p->text[0]), "%s", text);
	p->n++;
}

/*
 * Child's pose after three acceptable sessions: its step, the rule, a blank
 * line, since when, the sessions' table (rows, never wrapped), now, and
 * the earliest day of the next step.
 */
static void test_pieces_of_a_ladder(void **state)
{
	static const char history[] = "2026-12-01T09:00:00Z\tchilds-pose\tdone\t30\t2\t2\t0/6\n"
	                              "2026-12-04T09:00:00Z\tchilds-pose\tdone\t30\t2\t2\t0/6\n"
	                              "2026-12-08T09:00:00Z\tchilds-pose\tdone\t30\t1\t2\t0/6\n";
	struct hist h = { 0 };
	struct ev_log ev = { 0 };
	struct hist_error err;
	struct steps_rules rules;
	struct prg_result res[CAT_MAX_EXERCISES];
	struct pieces p = { 0 };
	struct catalogue *cat;
	struct cat_error cerr;
	int32_t today = hist_day_from_civil(2026, 12, 8);
	(void)state;

	/* The shipped catalogue: Child's pose's ladder of 7 steps. */
	assert_int_equal(cat_load_buffer(cat_builtin_yaml, cat_builtin_yaml_len, &cat, &cerr),
	                 CAT_OK);
	int x = cat_find(cat, "childs-pose");
	assert_true(x >= 0);
	assert_int_equal(hist_parse(history, strlen(history), &h, NULL, NULL, &err), 0);
	steps_rules(&rules, cat, NULL);
	assert_int_equal(steps_derive(cat, &h, &ev, &rules, today, res), 0);
	why_exercise(cat, (unsigned)x, &res[x], &h, &rules.params, today, collect, &p);

	static const enum why_piece want[] = { WHY_PARA, WHY_PARA, WHY_GAP, WHY_PARA, WHY_ROW,
		                               WHY_ROW,  WHY_ROW,  WHY_ROW, WHY_PARA, WHY_PARA };
	assert_int_equal(p.n, sizeof(want) / sizeof(want[0]));
	for (unsigned i = 0; i < p.n; i++)
		assert_int_equal(p.kind[i], want[i]);
	assert_string_equal(p.text[0], "Child's pose: step 1 of 7: 30 s (next: 1 min)");
	assert_string_equal(p.text[1], words_progression_rule);
	assert_string_equal(p.text[2], "");
	assert_string_equal(p.text[3], "At this step since the start.");
	assert_string_equal(p.text[4], "Sessions at this step:");
	assert_string_equal(p.text[7], "  2026-12-08  done     pain 2 before, 1 after  acceptable");
	assert_string_equal(p.text[8], "Now: ready to step up: 3 acceptable sessions.");
	assert_string_equal(p.text[9], "Earliest day for the next step: 2026-12-08.");
	hist_free(&h);
	cat_free(cat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pieces_of_a_ladder),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
