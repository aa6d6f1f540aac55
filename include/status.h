/*
 * status.h - `lumbar status --format=json`: one line for tmux, polybar or a
 * shell prompt. The keys (documented in lumbar(1)):
 *
 *   {"due":["knee-to-chest"],"due_count":1,"due_minutes":1,"today":3,
 *    "done_today":3,"streak":5,"playing":false,"paused":false,"paused_until":null}
 *
 * due: the ids hist_due() lists, in catalogue order; due_minutes: their
 * length at each exercise's step today (rem_due()), rounded up to whole
 * minutes; today and done_today (the same: `today` kept for the
 * scripts that read it): done entries today; streak: the current streak in days; playing: a lumbar
 * holds the progress lock; paused_until: the last paused day, YYYY-MM-DD,
 * or null. No curses and no clock here.
 */
#ifndef LUMBAR_STATUS_H
#define LUMBAR_STATUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "remind.h"

struct status_info {
	const struct catalogue *cat;
	const struct rem_due *due;
	unsigned today; /* done entries today */
	unsigned streak;
	bool playing;
	bool paused;
	int32_t paused_until; /* when paused */
};

/* Write s as a JSON string, quotes included: ", \ and controls escaped. */
void status_json_string(FILE *fp, const char *s);

/* The one line, newline included. */
void status_json(FILE *fp, const struct status_info *in);

/* The widest line of status_text() (names of ASCII width). */
enum { STATUS_WIDTH = 80 };

/*
 * `lumbar status` alone: what is due (count, minutes, names while they fit
 * STATUS_WIDTH, then `+N more`) or `Nothing due` or `Paused until DAY:
 * nothing is due`; `Done today: N, streak: N days`; and `A routine is
 * playing` when one is.
 */
void status_text(FILE *fp, const struct status_info *in);

#endif
