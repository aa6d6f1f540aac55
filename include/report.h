/*
 * report.h - the report for the physiotherapist (`lumbar report`, issue 14
 * section 4): adherence and dose by exercise and week, pain by week, and the
 * events of a period, as Markdown, a self-contained HTML page or CSV.
 *
 * Pure: no curses, no clock (today is an argument), no I/O but writing to
 * the FILE* given. The output depends only on the catalogue, the history,
 * the events and the dates, byte for byte.
 *
 * Definitions (the man page's REPORT subsection says the same):
 *  - The period runs from `from` to `to` (today), both included. Weeks start
 *    on Monday; the first and the last week of the period may be part weeks.
 *    Nothing is expected before the first record (history line or event):
 *    a week that ends before it is `not started`. The current week, not
 *    over, is `(so far)`.
 *  - Paused days: as ev_pauses() reads the `pause` and `resume` events (a
 *    pause on day D with value U pauses D..U; a later pause or a resume on
 *    day R ends the open run on R - 1). The reason is the event's note.
 *  - Expected, daily exercise: `times` for each day of the week in the
 *    period, from the first record, that is not paused; today and a paused
 *    day expect only what was already done on them (at most `times`), so an
 *    unfinished today never lowers the figure and a paused day never makes
 *    done exceed expected. Weekly exercise: times x (days of the week in the
 *    period, from the first record, not paused) / 7, rounded to the nearest
 *    whole number (halves up), plus what was done on paused days, up to
 *    `times` in all.
 *  - Done, partial and stopped count the history's lines of each status.
 *    Timed and logged are kept apart (issue 22 §4): of them, `logged` counts
 *    the lines `lumbar log` wrote (source `log`), shown as `l2` beside
 *    p and s, and the pain's sessions with a score say how many were logged
 *    (`5 (2 logged)`); CSV: a `logged` column, last. The legends name `l`
 *    only when a line of the period was logged.
 *    The adherence share of a week caps done at `times` a day (daily) and at
 *    expected (each exercise), summed over the exercises, against the sum of
 *    expected.
 *  - Dose: the step field of the history lines (`k/K` or a level name). At
 *    the start: that of the exercise's last line before the period with one,
 *    else its first line in the period with one. At the end: its last line
 *    with one up to the end of the period. Written in words (words.c), never
 *    as a code: `30 s → 2 min`; a step of a ladder of another length than
 *    the catalogue's `step 3 of 5`; `-` when there is none. CSV: the step and
 *    the steps counted from 1 in two columns, then the dose in words.
 *  - Pain by week, in sessions: the lines sharing a `session` field are one
 *    session, a line without one is its own; scores = sessions with a
 *    pain-after score; the averages of pain-before and pain-after (each
 *    session once) and of the morning check-ins (a day's last morning with a
 *    score); the highest of all those scores; stops = stopped lines.
 *  - What happened (first), by time: stops with their pain, steps back (two
 *    lines of an exercise in a row tagged k/K and k'/K with k' < k, dated on
 *    the first when it is red), holds, pauses with their reason and resumes,
 *    safety-stop, and notes. Other events (last): steps up, accept, decline
 *    and set events; an accept and the step up after it are one line.
 *  - HTML: more than REP_PRINT_WEEKS weeks wrap into blocks of even size.
 *  - Outcomes (issue 22 §3, with `outcomes` set): the PEG by Monday week,
 *    its mean and its items, a week without an answer a gap (`-`), never 0;
 *    each activity's first and latest rating with their days; the changes
 *    from the first week with a score to the latest that reach outcomes.h's
 *    thresholds, worded as a change. HTML: a chart of the weekly mean. CSV:
 *    a second table after an empty line (see write_csv_outcomes()).
 */
#ifndef LUMBAR_REPORT_H
#define LUMBAR_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "catalogue.h"
#include "events.h"
#include "history.h"
#include "progression.h"

struct out_report;

enum rep_format { REP_MD, REP_HTML, REP_CSV };

enum {
	REP_DEFAULT_WEEKS = 8, /* adjustable: --weeks */
	REP_MAX_WEEKS = 530,   /* about ten years */
	REP_PRINT_WEEKS = 9,   /* weeks side by side in HTML; more wrap into blocks */
	REP_NO_SCORE = -1,
};

/* One week of the period (a part week at either end). */
struct rep_week {
	int32_t start, end; /* inclusive, within the period */
	unsigned days;      /* end - start + 1 */
	unsigned paused;    /* paused days among them */
	bool started;       /* ends on or after the first record: else `not started` */
	bool so_far;        /* the current week, not yet over: `so far` */
};

/* One exercise in one week. */
struct rep_cell {
	unsigned done, partial, stopped;
	unsigned logged; /* of done and partial, the lines written by `lumbar log` */
	unsigned expected;
	unsigned counted; /* done toward the frequency: min(expected, capped done) */
	unsigned scores;  /* lines with a pain-after score */
	unsigned after_sum, before_sum, before_n;
	int highest;           /* highest pain-after, or REP_NO_SCORE */
	struct hist_step step; /* the dose at the end of the week */
};

/* Pain of all exercises in one week. */
struct rep_pain {
	unsigned scores, after_sum;
	unsigned logged; /* of the sessions with a score after, those written by `lumbar log` */
	unsigned before_n, before_sum;
	unsigned morning_n, morning_sum;
	int highest; /* of every score: before, after, morning; or REP_NO_SCORE */
	unsigned stops;
};

struct report {
	const struct catalogue *cat;
	const struct hist *h;
	const struct ev_log *ev;
	int32_t from, to;
	int32_t first; /* the first day anything is expected: from, or the first record when
	                  later (to + 1 when there is none) */
	unsigned n_weeks;
	struct rep_week *week;        /* n_weeks */
	struct rep_cell *cell;        /* n_exercises x n_weeks, exercise-major */
	struct hist_step *dose_start; /* n_exercises */
	struct rep_pain *pain;        /* n_weeks */
	unsigned char *paused;        /* to - from + 1: 1 for a paused day */
	/* Each exercise's step as of `to` (rec_steps()), or NULL: set by the
	 * caller before rep_write(), it names a step back whose next session
	 * has not come yet. */
	const struct prg_result *steps;
	/* The Outcomes section's figures (outcomes_report.h), or NULL for none:
	 * set by the caller before rep_write(), as `steps`. */
	const struct out_report *outcomes;
};

/*
 * The period of `weeks` weeks ending today: from the Monday `weeks - 1`
 * weeks before today's Monday, to today. Returns 0, or -1 when weeks is not
 * 1..REP_MAX_WEEKS.
 */
int rep_period_weeks(int32_t today, unsigned weeks, int32_t *from);

/* From `since` to today: 0, or -1 when since is after today or too long ago. */
int rep_period_since(int32_t today, int32_t since, int32_t *from);

/*
 * Compute the report of the period from `from` to `to` (inclusive; a `to`
 * before `from` is taken as `from`). `cat`, `h` and `ev` may be NULL. The
 * catalogue, history and events must outlive it. Running out of memory
 * exits (file.h). Free with rep_free().
 */
void rep_build(const struct catalogue *cat, const struct hist *h, const struct ev_log *ev,
               int32_t from, int32_t to, struct report *out);
void rep_free(struct report *r);

/* The cell of exercise `ex` in week `w`. */
const struct rep_cell *rep_cell_at(const struct report *r, unsigned ex, unsigned w);

/* Write the report. Returns 0, or -1 when fp reports an error. */
int rep_write(FILE *fp, const struct report *r, enum rep_format fmt);

/*
 * Text from a file (a name, a step) as `fmt` needs it: control bytes as
 * \xNN, then | escaped in Markdown and & < > " ' in HTML. The one escaping
 * of the report, which the programme uses too.
 */
void rep_put_text(FILE *fp, enum rep_format fmt, const char *s);

/* "md", "html", "csv"; and back, 0 or -1. */
int rep_format_parse(const char *s, enum rep_format *out);

#endif
