/*
 * test_events.c - the events file beside the history, and the rules read
 * from both: bad mornings, the banner, the safety screen, the morning
 * check-in. A fixed time zone; "today" is always an argument.
 */
#include <errno.h>
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "events.h"

/* ---- Fixtures ---------------------------------------------------------------- */

static time_t local(int y, int mo, int d, int h, int mi)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

static int32_t nov(unsigned d)
{
	return hist_day_from_civil(2026, 11, d);
}

static char tmpdir[64];

static int setup(void **state)
{
	(void)state;
	setenv("TZ", "Europe/Paris", 1);
	tzset();
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/lumbar-events-XXXXXX");
	assert_non_null(mkdtemp(tmpdir));
	return 0;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int teardown(void **state)
{
	(void)state;
	nftw(tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	char *buf = malloc(1 << 16);
	assert_non_null(buf);
	size_t len = fread(buf, 1, (1 << 16) - 1, fp);
	buf[len] = '\0';
	fclose(fp);
	return buf;
}

struct warnings {
	unsigned n;
	unsigned line[8];
	char why[8][192];
};

static void collect(void *ctx, unsigned line, const char *why)
{
	struct warnings *w = ctx;

	if (w->n < 8) {
		w->line[w->n] = line;
		snprintf(w->why[w->n], sizeof(w->why[0]), "%s", why);
	}
	w->n++;
}

/* A history and an events log from text; every line must be valid. */
static void load(struct hist *h, struct ev_log *ev, const char *htext, const char *etext)
{
	struct warnings w = { 0 };

	assert_int_equal(hist_parse(htext, strlen(htext), h, collect, &w, NULL), 0);
	assert_int_equal(ev_parse(etext, strlen(etext), ev, collect, &w, NULL), 0);
	assert_int_equal(w.n, 0);
}

/* ---- The file ------------------------------------------------------------------ */

static void test_kind_names(void **state)
{
	enum ev_kind k;
	(void)state;

	for (unsigned i = 0; i < EV_N_KINDS; i++) {
		const char *name = ev_kind_name((enum ev_kind)i);
		assert_int_equal(ev_kind_parse(name, strlen(name), &k), 0);
		assert_int_equal(k, i);
	}
	assert_string_equal(ev_kind_name(EV_SAFETY_SHOWN), "safety-shown");
	assert_string_equal(ev_kind_name(EV_REMIND), "remind");
	assert_int_equal(ev_kind_parse("morn", 4, &k), -1);
}

static void test_path_beside_history(void **state)
{
	char buf[64];
	(void)state;

	assert_int_equal(ev_path("/home/a/.local/state/lumbar/history.tsv", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/home/a/.local/state/lumbar/events.tsv");
	assert_int_equal(ev_path("my-log.tsv", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "events.tsv");
	assert_int_equal(ev_path("/h.tsv", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/events.tsv");
	assert_int_equal(ev_path("/a/very/long/folder/history.tsv", buf, 12), -1);
	assert_string_equal(buf, "");
}

static void test_note_check(void **state)
{
	char long_note[EV_MAX_NOTE + 2];
	char utf8[EV_MAX_NOTE * 2 + 1];
	(void)state;

	assert_null(ev_note_check("stiff after gardening", 21));
	assert_null(ev_note_check("", 0));
	assert_string_equal(ev_note_check("two\nlines", 9),
	                    "a note is one line without control characters");
	assert_string_equal(ev_note_check("a\ttab", 5),
	                    "a note is one line without control characters");
	assert_string_equal(ev_note_check("\033[2J", 4),
	                    "a note is one line without control characters");
	memset(long_note, 'a', sizeof(long_note));
	assert_null(ev_note_check(long_note, EV_MAX_NOTE));
	assert_string_equal(ev_note_check(long_note, EV_MAX_NOTE + 1),
	                    "a note is at most 200 characters");
	/* 200 two-byte characters are 200 characters, not 400. */
	for (unsigned i = 0; i < EV_MAX_NOTE; i++)
		memcpy(utf8 + 2 * i, "\xc3\xa9", 2);
	assert_null(ev_note_check(utf8, EV_MAX_NOTE * 2));
}

static void test_parse_line(void **state)
{
	struct ev_line l;
	const struct ev_event *e = &l.e;
	char why[192];
	(void)state;

	static const struct {
		const char *line;
		int rc;
		enum ev_kind kind;
		const char *exercise, *value;
		int score;
		const char *note_or_why;
	} t[] = {
		{ "2026-11-24T07:02:11+01:00\tmorning\t-\t4\t-", 0, EV_MORNING, "", "4", 4, "" },
		{ "2026-11-24T07:02:11+01:00\tmorning\t-\t-\t-", 0, EV_MORNING, "", "",
		  HIST_NO_PAIN, "" },
		{ "2026-11-24T07:02:11+01:00\tmorning\t-\t10\t-", 0, EV_MORNING, "", "10", 10, "" },
		{ "2026-11-24T07:02:11+01:00\tnote\tcore\t-\tstiff after gardening \xc3\xa9", 0,
		  EV_NOTE, "core", "", HIST_NO_PAIN, "stiff after gardening \xc3\xa9" },
		{ "2026-11-24T07:02:11+01:00\tsafety-shown\t-\t-\t-", 0, EV_SAFETY_SHOWN, "", "",
		  HIST_NO_PAIN, "" },
		{ "2026-11-24T07:02:11Z\tsafety-stop\t-\t-\t-", 0, EV_SAFETY_STOP, "", "",
		  HIST_NO_PAIN, "" },
		/* Reserved kinds are known already; their value stays text. */
		{ "2026-11-24T07:02:11+01:00\taccept\tbridge\t3/19\t-", 0, EV_ACCEPT, "bridge",
		  "3/19", HIST_NO_PAIN, "" },
		{ "2026-11-24T07:02:11+01:00\tset\tbridge\tmedium\t-", 0, EV_SET, "bridge",
		  "medium", HIST_NO_PAIN, "" },
		/* The note `-` is written `\-` (one backslash more before a lone `-`). */
		{ "2026-11-24T07:02:11+01:00\tnote\t-\t-\t\\-", 0, EV_NOTE, "", "", HIST_NO_PAIN,
		  "-" },
		{ "2026-11-24T07:02:11+01:00\tnote\t-\t-\t\\\\-", 0, EV_NOTE, "", "", HIST_NO_PAIN,
		  "\\-" },
		{ "2026-11-24T07:02:11+01:00\tnote\t-\t-\t\\", 0, EV_NOTE, "", "", HIST_NO_PAIN,
		  "\\" },
		{ "2026-11-24T07:02:11+01:00\tnote\t-\t-\t--", 0, EV_NOTE, "", "", HIST_NO_PAIN,
		  "--" },
		{ "2026-11-24T07:02:11+01:00\tnote\t-\t-\t\\- x", 0, EV_NOTE, "", "", HIST_NO_PAIN,
		  "\\- x" },
		/* A newer lumbar's kind: skipped, whatever its fields hold. */
		{ "2026-11-24T07:02:11+01:00\tstreak-freeze\tWHAT EVER\t\t", 1, 0, "", "", 0, "" },
		/* Damage. */
		{ "2026-11-24T07:02:11+01:00\tmorning\t-\t4", -1, 0, "", "", 0,
		  "expected 5 tab-separated fields, found 4" },
		{ "2026-11-24\tmorning\t-\t4\t-", -1, 0, "", "", 0,
		  "bad timestamp \"2026-11-24\": want YYYY-MM-DDTHH:MM:SS+HH:MM" },
		{ "2026-11-24T07:02:11+01:00\tMorning\t-\t4\t-", -1, 0, "", "", 0,
		  "bad kind \"Morning\" (want 1-32 of a-z, 0-9 and -)" },
		{ "2026-11-24T07:02:11+01:00\tmorning\t-\t11\t-", -1, 0, "", "", 0,
		  "bad value \"11\" (want 0-10 or -)" },
		{ "2026-11-24T07:02:11+01:00\tmorning\t-\tbad\t-", -1, 0, "", "", 0,
		  "bad value \"bad\" (want 0-10 or -)" },
		{ "2026-11-24T07:02:11+01:00\tnote\t-\ttwo words\t-", -1, 0, "", "", 0,
		  "bad value \"two words\" (want - or 1-16 characters without spaces)" },
		{ "2026-11-24T07:02:11+01:00\tnote\tCore\t-\t-", -1, 0, "", "", 0,
		  "bad exercise id \"Core\" (want - or 1-32 of a-z, 0-9 and -)" },
		{ "2026-11-24T07:02:11+01:00\tnote\t-\t-\t", -1, 0, "", "", 0,
		  "bad note: empty (want - for none)" },
		{ "2026-11-24T07:02:11+01:00\tnote\t-\t-\tbell\a", -1, 0, "", "", 0,
		  "bad note: a note is one line without control characters" },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		why[0] = '\0';
		int rc = ev_parse_line(t[i].line, strlen(t[i].line), &l, why, sizeof(why));
		assert_int_equal(rc, t[i].rc);
		if (rc < 0) {
			assert_string_equal(why, t[i].note_or_why);
			continue;
		}
		if (rc > 0)
			continue;
		assert_int_equal(e->day, nov(24));
		assert_int_equal(e->kind, t[i].kind);
		assert_string_equal(e->exercise, t[i].exercise);
		assert_string_equal(e->value, t[i].value);
		assert_int_equal(e->score, t[i].score);
		assert_string_equal(e->note, t[i].note_or_why);
	}
}

static void test_append_and_read_back(void **state)
{
	char path[128];
	struct hist_error err = { 0 };
	struct ev_event e[4];
	struct ev_log log;
	(void)state;

	snprintf(path, sizeof(path), "%s/state/lumbar/events.tsv", tmpdir);
	ev_init(&e[0], EV_SAFETY_SHOWN, local(2026, 11, 24, 7, 0));
	ev_init(&e[1], EV_MORNING, local(2026, 11, 24, 7, 1));
	e[1].score = 4;
	ev_init(&e[2], EV_MORNING, local(2026, 11, 25, 7, 1));
	ev_init(&e[3], EV_NOTE, local(2026, 11, 25, 7, 2));
	snprintf(e[3].exercise, sizeof(e[3].exercise), "core");
	e[3].note = "stiff after gardening";
	for (unsigned i = 0; i < 4; i++)
		assert_int_equal(ev_append(path, &e[i], &err), 0);

	static const char want[] =
	    "# timestamp\tkind\texercise\tvalue\tnote\n"
	    "2026-11-24T07:00:00+01:00\tsafety-shown\t-\t-\t-\n"
	    "2026-11-24T07:01:00+01:00\tmorning\t-\t4\t-\n"
	    "2026-11-25T07:01:00+01:00\tmorning\t-\t-\t-\n"
	    "2026-11-25T07:02:00+01:00\tnote\tcore\t-\tstiff after gardening\n";
	char *text = slurp(path);
	assert_string_equal(text, want);
	free(text);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	assert_int_equal(ev_load(path, &log, NULL, NULL, &err), 0);
	assert_int_equal(log.n, 4);
	assert_int_equal(log.e[1].score, 4);
	assert_int_equal(log.e[1].line, 3);
	assert_int_equal(log.e[2].score, HIST_NO_PAIN);
	assert_string_equal(log.e[3].note, "stiff after gardening");
	ev_free(&log);

	/* What the reader would refuse is refused, and nothing is written. */
	struct ev_event bad;
	char long_note[EV_MAX_NOTE + 2];
	ev_init(&bad, EV_MORNING, local(2026, 11, 25, 8, 0));
	bad.score = 11;
	assert_int_equal(ev_append(path, &bad, &err), -1);
	assert_int_equal(err.errnum, EINVAL);
	ev_init(&bad, EV_NOTE, local(2026, 11, 25, 8, 0));
	bad.note = "two\nlines";
	assert_int_equal(ev_append(path, &bad, &err), -1);
	memset(long_note, 'x', EV_MAX_NOTE + 1);
	long_note[EV_MAX_NOTE + 1] = '\0';
	bad.note = long_note;
	assert_int_equal(ev_append(path, &bad, &err), -1);
	bad.note = "";
	snprintf(bad.exercise, sizeof(bad.exercise), "Not An Id");
	assert_int_equal(ev_append(path, &bad, &err), -1);
	bad.exercise[0] = '\0';
	snprintf(bad.value, sizeof(bad.value), "a b");
	assert_int_equal(ev_append(path, &bad, &err), -1);
	bad.kind = EV_N_KINDS;
	bad.value[0] = '\0';
	assert_int_equal(ev_append(path, &bad, &err), -1);
	text = slurp(path);
	assert_string_equal(text, want);
	free(text);

	/* A missing file is no events, and reading creates nothing. */
	snprintf(path, sizeof(path), "%s/none/events.tsv", tmpdir);
	assert_int_equal(ev_load(path, &log, NULL, NULL, &err), 0);
	assert_int_equal(log.n, 0);
	assert_int_equal(stat(path, &st), -1);
	/* A folder is not an events file (one in our own folder, so that only
	 * the kind of file is at stake, not who may write beside it). */
	snprintf(path, sizeof(path), "%s/folder", tmpdir);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(ev_load(path, &log, NULL, NULL, &err), -1);
	assert_int_equal(err.errnum, EISDIR);
}

/* A note reads back as it was written, `-` and backslashes included. */
static void test_note_round_trip(void **state)
{
	char path[128];
	struct hist_error err = { 0 };
	struct ev_log log;
	char full[EV_MAX_NOTE + 1];
	(void)state;

	memset(full, '\\', EV_MAX_NOTE - 1);
	full[EV_MAX_NOTE - 1] = '-';
	full[EV_MAX_NOTE] = '\0';
	static const struct {
		const char *note, *field; /* as typed, and as written in the file */
	} t[] = {
		{ "-", "\\-" }, { "\\-", "\\\\-" }, { "\\\\-", "\\\\\\-" }, { "--", "--" },
		{ "-1", "-1" }, { "\\", "\\" },     { "a\\-", "a\\-" },     { "", "-" },
	};
	size_t n = sizeof(t) / sizeof(t[0]);

	snprintf(path, sizeof(path), "%s/notes/events.tsv", tmpdir);
	for (size_t i = 0; i < n; i++) {
		struct ev_event e;
		char line[128];

		ev_init(&e, EV_NOTE, local(2026, 11, 24, 7, (int)i));
		e.note = t[i].note;
		assert_int_equal(ev_append(path, &e, &err), 0);
		char *text = slurp(path);
		snprintf(line, sizeof(line), "\tnote\t-\t-\t%s\n", t[i].field);
		assert_non_null(strstr(text, line));
		free(text);
	}
	/* The longest note of backslashes then `-` still fits its limit. */
	struct ev_event e;
	ev_init(&e, EV_NOTE, local(2026, 11, 24, 8, 0));
	e.note = full;
	assert_int_equal(ev_append(path, &e, &err), 0);

	struct warnings w = { 0 };
	assert_int_equal(ev_load(path, &log, collect, &w, &err), 0);
	assert_int_equal(w.n, 0);
	assert_int_equal(log.n, n + 1);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(log.e[i].note, t[i].note);
	assert_string_equal(log.e[n].note, full);
	ev_free(&log);
}

static void test_damage_named_and_skipped(void **state)
{
	char path[128];
	struct hist_error err = { 0 };
	struct warnings w = { 0 };
	struct ev_log log;
	(void)state;

	const char *text = "# timestamp\tkind\texercise\tvalue\tnote\n"
	                   "2026-11-24T07:00:00+01:00\tmorning\t-\t3\t-\n"
	                   "garbage\n"
	                   "2026-11-24T08:00:00+01:00\tfuture-kind\tx\ty\tz\n"
	                   "\n"
	                   "2026-11-24T09:00:00+01:00\tmorning\t-\t12\t-\r\n"
	                   "2026-11-23T09:00:00+01:00\tnote\t-\t-\tout of order\r\n"
	                   "2026-11-24T10:00:00+01:00\tsafety-sh";
	snprintf(path, sizeof(path), "%s/events.tsv", tmpdir);
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);

	assert_int_equal(ev_load(path, &log, collect, &w, &err), 0);
	assert_int_equal(w.n, 3);
	assert_int_equal(w.line[0], 3);
	assert_string_equal(w.why[0], "expected 5 tab-separated fields, found 1");
	assert_int_equal(w.line[1], 6);
	assert_string_equal(w.why[1], "bad value \"12\" (want 0-10 or -)");
	assert_int_equal(w.line[2], 8);
	assert_int_equal(log.unknown, 1);
	assert_int_equal(log.n, 2);
	/* In time order, each with its line. */
	assert_int_equal(log.e[0].kind, EV_NOTE);
	assert_int_equal(log.e[0].line, 7);
	assert_string_equal(log.e[0].note, "out of order");
	assert_int_equal(log.e[1].kind, EV_MORNING);
	assert_int_equal(log.e[1].line, 2);
	ev_free(&log);

	/* Never rewritten: the file is byte for byte as it was. */
	char *now = slurp(path);
	assert_string_equal(now, text);
	free(now);
}

/*
 * A kept note is the log's own copy: it stays as it was when the text it was
 * read from is reused, the events grow past many blocks of notes, and they
 * are sorted.
 */
static void test_log_keeps_notes(void **state)
{
	struct ev_log log = { 0 };
	struct ev_line l;
	char line[EV_MAX_NOTE_BYTES + 64], note[EV_MAX_NOTE_BYTES + 1], why[192];
	const unsigned n = 300; /* past the first 64 events and many 4 KB blocks */
	(void)state;

	for (unsigned i = 0; i < n; i++) {
		/* Later lines first, notes of 1-200 characters, a third empty. */
		unsigned len = i % 3 == 0 ? 0 : 1 + (i * 37) % EV_MAX_NOTE;
		memset(note, 'a' + (char)(i % 26), len);
		note[len] = '\0';
		snprintf(line, sizeof(line), "2026-11-24T%02u:%02u:00+01:00\tnote\t-\t-\t%s",
		         (n - i) / 60, (n - i) % 60, len ? note : "-");
		assert_int_equal(ev_parse_line(line, strlen(line), &l, why, sizeof(why)), 0);
		l.e.line = i + 1;
		ev_log_add(&log, &l.e);
		memset(&l, 'x', sizeof(l));
	}
	ev_sort(&log);
	assert_int_equal(log.n, n);
	for (unsigned k = 0; k < n; k++) {
		unsigned i = n - 1 - k; /* sorted by time: the last line is first */
		unsigned len = i % 3 == 0 ? 0 : 1 + (i * 37) % EV_MAX_NOTE;
		assert_int_equal(log.e[k].line, i + 1);
		assert_int_equal(strlen(log.e[k].note), len);
		for (unsigned j = 0; j < len; j++)
			assert_int_equal(log.e[k].note[j], 'a' + (char)(i % 26));
	}
	ev_free(&log);
	assert_null(log.notes);
	assert_int_equal(log.n, 0);
}

/* ---- Rules ------------------------------------------------------------------------ */

/* The bad-morning rule as the banner applies it: the history and events of two days. */
static void test_bad_morning(void **state)
{
	struct prg_params p;
	(void)state;
	prg_params_default(&p);
	static const struct {
		const char *what, *yesterday; /* pain-before fields of the 23rd's lines */
		const char *morning;          /* the 24th's morning value */
		bool bad;
	} t[] = {
		{ "2 above yesterday's pain-before", "3", "5", true },
		{ "1 above", "3", "4", false },
		{ "2 above the average of yesterday's", "6 2", "6", true },
		{ "1 above the average", "6 4", "6", false },
		{ "old 5-field lines carry none: only the 8 rule", "", "7", false },
		{ "8 and over, whatever came before", "", "8", true },
		{ "8 and over, even below yesterday's", "9", "8", true },
		{ "yesterday's without a score are left out", "- 3", "5", true },
		{ "a skipped morning is never bad", "0", "-", false },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char htext[512] = "", etext[128];
		size_t off = 0;
		struct hist h;
		struct ev_log ev;
		if (!*t[i].yesterday)
			off += (size_t)snprintf(htext, sizeof(htext),
			                        "2026-11-23T07:00:00+01:00\tcore\tdone\t60\t4\n");
		for (const char *b = t[i].yesterday; *b; b += b[1] ? 2 : 1)
			off += (size_t)snprintf(
			    htext + off, sizeof(htext) - off,
			    "2026-11-23T07:%02zu:00+01:00\tcore\tdone\t60\t4\t%c\t-\n", off % 60,
			    *b);
		snprintf(etext, sizeof(etext), "2026-11-24T07:00:00+01:00\tmorning\t-\t%s\t-\n",
		         t[i].morning);
		load(&h, &ev, htext, etext);
		if ((ev_bad_mornings(&h, &ev, &p, nov(24), nov(24)) == 1) != t[i].bad)
			fail_msg("bad morning: %s: want %s", t[i].what,
			         t[i].bad ? "bad" : "not bad");
		/* Outside the days asked about, it counts for nothing. */
		assert_int_equal(ev_bad_mornings(&h, &ev, &p, nov(17), nov(23)), 0);
		hist_free(&h);
		ev_free(&ev);
	}
}

static void test_day_pain_before(void **state)
{
	struct hist h;
	struct ev_log ev;
	unsigned sum, n;
	(void)state;

	load(&h, &ev,
	     "2026-11-23T07:00:00+01:00\tcore\tdone\t60\t4\n"
	     "2026-11-23T08:00:00+01:00\tcore\tdone\t60\t4\t-\t-\n"
	     "2026-11-23T09:00:00+01:00\tcore\tdone\t60\t4\t3\t-\n"
	     "2026-11-23T18:00:00+01:00\tcore\tstopped\t60\t4\t6\t-\n"
	     "2026-11-24T07:00:00+01:00\tcore\tdone\t60\t4\t1\t-\n",
	     "");
	ev_day_pain_before(&h, nov(23), &sum, &n);
	assert_int_equal(sum, 9);
	assert_int_equal(n, 2);
	ev_day_pain_before(&h, nov(22), &sum, &n);
	assert_int_equal(n, 0);
	assert_int_equal(sum, 0);
	hist_free(&h);
	ev_free(&ev);
}

static void test_banner(void **state)
{
	struct prg_params p;
	(void)state;
	prg_params_default(&p);
	static const struct {
		const char *what, *hist, *events;
		bool due;
	} t[] = {
		{ "nothing yet", "", "", false },
		{ "one exercise stopped twice in 14 days",
		  "2026-11-11T07:00:00+01:00\tcore\tstopped\t20\t6\t3\t-\n"
		  "2026-11-24T07:00:00+01:00\tcore\tstopped\t20\t6\t3\t-\n",
		  "", true },
		{ "the first stop 15 days ago",
		  "2026-11-10T07:00:00+01:00\tcore\tstopped\t20\t6\t3\t-\n"
		  "2026-11-24T07:00:00+01:00\tcore\tstopped\t20\t6\t3\t-\n",
		  "", false },
		{ "two exercises stopped once each",
		  "2026-11-20T07:00:00+01:00\tcore\tstopped\t20\t6\t3\t-\n"
		  "2026-11-24T07:00:00+01:00\tbridge\tstopped\t20\t6\t3\t-\n",
		  "", false },
		{ "left part-way twice is not stopped",
		  "2026-11-20T07:00:00+01:00\tcore\tpartial\t20\t6\t3\t-\n"
		  "2026-11-24T07:00:00+01:00\tcore\tpartial\t20\t6\t3\t-\n",
		  "", false },
		{ "a stop after today (clock set back) does not count",
		  "2026-11-24T07:00:00+01:00\tcore\tstopped\t20\t6\t3\t-\n"
		  "2026-11-25T07:00:00+01:00\tcore\tstopped\t20\t6\t3\t-\n",
		  "", false },
		{ "three mornings of 8 in 7 days", "",
		  "2026-11-18T07:00:00+01:00\tmorning\t-\t8\t-\n"
		  "2026-11-20T07:00:00+01:00\tmorning\t-\t9\t-\n"
		  "2026-11-24T07:00:00+01:00\tmorning\t-\t8\t-\n",
		  true },
		{ "the first of them 8 days ago", "",
		  "2026-11-17T07:00:00+01:00\tmorning\t-\t8\t-\n"
		  "2026-11-20T07:00:00+01:00\tmorning\t-\t9\t-\n"
		  "2026-11-24T07:00:00+01:00\tmorning\t-\t8\t-\n",
		  false },
		{ "three mornings 2 above the day before's pain-before",
		  "2026-11-21T07:00:00+01:00\tcore\tdone\t60\t3\t3\t-\n"
		  "2026-11-22T07:00:00+01:00\tcore\tdone\t60\t3\t3\t-\n"
		  "2026-11-23T07:00:00+01:00\tcore\tdone\t60\t3\t3\t-\n",
		  "2026-11-22T06:00:00+01:00\tmorning\t-\t5\t-\n"
		  "2026-11-23T06:00:00+01:00\tmorning\t-\t5\t-\n"
		  "2026-11-24T06:00:00+01:00\tmorning\t-\t5\t-\n",
		  true },
		{ "three mornings only 1 above",
		  "2026-11-21T07:00:00+01:00\tcore\tdone\t60\t3\t4\t-\n"
		  "2026-11-22T07:00:00+01:00\tcore\tdone\t60\t3\t4\t-\n"
		  "2026-11-23T07:00:00+01:00\tcore\tdone\t60\t3\t4\t-\n",
		  "2026-11-22T06:00:00+01:00\tmorning\t-\t5\t-\n"
		  "2026-11-23T06:00:00+01:00\tmorning\t-\t5\t-\n"
		  "2026-11-24T06:00:00+01:00\tmorning\t-\t5\t-\n",
		  false },
		{ "a second check-in corrects the day's first", "",
		  "2026-11-18T07:00:00+01:00\tmorning\t-\t8\t-\n"
		  "2026-11-20T07:00:00+01:00\tmorning\t-\t9\t-\n"
		  "2026-11-24T07:00:00+01:00\tmorning\t-\t9\t-\n"
		  "2026-11-24T07:05:00+01:00\tmorning\t-\t3\t-\n",
		  false },
		{ "two bad mornings on one day count once", "",
		  "2026-11-20T07:00:00+01:00\tmorning\t-\t9\t-\n"
		  "2026-11-24T07:00:00+01:00\tmorning\t-\t9\t-\n"
		  "2026-11-24T07:05:00+01:00\tmorning\t-\t8\t-\n",
		  false },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct hist h;
		struct ev_log ev;
		load(&h, &ev, t[i].hist, t[i].events);
		if (ev_banner_due(&h, &ev, &p, nov(24)) != t[i].due)
			fail_msg("banner: %s: want %s", t[i].what,
			         t[i].due ? "shown" : "not shown");
		hist_free(&h);
		ev_free(&ev);
	}
}

static void test_safety_due(void **state)
{
	(void)state;
	static const struct {
		const char *what, *hist, *events;
		enum ev_safety_due due;
	} t[] = {
		{ "the very first run", "", "", EV_SAFETY_FIRST_RUN },
		{ "first run even with a history", "2026-11-20T07:00:00+01:00\tcore\tdone\t60\t3\n",
		  "2026-11-20T07:00:00+01:00\tmorning\t-\t3\t-\n", EV_SAFETY_FIRST_RUN },
		{ "shown yesterday", "", "2026-11-23T07:00:00+01:00\tsafety-shown\t-\t-\t-\n",
		  EV_SAFETY_NOT_DUE },
		{ "a safety-stop today, even though shown after it", "",
		  "2026-11-24T07:00:00+01:00\tsafety-shown\t-\t-\t-\n"
		  "2026-11-24T07:01:00+01:00\tsafety-stop\t-\t-\t-\n"
		  "2026-11-24T09:00:00+01:00\tsafety-shown\t-\t-\t-\n",
		  EV_SAFETY_STOPPED_TODAY },
		{ "a safety-stop yesterday", "",
		  "2026-11-23T07:00:00+01:00\tsafety-shown\t-\t-\t-\n"
		  "2026-11-23T07:01:00+01:00\tsafety-stop\t-\t-\t-\n",
		  EV_SAFETY_NOT_DUE },
		{ "a stop with pain 8 since last shown",
		  "2026-11-10T07:00:00+01:00\tcore\tstopped\t20\t8\t3\t-\n",
		  "2026-11-01T07:00:00+01:00\tsafety-shown\t-\t-\t-\n", EV_SAFETY_PAINFUL_STOP },
		{ "a stop with pain 8 before it was last shown",
		  "2026-11-10T07:00:00+01:00\tcore\tstopped\t20\t8\t3\t-\n",
		  "2026-11-10T07:05:00+01:00\tsafety-shown\t-\t-\t-\n", EV_SAFETY_NOT_DUE },
		{ "a stop with pain 7", "2026-11-10T07:00:00+01:00\tcore\tstopped\t20\t7\t3\t-\n",
		  "2026-11-01T07:00:00+01:00\tsafety-shown\t-\t-\t-\n", EV_SAFETY_NOT_DUE },
		{ "a session finished with pain 9 since last shown, as a stop with it",
		  "2026-11-10T07:00:00+01:00\tcore\tdone\t20\t9\t3\t-\n",
		  "2026-11-01T07:00:00+01:00\tsafety-shown\t-\t-\t-\n", EV_SAFETY_PAINFUL_SESSION },
		{ "a session finished with pain 8 (q then y: partial)",
		  "2026-11-10T07:00:00+01:00\tcore\tpartial\t20\t8\t3\t-\n",
		  "2026-11-01T07:00:00+01:00\tsafety-shown\t-\t-\t-\n", EV_SAFETY_PAINFUL_SESSION },
		{ "a session finished with pain 7",
		  "2026-11-10T07:00:00+01:00\tcore\tdone\t20\t7\t3\t-\n",
		  "2026-11-01T07:00:00+01:00\tsafety-shown\t-\t-\t-\n", EV_SAFETY_NOT_DUE },
		{ "a session finished with pain 9 before it was last shown",
		  "2026-11-10T07:00:00+01:00\tcore\tdone\t20\t9\t3\t-\n",
		  "2026-11-10T07:05:00+01:00\tsafety-shown\t-\t-\t-\n", EV_SAFETY_NOT_DUE },
		{ "a session finished without a score",
		  "2026-11-10T07:00:00+01:00\tcore\tdone\t20\t-\t3\t-\n",
		  "2026-11-01T07:00:00+01:00\tsafety-shown\t-\t-\t-\n", EV_SAFETY_NOT_DUE },
		{ "90 days since last shown", "",
		  "2026-05-01T07:00:00+02:00\tsafety-shown\t-\t-\t-\n"
		  "2026-08-26T07:00:00+02:00\tsafety-shown\t-\t-\t-\n",
		  EV_SAFETY_PERIODIC },
		{ "89 days since last shown", "",
		  "2026-08-27T07:00:00+02:00\tsafety-shown\t-\t-\t-\n", EV_SAFETY_NOT_DUE },
		{ "shown in 2099 (a clock wrong once) does not count today", "",
		  "2026-05-01T07:00:00+02:00\tsafety-shown\t-\t-\t-\n"
		  "2099-01-01T07:00:00+01:00\tsafety-shown\t-\t-\t-\n",
		  EV_SAFETY_PERIODIC },
		{ "a painful stop dated after today is not one yet",
		  "2099-01-01T07:00:00+01:00\tcore\tstopped\t20\t9\t3\t-\n",
		  "2026-11-01T07:00:00+01:00\tsafety-shown\t-\t-\t-\n", EV_SAFETY_NOT_DUE },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct hist h;
		struct ev_log ev;
		load(&h, &ev, t[i].hist, t[i].events);
		enum ev_safety_due got = ev_safety_due(&h, &ev, nov(24));
		if (got != t[i].due)
			fail_msg("safety: %s: want %d, got %d", t[i].what, t[i].due, got);
		hist_free(&h);
		ev_free(&ev);
	}
}

static void test_morning_due(void **state)
{
	(void)state;
	static const char yesterday[] = "2026-11-23T18:00:00+01:00\tcore\tdone\t60\t3\t2\t-\n";
	static const struct {
		const char *what, *hist, *events;
		int hour, minute;
		bool due;
	} t[] = {
		{ "a session yesterday, morning", yesterday, "", 7, 30, true },
		{ "just before noon", yesterday, "", 11, 59, true },
		{ "noon", yesterday, "", 12, 0, false },
		{ "just after midnight", yesterday, "", 0, 5, true },
		{ "only a stop yesterday",
		  "2026-11-23T18:00:00+01:00\tcore\tstopped\t20\t6\t2\t-\n", "", 7, 30, true },
		{ "nothing yesterday", "2026-11-22T18:00:00+01:00\tcore\tdone\t60\t3\n", "", 7, 30,
		  false },
		{ "only today", "2026-11-24T06:00:00+01:00\tcore\tdone\t60\t3\n", "", 7, 30,
		  false },
		{ "already answered today", yesterday,
		  "2026-11-24T07:00:00+01:00\tmorning\t-\t3\t-\n", 7, 30, false },
		{ "already asked and skipped today", yesterday,
		  "2026-11-24T07:00:00+01:00\tmorning\t-\t-\t-\n", 7, 30, false },
		{ "answered yesterday only", yesterday,
		  "2026-11-23T07:00:00+01:00\tmorning\t-\t3\t-\n", 7, 30, true },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct hist h;
		struct ev_log ev;
		load(&h, &ev, t[i].hist, t[i].events);
		if (ev_morning_due(&h, &ev, local(2026, 11, 24, t[i].hour, t[i].minute)) !=
		    t[i].due)
			fail_msg("morning: %s: want %s", t[i].what, t[i].due ? "due" : "not due");
		hist_free(&h);
		ev_free(&ev);
	}
}

/* ---- Pauses ------------------------------------------------------------------ */

static void test_pauses(void **state)
{
	struct hist h;
	struct ev_log ev;
	struct hist_pause *p;
	int32_t until = 0;
	(void)state;

	/*
	 * Paused on the 3rd until the 10th, resumed on the 6th; paused again on
	 * the 20th until the 25th, extended on the 22nd until the 28th; a pause
	 * resumed the same day leaves nothing.
	 */
	load(&h, &ev, "",
	     "2026-11-03T09:00:00+01:00\tpause\t-\t2026-11-10\ttravel\n"
	     "2026-11-06T09:00:00+01:00\tresume\t-\t-\t-\n"
	     "2026-11-12T09:00:00+01:00\tpause\t-\t2026-11-14\t-\n"
	     "2026-11-12T10:00:00+01:00\tresume\t-\t-\t-\n"
	     "2026-11-20T09:00:00+01:00\tpause\t-\t2026-11-25\tinjury\n"
	     "2026-11-22T09:00:00+01:00\tpause\t-\t2026-11-28\tinjury\n");
	assert_int_equal(ev_pauses(&ev, &p), 3);
	assert_int_equal(p[0].from, nov(3));
	assert_int_equal(p[0].to, nov(5));
	assert_int_equal(p[1].from, nov(20));
	assert_int_equal(p[1].to, nov(21));
	assert_int_equal(p[2].from, nov(22));
	assert_int_equal(p[2].to, nov(28));
	free(p);
	assert_true(ev_paused_until(&ev, nov(5), &until));
	assert_int_equal(until, nov(5));
	assert_false(ev_paused_until(&ev, nov(6), NULL));
	assert_false(ev_paused_until(&ev, nov(12), NULL));
	assert_true(ev_paused_until(&ev, nov(21), &until));
	assert_int_equal(until, nov(21));
	assert_true(ev_paused_until(&ev, nov(28), &until));
	assert_int_equal(until, nov(28));
	assert_false(ev_paused_until(&ev, nov(29), NULL));
	ev_free(&ev);
	hist_free(&h);

	/* The reasons. */
	assert_null(ev_reason_check("injury"));
	assert_null(ev_reason_check("other"));
	assert_non_null(ev_reason_check("holiday"));
	assert_non_null(ev_reason_check(""));
}

static void test_pause_wants_a_date(void **state)
{
	struct ev_event e;
	struct ev_line l;
	struct hist_error err;
	char why[192], path[128];
	const char *bad = "2026-11-03T09:00:00+01:00\tpause\t-\t2026-11-31\t-";
	(void)state;

	assert_int_equal(ev_parse_line(bad, strlen(bad), &l, why, sizeof(why)), -1);
	assert_string_equal(why, "bad value \"2026-11-31\" (a pause wants its end, YYYY-MM-DD)");
	snprintf(path, sizeof(path), "%s/events.tsv", tmpdir);
	ev_init(&e, EV_PAUSE, local(2026, 11, 3, 9, 0));
	snprintf(e.value, sizeof(e.value), "soon");
	assert_int_equal(ev_append(path, &e, &err), -1);
	assert_int_equal(err.errnum, EINVAL);
	snprintf(e.value, sizeof(e.value), "2026-11-10");
	e.note = "ill";
	assert_int_equal(ev_append(path, &e, &err), 0);
}

/* A byte-order mark before the first line, and fields of later versions. */
static void test_bom_and_later_fields(void **state)
{
	struct ev_log log;
	struct warnings w = { 0 };
	struct hist_error err;
	const char *text = "\xef\xbb\xbf"
	                   "2026-11-24T07:00:00+01:00\tmorning\t-\t3\t-\n"
	                   "2026-11-24T08:00:00+01:00\tnote\t-\t-\tstiff\ts1\ttimer\n";
	(void)state;

	assert_int_equal(ev_parse(text, strlen(text), &log, collect, &w, &err), 0);
	assert_int_equal(w.n, 0);
	assert_int_equal(log.n, 2);
	assert_int_equal(log.e[0].score, 3);
	assert_string_equal(log.e[1].note, "stiff");
	ev_free(&log);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kind_names),
		cmocka_unit_test(test_path_beside_history),
		cmocka_unit_test(test_note_check),
		cmocka_unit_test(test_parse_line),
		cmocka_unit_test(test_append_and_read_back),
		cmocka_unit_test(test_note_round_trip),
		cmocka_unit_test(test_damage_named_and_skipped),
		cmocka_unit_test(test_log_keeps_notes),
		cmocka_unit_test(test_bad_morning),
		cmocka_unit_test(test_day_pain_before),
		cmocka_unit_test(test_banner),
		cmocka_unit_test(test_safety_due),
		cmocka_unit_test(test_morning_due),
		cmocka_unit_test(test_pauses),
		cmocka_unit_test(test_bom_and_later_fields),
		cmocka_unit_test(test_pause_wants_a_date),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
