/*
 * test_remind.c - parts of the day, the once-per-part rule across a
 * simulated sleep, the due line, the systemd units, the crontab line, the
 * notifier (a stand-in program), and the status line's JSON. A fixed time
 * zone; `now` is always an argument.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "catalogue_load.h"
#include "remind.h"
#include "status.h"

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

static int setup(void **state)
{
	(void)state;
	setenv("TZ", "Europe/Paris", 1);
	tzset();
	return 0;
}

/* ---- Parts of the day ------------------------------------------------------------ */

static void test_parse(void **state)
{
	unsigned m;
	struct rem_part p;
	(void)state;

	assert_int_equal(rem_parse_time("07:30", &m), 0);
	assert_int_equal(m, 450);
	assert_int_equal(rem_parse_time("00:00", &m), 0);
	assert_int_equal(m, 0);
	assert_int_equal(rem_parse_time("23:59", &m), 0);
	assert_int_equal(m, 1439);
	assert_int_equal(rem_parse_time("24:00", &m), -1);
	assert_int_equal(rem_parse_time("7:30", &m), -1);
	assert_int_equal(rem_parse_time("07:60", &m), -1);
	assert_int_equal(rem_parse_time("07:30 ", &m), -1);
	assert_int_equal(rem_parse_part("05-12", &p), 0);
	assert_int_equal(p.from, 5);
	assert_int_equal(p.to, 12);
	assert_int_equal(rem_parse_part("00-24", &p), 0);
	assert_int_equal(rem_parse_part("12-12", &p), -1);
	assert_int_equal(rem_parse_part("17-05", &p), -1);
	assert_int_equal(rem_parse_part("05-25", &p), -1);
	assert_int_equal(rem_parse_part("5-12", &p), -1);

	const struct rem_part ok[] = { { 5, 12 }, { 12, 17 } }, bad[] = { { 5, 12 }, { 11, 17 } };
	assert_null(rem_parts_check(ok, 2));
	assert_string_equal(rem_parts_check(bad, 2), "two parts of the day overlap");
}

static void test_part_boundaries(void **state)
{
	struct rem_config c;
	(void)state;

	rem_config_default(&c);
	assert_int_equal(rem_part_of(&c, local(2026, 12, 1, 4, 59)), -1);
	assert_int_equal(rem_part_of(&c, local(2026, 12, 1, 5, 0)), 0);
	assert_int_equal(rem_part_of(&c, local(2026, 12, 1, 11, 59)), 0);
	assert_int_equal(rem_part_of(&c, local(2026, 12, 1, 12, 0)), 1);
	assert_int_equal(rem_part_of(&c, local(2026, 12, 1, 16, 59)), 1);
	assert_int_equal(rem_part_of(&c, local(2026, 12, 1, 17, 0)), 2);
	assert_int_equal(rem_part_of(&c, local(2026, 12, 1, 22, 59)), 2);
	assert_int_equal(rem_part_of(&c, local(2026, 12, 1, 23, 0)), -1);
	/* Summer time: local hours still. */
	assert_int_equal(rem_part_of(&c, local(2026, 7, 1, 11, 30)), 0);
}

/* ---- Once per part, across a sleep --------------------------------------------------- */

struct sim {
	struct rem_config c;
	struct ev_event e[16];
	struct ev_log log;
};

/* `lumbar remind` at `now`: the verdict, and a `remind` event when sent. */
static enum rem_verdict remind_at(struct sim *s, time_t now)
{
	enum rem_verdict v = rem_decide(&s->c, &s->log, 3, false, now);

	if (v == REM_SEND) {
		assert_true(s->log.n < 16);
		ev_init(&s->e[s->log.n], EV_REMIND, now);
		s->e[s->log.n].day = hist_today(now);
		s->log.n++;
	}
	return v;
}

static void test_once_per_part_across_sleep(void **state)
{
	struct sim s;
	(void)state;

	memset(&s, 0, sizeof(s));
	rem_config_default(&s.c);
	s.log.e = s.e;

	/* 07:30: the morning's reminder; a second timer at 08:00 sends nothing. */
	assert_int_equal(remind_at(&s, local(2026, 12, 1, 7, 30)), REM_SEND);
	assert_int_equal(remind_at(&s, local(2026, 12, 1, 8, 0)), REM_ALREADY);
	/* Asleep from 08:05 to 11:50: waking in the morning sends nothing more. */
	assert_int_equal(remind_at(&s, local(2026, 12, 1, 11, 50)), REM_ALREADY);
	assert_int_equal(s.log.n, 1);
	/* Asleep again until 17:40: the afternoon was missed; one evening reminder. */
	assert_int_equal(remind_at(&s, local(2026, 12, 1, 17, 40)), REM_SEND);
	assert_int_equal(remind_at(&s, local(2026, 12, 1, 18, 30)), REM_ALREADY);
	assert_int_equal(s.log.n, 2);
	/* Past 23:00 no part: nothing, though something is due. */
	assert_int_equal(remind_at(&s, local(2026, 12, 1, 23, 30)), REM_OUTSIDE);
	/*
	 * Next day: asleep through the whole morning (the 07:30 timer fires on
	 * waking at 13:10): no morning reminder in the afternoon, only the
	 * afternoon's, once.
	 */
	assert_int_equal(remind_at(&s, local(2026, 12, 2, 13, 10)), REM_SEND);
	assert_int_equal(remind_at(&s, local(2026, 12, 2, 13, 11)), REM_ALREADY);
	assert_int_equal(remind_at(&s, local(2026, 12, 2, 16, 59)), REM_ALREADY);
	assert_int_equal(s.log.n, 3);
	/* Yesterday's morning reminder does not count today. */
	assert_int_equal(remind_at(&s, local(2026, 12, 3, 7, 30)), REM_SEND);
	assert_int_equal(s.log.n, 4);
}

static void test_nothing_while_playing_paused_or_done(void **state)
{
	struct rem_config c;
	struct ev_log log;
	const char *text = "2026-12-01T09:00:00+01:00\tpause\t-\t2026-12-04\tinjury\n";
	time_t now = local(2026, 12, 2, 9, 0);
	(void)state;

	rem_config_default(&c);
	assert_int_equal(ev_parse(text, strlen(text), &log, NULL, NULL, NULL), 0);
	assert_int_equal(rem_decide(&c, &log, 3, false, now), REM_PAUSED);
	/* The pause's last day is paused; the day after is not. */
	assert_int_equal(rem_decide(&c, &log, 3, false, local(2026, 12, 4, 9, 0)), REM_PAUSED);
	assert_int_equal(rem_decide(&c, &log, 3, false, local(2026, 12, 5, 9, 0)), REM_SEND);
	ev_free(&log);

	memset(&log, 0, sizeof(log));
	assert_int_equal(rem_decide(&c, &log, 3, true, now), REM_PLAYING);
	assert_int_equal(rem_decide(&c, &log, 0, false, now), REM_NOTHING_DUE);
	assert_int_equal(rem_decide(&c, &log, 1, false, now), REM_SEND);
}

/* `remind --verbose`: why nothing was sent, in words. */
static void test_why(void **state)
{
	struct rem_config c;
	char buf[128];
	(void)state;

	rem_config_default(&c);
	static const struct {
		enum rem_verdict v;
		unsigned hour;
		const char *words;
	} rows[] = {
		{ REM_NOTHING_DUE, 9, "nothing is due" },
		{ REM_PAUSED, 9, "lumbar is paused" },
		{ REM_PLAYING, 9, "a routine is playing" },
		{ REM_ALREADY, 9, "a reminder was sent in this part of the day (05-12) already" },
		{ REM_ALREADY, 18, "a reminder was sent in this part of the day (17-23) already" },
		{ REM_OUTSIDE, 3, "03:xx is in no part of the day (remind_parts)" },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		assert_string_equal(rem_why(&c, rows[i].v, local(2026, 12, 1, (int)rows[i].hour, 0),
		                            buf, sizeof(buf)),
		                    rows[i].words);
}

/* ---- The due line ----------------------------------------------------------------- */

static void test_due_line(void **state)
{
	struct catalogue *cat;
	struct cat_error err;
	struct hist h;
	struct hist_summary s;
	struct rem_due d;
	char line[256];
	const char *text = "2026-12-01T07:00:00+01:00\talpha\tdone\t30\t-\n";
	(void)state;

	assert_int_equal(cat_load_file("tests/fixtures/cli-small.yaml", &cat, &err), CAT_OK);
	struct plan_dose easy;
	plan_dose_level(&easy, CAT_LEVEL_EASY);
	/* Nothing done: both, 0:30 + 2:40. */
	memset(&h, 0, sizeof(h));
	assert_int_equal(hist_summarize(&h, cat, local(2026, 12, 1, 9, 0), &s), 0);
	rem_due(cat, &s, &easy, &d);
	assert_int_equal(d.n, 2);
	assert_int_equal(d.seconds, 30 + 160);
	assert_string_equal(rem_due_line(cat, &d, line, sizeof(line)), "2 due: alpha, beta (3:10)");
	/* The reminder names them for a person. */
	assert_string_equal(rem_due_names(cat, &d, line, sizeof(line)),
	                    "2 due: Alpha hold, Beta reps (3:10)");
	hist_summary_free(&s);
	/* alpha once of twice today: still due. */
	assert_int_equal(hist_parse(text, strlen(text), &h, NULL, NULL, NULL), 0);
	assert_int_equal(hist_summarize(&h, cat, local(2026, 12, 1, 9, 0), &s), 0);
	rem_due(cat, &s, &easy, &d);
	assert_int_equal(d.n, 2);
	hist_summary_free(&s);
	/* Nothing due: an empty line. */
	d.n = 0;
	assert_string_equal(rem_due_line(cat, &d, line, sizeof(line)), "");
	hist_free(&h);
	cat_free(cat);

	/*
	 * Every shipped exercise due: the ids that fit in 80 columns, then how
	 * many more (a prompt or a status bar has one line).
	 */
	assert_int_equal(cat_load_file("data/exercises.yaml", &cat, &err), CAT_OK);
	d.n = cat->n_exercises;
	for (unsigned i = 0; i < d.n; i++)
		d.idx[i] = i;
	d.seconds = 24 * 60 + 28;
	assert_string_equal(
	    rem_due_line(cat, &d, line, sizeof(line)),
	    "10 due: knee-to-chest, pelvic-tilts-bridges, cat-cow, +7 more (24:28)");
	/* The last id needs no room for a count: three long ones fit... */
	d.n = 3;
	d.idx[0] = 1; /* pelvic-tilts-bridges */
	d.idx[1] = 4; /* hip-flexor-release */
	d.idx[2] = 7; /* core-stabilisation */
	d.idx[3] = 9; /* piriformis-release */
	assert_string_equal(rem_due_line(cat, &d, line, sizeof(line)),
	                    "3 due: pelvic-tilts-bridges, hip-flexor-release, core-stabilisation "
	                    "(24:28)");
	/* ...but not with a fourth after them, and a count takes the third's place. */
	d.n = 4;
	assert_string_equal(rem_due_line(cat, &d, line, sizeof(line)),
	                    "4 due: pelvic-tilts-bridges, hip-flexor-release, +2 more (24:28)");
	assert_true(strlen(line) <= REM_LINE_WIDTH);
	/* Names are counted past the width as ids are. */
	d.n = cat->n_exercises;
	for (unsigned i = 0; i < d.n; i++)
		d.idx[i] = i;
	rem_due_names(cat, &d, line, sizeof(line));
	assert_true(strlen(line) <= REM_LINE_WIDTH);
	assert_non_null(strstr(line, " more (24:28)"));
	assert_int_equal(strncmp(line, "10 due: Knee-to-chest stretch, ", 31), 0);
	cat_free(cat);
}

/* ---- Units and crontab --------------------------------------------------------------- */

static void test_units(void **state)
{
	struct rem_config c;
	char buf[REM_MAX_UNIT];
	(void)state;

	rem_config_default(&c);
	size_t n = rem_timer_unit(&c, buf, sizeof(buf));
	assert_int_equal(n, strlen(buf));
	assert_string_equal(buf, "[Unit]\nDescription=lumbar: a reminder when exercises are due\n"
	                         "Documentation=man:lumbar(1)\n\n"
	                         "[Timer]\n"
	                         "OnCalendar=*-*-* 07:30:00\n"
	                         "OnCalendar=*-*-* 18:30:00\n"
	                         "Persistent=true\n\n"
	                         "[Install]\nWantedBy=timers.target\n");
	c.n_at = 1;
	c.at[0] = 6 * 60 + 5;
	rem_timer_unit(&c, buf, sizeof(buf));
	assert_non_null(strstr(buf, "OnCalendar=*-*-* 06:05:00\nPersistent=true\n"));
	assert_null(strstr(buf, "18:30"));

	n = rem_service_unit("/usr/bin/lumbar", buf, sizeof(buf));
	assert_int_equal(n, strlen(buf));
	assert_string_equal(buf, "[Unit]\nDescription=lumbar: a reminder when exercises are due\n"
	                         "Documentation=man:lumbar(1)\n\n"
	                         "[Service]\nType=oneshot\n"
	                         "ExecStart=\"/usr/bin/lumbar\" remind\n"
	                         "SuccessExitStatus=1\n");
	/* A path systemd would read otherwise is escaped; one it cannot hold is refused. */
	rem_service_unit("/opt/my \"$app\"/100%/lumbar", buf, sizeof(buf));
	assert_non_null(strstr(buf, "ExecStart=\"/opt/my \\\"$$app\\\"/100%%/lumbar\" remind\n"));
	assert_int_equal(rem_service_unit("lumbar", buf, sizeof(buf)), 0);
	assert_int_equal(rem_service_unit("/a\nExecStart=/bin/evil", buf, sizeof(buf)), 0);
	/* Too small a buffer says how much was needed. */
	assert_true(rem_service_unit("/usr/bin/lumbar", buf, 10) > 10);
}

static void test_cron(void **state)
{
	struct rem_config c;
	char buf[REM_MAX_UNIT];
	(void)state;

	rem_config_default(&c);
	size_t n = rem_cron_lines(&c, "/usr/bin/lumbar", ":0", "unix:path=/run/user/1000/bus",
	                          "/run/user/1000", buf, sizeof(buf));
	assert_int_equal(n, strlen(buf));
	assert_string_equal(buf, "30 7,18 * * * DISPLAY=':0' "
	                         "DBUS_SESSION_BUS_ADDRESS='unix:path=/run/user/1000/bus' "
	                         "XDG_RUNTIME_DIR='/run/user/1000' '/usr/bin/lumbar' remind\n");
	/* Different minutes: a line each; quotes and cron's % escaped. */
	c.at[1] = 18 * 60 + 45;
	c.at[2] = 12 * 60 + 30;
	c.n_at = 3;
	rem_cron_lines(&c, "/home/o'neil/100%/lumbar", ":1", "b", "/r", buf, sizeof(buf));
	assert_string_equal(buf, "30 7,12 * * * DISPLAY=':1' DBUS_SESSION_BUS_ADDRESS='b' "
	                         "XDG_RUNTIME_DIR='/r' '/home/o'\\''neil/100\\%/lumbar' remind\n"
	                         "45 18 * * * DISPLAY=':1' DBUS_SESSION_BUS_ADDRESS='b' "
	                         "XDG_RUNTIME_DIR='/r' '/home/o'\\''neil/100\\%/lumbar' remind\n");
	assert_int_equal(rem_cron_lines(&c, "relative", ":0", "b", "/r", buf, sizeof(buf)), 0);
}

/* ---- The notifier: a stand-in program ---------------------------------------------------- */

static void test_notify(void **state)
{
	(void)state;

	assert_int_equal(rem_notify("test \"$LUMBAR_TITLE\" = 'lumbar: 2 exercises due' && "
	                            "test \"$LUMBAR_BODY\" = \"it's 'quoted' \\$HOME\"",
	                            "lumbar: 2 exercises due", "it's 'quoted' $HOME", 5),
	                 0);
	assert_int_equal(rem_notify("exit 3", "t", "b", 5), -1);
	assert_int_equal(rem_notify("kill -9 $$", "t", "b", 5), -1);
	/* A command the shell cannot find is told apart: notify-send not installed. */
	assert_int_equal(rem_notify("/nonexistent/notify-send", "t", "b", 5), REM_NOTIFY_NOT_FOUND);
	assert_int_equal(rem_notify("lumbar-no-such-notifier", "t", "b", 5), REM_NOTIFY_NOT_FOUND);
	/* Its standard input is not ours. */
	assert_int_equal(rem_notify("test -z \"$(cat)\"", "t", "b", 5), 0);
}

/* A notifier that takes too long is ended after its time, and counts as failed. */
static void test_notify_times_out(void **state)
{
	char dir[] = "/tmp/lumbar-remind-XXXXXX", cmd[256], path[64];
	(void)state;

	assert_non_null(mkdtemp(dir));
	/* The child of the shell is ended too: it never writes its file. */
	snprintf(cmd, sizeof(cmd), "(sleep 3; touch %s/late) & wait", dir);
	time_t start = time(NULL);
	assert_int_equal(rem_notify(cmd, "t", "b", 1), -1);
	assert_true(time(NULL) - start <= 2);
	sleep(3);
	snprintf(path, sizeof(path), "%s/late", dir);
	assert_int_equal(access(path, F_OK), -1);
	rmdir(dir);
}

/* What `lumbar remind` does: the lock, the events read under it, the turn. */
static enum rem_outcome locked_turn(const struct rem_turn *t, struct hist_error *err)
{
	struct ev_log ev = { 0 };
	enum rem_outcome out;
	int fd = rem_lock(t->events, err);

	assert_true(fd >= 0);
	assert_int_equal(ev_load(t->events, &ev, NULL, NULL, err), 0);
	out = rem_run(t, &ev, err);
	ev_free(&ev);
	rem_unlock(fd);
	return out;
}

/*
 * Three reminders at once, each in its own process: one notification and
 * one `remind` event, however they interleave (issue 18, item 18). The
 * notifier counts and takes its time, so that without the lock all three
 * would decide before any logs.
 */
static void test_three_at_once_send_one(void **state)
{
	char dir[] = "/tmp/lumbar-remind-XXXXXX", events[64], cmd[160], count[64], line[256];
	struct rem_config c;
	pid_t pid[3];
	(void)state;

	assert_non_null(mkdtemp(dir));
	snprintf(events, sizeof(events), "%s/events.tsv", dir);
	snprintf(count, sizeof(count), "%s/sent", dir);
	snprintf(cmd, sizeof(cmd), "echo x >>%s; sleep 0.3", count);
	rem_config_default(&c);
	struct rem_turn t = { &c, events, 2, false, local(2026, 12, 1, 9, 0), cmd, "t", "b" };
	for (int i = 0; i < 3; i++) {
		pid[i] = fork();
		assert_true(pid[i] >= 0);
		if (pid[i] == 0) {
			struct hist_error err;
			_exit((int)locked_turn(&t, &err));
		}
	}
	int sent = 0, not_sent = 0, status;
	for (int i = 0; i < 3; i++) {
		assert_int_equal(waitpid(pid[i], &status, 0), pid[i]);
		assert_true(WIFEXITED(status));
		sent += WEXITSTATUS(status) == REM_SENT;
		not_sent += WEXITSTATUS(status) == REM_NOT_SENT;
	}
	assert_int_equal(sent, 1);
	assert_int_equal(not_sent, 2);
	FILE *fp = fopen(count, "r");
	assert_non_null(fp);
	int n = 0;
	while (fgets(line, sizeof(line), fp))
		n++;
	fclose(fp);
	assert_int_equal(n, 1);
	struct ev_log ev;
	struct hist_error err;
	assert_int_equal(ev_load(events, &ev, NULL, NULL, &err), 0);
	assert_int_equal(ev.n, 1);
	assert_int_equal(ev.e[0].kind, EV_REMIND);
	ev_free(&ev);

	/* A notifier that fails: nothing logged, and the next one may send. */
	unlink(events);
	t.cmd = "exit 1";
	assert_int_equal(locked_turn(&t, &err), REM_NOTIFY_FAILED);
	assert_int_equal(access(events, F_OK), -1);
	/* One not installed is said apart, and nothing is logged either. */
	t.cmd = "lumbar-no-such-notifier";
	assert_int_equal(locked_turn(&t, &err), REM_NOTIFY_MISSING);
	assert_int_equal(access(events, F_OK), -1);
	/* The verdict comes back when asked for. */
	enum rem_verdict why = REM_SEND;
	t.why = &why;
	t.n_due = 0;
	assert_int_equal(locked_turn(&t, &err), REM_NOT_SENT);
	assert_int_equal(why, REM_NOTHING_DUE);

	snprintf(line, sizeof(line), "rm -rf %s", dir);
	assert_int_equal(system(line), 0);
}

/* ---- Status JSON -------------------------------------------------------------------------- */

static char *capture(void (*fn)(FILE *, const void *), const void *arg)
{
	static char buf[1024];
	FILE *fp = fmemopen(buf, sizeof(buf), "w");

	assert_non_null(fp);
	fn(fp, arg);
	fclose(fp);
	return buf;
}

static void write_string(FILE *fp, const void *arg)
{
	status_json_string(fp, arg);
}

static void write_status(FILE *fp, const void *arg)
{
	status_json(fp, arg);
}

static void test_status_json(void **state)
{
	struct catalogue *cat;
	struct cat_error err;
	struct rem_due d = { .n = 2, .idx = { 0, 1 }, .seconds = 190 };
	(void)state;

	assert_string_equal(capture(write_string, "a\"b\\c\n\t\x01\x7f\u00e9"),
	                    "\"a\\\"b\\\\c\\n\\t\\u0001\\u007f\u00e9\"");
	assert_int_equal(cat_load_file("tests/fixtures/cli-small.yaml", &cat, &err), CAT_OK);
	struct status_info in = { .cat = cat, .due = &d, .today = 3, .streak = 12 };
	assert_string_equal(
	    capture(write_status, &in),
	    "{\"due\":[\"alpha\",\"beta\"],\"due_count\":2,\"due_minutes\":4,"
	    "\"today\":3,\"done_today\":3,\"streak\":12,\"playing\":false,\"paused\":false,"
	    "\"paused_until\":null}\n");
	d.n = 0;
	d.seconds = 0;
	in.playing = true;
	in.paused = true;
	in.paused_until = hist_day_from_civil(2026, 12, 24);
	assert_string_equal(capture(write_status, &in),
	                    "{\"due\":[],\"due_count\":0,\"due_minutes\":0,\"today\":3,"
	                    "\"done_today\":3,\"streak\":12,\"playing\":true,\"paused\":true,"
	                    "\"paused_until\":\"2026-12-24\"}\n");
	cat_free(cat);
}

static void write_text(FILE *fp, const void *arg)
{
	status_text(fp, arg);
}

/* `lumbar status` alone: a few lines for a person, within 80 columns. */
static void test_status_text(void **state)
{
	struct catalogue *cat;
	struct cat_error err;
	struct rem_due d = { .n = 2, .idx = { 0, 1 }, .seconds = 190 };
	(void)state;

	assert_int_equal(cat_load_file("tests/fixtures/cli-small.yaml", &cat, &err), CAT_OK);
	struct status_info in = { .cat = cat, .due = &d, .today = 1, .streak = 1 };
	assert_string_equal(capture(write_text, &in),
	                    "Due: 2 exercises, 4 min: Alpha hold, Beta reps\n"
	                    "Done today: 1, streak: 1 day\n");
	d.n = 0;
	in.today = 3;
	in.streak = 12;
	in.playing = true;
	assert_string_equal(capture(write_text, &in), "Nothing due\n"
	                                              "Done today: 3, streak: 12 days\n"
	                                              "A routine is playing\n");
	in.playing = false;
	in.paused = true;
	in.paused_until = hist_day_from_civil(2026, 12, 24);
	assert_string_equal(capture(write_text, &in), "Paused until 2026-12-24: nothing is due\n"
	                                              "Done today: 3, streak: 12 days\n");
	cat_free(cat);

	/* Every shipped exercise due: the names that fit, then how many more. */
	assert_int_equal(cat_load_file("data/exercises.yaml", &cat, &err), CAT_OK);
	d.n = cat->n_exercises;
	for (unsigned i = 0; i < d.n; i++)
		d.idx[i] = i;
	d.seconds = 24 * 60 + 28;
	in = (struct status_info){ .cat = cat, .due = &d };
	char *text = capture(write_text, &in);
	assert_true(strchr(text, '\n') - text <= STATUS_WIDTH);
	assert_int_equal(strncmp(text, "Due: 10 exercises, 25 min: Knee-to-chest stretch, ", 50),
	                 0);
	assert_non_null(strstr(text, " more\nDone today: 0"));
	cat_free(cat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_part_boundaries),
		cmocka_unit_test(test_once_per_part_across_sleep),
		cmocka_unit_test(test_nothing_while_playing_paused_or_done),
		cmocka_unit_test(test_due_line),
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_cron),
		cmocka_unit_test(test_notify),
		cmocka_unit_test(test_notify_times_out),
		cmocka_unit_test(test_three_at_once_send_one),
		cmocka_unit_test(test_status_json),
		cmocka_unit_test(test_status_text),
		cmocka_unit_test(test_why),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
