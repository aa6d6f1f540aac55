/*
 * test_hook.c - phase hooks and voice cues: the sentence for every kind of
 * phase, the environment a hook sees, that a hook never delays us, never
 * writes on our screen and never stays a zombie, and the speech lookup.
 *
 * Hooks are real /bin/sh processes. Waiting for them is a poll with a
 * deadline, never a fixed sleep, so the suite is as fast as the machine and
 * fails rather than hangs when a hook misbehaves.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "catalogue_load.h"
#include "hook.h"

/* ---- Helpers ---------------------------------------------------------------- */

enum { DEADLINE_MS = 5000 };

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void nap(void)
{
	struct timespec ts = { 0, 5 * 1000 * 1000 };

	nanosleep(&ts, NULL);
}

/* Wait until `path` exists; false when the deadline passes first. */
static bool wait_for_file(const char *path)
{
	int64_t end = now_ms() + DEADLINE_MS;

	while (access(path, F_OK) != 0) {
		if (now_ms() > end)
			return false;
		nap();
	}
	return true;
}

/* Reap until at most `left` hooks run; false when the deadline passes first. */
static bool wait_running(unsigned left)
{
	int64_t end = now_ms() + DEADLINE_MS;

	while (hook_reap() > left) {
		if (now_ms() > end)
			return false;
		nap();
	}
	return true;
}

/* True while `pid` exists and is not a zombie. */
static bool alive(pid_t pid)
{
	char path[64], buf[512];
	FILE *fp;
	char *rp;
	bool zombie = false;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fp = fopen(path, "r");
	if (fp == NULL)
		return false;
	if (fgets(buf, sizeof(buf), fp) != NULL && (rp = strrchr(buf, ')')) != NULL)
		zombie = rp[1] == ' ' && rp[2] == 'Z';
	fclose(fp);
	return !zombie;
}

static char *read_all(const char *path)
{
	FILE *fp = fopen(path, "r");
	static char buf[8192];
	size_t n;

	if (fp == NULL)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static char tmpdir[64];

static int make_tmpdir(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/test_hook.XXXXXX");
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

/* Also a check that each test left no hook behind. */
static int remove_tmpdir(void **state)
{
	char cmd[128];
	unsigned left = hook_reap();

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		return -1;
	return left == 0 ? 0 : -1;
}

static void in_tmp(char *buf, size_t len, const char *name)
{
	snprintf(buf, len, "%s/%s", tmpdir, name);
}

static void write_script(const char *path, const char *body, mode_t mode)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(body, fp);
	fclose(fp);
	assert_int_equal(chmod(path, mode), 0);
}

/* An event as the player would describe it. */
static struct hook_event work(enum cat_mode mode, enum plan_side side, unsigned rep, unsigned reps,
                              unsigned seconds)
{
	struct hook_event ev = { 0 };

	ev.event = HOOK_PHASE;
	ev.kind = PLAN_WORK;
	ev.exercise = "knee-to-chest";
	ev.exercise_name = "Knee-to-chest stretch";
	ev.set = "Knee to chest";
	ev.mode = mode;
	ev.side = side;
	ev.rep = rep;
	ev.reps = reps;
	ev.seconds = ev.phase_seconds = seconds;
	ev.n_sets = 1;
	return ev;
}

static void expect_say(const struct hook_event *ev, const char *want)
{
	char buf[HOOK_MAX_SAY];

	assert_string_equal(hook_say(ev, buf, sizeof(buf)), want);
}

/* ---- The sentence ----------------------------------------------------------------- */

static void test_say_prepare_rest_switch(void **state)
{
	struct hook_event ev = { 0 };

	(void)state;
	ev.event = HOOK_PHASE;
	ev.kind = PLAN_PREPARE;
	ev.exercise_name = "Knee-to-chest stretch";
	ev.seconds = ev.phase_seconds = 10;
	expect_say(&ev, "Get ready for Knee-to-chest stretch.");
	ev.exercise_name = NULL;
	expect_say(&ev, "Get ready.");

	ev.kind = PLAN_REST;
	expect_say(&ev, "Rest for 10 seconds.");
	ev.seconds = 1;
	expect_say(&ev, "Rest.");
	ev.seconds = 4;
	expect_say(&ev, "Rest for 4 seconds.");
	ev.seconds = 90;
	expect_say(&ev, "Rest for 1 minute 30 seconds.");
	ev.seconds = 120;
	expect_say(&ev, "Rest for 2 minutes.");
	ev.seconds = 3600;
	expect_say(&ev, "Rest for 1 hour.");
	ev.seconds = 3661;
	expect_say(&ev, "Rest for 1 hour 1 minute 1 second.");

	ev.kind = PLAN_SWITCH;
	ev.seconds = 3;
	expect_say(&ev, "Switch sides.");
}

static void test_say_hold(void **state)
{
	struct hook_event ev;

	(void)state;
	ev = work(CAT_MODE_HOLD, PLAN_SIDE_LEFT, 1, 3, 5);
	expect_say(&ev, "Left side. Hold for 5 seconds.");
	ev = work(CAT_MODE_HOLD, PLAN_SIDE_RIGHT, 1, 3, 30);
	expect_say(&ev, "Right side. Hold for 30 seconds.");
	ev = work(CAT_MODE_HOLD, PLAN_SIDE_LEFT, 2, 3, 30);
	expect_say(&ev, "Left side, rep 2 of 3. Hold for 30 seconds.");
	ev = work(CAT_MODE_HOLD, PLAN_SIDE_RIGHT, 3, 3, 30);
	expect_say(&ev, "Right side, last rep. Hold for 30 seconds.");
	ev = work(CAT_MODE_HOLD, PLAN_SIDE_NONE, 1, 1, 20);
	expect_say(&ev, "Hold for 20 seconds.");
	ev = work(CAT_MODE_HOLD, PLAN_SIDE_NONE, 2, 10, 30);
	expect_say(&ev, "Rep 2 of 10. Hold for 30 seconds.");
	ev = work(CAT_MODE_HOLD, PLAN_SIDE_NONE, 10, 10, 30);
	expect_say(&ev, "Last rep. Hold for 30 seconds.");
	ev = work(CAT_MODE_HOLD, PLAN_SIDE_NONE, 1, 1, 1);
	expect_say(&ev, "Hold for 1 second.");
}

/* A short hold repeated must be said before it ends. */
static void test_say_short_hold(void **state)
{
	struct hook_event ev;

	(void)state;
	ev = work(CAT_MODE_HOLD, PLAN_SIDE_LEFT, 1, 8, 3);
	expect_say(&ev, "Left side. Hold for 3 seconds.");
	ev = work(CAT_MODE_HOLD, PLAN_SIDE_RIGHT, 2, 8, 3);
	expect_say(&ev, "Right side.");
	ev = work(CAT_MODE_HOLD, PLAN_SIDE_LEFT, 8, 8, 7);
	expect_say(&ev, "Left side, last rep.");
	ev = work(CAT_MODE_HOLD, PLAN_SIDE_NONE, 4, 10, 4);
	expect_say(&ev, "Rep 4.");
	ev = work(CAT_MODE_HOLD, PLAN_SIDE_NONE, 10, 10, 4);
	expect_say(&ev, "Last rep.");
	ev = work(CAT_MODE_HOLD, PLAN_SIDE_NONE, 4, 10, 8);
	expect_say(&ev, "Rep 4 of 10. Hold for 8 seconds.");
}

static void test_say_names(void **state)
{
	struct hook_event ev;

	(void)state;
	/* The set is named when the exercise has several. */
	ev = work(CAT_MODE_HOLD, PLAN_SIDE_LEFT, 1, 9, 7);
	ev.set = "Bird dog";
	ev.n_sets = 3;
	ev.set_start = true;
	expect_say(&ev, "Bird dog. Left side. Hold for 7 seconds.");
	/* ...and not when it has one: the prepare phase named the exercise. */
	ev.n_sets = 1;
	expect_say(&ev, "Left side. Hold for 7 seconds.");
	/* No prepare phase: the first work phase names the exercise. */
	ev.exercise_start = true;
	expect_say(&ev, "Knee-to-chest stretch. Left side. Hold for 7 seconds.");

	ev = work(CAT_MODE_REPS, PLAN_SIDE_NONE, 0, 10, 50);
	ev.set = "Bridge";
	ev.set_start = true;
	ev.n_sets = 2;
	expect_say(&ev, "Bridge, 10 reps, 50 seconds.");
	ev.set = "Rotation";
	ev.side = PLAN_SIDE_LEFT;
	ev.reps = 13;
	ev.seconds = 52;
	expect_say(&ev, "Left side. Rotation, 13 reps, 52 seconds.");
	ev.set_start = false;
	ev.side = PLAN_SIDE_RIGHT;
	expect_say(&ev, "Right side. 13 reps, 52 seconds.");
	ev.reps = 1;
	ev.seconds = 4;
	expect_say(&ev, "Right side. 1 rep, 4 seconds.");

	ev = work(CAT_MODE_TIMED, PLAN_SIDE_NONE, 0, 0, 90);
	ev.exercise_name = ev.set = "Cat-cow";
	ev.set_start = ev.exercise_start = true;
	/* The exercise and the set share a name: say it once. */
	expect_say(&ev, "Cat-cow for 1 minute 30 seconds.");
	ev.set = NULL;
	ev.exercise_start = false;
	expect_say(&ev, "Keep going for 1 minute 30 seconds.");
	ev.set = "March";
	ev.side = PLAN_SIDE_LEFT;
	ev.seconds = 30;
	expect_say(&ev, "Left side. March for 30 seconds.");
}

static void test_say_countdown_and_done(void **state)
{
	struct hook_event ev = work(CAT_MODE_HOLD, PLAN_SIDE_LEFT, 1, 3, 3);

	(void)state;
	ev.event = HOOK_COUNTDOWN;
	ev.phase_seconds = 30;
	for (unsigned left = 3; left >= 1; left--) {
		char want[4];

		ev.seconds = left;
		snprintf(want, sizeof(want), "%u", left);
		expect_say(&ev, want);
	}
	ev.event = HOOK_DONE;
	ev.seconds = 0;
	expect_say(&ev, "Exercise complete.");
	ev.routine = true;
	expect_say(&ev, "Routine complete.");
}

/* A sentence cut short stays valid UTF-8 and terminated. */
static void test_say_truncates_on_characters(void **state)
{
	struct hook_event ev = { 0 };
	char buf[20];

	(void)state;
	ev.kind = PLAN_PREPARE;
	ev.exercise_name = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"; /* éééé é */
	/* "Get ready for " is 14 bytes; 5 more fit: two é and half a third. */
	hook_say(&ev, buf, sizeof(buf));
	assert_string_equal(buf, "Get ready for \xc3\xa9\xc3\xa9");
	hook_say(&ev, buf, 1);
	assert_string_equal(buf, "");
	assert_ptr_equal(hook_say(&ev, buf, 0), buf);
}

/* ---- Describing a plan's phases ------------------------------------------------------ */

static const char plan_yaml[] = "version: 1\n"
                                "routine: {prepare: 5, switch: 3}\n"
                                "exercises:\n"
                                "  - id: two-sets\n"
                                "    name: Two sets\n"
                                "    summary: s\n"
                                "    steps: [a]\n"
                                "    frequency: {times: 1, per: day}\n"
                                "    sets:\n"
                                "      - {name: Tilt, mode: hold, hold: 4, reps: 2, rest: 2,\n"
                                "         sides: each, rest_after: 10}\n"
                                "      - {name: Bridge, mode: reps, reps: 10, tempo: 5}\n"
                                "  - id: walk\n"
                                "    name: Walk\n"
                                "    summary: s\n"
                                "    steps: [a]\n"
                                "    frequency: {times: 1, per: day}\n"
                                "    prepare: 0\n"
                                "    sets:\n"
                                "      - {name: Walk, mode: timed, duration: 60}\n";

static void test_describe_plan(void **state)
{
	struct catalogue *cat = NULL;
	struct cat_error err;
	struct plan p;
	struct hook_event ev;
	char buf[HOOK_MAX_SAY];
	static const char *const want[] = {
		"Get ready for Two sets.",
		"Tilt. Left side. Hold for 4 seconds.",
		"Rest.",
		"Left side, last rep.",
		"Switch sides.",
		"Right side. Hold for 4 seconds.",
		"Rest.",
		"Right side, last rep.",
		"Rest for 10 seconds.",
		"Bridge, 10 reps, 50 seconds.",
		"Walk for 1 minute.",
	};

	(void)state;
	assert_int_equal(cat_load_buffer(plan_yaml, sizeof(plan_yaml) - 1, &cat, &err), CAT_OK);
	assert_int_equal(plan_build_all(cat, CAT_LEVEL_EASY, &p), 0);
	assert_int_equal(p.n, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < p.n; i++) {
		assert_int_equal(hook_describe(cat, &p, i, HOOK_PHASE, 0, &ev), 0);
		assert_string_equal(hook_say(&ev, buf, sizeof(buf)), want[i]);
	}

	assert_int_equal(hook_describe(cat, &p, 1, HOOK_PHASE, 0, &ev), 0);
	assert_int_equal(ev.event, HOOK_PHASE);
	assert_int_equal(ev.kind, PLAN_WORK);
	assert_string_equal(ev.exercise, "two-sets");
	assert_string_equal(ev.exercise_name, "Two sets");
	assert_string_equal(ev.set, "Tilt");
	assert_int_equal(ev.side, PLAN_SIDE_LEFT);
	assert_int_equal(ev.rep, 1);
	assert_int_equal(ev.reps, 2);
	assert_int_equal(ev.seconds, 4);
	assert_true(ev.set_start);
	assert_false(ev.exercise_start);
	assert_int_equal(ev.n_sets, 2);

	assert_int_equal(hook_describe(cat, &p, 0, HOOK_PHASE, 0, &ev), 0);
	assert_null(ev.set);
	assert_true(ev.exercise_start);

	assert_int_equal(hook_describe(cat, &p, 3, HOOK_COUNTDOWN, 2, &ev), 0);
	assert_int_equal(ev.seconds, 2);
	assert_int_equal(ev.phase_seconds, 4);
	assert_string_equal(hook_say(&ev, buf, sizeof(buf)), "2");

	/* A rep of the bridge (10 reps at 5 s): its number, the tempo, and the last named. */
	assert_int_equal(hook_describe(cat, &p, 9, HOOK_REP, 3, &ev), 0);
	assert_int_equal(ev.event, HOOK_REP);
	assert_string_equal(hook_what_name(ev.event), "rep");
	assert_string_equal(ev.set, "Bridge");
	assert_int_equal(ev.rep, 3);
	assert_int_equal(ev.reps, 10);
	assert_int_equal(ev.seconds, 5);
	assert_string_equal(hook_say(&ev, buf, sizeof(buf)), "Rep 3.");
	assert_int_equal(hook_describe(cat, &p, 9, HOOK_REP, 10, &ev), 0);
	assert_string_equal(hook_say(&ev, buf, sizeof(buf)), "Last rep.");

	assert_int_equal(hook_describe(cat, &p, p.n - 1, HOOK_DONE, 0, &ev), 0);
	assert_true(ev.exercise_start);
	assert_string_equal(hook_say(&ev, buf, sizeof(buf)), "Routine complete.");
	assert_int_equal(hook_describe(cat, &p, p.n, HOOK_PHASE, 0, &ev), -1);
	plan_free(&p);

	assert_int_equal(plan_build_one(cat, 0, CAT_LEVEL_EASY, &p), 0);
	assert_int_equal(hook_describe(cat, &p, p.n - 1, HOOK_DONE, 0, &ev), 0);
	assert_string_equal(hook_say(&ev, buf, sizeof(buf)), "Exercise complete.");
	plan_free(&p);
	cat_free(cat);
}

/* A set's side words are what the voice says for the side. */
static void test_say_side_words(void **state)
{
	static const char yaml[] = "version: 1\n"
	                           "exercises:\n"
	                           "  - id: bird-dog\n"
	                           "    name: Bird dog\n"
	                           "    summary: S.\n"
	                           "    steps: [x]\n"
	                           "    frequency: { times: 1, per: day }\n"
	                           "    prepare: 0\n"
	                           "    sets:\n"
	                           "      - name: Bird dog\n"
	                           "        mode: hold\n"
	                           "        hold: 5\n"
	                           "        reps: 2\n"
	                           "        sides: alternate\n"
	                           "        side_words: [left leg and right arm, right leg and "
	                           "left arm]\n";
	static const char *const want[] = {
		"Bird dog. Left leg and right arm. Hold for 5 seconds.",
		"Switch sides.",
		"Right leg and left arm. Hold for 5 seconds.",
		"Switch sides.",
		"Left leg and right arm, last rep.",
		"Switch sides.",
		"Right leg and left arm, last rep.",
	};
	struct catalogue *cat = NULL;
	struct cat_error err;
	struct plan p;
	struct hook_event ev;
	char buf[HOOK_MAX_SAY];

	(void)state;
	assert_int_equal(cat_load_buffer(yaml, sizeof(yaml) - 1, &cat, &err), CAT_OK);
	assert_int_equal(plan_build_all(cat, CAT_LEVEL_EASY, &p), 0);
	assert_int_equal(p.n, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < p.n; i++) {
		assert_int_equal(hook_describe(cat, &p, i, HOOK_PHASE, 0, &ev), 0);
		assert_string_equal(hook_say(&ev, buf, sizeof(buf)), want[i]);
	}
	plan_free(&p);
	cat_free(cat);
}

/* ---- Running hooks ------------------------------------------------------------------------ */

static void test_environment(void **state)
{
	char out[128], cmd[512];
	struct hook_event ev = work(CAT_MODE_HOLD, PLAN_SIDE_RIGHT, 2, 3, 30);
	pid_t pid;
	const char *got;

	(void)state;
	in_tmp(out, sizeof(out), "env");
	setenv("HOOK_TEST_OUT", out, 1);
	setenv("LC_ALL", "C", 1);
	/* Ours replaces a stale value; the rest of the environment passes. */
	setenv("LUMBAR_SIDE", "stale", 1);
	setenv("LUMBAR_KEEP", "kept", 1);
	snprintf(cmd, sizeof(cmd),
	         "env | grep ^LUMBAR_ | sort > \"$HOOK_TEST_OUT.tmp\" && "
	         "mv \"$HOOK_TEST_OUT.tmp\" \"$HOOK_TEST_OUT\"");
	pid = hook_run(cmd, &ev);
	assert_true(pid > 0);
	assert_true(wait_for_file(out));
	got = read_all(out);
	assert_non_null(got);
	assert_string_equal(got, "LUMBAR_EVENT=phase\n"
	                         "LUMBAR_EXERCISE=knee-to-chest\n"
	                         "LUMBAR_EXERCISE_NAME=Knee-to-chest stretch\n"
	                         "LUMBAR_KEEP=kept\n"
	                         "LUMBAR_KIND=work\n"
	                         "LUMBAR_REP=2\n"
	                         "LUMBAR_REPS=3\n"
	                         "LUMBAR_SAY=Right side, rep 2 of 3. Hold for 30 seconds.\n"
	                         "LUMBAR_SECONDS=30\n"
	                         "LUMBAR_SET=Knee to chest\n"
	                         "LUMBAR_SIDE=right\n");
	assert_int_equal(unlink(out), 0);

	/* A prepare phase has no set and no side; done has no seconds. */
	ev.event = HOOK_DONE;
	ev.kind = PLAN_PREPARE;
	ev.set = NULL;
	ev.side = PLAN_SIDE_NONE;
	ev.rep = ev.reps = ev.seconds = 0;
	ev.routine = true;
	assert_true(hook_run(cmd, &ev) > 0);
	assert_true(wait_for_file(out));
	assert_string_equal(read_all(out), "LUMBAR_EVENT=done\n"
	                                   "LUMBAR_EXERCISE=knee-to-chest\n"
	                                   "LUMBAR_EXERCISE_NAME=Knee-to-chest stretch\n"
	                                   "LUMBAR_KEEP=kept\n"
	                                   "LUMBAR_KIND=prepare\n"
	                                   "LUMBAR_REP=0\n"
	                                   "LUMBAR_REPS=0\n"
	                                   "LUMBAR_SAY=Routine complete.\n"
	                                   "LUMBAR_SECONDS=0\n"
	                                   "LUMBAR_SET=\n"
	                                   "LUMBAR_SIDE=-\n");
	unsetenv("LUMBAR_SIDE");
	unsetenv("LUMBAR_KEEP");
	unsetenv("HOOK_TEST_OUT");
	assert_true(wait_running(0));
}

static void test_slow_hook_does_not_wait(void **state)
{
	struct hook_event ev = work(CAT_MODE_HOLD, PLAN_SIDE_LEFT, 1, 1, 5);
	int64_t t0, took;
	pid_t pid;

	(void)state;
	t0 = now_ms();
	pid = hook_run("sleep 10", &ev);
	took = now_ms() - t0;
	assert_true(pid > 0);
	/* Generous: this is behaviour (no waiting), not speed. */
	assert_true(took < 500);
	assert_int_equal(hook_reap(), 1);
	/* Its own process group: the terminal's ^C does not reach it. */
	assert_int_equal(getpgid(pid), pid);
	assert_true(getpgid(pid) != getpgrp());
	assert_int_equal(kill(-pid, SIGKILL), 0);
	assert_true(wait_running(0));
	assert_false(alive(pid));
}

static void test_failing_hooks_are_reaped(void **state)
{
	struct hook_event ev = work(CAT_MODE_HOLD, PLAN_SIDE_LEFT, 1, 1, 5);
	pid_t a, b;
	int status;

	(void)state;
	a = hook_run("exit 3", &ev);
	b = hook_run("/nonexistent/lumbar-hook --flag", &ev);
	assert_true(a > 0);
	assert_true(b > 0);
	assert_true(wait_running(0));
	/* Reaped: no zombie left, and no child of that pid either. */
	assert_int_equal(waitpid(a, &status, WNOHANG), -1);
	assert_int_equal(errno, ECHILD);
	assert_int_equal(waitpid(b, &status, WNOHANG), -1);
	assert_int_equal(errno, ECHILD);
	assert_false(alive(a));
	assert_false(alive(b));
}

static void test_bad_commands(void **state)
{
	struct hook_event ev = work(CAT_MODE_HOLD, PLAN_SIDE_LEFT, 1, 1, 5);

	(void)state;
	errno = 0;
	assert_int_equal(hook_run(NULL, &ev), -1);
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_int_equal(hook_run("", &ev), -1);
	assert_int_equal(errno, EINVAL);
}

/* Hooks that never end cannot pile up processes. */
static void test_running_hooks_are_bounded(void **state)
{
	struct hook_event ev = work(CAT_MODE_HOLD, PLAN_SIDE_LEFT, 1, 1, 5);
	pid_t pids[HOOK_MAX_RUNNING];

	(void)state;
	assert_null(hook_full_notice());
	for (unsigned i = 0; i < HOOK_MAX_RUNNING; i++) {
		pids[i] = hook_run("exec sleep 10", &ev);
		assert_true(pids[i] > 0);
	}
	assert_null(hook_full_notice()); /* full, but nothing refused yet */
	errno = 0;
	assert_int_equal(hook_run("true", &ev), -1);
	assert_int_equal(errno, EAGAIN);
	/* Said once, for the screen, not at every refused hook. */
	const char *note = hook_full_notice();
	assert_non_null(note);
	assert_non_null(strstr(note, "64 hooks are still running"));
	assert_int_equal(hook_run("true", &ev), -1);
	assert_null(hook_full_notice());
	for (unsigned i = 0; i < HOOK_MAX_RUNNING; i++)
		kill(-pids[i], SIGKILL);
	assert_true(wait_running(0));
	assert_true(hook_run("true", &ev) > 0);
	assert_true(wait_running(0));
}

static pid_t read_pid(const char *path)
{
	for (int i = 0; i < 500; i++) {
		const char *text = read_all(path);
		if (text && strchr(text, '\n'))
			return (pid_t)atoi(text);
		nap();
	}
	return -1;
}

/*
 * When lumbar ends, a hook that is about to finish is let finish; a hung
 * one goes with everything it started, even one that ignores SIGTERM.
 */
static void test_end_all_leaves_nothing_behind(void **state)
{
	struct hook_event ev = work(CAT_MODE_HOLD, PLAN_SIDE_LEFT, 1, 1, 5);
	char done[128], gc[128], cmd[512];

	(void)state;
	in_tmp(done, sizeof(done), "done");
	in_tmp(gc, sizeof(gc), "grandchild");
	snprintf(cmd, sizeof(cmd), "sleep 0.1; : > '%s'", done);
	assert_true(hook_run(cmd, &ev) > 0);
	snprintf(cmd, sizeof(cmd), "sleep 100 & echo $! > '%s'; exec sleep 100", gc);
	pid_t hung = hook_run(cmd, &ev);
	assert_true(hung > 0);
	pid_t stubborn = hook_run("trap '' TERM; while :; do sleep 1; done", &ev);
	assert_true(stubborn > 0);
	pid_t grandchild = read_pid(gc);
	assert_true(grandchild > 0);

	hook_end_all();
	assert_int_equal(hook_reap(), 0);
	assert_non_null(read_all(done)); /* the quick one finished its work */
	assert_false(alive(hung));
	assert_false(alive(stubborn));
	/* The grandchild got the signal with its group; its new parent reaps it. */
	for (int i = 0; i < 500 && alive(grandchild); i++)
		nap();
	assert_false(alive(grandchild));
}

/* What a hook prints goes to /dev/null, not onto our terminal. */
static void test_output_is_not_ours(void **state)
{
	struct hook_event ev = work(CAT_MODE_HOLD, PLAN_SIDE_LEFT, 1, 1, 5);
	char out_path[128], err_path[128], done[128], cmd[512];
	int saved_out, saved_err, fd_out, fd_err;
	struct stat st_out, st_err;
	bool finished;

	(void)state;
	in_tmp(out_path, sizeof(out_path), "stdout");
	in_tmp(err_path, sizeof(err_path), "stderr");
	in_tmp(done, sizeof(done), "done");
	snprintf(cmd, sizeof(cmd), "echo to-stdout; echo to-stderr >&2; cat; : > '%s'", done);

	fflush(stdout);
	fflush(stderr);
	saved_out = dup(1);
	saved_err = dup(2);
	fd_out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	fd_err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(saved_out >= 0 && saved_err >= 0 && fd_out >= 0 && fd_err >= 0);
	dup2(fd_out, 1);
	dup2(fd_err, 2);
	close(fd_out);
	close(fd_err);

	/* `cat` would block on a terminal; with /dev/null it ends at once. */
	finished = hook_run(cmd, &ev) > 0 && wait_for_file(done) && wait_running(0);

	dup2(saved_out, 1);
	dup2(saved_err, 2);
	close(saved_out);
	close(saved_err);
	assert_true(finished);
	assert_int_equal(stat(out_path, &st_out), 0);
	assert_int_equal(stat(err_path, &st_err), 0);
	assert_int_equal(st_out.st_size, 0);
	assert_int_equal(st_err.st_size, 0);
}

/*
 * A hook starts with default signal dispositions and an empty mask, whatever
 * lumbar ignores or blocks.
 */
static void test_signals_are_reset(void **state)
{
	struct hook_event ev = work(CAT_MODE_HOLD, PLAN_SIDE_LEFT, 1, 1, 5);
	char out[128], cmd[512];
	sigset_t block, old;
	struct sigaction ign = { 0 }, old_int, old_pipe;
	const char *got;
	unsigned long long blk = ~0ull, ignored = ~0ull;
	const char *line;

	(void)state;
	in_tmp(out, sizeof(out), "signals");
	/*
	 * `exec` so that grep reads the very process we started: a shell
	 * waiting for a child blocks every signal for a moment, which a grep
	 * of its status could catch.
	 */
	snprintf(cmd, sizeof(cmd), "exec grep -E '^Sig(Blk|Ign)' /proc/self/status > '%s'", out);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGPIPE, &ign, &old_pipe);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &old);

	assert_true(hook_run(cmd, &ev) > 0);

	sigprocmask(SIG_SETMASK, &old, NULL);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGPIPE, &old_pipe, NULL);
	assert_true(wait_running(0));
	got = read_all(out);
	assert_non_null(got);
	line = strstr(got, "SigBlk:");
	assert_non_null(line);
	blk = strtoull(line + 7, NULL, 16);
	line = strstr(got, "SigIgn:");
	assert_non_null(line);
	ignored = strtoull(line + 7, NULL, 16);
	assert_int_equal(blk & ((1ull << (SIGUSR1 - 1)) | (1ull << (SIGTERM - 1))), 0);
	assert_int_equal(ignored & ((1ull << (SIGINT - 1)) | (1ull << (SIGPIPE - 1))), 0);
}

/* ---- Speech --------------------------------------------------------------------------------- */

static void test_speech_stops_previous_utterance(void **state)
{
	struct hook_event ev = work(CAT_MODE_HOLD, PLAN_SIDE_LEFT, 1, 1, 30);
	pid_t plain, first, second;

	(void)state;
	plain = hook_run("sleep 10", &ev);
	first = hook_speak("sleep 10", &ev);
	assert_true(plain > 0);
	assert_true(first > 0);
	second = hook_speak("sleep 10", &ev);
	assert_true(second > 0);
	/* The first utterance is stopped; the plain hook is left alone. */
	assert_true(wait_running(2));
	assert_false(alive(first));
	assert_true(alive(second));
	assert_true(alive(plain));

	hook_speak_stop();
	assert_true(wait_running(1));
	assert_false(alive(second));
	assert_true(alive(plain));
	kill(-plain, SIGKILL);
	assert_true(wait_running(0));
}

static void test_speech_skips_short_countdowns(void **state)
{
	struct hook_event ev = work(CAT_MODE_HOLD, PLAN_SIDE_LEFT, 1, 1, 5);

	(void)state;
	ev.event = HOOK_COUNTDOWN;
	ev.seconds = 3;
	ev.phase_seconds = HOOK_SPEAK_MIN_COUNTDOWN - 1;
	assert_int_equal(hook_speak("true", &ev), 0);
	ev.phase_seconds = HOOK_SPEAK_MIN_COUNTDOWN;
	assert_true(hook_speak("true", &ev) > 0);
	assert_true(wait_running(0));

	/* "Rep 3." every second would talk over itself; every few seconds it helps. */
	ev = work(CAT_MODE_REPS, PLAN_SIDE_NONE, 3, 10, HOOK_SPEAK_MIN_TEMPO - 1);
	ev.event = HOOK_REP;
	assert_int_equal(hook_speak("true", &ev), 0);
	ev.seconds = HOOK_SPEAK_MIN_TEMPO;
	assert_true(hook_speak("true", &ev) > 0);
	assert_true(wait_running(0));
}

static void test_speaker_lookup(void **state)
{
	char a[128], b[128], prog[192], path[300], msg[128];
	const char *cmd;

	(void)state;
	in_tmp(a, sizeof(a), "a");
	in_tmp(b, sizeof(b), "b");
	assert_int_equal(mkdir(a, 0700), 0);
	assert_int_equal(mkdir(b, 0700), 0);
	snprintf(path, sizeof(path), "%s:%s", a, b);

	msg[0] = '\0';
	assert_null(hook_speaker(path, msg, sizeof(msg)));
	assert_string_equal(msg, "no speech program found (install espeak-ng)");

	/* Not executable, or not a file: not a speaker. */
	snprintf(prog, sizeof(prog), "%s/espeak-ng", a);
	write_script(prog, "#!/bin/sh\n", 0644);
	snprintf(prog, sizeof(prog), "%s/espeak", a);
	assert_int_equal(mkdir(prog, 0700), 0);
	assert_null(hook_speaker(path, msg, sizeof(msg)));

	snprintf(prog, sizeof(prog), "%s/say", a);
	write_script(prog, "#!/bin/sh\n", 0755);
	assert_string_equal(hook_speaker(path, msg, sizeof(msg)), "say \"$LUMBAR_SAY\"");

	/* espeak wins over say, and espeak-ng over both, wherever in PATH. */
	snprintf(prog, sizeof(prog), "%s/espeak", b);
	write_script(prog, "#!/bin/sh\n", 0755);
	assert_string_equal(hook_speaker(path, msg, sizeof(msg)), "espeak -- \"$LUMBAR_SAY\"");
	snprintf(prog, sizeof(prog), "%s/espeak-ng", b);
	write_script(prog, "#!/bin/sh\n", 0755);
	cmd = hook_speaker(path, msg, sizeof(msg));
	assert_string_equal(cmd, "espeak-ng -- \"$LUMBAR_SAY\"");
}

/* The command hook_speaker() returns passes the sentence as one argument. */
static void test_speaker_command_runs(void **state)
{
	struct hook_event ev = work(CAT_MODE_HOLD, PLAN_SIDE_RIGHT, 1, 1, 30);
	char bin[128], prog[192], out[128], script[512], msg[128];
	char *old_path = getenv("PATH") != NULL ? strdup(getenv("PATH")) : NULL;
	const char *cmd;

	(void)state;
	in_tmp(bin, sizeof(bin), "bin");
	in_tmp(out, sizeof(out), "spoken");
	assert_int_equal(mkdir(bin, 0700), 0);
	snprintf(prog, sizeof(prog), "%s/espeak-ng", bin);
	snprintf(script, sizeof(script),
	         "#!/bin/sh\nfor a; do printf '[%%s]' \"$a\"; done > '%s.tmp'\nmv '%s.tmp' '%s'\n",
	         out, out, out);
	write_script(prog, script, 0755);
	cmd = hook_speaker(bin, msg, sizeof(msg));
	assert_non_null(cmd);

	/* The child finds the program with our PATH; mv is still found after it. */
	snprintf(script, sizeof(script), "%s:%s", bin, old_path != NULL ? old_path : "/bin");
	setenv("PATH", script, 1);
	ev.exercise_name = "A name; with $(shell) `chars`";
	ev.exercise_start = true;
	assert_true(hook_speak(cmd, &ev) > 0);
	if (old_path != NULL)
		setenv("PATH", old_path, 1);
	free(old_path);
	assert_true(wait_for_file(out));
	assert_true(wait_running(0));
	assert_string_equal(
	    read_all(out), "[--][A name; with $(shell) `chars`. Right side. Hold for 30 seconds.]");
}

/*
 * `o` opens a video: xdg-open gets the address as one argument, in the
 * background of a shell that ends at once (so nothing of it is a hook left
 * running); without xdg-open, a sentence says which package to install.
 */
static void test_open_video(void **state)
{
	char bin[128], prog[192], out[128], script[512], msg[128];
	char *old_path = getenv("PATH") != NULL ? strdup(getenv("PATH")) : NULL;
	const char *url = "https://example.org/watch?v=a&b=$(id)";

	(void)state;
	in_tmp(bin, sizeof(bin), "bin");
	in_tmp(out, sizeof(out), "opened");
	assert_int_equal(mkdir(bin, 0700), 0);
	msg[0] = '\0';
	assert_int_equal(hook_open(bin, url, msg, sizeof(msg)), 0);
	assert_string_equal(msg, "No program opens links here: install xdg-utils (xdg-open).");

	snprintf(prog, sizeof(prog), "%s/xdg-open", bin);
	snprintf(script, sizeof(script),
	         "#!/bin/sh\nfor a; do printf '[%%s]' \"$a\"; done > '%s.tmp'\nmv '%s.tmp' '%s'\n",
	         out, out, out);
	write_script(prog, script, 0755);
	snprintf(script, sizeof(script), "%s:%s", bin, old_path != NULL ? old_path : "/bin");
	setenv("PATH", script, 1);
	assert_true(hook_open(script, url, msg, sizeof(msg)) > 0);
	errno = 0;
	assert_int_equal(hook_open(script, "https://x.org/'; rm -rf /'", msg, sizeof(msg)), -1);
	assert_int_equal(errno, EINVAL);
	if (old_path != NULL)
		setenv("PATH", old_path, 1);
	free(old_path);
	assert_true(wait_for_file(out));
	assert_true(wait_running(0));
	assert_string_equal(read_all(out), "[https://example.org/watch?v=a&b=$(id)]");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_say_prepare_rest_switch),
		cmocka_unit_test(test_say_hold),
		cmocka_unit_test(test_say_short_hold),
		cmocka_unit_test(test_say_names),
		cmocka_unit_test(test_say_countdown_and_done),
		cmocka_unit_test(test_say_truncates_on_characters),
		cmocka_unit_test(test_describe_plan),
		cmocka_unit_test(test_say_side_words),
		cmocka_unit_test_setup_teardown(test_environment, make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_slow_hook_does_not_wait, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_failing_hooks_are_reaped, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test(test_bad_commands),
		cmocka_unit_test_setup_teardown(test_running_hooks_are_bounded, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_output_is_not_ours, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_end_all_leaves_nothing_behind, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_signals_are_reset, make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_speech_stops_previous_utterance, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_speech_skips_short_countdowns, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_speaker_lookup, make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_open_video, make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_speaker_command_runs, make_tmpdir,
		                                remove_tmpdir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
