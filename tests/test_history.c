/*
 * test_history.c - the history file, its reader and the adherence figures,
 * with a fixed clock and time zone.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "history.h"

/* ---- Fixtures ---------------------------------------------------------------- */

static void set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

/* A local civil time in the current zone (tm_isdst = -1 lets mktime decide). */
static time_t local(int y, int mo, int d, int h, int mi, int s)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

static int32_t day(int y, unsigned m, unsigned d)
{
	return hist_day_from_civil(y, m, d);
}

/*
 * Exercises shaped like the article's: knee-to-chest twice a day, hip
 * flexors 2-3 times a day, core work 2-3 times a week, cat-cow 3 a week.
 */
static char id_knee[] = "knee-to-chest", id_hip[] = "hip-flexor", id_core[] = "core",
            id_catcow[] = "cat-cow";
static struct cat_exercise test_ex[] = {
	{ .id = id_knee, .freq = { .times = 2, .times_max = 2, .per = CAT_PER_DAY } },
	{ .id = id_hip, .freq = { .times = 2, .times_max = 3, .per = CAT_PER_DAY } },
	{ .id = id_core, .freq = { .times = 2, .times_max = 3, .per = CAT_PER_WEEK } },
	{ .id = id_catcow, .freq = { .times = 3, .times_max = 3, .per = CAT_PER_WEEK } },
};
static struct catalogue test_cat = { .exercises = test_ex, .n_exercises = 4 };

enum { KNEE, HIP, CORE, CATCOW };

/* Parse a history written as text; every line must be valid. */
static void parse_ok(struct hist *h, const char *text)
{
	assert_int_equal(hist_parse(text, strlen(text), h, NULL, NULL, NULL), 0);
}

static char tmpdir[64];

static int make_tmpdir(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/lumbar-test-XXXXXX");
	assert_non_null(mkdtemp(tmpdir));
	set_tz("Europe/Paris");
	umask(022);
	return 0;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	chmod(path, 0700);
	return remove(path);
}

static int remove_tmpdir(void **state)
{
	(void)state;
	chmod(tmpdir, 0700);
	nftw(tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}

static char *tmp_path(char *buf, size_t len, const char *rel)
{
	snprintf(buf, len, "%s/%s", tmpdir, rel);
	return buf;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	char *buf = malloc(1 << 20);
	assert_non_null(buf);
	*len = fread(buf, 1, (1 << 20) - 1, fp);
	buf[*len] = '\0';
	fclose(fp);
	return buf;
}

static void spit(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, strlen(text), fp), strlen(text));
	assert_int_equal(fclose(fp), 0);
}

static struct hist_entry entry(time_t when, const char *id, enum hist_result r, unsigned s,
                               int pain)
{
	struct hist_entry e;

	hist_entry_init(&e);
	e.when = when;
	snprintf(e.id, sizeof(e.id), "%s", id);
	e.status = r;
	e.active_s = s;
	e.pain = pain;
	return e;
}

static unsigned count_lines(const char *text, const char *prefix)
{
	unsigned n = 0;
	size_t pl = strlen(prefix);

	for (const char *p = text; *p;) {
		if (strncmp(p, prefix, pl) == 0)
			n++;
		const char *nl = strchr(p, '\n');
		if (!nl)
			break;
		p = nl + 1;
	}
	return n;
}

/* ---- Paths and dates ------------------------------------------------------------ */

static void test_path_resolution(void **state)
{
	char buf[256];
	(void)state;

	assert_int_equal(hist_path("mine.tsv", "/x", "/home/a", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "mine.tsv");
	assert_int_equal(hist_path(NULL, "/state", "/home/a", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/state/lumbar/history.tsv");
	assert_int_equal(hist_path("", "", "/home/a", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/home/a/.local/state/lumbar/history.tsv");
	/* A relative XDG_STATE_HOME is invalid per the XDG spec and ignored. */
	assert_int_equal(hist_path(NULL, "rel/state", "/home/a", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/home/a/.local/state/lumbar/history.tsv");
	assert_int_equal(hist_path(NULL, NULL, NULL, buf, sizeof(buf)), ENOENT);
	assert_string_equal(buf, "");
	/* Too long is told apart from no home (the message says which). */
	assert_int_equal(hist_path(NULL, "/state", NULL, buf, 10), ENAMETOOLONG);
	assert_string_equal(buf, "");
	assert_int_equal(hist_path("a-long-file-name.tsv", NULL, NULL, buf, 10), ENAMETOOLONG);
	assert_string_equal(buf, "");
}

static void test_civil_days(void **state)
{
	char buf[16];
	(void)state;

	assert_int_equal(day(1970, 1, 1), 0);
	assert_int_equal(day(1969, 12, 31), -1);
	assert_int_equal(day(2000, 3, 1) - day(2000, 2, 28), 2); /* 2000 is a leap year */
	assert_int_equal(day(2100, 3, 1) - day(2100, 2, 28), 1); /* 2100 is not */
	for (int32_t d = day(1900, 1, 1); d < day(2200, 1, 1); d += 17) {
		int y;
		unsigned m, dd;
		hist_civil_from_day(d, &y, &m, &dd);
		assert_int_equal(hist_day_from_civil(y, m, dd), d);
	}
	assert_string_equal(hist_format_day(day(2026, 11, 24), buf, sizeof(buf)), "2026-11-24");
	/* 2026-11-23 is a Monday; 2026-11-29 a Sunday. */
	assert_int_equal(hist_weekday(day(2026, 11, 23)), 0);
	assert_int_equal(hist_weekday(day(2026, 11, 29)), 6);
	assert_int_equal(hist_week_start(day(2026, 11, 29)), day(2026, 11, 23));
	assert_int_equal(hist_week_start(day(2026, 11, 23)), day(2026, 11, 23));
	assert_int_equal(hist_week_start(day(1969, 12, 31)), day(1969, 12, 29));
}

static void test_timestamp_has_local_offset(void **state)
{
	char buf[40];
	(void)state;

	set_tz("Europe/Paris");
	assert_string_equal(hist_format_time(local(2026, 11, 24, 7, 15, 3), buf, sizeof(buf)),
	                    "2026-11-24T07:15:03+01:00");
	assert_string_equal(hist_format_time(local(2026, 7, 1, 18, 0, 0), buf, sizeof(buf)),
	                    "2026-07-01T18:00:00+02:00");
	set_tz("America/St_Johns");
	assert_string_equal(hist_format_time(local(2026, 1, 5, 6, 30, 0), buf, sizeof(buf)),
	                    "2026-01-05T06:30:00-03:30");
	set_tz("UTC");
	assert_string_equal(hist_format_time(0, buf, sizeof(buf)), "1970-01-01T00:00:00+00:00");
}

/* ---- Line parsing --------------------------------------------------------------- */

static void test_parse_line_fields(void **state)
{
	struct hist_entry e;
	char why[192];
	const char *ok = "2026-11-24T07:15:03+01:00\tknee-to-chest\tdone\t95\t3";
	(void)state;

	assert_int_equal(hist_parse_line(ok, strlen(ok), &e, why, sizeof(why)), 0);
	assert_int_equal(e.day, day(2026, 11, 24));
	/* 07:15:03 at +01:00 is 06:15:03 UTC. */
	assert_int_equal(e.when, (time_t)day(2026, 11, 24) * 86400 + 6 * 3600 + 15 * 60 + 3);
	assert_string_equal(e.id, "knee-to-chest");
	assert_int_equal(e.status, HIST_DONE);
	assert_int_equal(e.active_s, 95);
	assert_int_equal(e.pain, 3);
	/* A version 1 line has no pain-before and no step. */
	assert_int_equal(e.pain_before, HIST_NO_PAIN);
	assert_int_equal(e.step.kind, HIST_STEP_NONE);

	/* Version 2: pain-before and step, in each of the step's forms. */
	static const struct {
		const char *line;
		enum hist_result status;
		int pain, before;
		enum hist_step_kind step;
		unsigned k, n;
		enum cat_level level;
	} v2[] = {
		{ "2026-11-24T07:15:03+01:00\tcore\tstopped\t40\t6\t3\t-", HIST_STOPPED, 6, 3,
		  HIST_STEP_NONE, 0, 0, CAT_LEVEL_EASY },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t-\t-\t3/19", HIST_DONE, HIST_NO_PAIN,
		  HIST_NO_PAIN, HIST_STEP_INDEX, 3, 19, CAT_LEVEL_EASY },
		{ "2026-11-24T07:15:03+01:00\tcore\tpartial\t5\t10\t0\t999/999", HIST_PARTIAL, 10,
		  0, HIST_STEP_INDEX, 999, 999, CAT_LEVEL_EASY },
		/* Step 0 is the start of a ladder; 0/0 is an exercise without one. */
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t-\t-\t0/19", HIST_DONE, HIST_NO_PAIN,
		  HIST_NO_PAIN, HIST_STEP_INDEX, 0, 19, CAT_LEVEL_EASY },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t-\t-\t0/0", HIST_DONE, HIST_NO_PAIN,
		  HIST_NO_PAIN, HIST_STEP_INDEX, 0, 0, CAT_LEVEL_EASY },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t2\t2\tmedium", HIST_DONE, 2, 2,
		  HIST_STEP_LEVEL, 0, 0, CAT_LEVEL_MEDIUM },
		/* A stop written in the old five fields still reads. */
		{ "2026-11-24T07:15:03+01:00\tcore\tstopped\t40\t8", HIST_STOPPED, 8, HIST_NO_PAIN,
		  HIST_STEP_NONE, 0, 0, CAT_LEVEL_EASY },
	};
	for (size_t i = 0; i < sizeof(v2) / sizeof(v2[0]); i++) {
		assert_int_equal(
		    hist_parse_line(v2[i].line, strlen(v2[i].line), &e, why, sizeof(why)), 0);
		assert_int_equal(e.status, v2[i].status);
		assert_int_equal(e.pain, v2[i].pain);
		assert_int_equal(e.pain_before, v2[i].before);
		assert_int_equal(e.step.kind, v2[i].step);
		if (v2[i].step == HIST_STEP_INDEX) {
			assert_int_equal(e.step.k, v2[i].k);
			assert_int_equal(e.step.n, v2[i].n);
		}
		if (v2[i].step == HIST_STEP_LEVEL)
			assert_int_equal(e.step.level, v2[i].level);
	}

	const char *z = "2026-11-24T23:30:00Z\tcore\tpartial\t0\t-";
	assert_int_equal(hist_parse_line(z, strlen(z), &e, why, sizeof(why)), 0);
	assert_int_equal(e.status, HIST_PARTIAL);
	assert_int_equal(e.pain, HIST_NO_PAIN);

	const char *ten = "2026-11-24T07:15:03-09:30\tcore\tdone\t1\t10";
	assert_int_equal(hist_parse_line(ten, strlen(ten), &e, why, sizeof(why)), 0);
	assert_int_equal(e.pain, 10);
	assert_int_equal(e.when, (time_t)day(2026, 11, 24) * 86400 + 16 * 3600 + 45 * 60 + 3);

	static const struct {
		const char *line, *why;
	} bad[] = {
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95",
		  "expected 5 or 7 tab-separated fields, found 4" },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t3\tx",
		  "expected 5 or 7 tab-separated fields, found 6" },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t3\t11\t-",
		  "bad pain-before \"11\" (want 0-10 or -)" },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t3\t\t-",
		  "bad pain-before \"\" (want 0-10 or -)" },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t3\t3\t",
		  "bad step \"\" (want -, K/N such as 3/19, or easy, medium or hard)" },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t3\t3\t20/19",
		  "bad step \"20/19\" (want -, K/N such as 3/19, or easy, medium or hard)" },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t3\t3\t01/19",
		  "bad step \"01/19\" (want -, K/N such as 3/19, or easy, medium or hard)" },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t3\t3\t1/0",
		  "bad step \"1/0\" (want -, K/N such as 3/19, or easy, medium or hard)" },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t3\t3\t3/019",
		  "bad step \"3/019\" (want -, K/N such as 3/19, or easy, medium or hard)" },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t3\t3\t3/",
		  "bad step \"3/\" (want -, K/N such as 3/19, or easy, medium or hard)" },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t3\t3\t1/1000",
		  "bad step \"1/1000\" (want -, K/N such as 3/19, or easy, medium or hard)" },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t3\t3\tHard",
		  "bad step \"Hard\" (want -, K/N such as 3/19, or easy, medium or hard)" },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t3\t3\t-\t-\tLog",
		  "bad source \"Log\" (want timer, log or -)" },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t3\t3\t-\t-\t",
		  "bad source \"\" (want timer, log or -)" },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t3\t3\t-\ts1\tgym",
		  "bad source \"gym\" (want timer, log or -)" },
		{ "2026-11-24 07:15:03+01:00\tcore\tdone\t95\t3",
		  "bad timestamp \"2026-11-24 07:15:03+01:00\": want YYYY-MM-DDTHH:MM:SS+HH:MM" },
		{ "2026-11-24T07:15:03\tcore\tdone\t95\t3",
		  "bad timestamp \"2026-11-24T07:15:03\": want YYYY-MM-DDTHH:MM:SS+HH:MM" },
		{ "2026-02-29T07:15:03+01:00\tcore\tdone\t95\t3",
		  "bad timestamp \"2026-02-29T07:15:03+01:00\": no such date" },
		{ "2026-11-24T24:00:00+01:00\tcore\tdone\t95\t3",
		  "bad timestamp \"2026-11-24T24:00:00+01:00\": no such time of day" },
		{ "2026-11-24T07:15:03+24:00\tcore\tdone\t95\t3",
		  "bad timestamp \"2026-11-24T07:15:03+24:00\": offset out of range" },
		{ "2026-11-24T07:15:03+01:00\tCore\tdone\t95\t3",
		  "bad exercise id \"Core\" (want 1-32 of a-z, 0-9 and -)" },
		{ "2026-11-24T07:15:03+01:00\t\tdone\t95\t3",
		  "bad exercise id \"\" (want 1-32 of a-z, 0-9 and -)" },
		{ "2026-11-24T07:15:03+01:00\tcore\tfinished\t95\t3",
		  "bad status \"finished\" (want done, partial or stopped)" },
		{ "2026-11-24T07:15:03+01:00\tcore\tstopped-early\t95\t3",
		  "bad status \"stopped-early\" (want done, partial or stopped)" },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t-5\t3",
		  "bad active seconds \"-5\" (want a whole number)" },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t1.5\t3",
		  "bad active seconds \"1.5\" (want a whole number)" },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t\t3",
		  "bad active seconds \"\" (want a whole number)" },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t11",
		  "bad pain \"11\" (want 0-10 or -)" },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t03",
		  "bad pain \"03\" (want 0-10 or -)" },
		{ "2026-11-24T07:15:03+01:00\tcore\tdone\t95\t", "bad pain \"\" (want 0-10 or -)" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		why[0] = '\0';
		assert_int_equal(
		    hist_parse_line(bad[i].line, strlen(bad[i].line), &e, why, sizeof(why)), -1);
		assert_string_equal(why, bad[i].why);
	}
	/* Control bytes never reach the terminal through a message. */
	const char esc[] = "2026-11-24T07:15:03+01:00\tco\033[2Jre\tdone\t95\t3";
	assert_int_equal(hist_parse_line(esc, strlen(esc), &e, why, sizeof(why)), -1);
	assert_null(strchr(why, '\033'));
}

/* ---- The file ------------------------------------------------------------------ */

struct warnings {
	unsigned n;
	unsigned line[16];
	char why[16][192];
};

static void collect(void *ctx, unsigned line, const char *why)
{
	struct warnings *w = ctx;

	if (w->n < 16) {
		w->line[w->n] = line;
		snprintf(w->why[w->n], sizeof(w->why[0]), "%s", why);
	}
	w->n++;
}

static void test_damaged_lines_reported_and_file_unchanged(void **state)
{
	char path[128];
	struct hist h;
	struct warnings w = { 0 };
	struct hist_error err = { 0 };
	(void)state;

	const char *text = "# timestamp\texercise-id\tstatus\tactive-seconds\tpain\n"
	                   "2026-11-23T07:00:00+01:00\tknee-to-chest\tdone\t60\t4\n"
	                   "\n"
	                   "garbage line\n"
	                   "2026-11-23T07:05:00+01:00\thip-flexor\tdone\t60\t4\r\n"
	                   "   \n"
	                   "2026-11-23T07:10:00+01:00\tcore\tdone\tlots\t4\n"
	                   "# a note the user added\n"
	                   "2026-11-23T07:15:00+01:00\tcat-cow\tpartial\t30\t-\n"
	                   "2026-11-23T07:20:00+01:00\tcat-cow\tdone\t3";
	tmp_path(path, sizeof(path), "history.tsv");
	spit(path, text);
	struct stat before, after;
	assert_int_equal(stat(path, &before), 0);

	assert_int_equal(hist_load(path, &h, collect, &w, &err), 0);
	assert_int_equal(w.n, 3);
	assert_int_equal(w.line[0], 4);
	assert_string_equal(w.why[0], "expected 5 or 7 tab-separated fields, found 1");
	assert_int_equal(w.line[1], 7);
	assert_string_equal(w.why[1], "bad active seconds \"lots\" (want a whole number)");
	/* The last line lacks its newline and a field: still reported by number. */
	assert_int_equal(w.line[2], 10);
	assert_int_equal(h.n, 3);
	assert_string_equal(h.e[0].id, "knee-to-chest");
	assert_int_equal(h.e[0].line, 2);
	assert_string_equal(h.e[1].id, "hip-flexor"); /* CRLF tolerated */
	assert_int_equal(h.e[1].line, 5);
	assert_string_equal(h.e[2].id, "cat-cow");
	assert_int_equal(h.e[2].status, HIST_PARTIAL);
	hist_free(&h);
	assert_null(h.e);

	/* Reading left the file byte for byte as it was. */
	size_t len;
	char *now = slurp(path, &len);
	assert_int_equal(len, strlen(text));
	assert_memory_equal(now, text, len);
	free(now);
	assert_int_equal(stat(path, &after), 0);
	assert_int_equal(after.st_mtime, before.st_mtime);
	assert_int_equal(after.st_mode, before.st_mode);
}

static void test_missing_file_is_empty_history(void **state)
{
	char path[128];
	struct hist h = { (struct hist_entry *)1, 99 };
	struct hist_error err = { 0 };
	(void)state;

	assert_int_equal(
	    hist_load(tmp_path(path, sizeof(path), "nope/history.tsv"), &h, NULL, NULL, &err), 0);
	assert_int_equal(h.n, 0);
	hist_free(&h);
	/* An empty buffer, and a summary without a catalogue, are fine too. */
	assert_int_equal(hist_parse(NULL, 0, &h, NULL, NULL, NULL), 0);
	assert_int_equal(h.n, 0);
	struct hist one;
	parse_ok(&one, "2026-11-24T07:00:00+01:00\tcore\tdone\t60\t5\n");
	struct hist_summary s;
	assert_int_equal(hist_summarize(&one, NULL, local(2026, 11, 24, 8, 0, 0), &s), 0);
	assert_int_equal(s.n_ex, 0);
	assert_int_equal(s.streak, 1);
	assert_int_equal(s.cal[HIST_CAL_DAYS - 1].level, 4);
	hist_summary_free(&s);
	hist_free(&one);
	/* And nothing was created by reading. */
	struct stat st;
	assert_int_equal(stat(tmp_path(path, sizeof(path), "nope"), &st), -1);
}

static void test_append_roundtrip(void **state)
{
	char path[128];
	struct hist h;
	struct hist_error err = { 0 };
	(void)state;

	tmp_path(path, sizeof(path), "state/lumbar/history.tsv");
	struct hist_entry e[5] = {
		entry(local(2026, 11, 24, 7, 15, 3), "knee-to-chest", HIST_DONE, 95, 3),
		entry(local(2026, 11, 24, 7, 17, 0), "hip-flexor", HIST_PARTIAL, 40, 3),
		entry(local(2026, 11, 24, 7, 20, 9), "core", HIST_DONE, 120, HIST_NO_PAIN),
		entry(local(2026, 11, 24, 7, 22, 0), "core", HIST_STOPPED, 12, 7),
		entry(local(2026, 11, 24, 7, 25, 0), "bridge", HIST_DONE, 60, 2),
	};
	e[0].pain_before = 2;
	e[3].pain_before = 4;
	e[3].step = (struct hist_step){ .kind = HIST_STEP_INDEX, .k = 3, .n = 19 };
	e[4].step = (struct hist_step){ .kind = HIST_STEP_LEVEL, .level = CAT_LEVEL_HARD };
	e[2].step = (struct hist_step){ .kind = HIST_STEP_INDEX, .k = 0, .n = 0 };
	e[1].step = (struct hist_step){ .kind = HIST_STEP_INDEX, .k = 0, .n = 19 };
	/* Two lines of one `lumbar log`: its session and its source. */
	e[3].session = e[4].session = 0x0123456789abcdefull;
	e[3].source = e[4].source = HIST_SRC_LOG;
	assert_int_equal(hist_append(path, e, 5, &err), 0);

	size_t len;
	char *text = slurp(path, &len);
	assert_string_equal(
	    text,
	    "# timestamp\texercise-id\tstatus\tactive-seconds\tpain\tpain-before\tstep\t"
	    "session\tsource\n"
	    "2026-11-24T07:15:03+01:00\tknee-to-chest\tdone\t95\t3\t2\t-\t-\ttimer\n"
	    "2026-11-24T07:17:00+01:00\thip-flexor\tpartial\t40\t3\t-\t0/19\t-\ttimer\n"
	    "2026-11-24T07:20:09+01:00\tcore\tdone\t120\t-\t-\t0/0\t-\ttimer\n"
	    "2026-11-24T07:22:00+01:00\tcore\tstopped\t12\t7\t4\t3/19\t0123456789abcdef\tlog\n"
	    "2026-11-24T07:25:00+01:00\tbridge\tdone\t60\t2\t-\thard\t0123456789abcdef\tlog\n");
	free(text);

	assert_int_equal(hist_load(path, &h, NULL, NULL, &err), 0);
	assert_int_equal(h.n, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(h.e[i].pain_before, e[i].pain_before);
		assert_int_equal(h.e[i].step.kind, e[i].step.kind);
		assert_int_equal(h.e[i].step.k, e[i].step.k);
		assert_int_equal(h.e[i].step.n, e[i].step.n);
		assert_int_equal(h.e[i].step.level, e[i].step.level);
		assert_int_equal(h.e[i].when, e[i].when);
		assert_string_equal(h.e[i].id, e[i].id);
		assert_int_equal(h.e[i].status, e[i].status);
		assert_int_equal(h.e[i].active_s, e[i].active_s);
		assert_int_equal(h.e[i].pain, e[i].pain);
		assert_int_equal(h.e[i].day, day(2026, 11, 24));
		assert_int_equal(h.e[i].line, i + 2);
		assert_int_equal(h.e[i].source, e[i].source);
		assert_int_equal(h.e[i].session != 0, e[i].session != 0);
	}
	assert_true(h.e[3].session == h.e[4].session);
	hist_free(&h);

	/* A malformed entry is refused and nothing is written. */
	struct hist_entry bad = entry(local(2026, 11, 24, 8, 0, 0), "Bad Id", HIST_DONE, 1, 3);
	assert_int_equal(hist_append(path, &bad, 1, &err), -1);
	assert_int_equal(err.errnum, EINVAL);
	bad = entry(local(2026, 11, 24, 8, 0, 0), "core", HIST_DONE, 1, 11);
	assert_int_equal(hist_append(path, &bad, 1, &err), -1);
	bad = entry(local(2026, 11, 24, 8, 0, 0), "core", HIST_DONE, 1, 3);
	bad.pain_before = 11;
	assert_int_equal(hist_append(path, &bad, 1, &err), -1);
	bad.pain_before = 3;
	bad.step = (struct hist_step){ .kind = HIST_STEP_INDEX, .k = 4, .n = 3 };
	assert_int_equal(hist_append(path, &bad, 1, &err), -1);
	bad.step.kind = HIST_STEP_NONE;
	bad.status = (enum hist_result)7;
	assert_int_equal(hist_append(path, &bad, 1, &err), -1);
	text = slurp(path, &len);
	assert_int_equal(count_lines(text, "2026"), 5);
	free(text);
}

static void test_header_once_and_folder_mode(void **state)
{
	char path[128], dir[128];
	struct hist_error err = { 0 };
	struct stat st;
	(void)state;

	tmp_path(path, sizeof(path), "a/b/lumbar/history.tsv");
	for (int i = 0; i < 3; i++) {
		struct hist_entry e = entry(local(2026, 11, 24, 7, i, 0), "core", HIST_DONE, 60, 2);
		assert_int_equal(hist_append(path, &e, 1, &err), 0);
	}
	size_t len;
	char *text = slurp(path, &len);
	assert_int_equal(count_lines(text, "#"), 1);
	assert_int_equal(strncmp(text, "# timestamp\t", 12), 0);
	assert_int_equal(count_lines(text, "2026-11-24T07:0"), 3);
	free(text);

	/* Every folder created on the way is private, and so is the file. */
	const char *made[] = { "a", "a/b", "a/b/lumbar" };
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(stat(tmp_path(dir, sizeof(dir), made[i]), &st), 0);
		assert_int_equal(st.st_mode & 07777, 0700);
	}
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);

	/* An empty existing file gets the header too. */
	tmp_path(path, sizeof(path), "empty.tsv");
	spit(path, "");
	struct hist_entry e = entry(local(2026, 11, 24, 7, 0, 0), "core", HIST_DONE, 60, 2);
	assert_int_equal(hist_append(path, &e, 1, &err), 0);
	text = slurp(path, &len);
	assert_int_equal(count_lines(text, "# timestamp"), 1);
	free(text);
}

static void test_append_after_torn_line_keeps_lines_whole(void **state)
{
	char path[128];
	struct hist h;
	struct warnings w = { 0 };
	struct hist_error err = { 0 };
	(void)state;

	/* As if a full disk had cut the previous write short. */
	tmp_path(path, sizeof(path), "torn.tsv");
	spit(path, "# header\n2026-11-23T07:00:00+01:00\tcore\tdo");
	struct hist_entry e = entry(local(2026, 11, 24, 7, 0, 0), "core", HIST_DONE, 60, 2);
	assert_int_equal(hist_append(path, &e, 1, &err), 0);
	assert_int_equal(hist_load(path, &h, collect, &w, &err), 0);
	assert_int_equal(w.n, 1);
	assert_int_equal(w.line[0], 2);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.e[0].line, 3);
	assert_int_equal(h.e[0].day, day(2026, 11, 24));
	hist_free(&h);
}

/* A file that never ends (a device) is refused, not read until memory runs out. */
static void test_endless_file_is_refused(void **state)
{
	struct hist h = { NULL, 0 };
	struct hist_error err = { 0 };
	(void)state;

	assert_int_equal(hist_load("/dev/zero", &h, NULL, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "/dev/zero: not a regular file"));
	assert_null(h.e);
	/* Nor is /dev/null taken for a history: only regular files are. */
	assert_int_equal(hist_load("/dev/null", &h, NULL, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "not a regular file"));
}

static void test_history_path_is_directory(void **state)
{
	char path[128];
	struct hist h = { NULL, 0 };
	struct hist_error err = { 0 };
	(void)state;

	tmp_path(path, sizeof(path), "dir.tsv");
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(hist_load(path, &h, NULL, NULL, &err), -1);
	assert_int_equal(err.errnum, EISDIR);
	assert_non_null(strstr(err.msg, "dir.tsv"));
	assert_null(h.e);

	struct hist_entry e = entry(local(2026, 11, 24, 7, 0, 0), "core", HIST_DONE, 60, 2);
	memset(&err, 0, sizeof(err));
	assert_int_equal(hist_append(path, &e, 1, &err), -1);
	assert_int_equal(err.errnum, EISDIR);
	assert_non_null(strstr(err.msg, "cannot open"));
	assert_non_null(strstr(err.msg, strerror(EISDIR)));
}

static void test_unwritable_folder(void **state)
{
	char path[128], file[128];
	struct hist_error err = { 0 };
	(void)state;

	/*
	 * The folder's place is taken by a regular file, which fails even for
	 * root (a chmod 0500 folder does not stop root).
	 */
	tmp_path(file, sizeof(file), "state");
	spit(file, "not a folder\n");
	tmp_path(path, sizeof(path), "state/lumbar/history.tsv");
	struct hist_entry e = entry(local(2026, 11, 24, 7, 0, 0), "core", HIST_DONE, 60, 2);
	assert_int_equal(hist_append(path, &e, 1, &err), -1);
	assert_int_equal(err.errnum, ENOTDIR);
	char want[256];
	snprintf(want, sizeof(want), "cannot create folder %s: %s", file, strerror(ENOTDIR));
	assert_string_equal(err.msg, want);

	/* Reading through it is an error too, not a crash or an empty history. */
	struct hist h = { NULL, 0 };
	assert_int_equal(hist_load(path, &h, NULL, NULL, &err), -1);
	assert_int_equal(err.errnum, ENOTDIR);

	/* And the file standing in the way is untouched. */
	size_t len;
	char *text = slurp(file, &len);
	assert_string_equal(text, "not a folder\n");
	free(text);
}

/*
 * Hostile history files: a FIFO, a symlink someone planted, a file past the
 * 64 MiB limit, a folder others can write to. Each is refused with what is
 * wrong, nothing is read or written, and nothing blocks.
 */
static void test_hostile_history_files(void **state)
{
	struct hist h = { NULL, 0 };
	struct hist_error err = { 0 };
	struct hist_entry e = entry(local(2026, 11, 24, 7, 0, 0), "core", HIST_DONE, 60, 2);
	char fifo[128], link[128], target[128], huge[128], open_dir[128], in_open[160];
	(void)state;

	alarm(10); /* a blocked open fails the test instead of stalling it */
	tmp_path(fifo, sizeof(fifo), "fifo.tsv");
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(hist_load(fifo, &h, NULL, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "fifo.tsv: not a regular file"));
	/* Never "saved" into a FIFO, with or without a reader. */
	assert_int_equal(hist_append(fifo, &e, 1, &err), -1);
	assert_non_null(strstr(err.msg, "not a regular file"));

	tmp_path(target, sizeof(target), "target");
	tmp_path(link, sizeof(link), "link.tsv");
	spit(target, "keep\n");
	assert_int_equal(symlink(target, link), 0);
	assert_int_equal(hist_load(link, &h, NULL, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "a symbolic link"));
	assert_int_equal(hist_append(link, &e, 1, &err), -1);
	assert_non_null(strstr(err.msg, "a symbolic link"));
	size_t n;
	char *kept = slurp(target, &n);
	assert_string_equal(kept, "keep\n");
	free(kept);

	tmp_path(huge, sizeof(huge), "huge.tsv");
	spit(huge, "");
	assert_int_equal(truncate(huge, (off_t)HIST_MAX_FILE + 1), 0);
	assert_int_equal(hist_load(huge, &h, NULL, NULL, &err), -1);
	assert_int_equal(err.errnum, EFBIG);
	assert_non_null(strstr(err.msg, "larger than the history limit of 64 MiB"));
	assert_null(h.e);

	tmp_path(open_dir, sizeof(open_dir), "open");
	assert_int_equal(mkdir(open_dir, 0700), 0);
	assert_int_equal(chmod(open_dir, 0777), 0);
	snprintf(in_open, sizeof(in_open), "%s/history.tsv", open_dir);
	assert_int_equal(hist_load(in_open, &h, NULL, NULL, &err), -1);
	assert_int_equal(err.errnum, EPERM);
	assert_non_null(strstr(err.msg, "others can write to its folder"));
	assert_int_equal(hist_append(in_open, &e, 1, &err), -1);
	assert_int_equal(access(in_open, F_OK), -1); /* nothing created there */
	assert_int_equal(chmod(open_dir, 0700), 0);
	assert_int_equal(hist_append(in_open, &e, 1, &err), 0);
	alarm(0);
}

static void test_full_disk_is_an_error_not_a_crash(void **state)
{
	struct hist_error err = { 0 };
	struct hist_entry e = entry(local(2026, 11, 24, 7, 0, 0), "core", HIST_DONE, 60, 2);
	(void)state;

	/* A device is refused before any write: it would not keep the lines. */
	if (access("/dev/full", W_OK) == 0) {
		assert_int_equal(hist_append("/dev/full", &e, 1, &err), -1);
		assert_non_null(strstr(err.msg, "cannot write to /dev/full: not a regular file"));
	}

	/* A file size limit: with SIGXFSZ ignored, EFBIG comes back as an error. */
	char path[128];
	tmp_path(path, sizeof(path), "big.tsv");
	spit(path, "# header\n");
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = { 20, 20 };
		signal(SIGXFSZ, SIG_IGN);
		setrlimit(RLIMIT_FSIZE, &rl);
		int rc = hist_append(path, &e, 1, &err);
		_exit(rc == -1 && err.errnum == EFBIG ? 0 : 1);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static void test_concurrent_appends_from_two_processes(void **state)
{
	char path[128];
	struct hist h;
	struct warnings w = { 0 };
	struct hist_error err = { 0 };
	(void)state;

	tmp_path(path, sizeof(path), "lumbar/history.tsv");
	pid_t pid[2];
	for (int c = 0; c < 2; c++) {
		pid[c] = fork();
		assert_true(pid[c] >= 0);
		if (pid[c] == 0) {
			for (int i = 0; i < 500; i++) {
				struct hist_entry e = entry(local(2026, 11, 24, 7, 0, 0) + i,
				                            c ? "child-b" : "child-a", HIST_DONE,
				                            (unsigned)i, i % 11);
				if (hist_append(path, &e, 1, NULL) != 0)
					_exit(1);
			}
			_exit(0);
		}
	}
	for (int c = 0; c < 2; c++) {
		int status;
		assert_int_equal(waitpid(pid[c], &status, 0), pid[c]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}

	assert_int_equal(hist_load(path, &h, collect, &w, &err), 0);
	assert_int_equal(w.n, 0);
	assert_int_equal(h.n, 1000);
	assert_int_equal(hist_count(&h, "child-a", day(2026, 11, 24), day(2026, 11, 24)), 500);
	assert_int_equal(hist_count(&h, "child-b", day(2026, 11, 24), day(2026, 11, 24)), 500);
	hist_free(&h);

	size_t len;
	char *text = slurp(path, &len);
	assert_int_equal(count_lines(text, "#"), 1);
	assert_int_equal(count_lines(text, "2026-11-24T"), 1000);
	assert_int_equal(text[len - 1], '\n');
	free(text);
}

/* ---- Day and week boundaries ------------------------------------------------ */

static void test_local_midnight_splits_days(void **state)
{
	struct hist h;
	struct hist_summary s;
	(void)state;

	parse_ok(&h, "2026-11-24T23:59:59+01:00\tknee-to-chest\tdone\t60\t-\n"
	             "2026-11-25T00:00:00+01:00\tknee-to-chest\tdone\t60\t-\n"
	             /* Done while travelling: it stays on the date written. */
	             "2026-11-25T07:00:00+09:00\thip-flexor\tdone\t60\t-\n");

	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 11, 24, 23, 59, 59), &s), 0);
	assert_int_equal(s.today, day(2026, 11, 24));
	assert_int_equal(s.ex[KNEE].today, 1);
	assert_int_equal(s.ex[HIP].today, 0);
	assert_true(s.ex[KNEE].due);
	hist_summary_free(&s);

	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 11, 25, 0, 0, 30), &s), 0);
	assert_int_equal(s.today, day(2026, 11, 25));
	assert_int_equal(s.ex[KNEE].today, 1);
	/* 07:00 in Tokyo was 23:00 the day before in Paris; its date is kept. */
	assert_int_equal(s.ex[HIP].today, 1);
	hist_summary_free(&s);
	hist_free(&h);
}

static void test_week_starts_on_monday(void **state)
{
	struct hist h;
	struct hist_summary s;
	(void)state;

	/* 2026-11-22 is a Sunday, 2026-11-23 a Monday. */
	parse_ok(&h, "2026-11-22T23:50:00+01:00\tcore\tdone\t60\t-\n"
	             "2026-11-23T00:10:00+01:00\tcore\tdone\t60\t-\n"
	             "2026-11-29T23:59:00+01:00\tcat-cow\tdone\t60\t-\n");

	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 11, 22, 23, 55, 0), &s), 0);
	assert_int_equal(s.week_start, day(2026, 11, 16));
	assert_int_equal(s.ex[CORE].week, 1);
	hist_summary_free(&s);

	/* Monday morning: Sunday's session belongs to last week. */
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 11, 23, 8, 0, 0), &s), 0);
	assert_int_equal(s.week_start, day(2026, 11, 23));
	assert_int_equal(s.ex[CORE].week, 1);
	assert_int_equal(s.ex[CORE].count, 1);
	assert_true(s.ex[CORE].due);
	hist_summary_free(&s);

	/* Sunday night is still the same week; a minute later a new one starts. */
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 11, 29, 23, 59, 30), &s), 0);
	assert_int_equal(s.ex[CORE].week, 1);
	assert_int_equal(s.ex[CATCOW].week, 1);
	hist_summary_free(&s);
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 11, 30, 0, 0, 30), &s), 0);
	assert_int_equal(s.ex[CORE].week, 0);
	assert_int_equal(s.ex[CATCOW].week, 0);
	assert_true(s.ex[CORE].due);
	hist_summary_free(&s);
	hist_free(&h);
}

static void test_daylight_saving_changes(void **state)
{
	char path[128];
	struct hist h;
	struct hist_summary s;
	struct hist_error err = { 0 };
	(void)state;

	set_tz("Europe/Paris");
	tmp_path(path, sizeof(path), "dst.tsv");
	/*
	 * 2026-03-29 (last Sunday of March): 02:00 +01:00 jumps to 03:00 +02:00,
	 * a 23-hour day. 2026-10-25 (last Sunday of October): 03:00 +02:00 falls
	 * back to 02:00 +01:00, a 25-hour day, so 02:30 happens twice.
	 */
	time_t spring = local(2026, 3, 29, 1, 59, 0);
	time_t autumn = local(2026, 10, 25, 2, 30, 0);
	struct hist_entry e[] = {
		entry(local(2026, 3, 28, 12, 0, 0), "knee-to-chest", HIST_DONE, 60, -1),
		entry(spring, "knee-to-chest", HIST_DONE, 60, -1),
		entry(spring + 120, "knee-to-chest", HIST_DONE, 60, -1),
		entry(local(2026, 3, 30, 0, 30, 0), "knee-to-chest", HIST_DONE, 60, -1),
		entry(local(2026, 10, 25, 1, 30, 0) + 3600, "hip-flexor", HIST_DONE, 60, -1),
		entry(local(2026, 10, 25, 1, 30, 0) + 7200, "hip-flexor", HIST_DONE, 60, -1),
	};
	(void)autumn;
	assert_int_equal(hist_append(path, e, 6, &err), 0);
	size_t len;
	char *text = slurp(path, &len);
	assert_non_null(strstr(text, "2026-03-29T01:59:00+01:00\tknee-to-chest"));
	assert_non_null(strstr(text, "2026-03-29T03:01:00+02:00\tknee-to-chest"));
	assert_non_null(strstr(text, "2026-10-25T02:30:00+02:00\thip-flexor"));
	assert_non_null(strstr(text, "2026-10-25T02:30:00+01:00\thip-flexor"));
	free(text);

	assert_int_equal(hist_load(path, &h, NULL, NULL, &err), 0);
	assert_int_equal(h.n, 6);
	/* The two 02:30s are an hour apart, and both on the 25th. */
	assert_int_equal(h.e[5].when - h.e[4].when, 3600);
	assert_int_equal(h.e[4].day, day(2026, 10, 25));
	assert_int_equal(h.e[5].day, day(2026, 10, 25));

	/* 23 hours after Sunday 00:30 is already Monday 00:30: midnight comes at 22:30. */
	time_t sun = local(2026, 3, 29, 0, 30, 0);
	assert_int_equal(hist_today(sun), day(2026, 3, 29));
	assert_int_equal(hist_today(sun + 23 * 3600), day(2026, 3, 30));
	assert_int_equal(hist_today(sun + 22 * 3600 + 1800), day(2026, 3, 30));
	assert_int_equal(hist_today(sun + 22 * 3600 + 1799), day(2026, 3, 29));

	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 3, 29, 23, 30, 0), &s), 0);
	assert_int_equal(s.ex[KNEE].today, 2);
	assert_false(s.ex[KNEE].due);
	assert_int_equal(s.streak, 2);
	hist_summary_free(&s);
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 3, 30, 0, 45, 0), &s), 0);
	assert_int_equal(s.ex[KNEE].today, 1);
	assert_int_equal(s.streak, 3);
	hist_summary_free(&s);

	/* The menu's one timer: the next local midnight, on short and long days too. */
	assert_int_equal(hist_next_day(local(2026, 3, 28, 23, 59, 59)),
	                 local(2026, 3, 29, 0, 0, 0));
	assert_int_equal(hist_next_day(local(2026, 3, 29, 0, 0, 0)), local(2026, 3, 30, 0, 0, 0));
	assert_int_equal(hist_next_day(sun) - sun, 22 * 3600 + 1800);
	assert_int_equal(hist_next_day(local(2026, 10, 25, 0, 30, 0)) -
	                     local(2026, 10, 25, 0, 30, 0),
	                 24 * 3600 + 1800);
	assert_int_equal(hist_next_day(local(2026, 12, 31, 12, 0, 0)), local(2027, 1, 1, 0, 0, 0));

	/* 25 hours after Sunday 00:30 in October is Monday 00:30: midnight at 24:30. */
	sun = local(2026, 10, 25, 0, 30, 0);
	assert_int_equal(hist_today(sun + 24 * 3600), day(2026, 10, 25));
	assert_int_equal(hist_today(sun + 24 * 3600 + 1799), day(2026, 10, 25));
	assert_int_equal(hist_today(sun + 24 * 3600 + 1800), day(2026, 10, 26));
	assert_int_equal(hist_today(sun + 25 * 3600), day(2026, 10, 26));
	assert_int_equal(hist_summarize(&h, &test_cat, sun + 24 * 3600, &s), 0);
	assert_int_equal(s.ex[HIP].today, 2);
	hist_summary_free(&s);
	hist_free(&h);
}

/* ---- Frequencies, streaks and shades -------------------------------------------- */

static void test_weekly_frequency_and_due(void **state)
{
	struct hist h;
	struct hist_summary s;
	(void)state;

	parse_ok(&h, "2026-11-23T18:00:00+01:00\tcore\tdone\t300\t-\n"
	             "2026-11-25T18:00:00+01:00\tcore\tpartial\t100\t-\n"
	             "2026-11-25T18:10:00+01:00\tcore\tdone\t300\t-\n"
	             "2026-11-26T07:00:00+01:00\tknee-to-chest\tdone\t60\t-\n"
	             "2026-11-26T07:02:00+01:00\thip-flexor\tdone\t60\t-\n"
	             "2026-11-26T19:00:00+01:00\thip-flexor\tdone\t60\t-\n"
	             "2026-11-26T19:05:00+01:00\thip-flexor\tdone\t60\t-\n");
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 11, 26, 20, 0, 0), &s), 0);
	/* Core: twice this week (the partial try does not count); not due. */
	assert_int_equal(s.ex[CORE].count, 2);
	assert_int_equal(s.ex[CORE].today, 0);
	assert_false(s.ex[CORE].due);
	/* Cat-cow: not yet this week. */
	assert_int_equal(s.ex[CATCOW].count, 0);
	assert_true(s.ex[CATCOW].due);
	/* Knee-to-chest once today of twice: due. Hip flexors three of 2-3: done. */
	assert_int_equal(s.ex[KNEE].count, 1);
	assert_true(s.ex[KNEE].due);
	assert_int_equal(s.ex[HIP].count, 3);
	assert_false(s.ex[HIP].due);
	assert_int_equal(s.today_active_s, 240);
	assert_int_equal(hist_count(&h, "core", day(2026, 11, 23), day(2026, 11, 29)), 2);
	hist_summary_free(&s);
	hist_free(&h);
}

/* The due list follows the day given: a new day makes the daily ones due again. */
static void test_due_list(void **state)
{
	struct hist h;
	struct hist_summary s;
	unsigned out[4];
	(void)state;

	parse_ok(&h, "2026-11-26T07:00:00+01:00\tknee-to-chest\tdone\t60\t-\n"
	             "2026-11-26T07:02:00+01:00\tknee-to-chest\tdone\t60\t-\n"
	             "2026-11-26T07:04:00+01:00\tcat-cow\tdone\t60\t-\n"
	             "2026-11-26T07:06:00+01:00\tcat-cow\tdone\t60\t-\n"
	             "2026-11-26T07:08:00+01:00\tcat-cow\tdone\t60\t-\n");
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 11, 26, 20, 0, 0), &s), 0);
	assert_int_equal(hist_due(&s, 4, out), 2);
	assert_int_equal(out[0], HIP);
	assert_int_equal(out[1], CORE);
	hist_summary_free(&s);
	/* The next morning knee-to-chest is due again; cat-cow is done for the week. */
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 11, 27, 8, 0, 0), &s), 0);
	assert_int_equal(hist_due(&s, 4, out), 3);
	assert_int_equal(out[0], KNEE);
	assert_int_equal(out[1], HIP);
	assert_int_equal(out[2], CORE);
	/* Counts of another catalogue, or none: everything is due. */
	assert_int_equal(hist_due(&s, 3, out), 3);
	assert_int_equal(hist_due(NULL, 4, out), 4);
	assert_int_equal(out[3], CATCOW);
	hist_summary_free(&s);
	hist_free(&h);
}

static void test_streaks_across_gaps(void **state)
{
	struct hist h;
	struct hist_summary s;
	(void)state;

	/*
	 * Done on the 1st, 2nd, 3rd; nothing on the 4th; done on the 5th and
	 * 6th; only a partial try on the 8th.
	 */
	parse_ok(&h, "2026-06-01T08:00:00+02:00\tcore\tdone\t60\t-\n"
	             "2026-06-02T08:00:00+02:00\tknee-to-chest\tdone\t60\t-\n"
	             "2026-06-03T08:00:00+02:00\tgone-from-catalogue\tdone\t60\t-\n"
	             "2026-06-05T08:00:00+02:00\tcore\tdone\t60\t-\n"
	             "2026-06-06T08:00:00+02:00\tcore\tdone\t60\t-\n"
	             "2026-06-08T08:00:00+02:00\tcore\tpartial\t60\t-\n");
	/* On the 6th: a two-day streak; the best is three. */
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 6, 6, 20, 0, 0), &s), 0);
	assert_int_equal(s.streak, 2);
	assert_int_equal(s.best_streak, 3);
	hist_summary_free(&s);
	/* On the 7th with nothing yet: today is not over, the streak holds. */
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 6, 7, 20, 0, 0), &s), 0);
	assert_int_equal(s.streak, 2);
	hist_summary_free(&s);
	/* On the 8th: the 7th was missed, and a partial try does not count. */
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 6, 8, 20, 0, 0), &s), 0);
	assert_int_equal(s.streak, 0);
	assert_int_equal(s.best_streak, 3);
	hist_summary_free(&s);
	/* Seen from the 3rd, later days do not count yet. */
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 6, 3, 9, 0, 0), &s), 0);
	assert_int_equal(s.streak, 3);
	assert_int_equal(s.best_streak, 3);
	hist_summary_free(&s);
	hist_free(&h);

	/* An empty history. */
	struct hist empty = { NULL, 0 };
	assert_int_equal(hist_summarize(&empty, &test_cat, local(2026, 6, 3, 9, 0, 0), &s), 0);
	assert_int_equal(s.streak, 0);
	assert_int_equal(s.best_streak, 0);
	assert_int_equal(s.n_days, 0);
	assert_int_equal(s.ex[KNEE].pct7, 0);
	assert_true(s.ex[KNEE].due);
	assert_false(s.has_pain);
	assert_int_equal(s.cal[HIST_CAL_DAYS - 1].level, 0);
	hist_summary_free(&s);
}

static void test_calendar_shades_due_work(void **state)
{
	struct hist h;
	struct hist_summary s;
	struct hist_day d;
	(void)state;

	/*
	 * Daily due work is 4 units (knee-to-chest 2, hip flexors 2).
	 *  Mon 23: all 4                                       -> 4
	 *  Tue 24: knee x3 (only 2 count) + hip x1 = 3 of 4     -> 3
	 *  Wed 25: core (weekly): 1 unit due and done; knee x1: 2 of 5 -> 2
	 *  Thu 26: knee x1 = 1 of 4                             -> 1
	 *  Fri 27: a partial try only                           -> 1
	 *  Sat 28: nothing                                      -> 0
	 *  Sun 29: core x2 more; the week's 3rd is past its 2  -> 1 of 5 -> 1
	 */
	parse_ok(&h, "2026-11-23T07:00:00+01:00\tknee-to-chest\tdone\t60\t-\n"
	             "2026-11-23T07:01:00+01:00\thip-flexor\tdone\t60\t-\n"
	             "2026-11-23T19:00:00+01:00\tknee-to-chest\tdone\t60\t-\n"
	             "2026-11-23T19:01:00+01:00\thip-flexor\tdone\t60\t-\n"
	             "2026-11-24T07:00:00+01:00\tknee-to-chest\tdone\t60\t-\n"
	             "2026-11-24T08:00:00+01:00\tknee-to-chest\tdone\t60\t-\n"
	             "2026-11-24T09:00:00+01:00\tknee-to-chest\tdone\t60\t-\n"
	             "2026-11-24T09:01:00+01:00\thip-flexor\tdone\t60\t-\n"
	             "2026-11-25T07:00:00+01:00\tcore\tdone\t60\t-\n"
	             "2026-11-25T07:01:00+01:00\tknee-to-chest\tdone\t60\t-\n"
	             "2026-11-26T07:00:00+01:00\tknee-to-chest\tdone\t60\t-\n"
	             "2026-11-27T07:00:00+01:00\tknee-to-chest\tpartial\t20\t-\n"
	             "2026-11-29T07:00:00+01:00\tcore\tdone\t60\t-\n"
	             "2026-11-29T08:00:00+01:00\tcore\tdone\t60\t-\n");
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 11, 29, 21, 0, 0), &s), 0);
	assert_int_equal(s.daily_due, 4);
	const struct hist_day *cal = &s.cal[HIST_CAL_DAYS - 7];
	assert_int_equal(cal[0].day, day(2026, 11, 23));
	static const unsigned char want_level[7] = { 4, 3, 2, 1, 1, 0, 1 };
	static const unsigned want_done[7] = { 4, 3, 2, 1, 0, 0, 1 };
	static const unsigned want_due[7] = { 4, 4, 5, 4, 4, 4, 5 };
	for (int i = 0; i < 7; i++) {
		assert_int_equal(cal[i].level, want_level[i]);
		assert_int_equal(cal[i].done_units, want_done[i]);
		assert_int_equal(cal[i].due_units, want_due[i]);
	}
	assert_int_equal(s.cal[HIST_CAL_DAYS - 1].day, s.today);
	assert_int_equal(s.cal[0].day, s.today - 83);
	assert_true(hist_day_fraction(&cal[1]) > 0.74 && hist_day_fraction(&cal[1]) < 0.76);

	/* The per-day rows for scripts: days with entries, and empty ones. */
	assert_int_equal(s.n_days, 6);
	assert_true(hist_summary_day(&s, day(2026, 11, 24), &d));
	assert_int_equal(d.done, 4);
	assert_int_equal(d.active_s, 240);
	assert_false(hist_summary_day(&s, day(2026, 11, 28), &d));
	assert_int_equal(d.done, 0);
	assert_int_equal(d.due_units, 4);
	assert_int_equal(d.level, 0);
	assert_true(hist_summary_day(&s, day(2026, 11, 27), &d));
	assert_int_equal(d.partial, 1);
	assert_int_equal(d.done, 0);
	hist_summary_free(&s);
	hist_free(&h);
}

/*
 * A stop is never done or partial: it adds to no count, adherence, due work
 * or streak, only to the day's stops, active time and scores. Old five-field
 * lines and seven-field lines mix in one file.
 */
static void test_stops_are_neither_done_nor_partial(void **state)
{
	struct hist h;
	struct hist_summary s;
	struct hist_day d;
	(void)state;

	parse_ok(&h, "# timestamp\texercise-id\tstatus\tactive-seconds\tpain\n"
	             "2026-11-23T07:00:00+01:00\tknee-to-chest\tdone\t60\t4\n"
	             "2026-11-23T07:05:00+01:00\tknee-to-chest\tdone\t60\t4\n"
	             "# timestamp\texercise-id\tstatus\tactive-seconds\tpain\tpain-before\tstep\n"
	             "2026-11-24T07:00:00+01:00\tknee-to-chest\tdone\t60\t5\t3\t-\n"
	             "2026-11-24T07:05:00+01:00\tknee-to-chest\tstopped\t20\t8\t3\t-\n"
	             "2026-11-24T07:10:00+01:00\tcore\tstopped\t10\t8\t3\t-\n"
	             "2026-11-25T07:00:00+01:00\thip-flexor\tstopped\t15\t6\t-\t-\n");
	assert_int_equal(h.n, 6);
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 11, 25, 21, 0, 0), &s), 0);

	assert_true(hist_summary_day(&s, day(2026, 11, 24), &d));
	assert_int_equal(d.done, 1);
	assert_int_equal(d.partial, 0);
	assert_int_equal(d.stopped, 2);
	assert_int_equal(d.active_s, 90);
	assert_int_equal(d.done_units, 1);
	assert_true(hist_day_pain(&d) == 7.0);
	assert_true(hist_day_pain_before(&d) == 3.0);
	/* The old lines carry no pain-before. */
	assert_true(hist_summary_day(&s, day(2026, 11, 23), &d));
	assert_true(hist_day_pain_before(&d) < 0.0);

	/* A day with only a stop: showed up (lightest shade), nothing done. */
	assert_true(hist_summary_day(&s, day(2026, 11, 25), &d));
	assert_int_equal(d.done, 0);
	assert_int_equal(d.partial, 0);
	assert_int_equal(d.stopped, 1);
	assert_int_equal(d.level, 1);
	assert_int_equal(s.ex[HIP].today, 0);
	assert_int_equal(s.ex[HIP].pct7, 0);
	/* Stopped today: not due again today (issue 19), and still expected. */
	assert_false(s.ex[HIP].due);
	assert_true(s.ex[HIP].stopped_today);
	assert_true(s.ex[HIP].expected7 > 0.0);
	/* Knee-to-chest: 2 + 1 done of 2 + 2 expected (today expects only what was done). */
	assert_true(s.ex[KNEE].done7 == 3.0);
	assert_int_equal(s.ex[CORE].week, 0);
	assert_int_equal(hist_count(&h, "knee-to-chest", day(2026, 11, 24), day(2026, 11, 24)), 1);
	/* The 25th has a stop only: the streak ends on the 24th. */
	assert_int_equal(s.streak, 2);
	hist_summary_free(&s);
	hist_free(&h);
}

static void test_adherence_last_7_and_30_days(void **state)
{
	struct hist h;
	struct hist_summary s;
	char text[16384];
	size_t off = 0;
	(void)state;

	/*
	 * From 2026-11-01 to 2026-11-30: knee-to-chest twice every day but
	 * three times on the 29th (only 2 count) and none on the 28th; core once
	 * a week on Wednesdays (half of 2 a week).
	 */
	for (unsigned d = 1; d <= 30; d++) {
		unsigned n = d == 28 ? 0 : d == 29 ? 3 : 2;
		for (unsigned i = 0; i < n; i++)
			off += (size_t)snprintf(
			    text + off, sizeof(text) - off,
			    "2026-11-%02uT%02u:00:00+01:00\tknee-to-chest\tdone\t60\t-\n", d,
			    7 + 6 * i);
		if (hist_weekday(day(2026, 11, d)) == 2)
			off += (size_t)snprintf(text + off, sizeof(text) - off,
			                        "2026-11-%02uT18:00:00+01:00\tcore\tdone\t300\t-\n",
			                        d);
	}
	parse_ok(&h, text);

	/* Evening of the 30th, after both sessions: 12 of 14 and 58 of 60. */
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 11, 30, 21, 0, 0), &s), 0);
	assert_true(s.ex[KNEE].expected7 == 14.0 && s.ex[KNEE].done7 == 12.0);
	assert_int_equal(s.ex[KNEE].pct7, 86);
	assert_int_equal(s.ex[KNEE].pct30, 97);
	/* Core: 1 in the last 7 days of 2 expected; 4 in 30 of 30 * 2 / 7. */
	assert_int_equal(s.ex[CORE].pct7, 50);
	assert_int_equal(s.ex[CORE].pct30, 47);
	/* Never done: 0. */
	assert_int_equal(s.ex[HIP].pct7, 0);
	assert_int_equal(s.ex[CATCOW].pct30, 0);
	hist_summary_free(&s);

	/* Early on the 30th, before the morning session: today is not counted as missed. */
	struct hist h2 = h;
	h2.n -= 2; /* drop the 30th's two sessions */
	assert_int_equal(h2.e[h2.n - 1].day, day(2026, 11, 29));
	assert_int_equal(hist_summarize(&h2, &test_cat, local(2026, 11, 30, 6, 0, 0), &s), 0);
	assert_true(s.ex[KNEE].expected7 == 12.0 && s.ex[KNEE].done7 == 10.0);
	assert_int_equal(s.ex[KNEE].pct7, 83);
	hist_summary_free(&s);
	hist_free(&h);

	/* A new user is not blamed for the days before they started. */
	parse_ok(&h, "2026-11-29T07:00:00+01:00\tknee-to-chest\tdone\t60\t-\n"
	             "2026-11-29T19:00:00+01:00\tknee-to-chest\tdone\t60\t-\n"
	             "2026-11-30T07:00:00+01:00\tknee-to-chest\tdone\t60\t-\n"
	             "2026-11-30T19:00:00+01:00\tknee-to-chest\tdone\t60\t-\n"
	             "2026-11-30T19:00:00+01:00\tcat-cow\tdone\t60\t-\n");
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 11, 30, 21, 0, 0), &s), 0);
	assert_int_equal(s.ex[KNEE].pct7, 100);
	assert_int_equal(s.ex[KNEE].pct30, 100);
	assert_int_equal(s.ex[CATCOW].pct30, 100); /* 1 done of 3 * 2 / 7 expected: capped */
	hist_summary_free(&s);
	hist_free(&h);
}

static void test_pain_per_day_and_trend(void **state)
{
	struct hist h;
	struct hist_summary s;
	struct hist_day d;
	(void)state;

	parse_ok(&h, "2026-09-01T07:00:00+02:00\tknee-to-chest\tdone\t60\t6\n" /* Tuesday */
	             "2026-09-01T07:05:00+02:00\thip-flexor\tdone\t60\t6\n"
	             "2026-09-03T07:00:00+02:00\tknee-to-chest\tdone\t60\t5\n"
	             "2026-09-07T07:00:00+02:00\tknee-to-chest\tdone\t60\t4\n" /* next Monday */
	             "2026-09-08T07:00:00+02:00\tknee-to-chest\tdone\t60\t1\n"
	             "2026-10-20T07:00:00+02:00\tknee-to-chest\tdone\t60\t3\n"
	             "2026-10-25T07:00:00+01:00\tknee-to-chest\tdone\t60\t2\n" /* Sunday */
	             "2026-10-27T07:00:00+01:00\tknee-to-chest\tdone\t60\t1\n" /* Tuesday */
	             "2026-10-28T07:00:00+01:00\tknee-to-chest\tdone\t60\t-\n");
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 10, 28, 21, 0, 0), &s), 0);
	assert_true(s.has_pain);
	assert_int_equal(s.pain_first_day, day(2026, 9, 1));
	assert_int_equal(s.pain_last_day, day(2026, 10, 27));
	/* Weeks are Monday to Sunday, as the report's: (6 + 6 + 5) / 3 in the
	 * week of 31 August, and 1 in the week of 26 October (the Sunday
	 * before is the week before). */
	assert_true(s.pain_first == 17.0 / 3);
	assert_true(s.pain_last == 1.0);
	assert_true(hist_pain_trend(&s));
	assert_true(hist_summary_day(&s, day(2026, 9, 1), &d));
	assert_true(hist_day_pain(&d) == 6.0);
	assert_true(hist_summary_day(&s, day(2026, 10, 28), &d));
	assert_true(hist_day_pain(&d) == -1.0);
	hist_summary_free(&s);
	hist_free(&h);

	/* A Sunday and the Monday after: two weeks, a trend; Monday to Sunday: one. */
	parse_ok(&h, "2026-10-25T07:00:00+01:00\tknee-to-chest\tdone\t60\t6\n"
	             "2026-10-26T07:00:00+01:00\tknee-to-chest\tdone\t60\t2\n");
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 10, 28, 21, 0, 0), &s), 0);
	assert_true(hist_pain_trend(&s));
	assert_true(s.pain_first == 6.0 && s.pain_last == 2.0);
	hist_summary_free(&s);
	hist_free(&h);
	parse_ok(&h, "2026-10-26T07:00:00+01:00\tknee-to-chest\tdone\t60\t6\n"
	             "2026-11-01T07:00:00+01:00\tknee-to-chest\tdone\t60\t2\n");
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 11, 1, 21, 0, 0), &s), 0);
	assert_false(hist_pain_trend(&s));
	assert_true(s.pain_last == 4.0);
	hist_summary_free(&s);
	hist_free(&h);

	/*
	 * Pain by session, as the report counts it: the three lines of one
	 * routine (session s1, 6 on each) are one score; a line without an id
	 * is a session of its own (2). Two sessions: 4.0, not the lines' 5.0;
	 * a pain-before the same way (3 and 1: 2.0).
	 */
	parse_ok(&h, "2026-10-26T07:00:00+01:00\tknee-to-chest\tdone\t60\t6\t3\t-\ts1\n"
	             "2026-10-26T07:05:00+01:00\tcat-cow\tdone\t60\t6\t3\t-\ts1\n"
	             "2026-10-26T07:10:00+01:00\tknee-to-chest\tdone\t60\t6\t3\t-\ts1\n"
	             "2026-10-26T19:00:00+01:00\tknee-to-chest\tdone\t60\t2\t1\t-\n");
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 10, 28, 21, 0, 0), &s), 0);
	assert_true(s.pain_last == 4.0);
	assert_true(hist_summary_day(&s, day(2026, 10, 26), &d));
	assert_int_equal(d.pain_n, 2);
	assert_true(hist_day_pain(&d) == 4.0);
	assert_true(hist_day_pain_before(&d) == 2.0);
	hist_summary_free(&s);
	hist_free(&h);
}

static void test_out_of_order_lines_are_sorted(void **state)
{
	struct hist h;
	(void)state;

	parse_ok(&h, "2026-11-25T07:00:00+01:00\tcore\tdone\t60\t-\n"
	             "2026-11-24T07:00:00+01:00\tcore\tdone\t60\t-\n"
	             "2026-11-24T06:00:00+01:00\tcore\tdone\t60\t-\n");
	assert_int_equal(h.n, 3);
	assert_int_equal(h.e[0].line, 3);
	assert_int_equal(h.e[1].line, 2);
	assert_int_equal(h.e[2].line, 1);
	hist_free(&h);
}

/*
 * Fields 8 and 9: the session is read as a number the lines of one session
 * share (0: none, also for `-`); the source is `timer` unless it says `log`
 * (a line without one was timed); fields after the ninth are read past.
 */
static void test_lines_to_come_are_read(void **state)
{
	struct hist h;
	(void)state;

	parse_ok(&h, "2026-11-24T07:00:00+01:00\tcore\tdone\t60\t3\t4\t2/9\ts1\n"
	             "2026-11-24T07:05:00+01:00\tcore\tstopped\t20\t7\t4\t2/9\ts1\ttimer\n"
	             "2026-11-24T07:10:00+01:00\tcore\tdone\t60\t-\t-\t-\ts2\tlog\tlater\n");
	assert_int_equal(h.n, 3);
	assert_int_equal(h.e[0].pain_before, 4);
	assert_int_equal(h.e[0].step.k, 2);
	assert_int_equal(h.e[0].step.n, 9);
	assert_int_equal(h.e[1].status, HIST_STOPPED);
	assert_int_equal(h.e[1].pain, 7);
	assert_int_equal(h.e[2].step.kind, HIST_STEP_NONE);
	assert_true(h.e[0].session != 0);
	assert_true(h.e[0].session == h.e[1].session);
	assert_true(h.e[2].session != 0 && h.e[2].session != h.e[0].session);
	/* Ids already written keep their number: FNV-1a of the field. */
	assert_true(h.e[0].session == 0x08d8ff07b578d149ull);
	assert_int_equal(h.e[0].source, HIST_SRC_TIMER);
	assert_int_equal(h.e[1].source, HIST_SRC_TIMER);
	assert_int_equal(h.e[2].source, HIST_SRC_LOG);
	hist_free(&h);
	parse_ok(&h, "2026-11-24T07:00:00+01:00\tcore\tdone\t60\t3\t4\t2/9\t-\n"
	             "2026-11-24T07:05:00+01:00\tcore\tdone\t60\t3\t4\t2/9\n"
	             "2026-11-24T07:10:00+01:00\tcore\tdone\t60\t3\n"
	             "2026-11-24T07:15:00+01:00\tcore\tdone\t60\t3\t4\t2/9\t-\t-\n");
	assert_int_equal(h.n, 4);
	for (size_t i = 0; i < h.n; i++) {
		assert_true(h.e[i].session == 0);
		assert_int_equal(h.e[i].source, HIST_SRC_TIMER);
	}
	hist_free(&h);
}

/*
 * `lumbar log --date`: a past day's lines are at its local noon, on that day
 * whatever the clocks do (both Paris changes, and a zone without noon trouble).
 */
static void test_noon(void **state)
{
	static const struct {
		int y;
		unsigned m, d;
	} days[] = { { 2026, 3, 29 }, { 2026, 10, 25 }, { 2026, 12, 5 }, { 2028, 2, 29 } };
	(void)state;
	set_tz("Europe/Paris");
	for (size_t i = 0; i < sizeof(days) / sizeof(days[0]); i++) {
		int32_t d = day(days[i].y, days[i].m, days[i].d);
		time_t t = hist_noon(d);
		char ts[40];

		assert_int_equal(hist_today(t), d);
		hist_format_time(t, ts, sizeof(ts));
		assert_memory_equal(ts + 10, "T12:00:00", 9);
	}
	/* Two runs in one second (another process) are two sessions. */
	assert_true(hist_session_new(1000, 1) != hist_session_new(1000, 2));
	assert_true(hist_session_new(1000, 1) != hist_session_new(1001, 1));
	assert_true(hist_session_new(1000, 1) == hist_session_new(1000, 1));
	assert_true(hist_session_new(0, 0) != 0);
	assert_true(hist_session_new(1000, 1) == 0x3153621a8e8469bdull); /* of "1000.1" */
}

/* A UTF-8 byte-order mark before the first line (Notepad) is not damage. */
static void test_leading_bom_is_skipped(void **state)
{
	struct hist h;
	struct warnings w = { 0 };
	struct hist_error err;
	const char *text = "\xef\xbb\xbf"
	                   "2026-11-24T07:00:00+01:00\tcore\tdone\t60\t3\r\n"
	                   "2026-11-24T07:05:00+01:00\tcore\tdone\t60\t3\r\n";
	(void)state;

	assert_int_equal(hist_parse(text, strlen(text), &h, collect, &w, &err), 0);
	assert_int_equal(w.n, 0);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.e[0].line, 1);
	hist_free(&h);
}

/* A day's active seconds are summed in 64 bits: five lines of 999999999 s. */
static void test_day_active_seconds_do_not_wrap(void **state)
{
	struct hist h;
	struct hist_summary s;
	struct hist_day d;
	(void)state;

	parse_ok(&h, "2026-11-24T07:00:00+01:00\tcore\tdone\t999999999\t-\n"
	             "2026-11-24T07:01:00+01:00\tcore\tdone\t999999999\t-\n"
	             "2026-11-24T07:02:00+01:00\tcore\tdone\t999999999\t-\n"
	             "2026-11-24T07:03:00+01:00\tcore\tdone\t999999999\t-\n"
	             "2026-11-24T07:04:00+01:00\tcore\tdone\t999999999\t-\n");
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 11, 24, 21, 0, 0), &s), 0);
	assert_true(hist_summary_day(&s, day(2026, 11, 24), &d));
	assert_true(d.active_s == 4999999995ULL);
	assert_true(s.today_active_s == 4999999995ULL);
	hist_summary_free(&s);
	hist_free(&h);
}

/*
 * The streaming reader reads in pieces: lines across the pieces' edges are
 * whole, a line longer than a piece is named once as damage, and the lines
 * after it keep their numbers.
 */
static void test_stream_reads_in_pieces(void **state)
{
	char path[512];
	struct hist h;
	struct warnings w = { 0 };
	struct hist_error err;
	const char *line = "2026-11-24T07:00:00+01:00\tcore\tdone\t60\t3\t4\t-\n";
	size_t n = 3 * HIST_STREAM_BUF / strlen(line), long_len = 2 * HIST_STREAM_BUF + 17;
	(void)state;

	tmp_path(path, sizeof(path), "history.tsv");
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	fputs("\xef\xbb\xbf", fp);
	for (size_t i = 0; i < n; i++)
		fputs(line, fp);
	for (size_t i = 0; i < long_len; i++)
		fputc('x', fp);
	fputs("\n", fp);
	fputs(line, fp);
	fputs("2026-11-25T07:00:00+01:00\tcore\tdone\t60\t3", fp); /* no newline */
	fclose(fp);

	assert_int_equal(hist_load(path, &h, collect, &w, &err), 0);
	assert_int_equal(h.n, n + 2);
	assert_int_equal(w.n, 1);
	assert_int_equal(w.line[0], n + 1);
	assert_int_equal(h.e[n].line, n + 2);
	assert_int_equal(h.e[n + 1].line, n + 3);
	assert_int_equal(h.e[n + 1].day, day(2026, 11, 25));
	hist_free(&h);
}

/* A line dated after today (a clock wrong once) is not part of today's figures (18.20). */
static void test_lines_after_today_are_not_counted(void **state)
{
	struct hist h;
	struct hist_summary s;
	(void)state;

	parse_ok(&h, "2026-11-23T07:00:00+01:00\tknee-to-chest\tdone\t60\t2\n"
	             "2026-11-24T07:00:00+01:00\tknee-to-chest\tdone\t60\t3\n"
	             "2099-01-01T07:00:00+01:00\tknee-to-chest\tstopped\t60\t9\n");
	assert_int_equal(hist_summarize(&h, &test_cat, local(2026, 11, 24, 21, 0, 0), &s), 0);
	assert_int_equal(s.n_days, 2);
	assert_int_equal(s.pain_last_day, day(2026, 11, 24));
	assert_true(s.pain_last == 2.5);
	hist_summary_free(&s);
	hist_free(&h);
}

static void test_ten_years_of_history(void **state)
{
	char path[128];
	struct hist h;
	struct hist_summary s;
	struct hist_error err = { 0 };
	(void)state;

	/*
	 * About 15 000 lines: two exercises twice daily for ten years, core
	 * twice a week; five- and seven-field lines mixed.
	 */
	tmp_path(path, sizeof(path), "big.tsv");
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	unsigned lines = 0;
	int32_t first = day(2016, 12, 1);
	for (int32_t d = first; d < first + 3650; d++) {
		char date[16];
		hist_format_day(d, date, sizeof(date));
		int pain = (int)(d % 11);
		/* The last five years in the 7-field format, as after an upgrade. */
		const char *more = d >= first + 1825 ? "\t3\t-" : "";
		fprintf(fp, "%sT07:00:00+01:00\tknee-to-chest\tdone\t60\t%d%s\n", date, pain, more);
		fprintf(fp, "%sT07:02:00+01:00\thip-flexor\tdone\t60\t%d%s\n", date, pain, more);
		fprintf(fp, "%sT19:00:00+01:00\tknee-to-chest\tdone\t60\t-\n", date);
		fprintf(fp, "%sT19:02:00+01:00\thip-flexor\tdone\t60\t-\n", date);
		lines += 4;
		if (hist_weekday(d) == 2 || hist_weekday(d) == 5) {
			fprintf(fp, "%sT19:10:00+01:00\tcore\tdone\t300\t-\n", date);
			lines++;
		}
	}
	assert_int_equal(fclose(fp), 0);
	assert_true(lines > 15000);

	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(hist_load(path, &h, NULL, NULL, &err), 0);
	assert_int_equal(first + 3649, day(2026, 11, 28));
	time_t now = local(2026, 11, 29, 21, 0, 0); /* the day after the last */
	assert_int_equal(hist_summarize(&h, &test_cat, now, &s), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	print_message("[   INFO   ] %u lines read and summarised in %.2f ms\n", lines, ms);

	assert_int_equal(h.n, lines);
	assert_int_equal(s.n_days, 3650);
	assert_int_equal(s.best_streak, 3650);
	assert_int_equal(s.streak, 3650); /* today has nothing yet: ends yesterday */
	assert_int_equal(s.ex[KNEE].pct30, 100);
	assert_int_equal(h.e[0].pain_before, HIST_NO_PAIN);
	assert_int_equal(h.e[h.n - 1].pain_before, HIST_NO_PAIN); /* an evening 5-field line */
	assert_int_equal(h.e[h.n - 5].pain_before, 3);
	hist_summary_free(&s);
	hist_free(&h);
}

/* lumbar pause: paused days are not expected and do not break streaks. */
static void test_paused_days(void **state)
{
	struct hist h;
	struct hist_summary s;
	char text[8192];
	size_t off = 0;
	(void)state;

	/*
	 * knee-to-chest twice a day from the 1st to the 30th of November, but
	 * nothing from the 20th to the 25th (paused: travel); core on
	 * Wednesdays.
	 */
	for (unsigned d = 1; d <= 30; d++) {
		if (d >= 20 && d <= 25)
			continue;
		for (unsigned k = 0; k < 2; k++)
			off += (size_t)snprintf(
			    text + off, sizeof(text) - off,
			    "2026-11-%02uT%02u:00:00+01:00\tknee-to-chest\tdone\t60\t-\n", d,
			    7 + 10 * k);
		if (hist_weekday(day(2026, 11, d)) == 2)
			off += (size_t)snprintf(text + off, sizeof(text) - off,
			                        "2026-11-%02uT18:00:00+01:00\tcore\tdone\t300\t-\n",
			                        d);
	}
	parse_ok(&h, text);
	const struct hist_pause paused[] = { { day(2026, 11, 20), day(2026, 11, 25) } };
	time_t now = local(2026, 11, 30, 21, 0, 0);

	/* Without the pause: 6 missed days of 30, and the streak began on the 26th. */
	assert_int_equal(hist_summarize(&h, &test_cat, now, &s), 0);
	assert_true(s.ex[KNEE].expected30 == 60.0 && s.ex[KNEE].done30 == 48.0);
	assert_int_equal(s.ex[KNEE].pct30, 80);
	assert_int_equal(s.ex[KNEE].pct7, 71); /* 10 of 14 */
	assert_int_equal(s.streak, 5);
	assert_int_equal(s.best_streak, 19);
	hist_summary_free(&s);

	/*
	 * With it: 24 days expected, 48 of 48; 5 of the last 7 days, 10 of
	 * 10. Core (2 a week) is expected on the 24 days left: 24 * 2 / 7. The
	 * streak runs across the pause without counting its days: 19 + 5.
	 */
	assert_int_equal(hist_summarize_paused(&h, &test_cat, now, paused, 1, &s), 0);
	assert_true(s.ex[KNEE].expected30 == 48.0 && s.ex[KNEE].done30 == 48.0);
	assert_int_equal(s.ex[KNEE].pct30, 100);
	assert_true(s.ex[KNEE].expected7 == 10.0);
	assert_int_equal(s.ex[KNEE].pct7, 100);
	assert_true(s.ex[CORE].expected30 * 7.0 > 47.99 && s.ex[CORE].expected30 * 7.0 < 48.01);
	assert_int_equal(s.streak, 24);
	assert_int_equal(s.best_streak, 24);
	hist_summary_free(&s);

	/* Seen on the 23rd, in the pause: the streak up to the 19th holds. */
	now = local(2026, 11, 23, 21, 0, 0);
	assert_int_equal(hist_summarize_paused(&h, &test_cat, now, paused, 1, &s), 0);
	assert_int_equal(s.streak, 19);
	/* Today paused and nothing done: nothing expected today either. */
	assert_true(s.ex[KNEE].expected7 == 2.0 * 3);
	hist_summary_free(&s);
	/* Without the pause it is broken. */
	assert_int_equal(hist_summarize(&h, &test_cat, now, &s), 0);
	assert_int_equal(s.streak, 0);
	hist_summary_free(&s);
	hist_free(&h);

	/* The arithmetic under it. */
	const struct hist_pause two[] = { { 10, 12 }, { 20, 29 } };
	assert_int_equal(hist_paused_days(two, 2, 0, 100), 13);
	assert_int_equal(hist_paused_days(two, 2, 11, 21), 4);
	assert_int_equal(hist_paused_days(two, 2, 13, 19), 0);
	assert_int_equal(hist_paused_days(two, 2, 12, 11), 0);
	assert_true(hist_paused(two, 2, 12));
	assert_false(hist_paused(two, 2, 13));
	assert_false(hist_paused(NULL, 0, 13));
}

/*
 * What is due, as of the 25th at 21:00 (a Wednesday): a stop stands for the
 * rest of its day; while today is paused nothing is due (issue 19 §1).
 */
static void test_due_rules(void **state)
{
	static const struct {
		const char *what, *hist;
		int32_t pause_from, pause_to; /* days of November; 0: no pause */
		unsigned ex;
		bool due, stopped_today;
	} t[] = {
		{ "nothing done: due", "", 0, 0, KNEE, true, false },
		{ "stopped today: not due, stopped today",
		  "2026-11-25T07:00:00+01:00\tknee-to-chest\tstopped\t20\t6\t3\t-\n", 0, 0, KNEE,
		  false, true },
		{ "stopped today, with no score: the same",
		  "2026-11-25T07:00:00+01:00\tknee-to-chest\tstopped\t20\t-\t-\t-\n", 0, 0, KNEE,
		  false, true },
		{ "stopped today after one done of two: not due",
		  "2026-11-25T07:00:00+01:00\tknee-to-chest\tdone\t60\t2\t2\t-\n"
		  "2026-11-25T08:00:00+01:00\tknee-to-chest\tstopped\t20\t6\t3\t-\n",
		  0, 0, KNEE, false, true },
		{ "a weekly exercise stopped today: not due today",
		  "2026-11-25T07:00:00+01:00\tcore\tstopped\t20\t6\t3\t-\n", 0, 0, CORE, false,
		  true },
		{ "stopped yesterday: due again today",
		  "2026-11-24T07:00:00+01:00\tknee-to-chest\tstopped\t20\t6\t3\t-\n", 0, 0, KNEE,
		  true, false },
		{ "another exercise stopped today: still due",
		  "2026-11-25T07:00:00+01:00\thip-flexor\tstopped\t20\t6\t3\t-\n", 0, 0, KNEE, true,
		  false },
		{ "partial today: still due",
		  "2026-11-25T07:00:00+01:00\tknee-to-chest\tpartial\t20\t2\t2\t-\n", 0, 0, KNEE,
		  true, false },
		{ "today paused: nothing due", "", 24, 27, KNEE, false, false },
		{ "today paused: a weekly one neither", "", 25, 25, CATCOW, false, false },
		{ "a pause that ended yesterday: due", "", 20, 24, KNEE, true, false },
		{ "a pause from tomorrow: due", "", 26, 28, KNEE, true, false },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct hist h;
		struct hist_summary s;
		struct hist_pause p = { day(2026, 11, (unsigned)t[i].pause_from),
			                day(2026, 11, (unsigned)t[i].pause_to) };
		unsigned out[4];

		parse_ok(&h, t[i].hist);
		assert_int_equal(hist_summarize_paused(&h, &test_cat, local(2026, 11, 25, 21, 0, 0),
		                                       &p, t[i].pause_from ? 1 : 0, &s),
		                 0);
		if (s.ex[t[i].ex].due != t[i].due ||
		    s.ex[t[i].ex].stopped_today != t[i].stopped_today)
			fail_msg("%s: due %d stopped_today %d", t[i].what, s.ex[t[i].ex].due,
			         s.ex[t[i].ex].stopped_today);
		/* hist_due() lists what is due, and only that. */
		bool listed = false;
		for (unsigned k = 0, n = hist_due(&s, 4, out); k < n; k++)
			listed |= out[k] == t[i].ex;
		if (listed != t[i].due)
			fail_msg("%s: hist_due() %s it", t[i].what,
			         listed ? "lists" : "leaves out");
		hist_summary_free(&s);
		hist_free(&h);
	}
}

static void count_warning(void *ctx, unsigned line, const char *why)
{
	(void)line;
	(void)why;
	++*(unsigned *)ctx;
}

/* lumbar due reads this week only: the due list is the same. */
static void test_load_since(void **state)
{
	struct hist all, week;
	struct hist_summary a, w;
	unsigned ia[4], iw[4];
	const char *text = "2026-11-01T07:00:00+01:00\tknee-to-chest\tdone\t60\t-\n"
	                   "2026-11-29T07:00:00+01:00\tcore\tdone\t60\t-\n"
	                   "2026-11-30T07:00:00+01:00\tcore\tdone\t60\t-\n"
	                   "2026-12-01T07:00:00+01:00\tknee-to-chest\tdone\t60\t-\n"
	                   "2026-12-01T08:00:00+01:00\tknee-to-chest\tdone\t60\t-\n"
	                   "2026-12-01T09:00:00+01:00\tcore\tdone\t60\t-\n"
	                   "2026-11-02 damaged and old\n"
	                   "2026-12-01 damaged and new\n";
	unsigned warned = 0;
	(void)state;

	time_t now = local(2026, 12, 1, 21, 0, 0);
	assert_int_equal(hist_parse(text, strlen(text), &all, NULL, NULL, NULL), 0);
	assert_int_equal(hist_parse_since(text, strlen(text), hist_week_start(hist_today(now)),
	                                  &week, count_warning, &warned, NULL),
	                 0);
	assert_int_equal(all.n, 6);
	assert_int_equal(week.n, 4); /* Monday the 30th and Tuesday the 1st */
	assert_int_equal(warned, 1); /* the old damaged line is skipped unread */
	assert_int_equal(hist_summarize(&all, &test_cat, now, &a), 0);
	assert_int_equal(hist_summarize(&week, &test_cat, now, &w), 0);
	assert_int_equal(hist_due(&w, 4, iw), hist_due(&a, 4, ia));
	assert_memory_equal(iw, ia, hist_due(&a, 4, ia) * sizeof(ia[0]));
	assert_int_equal(hist_due(&w, 4, iw), 2); /* hip-flexor and cat-cow */
	hist_summary_free(&a);
	hist_summary_free(&w);
	hist_free(&all);
	hist_free(&week);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_path_resolution),
		cmocka_unit_test(test_civil_days),
		cmocka_unit_test(test_timestamp_has_local_offset),
		cmocka_unit_test(test_parse_line_fields),
		cmocka_unit_test_setup_teardown(test_damaged_lines_reported_and_file_unchanged,
		                                make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_missing_file_is_empty_history, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_append_roundtrip, make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_header_once_and_folder_mode, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_append_after_torn_line_keeps_lines_whole,
		                                make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_history_path_is_directory, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_unwritable_folder, make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_hostile_history_files, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_full_disk_is_an_error_not_a_crash, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_concurrent_appends_from_two_processes,
		                                make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_local_midnight_splits_days, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_week_starts_on_monday, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_daylight_saving_changes, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test(test_due_list),
		cmocka_unit_test_setup_teardown(test_weekly_frequency_and_due, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_streaks_across_gaps, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_calendar_shades_due_work, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test(test_stops_are_neither_done_nor_partial),
		cmocka_unit_test_setup_teardown(test_paused_days, make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_due_rules, make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_load_since, make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_adherence_last_7_and_30_days, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_pain_per_day_and_trend, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test(test_out_of_order_lines_are_sorted),
		cmocka_unit_test(test_lines_to_come_are_read),
		cmocka_unit_test(test_noon),
		cmocka_unit_test(test_lines_after_today_are_not_counted),
		cmocka_unit_test_setup_teardown(test_stream_reads_in_pieces, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test(test_leading_bom_is_skipped),
		cmocka_unit_test(test_day_active_seconds_do_not_wrap),
		cmocka_unit_test(test_endless_file_is_refused),
		cmocka_unit_test_setup_teardown(test_ten_years_of_history, make_tmpdir,
		                                remove_tmpdir),
	};
	set_tz("Europe/Paris");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
