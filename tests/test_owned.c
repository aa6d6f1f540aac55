/*
 * test_owned.c - lumbar's own files of a history, and the paths that cannot
 * be a history because they are one of them (issue 18, items 2 and 17).
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

#include "owned.h"

static void test_the_files_of_a_history(void **state)
{
	struct own_files f;
	(void)state;

	own_files("/nowhere/h/history.tsv", "/nowhere/state", NULL, &f);
	assert_string_equal(f.list[0], "/nowhere/h/history.tsv");
	assert_string_equal(f.list[1], "/nowhere/h/events.tsv");
	assert_string_equal(f.list[2], "/nowhere/h/remind.lock");
	/* The progress file is named after the history, in the state folder. */
	assert_int_equal(strncmp(f.list[3], "/nowhere/state/lumbar/history.tsv-", 34), 0);
	assert_string_equal(f.list[3] + strlen(f.list[3]) - 9, ".progress");
	assert_int_equal(strlen(f.list[3]), 34 + 16 + 9);
	assert_string_equal(f.list[4] + strlen(f.progress), ".lock");
	assert_int_equal(strncmp(f.list[4], f.list[3], strlen(f.list[3])), 0);
	assert_null(f.list[5]);

	/* No state folder (no HOME, no XDG_STATE_HOME): no progress file. */
	own_files("h.tsv", NULL, NULL, &f);
	assert_string_equal(f.list[0], "h.tsv");
	assert_string_equal(f.list[1], "events.tsv");
	assert_string_equal(f.list[2], "remind.lock");
	assert_null(f.list[3]);
}

static void test_histories_that_are_lumbars_other_files(void **state)
{
	static const struct {
		const char *history, *why;
	} rows[] = {
		{ "/nowhere/h/history.tsv", NULL },
		{ "history.tsv", NULL },
		{ "/nowhere/h/events.tsv", "lumbar's events file" },
		{ "events.tsv", "lumbar's events file" },
		{ "/nowhere/h/../events.tsv", "lumbar's events file" },
		{ "/nowhere/h/events.tsv.old", NULL },
		{ "/nowhere/s/lumbar/history.tsv-0123456789abcdef.progress", "a progress file" },
		{ "/nowhere/s/lumbar/history.tsv-0123456789abcdef.progress.lock",
		  "a progress file's lock" },
		{ "/nowhere/h/my.progress.tsv", NULL },
	};
	(void)state;

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *why = own_history_clash(rows[i].history, "/nowhere/s", NULL);
		if (!rows[i].why)
			assert_null(why);
		else
			assert_string_equal(why, rows[i].why);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_files_of_a_history),
		cmocka_unit_test(test_histories_that_are_lumbars_other_files),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
