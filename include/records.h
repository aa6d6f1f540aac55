/*
 * records.h - the person's record: history.tsv and events.tsv read once per
 * command, and the facts every surface shows derived from that one load, as
 * of one day (see ../shared/ARCHITECTURE.md).
 *
 * Time: a line or event is in the future when its instant is after `now`;
 * otherwise it counts on the day written in it. A request "as of" a day
 * (`--today D`) leaves out the lines dated after D without a word: the
 * answer is the one lumbar would have given on D. Otherwise the lines dated
 * in the future (a clock that was wrong once) are left out of today's
 * answer and named, once each, through the request's warn function, as
 * damaged lines are: "dated in the future (...): left out until then".
 * Neither file is ever changed.
 *
 * Memory: the files are read in pieces (hist_stream()), and only what the
 * request keeps is stored: history lines from `since` on, events of the
 * kinds in `kinds`, and with `steps` what progression reads of the others
 * (64 bytes an event instead of 88). So `lumbar due --quiet` (this week's history, pauses)
 * costs the same with ten years of events as with none.
 *
 * Core: no curses, no clock (`now` is an argument).
 */
#ifndef LUMBAR_RECORDS_H
#define LUMBAR_RECORDS_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "catalogue.h"
#include "events.h"
#include "history.h"
#include "plan.h"
#include "progression.h"
#include "remind.h"
#include "steps.h"

/* Event kinds as bits of rec_request.kinds. */
#define REC_KIND(k) (1u << (k))
enum {
	/* Pauses: what is expected of a day, `paused` in status. */
	REC_KINDS_PAUSES = REC_KIND(EV_PAUSE) | REC_KIND(EV_RESUME),
	/* What progression reads: each exercise's step. */
	REC_KINDS_STEPS = REC_KIND(EV_MORNING) | REC_KIND(EV_ACCEPT) | REC_KIND(EV_DECLINE) |
	                  REC_KIND(EV_SET) | REC_KIND(EV_HOLD),
	/* The outcome records (issue 22, outcomes.h): answers and the person's activities. */
	REC_KINDS_OUTCOMES =
	    REC_KIND(EV_OUTCOME) | REC_KIND(EV_ACTIVITY) | REC_KIND(EV_ACTIVITY_RETIRED),
	REC_KINDS_ALL = (1u << EV_N_KINDS) - 1,
	/*
	 * What the full screen reads: every kind but the notes and the
	 * reminders (most of a long events file), which no screen shows.
	 */
	REC_KINDS_SCREENS = REC_KINDS_ALL & ~(REC_KIND(EV_NOTE) | REC_KIND(EV_REMIND)),
	/*
	 * What the report reads: every kind but the reminders (half of a long
	 * events file), which it does not show.
	 */
	REC_KINDS_REPORT = REC_KINDS_ALL & ~REC_KIND(EV_REMIND),
};

/* What to load, and as of when. */
struct rec_request {
	const char *history; /* its path; NULL or "": no history */
	const char *events;  /* its path; NULL or "": no events */
	time_t now;          /* the caller's clock */
	bool as_of;          /* `today` was asked for (--today): later lines left out silently */
	int32_t today;       /* with as_of: the day; else hist_today(now) is used */
	int32_t since;       /* history lines dated before this day are skipped unread;
	                        INT32_MIN keeps them all (steps need them all) */
	unsigned kinds;      /* event kinds kept (REC_KIND bits); 0 keeps every kind */
	bool every_line;     /* the lines of kinds not kept are read all the same, so
	                        that their damage and future dates are named and
	                        tallied as the kept ones' are; else they are skipped
	                        unread */
	bool steps;          /* keep what progression reads, compactly, for rec_steps()
	                        (whatever `kinds` says) */
	bool partial;        /* a file that cannot be read is left empty and said in
	                        the record (history_failed, events_failed), and the
	                        load goes on: the screens show what they can */
	hist_warn_fn *warn;  /* damaged and future lines (may be NULL) */
	void *warn_history;  /* warn's context for the history's lines */
	void *warn_events;   /* and for the events file's */
};

/* What a file was when read: a menu left open reloads one that changed. */
struct rec_stamp {
	bool present;
	long long dev, ino, size, mtime_s, mtime_ns;
};

/* The lines of one file named as damaged or future: the first, and how many. */
struct rec_named {
	unsigned n, line;
	char why[200];
};

/* The loaded record. */
struct records {
	struct hist h;    /* the history lines kept, in (day, when, line) order */
	struct ev_log ev; /* the events kept, in (when, line) order */
	time_t now;       /* as asked; with as_of, noon UTC of `today` */
	int32_t today;    /* the day the answers are about */
	unsigned future;  /* lines left out as dated in the future (named) */
	unsigned later;   /* lines left out as after an as-of day (not named) */
	bool have_steps;  /* loaded with `steps`: steps_ev holds progression's events */
	struct prg_event *steps_ev;
	size_t n_steps_ev;
	struct rec_stamp stamp_history, stamp_events;
	struct rec_named named_history, named_events; /* whatever `warn` is */
	/* With `partial`: a file that could not be read (left empty), and why. */
	bool history_failed, events_failed;
	struct hist_error history_error, events_error;
};

/*
 * Load both files, each opened once. A missing file is empty. Returns 0, or
 * -1 with *err naming the file that exists but cannot be read (r is then
 * empty and freeable); with q->partial, such a file is left empty, said in
 * r->history_failed/events_failed, and 0 is returned. Running out of memory
 * exits 71 (file.h).
 */
int rec_load(struct records *r, const struct rec_request *q, struct hist_error *err);

/* Free and zero. Accepts a zeroed record. */
void rec_free(struct records *r);

/*
 * Whether a file of the request changed (size, modification time, or
 * another file in its place) since r was loaded from it: stat() only.
 */
bool rec_changed(const struct records *r, const struct rec_request *q);

/*
 * What a screen left open asks: load again when rec_changed(), only the
 * file that changed when no line was left out as after now (the other's
 * lines are the same). Returns 1 when it did, 0 when nothing changed, -1
 * with *err filled (r as it was).
 */
int rec_reload(struct records *r, const struct rec_request *q, struct hist_error *err);

/* ---- Answers, as of r->today ------------------------------------------------- */

/* Each exercise's step and dose into out[0 .. cat->n_exercises). 0, or -1. */
int rec_steps(const struct records *r, const struct catalogue *cat, const struct steps_rules *rules,
              struct prg_result *out);

/*
 * What the summary may offer after a session: each exercise's step into
 * res (as rec_steps()), and into offer (room for CAT_MAX_EXERCISES) each
 * exercise of played[0 .. n) (catalogue indexes of the exercises just done,
 * not skipped whole, in play order) whose step up is offered now
 * (res[e].suggest), once each, in that order. Returns how many, or -1.
 */
int rec_offers(const struct records *r, const struct catalogue *cat,
               const struct steps_rules *rules, const unsigned *played, unsigned n,
               struct prg_result *res, unsigned *offer);

/*
 * The figures (hist_summarize_paused()) with the paused days the events
 * say. Free with hist_summary_free(). 0, or -1 when memory runs out.
 */
int rec_summary(const struct records *r, const struct catalogue *cat, struct hist_summary *out);

/* Whether r->today is paused, and the pause's last day (may be NULL). */
bool rec_paused(const struct records *r, int32_t *until);

#endif
