/*
 * test_app.c - a session's life without a terminal, one row of a table per
 * case: a script of what a person (or a signal) does to a plan, and what is
 * then in the history, in the progress file, and on the summary's heading.
 * "The terminal closes" is app_leave(JOURNAL_HANGUP), "the next start" a
 * fresh app on the same files. Time is the script's: 10 ms per step.
 *
 * The catalogue is the terminal tests' (tests/fixtures/e2e-short.yaml):
 *   side-hold: prepare, L1, rest, L2, switch, R1, rest, R2   (8 phases)
 *   bridges:   prepare, Bridges x2, rest, Plank               (4 phases)
 */
#include <errno.h>
#include <ftw.h>
#include <signal.h>
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

#include "app.h"
#include "catalogue_load.h"

#define WALL0 ((time_t)1800000000) /* the wall time at ms 0 */

static char tmpdir[64], history_file[128], progress_file[128];
static struct catalogue *cat, *other;
static struct plan_dose dose; /* every exercise at step 0 */

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int setup(void **state)
{
	struct cat_error err;

	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/lumbar-app-XXXXXX");
	assert_non_null(mkdtemp(tmpdir));
	snprintf(history_file, sizeof(history_file), "%s/history.tsv", tmpdir);
	snprintf(progress_file, sizeof(progress_file), "%s/state/history.progress", tmpdir);
	assert_int_equal(cat_load_file("tests/fixtures/e2e-short.yaml", &cat, &err), CAT_OK);
	assert_int_equal(cat_load_buffer(cat_builtin_yaml, cat_builtin_yaml_len, &other, &err),
	                 CAT_OK);
	memset(&dose, 0, sizeof(dose));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	nftw(tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	cat_free(cat);
	cat_free(other);
	return 0;
}

/*
 * The session field (the 7th after the timestamp) of the line that ends at
 * out[*off] said as S1, S2... in the order the ids first appear, so that a
 * row says which lines one run wrote; `-` stays `-`.
 */
static void session_name(char *out, size_t *off, char ids[][20], unsigned *n)
{
	char *p, *start = out + *off - (*off > 0), *end;
	unsigned tabs = 0, i;

	while (start > out && start[-1] != '\n')
		start--;
	for (p = start; p < out + *off && tabs < 6; p++)
		tabs += *p == '\t';
	end = strchr(p, '\t');
	if (tabs < 6 || !end || (end - p == 1 && *p == '-'))
		return;
	for (i = 0; i < *n && !(strlen(ids[i]) == (size_t)(end - p) &&
	                        !strncmp(ids[i], p, (size_t)(end - p)));
	     i++)
		;
	if (i == *n && *n < 8)
		snprintf(ids[(*n)++], 20, "%.*s", (int)(end - p), p);
	char name[8], rest[512];
	snprintf(name, sizeof(name), "S%u", i + 1);
	snprintf(rest, sizeof(rest), "%s", end);
	*off = (size_t)(p - out) + (size_t)sprintf(p, "%s%s", name, rest);
}

/* The history's lines without their timestamps, one string. */
static void history_text(char *out, size_t len)
{
	char line[512], sessions[8][20];
	unsigned n_sessions = 0;
	size_t off = 0;
	FILE *fp = fopen(history_file, "r");

	out[0] = '\0';
	if (!fp)
		return;
	while (fgets(line, sizeof(line), fp)) {
		const char *tab = strchr(line, '\t');

		if (line[0] == '#' || !tab)
			continue;
		off += (size_t)snprintf(out + off, len - off, "%s", tab + 1);
		session_name(out, &off, sessions, &n_sessions);
	}
	fclose(fp);
}

/*
 * One step of a script:
 *   P routine "all", asking pain-before (arg 1) or not (0); O one exercise
 *     (side-hold), asking (arg 1) or not
 *   B pain-before arg; n next phase, arg times; W play the current phase to
 *     its end (time passes), arg times; k skip the exercise
 *   x stop; S the stop's score arg; N n after a stop; e e after a stop
 *   f the summary's answer: pain arg (-1 none); q q then y (one exercise,
 *     or nothing pending); Y q then y in a routine (app_quit(): arg 1 when
 *     something is pending, for the end's question); H SIGHUP;
 *   T SIGTERM; Q SIGQUIT; I SIGINT (Ctrl-C); F flush (a frame went out)
 *   D the history becomes a folder; U it is a file again
 *   R the next start: a fresh app on the same files, which looks for a
 *     routine to resume; C the same with another catalogue (the built-in
 *     one, without these exercises); y yes to the question; r no
 *   p expect the progress file (arg 1) or none (0)
 *   o expect the resume question at exercise s (NULL: no question)
 *   h expect the heading arg (enum app_headline)
 */
struct op {
	char op;
	int arg;
	const char *s;
};

struct acase {
	const char *name;
	struct op ops[16];
	const char *history; /* every line after its timestamp */
};

/* The routine of two, played to its end, phase by phase, from its first phase. */
#define WALK_ALL                                                                                   \
	{                                                                                          \
		'W', 12, NULL                                                                      \
	}

/* clang-format off */
static const struct acase cases[] = {
	{ "a routine walked to its end and scored",
	  { { 'P', 0, NULL }, WALK_ALL, { 'F', 0, NULL }, { 'p', 1, NULL },
	    { 'h', APP_ROUTINE_COMPLETE, NULL }, { 'f', 5, NULL }, { 'p', 0, NULL } },
	  "side-hold\tdone\t12\t5\t-\t0/0\tS1\ttimer\nbridges\tdone\t6\t5\t-\t0/0\tS1\ttimer\n" },
	{ "q then y mid-routine writes what was done and drops the file",
	  { { 'P', 1, NULL }, { 'B', 3, NULL }, { 'W', 9, NULL }, { 'F', 0, NULL }, { 'p', 1, NULL },
	    { 'q', 0, NULL }, { 'p', 0, NULL } },
	  "side-hold\tdone\t12\t-\t3\t0/0\tS1\ttimer\n" },
	{ "SIGHUP mid-routine writes nothing; the next start resumes it",
	  { { 'P', 1, NULL }, { 'B', 3, NULL }, { 'W', 9, NULL }, { 'H', 0, NULL }, { 'p', 1, NULL },
	    { 'R', 0, NULL }, { 'o', 0, "bridges" }, { 'y', 0, NULL }, { 'W', 3, NULL },
	    { 'f', 2, NULL }, { 'p', 0, NULL } },
	  "side-hold\tdone\t12\t2\t3\t0/0\tS1\ttimer\nbridges\tdone\t5\t2\t3\t0/0\tS1\ttimer\n" },
	{ "SIGQUIT mid-routine is SIGTERM: the progress file is kept",
	  { { 'P', 1, NULL }, { 'B', 3, NULL }, { 'W', 9, NULL }, { 'Q', 0, NULL }, { 'p', 1, NULL },
	    { 'R', 0, NULL }, { 'o', 0, "bridges" }, { 'r', 0, NULL } },
	  "side-hold\tdone\t12\t-\t3\t0/0\tS1\ttimer\n" },
	{ "Ctrl-C mid-routine writes at once and drops the file",
	  { { 'P', 1, NULL }, { 'B', 3, NULL }, { 'W', 9, NULL }, { 'I', 0, NULL }, { 'p', 0, NULL } },
	  "side-hold\tdone\t12\t-\t3\t0/0\tS1\ttimer\n" },
	{ "one exercise stopped then e: Session ended",
	  { { 'O', 1, NULL }, { 'B', 2, NULL }, { 'W', 1, NULL }, { 'x', 0, NULL }, { 'S', 4, NULL },
	    { 'e', 0, NULL }, { 'h', APP_SESSION_ENDED, NULL }, { 'f', -1, NULL } },
	  "side-hold\tstopped\t1\t4\t2\t0/0\tS1\ttimer\n" },
	{ "one exercise walked to its end: Exercise complete",
	  { { 'O', 0, NULL }, { 'W', 8, NULL }, { 'h', APP_EXERCISE_COMPLETE, NULL },
	    { 'f', 1, NULL } },
	  "side-hold\tdone\t12\t1\t-\t0/0\tS1\ttimer\n" },
	/* Field 8: the lines of one plan share a session id; the next plan has its own. */
	{ "two exercises played one after the other are two sessions",
	  { { 'O', 0, NULL }, { 'W', 8, NULL }, { 'f', 1, NULL },
	    { 'O', 0, NULL }, { 'W', 8, NULL }, { 'f', 2, NULL } },
	  "side-hold\tdone\t12\t1\t-\t0/0\tS1\ttimer\nside-hold\tdone\t12\t2\t-\t0/0\tS2\ttimer\n" },
	/* Issue 18, item 3: the stop's score survives a closed terminal. */
	{ "18.3: a stop's score survives SIGHUP later in the routine",
	  { { 'P', 1, NULL }, { 'B', 4, NULL }, { 'x', 0, NULL }, { 'S', 8, NULL }, { 'N', 0, NULL },
	    { 'W', 1, NULL }, { 'H', 0, NULL }, { 'R', 0, NULL }, { 'o', 0, "bridges" },
	    { 'y', 0, NULL }, { 'W', 4, NULL }, { 'f', 2, NULL } },
	  "side-hold\tstopped\t0\t8\t4\t0/0\tS1\ttimer\nbridges\tdone\t5\t2\t4\t0/0\tS1\ttimer\n" },
	/* Issue 18, item 4: every way out of a progress file writes the same line. */
	{ "18.4: n to the resume question writes the pain-before",
	  { { 'P', 1, NULL }, { 'B', 4, NULL }, { 'W', 9, NULL }, { 'H', 0, NULL }, { 'R', 0, NULL },
	    { 'o', 0, "bridges" }, { 'r', 0, NULL }, { 'p', 0, NULL } },
	  "side-hold\tdone\t12\t-\t4\t0/0\tS1\ttimer\n" },
	{ "18.4: a failed last append is written at the next start, complete",
	  { { 'P', 1, NULL }, { 'B', 4, NULL }, WALK_ALL, { 'D', 0, NULL }, { 'f', 6, NULL },
	    { 'p', 1, NULL }, { 'U', 0, NULL }, { 'R', 0, NULL }, { 'o', 0, NULL }, { 'p', 0, NULL } },
	  "side-hold\tdone\t12\t-\t4\t0/0\tS1\ttimer\nbridges\tdone\t6\t-\t4\t0/0\tS1\ttimer\n" },
	{ "18.4: a routine the changed catalogue cannot resume is written, complete",
	  { { 'P', 1, NULL }, { 'B', 4, NULL }, { 'x', 0, NULL }, { 'S', 7, NULL }, { 'N', 0, NULL },
	    { 'W', 1, NULL }, { 'H', 0, NULL }, { 'C', 0, NULL }, { 'o', 0, NULL }, { 'p', 0, NULL } },
	  "side-hold\tstopped\t0\t7\t4\t0/0\tS1\ttimer\n" },
	/* Issue 18, item 10: a stop stands. */
	{ "18.10: SIGHUP on the stop screen resumes at the next exercise",
	  { { 'P', 1, NULL }, { 'B', 4, NULL }, { 'W', 2, NULL }, { 'x', 0, NULL }, { 'S', 9, NULL },
	    { 'H', 0, NULL }, { 'R', 0, NULL }, { 'o', 0, "bridges" }, { 'y', 0, NULL },
	    { 'W', 4, NULL }, { 'h', APP_SESSION_ENDED, NULL }, { 'f', 3, NULL } },
	  "side-hold\tstopped\t3\t9\t4\t0/0\tS1\ttimer\nbridges\tdone\t6\t3\t4\t0/0\tS1\ttimer\n" },
	{ "18.10: SIGHUP on the stop screen of the last exercise writes it all",
	  { { 'P', 1, NULL }, { 'B', 4, NULL }, { 'W', 9, NULL }, { 'x', 0, NULL }, { 'S', 9, NULL },
	    { 'H', 0, NULL }, { 'p', 0, NULL }, { 'R', 0, NULL }, { 'o', 0, NULL } },
	  "side-hold\tdone\t12\t-\t4\t0/0\tS1\ttimer\nbridges\tstopped\t1\t9\t4\t0/0\tS1\ttimer\n" },
	/* Issue 18, item 11: nothing is kept before the session begins. */
	{ "18.11: SIGHUP at the pain-before question keeps nothing",
	  { { 'P', 1, NULL }, { 'F', 0, NULL }, { 'H', 0, NULL }, { 'p', 0, NULL }, { 'R', 0, NULL },
	    { 'o', 0, NULL } },
	  "" },
	{ "18.11: SIGTERM at the pain-before question keeps nothing",
	  { { 'P', 1, NULL }, { 'T', 0, NULL }, { 'p', 0, NULL } },
	  "" },
	/* Issue 18, item 23: a session with a stop is never complete. */
	{ "18.23: a routine whose last exercise was stopped: Session ended",
	  { { 'P', 0, NULL }, { 'W', 8, NULL }, { 'x', 0, NULL }, { 'S', 5, NULL }, { 'N', 0, NULL },
	    { 'h', APP_SESSION_ENDED, NULL }, { 'f', 5, NULL } },
	  "side-hold\tdone\t12\t5\t-\t0/0\tS1\ttimer\nbridges\tstopped\t0\t5\t-\t0/0\tS1\ttimer\n" },
	/* Issue 19: q then y in a routine asks the end's question before writing. */
	{ "19: q then y mid-routine, then the end's answer: written with it",
	  { { 'P', 1, NULL }, { 'B', 3, NULL }, { 'W', 9, NULL }, { 'W', 1, NULL }, { 'Y', 1, NULL },
	    { 'h', APP_SESSION_ENDED, NULL }, { 'p', 1, NULL }, { 'f', 6, NULL }, { 'p', 0, NULL } },
	  "side-hold\tdone\t12\t6\t3\t0/0\tS1\ttimer\nbridges\tpartial\t3\t6\t3\t0/0\tS1\ttimer\n" },
	{ "19: q then y, then the terminal closes at the question: written, no score",
	  { { 'P', 1, NULL }, { 'B', 3, NULL }, { 'W', 9, NULL }, { 'W', 1, NULL }, { 'Y', 1, NULL },
	    { 'F', 0, NULL }, { 'H', 0, NULL }, { 'p', 0, NULL }, { 'R', 0, NULL }, { 'o', 0, NULL } },
	  "side-hold\tdone\t12\t-\t3\t0/0\tS1\ttimer\nbridges\tpartial\t3\t-\t3\t0/0\tS1\ttimer\n" },
	{ "19: q then y before any hold: nothing to ask about",
	  { { 'P', 1, NULL }, { 'B', 3, NULL }, { 'Y', 0, NULL }, { 'q', 0, NULL }, { 'p', 0, NULL } },
	  "" },
	/* Issue 19: n through every phase is not doing the exercise. */
	{ "19: n through every phase of a routine logs partial, never done",
	  { { 'P', 0, NULL }, { 'n', 12, NULL }, { 'h', APP_ROUTINE_COMPLETE, NULL },
	    { 'f', 2, NULL } },
	  "side-hold\tpartial\t0\t2\t-\t0/0\tS1\ttimer\nbridges\tpartial\t0\t2\t-\t0/0\tS1\ttimer\n" },
	{ "18.23: a stop mid-routine, then the rest walked: Session ended",
	  { { 'P', 0, NULL }, { 'x', 0, NULL }, { 'S', 5, NULL }, { 'N', 0, NULL }, { 'W', 4, NULL },
	    { 'h', APP_SESSION_ENDED, NULL }, { 'f', 1, NULL } },
	  "side-hold\tstopped\t0\t5\t-\t0/0\tS1\ttimer\nbridges\tdone\t6\t1\t-\t0/0\tS1\ttimer\n" },
};
/* clang-format on */

static void run_case(const struct acase *c)
{
	static const unsigned routine[] = { 0, 1 }, one[] = { 0 };
	struct app *a = malloc(sizeof(*a));
	int64_t now = 0;
	unsigned slot = 0;
	char text[2048];
	struct stat sb;

	assert_non_null(a);
	unlink(history_file);
	unlink(progress_file);
	app_init(a, cat, &dose, history_file, progress_file);
	for (const struct op *o = c->ops; o < c->ops + 16 && o->op; o++) {
		time_t wall = WALL0 + (time_t)(now / 1000);

		now += 10;
		switch (o->op) {
		case 'P':
			assert_int_equal(app_play(a, routine, 2, "all", 0, NULL, o->arg, now), 0);
			break;
		case 'O':
			assert_int_equal(app_play(a, one, 1, NULL, 0, NULL, o->arg, now), 0);
			break;
		case 'B':
			app_begin(a, o->arg, now);
			break;
		case 'n':
			for (int i = 0; i < o->arg; i++)
				app_next(a, now, wall);
			break;
		case 'W':
			for (int i = 0; i < o->arg; i++) {
				now += session_left_ms(&a->sess, now);
				app_tick(a, now, WALL0 + (time_t)(now / 1000));
			}
			break;
		case 'k':
			app_skip(a, now, wall);
			break;
		case 'x':
			slot = app_stop(a, now, wall);
			break;
		case 'S':
			app_stop_score(a, slot, o->arg);
			break;
		case 'N':
			app_stop_next(a, now, wall);
			break;
		case 'e':
			app_end(a);
			break;
		case 'f':
			app_finish(a, o->arg);
			break;
		case 'q':
			app_leave(a, JOURNAL_QUIT, wall);
			break;
		case 'Y':
			if (app_quit(a, wall) != (o->arg != 0))
				fail_msg("%s: app_quit() says %s pending", c->name,
				         o->arg ? "nothing" : "something");
			break;
		case 'H':
			app_signal(a, SIGHUP, wall);
			break;
		case 'T':
			app_signal(a, SIGTERM, wall);
			break;
		case 'Q':
			app_signal(a, SIGQUIT, wall);
			break;
		case 'I':
			app_signal(a, SIGINT, wall);
			break;
		case 'F':
			app_flush(a);
			break;
		case 'D':
			assert_int_equal(mkdir(history_file, 0700), 0);
			break;
		case 'U':
			assert_int_equal(rmdir(history_file), 0);
			break;
		case 'R':
		case 'C':
			app_free(a);
			app_init(a, o->op == 'C' ? other : cat, &dose, history_file, progress_file);
			app_find_resume(a);
			break;
		case 'y':
			assert_int_equal(app_resume_yes(a, now), 0);
			break;
		case 'r':
			app_resume_no(a);
			break;
		case 'p':
			if ((stat(progress_file, &sb) == 0) != (o->arg != 0))
				fail_msg("%s: progress file %s, expected %s", c->name,
				         o->arg ? "missing" : "kept", o->arg ? "one" : "none");
			break;
		case 'o':
			if (!o->s && a->resume)
				fail_msg("%s: resume offered at %s", c->name, a->resume->exercise);
			if (o->s && !a->resume)
				fail_msg("%s: no resume offered", c->name);
			if (o->s)
				assert_string_equal(a->resume->exercise, o->s);
			break;
		case 'h':
			if ((int)app_headline(a) != o->arg)
				fail_msg("%s: heading %d, expected %d", c->name, app_headline(a),
				         o->arg);
			break;
		default:
			fail_msg("bad op %c", o->op);
		}
	}
	app_free(a);
	free(a);
	history_text(text, sizeof(text));
	if (strcmp(text, c->history) != 0)
		fail_msg("%s: history\n%s\nexpected\n%s", c->name, text, c->history);
}

static void test_row(void **state)
{
	run_case(*state);
}

int main(void)
{
	enum { N = sizeof(cases) / sizeof(cases[0]) };
	struct CMUnitTest tests[N];

	for (size_t i = 0; i < N; i++)
		tests[i] = (struct CMUnitTest){ cases[i].name, test_row, setup, teardown,
			                        (void *)(uintptr_t)&cases[i] };
	return cmocka_run_group_tests(tests, NULL, NULL);
}
