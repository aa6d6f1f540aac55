/*
 * outcomes_report.h - the figures of the report's Outcomes section (issue 22
 * §3), from the events and the report's weeks: the PEG by Monday week (its
 * mean and its items; a week with no answer is a gap, never a zero), each
 * activity's first and latest rating, and which changes reach outcomes.h's
 * thresholds. report.c writes them; this computes them.
 *
 * Pure: no curses, no clock, no I/O; the last day is an argument and
 * answers dated after it are left out.
 */
#ifndef LUMBAR_OUTCOMES_REPORT_H
#define LUMBAR_OUTCOMES_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "events.h"
#include "outcomes.h"
#include "questionnaire.h"

/* The PEG's three items in a few words, for the report's columns. */
extern const char *const out_report_peg_items[3];

/* A clinic's questionnaire (any other than the shipped two) by the report's weeks. */
struct out_other {
	const struct questionnaire *q;
	struct out_week *week; /* one per report week, as out_report's */
	int first_w, last_w;   /* the first and the latest week with a score (>= 0) */
};

struct out_report {
	const struct questionnaire *peg;        /* NULL: no PEG figures */
	const struct questionnaire *activities; /* NULL: no activities */
	unsigned n_weeks;                       /* the report's weeks */
	/*
	 * One per report week, in order (week w starts on the Monday w weeks
	 * after the one holding `from`): `present` false is a gap.
	 */
	struct out_week *week;
	int first_w, last_w; /* the first and the latest week with a score; -1: none */
	size_t n_act;
	struct out_activity *act; /* every activity named up to `to`, in number order */
	/*
	 * Anything to show: an outcome of either (answered or skipped) dated in
	 * the period, or an activity named. Without, the report leaves the
	 * section out. A clinic's questionnaire answered in the period counts.
	 */
	bool any;
	size_t n_other; /* out_report_add_others(): those answered in the period */
	struct out_other *other;
};

/*
 * The figures for the period from `from` to `to` (inclusive). `peg` and
 * `activities` may be NULL (then none of theirs). Running out of memory
 * exits (file.h). Free with out_report_free().
 */
void out_report_build(const struct ev_log *ev, const struct questionnaire *peg,
                      const struct questionnaire *activities, int32_t from, int32_t to,
                      struct out_report *out);
void out_report_free(struct out_report *o);

/*
 * Add to a built report each other questionnaire of `set` (not the PEG,
 * not "My activities") with a score in the period, in the set's order, by
 * the same weeks and rules as the PEG's. `set` may be NULL (none added).
 */
void out_report_add_others(struct out_report *o, const struct ev_log *ev, const struct q_set *set,
                           int32_t from, int32_t to);

/*
 * The change of other questionnaire k's score from its first week with a
 * score to its latest, in words ("35% lower than the week of 2026-11-02"),
 * or "" (below the threshold, or a single week). Returns buf.
 */
const char *out_report_other_change(const struct out_report *o, size_t k, char *buf, size_t len);

/*
 * The change of figure `item` (-1: the mean) of the PEG from the first week
 * with a score to the latest, in words ("2 points lower than the week of
 * 2026-11-02"), or "" when it does not reach the threshold, either week has
 * no such figure, or they are the same week. Returns buf.
 */
const char *out_report_peg_change(const struct out_report *o, int item, char *buf, size_t len);

/*
 * The change of an activity from its first rating to its latest, in words
 * ("3 points higher than the first rating"), or "". Returns buf.
 */
const char *out_report_activity_change(const struct out_report *o, const struct out_activity *a,
                                       char *buf, size_t len);

#endif
