/*
 * ical.c - the reminders and past sessions as an iCalendar file (ical.h).
 */
#include "ical.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"

/* A growing text, for a description (xrealloc: never NULL). */
struct text {
	char *s;
	size_t n, cap;
};

__attribute__((format(printf, 2, 3))) static void add(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int k;

	va_start(ap, fmt);
	k = vsnprintf(t->s ? t->s + t->n : NULL, t->s ? t->cap - t->n : 0, fmt, ap);
	va_end(ap);
	if (k < 0)
		return;
	if (!t->s || t->n + (size_t)k >= t->cap) {
		t->cap = 2 * (t->n + (size_t)k) + 64;
		t->s = xrealloc(t->s, t->cap);
		va_start(ap, fmt);
		vsnprintf(t->s + t->n, t->cap - t->n, fmt, ap);
		va_end(ap);
	}
	t->n += (size_t)k;
}

/* ---- Content lines ------------------------------------------------------------- */

char *ical_escape(const char *src)
{
	size_t n = strlen(src);
	char *out = xmalloc(2 * n + 1), *o = out;

	for (const char *s = src; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\\' || c == ';' || c == ',') {
			*o++ = '\\';
			*o++ = (char)c;
		} else if (c == '\n') {
			*o++ = '\\';
			*o++ = 'n';
		} else if (c >= 0x20 && c != 0x7f) {
			*o++ = (char)c;
		}
	}
	*o = '\0';
	return out;
}

int ical_line(FILE *fp, const char *name, const char *value)
{
	size_t nlen = strlen(name), vlen = strlen(value), total = nlen + 1 + vlen;
	char *line = xmalloc(total + 1);
	size_t at = 0, room = ICAL_LINE_OCTETS;

	memcpy(line, name, nlen);
	line[nlen] = ':';
	memcpy(line + nlen + 1, value, vlen + 1);
	while (total - at > room) {
		size_t cut = at + room;

		/* Never inside a UTF-8 character: back up to its first byte. */
		while (cut > at + 1 && ((unsigned char)line[cut] & 0xc0) == 0x80)
			cut--;
		fwrite(line + at, 1, cut - at, fp);
		fputs("\r\n ", fp);
		at = cut;
		room = ICAL_LINE_OCTETS - 1; /* the leading space counts */
	}
	fwrite(line + at, 1, total - at, fp);
	fputs("\r\n", fp);
	free(line);
	return ferror(fp) ? -1 : 0;
}

/* A TEXT property: escaped, then folded. */
static void text_line(FILE *fp, const char *name, const char *text)
{
	char *v = ical_escape(text);

	ical_line(fp, name, v);
	free(v);
}

/* `20261207T073000Z` (UTC) of an instant. */
static void utc_stamp(time_t t, char buf[32])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, 32, "%Y%m%dT%H%M%SZ", &tm);
}

/* An event's first lines: its UID and when the file was made. */
static void event_begin(FILE *fp, const char *uid, const char *stamp)
{
	fputs("BEGIN:VEVENT\r\n", fp);
	ical_line(fp, "UID", uid);
	ical_line(fp, "DTSTAMP", stamp);
}

/* Its title and description; it never marks the time as busy. */
static void event_text(FILE *fp, const char *title, const char *desc)
{
	text_line(fp, "SUMMARY", title);
	text_line(fp, "DESCRIPTION", desc);
	ical_line(fp, "TRANSP", "TRANSPARENT");
}

/* ---- The reminders ----------------------------------------------------------------- */

int ical_routine_for(const struct catalogue *cat, unsigned at)
{
	if (at < ICAL_MORNING_BEFORE)
		return cat_find_routine(cat, "morning");
	if (at >= ICAL_EVENING_FROM)
		return cat_find_routine(cat, "evening");
	return -1;
}

/*
 * Minutes since 2026-01-01 UTC, for SEQUENCE: a later export carries a higher
 * one, so a calendar takes its description (today's length) as the newer.
 */
static long sequence_of(time_t now)
{
	long m = (long)((now - (time_t)1767225600) / 60);

	return m > 0 ? m : 0;
}

static void reminder(FILE *fp, const struct ical_input *in, unsigned at, const char *stamp)
{
	const struct catalogue *cat = in->cat;
	int r = ical_routine_for(cat, at);
	unsigned n = r >= 0 ? cat->routines[r].n_exercises : cat->n_exercises, secs = 0;
	char title[256], uid[64], start[32], dur[32], seq[24], clock[16];
	int y;
	unsigned mo, d;
	struct text m = { 0 };

	if (r >= 0)
		snprintf(title, sizeof(title), "lumbar: %s", cat->routines[r].name);
	else
		snprintf(title, sizeof(title), "lumbar: your exercises");
	add(&m, "%s:", r >= 0 ? cat->routines[r].name : "Your exercises");
	for (unsigned k = 0; k < n; k++) {
		unsigned ex = r >= 0 ? cat->routines[r].exercises[k] : k;

		add(&m, "%s %s", k ? "," : "", cat->exercises[ex].name);
		secs += plan_seconds_at(cat, ex, in->dose);
	}
	add(&m,
	    ".\nLength today: %s.\n"
	    "This reminder knows neither pauses nor what you have done today: "
	    "'lumbar due' says what is due.",
	    plan_format_clock(secs, clock, sizeof(clock)));

	hist_civil_from_day(in->today, &y, &mo, &d);
	snprintf(uid, sizeof(uid), "lumbar-remind-%02u%02u@lumbar", at / 60, at % 60);
	snprintf(start, sizeof(start), "%04d%02u%02uT%02u%02u00", y, mo, d, at / 60, at % 60);
	snprintf(dur, sizeof(dur), "PT%uS", secs ? secs : 60);
	snprintf(seq, sizeof(seq), "%ld", sequence_of(in->now));

	event_begin(fp, uid, stamp);
	ical_line(fp, "SEQUENCE", seq);
	ical_line(fp, "DTSTART", start);
	ical_line(fp, "DURATION", dur);
	ical_line(fp, "RRULE", "FREQ=DAILY");
	event_text(fp, title, m.s);
	fputs("BEGIN:VALARM\r\n", fp);
	ical_line(fp, "ACTION", "DISPLAY");
	text_line(fp, "DESCRIPTION", title);
	ical_line(fp, "TRIGGER", "PT0S");
	fputs("END:VALARM\r\nEND:VEVENT\r\n", fp);
	free(m.s);
}

/* ---- Past sessions ------------------------------------------------------------------ */

/* Entries by instant, then by their order in the history. */
static int by_when(const void *a, const void *b)
{
	const struct hist_entry *x = *(const struct hist_entry *const *)a;
	const struct hist_entry *y = *(const struct hist_entry *const *)b;

	if (x->when != y->when)
		return x->when < y->when ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* The instant an entry began: its timestamp (written at its end) less its active time. */
static time_t began(const struct hist_entry *e)
{
	return e->when - (time_t)e->active_s;
}

static void session(FILE *fp, const struct ical_input *in, struct hist_entry *const *e, size_t n,
                    const char *stamp)
{
	unsigned count[3] = { 0 };
	char uid[64], start[32], end[32], title[128], clock[16];
	struct text m = { 0 };

	for (size_t i = 0; i < n; i++) {
		int ex = cat_find(in->cat, e[i]->id);

		count[e[i]->status]++;
		add(&m, "%s%s: %s, %s", i ? "\n" : "",
		    ex >= 0 ? in->cat->exercises[ex].name : e[i]->id,
		    hist_result_name(e[i]->status),
		    plan_format_clock(e[i]->active_s, clock, sizeof(clock)));
		if (e[i]->pain != HIST_NO_PAIN)
			add(&m, ", pain %d/10", e[i]->pain);
	}
	snprintf(title, sizeof(title), "lumbar: %u done", count[HIST_DONE]);
	if (count[HIST_PARTIAL])
		snprintf(title + strlen(title), sizeof(title) - strlen(title), ", %u partial",
		         count[HIST_PARTIAL]);
	if (count[HIST_STOPPED])
		snprintf(title + strlen(title), sizeof(title) - strlen(title), ", %u stopped",
		         count[HIST_STOPPED]);

	time_t from = began(e[0]), to = e[n - 1]->when;

	utc_stamp(e[0]->when, start);
	snprintf(uid, sizeof(uid), "lumbar-session-%s@lumbar", start);
	utc_stamp(from, start);
	utc_stamp(to > from ? to : from + 60, end);
	event_begin(fp, uid, stamp);
	ical_line(fp, "DTSTART", start);
	ical_line(fp, "DTEND", end);
	event_text(fp, title, m.s);
	fputs("END:VEVENT\r\n", fp);
	free(m.s);
}

/* Each run of entries no more than ICAL_SESSION_GAP apart is one session. */
static void sessions(FILE *fp, const struct ical_input *in, const char *stamp)
{
	const struct hist *h = in->history;
	struct hist_entry **e = xcalloc(h->n ? h->n : 1, sizeof(*e));
	size_t first = 0;

	for (size_t i = 0; i < h->n; i++)
		e[i] = &h->e[i];
	qsort(e, h->n, sizeof(*e), by_when);
	for (size_t i = 1; i <= h->n; i++)
		if (i == h->n || began(e[i]) - e[i - 1]->when > ICAL_SESSION_GAP) {
			session(fp, in, e + first, i - first, stamp);
			first = i;
		}
	free(e);
}

/* ---- The file ------------------------------------------------------------------------ */

int ical_write(FILE *fp, const struct ical_input *in)
{
	char stamp[32];

	utc_stamp(in->now, stamp);
	fputs("BEGIN:VCALENDAR\r\n", fp);
	ical_line(fp, "VERSION", "2.0");
	ical_line(fp, "PRODID", "-//lumbar//lumbar calendar//EN");
	ical_line(fp, "CALSCALE", "GREGORIAN");
	ical_line(fp, "X-WR-CALNAME", "lumbar");
	for (unsigned i = 0; i < in->n_at; i++)
		reminder(fp, in, in->at[i], stamp);
	if (in->history && in->history->n)
		sessions(fp, in, stamp);
	fputs("END:VCALENDAR\r\n", fp);
	return ferror(fp) ? -1 : 0;
}
