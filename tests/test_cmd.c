/*
 * test_cmd.c - the command line as cmd.c reads it with verbs.c's table:
 * every spelling that a global option and a verb's own option share, and
 * which wins where (before the verb the global one, after it the verb's);
 * global options after a verb; the old option spellings; --today refused by
 * every command that writes. The handlers are stubs (as Puzzles' nullfe.c
 * stands for a front end): the table links without the screens.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "catalogue.h"
#include "cmd.h"
#include "verbs.h"

/* ---- Stubs for cmd_verbs.c's handlers ------------------------------------------- */

#define STUB(fn)                                                                                   \
	int fn(struct options *o)                                                                  \
	{                                                                                          \
		(void)o;                                                                           \
		return 0;                                                                          \
	}
STUB(verb_run_play)
STUB(verb_run_list)
STUB(verb_run_show)
STUB(verb_run_plan)
STUB(verb_run_check)
STUB(verb_run_history)
STUB(verb_run_checkin)
STUB(verb_run_activities)
STUB(verb_run_log)
STUB(verb_run_safety)
STUB(verb_run_due)
STUB(verb_run_progress)
STUB(verb_run_why)
STUB(verb_run_remind)
STUB(verb_run_pause)
STUB(verb_run_resume)
STUB(verb_run_status)
STUB(verb_run_report)
STUB(verb_run_calendar)
STUB(verb_run_merge)
STUB(verb_run_programme)
STUB(verb_run_help)
STUB(verb_run_reserved)
STUB(verb_run_version)
int cmd_flush_stdout(int rc)
{
	return rc;
}

/* ---- The table ------------------------------------------------------------------ */

/*
 * Split a command line at spaces (no quoting in the rows) into argv[32]
 * and read it; o points into buf and argv, as it points into main's argv.
 */
static int parse(const char *line, struct options *o, char *buf, size_t len, char **argv)
{
	int argc = 0;

	snprintf(buf, len, "lumbar %s", line);
	for (char *w = strtok(buf, " "); w && argc < 31; w = strtok(NULL, " "))
		argv[argc++] = w;
	argv[argc] = NULL;
	return cmd_parse(argc, argv, NULL, o);
}

enum { QUIET_PLAYER = 1, TSV = 2, HELP = 4, NAMED = 8 };

struct row {
	const char *line;
	int rc;
	const char *verb; /* the row chosen */
	unsigned given;   /* the verb's own options given */
	unsigned globals; /* QUIET_PLAYER (bell and flash off), TSV, HELP, NAMED */
	const char *vformat, *arg0, *catalogue;
};

static const struct row rows[] = {
	/* --quiet: before due the player's (no sound), after due due's script form. */
	{ "--quiet due", 0, "due", 0, QUIET_PLAYER | NAMED, NULL, NULL, NULL },
	{ "due --quiet", 0, "due", CMD_VO_QUIET, NAMED, NULL, NULL, NULL },
	{ "-q due --quiet", 0, "due", CMD_VO_QUIET, QUIET_PLAYER | NAMED, NULL, NULL, NULL },
	{ "due -q", 0, "due", 0, QUIET_PLAYER | NAMED, NULL, NULL, NULL },
	{ "morning --quiet", 0, "play", 0, QUIET_PLAYER, NULL, "morning", NULL },
	{ "list --quiet", 0, "list", 0, QUIET_PLAYER | NAMED, NULL, NULL, NULL },
	/* --format: due's, status's and report's own after them; the global tsv elsewhere. */
	{ "due --format=line", 0, "due", CMD_VO_FORMAT, NAMED, "line", NULL, NULL },
	{ "status --format=json", 0, "status", CMD_VO_FORMAT, NAMED, "json", NULL, NULL },
	{ "report --format csv", 0, "report", CMD_VO_FORMAT, NAMED, "csv", NULL, NULL },
	{ "list --format=tsv", 0, "list", 0, TSV | NAMED, NULL, NULL, NULL },
	{ "--format=tsv list", 0, "list", 0, TSV | NAMED, NULL, NULL, NULL },
	{ "progress --format=tsv", 0, "progress", 0, TSV | NAMED, NULL, NULL, NULL },
	{ "--format=tsv due", 0, "due", 0, TSV | NAMED, NULL, NULL, NULL },
	{ "--format=line due", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "list --format=line", 64, NULL, 0, 0, NULL, NULL, NULL },
	/* --help: the global one and every verb's are one. */
	{ "--help", 0, "play", 0, HELP, NULL, NULL, NULL },
	{ "--help plan", 0, "plan", 0, HELP | NAMED, NULL, NULL, NULL },
	{ "plan --help", 0, "plan", 0, HELP | NAMED, NULL, NULL, NULL },
	{ "report --help", 0, "report", 0, HELP | NAMED, NULL, NULL, NULL },
	/* --days: progress hold's; --output and -o: report's. */
	{ "progress hold cat-cow --days 3", 0, "progress", CMD_VO_DAYS, NAMED, NULL, "hold", NULL },
	{ "--plan --days 3", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "report -o r.md", 0, "report", CMD_VO_OUTPUT, NAMED, NULL, NULL, NULL },
	{ "report --output r.md", 0, "report", CMD_VO_OUTPUT, NAMED, NULL, NULL, NULL },
	{ "list -o r.md", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "due --count --install", 64, NULL, 0, 0, NULL, NULL, NULL },
	/* Global options before the verb and after it (issue 18.25). */
	{ "-C f.yaml report --weeks 2", 0, "report", CMD_VO_WEEKS, NAMED, NULL, NULL, "f.yaml" },
	{ "report --weeks 2 -C f.yaml", 0, "report", CMD_VO_WEEKS, NAMED, NULL, NULL, "f.yaml" },
	{ "--no-ask report", 0, "report", 0, NAMED, NULL, NULL, NULL },
	{ "--catalogue f.yaml due --count", 0, "due", CMD_VO_COUNT, NAMED, NULL, NULL, "f.yaml" },
	{ "remind --install -C f.yaml", 0, "remind", CMD_VO_INSTALL, NAMED, NULL, NULL, "f.yaml" },
	/* The old spellings are the verbs. */
	{ "--list", 0, "list", 0, NAMED, NULL, NULL, NULL },
	{ "--plan=morning", 0, "plan", 0, NAMED, NULL, "morning", NULL },
	{ "--plan morning", 0, "plan", 0, NAMED, NULL, "morning", NULL },
	{ "--show cat-cow", 0, "show", 0, NAMED, NULL, "cat-cow", NULL },
	{ "-H", 0, "history", 0, NAMED, NULL, NULL, NULL },
	{ "--check f.yaml", 0, "check", 0, NAMED, NULL, "f.yaml", NULL },
	{ "list --plan", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "--list plan", 64, NULL, 0, 0, NULL, NULL, NULL },
	/* No verb: the player; `play` reaches an id that is a verb; `--` ends the verbs. */
	{ "", 0, "play", 0, 0, NULL, NULL, NULL },
	{ "cat-cow", 0, "play", 0, 0, NULL, "cat-cow", NULL },
	{ "play why", 0, "play", 0, NAMED, NULL, "why", NULL },
	{ "-- why", 0, "play", 0, 0, NULL, "why", NULL },
	{ "-- --why", 0, "play", 0, 0, NULL, "--why", NULL },
	{ "--no-ask -- list", 0, "play", 0, 0, NULL, "list", NULL },
	{ "why", 0, "why", 0, NAMED, NULL, NULL, NULL },
	/* --today: the verbs that only read take it; every one that writes refuses it. */
	{ "--today 2026-12-01 report", 0, "report", 0, NAMED, NULL, NULL, NULL },
	{ "report --today 2026-12-01", 0, "report", 0, NAMED, NULL, NULL, NULL },
	{ "progress --today 2026-12-01", 0, "progress", 0, NAMED, NULL, NULL, NULL },
	/* A reader that does not answer as of a day yet says so. */
	{ "due --count --today 2026-12-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "list --today 2026-12-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "progress set cat-cow 2 --today 2026-12-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "progress hold cat-cow --today 2026-12-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "checkin 3 --today 2026-12-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	/* Issue 22: checkin --peg is checkin's; activities lists as of a day, and writes not. */
	{ "checkin --peg 5 4 6", 0, "checkin", CMD_VO_PEG, NAMED, NULL, "5", NULL },
	{ "checkin 5 4 6 --peg", 0, "checkin", CMD_VO_PEG, NAMED, NULL, "5", NULL },
	{ "checkin --peg 5 4 6 --today 2026-12-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	/* checkin --answer ID: the id is the option's, the answers the arguments. */
	{ "checkin --answer back5 1 - 0 4 3", 0, "checkin", CMD_VO_ANSWER, NAMED, NULL, "1", NULL },
	{ "checkin - 2 --answer=back5", 0, "checkin", CMD_VO_ANSWER, NAMED, NULL, "-", NULL },
	{ "checkin --answer back5 1 2 --today 2026-12-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "list --peg", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "activities --today 2026-12-01", 0, "activities", 0, NAMED, NULL, NULL, NULL },
	{ "activities rate 1 6 --today 2026-12-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "activities add socks --today 2026-12-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "pause --until 2026-12-09 --today 2026-12-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "resume --today 2026-12-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "remind --today 2026-12-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "due --today 2026-12-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "--today 2026-12-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "morning --today 2026-12-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "safety --today 2026-12-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "report --today 2026-13-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	/* --history: after calendar its own (past sessions), elsewhere the history verb. */
	{ "calendar --history", 0, "calendar", CMD_VO_HISTORY, NAMED, NULL, NULL, NULL },
	{ "calendar -o c.ics --history", 0, "calendar", CMD_VO_OUTPUT | CMD_VO_HISTORY, NAMED, NULL,
	  NULL, NULL },
	{ "--history calendar", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "report --history", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "merge a.tsv b.tsv", 0, "merge", 0, NAMED, NULL, "a.tsv", NULL },
	{ "merge", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "merge a.tsv --today 2026-12-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "calendar --today 2026-12-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	/* lumbar log (issue 22 §4): its options after it only; a writer, so no --today. */
	{ "log cat-cow", 0, "log", 0, NAMED, NULL, "cat-cow", NULL },
	{ "log morning --date 2026-12-01 --pain 3 --pain-before 2 --status partial", 0, "log",
	  CMD_VO_DATE | CMD_VO_PAIN | CMD_VO_PAIN_BEFORE | CMD_VO_STATUS, NAMED, NULL, "morning",
	  NULL },
	{ "log --pain=8 cat-cow", 0, "log", CMD_VO_PAIN, NAMED, NULL, "cat-cow", NULL },
	{ "-C f.yaml log cat-cow --date yesterday", 0, "log", CMD_VO_DATE, NAMED, NULL, "cat-cow",
	  "f.yaml" },
	{ "log", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "log cat-cow bridges", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "log cat-cow --today 2026-12-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "log cat-cow --date", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "--pain 3 log cat-cow", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "checkin 3 --pain 3", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "list --date 2026-12-01", 64, NULL, 0, 0, NULL, NULL, NULL },
	/* Arguments are counted by the row. */
	{ "show", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "plan morning evening", 64, NULL, 0, 0, NULL, NULL, NULL },
	{ "resume now", 64, NULL, 0, 0, NULL, NULL, NULL },
};

static void test_rows(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row *r = &rows[i];
		struct options o;
		char buf[256], *argv[32];
		int rc;

		/* A usage error is said on stderr too: the row wants the status. */
		rc = parse(r->line, &o, buf, sizeof(buf), argv);
		print_message("%s\n", r->line);
		assert_int_equal(rc, r->rc);
		if (rc != 0)
			continue;
		assert_string_equal(o.verb->name, r->verb);
		assert_int_equal(o.given, r->given);
		assert_int_equal(!o.bell && !o.flash, (r->globals & QUIET_PLAYER) != 0);
		assert_int_equal(o.tsv, (r->globals & TSV) != 0);
		assert_int_equal(o.help, (r->globals & HELP) != 0);
		assert_int_equal(o.verb_named, (r->globals & NAMED) != 0);
		if (r->vformat)
			assert_string_equal(o.vformat, r->vformat);
		else
			assert_null(o.vformat);
		if (r->arg0) {
			assert_true(o.n_args > 0);
			assert_string_equal(o.args[0], r->arg0);
		}
		if (r->catalogue)
			assert_string_equal(o.catalogue, r->catalogue);
	}
}

/* lumbar log's values reach it as given: the handler checks them. */
static void test_log_values(void **state)
{
	struct options o;
	char buf[256], *argv[32];

	(void)state;
	assert_int_equal(parse("log cat-cow --status partial --pain-before 2 --pain 7 --date "
	                       "2026-12-01",
	                       &o, buf, sizeof(buf), argv),
	                 0);
	assert_string_equal(o.status, "partial");
	assert_string_equal(o.pain_before, "2");
	assert_string_equal(o.pain, "7");
	assert_string_equal(o.date, "2026-12-01");
	assert_int_equal(parse("log cat-cow", &o, buf, sizeof(buf), argv), 0);
	assert_null(o.status);
	assert_null(o.pain);
	assert_null(o.pain_before);
	assert_null(o.date);
	assert_true(cmd_writes(&o));
}

/* checkin --answer's id reaches it as given, and up to 30 answers (a clinic's longest). */
static void test_answer_values(void **state)
{
	struct options o;
	char buf[256], *argv[32];

	(void)state;
	assert_int_equal(
	    parse("checkin --answer rmdq 1 0 1 0 1 0 1 0 1 0 1 0 1 0 1 0 1 0 1 0 1 0 1 "
	          "0",
	          &o, buf, sizeof(buf), argv),
	    0);
	assert_string_equal(o.answer, "rmdq");
	assert_int_equal(o.n_args, 24);
	assert_true(cmd_writes(&o));
	assert_int_equal(parse("checkin 3", &o, buf, sizeof(buf), argv), 0);
	assert_null(o.answer);
}

/* --no-figure: the player without its figure, before or after the verb; on by default. */
static void test_no_figure(void **state)
{
	static const struct {
		const char *line;
		bool figure, set;
	} figs[] = {
		{ "knee-to-chest", true, false },
		{ "--no-figure knee-to-chest", false, true },
		{ "knee-to-chest --no-figure", false, true },
		{ "all --no-figure", false, true },
		{ "due --no-figure", false, true },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(figs) / sizeof(figs[0]); i++) {
		struct options o;
		char buf[256], *argv[32];

		assert_int_equal(parse(figs[i].line, &o, buf, sizeof(buf), argv), 0);
		if (o.figure != figs[i].figure || o.set_figure != figs[i].set)
			fail_msg("%s: figure %d set %d", figs[i].line, o.figure, o.set_figure);
	}
}

/* --lines: the line mode (issue 24), before or after the verb; off by default. */
static void test_lines(void **state)
{
	static const struct {
		const char *line;
		bool lines;
	} modes[] = {
		{ "knee-to-chest", false },        { "--lines", true },
		{ "--lines knee-to-chest", true }, { "knee-to-chest --lines", true },
		{ "all --lines", true },           { "due --lines", true },
		{ "safety --lines", true },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		struct options o;
		char buf[256], *argv[32];

		assert_int_equal(parse(modes[i].line, &o, buf, sizeof(buf), argv), 0);
		if (o.lines != modes[i].lines)
			fail_msg("%s: lines %d", modes[i].line, o.lines);
	}
}

/* Every verb is a word no catalogue id takes, or one it takes with a warning. */
static void test_verbs_reserved(void **state)
{
	(void)state;
	for (unsigned i = 0; i < n_verbs; i++) {
		print_message("%s\n", verbs[i].name);
		assert_true(cat_id_reserved(verbs[i].name) || cat_id_later_verb(verbs[i].name));
		/* A row that is not yet there is only a later verb: an old id stays valid. */
		if (verbs[i].flags & VERB_RESERVED)
			assert_true(cat_id_later_verb(verbs[i].name));
	}
	assert_false(cat_id_later_verb("cat-cow"));
}

/* What each row says of writing is what cmd_writes() says. */
static void test_writes(void **state)
{
	(void)state;
	for (unsigned i = 0; i < n_verbs; i++) {
		struct options o = { .verb = &verbs[i] };

		if (verbs[i].writes == NULL)
			assert_int_equal(cmd_writes(&o), (verbs[i].flags & VERB_WRITES) != 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),          cmocka_unit_test(test_no_figure),
		cmocka_unit_test(test_lines),         cmocka_unit_test(test_verbs_reserved),
		cmocka_unit_test(test_log_values),    cmocka_unit_test(test_writes),
		cmocka_unit_test(test_answer_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
