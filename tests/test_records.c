/*
 * test_records.c - the person's record (records.h): both files read once,
 * as of a day; lines dated in the future left out and named; what a
 * command keeps; a file that changed.
 */
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

#include "catalogue_load.h"
#include "outcomes.h"
#include "records.h"

static struct catalogue *cat;
static char dir[64], hpath[128], epath[128];

static int setup(void **state)
{
	struct cat_error err;

	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	snprintf(dir, sizeof(dir), "/tmp/lumbar-test-records-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	chmod(dir, 0700);
	snprintf(hpath, sizeof(hpath), "%s/history.tsv", dir);
	snprintf(epath, sizeof(epath), "%s/events.tsv", dir);
	return cat_load_buffer(cat_builtin_yaml, cat_builtin_yaml_len, &cat, &err) == CAT_OK ? 0
	                                                                                     : -1;
}

static int teardown(void **state)
{
	(void)state;
	unlink(hpath);
	unlink(epath);
	rmdir(dir);
	cat_free(cat);
	return 0;
}

static void spit(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
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

static time_t at(int y, unsigned m, unsigned d, int h)
{
	return (time_t)hist_day_from_civil(y, m, d) * 86400 + h * 3600;
}

/* Five lines of history, the last two after 8 December 2026 10:00 UTC. */
static const char history[] = "2026-12-01T09:00:00Z\tchilds-pose\tdone\t30\t2\t2\t0/19\n"
                              "2026-12-04T09:00:00Z\tchilds-pose\tdone\t30\t2\t2\t0/19\n"
                              "2026-12-08T09:00:00Z\tchilds-pose\tdone\t30\t1\t2\t0/19\n"
                              "2026-12-08T11:00:00Z\tchilds-pose\tdone\t30\t1\t2\t0/19\n"
                              "2099-01-01T09:00:00Z\tchilds-pose\tstopped\t10\t9\t2\t0/19\n";

static const char events[] = "2026-12-02T09:00:00Z\tnote\t-\t-\tstiff\n"
                             "2026-12-03T09:00:00Z\tpause\t-\t2026-12-05\tinjury\n"
                             "2026-12-09T09:00:00Z\tset\tchilds-pose\t4\t-\n"
                             "2099-01-01T09:00:00Z\tsafety-shown\t-\t-\t-\n";

static void load(struct records *r, struct rec_request *q, struct warnings *wh, struct warnings *we)
{
	struct hist_error err;

	q->history = hpath;
	q->events = epath;
	q->warn = collect;
	q->warn_history = wh;
	q->warn_events = we;
	assert_int_equal(rec_load(r, q, &err), 0);
}

/* Now: lines after the instant of now are left out and named once each. */
static void test_future_lines_are_named_and_left_out(void **state)
{
	struct records r;
	struct warnings wh = { 0 }, we = { 0 };
	struct rec_request q = { .now = at(2026, 12, 8, 10), .since = INT32_MIN };
	(void)state;

	spit(hpath, history);
	spit(epath, events);
	load(&r, &q, &wh, &we);
	assert_int_equal(r.today, hist_day_from_civil(2026, 12, 8));
	assert_int_equal(r.h.n, 3);
	assert_int_equal(r.ev.n, 2);
	assert_int_equal(r.future, 4);
	assert_int_equal(wh.n, 2);
	assert_int_equal(wh.line[0], 4);
	assert_string_equal(wh.why[0], "dated in the future (2026-12-08): left out until then");
	assert_int_equal(wh.line[1], 5);
	assert_string_equal(wh.why[1], "dated in the future (2099-01-01): left out until then");
	assert_int_equal(we.n, 2);
	assert_int_equal(we.line[1], 4);
	rec_free(&r);
}

/*
 * An activity's number is taken whatever the date of the line that gave it:
 * a line after now (a clock wrong once) or after an as-of day is left out
 * of the events, and the next number is still one more than its number.
 */
static void test_activity_numbers_seen_whatever_the_date(void **state)
{
	static const char acts[] = "2026-12-01T09:00:00Z\tactivity\t-\t1\tput on socks\n"
	                           "2026-12-05T09:00:00Z\tactivity\t-\t2\tlift the shopping\n"
	                           "2027-12-01T09:00:00Z\tactivity\t-\t4\tcarry the baby\n"
	                           "2027-12-01T09:01:00Z\tactivity-retired\t-\t9\t-\n";
	static const struct {
		unsigned as_of; /* 0: now (2026-12-08 10:00 UTC); else a day of December 2026 */
		unsigned kinds; /* asked for */
		size_t kept;    /* events kept */
		size_t named;   /* activities named by the day */
		unsigned next;  /* the number the next `add` gives */
	} rows[] = {
		{ 0, REC_KINDS_OUTCOMES, 2, 2, 5 }, /* now: 2027's lines left out, named */
		{ 0, REC_KINDS_SCREENS, 2, 2, 5 },  /* as the menu loads */
		{ 3, 0, 1, 1, 5 },                  /* as of the 3rd: 2 and 4 left out */
		{ 7, REC_KINDS_OUTCOMES, 2, 2, 5 },
	};
	struct out_activity a[OUT_MAX_ACTIVITIES];
	(void)state;

	spit(hpath, "");
	spit(epath, acts);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct records r;
		struct warnings wh = { 0 }, we = { 0 };
		struct rec_request q = { .now = at(2026, 12, 8, 10),
			                 .as_of = rows[i].as_of != 0,
			                 .today = hist_day_from_civil(2026, 12, rows[i].as_of),
			                 .since = INT32_MIN,
			                 .kinds = rows[i].kinds };

		print_message("row %zu\n", i);
		load(&r, &q, &wh, &we);
		assert_int_equal(r.ev.n, rows[i].kept);
		assert_int_equal(out_activities(&r.ev, r.today, a, OUT_MAX_ACTIVITIES),
		                 rows[i].named);
		assert_int_equal(out_next_number(&r.ev), rows[i].next);
		rec_free(&r);
	}
}

/* As of a day (--today): what came after it is left out without a word. */
static void test_as_of_a_day_leaves_later_lines_out_silently(void **state)
{
	struct records r;
	struct warnings wh = { 0 }, we = { 0 };
	struct rec_request q = { .now = at(2026, 12, 20, 10),
		                 .as_of = true,
		                 .today = hist_day_from_civil(2026, 12, 4),
		                 .since = INT32_MIN,
		                 .kinds = REC_KINDS_PAUSES,
		                 .steps = true };
	(void)state;

	spit(hpath, history);
	spit(epath, events);
	load(&r, &q, &wh, &we);
	assert_int_equal(r.h.n, 2);
	assert_int_equal(r.ev.n, 1); /* the pause; the note is not asked for */
	assert_int_equal(wh.n + we.n, 0);
	assert_int_equal(r.later, 4); /* the safety-shown of 2099 is not asked for */
	assert_int_equal(hist_today(r.now), q.today);
	/* The step set on the 9th is not the step of the 4th. */
	struct steps_rules rules;
	struct prg_result res[CAT_MAX_EXERCISES];
	steps_rules(&rules, cat, NULL);
	assert_int_equal(rec_steps(&r, cat, &rules, res), 0);
	assert_int_equal(res[cat_find(cat, "childs-pose")].k, 0);
	/* Paused on the 4th, by the pause of the 3rd. */
	int32_t until;
	assert_true(rec_paused(&r, &until));
	assert_int_equal(until, hist_day_from_civil(2026, 12, 5));
	rec_free(&r);
}

/* A red line and a safety-shown event dated 2099 hold nothing today (18.20). */
static void test_future_red_line_holds_nothing(void **state)
{
	struct records r;
	struct warnings wh = { 0 }, we = { 0 };
	struct rec_request q = { .now = at(2026, 12, 8, 10), .since = INT32_MIN, .steps = true };
	struct steps_rules rules;
	struct prg_result res[CAT_MAX_EXERCISES];
	struct hist_summary s;
	(void)state;

	spit(hpath, history);
	spit(epath, events);
	load(&r, &q, &wh, &we);
	steps_rules(&rules, cat, NULL);
	assert_int_equal(rec_steps(&r, cat, &rules, res), 0);
	const struct prg_result *c = &res[cat_find(cat, "childs-pose")];
	assert_int_not_equal(c->state, PRG_HELD);
	assert_int_not_equal(c->state, PRG_BACK);
	assert_int_equal(c->state, PRG_READY);
	assert_int_equal(rec_summary(&r, cat, &s), 0);
	assert_int_equal(s.pain_last_day, hist_day_from_civil(2026, 12, 8));
	hist_summary_free(&s);
	assert_int_equal(ev_safety_due(&r.h, &r.ev, r.today), EV_SAFETY_FIRST_RUN);
	rec_free(&r);
}

/* What a command keeps: this week's history, the kinds it asks for. */
static void test_since_and_kinds(void **state)
{
	struct records r;
	struct warnings wh = { 0 }, we = { 0 };
	struct rec_request q = { .now = at(2026, 12, 8, 10),
		                 .since = hist_week_start(hist_day_from_civil(2026, 12, 8)),
		                 .kinds = REC_KINDS_PAUSES };
	(void)state;

	spit(hpath, history);
	spit(epath, events);
	load(&r, &q, &wh, &we);
	assert_int_equal(r.h.n, 1); /* Monday 7 December on: the 8th's line before now */
	assert_int_equal(r.ev.n, 1);
	assert_int_equal(r.ev.e[0].kind, EV_PAUSE);
	rec_free(&r);
}

/* Lines out of time order (a hand edit, a merge) give the same answers. */
static void test_out_of_order_lines(void **state)
{
	struct records r;
	struct warnings wh = { 0 }, we = { 0 };
	struct rec_request q = { .now = at(2026, 12, 8, 10), .since = INT32_MIN };
	(void)state;

	spit(hpath, "2026-12-08T09:00:00Z\tchilds-pose\tdone\t30\t1\t2\t0/19\n"
	            "2099-01-01T09:00:00Z\tchilds-pose\tstopped\t10\t9\t2\t0/19\n"
	            "2026-12-01T09:00:00Z\tchilds-pose\tdone\t30\t2\t2\t0/19\n"
	            "2026-12-04T09:00:00Z\tchilds-pose\tdone\t30\t2\t2\t0/19\n");
	spit(epath, "2026-12-03T09:00:00Z\tresume\t-\t-\t-\n"
	            "2026-12-02T09:00:00Z\tpause\t-\t2026-12-20\t-\n");
	load(&r, &q, &wh, &we);
	assert_int_equal(r.h.n, 3);
	assert_int_equal(r.h.e[0].line, 3);
	assert_int_equal(r.h.e[2].line, 1);
	assert_int_equal(r.ev.e[0].kind, EV_PAUSE);
	assert_false(rec_paused(&r, NULL)); /* resumed on the 3rd */
	struct steps_rules rules;
	struct prg_result res[CAT_MAX_EXERCISES];
	steps_rules(&rules, cat, NULL);
	assert_int_equal(rec_steps(&r, cat, &rules, res), 0);
	assert_int_equal(res[cat_find(cat, "childs-pose")].state, PRG_READY);
	rec_free(&r);
}

/* A menu left open reloads a file whose size or modification time changed. */
static void test_changed(void **state)
{
	struct records r;
	struct warnings wh = { 0 }, we = { 0 };
	struct rec_request q = { .now = at(2026, 12, 8, 10), .since = INT32_MIN };
	(void)state;

	spit(hpath, history);
	unlink(epath);
	load(&r, &q, &wh, &we);
	assert_false(rec_changed(&r, &q));
	assert_false(r.stamp_events.present);
	spit(epath, events); /* created */
	assert_true(rec_changed(&r, &q));
	struct hist_error err;
	assert_int_equal(rec_reload(&r, &q, &err), 1);
	assert_int_equal(r.ev.n, 2); /* the note and the pause, before now */
	assert_int_equal(rec_reload(&r, &q, &err), 0);
	rec_free(&r);
	load(&r, &q, &wh, &we);
	assert_false(rec_changed(&r, &q));
	FILE *fp = fopen(hpath, "ab");
	assert_non_null(fp);
	fputs("2026-12-08T09:30:00Z\tchilds-pose\tdone\t30\t1\t2\t0/19\n", fp);
	fclose(fp);
	assert_true(rec_changed(&r, &q));
	rec_free(&r);
}

/* A file that exists and cannot be read is an error; a missing one is empty. */
static void test_unreadable_and_missing(void **state)
{
	struct records r;
	struct hist_error err;
	struct rec_request q = { .history = dir, .now = at(2026, 12, 8, 10), .since = INT32_MIN };
	(void)state;

	assert_int_equal(rec_load(&r, &q, &err), -1);
	assert_int_equal(r.h.n, 0);
	unlink(hpath);
	unlink(epath);
	q.history = hpath;
	q.events = epath;
	assert_int_equal(rec_load(&r, &q, &err), 0);
	assert_int_equal(r.h.n + r.ev.n, 0);
	rec_free(&r);
}

/*
 * The screens' load (partial): a file that cannot be read leaves that file
 * empty and says why in the record; the other file is still read. A
 * command's load fails whole.
 */
static void test_partial_keeps_the_other_file(void **state)
{
	struct records r;
	struct hist_error err;
	struct rec_request q = { .history = hpath,
		                 .events = dir,
		                 .now = at(2026, 12, 8, 10),
		                 .since = INT32_MIN,
		                 .steps = true,
		                 .partial = true };
	(void)state;

	spit(hpath, history);
	spit(epath, events);
	assert_int_equal(rec_load(&r, &q, &err), 0);
	assert_int_equal(r.h.n, 3);
	assert_false(r.history_failed);
	assert_true(r.events_failed);
	assert_non_null(strstr(r.events_error.msg, dir));
	assert_int_equal(r.ev.n + r.n_steps_ev, 0);
	rec_free(&r);

	q.history = dir;
	q.events = epath;
	assert_int_equal(rec_load(&r, &q, &err), 0);
	assert_true(r.history_failed);
	assert_false(r.events_failed);
	assert_int_equal(r.h.n, 0);
	assert_int_equal(r.ev.n, 2); /* the note and the pause, before now */
	rec_free(&r);

	q.partial = false;
	assert_int_equal(rec_load(&r, &q, &err), -1);
	assert_int_equal(r.h.n + r.ev.n, 0);
}

/*
 * The lines named, kept in the record whether or not there is a warn
 * function (the screens say the first and how many): damaged and future.
 */
static void test_named_lines_are_tallied(void **state)
{
	struct records r;
	struct hist_error err;
	struct rec_request q = {
		.history = hpath, .events = epath, .now = at(2026, 12, 8, 10), .since = INT32_MIN
	};
	(void)state;

	spit(hpath, "2026-12-01T09:00:00Z\tchilds-pose\tdone\t30\t2\t2\t0/19\n"
	            "not a line\n"
	            "2099-01-01T09:00:00Z\tchilds-pose\tstopped\t10\t9\t2\t0/19\n");
	spit(epath, events);
	assert_int_equal(rec_load(&r, &q, &err), 0);
	assert_int_equal(r.named_history.n, 2);
	assert_int_equal(r.named_history.line, 2);
	assert_true(r.named_history.why[0] != '\0');
	assert_int_equal(r.named_events.n, 2); /* the step set on the 9th, and 2099 */
	assert_int_equal(r.named_events.line, 3);
	assert_string_equal(r.named_events.why,
	                    "dated in the future (2026-12-09): left out until then");
	rec_free(&r);
}

/* What the screens keep: every kind they read, not the notes and reminders. */
static void test_screens_kinds(void **state)
{
	struct records r;
	struct warnings wh = { 0 }, we = { 0 };
	struct rec_request q = { .now = at(2026, 12, 10, 10),
		                 .since = INT32_MIN,
		                 .kinds = REC_KINDS_SCREENS };
	(void)state;

	spit(hpath, history);
	spit(epath, "2026-12-02T09:00:00Z\tnote\t-\t-\tstiff\n"
	            "2026-12-02T10:00:00Z\tremind\t-\t-\t-\n"
	            "2026-12-03T09:00:00Z\tpause\t-\t2026-12-05\tinjury\n"
	            "2026-12-04T09:00:00Z\tmorning\t-\t3\t-\n"
	            "2026-12-04T09:30:00Z\tsafety-shown\t-\t-\t-\n"
	            "2026-12-09T09:00:00Z\tset\tchilds-pose\t4\t-\n");
	load(&r, &q, &wh, &we);
	assert_int_equal(r.ev.n, 4);
	for (size_t i = 0; i < r.ev.n; i++)
		assert_true(r.ev.e[i].kind != EV_NOTE && r.ev.e[i].kind != EV_REMIND);
	rec_free(&r);
}

/*
 * The kinds not kept are skipped unread, and so their damage unnamed; with
 * every_line they are read, named and tallied as the kept ones' (the
 * report, which keeps every kind but the reminders).
 */
static void test_every_line(void **state)
{
	struct records r;
	struct warnings wh = { 0 }, we = { 0 };
	struct rec_request q = { .now = at(2026, 12, 8, 10),
		                 .since = INT32_MIN,
		                 .kinds = REC_KINDS_REPORT };
	(void)state;

	spit(hpath, "");
	spit(epath, "2026-12-02T09:00:00Z\tremind\t-\t-\t-\n"
	            "2026-12-02T10:00:00Z\tremind\t-\tnot one\t-\n"
	            "2026-12-03T09:00:00Z\tnote\t-\t-\tstiff\n"
	            "2099-01-01T09:00:00Z\tremind\t-\t-\t-\n");
	load(&r, &q, &wh, &we);
	assert_int_equal(r.ev.n, 1);
	assert_int_equal(r.ev.e[0].kind, EV_NOTE);
	assert_int_equal(we.n, 0);
	assert_int_equal(r.named_events.n, 0);
	assert_int_equal(r.future, 0);
	rec_free(&r);

	q.every_line = true;
	load(&r, &q, &wh, &we);
	assert_int_equal(r.ev.n, 1);
	assert_string_equal(r.ev.e[0].note, "stiff");
	assert_int_equal(we.n, 2);
	assert_int_equal(we.line[0], 2);
	assert_string_equal(we.why[0],
	                    "bad value \"not one\" (want - or 1-16 characters without spaces)");
	assert_int_equal(we.line[1], 4);
	assert_string_equal(we.why[1], "dated in the future (2099-01-01): left out until then");
	assert_int_equal(r.named_events.n, 2);
	assert_int_equal(r.future, 1);
	rec_free(&r);
}

static void append(const char *path, const char *line)
{
	FILE *fp = fopen(path, "ab");
	assert_non_null(fp);
	fputs(line, fp);
	assert_int_equal(fclose(fp), 0);
}

/*
 * A reload reads only the file that changed: after an event is appended the
 * history is not read again (its lines stay where they were), and the other
 * way round. With lines left out as after now, both are read, since now
 * has moved.
 */
static void test_reload_reads_only_what_changed(void **state)
{
	struct records r;
	struct warnings wh = { 0 }, we = { 0 };
	struct hist_error err;
	struct rec_request q = { .now = at(2100, 1, 1, 0), .since = INT32_MIN, .steps = true };
	(void)state;

	spit(hpath, history);
	spit(epath, events);
	load(&r, &q, &wh, &we);
	assert_int_equal(r.future, 0);
	const struct hist_entry *lines = r.h.e;
	append(epath, "2026-12-10T09:00:00Z\tmorning\t-\t3\t-\n");
	assert_int_equal(rec_reload(&r, &q, &err), 1);
	assert_ptr_equal(r.h.e, lines); /* not read again */
	assert_int_equal(r.h.n, 5);
	assert_int_equal(r.ev.n, 5);
	assert_int_equal(r.n_steps_ev, 2); /* the set and the morning */
	const struct ev_event *evs = r.ev.e;
	append(hpath, "2026-12-10T09:00:00Z\tchilds-pose\tdone\t30\t1\t2\t0/19\n");
	assert_int_equal(rec_reload(&r, &q, &err), 1);
	assert_ptr_equal(r.ev.e, evs);
	assert_int_equal(r.ev.n, 5);
	assert_int_equal(r.n_steps_ev, 2);
	assert_int_equal(r.h.n, 6);
	assert_false(rec_changed(&r, &q));
	rec_free(&r);

	/* 8 December at 10:00: the 11:00 line is after now, then counts at noon. */
	spit(hpath, history);
	spit(epath, events);
	q.now = at(2026, 12, 8, 10);
	load(&r, &q, &wh, &we);
	assert_int_equal(r.h.n, 3);
	lines = r.h.e;
	append(epath, "2026-12-08T09:30:00Z\tmorning\t-\t3\t-\n");
	q.now = at(2026, 12, 8, 12);
	assert_int_equal(rec_reload(&r, &q, &err), 1);
	assert_true(r.h.e != lines);
	assert_int_equal(r.h.n, 4);
	rec_free(&r);
}

/*
 * What the summary may offer: the exercises just played whose step up is
 * offered now, once each, in play order; not one whose step is not ready.
 */
static void test_offers(void **state)
{
	struct records r;
	struct warnings wh = { 0 }, we = { 0 };
	struct rec_request q = { .now = at(2026, 12, 8, 10), .since = INT32_MIN, .steps = true };
	struct steps_rules rules;
	struct prg_result res[CAT_MAX_EXERCISES];
	unsigned offer[CAT_MAX_EXERCISES];
	(void)state;

	/* Child's pose comfortable on four days over two weeks; cat-cow once. */
	spit(hpath, "2026-11-20T09:00:00Z\tchilds-pose\tdone\t30\t1\t2\t0/6\n"
	            "2026-11-24T09:00:00Z\tchilds-pose\tdone\t30\t1\t2\t0/6\n"
	            "2026-11-28T09:00:00Z\tchilds-pose\tdone\t30\t1\t2\t0/6\n"
	            "2026-12-02T09:00:00Z\tchilds-pose\tdone\t30\t1\t2\t0/6\n"
	            "2026-12-08T09:00:00Z\tcat-cow\tdone\t30\t1\t2\t-\n");
	spit(epath, "");
	load(&r, &q, &wh, &we);
	steps_rules(&rules, cat, NULL);
	unsigned child = (unsigned)cat_find(cat, "childs-pose"),
	         cow = (unsigned)cat_find(cat, "cat-cow");
	unsigned played[] = { cow, child, cow, child };
	/* Played twice, offered once; cat-cow (one session) is not ready. */
	assert_int_equal(rec_offers(&r, cat, &rules, played, 4, res, offer), 1);
	assert_int_equal(offer[0], child);
	assert_true(res[child].suggest);
	assert_false(res[cow].suggest);
	/* Not played (or skipped whole): nothing offered. */
	assert_int_equal(rec_offers(&r, cat, &rules, played, 1, res, offer), 0);
	/* Without suggest (off), nothing either. */
	rules.modes[child] = PRG_OFF;
	assert_int_equal(rec_offers(&r, cat, &rules, played, 4, res, offer), 0);
	rec_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_future_lines_are_named_and_left_out),
		cmocka_unit_test(test_as_of_a_day_leaves_later_lines_out_silently),
		cmocka_unit_test(test_activity_numbers_seen_whatever_the_date),
		cmocka_unit_test(test_future_red_line_holds_nothing),
		cmocka_unit_test(test_since_and_kinds),
		cmocka_unit_test(test_out_of_order_lines),
		cmocka_unit_test(test_changed),
		cmocka_unit_test(test_unreadable_and_missing),
		cmocka_unit_test(test_partial_keeps_the_other_file),
		cmocka_unit_test(test_named_lines_are_tallied),
		cmocka_unit_test(test_screens_kinds),
		cmocka_unit_test(test_every_line),
		cmocka_unit_test(test_reload_reads_only_what_changed),
		cmocka_unit_test(test_offers),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
