/*
 * test_questionnaire.c - questionnaires as data (issue 22 §1): the shipped
 * PEG and "My activities" load as the man page says, and every class of
 * mistake in a clinic's file is pinned to its exact message and position,
 * since those are what a physiotherapist reads from `lumbar check`.
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

#include "questionnaire.h"

/* A valid questionnaire: rows below change one line of it. */
#define HEAD                                                                                       \
	"id: odi-short\n"                                                                          \
	"version: 2\n"                                                                             \
	"title: \"A clinic's form\"\n"                                                             \
	"recall: \"today\"\n"
#define SCALE                                                                                      \
	"scale:\n"                                                                                 \
	"  min: 0\n"                                                                               \
	"  max: 5\n"                                                                               \
	"  anchors: { low: \"none\", high: \"all the time\" }\n"
#define TAIL                                                                                       \
	"scoring: sum\n"                                                                           \
	"every_days: 28\n"                                                                         \
	"items:\n"                                                                                 \
	"  - text: \"Walking\"\n"                                                                  \
	"  - text: \"Sitting\"\n"                                                                  \
	"    anchors: { low: \"no trouble\", high: \"cannot sit\" }\n"

static void test_shipped(void **state)
{
	struct questionnaire q;
	struct cat_error err = { 0 };

	(void)state;
	assert_int_equal(q_load_buffer(q_builtin_peg_yaml, q_builtin_peg_yaml_len, &q, &err),
	                 CAT_OK);
	assert_string_equal(q.id, "peg");
	assert_int_equal(q.version, 1);
	assert_string_equal(q.recall, "in the past week");
	assert_int_equal(q.min, 0);
	assert_int_equal(q.max, 10);
	assert_int_equal(q.n_items, 3);
	assert_int_equal(q.scoring, Q_SCORE_MEAN);
	assert_string_equal(q_scoring_name(q.scoring), "mean");
	assert_int_equal(q.every_days, 7);
	assert_int_equal(q.max_active, 0);
	assert_string_equal(q.item[0].anchors.low, "no pain");
	assert_string_equal(q.item[1].anchors.high, "completely interferes");
	assert_non_null(strstr(q.item[1].text, "enjoyment of life"));
	assert_non_null(strstr(q.item[2].text, "general activity"));

	assert_int_equal(
	    q_load_buffer(q_builtin_activities_yaml, q_builtin_activities_yaml_len, &q, &err),
	    CAT_OK);
	assert_string_equal(q.id, "activities");
	assert_int_equal(q.scoring, Q_SCORE_EACH);
	assert_string_equal(q_scoring_name(q.scoring), "each");
	assert_int_equal(q.every_days, 14);
	assert_int_equal(q.max_active, 3);
	assert_int_equal(q.n_items, 0);
	assert_string_equal(q.anchors.low, "unable to perform the activity");
	assert_string_equal(q.anchors.high, "able to perform it at the level before the problem");
}

static void test_clinic_file(void **state)
{
	static const char yaml[] = HEAD SCALE TAIL;
	struct questionnaire q;
	struct cat_error err = { 0 };

	(void)state;
	assert_int_equal(q_load_buffer(yaml, strlen(yaml), &q, &err), CAT_OK);
	assert_string_equal(q.id, "odi-short");
	assert_int_equal(q.version, 2);
	assert_int_equal(q.max, 5);
	assert_int_equal(q.n_items, 2);
	assert_int_equal(q.scoring, Q_SCORE_SUM);
	/* An item without anchors has the scale's. */
	assert_string_equal(q.item[0].anchors.high, "all the time");
	assert_string_equal(q.item[1].anchors.high, "cannot sit");
}

static const struct {
	const char *name, *yaml;
	unsigned line, col;
	const char *msg;
} errors[] = {
	{ "missing items", HEAD SCALE "scoring: sum\nevery_days: 28\n", 1, 1,
	  "missing required key 'items' (or 'activities')" },
	{ "empty items", HEAD SCALE "scoring: sum\nevery_days: 28\nitems: []\n", 11, 8,
	  "items is empty (at least 1 needed)" },
	{ "missing scale anchors", HEAD "scale:\n  min: 0\n  max: 5\n" TAIL, 6, 3,
	  "scale: missing required key 'anchors'" },
	{ "anchor without high",
	  HEAD "scale:\n  min: 0\n  max: 5\n  anchors: { low: \"none\" }\n" TAIL, 8, 12,
	  "scale.anchors: missing required key 'high'" },
	{ "an item's empty anchor",
	  HEAD SCALE "scoring: sum\nevery_days: 28\nitems:\n  - text: \"Walking\"\n"
	             "    anchors: { low: \"\", high: \"x\" }\n",
	  13, 21, "items[0].anchors.low is empty" },
	{ "max below min", HEAD "scale:\n  min: 5\n  max: 5\n  anchors: { low: a, high: b }\n" TAIL,
	  7, 8, "scale: max (5) must be above min (5)" },
	{ "scale not a number",
	  HEAD "scale:\n  min: 0\n  max: 10x\n  anchors: { low: a, high: b }\n" TAIL, 7, 8,
	  "scale.max: expected a whole number from 0 to 100" },
	{ "bad scoring", HEAD SCALE "scoring: median\nevery_days: 28\nitems:\n  - text: a\n", 9, 10,
	  "scoring: 'median' is not mean, sum or each" },
	{ "each without activities",
	  HEAD SCALE "scoring: each\nevery_days: 28\nitems:\n  - text: a\n", 9, 10,
	  "scoring: each is for activities; items score mean or sum" },
	{ "activities scored by sum", HEAD SCALE "scoring: sum\nevery_days: 14\nactivities: 3\n", 9,
	  10, "scoring: activities are scored each" },
	{ "activities and items",
	  HEAD SCALE "scoring: each\nevery_days: 14\nactivities: 3\nitems:\n  - text: a\n", 11, 1,
	  "activities and items: a questionnaire has one or the other" },
	{ "every_days zero", HEAD SCALE "scoring: sum\nevery_days: 0\nitems:\n  - text: a\n", 10,
	  13, "every_days: expected a whole number from 1 to 365" },
	{ "bad id", "id: Big Form\nversion: 1\ntitle: t\nrecall: r\n" SCALE TAIL, 1, 5,
	  "id: expected 1-32 of a-z, 0-9 and -" },
	{ "version zero", "id: f\nversion: 0\ntitle: t\nrecall: r\n" SCALE TAIL, 2, 10,
	  "version: expected a whole number from 1 to 9999" },
	{ "unknown key", HEAD SCALE TAIL "colour: red\n", 15, 1, "unknown key 'colour'" },
	{ "unknown key in an item",
	  HEAD SCALE "scoring: sum\nevery_days: 28\nitems:\n  - text: a\n    txet: b\n", 13, 5,
	  "items[0]: unknown key 'txet'" },
	{ "missing title", "id: f\nversion: 1\nrecall: r\n" SCALE TAIL, 1, 1,
	  "missing required key 'title'" },
	{ "empty file", "# nothing\n", 0, 0,
	  "the file is empty (a questionnaire needs id, version, title, ...)" },
};

static void test_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
		struct questionnaire q;
		struct cat_error err = { 0 };

		memset(&q, 0x5a, sizeof(q));
		enum cat_status st =
		    q_load_buffer(errors[i].yaml, strlen(errors[i].yaml), &q, &err);
		if (st != CAT_EINVALID || err.line != errors[i].line || err.col != errors[i].col ||
		    strcmp(err.msg, errors[i].msg) != 0)
			print_error("row '%s': got %d %u:%u: %s\n", errors[i].name, st, err.line,
			            err.col, err.msg);
		assert_int_equal(st, CAT_EINVALID);
		assert_string_equal(err.msg, errors[i].msg);
		assert_int_equal(err.line, errors[i].line);
		assert_int_equal(err.col, errors[i].col);
		/* Untouched on failure. */
		assert_int_equal((unsigned char)q.id[0], 0x5a);
	}
}

/* A folder of the clinic's files, in a temporary folder. */
static void write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_set(void **state)
{
	char dir[] = "/tmp/test_questionnaire.XXXXXX";
	struct q_set *set = malloc(sizeof(*set));
	struct q_failure *fail = malloc(sizeof(*fail));
	char path[600];

	(void)state;
	assert_non_null(mkdtemp(dir));
	/* No folder: the shipped two. */
	snprintf(path, sizeof(path), "%s/none", dir);
	assert_int_equal(q_set_load(path, set, fail), CAT_OK);
	assert_int_equal(set->n, 2);
	assert_string_equal(set->q[0].id, "peg");
	assert_string_equal(set->q[1].id, "activities");

	write_file(dir, "form.yaml", HEAD SCALE TAIL);
	write_file(dir, "notes.txt", "not a questionnaire");
	assert_int_equal(q_set_load(dir, set, fail), CAT_OK);
	assert_int_equal(set->n, 3);
	assert_non_null(q_find(set, "odi-short"));
	assert_null(q_find(set, "rmdq"));

	/* A second file with the same id is named, at its id. */
	write_file(dir, "form2.yaml", "\n" HEAD SCALE TAIL);
	assert_int_equal(q_set_load(dir, set, fail), CAT_EINVALID);
	snprintf(path, sizeof(path), "%s/form2.yaml", dir);
	assert_string_equal(fail->file, path);
	assert_string_equal(fail->err.msg, "id: 'odi-short' is already a questionnaire's id");
	assert_int_equal(fail->err.line, 2);
	assert_int_equal(fail->err.col, 5);

	/* A shipped id is taken too. */
	write_file(dir, "form2.yaml", "id: peg\nversion: 1\ntitle: t\nrecall: r\n" SCALE TAIL);
	assert_int_equal(q_set_load(dir, set, fail), CAT_EINVALID);
	assert_string_equal(fail->err.msg,
	                    "id: 'peg' is already a questionnaire's id (a shipped one)");

	/* A broken file is named with its own error; the others load all the same. */
	write_file(dir, "form2.yaml", HEAD SCALE TAIL "colour: red\n");
	write_file(dir, "a.yaml", "id: [\n");
	assert_int_equal(q_set_load(dir, set, fail), CAT_EINVALID);
	snprintf(path, sizeof(path), "%s/a.yaml", dir);
	assert_string_equal(fail->file, path);
	assert_int_equal(set->n, 3);
	assert_non_null(q_find(set, "odi-short"));
	unlink(path);
	assert_int_equal(q_set_load(dir, set, fail), CAT_EINVALID);
	assert_string_equal(fail->err.msg, "unknown key 'colour'");
	assert_int_equal(fail->err.line, 15);
	assert_int_equal(set->n, 3);
	snprintf(path, sizeof(path), "%s/form2.yaml", dir);

	unlink(path);
	snprintf(path, sizeof(path), "%s/form.yaml", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/notes.txt", dir);
	unlink(path);
	rmdir(dir);
	free(set);
	free(fail);
}

static void test_dir(void **state)
{
	char buf[256];

	(void)state;
	assert_int_equal(q_dir("/x/cfg", "/home/a", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/x/cfg/lumbar/questionnaires");
	assert_int_equal(q_dir(NULL, "/home/a", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/home/a/.config/lumbar/questionnaires");
	assert_int_equal(q_dir(NULL, NULL, buf, sizeof(buf)), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped), cmocka_unit_test(test_clinic_file),
		cmocka_unit_test(test_errors),  cmocka_unit_test(test_set),
		cmocka_unit_test(test_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
