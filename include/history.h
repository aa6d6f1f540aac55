/*
 * history.h - the append-only history file, its damage-tolerant reader, and
 * the adherence figures computed from it (today, this week, due, calendar,
 * streaks, per-exercise adherence, pain).
 *
 * The file is tab-separated, one line per exercise finished, left part-way
 * or stopped. Version 2 lines have seven fields:
 *
 *   timestamp  exercise-id  status  active-seconds  pain  pain-before  step
 *   2026-11-24T07:15:03+01:00  knee-to-chest  stopped  40  6  3  -
 *
 * status is done, partial or stopped; pain and pain-before are 0-10 or `-`;
 * step is `-`, `K/N` (step K of a ladder whose top step is N, 0 <= K <= N <= 999,
 * no leading zeros: `0/19`, `0/0`) or a level name
 * (easy, medium, hard). Lines written before version 2 have the first five
 * fields only and stay valid forever: the reader takes five, or seven or
 * more fields (pain-before and step then read as `-`); the writer writes
 * nine. Field 8, `session` (one id shared by the lines of one run of
 * lumbar; written as 16 hex digits, or `-`), is read as a hash of its text
 * (`-` or absent: none). Field 9, `source`, says who wrote the line: `timer`
 * (the player) or `log` (`lumbar log`: a session done without the timer); a
 * line without it, or with `-`, is `timer`, any other word is damage. Fields
 * after the ninth (a later version's) are ignored.
 *
 * A UTF-8 byte-order mark at the start of the file (Notepad, a
 * spreadsheet's "CSV UTF-8") is skipped, as a CRLF line end is.
 *
 * Lines starting with `#` and blank lines are ignored. lumbar only ever
 * appends to the file; it never rewrites or truncates it.
 *
 * Time is an argument: no function here reads the clock. Functions that need
 * "now" take it as a time_t; "today" is the local civil date of `now` in the
 * current time zone (localtime_r). Entries keep the civil date written in
 * their timestamp, so an entry stays on the day it was done even when the
 * reader is in another time zone or the clocks have changed since.
 *
 * Definitions the figures rely on (and the user can check by hand):
 *  - Only `done` entries count toward a frequency, the due work and streaks.
 *    `partial` entries count for active time, pain and the calendar's
 *    lightest shade ("showed up"), never as a completed exercise.
 *    `stopped` entries are counted apart (hist_day.stopped), never as done
 *    or partial; like partial ones they add active time, pain and the
 *    lightest shade, since the person showed up.
 *  - A week starts on Monday (local dates).
 *  - Due work of a day: for each daily exercise of the catalogue, `times`
 *    units, of which at most `times` done entries of that day count. A weekly
 *    exercise is never missing on a given day: each of its first `times` done
 *    entries in a week adds one unit that is both due and done on the day it
 *    was done, so weekly work raises a day's share and never lowers it.
 *    Entries whose exercise is not in the catalogue add nothing to due work.
 *  - Streak: consecutive days with at least one `done` entry. Today, still in
 *    progress, does not break the current streak: it ends today when today
 *    has a done entry, else yesterday.
 *  - Adherence over the last N days (7 and 30): the window is the N days
 *    ending today, but never starts before the first day in the history (a
 *    new user is not blamed for days before they began). Daily exercises:
 *    done entries capped at `times` per day, against `times` per day; today
 *    expects only what was already done, so an unfinished today never lowers
 *    the figure. Weekly exercises: done entries against times x days / 7.
 *    The percentage is rounded and capped at 100.
 *  - Pain: the average of the entries of a day that carry a score (each line
 *    of a session carries that session's score). The trend compares the
 *    week (Monday to Sunday, as the report's weeks) of the first day with a
 *    score against the week of the last day with a score.
 *  - Lines dated after today are not part of the figures (a clock that was
 *    wrong once; records.h names them).
 */
#ifndef LUMBAR_HISTORY_H
#define LUMBAR_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "catalogue.h"

enum {
	HIST_CAL_DAYS = 84, /* the calendar: 12 weeks ending today */
	HIST_MAX_SECONDS = 999999999,
	HIST_MAX_PAIN = 10,
	HIST_NO_PAIN = -1,
	HIST_MAX_FILE = 64 * 1024 * 1024, /* a longer history is refused, unread */
};

enum hist_result { HIST_DONE, HIST_PARTIAL, HIST_STOPPED };

/* Who wrote a line (field 9): the player, or `lumbar log` (issue 22 §4). */
enum hist_source { HIST_SRC_TIMER, HIST_SRC_LOG };

/* The step field: none yet (`-`), step K of N (`3/19`), or a level name. */
enum hist_step_kind { HIST_STEP_NONE, HIST_STEP_INDEX, HIST_STEP_LEVEL };
enum { HIST_MAX_STEPS = 999 };

struct hist_step {
	enum hist_step_kind kind;
	unsigned k, n;        /* HIST_STEP_INDEX: 0 <= k <= n <= HIST_MAX_STEPS */
	enum cat_level level; /* HIST_STEP_LEVEL */
};

/* A message for the user, one line, no trailing newline, no "lumbar: ". */
struct hist_error {
	int errnum; /* the errno behind it, or 0 */
	char msg[600];
};

/* One line of the history. */
struct hist_entry {
	time_t when;             /* the instant, from the timestamp and offset */
	int32_t day;             /* civil date as written: days since 1970-01-01 */
	char id[CAT_MAX_ID + 1]; /* [a-z0-9-], 1..32 chars */
	enum hist_result status;
	unsigned active_s;       /* active seconds, pauses excluded */
	int pain;                /* 0..10, or HIST_NO_PAIN */
	int pain_before;         /* 0..10, or HIST_NO_PAIN (always so on 5-field lines) */
	struct hist_step step;   /* HIST_STEP_NONE on 5-field lines */
	uint64_t session;        /* field 8 hashed (FNV-1a), the same for the lines of one
	                            session; 0 when absent or `-`. The writer writes a
	                            non-zero one as 16 hex digits (read back as their hash) */
	enum hist_source source; /* field 9; HIST_SRC_TIMER when absent */
	unsigned line;           /* 1-based line in the file (0 when not read) */
};

/*
 * An entry with no scores and no step (pain and pain_before HIST_NO_PAIN):
 * start from this rather than from zeroes, which would read as score 0.
 */
void hist_entry_init(struct hist_entry *e);

/* A loaded history: entries in ascending (day, when, line) order. */
struct hist {
	struct hist_entry *e;
	size_t n;
};

/* ---- Dates ----------------------------------------------------------------- */

/* Days since 1970-01-01 of a proleptic Gregorian civil date (may be < 0). */
int32_t hist_day_from_civil(int y, unsigned m, unsigned d);

/* The civil date of a day number. Any of the out-pointers may be NULL. */
void hist_civil_from_day(int32_t day, int *y, unsigned *m, unsigned *d);

/* The local civil date of `now` in the current time zone, as a day number. */
int32_t hist_today(time_t now);

/*
 * The first second after `now` that hist_today() places on a later day: the
 * next local midnight, or the first second after it that exists (a daylight
 * saving change at midnight skips it). Always later than `now`.
 */
time_t hist_next_day(time_t now);

/* 0 for Monday ... 6 for Sunday. */
unsigned hist_weekday(int32_t day);

/* The Monday of the week holding `day`. */
int32_t hist_week_start(int32_t day);

/* Write `YYYY-MM-DD` into buf (at least 11 bytes; 16 is plenty). Returns buf. */
char *hist_format_day(int32_t day, char *buf, size_t len);

/*
 * Format `when` as local ISO 8601 with its offset, `2026-11-24T07:15:03+01:00`
 * (localtime_r and tm_gmtoff). buf must hold at least 32 bytes. Returns buf.
 */
char *hist_format_time(time_t when, char *buf, size_t len);

/* ---- The file ---------------------------------------------------------------- */

/*
 * The history path: `override` when not NULL or empty (--history-file), else
 * `$XDG_STATE_HOME/lumbar/history.tsv` when xdg_state_home is an absolute
 * path, else `HOME/.local/state/lumbar/history.tsv`. Returns 0 and writes the
 * path to buf; returns ENOENT when there is no home to use or ENAMETOOLONG
 * when buf is too small (buf then holds an empty string).
 */
int hist_path(const char *override, const char *xdg_state_home, const char *home, char *buf,
              size_t len);

/*
 * Create the folders above `path` that are missing, each with mode 0700
 * (before the umask). Existing folders are left as they are. Returns 0, or -1
 * with *err filled (`cannot create folder DIR: Not a directory`).
 */
int hist_make_parent(const char *path, struct hist_error *err);

/*
 * The folder that holds `path` must be the user's own (owner = effective
 * uid) and not writable by others (no o+w, and g+w only for the user's own
 * group), or someone else could plant a symlink or a file there. A folder
 * not there yet passes (lumbar creates it 0700). Returns 0, or -1 with *err
 * saying which folder and why (errnum EPERM).
 */
int hist_check_folder(const char *path, struct hist_error *err);

/*
 * Append `n` entries to the history at `path` in one write() of whole lines
 * with O_APPEND, then fsync. The `day` and `line` fields of the entries are
 * ignored: the timestamp is `when` in the current time zone. Missing folders
 * are created (0700); a new or empty file gets a `#` header line naming the
 * columns in the same write. If the file does not end with a newline (a
 * previous write cut short by a full disk), a newline goes first so the new
 * lines stay whole. Two processes appending at once both land; an advisory
 * lock keeps the header single. Only a regular file is written: a symlink
 * (not followed), FIFO or device is refused, so nothing is reported saved
 * that was not; so is a folder hist_check_folder() refuses.
 *
 * Returns 0, or -1 with *err filled and the file as it was or with whole
 * lines only as far as the system allows. Never crashes on a directory, an
 * unwritable folder or a full disk (EFBIG, ENOSPC). The caller must ignore
 * SIGXFSZ (signal(SIGXFSZ, SIG_IGN)) so a file size limit gives EFBIG instead
 * of killing the process. Entries with an invalid id, status, step, or pain
 * or pain_before out of 0..10 (other than HIST_NO_PAIN) are refused with
 * EINVAL and nothing written.
 */
int hist_append(const char *path, const struct hist_entry *e, size_t n, struct hist_error *err);

/*
 * Format `e` as the line hist_append() writes, newline included, into buf.
 * Returns its length (len or more when it did not fit).
 */
size_t hist_format_entry(const struct hist_entry *e, char *buf, size_t len);

/* Called for each malformed line: its 1-based number and why, one line. */
typedef void hist_warn_fn(void *ctx, unsigned line, const char *why);

/*
 * Read the whole history at `path` into *out (free with hist_free()). A
 * missing file is an empty history, not an error. Malformed lines are passed
 * to `warn` (may be NULL) and skipped; the file is only read, never changed.
 * The caller prints them as `PATH:LINE: why` with the path as it gave it, as
 * compilers do, so the message names the file the user can open.
 *
 * The file is opened without following a symlink and without blocking: a
 * symlink, FIFO, device or folder is refused, and so is a file over
 * HIST_MAX_FILE bytes (nothing of it is read), or one in a folder that
 * hist_check_folder() refuses.
 *
 * Returns 0, or -1 with *err filled and *out untouched when the file exists
 * but cannot be read.
 */
int hist_load(const char *path, struct hist *out, hist_warn_fn *warn, void *ctx,
              struct hist_error *err);

/*
 * As hist_load(), keeping only the lines dated `since` or later (the date
 * as written, the first 10 bytes): older lines are skipped unparsed, and so
 * unreported. Enough for what depends on this week only (hist_due() after
 * hist_summarize() with a `since` of hist_week_start(today)), fast on years
 * of history (`lumbar due`). INT32_MIN keeps every line.
 */
int hist_load_since(const char *path, int32_t since, struct hist *out, hist_warn_fn *warn,
                    void *ctx, struct hist_error *err);
int hist_parse_since(const char *buf, size_t len, int32_t since, struct hist *out,
                     hist_warn_fn *warn, void *ctx, struct hist_error *err);

/* As hist_load(), from a buffer in memory (tests, fuzzing, benchmarks). */
int hist_parse(const char *buf, size_t len, struct hist *out, hist_warn_fn *warn, void *ctx,
               struct hist_error *err);

/*
 * The line walk under hist_parse(), shared with the events file: call fn for
 * each line that is not blank and does not start with `#`, with its 1-based
 * number and its text without the newline (or a CRLF's carriage return).
 */
typedef void hist_line_fn(void *ctx, unsigned line, const char *s, size_t len);
void hist_each_line(const char *buf, size_t len, hist_line_fn *fn, void *ctx);

/*
 * The same walk over the file at `path`, read in pieces of HIST_STREAM_BUF
 * bytes, so memory does not grow with the file (what fn keeps aside). A
 * line longer than that is passed on cut (a reader refuses it as damage).
 * The file is opened as hist_load() says, once; a missing file has no lines.
 * *st (may be NULL) gets the fstat() of what was read, zeroed when the file
 * is missing. Returns 0, or -1 with *err filled.
 */
enum { HIST_STREAM_BUF = 64 * 1024 };
struct stat;
int hist_stream(const char *path, hist_line_fn *fn, void *ctx, struct stat *st,
                struct hist_error *err);

/* Sort entries into (day, when, line) order, as the loaders leave them. */
void hist_sort(struct hist *h);

/* Free a history's entries and zero it. Accepts a zeroed history. */
void hist_free(struct hist *h);

/*
 * Check one line without its newline. Returns 0 and fills *e (line = 0), or
 * -1 with a reason in why (at least 128 bytes is enough). *e may be partly
 * written on failure.
 */
int hist_parse_line(const char *s, size_t len, struct hist_entry *e, char *why, size_t why_len);

/* ---- Adherence ----------------------------------------------------------------- */

/* One exercise of the catalogue against its frequency. */
struct hist_ex_stat {
	unsigned today;            /* done entries today */
	unsigned week;             /* done entries this week (Monday .. Sunday) */
	unsigned count;            /* `today` or `week`, as the frequency's period says */
	bool due;                  /* what is due: count < freq.times, unless stopped today or
	                              today is paused (the rules below hist_summarize_paused()) */
	bool stopped_today;        /* a `stopped` entry today */
	unsigned pct7;             /* adherence over the last 7 days, 0..100 */
	unsigned pct30;            /* adherence over the last 30 days, 0..100 */
	double done7, expected7;   /* the figures behind pct7 */
	double done30, expected30; /* the figures behind pct30 (0 expected: no data) */
};

/* One day of the history. */
struct hist_day {
	int32_t day;
	unsigned done;     /* done entries (any exercise) */
	unsigned partial;  /* partial entries */
	unsigned stopped;  /* stopped entries (neither done nor partial) */
	uint64_t active_s; /* active seconds of all entries (64 bits: a line may hold 999999999) */
	unsigned done_units; /* due work done (see the definitions above) */
	unsigned due_units;  /* due work */
	/* Pain by session (hist_session_of(), as the report counts it): a session
	   is counted on the day of its first line with the score. */
	unsigned pain_sum;   /* sum of the scores of sessions with one */
	unsigned pain_n;     /* sessions with a score */
	unsigned before_sum; /* sum of the pain-before scores of sessions with one */
	unsigned before_n;   /* sessions with a pain-before score */
	unsigned char level; /* calendar shade 0..4 */
};

/*
 * Everything the menu, the history view and `lumbar --history` show, computed
 * in one pass.
 *
 * Calendar shades: 0 nothing done or started; 1 something done or started but
 * less than a third of the due work; 2 at least a third; 3 at least two
 * thirds; 4 all of it. A day with no due work (no daily exercises) and a done
 * entry counts as all of it.
 */
struct hist_summary {
	int32_t today;                      /* local date of `now` */
	int32_t week_start;                 /* Monday of this week */
	uint64_t today_active_s;            /* active seconds today, done and partial */
	unsigned daily_due;                 /* due units of a day: sum of daily `times` */
	unsigned n_ex;                      /* == catalogue n_exercises */
	struct hist_ex_stat *ex;            /* one per catalogue exercise, same order */
	struct hist_day cal[HIST_CAL_DAYS]; /* cal[HIST_CAL_DAYS - 1] is today */
	unsigned streak;                    /* current streak in days */
	unsigned best_streak;               /* longest streak ever (>= streak) */
	struct hist_day *days;              /* every day with an entry, ascending */
	size_t n_days;
	bool has_pain;          /* some entry has a score; the trend below is valid */
	double pain_first;      /* average over the first week (Monday-Sunday) with scores */
	double pain_last;       /* average over the last week with scores */
	int32_t pain_first_day; /* first day with a score */
	int32_t pain_last_day;  /* last day with a score */
};

/*
 * Compute the summary of `h` against the catalogue's frequencies at `now`.
 * Returns 0 and fills *out (free with hist_summary_free()); running out of
 * memory exits (file.h). Entries dated after today (a clock set back) are
 * left out. `cat` may be NULL: no exercises, so no due work and no
 * per-exercise rows. When all scores are in one week the first and last
 * weeks are the same; check hist_pain_trend() before calling it a trend.
 */
int hist_summarize(const struct hist *h, const struct catalogue *cat, time_t now,
                   struct hist_summary *out);

/*
 * Paused days (lumbar pause), `from` to `to` inclusive. A list of them is
 * sorted and its runs do not overlap (ev_pauses() builds it so).
 */
struct hist_pause {
	int32_t from, to;
};

/*
 * hist_summarize() with paused days. What is due (hist_ex_stat.due, and so
 * hist_due(), the menu's mark and "Due now", `due`, `status`, the reminder)
 * is decided here, once (issue 19): while today is paused nothing is due;
 * an exercise stopped today is "stopped today" (stopped_today) and not due
 * for the rest of the day. Neither changes what a day expects: the stopped
 * day and its count stay in the adherence figures and the report as they
 * were. A paused day is not expected in the
 * adherence figures (neither in the 7- nor the 30-day window; work done on
 * it still counts, capped at 100 %), and a run of paused days between two
 * days with a done entry, or between the last one and today, does not break
 * the streak (nor adds to it). hist_summarize() is this with no pauses.
 */
int hist_summarize_paused(const struct hist *h, const struct catalogue *cat, time_t now,
                          const struct hist_pause *paused, size_t n_paused,
                          struct hist_summary *out);

/* Whether `day` is in one of the n runs; how many days of from..to are. */
bool hist_paused(const struct hist_pause *p, size_t n, int32_t day);
unsigned hist_paused_days(const struct hist_pause *p, size_t n, int32_t from, int32_t to);

/*
 * The due list: the catalogue indexes (in catalogue order) of the exercises
 * still due on the summary's day, the day of the `now` given to
 * hist_summarize(). Without counts to go by (`s` NULL, or a summary of
 * another catalogue than the one of `n_exercises` exercises) every exercise
 * is due. `out` has room for n_exercises; returns how many.
 */
unsigned hist_due(const struct hist_summary *s, unsigned n_exercises, unsigned *out);

/* Whether the scores span two weeks or more: the first and last weeks differ. */
bool hist_pain_trend(const struct hist_summary *s);

/* Free a summary's arrays and zero it. Accepts a zeroed summary. */
void hist_summary_free(struct hist_summary *s);

/*
 * The summary's row for any day: the stored one, or an empty row (level 0,
 * due_units of the daily exercises) for a day without entries. Returns true
 * when the day has entries.
 */
bool hist_summary_day(const struct hist_summary *s, int32_t day, struct hist_day *out);

/* The share of a day's due work done, 0.0 .. 1.0. */
double hist_day_fraction(const struct hist_day *d);

/* The average pain of a day, or -1.0 when no entry carries a score. */
double hist_day_pain(const struct hist_day *d);

/* The average pain-before of a day, or -1.0 when no entry carries one. */
double hist_day_pain_before(const struct hist_day *d);

/* Done entries of exercise `id` from day `from` to day `to`, inclusive. */
unsigned hist_count(const struct hist *h, const char *id, int32_t from, int32_t to);

/* "timer" or "log": field 9 as written. */
const char *hist_source_name(enum hist_source s);

/*
 * A new session id (field 8) for the lines of one run that are written
 * together (`lumbar log`): a number made of `now` and `salt` (the process
 * id), never 0, so two runs of one second differ.
 */
uint64_t hist_session_new(time_t now, unsigned long salt);

/*
 * The sessions (field 8) met in one stretch of the history (a week), as its
 * lines come in day order: the one rule by which the report and the history
 * count pain per session, not per line. The lines of a session carry its
 * scores, so each is counted once: a caller marks `after` and `before` when
 * it has counted the session's pain after and before.
 */
struct hist_seen {
	uint64_t id;
	bool after, before; /* its pain after and pain before are counted */
};
struct hist_sessions {
	struct hist_seen *s;
	size_t n, cap;
	int64_t stretch; /* of the sessions held */
};

/*
 * The session of a line with id `id` in stretch `stretch`, found or added
 * (a new stretch forgets the sessions of the last); NULL for a line without
 * an id (an older line), which is a session of its own. Start from a zeroed
 * struct; running out of memory exits 71.
 */
struct hist_seen *hist_session_of(struct hist_sessions *ss, int64_t stretch, uint64_t id);
void hist_sessions_free(struct hist_sessions *ss);

/*
 * Local noon of civil day `day` (12:00 exists on every day, whatever the
 * clocks do): the instant `lumbar log --date` gives a past day's lines.
 */
time_t hist_noon(int32_t day);

/* "done", "partial" or "stopped"; and the parse back, 0 or -1. */
const char *hist_result_name(enum hist_result r);
int hist_result_parse(const char *s, enum hist_result *out);

/*
 * Fill *err (when not NULL) with the formatted text followed by ": " and
 * the words for errnum (file_strerror()) when it is not 0. Shared with
 * progress.c.
 */
__attribute__((format(printf, 3, 4))) void hist_set_error(struct hist_error *err, int errnum,
                                                          const char *fmt, ...);

/*
 * The append under hist_append(), shared with the events file: add `len`
 * bytes of whole, newline-ended lines to `path` in one write with O_APPEND,
 * under an advisory lock, then fsync. A new or empty file gets `header`
 * first; a file whose last line was cut short gets a newline first; a write
 * that fails part-way is cut back. Folders are created (0700), the file is
 * 0600. Returns 0, or -1 with *err filled.
 */
int hist_append_text(const char *path, const char *header, const char *text, size_t len,
                     struct hist_error *err);

/*
 * hist_append_text() with the text decided under the lock: `what` is called
 * with the open file (`fd`, readable when the user may read it) and its
 * `size` as they are once the lock is held, and gives the bytes to append
 * (whole lines; `*text` stays the caller's) or 0 bytes for none, or -1 with
 * *err filled to write nothing (lumbar merge: the lines the file lacks).
 */
typedef int hist_append_fn(void *ctx, int fd, size_t size, const char **text, size_t *len,
                           struct hist_error *err);
int hist_append_locked(const char *path, const char *header, hist_append_fn *what, void *ctx,
                       struct hist_error *err);

/* The `#` line that heads a new history file. */
extern const char hist_header[];

/*
 * Parse a timestamp as the history writes it (`YYYY-MM-DDTHH:MM:SS+HH:MM`,
 * `-HH:MM` or `Z`) into its civil day and instant. Returns NULL, or what is
 * wrong. Shared with the events file.
 */
const char *hist_parse_time(const char *s, size_t len, int32_t *day, time_t *when);

/*
 * Split a line at its tabs: the first `max` fields into f and fl (start and
 * length). Returns how many fields the line has, which may exceed max.
 */
unsigned hist_split(const char *s, size_t len, const char **f, size_t *fl, unsigned max);

/* A civil date `YYYY-MM-DD` into a day number. Returns 0, or -1. */
int hist_parse_day(const char *s, size_t len, int32_t *day);

/* A score field: `-` (HIST_NO_PAIN) or 0..10. Returns 0, or -1. */
int hist_parse_score(const char *s, size_t len, int *out);

/* A step field: `-`, `K/N` or a level name. Returns 0, or -1. */
int hist_parse_step(const char *s, size_t len, struct hist_step *st);

/*
 * The pain, pain-before and step fields of `e` as its history line writes
 * them (`-` for none), for the progress file's entries (progress.h).
 */
void hist_format_fields(const struct hist_entry *e, char pain[8], char before[8], char step[16]);

/*
 * Copy a field into a message with unprintable bytes shown as '?', cut with
 * "..." to fit dlen (at least 8).
 */
void hist_quote(char *dst, size_t dlen, const char *s, size_t len);

#endif
