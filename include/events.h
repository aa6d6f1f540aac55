/*
 * events.h - the append-only events file beside the history, and the rules
 * that read it with the history: a bad morning, the "pain has been higher"
 * banner, when the safety screen and the morning check-in are due.
 *
 * `events.tsv` lives in the history's folder and holds what is not an
 * exercise, one tab-separated line per event, `-` where a field is empty:
 *
 *   timestamp  kind  exercise  value  note
 *   2026-11-24T07:02:11+01:00  morning  -  4  -
 *
 * A note that is `-` (no note) or backslashes then one `-` is written with
 * one backslash more in front, and read back with one less, so that every
 * note reads back as it was typed: `\-` is the note `-`.
 *
 * It is written as the history is (hist_append_text(): one write of whole
 * lines with O_APPEND, fsync, an advisory lock, never rewritten) and read as
 * the history is: damaged lines are named and skipped. A line whose kind is
 * well formed but not one lumbar knows (written by a newer lumbar) is not
 * damage: it is skipped silently and only counted (ev_log.unknown).
 *
 * Kinds: morning (value: back pain this morning 0-10, or `-` when the
 * question was asked and skipped), note (the note field), safety-shown (the
 * safety screen was shown), safety-stop (its "one of these applies" was
 * chosen: nothing but the time is stored, never which symptom). accept,
 * decline, set, hold, pause, resume and remind are reserved for later
 * features; they are read as known kinds and their value is kept as text.
 * outcome, activity and activity-retired are issue 22's (see outcomes.h):
 * an outcome names its questionnaire and version and its note is the
 * answers (`5,4,6`, or `-` when skipped); an activity's value is its number
 * (1-99) and its note the person's words; a retired one's value its number.
 *
 * Every threshold below is lumbar's adjustable default, not a clinical fact.
 * Time is an argument: nothing here reads the clock.
 */
#ifndef LUMBAR_EVENTS_H
#define LUMBAR_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "history.h"
#include "progression.h"

enum ev_kind {
	EV_MORNING,
	EV_NOTE,
	EV_SAFETY_SHOWN,
	EV_SAFETY_STOP,
	EV_ACCEPT,
	EV_DECLINE,
	EV_SET,
	EV_HOLD,
	EV_PAUSE,
	EV_RESUME,
	EV_REMIND,
	EV_OUTCOME,          /* issue 22: answers to a questionnaire (outcomes.h) */
	EV_ACTIVITY,         /* an activity the person named for "My activities" */
	EV_ACTIVITY_RETIRED, /* an activity retired */
	EV_N_KINDS
};

enum {
	EV_MAX_NOTE = 200,       /* characters (UTF-8 code points) in a note */
	EV_MAX_NOTE_BYTES = 800, /* and bytes */
	EV_MAX_VALUE = 16,       /* bytes in a value */
};

/* Defaults of the rules below; a bad morning is progression's (prg_bad_morning()). */
enum {
	EV_BANNER_STOPS = 2,         /* stops of one exercise ... */
	EV_BANNER_STOP_DAYS = 14,    /* ... within this many days */
	EV_BANNER_MORNINGS = 3,      /* bad mornings ... */
	EV_BANNER_MORNING_DAYS = 7,  /* ... within this many days */
	EV_SAFETY_STOP_PAIN = 8,     /* a stop with this pain or more brings the safety screen */
	EV_SAFETY_EVERY_DAYS = 90,   /* and so does this long since it was last shown */
	EV_MORNING_BEFORE_HOUR = 12, /* the check-in is asked before noon */
};

/*
 * One line of the events file. Its note is a pointer, not a buffer: nearly
 * every note is empty, and ten years of events hold 20 000 of them. A loaded
 * event's note is kept by its ev_log (ev_log_add()); one to append points at
 * the writer's own text.
 */
struct ev_event {
	time_t when;
	int32_t day; /* civil date as written (days since 1970-01-01) */
	enum ev_kind kind;
	char exercise[CAT_MAX_ID + 1]; /* "" for `-` */
	char value[EV_MAX_VALUE + 1];  /* "" for `-` */
	int score;                     /* morning: 0..10 or HIST_NO_PAIN; else HIST_NO_PAIN */
	const char *note;              /* "" for `-`; never NULL after ev_init() */
	unsigned line;                 /* 1-based line in the file (0 when not read) */
};

/* A line read (ev_parse_line()): the event, and its note's bytes until it is kept. */
struct ev_line {
	struct ev_event e; /* e.note points into `note`, or is "" */
	char note[EV_MAX_NOTE_BYTES + 1];
};

/* The notes of a loaded file, in blocks that never move (events.c). */
struct ev_notes;

/* A loaded events file: events in ascending (when, line) order. */
struct ev_log {
	struct ev_event *e;
	size_t n;
	size_t unknown;         /* well-formed lines of kinds this lumbar does not know */
	size_t cap;             /* events e has room for (ev_log_add()) */
	struct ev_notes *notes; /* the events' notes, freed by ev_free() */
	/*
	 * The highest number of an `activity` line read, kept in e[] or not:
	 * records.c leaves out the lines dated after the day asked about, and
	 * a number is never given again all the same (out_next_number()).
	 */
	unsigned activity_high;
};

/* "morning", "safety-shown", ...; and back, 0 or -1. */
const char *ev_kind_name(enum ev_kind k);
int ev_kind_parse(const char *s, size_t len, enum ev_kind *out);

/*
 * The events path beside `history_path`: its folder and `events.tsv`.
 * Returns 0, or -1 when buf is too small (buf then holds "").
 */
int ev_path(const char *history_path, char *buf, size_t len);

/* An event of `kind` at `when` with every other field empty (its note ""). */
void ev_init(struct ev_event *e, enum ev_kind kind, time_t when);

/*
 * Whether s[0..len) can be a note: at most EV_MAX_NOTE characters and
 * EV_MAX_NOTE_BYTES bytes, no control characters (tab and newline included).
 * Returns NULL, or why not. The reader applies the same check.
 */
const char *ev_note_check(const char *s, size_t len);

/*
 * Append one event in one write (see hist_append_text()); a new file gets a
 * `#` header. An event the reader would refuse (a morning score out of
 * 0..10, a bad exercise id or value, a note that fails ev_note_check()) is
 * refused with EINVAL and nothing is written.
 */
int ev_append(const char *path, const struct ev_event *e, struct hist_error *err);

/* The `#` line that heads a new events file. */
extern const char ev_header[];

/*
 * Check one line without its newline. Returns 0 and fills *out (out->e.note
 * points into out->note: keep the event with ev_log_add(), not a copy), 1
 * for a well-formed line of an unknown kind (skip it), or -1 with a reason in
 * why.
 */
int ev_parse_line(const char *s, size_t len, struct ev_line *out, char *why, size_t why_len);

/*
 * Add a copy of *e at the end of log, its note copied into the log's own
 * storage (an empty one is not stored): what ev_free() frees. The events
 * may then be moved (sorted, reallocated) as they are: their notes stay.
 * Running out of memory exits.
 */
void ev_log_add(struct ev_log *log, const struct ev_event *e);

/*
 * Read the events file (a missing file is empty). Damaged lines go to warn
 * (may be NULL) and are skipped; the file is never changed. Returns 0, or -1
 * with *err filled when the file exists but cannot be read.
 */
int ev_load(const char *path, struct ev_log *out, hist_warn_fn *warn, void *ctx,
            struct hist_error *err);
int ev_parse(const char *buf, size_t len, struct ev_log *out, hist_warn_fn *warn, void *ctx,
             struct hist_error *err);
void ev_free(struct ev_log *log);

/* Sort events into (when, line) order, as the loaders leave them. */
void ev_sort(struct ev_log *log);

/* ---- Rules ---------------------------------------------------------------------- */

/*
 * The sum and count of `day`'s pain-before scores in the history (entries
 * without one left out), as prg_bad_morning() takes them.
 */
void ev_day_pain_before(const struct hist *h, int32_t day, unsigned *sum, unsigned *n);

/*
 * Days from `from` to `to` (inclusive) whose morning was bad by
 * prg_bad_morning() with `p` (the progression's thresholds: 8 and over, or
 * at least 2 above the average pain-before of the previous day's sessions).
 * A day's morning is its last morning event with a score: a second
 * check-in the same day corrects the first.
 */
unsigned ev_bad_mornings(const struct hist *h, const struct ev_log *ev, const struct prg_params *p,
                         int32_t from, int32_t to);

/*
 * Whether the menu shows "Your pain has been higher lately; consider
 * talking to a physiotherapist or GP": one exercise stopped EV_BANNER_STOPS
 * times in the EV_BANNER_STOP_DAYS days ending `today`, or EV_BANNER_MORNINGS
 * bad mornings in the EV_BANNER_MORNING_DAYS days ending `today`.
 */
bool ev_banner_due(const struct hist *h, const struct ev_log *ev, const struct prg_params *p,
                   int32_t today);

/* Why the safety screen is due at a start on `today`, first match wins. */
enum ev_safety_due {
	EV_SAFETY_NOT_DUE,
	EV_SAFETY_STOPPED_TODAY,   /* a safety-stop event today: every start that day */
	EV_SAFETY_FIRST_RUN,       /* no safety-shown event ever */
	EV_SAFETY_PAINFUL_STOP,    /* a stop with pain >= EV_SAFETY_STOP_PAIN since last shown */
	EV_SAFETY_PAINFUL_SESSION, /* a session ended (done or partial) with pain after
	                              >= EV_SAFETY_STOP_PAIN since last shown (issue 19) */
	EV_SAFETY_PERIODIC,        /* EV_SAFETY_EVERY_DAYS or more since last shown */
};
enum ev_safety_due ev_safety_due(const struct hist *h, const struct ev_log *ev, int32_t today);

/*
 * Whether the morning check-in is due at `now` (local time): before
 * EV_MORNING_BEFORE_HOUR, the previous day has a history entry (any
 * status), and today has no morning event yet. The caller asks only when
 * interactive, and records the answer (a `-` morning when skipped), so the
 * question comes once a day.
 */
bool ev_morning_due(const struct hist *h, const struct ev_log *ev, time_t now);

/* ---- Pauses (lumbar pause, lumbar resume) ------------------------------------------ */

/*
 * The paused days the events say, sorted, not overlapping (for
 * hist_summarize_paused()). A `pause` event on day D with value U (its
 * last paused day, YYYY-MM-DD) pauses D..U; a later `pause` or a `resume`
 * on day R ends the open run on R - 1 (a resume on the pause's own day
 * leaves nothing paused). *out is malloc'd (free it) even when 0 is
 * returned; running out of memory exits.
 */
size_t ev_pauses(const struct ev_log *ev, struct hist_pause **out);

/* Whether `today` is paused, and its run's last day into *until (may be NULL). */
bool ev_paused_until(const struct ev_log *ev, int32_t today, int32_t *until);

/* Whether s is a pause reason (injury, travel, ill, other): NULL, or why not. */
const char *ev_reason_check(const char *s);

#endif
