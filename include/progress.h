/*
 * progress.h - the resume file: where a running routine stands, so a closed
 * terminal or a killed process can continue at the start of the same phase.
 *
 * The file lives in lumbar's state folder, one per history (prog_path()),
 * and is replaced atomically at each phase change: written to a temporary
 * file in the same folder, fsync'ed, then renamed over the old one, so a
 * reader sees either the old state or the new one, never a mix. A finished
 * or quit routine removes it once its entries are in the history; a lock
 * beside it (prog_lock()) tells a second lumbar that a routine is playing.
 *
 * It is a small text file, one `key value` per line, in this order:
 *
 *   lumbar-progress 1
 *   routine all                       all, due, or an exercise id
 *   level medium                      easy, medium, hard
 *   exercises knee-to-chest cat-cow   the plan's exercises, in order
 *   phase 17                          index of the phase in the plan, or
 *                                     `end` when the routine was finished
 *                                     and only its entries wait
 *   exercise cat-cow                  that phase's exercise ...
 *   kind work                         ... kind, set (-1 for prepare),
 *   set 0                             side and rep, to check that the plan
 *   side left                         rebuilt from the current catalogue
 *   rep 2                             is still the same
 *   left 12                           seconds left when saved
 *   pain-before 4                     the score asked before the routine
 *                                     (issue 12); only when one was given
 *   entry 1795500903 bridge stopped 95 8 4 3/19
 *                                     zero or more: exercises of the
 *                                     routine already finished, stopped or
 *                                     left, not yet in the history, with
 *                                     every field their history line will
 *                                     have (Unix time, id, status, active
 *                                     seconds, pain (a stop's own score;
 *                                     `-` until the summary's), pain-before,
 *                                     step). An entry of the first four
 *                                     fields only (a file from an older
 *                                     lumbar) takes the file's pain-before.
 *
 * The names are spelled here rather than borrowed from the display names
 * of plan.h and catalogue.h, so that the file stays readable whatever the
 * screens come to call things.
 *
 * Storing the list of exercises (and not only the routine's name) matters
 * for `due`: once some exercises are done, the due list is shorter, and the
 * saved phase index would point elsewhere.
 *
 * The `entry` lines carry what the history will get once the routine ends
 * (the history is written in one go, with the pain score asked at the end).
 * Keeping them here means a killed process or a closed terminal loses at
 * most the exercise in progress: the next start either resumes with them or
 * writes them to the history. The time is stored as Unix seconds, not as
 * local text, so a change of time zone in between cannot move it.
 */
#ifndef LUMBAR_PROGRESS_H
#define LUMBAR_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "catalogue.h"
#include "history.h"
#include "plan.h"

enum {
	PROG_MAX_BYTES = 16384, /* a longer file is damaged */
};

struct prog_state {
	char routine[CAT_MAX_ID + 1]; /* "all", "due", or an exercise id */
	enum cat_level level;
	unsigned n_exercises; /* 1..CAT_MAX_EXERCISES */
	char exercises[CAT_MAX_EXERCISES][CAT_MAX_ID + 1];
	size_t phase;                  /* index into the plan */
	char exercise[CAT_MAX_ID + 1]; /* the phase's exercise id */
	enum plan_kind kind;
	int set; /* -1 for prepare */
	enum plan_side side;
	unsigned rep;
	unsigned left_s; /* seconds left in the phase when saved */
	bool ended;      /* the routine was finished: nothing to resume, entries to write */
	int pain_before; /* 0..10, or HIST_NO_PAIN (then no line is written) */

	/*
	 * History entries waiting for the end of the routine, in plan order.
	 * Every field of the history line is stored (issue 18, item 3: a
	 * stop's score and the step survive a closed terminal); a loaded entry
	 * has day and line 0.
	 */
	unsigned n_entries; /* 0..CAT_MAX_EXERCISES */
	struct hist_entry entries[CAT_MAX_EXERCISES];
};

/*
 * The progress path for the history at `history_abs` (an absolute path):
 * `STATE/BASE-HASH.progress` in lumbar's own state folder `state_dir`
 * (`~/.local/state/lumbar` by default), where BASE is the history's file name
 * (its first 64 bytes) and HASH 16 hex digits of a hash of its whole path, so
 * two histories never share one and nothing is put beside a history given
 * with --history-file. Returns 0, or -1 when buf is too small (buf then holds
 * an empty string).
 */
int prog_path(const char *state_dir, const char *history_abs, char *buf, size_t len);

/*
 * The progress file of the history at `history` (as given: relative or
 * absolute): prog_path() in lumbar's state folder (hist_path()'s folder for
 * these XDG_STATE_HOME and HOME), named after the history's absolute path,
 * its folder resolved when it exists. Returns 0, or -1 (buf "") without a
 * state folder (no HOME) or when a path does not fit. Shared by the player
 * and `lumbar status`/`remind` (is a routine playing?).
 */
int prog_path_for(const char *history, const char *xdg_state_home, const char *home, char *buf,
                  size_t len);

/* prog_lock(): another process holds the lock. */
enum { PROG_LOCK_BUSY = -2 };

/*
 * Take the lock that says a routine is playing on the progress file at
 * `path`: an advisory lock (flock) on `PATH.lock`, which is created (mode
 * 0600, folders 0700 when `make_folder`) and never removed. The lock goes with
 * the process, however it ends. Returns the descriptor to pass to
 * prog_unlock(), PROG_LOCK_BUSY when another lumbar holds it, or -1 with
 * *err filled.
 */
int prog_lock(const char *path, bool make_folder, struct hist_error *err);

/* Let go of a lock from prog_lock(); -1 is accepted and does nothing. */
void prog_unlock(int fd);

/*
 * Describe phase `phase` of plan `p` (built from `cat`) for the routine
 * named `routine`, with `left_s` seconds left and no entries (the caller
 * copies its pending entries in afterwards). Returns 0, or -1 when the
 * phase is out of range, the routine name is not an id, or the plan has no
 * or too many exercises (*st then undefined).
 */
int prog_fill(struct prog_state *st, const char *routine, const struct catalogue *cat,
              const struct plan *p, size_t phase, unsigned left_s);

/*
 * Replace the file at `path` with `st`, atomically (temporary file, fsync,
 * rename, then fsync of the folder). Missing folders are created with mode
 * 0700; the file gets mode 0600. Returns 0, or -1 with *err filled and the
 * old file, if any, left as it was. A state the reader would refuse (an
 * entry with a bad id, status, negative time or too many seconds) is
 * refused here too (journal_entry_valid()), and nothing is written. With
 * `ended` set the phase is written as `end`.
 */
int prog_save(const char *path, const struct prog_state *st, struct hist_error *err);

/*
 * Read the file at `path`. Returns 1 and fills *out when it holds a valid
 * state; 0 when there is no file; -1 with *err filled (a warning to show,
 * e.g. `ignoring damaged progress file PATH: line 3: bad level`) when it
 * cannot be read or is damaged (an entry the history would refuse counts
 * as damage). *out is untouched unless 1 is returned.
 */
int prog_load(const char *path, struct prog_state *out, struct hist_error *err);

/*
 * Find the state's exercises in the catalogue: fills idx[0..n_exercises)
 * with catalogue indexes for plan_build(). Returns 0, or -1 with *err filled
 * when one is no longer in the catalogue.
 */
int prog_resolve(const struct prog_state *st, const struct catalogue *cat, unsigned *idx,
                 struct hist_error *err);

/*
 * Check that plan `p`, rebuilt from the state's exercises and level, still
 * has the saved phase: in range, same exercise, kind, set, side and rep.
 * Returns 0, or -1 with *err filled (the catalogue changed meanwhile).
 */
int prog_check(const struct prog_state *st, const struct catalogue *cat, const struct plan *p,
               struct hist_error *err);

/* Remove the file. A missing file is fine. Returns 0, or -1 with *err filled. */
int prog_remove(const char *path, struct hist_error *err);

#endif
