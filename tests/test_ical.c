/*
 * test_ical.c - `lumbar calendar`'s file (ical.h): escaping, folding at 75
 * octets without cutting a character, the routine for each time of day,
 * and the whole file: one daily event with an alarm per reminder time,
 * stable UIDs, past sessions. A fixed time zone; now and today are given.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "catalogue_load.h"
#include "file.h"
#include "ical.h"

/* ---- Escaping and folding ---------------------------------------------------------- */

static const struct {
	const char *in, *out;
} escapes[] = {
	{ "plain", "plain" },
	{ "a,b;c", "a\\,b\\;c" },
	{ "back\\slash", "back\\\\slash" },
	{ "two\nlines", "two\\nlines" },
	{ "tab\there\r", "tabhere" },
	{ "Pelvic tilts: 3×10", "Pelvic tilts: 3×10" },
};

static void test_escape(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(escapes) / sizeof(escapes[0]); i++) {
		char *got = ical_escape(escapes[i].in);

		assert_string_equal(got, escapes[i].out);
		free(got);
	}
}

/* What ical_line() writes for NAME:value. */
static char *line_of(const char *name, const char *value, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	assert_non_null(f);
	assert_int_equal(ical_line(f, name, value), 0);
	fclose(f);
	return buf;
}

/* Every physical line ends in CRLF and holds at most 75 octets; unfolded, the line comes back. */
static void check_folded(const char *text, size_t len, const char *want)
{
	char *unfolded = xmalloc(len + 1);
	size_t u = 0;

	for (size_t at = 0; at < len;) {
		const char *crlf = strstr(text + at, "\r\n");

		assert_non_null(crlf);
		size_t n = (size_t)(crlf - (text + at));
		assert_true(n <= ICAL_LINE_OCTETS);
		const char *p = text + at;
		if (at > 0) {
			assert_int_equal(*p, ' '); /* a continuation */
			p++, n--;
		}
		/* Never cut inside a UTF-8 character: no line starts with a continuation byte. */
		if (n)
			assert_true(((unsigned char)p[0] & 0xc0) != 0x80);
		memcpy(unfolded + u, p, n);
		u += n;
		at = (size_t)(crlf - text) + 2;
	}
	unfolded[u] = '\0';
	assert_string_equal(unfolded, want);
	free(unfolded);
}

static void test_fold(void **state)
{
	char value[400], want[420];
	size_t len;
	char *got;

	(void)state;
	/* 75 octets exactly: one line. */
	memset(value, 'x', 67);
	value[67] = '\0';
	got = line_of("SUMMARY", value, &len);
	assert_int_equal(len, 75 + 2);
	snprintf(want, sizeof(want), "SUMMARY:%s", value);
	check_folded(got, len, want);
	free(got);

	/* 76: folds once. */
	strcat(value, "y");
	got = line_of("SUMMARY", value, &len);
	assert_int_equal(len, 75 + 2 + 1 + 1 + 2);
	snprintf(want, sizeof(want), "SUMMARY:%s", value);
	check_folded(got, len, want);
	free(got);

	/* Two-byte characters across the fold, at every offset. */
	for (int shift = 0; shift < 2; shift++) {
		size_t n = 0;

		for (int i = 0; i < shift; i++)
			value[n++] = 'a';
		for (int i = 0; i < 150; i++) {
			memcpy(value + n, "é", 2);
			n += 2;
		}
		value[n] = '\0';
		got = line_of("DESCRIPTION", value, &len);
		snprintf(want, sizeof(want), "DESCRIPTION:%s", value);
		check_folded(got, len, want);
		free(got);
	}
}

/* ---- The routine for a time ---------------------------------------------------------- */

static struct catalogue *builtin(void)
{
	struct catalogue *cat;
	struct cat_error err;

	assert_int_equal(cat_load_buffer(cat_builtin_yaml, cat_builtin_yaml_len, &cat, &err),
	                 CAT_OK);
	return cat;
}

static void test_routine_for(void **state)
{
	static const struct {
		unsigned at;
		const char *routine; /* NULL: every exercise */
	} rows[] = {
		{ 0, "morning" },
		{ 7 * 60 + 30, "morning" },
		{ 11 * 60 + 59, "morning" },
		{ 12 * 60, NULL },
		{ 16 * 60 + 59, NULL },
		{ 17 * 60, "evening" },
		{ 18 * 60 + 30, "evening" },
		{ 23 * 60 + 59, "evening" },
	};
	struct catalogue *cat = builtin();

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		int r = ical_routine_for(cat, rows[i].at);

		print_message("%02u:%02u\n", rows[i].at / 60, rows[i].at % 60);
		if (rows[i].routine)
			assert_string_equal(cat->routines[r].id, rows[i].routine);
		else
			assert_int_equal(r, -1);
	}
	/* A catalogue without named routines: every time is "your exercises". */
	unsigned n = cat->n_routines;
	cat->n_routines = 0;
	assert_int_equal(ical_routine_for(cat, 7 * 60), -1);
	assert_int_equal(ical_routine_for(cat, 19 * 60), -1);
	cat->n_routines = n;
	cat_free(cat);
}

/* ---- The whole file ---------------------------------------------------------------------- */

/* Every line of a file ends in CRLF (no bare LF) and holds at most 75 octets. */
static void check_lines(const char *buf, size_t len)
{
	size_t start = 0;

	for (size_t i = 0; i < len; i++)
		if (buf[i] == '\n') {
			assert_true(i > start && buf[i - 1] == '\r');
			assert_true(i - 1 - start <= ICAL_LINE_OCTETS);
			start = i + 1;
		}
	assert_int_equal(start, len); /* the last line ends too */
}

/* The file, unfolded, for looking things up in it. */
static char *calendar(const struct ical_input *in)
{
	char *buf = NULL, *out;
	size_t len, o = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	assert_int_equal(ical_write(f, in), 0);
	fclose(f);
	out = xmalloc(len + 1);
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '\r' && i + 2 < len && buf[i + 1] == '\n' && buf[i + 2] == ' ') {
			i += 2;
			continue;
		}
		out[o++] = buf[i];
	}
	out[o] = '\0';
	check_lines(buf, len);
	free(buf);
	return out;
}

static unsigned count(const char *hay, const char *needle)
{
	unsigned n = 0;

	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

static void test_reminders(void **state)
{
	static const unsigned at[] = { 7 * 60 + 30, 13 * 60, 18 * 60 + 30 };
	struct catalogue *cat = builtin();
	struct plan_dose dose;
	time_t now = 1796630400; /* 2026-12-07 08:00:00 UTC */
	char *ics;

	(void)state;
	plan_dose_level(&dose, CAT_LEVEL_EASY);
	struct ical_input in = { cat, &dose, at, 3, hist_day_from_civil(2026, 12, 7), now, NULL };
	ics = calendar(&in);

	assert_int_equal(strncmp(ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 30), 0);
	assert_non_null(strstr(ics, "END:VCALENDAR\r\n"));
	assert_int_equal(count(ics, "BEGIN:VEVENT"), 3);
	assert_int_equal(count(ics, "RRULE:FREQ=DAILY\r\n"), 3);
	assert_int_equal(count(ics, "BEGIN:VALARM\r\nACTION:DISPLAY\r\n"), 3);
	assert_int_equal(count(ics, "TRIGGER:PT0S\r\n"), 3);
	/* Floating local times from today, and UIDs that depend on the time only. */
	assert_non_null(strstr(ics, "UID:lumbar-remind-0730@lumbar\r\n"));
	assert_non_null(strstr(ics, "DTSTART:20261207T073000\r\n"));
	assert_non_null(strstr(ics, "UID:lumbar-remind-1300@lumbar\r\n"));
	assert_non_null(strstr(ics, "UID:lumbar-remind-1830@lumbar\r\n"));
	assert_non_null(strstr(ics, "DTSTAMP:20261207T080000Z\r\n"));
	/* Titled after the routine of the time of day, else "your exercises". */
	assert_non_null(strstr(ics, "SUMMARY:lumbar: Morning\r\n"));
	assert_non_null(strstr(ics, "SUMMARY:lumbar: Evening\r\n"));
	assert_non_null(strstr(ics, "SUMMARY:lumbar: your exercises\r\n"));
	/* The exercises, escaped, and the length at the dose (3:04 at easy). */
	assert_non_null(strstr(ics, "DESCRIPTION:Morning: Knee-to-chest stretch\\, Hip flexor "
	                            "release\\, Cat-cow.\\nLength today: 3:04."));
	assert_non_null(strstr(ics, "DURATION:PT184S\r\n"));
	assert_non_null(strstr(ics, "knows neither pauses nor what you have done today"));

	/* Exported again a day later: the same UIDs, a higher SEQUENCE. */
	char *seq1 = strstr(ics, "SEQUENCE:");
	long s1 = strtol(seq1 + 9, NULL, 10);
	in.now += 86400;
	in.today++;
	char *later = calendar(&in);
	long s2 = strtol(strstr(later, "SEQUENCE:") + 9, NULL, 10);
	assert_true(s2 > s1);
	assert_non_null(strstr(later, "UID:lumbar-remind-0730@lumbar\r\n"));
	assert_non_null(strstr(later, "DTSTART:20261208T073000\r\n"));
	free(later);
	free(ics);
	cat_free(cat);
}

static void test_sessions(void **state)
{
	static const char text[] =
	    "2026-12-05T07:15:03+01:00\tknee-to-chest\tdone\t40\t3\t2\t0/19\n"
	    "2026-12-05T07:17:03+01:00\tcat-cow\tstopped\t40\t6\t2\t-\n"
	    "2026-12-05T19:15:03+01:00\tnot-in-the-catalogue\tpartial\t40\t-\t-\t-\n";
	struct catalogue *cat = builtin();
	struct plan_dose dose;
	struct hist h = { 0 };
	struct hist_error err;
	char *ics;

	(void)state;
	assert_int_equal(hist_parse(text, strlen(text), &h, NULL, NULL, &err), 0);
	plan_dose_level(&dose, CAT_LEVEL_EASY);
	struct ical_input in = { cat,        &dose, NULL, 0, hist_day_from_civil(2026, 12, 7),
		                 1796630400, &h };
	ics = calendar(&in);
	/* Two lines two minutes apart are one session; the evening's is another. */
	assert_int_equal(count(ics, "BEGIN:VEVENT"), 2);
	assert_int_equal(count(ics, "RRULE"), 0);
	assert_int_equal(count(ics, "VALARM"), 0);
	assert_non_null(strstr(ics, "UID:lumbar-session-20261205T061503Z@lumbar\r\n"));
	assert_non_null(strstr(ics, "DTSTART:20261205T061423Z\r\nDTEND:20261205T061703Z\r\n"));
	assert_non_null(strstr(ics, "SUMMARY:lumbar: 1 done\\, 1 stopped\r\n"));
	assert_non_null(strstr(ics, "DESCRIPTION:Knee-to-chest stretch: done\\, 0:40\\, pain "
	                            "3/10\\nCat-cow: stopped\\, 0:40\\, pain 6/10\r\n"));
	assert_non_null(strstr(ics, "UID:lumbar-session-20261205T181503Z@lumbar\r\n"));
	assert_non_null(strstr(ics, "not-in-the-catalogue: partial"));
	free(ics);
	hist_free(&h);
	cat_free(cat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),      cmocka_unit_test(test_fold),
		cmocka_unit_test(test_routine_for), cmocka_unit_test(test_reminders),
		cmocka_unit_test(test_sessions),
	};

	setenv("TZ", "Europe/Paris", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
