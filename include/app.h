/*
 * app.h - a session's life, whatever the screen: the midend of lumbar (as
 * in Simon Tatham's Puzzles). A front end turns keys and signals into the
 * calls below and draws what the state says; nothing here draws, reads a
 * clock or calls back into a screen. Times are arguments: `now_ms` for the
 * session's monotonic clock, `wall` (Unix seconds) for what is written.
 *
 * The life of a plan:
 *
 *   app_play()  the plan is built; with the pain-before question to ask,
 *               its clock waits and the session has not begun (app_begun())
 *   app_begin() the pain-before score is given: the session begins, and a
 *               routine takes its progress file's lock and saves it
 *   app_tick(), app_next(), app_prev(), app_skip(), app_toggle_pause()
 *               the player; exercises that end become pending entries
 *               (journal.h), and a routine's progress file is saved at each
 *               phase change by app_flush()
 *   app_stop()  x: the exercise is stopped; app_stop_score() its score;
 *               app_stop_next() goes on, app_end() ends the session
 *   app_finish() the end (the summary's pain score, or none): every pending
 *               entry is written in one append, and the progress file goes
 *   app_quit()  q then y in a routine: ended there, its entries wait for
 *               the summary's score (app_finish()); app_leave() q then y
 *               with nothing to ask about, or in one exercise
 *               (JOURNAL_QUIT); app_signal() a signal (journal.h says what
 *               each way out writes)
 *
 * What is written (journal.h has the rules of each entry):
 *  - nothing before the session begins: a routine left at its pain-before
 *    question leaves no progress file and no line;
 *  - a routine (all, due or a named one) keeps its pending entries in its
 *    progress file (progress.h), saved at each phase change, so a killed
 *    process or a closed terminal loses at most the exercise in progress;
 *  - only the lumbar holding the file's lock writes or removes it: a routine
 *    playing in another terminal is not offered for resume here, and a
 *    routine started here while one plays there is not saved for resume;
 *  - a stop stands: a routine left on or after a stop resumes at the next
 *    exercise (journal_resume_phase()); left on the stop screen of its last
 *    exercise, nothing is left to resume and its lines are written at once;
 *  - the file goes only once its entries are in the history. A final append
 *    that fails leaves it marked ended; a file that can no longer be resumed
 *    has its entries written at the next start; one that cannot be read, or
 *    whose entries cannot be written, is left as it is and never replaced;
 *  - every way out of a progress file (resumed then finished, declined,
 *    ended, no longer resumable) writes the same complete lines: the file
 *    holds every field of them.
 *
 * Messages for the person (a warning, "Saved 2 exercises of ...") are queued
 * in `notes` for the front end to show; `saved` says what became of the end.
 */
#ifndef LUMBAR_APP_H
#define LUMBAR_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "catalogue.h"
#include "journal.h"
#include "plan.h"
#include "progress.h"
#include "session.h"

enum {
	APP_MSG_MAX = 800, /* longest message, in bytes */
	APP_MAX_NOTES = 8, /* notes kept until the front end takes them */
	APP_PATH_MAX = 4096,
};

/* A message for the front end's status line. */
struct app_note {
	char text[APP_MSG_MAX];
	bool alert;   /* a warning, not just information */
	bool replace; /* replaces what the status line says, instead of adding to it */
};

/* How the session's summary is headed. */
enum app_headline {
	APP_EXERCISE_COMPLETE, /* one exercise, walked to its end */
	APP_ROUTINE_COMPLETE,  /* a routine, walked to its end */
	APP_SESSION_ENDED,     /* e on the stop screen, or any exercise stopped */
};

struct app {
	const struct catalogue *cat;
	const struct plan_dose *dose;
	const char *history_path;     /* NULL: nothing is written */
	char prog_file[APP_PATH_MAX]; /* "" without a state folder */

	/* The plan being played. */
	bool playing; /* plan and sess are live */
	bool routine; /* a routine, with a progress file; not one exercise */
	bool begun;   /* the pain-before question is answered (or was not asked) */
	bool ended;   /* ended early with e on the stop screen */
	bool done;    /* written (or left) for good: nothing more is written */
	/* "all", "due" or a named routine's id, for the progress file */
	char routine_name[CAT_MAX_ID + 1];
	struct plan plan;
	struct session sess;
	struct journal pend; /* entries waiting for the pain score */

	bool prog_failed; /* saving the progress failed once */
	bool prog_dirty;  /* a phase changed since the last save */
	int prog_lock;    /* the progress file's lock (prog_lock()), or -1 */
	bool prog_off;    /* this run must not write or remove the progress file */

	/* A routine to resume, found by app_find_resume(). */
	struct prog_state *resume;

	/* What became of the end of the plan. */
	char saved[APP_MSG_MAX];
	bool saved_failed;
	bool no_score; /* an entry was written without a pain score (words_no_score) */
	char exit_note[APP_MSG_MAX]; /* for stderr once the terminal is back */
	unsigned writes;             /* history appends so far: a reader reloads when it moves */
	uint64_t session; /* history field 8 of the plan played (0 until an entry is stamped) */

	struct app_note notes[APP_MAX_NOTES];
	unsigned n_notes;
};

/*
 * Start the life of sessions on `cat` with doses `dose`, writing to the
 * history at `history_path` (NULL: nothing is written) with the progress
 * file `prog_file` ("" or NULL: none).
 */
void app_init(struct app *a, const struct catalogue *cat, const struct plan_dose *dose,
              const char *history_path, const char *prog_file);

/* Free the plan, the resume state and the lock. */
void app_free(struct app *a);

/*
 * At start: look at the progress file. One playing in another terminal (its
 * lock is held) is only mentioned. One that can be resumed is kept in
 * a->resume, with the lock held until the answer. One that is ended or can
 * no longer be resumed (the catalogue changed) has its entries written now.
 * One that cannot be read is left as it is, and not replaced by this run.
 */
void app_find_resume(struct app *a);

/*
 * Start playing `n` exercises (catalogue indexes) from phase `first`:
 * build the plan and the session at `now_ms`. `routine` is "all", "due" or
 * a named routine's id for a routine, NULL for one exercise. `resumed` (may
 * be NULL) is a saved state whose entries and pain-before the routine takes
 * over. With `ask_before` (and nothing resumed), the clock waits for
 * app_begin(); otherwise the session begins at once. Returns 0, or -1 when
 * the session cannot be made.
 */
int app_play(struct app *a, const unsigned *exercises, unsigned n, const char *routine,
             size_t first, const struct prog_state *resumed, bool ask_before, int64_t now_ms);

/* The pain-before score (0..10 or HIST_NO_PAIN) is given: the session begins. */
void app_begin(struct app *a, int pain_before, int64_t now_ms);

/* Whether the session has begun (false while the pain-before question waits). */
bool app_begun(const struct app *a);

/*
 * The player's moves at `now_ms`; `wall` stamps the entries of exercises
 * that end. Each returns the session's events (SESS_EV_*) for the hooks.
 */
unsigned app_tick(struct app *a, int64_t now_ms, time_t wall);
unsigned app_next(struct app *a, int64_t now_ms, time_t wall);
unsigned app_prev(struct app *a, int64_t now_ms, time_t wall);
unsigned app_skip(struct app *a, int64_t now_ms, time_t wall);

/* Pause and resume the clock (the player's Space, a question over it, Ctrl-Z). */
void app_pause(struct app *a, int64_t now_ms);
void app_unpause(struct app *a, int64_t now_ms);
void app_toggle_pause(struct app *a, int64_t now_ms);

/*
 * x: stop the exercise in progress, with the clock frozen. Its entry is
 * `stopped` (journal_stop()). Returns its slot, or the plan's exercise
 * count when nothing could be stopped.
 */
unsigned app_stop(struct app *a, int64_t now_ms, time_t wall);

/* The score given after a stop, for slot `slot` (from app_stop()). */
void app_stop_score(struct app *a, unsigned slot, int pain);

/* n after a stop: on to the next exercise (or the summary), running. */
unsigned app_stop_next(struct app *a, int64_t now_ms, time_t wall);

/* e after a stop: the session ends here; the summary follows. */
void app_end(struct app *a);

/*
 * q then y in a routine (issue 19): the session ends here, as with e, and
 * the exercise in progress gets its partial entry when it earned one
 * (journal_leave()); nothing is written yet, so that the summary can ask
 * the end's question ("How is your back now? 0-10") and app_finish() write
 * the entries with its answer. Returns whether anything is pending; when
 * nothing is, the front end leaves with app_leave() as before.
 */
bool app_quit(struct app *a, time_t wall);

/* Whether slot `slot` was stopped in this plan, with its score in *pain. */
bool app_stopped(const struct app *a, unsigned slot, int *pain);

/* Whether entries are waiting to be written. */
bool app_pending(const struct app *a);

/* Whether entries are waiting for the summary's pain score (not only stops). */
bool app_awaiting(const struct app *a);

/* How the summary of the plan is headed. */
enum app_headline app_headline(const struct app *a);

/*
 * Save a routine's progress file when a phase changed since the last save.
 * The front end calls it after its frame is out, so the fsync never delays
 * the screen that announces the new phase.
 */
void app_flush(struct app *a);

/*
 * The end of a plan (the pain question answered or skipped): write the
 * pending entries with `pain` (0..10 or HIST_NO_PAIN) in one append; the
 * progress file of a routine goes once they are written, and stays (marked
 * ended) to be written at the next start when they are not. Fills a->saved.
 */
void app_finish(struct app *a, int pain);

/*
 * The plan is left `way` (q then y, a signal): what journal_leave() says,
 * carried out; the exercise in progress gets its entry stamped `wall`.
 */
void app_leave(struct app *a, enum journal_way way, time_t wall);

/*
 * The program is ended by signal `sig` (the loop's exit status minus 128):
 * SIGINT (also Ctrl-C as a key) as JOURNAL_INTERRUPT, SIGHUP as
 * JOURNAL_HANGUP, SIGTERM and SIGQUIT as JOURNAL_TERM; app_leave() with that
 * way. Any other number does nothing.
 */
void app_signal(struct app *a, int sig, time_t wall);

/* Stop playing: free the plan and the session. */
void app_drop(struct app *a);

/* The answer to the resume question: play on from the saved phase at `now_ms`. */
int app_resume_yes(struct app *a, int64_t now_ms);

/* ... or write what the saved routine holds and drop it. */
void app_resume_no(struct app *a);

/* Forget the routine to resume (it could not be rebuilt). */
void app_resume_forget(struct app *a);

#endif
