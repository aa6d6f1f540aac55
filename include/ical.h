/*
 * ical.h - `lumbar calendar`: the reminders as an iCalendar file (RFC 5545)
 * for a phone or a watch, and, on request, past sessions as events.
 *
 * One recurring event a day per reminder time (`remind_at` in config.yaml),
 * at that local time (a floating time: it follows the phone's time zone),
 * titled after the named routine that fits the time of day: `morning` before
 * noon, `evening` from 17:00, where the catalogue has them; otherwise
 * "lumbar: your exercises", every exercise of the catalogue. The description
 * names the exercises and their length at today's steps; a display alarm
 * goes off at the start. UIDs depend only on the time (`lumbar-remind-0730`)
 * or on the session's first line, so importing a newer file updates the
 * events instead of doubling them; SEQUENCE grows with the time of export.
 *
 * The calendar knows neither pauses nor what is already done that day: it
 * is a fixed daily reminder (lumbar(1) says so).
 *
 * Text is escaped (`\`, `;`, `,`, newlines), lines end in CRLF and are
 * folded at 75 octets, never inside a UTF-8 character. Pure: no clock (now
 * and today are arguments), no file.
 */
#ifndef LUMBAR_ICAL_H
#define LUMBAR_ICAL_H

#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "catalogue.h"
#include "history.h"
#include "plan.h"

enum {
	ICAL_LINE_OCTETS = 75,         /* a content line's octets before it folds (RFC 5545 3.1) */
	ICAL_SESSION_GAP = 30 * 60,    /* default: lines further apart than this are two sessions */
	ICAL_MORNING_BEFORE = 12 * 60, /* `morning` for a time before noon ... */
	ICAL_EVENING_FROM = 17 * 60,   /* ... `evening` from 17:00 */
};

/* What the calendar is made of. */
struct ical_input {
	const struct catalogue *cat;
	const struct plan_dose *dose; /* each exercise's dose today */
	const unsigned *at;           /* remind_at: minutes after midnight */
	unsigned n_at;
	int32_t today;              /* the first day of the reminders */
	time_t now;                 /* DTSTAMP and SEQUENCE */
	const struct hist *history; /* past sessions, or NULL for none */
};

/*
 * The named routine for a reminder at `at` minutes after midnight: the
 * index of `morning` before noon or `evening` from 17:00 when the catalogue
 * has it, else -1 (every exercise: "lumbar: your exercises").
 */
int ical_routine_for(const struct catalogue *cat, unsigned at);

/*
 * TEXT escaped for a property value: `\` `;` `,` and newlines (as `\n`);
 * other control characters dropped. Malloc'd (free it); never NULL.
 */
char *ical_escape(const char *src);

/*
 * One content line `NAME:VALUE` (VALUE already escaped), CRLF-ended and
 * folded at ICAL_LINE_OCTETS octets, never inside a UTF-8 character.
 * Returns 0, or -1 when fp failed.
 */
int ical_line(FILE *fp, const char *name, const char *value);

/* The whole calendar. Returns 0, or -1 when fp failed. */
int ical_write(FILE *fp, const struct ical_input *in);

#endif
