/*
 * test_settings.c - the settings file: where it is, each key, and every
 * class of mistake pinned to its exact message and position, since those
 * are what a user reads.
 *
 * Run from the repository root: fixtures are read from tests/fixtures/.
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

#include "settings.h"

#define FIX(name) "tests/fixtures/" name

/* ---- Helpers ---------------------------------------------------------------- */

static void load_ok(const char *path, struct settings *s)
{
	struct cat_error err = { 0 };
	enum cat_status st = settings_load_file(path, s, &err);

	if (st != CAT_OK)
		print_error("%s:%u:%u: %s\n", path, err.line, err.col, err.msg);
	assert_int_equal(st, CAT_OK);
}

static void buffer_ok(const char *yaml, struct settings *s)
{
	struct cat_error err = { 0 };
	enum cat_status st = settings_load_buffer(yaml, strlen(yaml), s, &err);

	if (st != CAT_OK)
		print_error("%s -> %u:%u: %s\n", yaml, err.line, err.col, err.msg);
	assert_int_equal(st, CAT_OK);
}

/* The out-parameter must stay untouched on failure. */
static void check_failed(enum cat_status st, const struct cat_error *err, const struct settings *s,
                         enum cat_status status, unsigned line, unsigned col, const char *msg)
{
	assert_int_equal(st, status);
	assert_int_equal(err->status, status);
	assert_string_equal(err->msg, msg);
	assert_int_equal(err->line, line);
	assert_int_equal(err->col, col);
	assert_int_equal(s->bell, 42);
	assert_ptr_equal(s->on_phase, (const void *)s);
}

static void expect_error(const char *path, enum cat_status status, unsigned line, unsigned col,
                         const char *msg)
{
	struct settings s = { .bell = 42 };
	struct cat_error err = { 0 };

	s.on_phase = (char *)&s;
	check_failed(settings_load_file(path, &s, &err), &err, &s, status, line, col, msg);
}

static void expect_buffer_error(const char *yaml, unsigned line, unsigned col, const char *msg)
{
	struct settings s = { .bell = 42 };
	struct cat_error err = { 0 };

	s.on_phase = (char *)&s;
	check_failed(settings_load_buffer(yaml, strlen(yaml), &s, &err), &err, &s, CAT_EINVALID,
	             line, col, msg);
}

static void assert_unset(const struct settings *s)
{
	assert_false(s->have_level);
	assert_int_equal(s->bell, -1);
	assert_int_equal(s->speak, -1);
	assert_int_equal(s->color, -1);
	assert_int_equal(s->ask_pain_before, -1);
	assert_null(s->on_phase);
}

/* ---- Good files ---------------------------------------------------------------- */

static void test_good_file(void **state)
{
	struct settings s;

	(void)state;
	load_ok(FIX("settings-good.yaml"), &s);
	assert_true(s.have_level);
	assert_int_equal(s.level, CAT_LEVEL_MEDIUM);
	assert_int_equal(s.bell, 0);
	assert_int_equal(s.speak, 1);
	assert_int_equal(s.color, 0);
	assert_string_equal(s.on_phase, "notify-send \"$LUMBAR_SAY\"");
	settings_free(&s);
	assert_unset(&s);
	settings_free(&s);
	settings_free(NULL);
}

/* Each key alone; the others stay unset. */
static void test_each_key(void **state)
{
	struct settings s;

	(void)state;
	buffer_ok("level: easy\n", &s);
	assert_true(s.have_level);
	assert_int_equal(s.level, CAT_LEVEL_EASY);
	s.have_level = false;
	assert_unset(&s);

	buffer_ok("level: hard\n", &s);
	assert_int_equal(s.level, CAT_LEVEL_HARD);

	buffer_ok("bell: true\n", &s);
	assert_int_equal(s.bell, 1);
	s.bell = -1;
	assert_unset(&s);

	buffer_ok("speak: false\n", &s);
	assert_int_equal(s.speak, 0);
	s.speak = -1;
	assert_unset(&s);

	buffer_ok("color: on\n", &s);
	assert_int_equal(s.color, 1);
	s.color = -1;
	assert_unset(&s);

	buffer_ok("ask_pain_before: false\n", &s);
	assert_int_equal(s.ask_pain_before, 0);
	s.ask_pain_before = -1;
	assert_unset(&s);

	buffer_ok("on_phase: 'paplay /usr/share/sounds/bell.oga'\n", &s);
	assert_string_equal(s.on_phase, "paplay /usr/share/sounds/bell.oga");
	settings_free(&s);

	/* An empty command is no command. */
	buffer_ok("on_phase: ''\n", &s);
	assert_unset(&s);
}

static void test_boolean_words(void **state)
{
	static const struct {
		const char *word;
		int value;
	} words[] = {
		{ "true", 1 }, { "false", 0 }, { "yes", 1 },   { "no", 0 },  { "on", 1 },
		{ "off", 0 },  { "TRUE", 1 },  { "False", 0 }, { "YeS", 1 }, { "OFF", 0 },
	};
	static const char *const bad[] = { "maybe", "1", "0", "y", "n", "", "truee", "t", NULL };

	(void)state;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		char yaml[64];
		struct settings s;
		int v = -1;

		assert_int_equal(settings_parse_bool(words[i].word, &v), 0);
		assert_int_equal(v, words[i].value);
		snprintf(yaml, sizeof(yaml), "bell: %s\nspeak: %s\ncolor: %s\n", words[i].word,
		         words[i].word, words[i].word);
		buffer_ok(yaml, &s);
		assert_int_equal(s.bell, words[i].value);
		assert_int_equal(s.speak, words[i].value);
		assert_int_equal(s.color, words[i].value);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int v = 7;

		assert_int_equal(settings_parse_bool(bad[i], &v), -1);
		assert_int_equal(v, 7);
	}
}

static void test_longest_command(void **state)
{
	char yaml[SETTINGS_MAX_COMMAND + 32];
	struct settings s;

	(void)state;
	memcpy(yaml, "on_phase: ", 10);
	memset(yaml + 10, 'x', SETTINGS_MAX_COMMAND);
	strcpy(yaml + 10 + SETTINGS_MAX_COMMAND, "\n");
	buffer_ok(yaml, &s);
	assert_int_equal(strlen(s.on_phase), SETTINGS_MAX_COMMAND);
	settings_free(&s);
}

static void test_empty_and_missing_files(void **state)
{
	struct settings s = { .bell = 42 };

	(void)state;
	load_ok(FIX("settings-empty.yaml"), &s);
	assert_unset(&s);

	s.bell = 42;
	load_ok(FIX("no-such-settings.yaml"), &s);
	assert_unset(&s);

	/* No lumbar directory at all is the same. */
	s.bell = 42;
	load_ok("/nonexistent/lumbar/config.yaml", &s);
	assert_unset(&s);
	s.bell = 42;
	load_ok(FIX("settings-empty.yaml/config.yaml"), &s);
	assert_unset(&s);

	buffer_ok("", &s);
	assert_unset(&s);
}

/* ---- Bad files ------------------------------------------------------------------ */

static void test_bad_level(void **state)
{
	(void)state;
	expect_error(FIX("settings-bad-level.yaml"), CAT_EINVALID, 2, 8,
	             "level: 'extreme' is not easy, medium or hard");
	/* Strict: the words are lower case, as in the catalogue and --level. */
	expect_buffer_error("level: Hard\n", 1, 8, "level: 'Hard' is not easy, medium or hard");
	expect_buffer_error("level: 2\n", 1, 8, "level: '2' is not easy, medium or hard");
}

static void test_bad_boolean(void **state)
{
	(void)state;
	expect_error(FIX("settings-bad-bool.yaml"), CAT_EINVALID, 2, 8,
	             "speak: 'maybe' is not true or false");
	expect_buffer_error("color: 1\n", 1, 8, "color: '1' is not true or false");
	expect_buffer_error("bell:\n", 1, 6, "bell: expected true or false");
	expect_buffer_error("bell: 'a\n  b'\n", 1, 7, "bell: 'a b' is not true or false");
	expect_buffer_error("bell: \"it's\"\n", 1, 7, "bell: expected true or false");
}

static void test_unknown_key(void **state)
{
	(void)state;
	expect_error(FIX("settings-unknown-key.yaml"), CAT_EINVALID, 2, 1,
	             "unknown key 'colour' (the keys are level, bell, speak, on_phase, color, "
	             "notify, remind_at, remind_parts, ask_pain_before, progression, ask_morning, "
	             "emergency_number, figure, ask_outcomes, interface)");
	expect_buffer_error("on-phase: x\n", 1, 1,
	                    "unknown key 'on-phase' (the keys are level, bell, speak, on_phase, "
	                    "color, notify, remind_at, remind_parts, ask_pain_before, progression, "
	                    "ask_morning, emergency_number, figure, ask_outcomes, interface)");
}

static void test_syntax_error(void **state)
{
	(void)state;
	expect_error(FIX("settings-syntax.yaml"), CAT_EINVALID, 2, 8,
	             "syntax error: mapping values are not allowed in this context");
}

static void test_other_mistakes(void **state)
{
	(void)state;
	expect_error(FIX("settings-duplicate.yaml"), CAT_EINVALID, 3, 1,
	             "key 'bell' appears twice");
	expect_error(FIX("settings-type.yaml"), CAT_EINVALID, 1, 8,
	             "speak: expected a single value, found a list");
	expect_error(FIX("settings-top-list.yaml"), CAT_EINVALID, 0, 0,
	             "expected a mapping of keys at the top, found a list");
	expect_error(FIX("settings-long-command.yaml"), CAT_EINVALID, 1, 11,
	             "on_phase is longer than 1000 bytes");
	expect_buffer_error("speak: *voice\n", 1, 1, "alias '*voice' has no anchor");
}

static void test_unreadable_file(void **state)
{
	(void)state;
	expect_error("tests/fixtures", CAT_EIO, 0, 0, "Is a directory");
}

/* A FIFO (or a device) as the settings file is refused at once, not waited on. */
static void test_fifo_is_refused(void **state)
{
	char dir[] = "/tmp/lumbar-settings-XXXXXX", path[64];

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/config.yaml", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	alarm(5); /* a hang fails the test instead of stalling the suite */
	expect_error(path, CAT_EIO, 0, 0, "not a regular file");
	alarm(0);
	unlink(path);
	rmdir(dir);
	expect_error("/dev/zero", CAT_EIO, 0, 0, "not a regular file");
}

static void test_error_print(void **state)
{
	struct settings s;
	struct cat_error err = { 0 };
	char buf[256];
	FILE *fp = fmemopen(buf, sizeof(buf), "w");

	(void)state;
	assert_non_null(fp);
	assert_int_equal(settings_load_file(FIX("settings-bad-bool.yaml"), &s, &err), CAT_EINVALID);
	cat_error_print(fp, FIX("settings-bad-bool.yaml"), &err);
	fclose(fp);
	assert_string_equal(buf, "tests/fixtures/settings-bad-bool.yaml:2:8: speak: 'maybe' is not "
	                         "true or false\n");
}

/* ---- Where the file is ------------------------------------------------------------ */

static void test_path(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(settings_path("/xdg", "/home/a", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/xdg/lumbar/config.yaml");
	assert_int_equal(settings_path(NULL, "/home/a", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/home/a/.config/lumbar/config.yaml");
	assert_int_equal(settings_path("", "/home/a", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/home/a/.config/lumbar/config.yaml");
	/* A relative XDG_CONFIG_HOME is ignored, as the XDG spec asks. */
	assert_int_equal(settings_path("rel/xdg", "/home/a", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/home/a/.config/lumbar/config.yaml");
	assert_int_equal(settings_path("rel", NULL, buf, sizeof(buf)), -1);
	assert_string_equal(buf, "");
	assert_int_equal(settings_path(NULL, "", buf, sizeof(buf)), -1);
	/* Cut short is no path at all. */
	assert_int_equal(settings_path("/xdg", NULL, buf, 10), -1);
	assert_string_equal(buf, "");
	assert_int_equal(settings_path("/xdg", NULL, buf, 0), -1);
}

/* ---- Hostile files ------------------------------------------------------------------ */

static void test_hostile_files(void **state)
{
	(void)state;
	expect_error(FIX("settings-second-document.yaml"), CAT_EINVALID, 2, 1,
	             "a second YAML document; the file must hold one (remove this '---' and what "
	             "follows)");
	expect_error(FIX("settings-deep.yaml"), CAT_EINVALID, 1, 17,
	             "nested deeper than 10 levels of lists and mappings");
}

/* What the file says is printed escaped, never with raw control characters. */
static void test_hostile_error_print(void **state)
{
	static const char yaml[] = "\"colour\\e]0;x\\a\": 1\n";
	struct settings s;
	struct cat_error err = { 0 };
	char buf[256];
	FILE *fp = fmemopen(buf, sizeof(buf), "w");

	(void)state;
	assert_non_null(fp);
	assert_int_equal(settings_load_buffer(yaml, strlen(yaml), &s, &err), CAT_EINVALID);
	cat_error_print(fp, "config\033[2J.yaml", &err);
	fclose(fp);
	assert_string_equal(buf,
	                    "config\\x1b[2J.yaml:1:1: unknown key 'colour\\x1b]0;x\\x07' "
	                    "(the keys are level, bell, speak, on_phase, color, notify, "
	                    "remind_at, remind_parts, ask_pain_before, progression, "
	                    "ask_morning, emergency_number, figure, ask_outcomes, interface)\n");
}

/* notify, remind_at and remind_parts: defaults, values, located mistakes. */
static void test_remind_keys(void **state)
{
	struct settings st;
	struct cat_error err;
	const char *yaml = "notify: \"true\"\nremind_at: [\"06:05\", \"21:00\", \"12:45\"]\n"
	                   "remind_parts: [\"06-10\", \"20-24\"]\n";

	(void)state;
	settings_init(&st);
	assert_null(st.notify);
	assert_int_equal(st.remind.n_at, 2);
	assert_int_equal(st.remind.at[0], 7 * 60 + 30);
	assert_int_equal(st.remind.at[1], 18 * 60 + 30);
	assert_int_equal(st.remind.n_parts, 3);
	assert_int_equal(st.remind.part[2].from, 17);
	assert_int_equal(st.remind.part[2].to, 23);

	assert_int_equal(settings_load_buffer(yaml, strlen(yaml), &st, &err), CAT_OK);
	assert_string_equal(st.notify, "true");
	assert_int_equal(st.remind.n_at, 3);
	assert_int_equal(st.remind.at[0], 6 * 60 + 5);
	assert_int_equal(st.remind.at[2], 12 * 60 + 45);
	assert_int_equal(st.remind.n_parts, 2);
	assert_int_equal(st.remind.part[1].from, 20);
	assert_int_equal(st.remind.part[1].to, 24);
	settings_free(&st);

	expect_buffer_error("remind_at: [\"07:30\", \"7.30\"]\n", 1, 22,
	                    "remind_at: expected a time HH:MM (00:00 to 23:59)");
	expect_buffer_error("remind_at:\n  - \"24:00\"\n", 2, 5,
	                    "remind_at: expected a time HH:MM (00:00 to 23:59)");
	expect_buffer_error("remind_parts: [\"12-05\"]\n", 1, 16,
	                    "remind_parts: expected hours HH-HH, the first below the last (00-24)");
	expect_buffer_error("remind_parts: [\"05-12\", \"11-17\"]\n", 1, 15,
	                    "remind_parts: two parts of the day overlap");
}

/* ---- progression: (issue 13) ----------------------------------------------------- */

static void test_progression(void **state)
{
	struct settings s;
	struct prg_params def;

	(void)state;
	prg_params_default(&def);
	/* Absent: issue 13's defaults, suggest for every exercise. */
	buffer_ok("bell: true\n", &s);
	assert_int_equal(s.progression.mode, PRG_SUGGEST);
	assert_int_equal(s.progression.greens, def.greens);
	assert_int_equal(s.n_modes, 0);
	settings_free(&s);

	buffer_ok("progression:\n"
	          "  mode: auto\n"
	          "  exercises:\n"
	          "    back-extension: off\n"
	          "    childs-pose: suggest\n"
	          "  greens: 4\n"
	          "  greens_weekly: 1\n"
	          "  red_free_days: 10\n"
	          "  wait_days: 0\n"
	          "  green_pain: 2\n"
	          "  green_cap: 4\n"
	          "  green_rise: 0\n"
	          "  red_pain: 9\n"
	          "  red_rise_pain: 7\n"
	          "  red_rise: 3\n"
	          "  bad_morning_pain: 10\n"
	          "  bad_morning_rise: 1\n",
	          &s);
	assert_int_equal(s.progression.mode, PRG_AUTO);
	assert_int_equal(s.progression.greens, 4);
	assert_int_equal(s.progression.greens_weekly, 1);
	assert_int_equal(s.progression.red_free_days, 10);
	assert_int_equal(s.progression.wait_days, 0);
	assert_int_equal(s.progression.green_pain, 2);
	assert_int_equal(s.progression.green_cap, 4);
	assert_int_equal(s.progression.green_rise, 0);
	assert_int_equal(s.progression.red_pain, 9);
	assert_int_equal(s.progression.red_rise_pain, 7);
	assert_int_equal(s.progression.red_rise, 3);
	assert_int_equal(s.progression.bad_morning_pain, 10);
	assert_int_equal(s.progression.bad_morning_rise, 1);
	assert_int_equal(s.n_modes, 2);
	assert_string_equal(s.modes[0].id, "back-extension");
	assert_int_equal(s.modes[0].mode, PRG_OFF);
	assert_string_equal(s.modes[1].id, "childs-pose");
	assert_int_equal(s.modes[1].mode, PRG_SUGGEST);
	settings_free(&s);
}

static void test_bad_progression(void **state)
{
	(void)state;
	expect_buffer_error("progression:\n  mode: sometimes\n", 2, 9,
	                    "progression: mode: expected off, suggest or auto");
	expect_buffer_error("progression:\n  greens: 0\n", 2, 11,
	                    "progression: greens: expected a whole number from 1 to 14");
	expect_buffer_error("progression:\n  red_pain: 11\n", 2, 13,
	                    "progression: red_pain: expected a whole number from 0 to 10");
	expect_buffer_error("progression:\n  wait_days: -1\n", 2, 14,
	                    "progression: wait_days: expected a whole number from 0 to 365");
	expect_buffer_error("progression:\n  exercises:\n    childs-pose: maybe\n", 3, 18,
	                    "progression: exercises: childs-pose: expected off, suggest or auto");
	expect_buffer_error("progression:\n  exercises:\n    Bad_Id: off\n", 3, 5,
	                    "progression: exercises: 'Bad_Id' is not an exercise id");
	expect_buffer_error("progression:\n  exercises: 3\n", 2, 14,
	                    "progression: exercises: expected a mapping of exercise id to mode");
	expect_buffer_error(
	    "progression:\n  grens: 2\n", 2, 3,
	    "progression: unknown key 'grens' (the keys are mode, exercises, greens, "
	    "greens_weekly, "
	    "red_free_days, wait_days, green_pain, green_cap, green_rise, red_pain, red_rise_pain, "
	    "red_rise, bad_morning_pain, bad_morning_rise)");
}

/* figure: the player's moving figure, on unless the file says false (issue 21 §3). */
static void test_figure_key(void **state)
{
	static const struct {
		const char *yaml;
		int want;
	} rows[] = {
		{ "figure: false\n", 0 }, { "figure: no\n", 0 }, { "figure: OFF\n", 0 },
		{ "figure: true\n", 1 },  { "figure: on\n", 1 }, { "level: easy\n", -1 },
		{ "# nothing\n", -1 },
	};
	struct settings s;

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		buffer_ok(rows[i].yaml, &s);
		if (s.figure != rows[i].want)
			fail_msg("row %zu (%s): %d, not %d", i, rows[i].yaml, s.figure,
			         rows[i].want);
	}
	expect_buffer_error("figure: sometimes\n", 1, 9,
	                    "figure: 'sometimes' is not true or false");
	expect_buffer_error("figure: 0\n", 1, 9, "figure: '0' is not true or false");
	expect_buffer_error("figure: [a]\n", 1, 9, "figure: expected a single value, found a list");
}

/* ask_outcomes: the questionnaires' offers (issue 22 §2), on unless the file says false. */
static void test_ask_outcomes_key(void **state)
{
	struct settings s;

	(void)state;
	buffer_ok("ask_outcomes: false\n", &s);
	assert_int_equal(s.ask_outcomes, 0);
	buffer_ok("ask_outcomes: on\n", &s);
	assert_int_equal(s.ask_outcomes, 1);
	buffer_ok("level: easy\n", &s);
	assert_int_equal(s.ask_outcomes, -1);
	expect_buffer_error("ask_outcomes: weekly\n", 1, 15,
	                    "ask_outcomes: 'weekly' is not true or false");
}

/* interface: the full screen unless the file says lines (issue 24); a bad value is located.
 */
static void test_interface_key(void **state)
{
	static const struct {
		const char *yaml;
		enum settings_interface want;
	} rows[] = {
		{ "interface: lines\n", SETTINGS_LINES },
		{ "interface: screen\n", SETTINGS_SCREEN },
		{ "level: easy\n", SETTINGS_SCREEN },
		{ "# nothing\n", SETTINGS_SCREEN },
	};
	struct settings s;

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		buffer_ok(rows[i].yaml, &s);
		if (s.interface != rows[i].want)
			fail_msg("row %zu (%s): %d, not %d", i, rows[i].yaml, (int)s.interface,
			         (int)rows[i].want);
	}
	expect_buffer_error("level: easy\ninterface: braille\n", 2, 12,
	                    "interface: 'braille' is not screen or lines");
}

/* The safety settings: ask_morning is a boolean, emergency_number a checked string. */
static void test_safety_keys(void **state)
{
	struct settings s;

	(void)state;
	buffer_ok("ask_morning: false\n", &s);
	assert_int_equal(s.ask_morning, 0);
	assert_null(s.emergency_number);
	buffer_ok("ask_morning: yes\n", &s);
	assert_int_equal(s.ask_morning, 1);
	buffer_ok("level: easy\n", &s);
	assert_int_equal(s.ask_morning, -1);

	buffer_ok("emergency_number: 911\n", &s);
	assert_string_equal(s.emergency_number, "911");
	settings_free(&s);
	assert_null(s.emergency_number);
	buffer_ok("emergency_number: \"+44 20 7946 000\"\n", &s);
	assert_string_equal(s.emergency_number, "+44 20 7946 000");
	settings_free(&s);

	expect_buffer_error("ask_morning: sometimes\n", 1, 14,
	                    "ask_morning: 'sometimes' is not true or false");
	expect_buffer_error("emergency_number: 'call 112'\n", 1, 19,
	                    "emergency_number: want digits, + and spaces only, such as 112 or "
	                    "\"+44 999\"");
	expect_buffer_error("emergency_number: '+44 20 7946 0000'\n", 1, 19,
	                    "emergency_number: at most 15 characters");
	expect_buffer_error("emergency_number: '+ '\n", 1, 19,
	                    "emergency_number: want at least one digit, such as 112");
	expect_buffer_error("emergency_number: [1, 1, 2]\n", 1, 19,
	                    "emergency_number: expected a single value, found a list");

	assert_null(settings_emergency_check("112"));
	assert_null(settings_emergency_check("123456789012345"));
	assert_non_null(settings_emergency_check("1234567890123456"));
	assert_non_null(settings_emergency_check(""));
	assert_non_null(settings_emergency_check("112\n"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_file),
		cmocka_unit_test(test_each_key),
		cmocka_unit_test(test_boolean_words),
		cmocka_unit_test(test_longest_command),
		cmocka_unit_test(test_empty_and_missing_files),
		cmocka_unit_test(test_bad_level),
		cmocka_unit_test(test_bad_boolean),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_syntax_error),
		cmocka_unit_test(test_other_mistakes),
		cmocka_unit_test(test_unreadable_file),
		cmocka_unit_test(test_fifo_is_refused),
		cmocka_unit_test(test_error_print),
		cmocka_unit_test(test_path),
		cmocka_unit_test(test_hostile_files),
		cmocka_unit_test(test_hostile_error_print),
		cmocka_unit_test(test_remind_keys),
		cmocka_unit_test(test_progression),
		cmocka_unit_test(test_bad_progression),
		cmocka_unit_test(test_figure_key),
		cmocka_unit_test(test_interface_key),
		cmocka_unit_test(test_safety_keys),
		cmocka_unit_test(test_ask_outcomes_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
