/*
 * progression.h - each exercise climbs its own ladder, guided by how the back
 * responds (issue 13). Pure: no clock (`today` is an argument), no I/O, no
 * curses. The step of every exercise is derived from the history and the
 * events each time; nothing else holds state.
 *
 * An exercise's own ladder (`ladder:` in the catalogue, issue 20 §1): step
 * 0 is every low end, each step changes one value of one set; K is its
 * number of steps. Without one, the generic ladder below is the fallback.
 *
 * The generic ladder (one per ranged value: hold..hold_max, reps..reps_max,
 * tempo..tempo_max, duration..duration_max):
 *  - reps go up by 1; seconds go up by 1 below 10 s, by 5 below 60 s, and
 *    from 60 s to max(v + 15, v x 1.2 rounded to the nearest 15 s);
 *  - never past the high end, which is always the last rung.
 * An exercise has one step k in 0..K, K = the longest ladder among its values
 * minus one; a value whose ladder has n rungs takes rung floor(k (n-1) / K).
 * Step 0 is the `easy` level (every low end), step K is `hard` (every high
 * end). Values without a range have one rung and never move.
 *
 * How a session counts (the numbers are prg_params fields, defaults shown):
 *  - red: stopped; or pain after >= 8; or pain after >= 6 and at least 2
 *    above pain before;
 *  - green: done (PRG_DONE_PERCENT of the work time played, journal.h), and
 *    pain after <= 3 or <= min(5, before + 1);
 *  - amber: anything else (partial, a missing score, moderate pain).
 *
 * The rules, applied to sessions and events in the order of their timestamps
 * (a session before an event of the same second):
 *  - step up by one when: the sessions at the current step since it last
 *    changed end with green sessions on 3 different days (2 for a weekly
 *    exercise), i.e. the last 3 days with a session had green sessions only;
 *    none of the exercise's sessions in the last 7 days was red; no bad
 *    morning since the first session of those days; at least 7 days since
 *    the step last changed, or since the first session when it never did
 *    (issue 20 §1); no `hold` in force; k < K.
 *    In `auto` the step is taken on the first day all of this holds; in
 *    `suggest` it is offered, and taken by an `accept` event logged while
 *    offered; a `decline` withdraws the offer until the next green session.
 *  - amber holds (breaks the run of greens, never steps back);
 *  - red steps back one (not below 0) at once, in suggest and auto;
 *  - `off`: greens and reds move nothing; `accept` (+1) and `set` events
 *    still apply, so an exercise keeps the steps the person took.
 *  - `set` (value = step `k/K`, or a bare `k` on older lines; capped at K)
 *    moves the step in every mode and counts as a change; a `k/K` of another
 *    K is placed as a changed ladder's line is (below); `hold` (value = days) skips step-ups from
 * its day for that many days (the latest hold wins; 0 ends one).
 *  - a session done without the timer (`lumbar log`, issue 22 §4) never
 *    counts toward a step up: lumbar did not time the dose. Its pain counts
 *    as a timed session's: a red one steps back, an amber one whose pain is
 *    not acceptable holds (breaks the run); any other moves nothing and does
 *    not break the run either.
 *  - sessions logged with a forced level (`--level`) are ignored; a session
 *    tagged with another step of the same ladder does not count toward the
 *    run (a red one still steps back); an untagged session counts as done
 *    at the step the exercise had then.
 *  - a changed ladder never moves a person up (issue 20 §1): when a history
 *    line tagged `k/n` with n != K exists, the exercise starts from the
 *    latest such line at the highest step whose dose is at most that line's
 *    (its dose read on the generic ladder of the same ranges, K = n), as
 *    changed on that day; that line, and every session and event of the
 *    exercise before it, is not replayed.
 *  - a bad morning: morning pain >= 8, or at least 2 above the average
 *    pain-before of the previous day's sessions (any exercise).
 */
#ifndef LUMBAR_PROGRESSION_H
#define LUMBAR_PROGRESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "catalogue.h"

enum {
	PRG_NO_PAIN = -1,       /* a score not given */
	PRG_MAX_RUNGS = 128,    /* longer than any ladder the catalogue allows */
	PRG_MAX_GREENS = 14,    /* upper bound of prg_params.greens */
	PRG_NO_DAY = INT32_MIN, /* no such day */
	PRG_WORDS = 80,         /* room for prg_result.words */
	PRG_WHY = 48,           /* room for prg_result.why */
	/*
	 * An exercise walked to its end is `done` only when at least this
	 * share (percent) of its work time was played; otherwise `partial`,
	 * which is never green (issue 19). Our default, not a clinical number.
	 */
	PRG_DONE_PERCENT = 80,
};

enum prg_mode { PRG_OFF, PRG_SUGGEST, PRG_AUTO };
enum prg_colour { PRG_GREEN, PRG_AMBER, PRG_RED };

/* ---- The ladder ------------------------------------------------------------ */

/*
 * The rungs of a range, low end first, into rungs[0..max). `seconds` picks the
 * duration rule, else the reps rule. Returns how many rungs the ladder has
 * (at least 1; it may exceed max, as snprintf does).
 */
unsigned prg_ladder(struct cat_range r, bool seconds, unsigned *rungs, unsigned max);

/* K: the exercise's highest step (0 when none of its values has a range). */
unsigned prg_steps(const struct cat_exercise *ex);

/* Every number of one set at a step. Absent values are 0. */
struct prg_set_dose {
	unsigned hold, reps, tempo, duration;
};

struct prg_dose {
	unsigned k, steps; /* the step given (capped at K) and K */
	unsigned n_sets;
	struct prg_set_dose set[CAT_MAX_SETS];
};

/* The dose of an exercise at step k (capped at K). */
void prg_dose(const struct cat_exercise *ex, unsigned k, struct prg_dose *out);

/*
 * The dose of step k of a ladder of n steps, as a history line `k/n` was
 * done: prg_dose() when n is the exercise's K; else (the catalogue changed
 * since) the generic ladder of its ranges with K = n.
 */
void prg_dose_of(const struct cat_exercise *ex, unsigned k, unsigned n, struct prg_dose *out);

/*
 * Step k of a ladder of n steps that is not the exercise's (a changed
 * catalogue) on its ladder now: the highest step whose dose is at most
 * step k's, read on the generic ladder of the same ranges with K = n.
 */
unsigned prg_rebase(const struct cat_exercise *ex, unsigned k, unsigned n);

/* ---- The record -------------------------------------------------------------- */

/* The parameters of the rules; prg_params_default() gives issue 13's. */
struct prg_params {
	enum prg_mode mode;     /* suggest */
	unsigned greens;        /* 3: green days needed to step up, 1..PRG_MAX_GREENS */
	unsigned greens_weekly; /* 2: the same for a weekly exercise */
	unsigned red_free_days; /* 7: no red session in this many days */
	unsigned wait_days;     /* 7: days since the step last changed */
	/* How a session counts (section 2 of the issue). */
	int green_pain;       /* 3: pain after at most this is green */
	int green_cap;        /* 5: ... or at most min(green_cap, before + green_rise) */
	int green_rise;       /* 1 */
	int red_pain;         /* 8: pain after at least this is red */
	int red_rise_pain;    /* 6: ... or at least this and */
	int red_rise;         /* 2: at least this above before */
	int bad_morning_pain; /* 8: a morning score at least this is bad */
	int bad_morning_rise; /* 2: ... or at least this above the day before */
};

void prg_params_default(struct prg_params *p);

enum prg_status { PRG_DONE, PRG_PARTIAL, PRG_STOPPED };

/* The step a session was done at, as the history's `step` field says. */
enum prg_tag_kind {
	PRG_TAG_NONE,  /* `-`: written before progression, or unknown */
	PRG_TAG_STEP,  /* `k/n`: step k of a ladder whose top step is n */
	PRG_TAG_LEVEL, /* `easy`, `medium`, `hard`: forced by --level */
};

struct prg_tag {
	enum prg_tag_kind kind;
	unsigned k, n;        /* PRG_TAG_STEP */
	enum cat_level level; /* PRG_TAG_LEVEL */
};

/* One history line. */
struct prg_session {
	time_t when;             /* the instant of the timestamp */
	int32_t day;             /* its civil date, days since 1970-01-01 */
	char id[CAT_MAX_ID + 1]; /* exercise id */
	enum prg_status status;
	int pain;        /* after: 0..10 or PRG_NO_PAIN */
	int pain_before; /* 0..10 or PRG_NO_PAIN */
	struct prg_tag step;
	bool logged; /* done without the timer (`lumbar log`): never toward a step up */
};

enum prg_event_kind {
	PRG_EV_MORNING, /* value = pain; id empty */
	PRG_EV_ACCEPT,  /* the offered step up was taken */
	PRG_EV_DECLINE, /* ... or not yet */
	PRG_EV_SET,     /* value = step */
	PRG_EV_HOLD,    /* value = days */
};

/* One line of events.tsv that progression reads (others are not passed). */
struct prg_event {
	time_t when;
	int32_t day;
	enum prg_event_kind kind;
	char id[CAT_MAX_ID + 1]; /* exercise id; empty for `-` */
	int value;
	unsigned steps; /* SET written as `k/K`: K; 0 for a bare `k` (older lines) */
};

/* ---- The result -------------------------------------------------------------- */

enum prg_state {
	PRG_NEW,     /* no session yet */
	PRG_READY,   /* counting acceptable sessions, or a step up offered */
	PRG_WAITING, /* enough sessions; waiting for a date */
	PRG_HELD,    /* pain, or a `hold` */
	PRG_BACK,    /* stepped back lately */
	PRG_TOP,     /* at K */
	PRG_STATE_OFF,
};

enum prg_change { PRG_CHANGE_NONE, PRG_CHANGE_UP, PRG_CHANGE_BACK, PRG_CHANGE_SET };

struct prg_result {
	unsigned k, steps; /* the step now, and K */
	enum prg_state state;
	int32_t since;          /* the day the step last changed, or PRG_NO_DAY */
	enum prg_change change; /* how it last changed */
	unsigned from;          /* the step before that change */
	int32_t until;          /* waiting or held: the first day a step up may come */
	int32_t allowed;        /* the first day the calendar allows a step up (waits, */
	                        /* holds, a red); PRG_NO_DAY when nothing bars one */
	int32_t hold;           /* a `hold` in force after today: its end; else PRG_NO_DAY */
	unsigned more;          /* acceptable sessions still needed (ready) */
	unsigned greens;        /* green sessions at this step since it last changed */
	bool suggest;           /* suggest mode: a step up is offered now */
	char words[PRG_WORDS];  /* `ready after 1 more acceptable session`, ... */
	char why[PRG_WHY];      /* the offer's or the last change's reason: */
	                        /* `3 acceptable sessions`, `stopped for pain` */
	char changed[PRG_WHY];  /* the last change's reason alone (`lumbar why`) */
};

/* How a session counts. */
enum prg_colour prg_classify(const struct prg_params *p, enum prg_status status, int pain,
                             int pain_before);

/*
 * Whether a morning score is a bad morning. `before_sum` and `before_n` are
 * the sum and count of the previous day's pain-before scores (0 when none).
 */
bool prg_bad_morning(const struct prg_params *p, int morning, unsigned before_sum,
                     unsigned before_n);

/*
 * Derive the step of every exercise of the catalogue into out[0 ..
 * cat->n_exercises). `modes` gives each exercise's mode (NULL: p->mode for
 * all). Sessions and events need not be sorted. Returns 0; running out of
 * memory exits (file.h).
 */
int prg_derive(const struct catalogue *cat, const struct prg_session *sessions, size_t n_sessions,
               const struct prg_event *events, size_t n_events, const struct prg_params *p,
               const enum prg_mode *modes, int32_t today, struct prg_result *out);

/* "new", "ready", "waiting", "held", "back", "top", "off" (the tsv words). */
const char *prg_state_name(enum prg_state s);

/* "off", "suggest", "auto"; and the parse back, 0 or -1. */
const char *prg_mode_name(enum prg_mode m);
int prg_mode_parse(const char *s, enum prg_mode *out);

#endif
