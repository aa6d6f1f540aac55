/*
 * test_merge.c - conflict copies from a second machine and `lumbar merge`
 * (merge.h): which names are copies, which lines a copy adds and in what
 * order, the append under the lock that never touches the old bytes, a
 * merge run twice, and the notice that stops naming a merged copy.
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

#include "events.h"
#include "file.h"
#include "merge.h"

/* ---- Names ------------------------------------------------------------------------ */

static const struct {
	const char *base, *name;
	bool copy;
} names[] = {
	{ "history.tsv", "history.sync-conflict-20261207-101010-ABCDEFG.tsv", true },
	{ "history.tsv", "history (1).tsv", true },
	{ "history.tsv", "history (2).tsv", true },
	{ "history.tsv", "history (laptop's conflicted copy 2026-12-07).tsv", true },
	{ "events.tsv", "events.sync-conflict-20261207-101010-ABCDEFG.tsv", true },
	{ "events.tsv", "events (1).tsv", true },
	{ "my.log", "my (1).log", true },
	{ "history.tsv", "history.tsv", false },
	{ "history.tsv", "history.tsv.tmp", false },
	{ "history.tsv", "history (1).csv", false },
	{ "history.tsv", "history ().tsv", false },
	{ "history.tsv", "history.sync-conflict-.tsv", false },
	{ "history.tsv", "myhistory (1).tsv", false },
	{ "history.tsv", "events (1).tsv", false },
	{ "events.tsv", "history (1).tsv", false },
	{ "history.tsv", "history(1).tsv", false },
};

static void test_names(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		print_message("%s %s\n", names[i].base, names[i].name);
		assert_int_equal(merge_is_copy(names[i].base, names[i].name), names[i].copy);
	}
}

static void test_kind_of(void **state)
{
	static const char hist[] = "# timestamp\n"
	                           "2026-12-05T07:15:03+01:00\tcat-cow\tdone\t40\t3\t2\t-\n";
	static const char ev[] = "2026-12-05T07:02:11+01:00\tmorning\t-\t4\t-\n";
	static const char neither[] = "# nothing\nhello\tworld\n";

	(void)state;
	assert_int_equal(merge_kind_of(hist, strlen(hist)), MERGE_HISTORY);
	assert_int_equal(merge_kind_of(ev, strlen(ev)), MERGE_EVENTS);
	assert_int_equal(merge_kind_of(neither, strlen(neither)), -1);
}

/* ---- What a copy adds --------------------------------------------------------------- */

#define L(t, id) "2026-12-0" t "+01:00\t" id "\tdone\t40\t-\t-\t-"

static const char common[] =
    "# timestamp\n" L("1T07:00:00", "cat-cow") "\n" L("2T07:00:00", "cat-cow") "\n";

struct warned {
	unsigned n, line;
};

static void warn(void *ctx, unsigned line, const char *why)
{
	struct warned *w = ctx;

	(void)why;
	w->n++;
	w->line = line;
}

/* Rows: the real file, two copies, and the lines expected, in order. */
static const struct {
	const char *what, *real, *a, *b, *want;
	unsigned warned;
} rows[] = {
	{ "nothing new", L("1T07:00:00", "cat-cow") "\n", L("1T07:00:00", "cat-cow") "\n", "", "",
	  0 },
	{ "the copy's own line after the common part",
	  L("1T07:00:00", "cat-cow") "\n" L("3T09:00:00", "bird-dog") "\n",
	  L("1T07:00:00", "cat-cow") "\n" L("3T08:00:00", "cat-cow") "\n", "",
	  L("3T08:00:00", "cat-cow") "\n", 0 },
	{ "two copies: each line once, in time order, whatever order they came in", "",
	  L("4T08:00:00", "a") "\n" L("2T08:00:00", "b") "\n",
	  L("2T08:00:00", "b") "\n" L("3T08:00:00", "c") "\n",
	  L("2T08:00:00", "b") "\n" L("3T08:00:00", "c") "\n" L("4T08:00:00", "a") "\n", 0 },
	{ "an instant decides, not the date as written", "",
	  L("2T08:00:00", "a") "\n"
	                       "2026-12-02T08:30:00+02:00\tb\tdone\t40\t-\t-\t-\n",
	  "", "2026-12-02T08:30:00+02:00\tb\tdone\t40\t-\t-\t-\n" L("2T08:00:00", "a") "\n", 0 },
	{ "a CRLF line is the same line", L("1T07:00:00", "a") "\n", L("1T07:00:00", "a") "\r\n",
	  "", "", 0 },
	{ "a damaged line is named and left out", "",
	  "# head\n" L("1T07:00:00", "a") "\nnot a line\n", "", L("1T07:00:00", "a") "\n", 1 },
	{ "the same line twice in a copy comes once", "",
	  L("1T07:00:00", "a") "\n" L("1T07:00:00", "a") "\n", "", L("1T07:00:00", "a") "\n", 0 },
};

static void test_missing(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct warned w = { 0 };
		struct merge_src src[2] = { { rows[i].a, strlen(rows[i].a), warn, &w },
			                    { rows[i].b, strlen(rows[i].b), warn, &w } };
		char *out;
		size_t len, n;

		print_message("%s\n", rows[i].what);
		n = merge_missing(MERGE_HISTORY, rows[i].real, strlen(rows[i].real), src, 2, &out,
		                  &len);
		assert_int_equal(len, strlen(rows[i].want));
		if (len)
			assert_memory_equal(out, rows[i].want, len);
		size_t nl = 0;
		for (size_t k = 0; k < len; k++)
			nl += out[k] == '\n';
		assert_int_equal(n, nl);
		assert_int_equal(w.n, rows[i].warned);
		free(out);
	}
}

/* Events: a kind a newer lumbar writes is kept; a bad line is not. */
static void test_missing_events(void **state)
{
	static const char copy[] = "2026-12-05T07:02:11+01:00\tmorning\t-\t4\t-\n"
	                           "2026-12-05T07:01:00+01:00\tfuture-kind\t-\t-\t-\n"
	                           "2026-12-05T07:03:00+01:00\tmorning\t-\t44\t-\n";
	struct warned w = { 0 };
	struct merge_src src = { copy, strlen(copy), warn, &w };
	char *out;
	size_t len;

	(void)state;
	assert_int_equal(merge_missing(MERGE_EVENTS, NULL, 0, &src, 1, &out, &len), 2);
	assert_string_equal(out, "2026-12-05T07:01:00+01:00\tfuture-kind\t-\t-\t-\n"
	                         "2026-12-05T07:02:11+01:00\tmorning\t-\t4\t-\n");
	assert_int_equal(w.n, 1);
	assert_int_equal(w.line, 3);
	free(out);
}

/* ---- Files ---------------------------------------------------------------------------- */

static char dir[64];

static void path_of(char *buf, size_t len, const char *name)
{
	snprintf(buf, len, "%s/%s", dir, name);
}

static void put(const char *name, const char *text)
{
	char p[128];
	FILE *f;

	path_of(p, sizeof(p), name);
	f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static char *get(const char *name, size_t *len)
{
	char p[128], *buf = NULL;

	path_of(p, sizeof(p), name);
	assert_int_equal(file_read(p, 1 << 20, FILE_FOLLOW, &buf, len), 0);
	return buf;
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/test_merge.XXXXXX");
	assert_non_null(mkdtemp(dir));
	chmod(dir, 0700);
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

/*
 * Two machines diverge after a common part: the real file gains lines on
 * one, the copy on the other. The merge keeps the real file's bytes as they
 * were and adds the copy's lines after them, each once; run again, it adds
 * nothing.
 */
static void test_merge_files(void **state)
{
	static const char mine[] = L("3T07:00:00", "mine") "\n" L("5T07:00:00", "mine") "\n";
	static const char theirs[] = L("4T07:00:00", "theirs") "\n" L("3T08:00:00", "theirs") "\n";
	char real[128], *before, *after, *copy, *again;
	size_t blen, alen, clen, glen;
	struct hist_error err;

	(void)state;
	path_of(real, sizeof(real), "history.tsv");
	{
		char text[1024];

		snprintf(text, sizeof(text), "%s%s", common, mine);
		put("history.tsv", text);
		snprintf(text, sizeof(text), "%s%s", common, theirs);
		put("history.sync-conflict-20261207-101010-ABCDEFG.tsv", text);
	}
	before = get("history.tsv", &blen);
	copy = get("history.sync-conflict-20261207-101010-ABCDEFG.tsv", &clen);

	struct merge_src src = { copy, clen, NULL, NULL };
	assert_int_equal(merge_into(real, MERGE_HISTORY, &src, 1, &err), 2);
	after = get("history.tsv", &alen);
	assert_true(alen > blen);
	assert_memory_equal(after, before, blen); /* the old bytes untouched */
	assert_string_equal(after + blen,
	                    L("3T08:00:00", "theirs") "\n" L("4T07:00:00", "theirs") "\n");

	/* Again: nothing added, the file as it was. */
	assert_int_equal(merge_into(real, MERGE_HISTORY, &src, 1, &err), 0);
	again = get("history.tsv", &glen);
	assert_int_equal(glen, alen);
	assert_memory_equal(again, after, alen);
	free(before);
	free(after);
	free(copy);
	free(again);
	path_of(real, sizeof(real), "history.sync-conflict-20261207-101010-ABCDEFG.tsv");
	unlink(real);
}

/* A real file not there yet gets its header, then the lines. */
static void test_merge_new_events_file(void **state)
{
	static const char copy[] = "2026-12-05T07:02:11+01:00\tmorning\t-\t4\t-\n";
	struct merge_src src = { copy, strlen(copy), NULL, NULL };
	struct hist_error err;
	char real[128], *got;
	size_t len;

	(void)state;
	path_of(real, sizeof(real), "events.tsv");
	unlink(real);
	assert_int_equal(merge_into(real, MERGE_EVENTS, &src, 1, &err), 1);
	got = get("events.tsv", &len);
	assert_int_equal(strncmp(got, ev_header, strlen(ev_header)), 0);
	assert_string_equal(got + strlen(ev_header), copy);
	free(got);
	unlink(real);
}

/* The notice names a copy while it holds lines the real file lacks, and then no more. */
static void test_notice(void **state)
{
	char real[128], msg[1024], *copy;
	size_t clen;
	struct hist_error err;

	(void)state;
	path_of(real, sizeof(real), "history.tsv");
	put("history.tsv", common);
	put("history (1).tsv", common);
	assert_int_equal(merge_notice(real, msg, sizeof(msg)), 0);
	assert_string_equal(msg, "");

	put("history (1).tsv", L("1T07:00:00", "cat-cow") "\n" L("6T07:00:00", "new") "\n");
	assert_int_equal(merge_notice(real, msg, sizeof(msg)), 1);
	assert_non_null(strstr(msg, "history (1).tsv'"));
	assert_non_null(strstr(msg, "lumbar merge"));

	copy = get("history (1).tsv", &clen);
	struct merge_src src = { copy, clen, NULL, NULL };
	assert_int_equal(merge_into(real, MERGE_HISTORY, &src, 1, &err), 1);
	assert_int_equal(merge_notice(real, msg, sizeof(msg)), 0);
	free(copy);

	/* The copy stays: deleting it is the person's choice. */
	path_of(msg, sizeof(msg), "history (1).tsv");
	assert_int_equal(access(msg, F_OK), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),       cmocka_unit_test(test_kind_of),
		cmocka_unit_test(test_missing),     cmocka_unit_test(test_missing_events),
		cmocka_unit_test(test_merge_files), cmocka_unit_test(test_merge_new_events_file),
		cmocka_unit_test(test_notice),
	};

	setenv("TZ", "Europe/Paris", 1);
	return cmocka_run_group_tests(tests, setup, teardown);
}
