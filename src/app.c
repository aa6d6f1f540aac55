/*
 * app.c - a session's life apart from the screens; the rules are in app.h,
 * the rules of each history entry in journal.h.
 */
#include "app.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"

/* ---- Notes for the front end ------------------------------------------------ */

__attribute__((format(printf, 4, 5))) static void note(struct app *a, bool alert, bool replace,
                                                       const char *fmt, ...)
{
	struct app_note *n;
	va_list ap;

	if (a->n_notes == APP_MAX_NOTES) {
		/* The oldest goes: the front end has not looked for a while. */
		memmove(a->notes, a->notes + 1, sizeof(a->notes[0]) * (APP_MAX_NOTES - 1));
		a->n_notes--;
	}
	n = &a->notes[a->n_notes++];
	n->alert = alert;
	n->replace = replace;
	va_start(ap, fmt);
	vsnprintf(n->text, sizeof(n->text), fmt, ap);
	va_end(ap);
}

/* ---- Set-up ------------------------------------------------------------------- */

void app_init(struct app *a, const struct catalogue *cat, const struct plan_dose *dose,
              const char *history_path, const char *prog_file)
{
	memset(a, 0, sizeof(*a));
	a->cat = cat;
	a->dose = dose;
	a->history_path = history_path;
	a->prog_lock = -1;
	snprintf(a->prog_file, sizeof(a->prog_file), "%s",
	         history_path && prog_file ? prog_file : "");
}

static void unlock_progress(struct app *a)
{
	prog_unlock(a->prog_lock);
	a->prog_lock = -1;
}

void app_drop(struct app *a)
{
	if (a->playing) {
		session_free(&a->sess);
		plan_free(&a->plan);
		a->playing = false;
	}
}

void app_free(struct app *a)
{
	app_drop(a);
	free(a->resume);
	a->resume = NULL;
	unlock_progress(a);
}

/* ---- The progress file and its lock ------------------------------------------ */

/*
 * Take the progress file's lock for a routine about to play. Returns true
 * when this lumbar may write the file: the lock is held, and the file is
 * either the one being resumed or not there (a file nobody has dealt with
 * is never replaced).
 */
static bool claim_progress(struct app *a, bool resuming)
{
	struct hist_error err;

	if (!a->prog_file[0] || a->prog_off)
		return false;
	if (a->prog_lock < 0) {
		int fd = prog_lock(a->prog_file, true, &err);

		if (fd == PROG_LOCK_BUSY) {
			note(
			    a, true, false,
			    "a routine is running in another terminal; this one cannot be resumed");
			return false;
		}
		if (fd < 0) {
			note(a, true, false, "%s", err.msg);
			return false;
		}
		a->prog_lock = fd;
	}
	if (!resuming && access(a->prog_file, F_OK) == 0) {
		note(a, true, false,
		     "%.600s kept for the next start; this routine cannot be resumed",
		     a->prog_file);
		unlock_progress(a);
		return false;
	}
	return true;
}

/*
 * Save where the routine stands, with every pending entry; a finished
 * routine is saved as ended. Only with the lock. Returns 0, or -1.
 */
static int save_progress(struct app *a)
{
	const struct session *s = &a->sess;
	struct hist_error err;
	struct prog_state *st;
	int rc = -1;

	if (!a->routine || a->prog_lock < 0 || a->plan.n == 0)
		return -1;
	st = xmalloc(sizeof(*st));
	/* Nothing left to play (finished, or the last exercise stopped): saved as ended. */
	size_t phase = journal_resume_phase(&a->pend, &a->plan, s);
	bool over = phase >= a->plan.n;
	if (over)
		phase = a->plan.n - 1;
	if (prog_fill(st, a->routine_name, a->cat, &a->plan, phase,
	              over ? 0 : a->plan.phases[phase].seconds) == 0) {
		st->ended = over || a->ended;
		st->n_entries = journal_take(&a->pend, HIST_NO_PAIN, st->entries);
		st->pain_before = a->pend.pain_before;
		rc = prog_save(a->prog_file, st, &err);
		if (rc != 0 && !a->prog_failed) {
			/* Said once: the routine runs on, only resuming is lost. */
			a->prog_failed = true;
			note(a, true, false, "%s", err.msg);
		}
	}
	free(st);
	return rc;
}

/* The routine is over: its file goes once its entries are written, else it stays, ended. */
static void end_progress(struct app *a, bool written)
{
	struct hist_error err;

	if (!a->routine || a->prog_lock < 0)
		return;
	if (written) {
		if (prog_remove(a->prog_file, &err) != 0)
			note(a, true, false, "%s", err.msg);
	} else if (save_progress(a) == 0) {
		size_t len = strlen(a->exit_note);

		snprintf(a->exit_note + len, sizeof(a->exit_note) - len,
		         " (kept in %.600s; written at the next start)", a->prog_file);
	}
	unlock_progress(a);
}

/*
 * Append a saved routine's entries and remove its file, or, when the
 * append fails, leave the file for the next start and never replace it.
 * `what` names the routine in the message. Returns true when the file went.
 */
static bool write_saved(struct app *a, const struct prog_state *st, const char *what)
{
	struct hist_error err;
	struct hist_entry e[CAT_MAX_EXERCISES];
	/* A progress file keeps no session id: its lines become one session of their own. */
	uint64_t session = st->n_entries ? hist_session_new(st->entries[0].when, 0) : 0;

	for (unsigned i = 0; i < st->n_entries && i < CAT_MAX_EXERCISES; i++) {
		e[i] = st->entries[i];
		if (e[i].session == 0)
			e[i].session = session;
	}
	if (st->n_entries) {
		if (hist_append(a->history_path, e, st->n_entries, &err) != 0) {
			snprintf(a->exit_note, sizeof(a->exit_note), "history not saved: %s",
			         err.msg);
			note(a, true, true, "history not saved: %s (progress file kept)", err.msg);
			a->prog_off = true;
			unlock_progress(a);
			return false;
		}
		a->writes++;
		note(a, false, false, "Saved %u exercise%s of %s.", st->n_entries,
		     st->n_entries == 1 ? "" : "s", what);
	}
	if (prog_remove(a->prog_file, &err) != 0) {
		note(a, true, false, "%s", err.msg);
		a->prog_off = true;
	}
	unlock_progress(a);
	return true;
}

void app_find_resume(struct app *a)
{
	struct prog_state *st;
	unsigned idx[CAT_MAX_EXERCISES];
	struct hist_error err, lerr;
	struct plan p;
	int rc;

	if (!a->prog_file[0])
		return;
	st = xmalloc(sizeof(*st));
	rc = prog_load(a->prog_file, st, &err);
	/* Under a file there can be no progress file; the history's check says why. */
	if (rc == 0 || (rc < 0 && err.errnum == ENOTDIR)) {
		free(st);
		return;
	}
	a->prog_lock = prog_lock(a->prog_file, false, &lerr);
	if (a->prog_lock == PROG_LOCK_BUSY) {
		a->prog_lock = -1;
		a->prog_off = true;
		note(a, false, false,
		     "a routine is running in another terminal (not offered here)");
		free(st);
		return;
	}
	if (rc < 0) {
		note(a, true, false, "%s (left as it is)", err.msg);
		a->prog_off = true;
		unlock_progress(a);
		free(st);
		return;
	}
	bool resumable = !st->ended && prog_resolve(st, a->cat, idx, &err) == 0;
	if (resumable) {
		if (plan_build_dose(a->cat, idx, st->n_exercises, a->dose, &p) != 0) {
			unlock_progress(a);
			free(st);
			return;
		}
		resumable = prog_check(st, a->cat, &p, &err) == 0;
		plan_free(&p);
	}
	if (resumable) {
		a->resume = st;
		return;
	}
	if (!st->ended)
		note(a, true, false, "%s", err.msg);
	write_saved(a, st, st->ended ? "the last routine" : "the routine that cannot be resumed");
	free(st);
}

/* ---- Playing -------------------------------------------------------------------- */

/*
 * The session begins: only now does a routine take its progress file, so
 * one left at its pain-before question leaves nothing to resume (issue 18,
 * item 11).
 */
static void begin(struct app *a, bool resuming)
{
	a->begun = true;
	if (a->routine && claim_progress(a, resuming))
		save_progress(a);
}

int app_play(struct app *a, const unsigned *exercises, unsigned n, const char *routine,
             size_t first, const struct prog_state *resumed, bool ask_before, int64_t now_ms)
{
	app_drop(a);
	if (plan_build_dose(a->cat, exercises, n, a->dose, &a->plan) != 0)
		return -1;
	if (session_init(&a->sess, &a->plan, first, now_ms) != 0) {
		plan_free(&a->plan);
		return -1;
	}
	a->playing = true;
	a->session = 0; /* each plan played is a session of its own */
	a->routine = routine != NULL;
	snprintf(a->routine_name, sizeof(a->routine_name), "%s", routine ? routine : "");
	a->ended = false;
	a->done = false;
	a->begun = false;
	a->saved[0] = '\0';
	a->saved_failed = false;
	a->no_score = false;
	a->prog_dirty = false;
	journal_begin(&a->pend, a->cat, &a->plan, resumed ? resumed->entries : NULL,
	              resumed ? resumed->n_entries : 0);
	/* A resumed routine keeps the score asked when it first started. */
	if (resumed)
		a->pend.pain_before = resumed->pain_before;
	/* Asked when it first started, a resumed routine begins at once. */
	if (!a->sess.finished && !resumed && ask_before)
		session_pause(&a->sess, now_ms); /* the clock waits for the answer */
	else
		begin(a, resumed != NULL);
	return 0;
}

void app_begin(struct app *a, int pain_before, int64_t now_ms)
{
	if (!a->playing || a->begun)
		return;
	a->pend.pain_before = pain_before;
	begin(a, false);
	if (a->sess.paused)
		session_resume(&a->sess, now_ms);
}

bool app_begun(const struct app *a)
{
	return a->playing && a->begun;
}

/* After any session call: exercises that have just ended become pending entries. */
/*
 * The lines one run writes share one session id (history field 8), made
 * from the first time an entry is stamped and the process id: the report
 * counts them as one session.
 */
static void stamp_session(struct app *a, time_t wall)
{
	if (a->session == 0)
		a->session = hist_session_new(wall, (unsigned long)getpid());
}

static unsigned events(struct app *a, unsigned ev, time_t wall)
{
	if (!a->playing || !(ev & (SESS_EV_PHASE | SESS_EV_EXERCISE | SESS_EV_DONE)))
		return ev;
	journal_collect(&a->pend, a->cat, &a->plan, &a->sess, wall);
	stamp_session(a, wall);
	if (ev & (SESS_EV_PHASE | SESS_EV_DONE))
		a->prog_dirty = true;
	return ev;
}

unsigned app_tick(struct app *a, int64_t now_ms, time_t wall)
{
	if (!a->playing || a->sess.finished)
		return 0;
	return events(a, session_tick(&a->sess, now_ms), wall);
}

unsigned app_next(struct app *a, int64_t now_ms, time_t wall)
{
	return a->playing ? events(a, session_next(&a->sess, now_ms), wall) : 0;
}

unsigned app_prev(struct app *a, int64_t now_ms, time_t wall)
{
	return a->playing ? events(a, session_prev(&a->sess, now_ms), wall) : 0;
}

unsigned app_skip(struct app *a, int64_t now_ms, time_t wall)
{
	return a->playing ? events(a, session_skip_exercise(&a->sess, now_ms), wall) : 0;
}

void app_pause(struct app *a, int64_t now_ms)
{
	if (a->playing)
		session_pause(&a->sess, now_ms);
}

void app_unpause(struct app *a, int64_t now_ms)
{
	if (a->playing && a->sess.paused)
		session_resume(&a->sess, now_ms);
}

void app_toggle_pause(struct app *a, int64_t now_ms)
{
	if (a->playing)
		session_toggle_pause(&a->sess, now_ms);
}

/* ---- Stops ------------------------------------------------------------------------- */

unsigned app_stop(struct app *a, int64_t now_ms, time_t wall)
{
	if (!a->playing || a->sess.finished)
		return a->pend.n;
	session_pause(&a->sess, now_ms);
	stamp_session(a, wall);
	unsigned slot = journal_stop(&a->pend, a->cat, &a->plan, &a->sess, wall);
	/* Saved with the routine's progress, so a closed terminal keeps the stop. */
	a->prog_dirty = true;
	return slot;
}

void app_stop_score(struct app *a, unsigned slot, int pain)
{
	journal_stop_score(&a->pend, slot, pain);
	a->prog_dirty = true;
}

unsigned app_stop_next(struct app *a, int64_t now_ms, time_t wall)
{
	unsigned ev = app_skip(a, now_ms, wall);

	app_unpause(a, now_ms);
	return ev;
}

void app_end(struct app *a)
{
	a->ended = true;
}

bool app_quit(struct app *a, time_t wall)
{
	if (!a->playing || a->done || !a->begun || a->sess.finished)
		return app_pending(a);
	/* Quitting writes what journal_leave() says; here it waits for the score. */
	stamp_session(a, wall);
	(void)journal_leave(&a->pend, a->cat, &a->plan, &a->sess, a->routine, JOURNAL_QUIT, wall);
	a->ended = true;
	a->prog_dirty = true;
	return app_pending(a);
}

bool app_stopped(const struct app *a, unsigned slot, int *pain)
{
	return a->playing && journal_stopped(&a->pend, slot, pain);
}

bool app_pending(const struct app *a)
{
	return a->playing && journal_pending(&a->pend);
}

bool app_awaiting(const struct app *a)
{
	return a->playing && journal_awaiting_score(&a->pend);
}

enum app_headline app_headline(const struct app *a)
{
	int pain;

	if (a->ended)
		return APP_SESSION_ENDED;
	/* A session with a stop is never complete (issue 18, item 23). */
	for (unsigned i = 0; i < a->pend.n; i++)
		if (app_stopped(a, i, &pain))
			return APP_SESSION_ENDED;
	return a->routine ? APP_ROUTINE_COMPLETE : APP_EXERCISE_COMPLETE;
}

/* ---- Writing ------------------------------------------------------------------------ */

void app_flush(struct app *a)
{
	if (!a->prog_dirty)
		return;
	a->prog_dirty = false;
	if (a->playing && !a->done)
		save_progress(a);
}

/*
 * Append every pending entry with `pain`, in one write. Returns the number
 * written (0 when none were waiting) or -1, with a->saved telling which.
 */
static int write_pending(struct app *a, int pain)
{
	struct hist_entry e[CAT_MAX_EXERCISES];
	struct hist_error err;
	unsigned n = a->playing ? journal_take(&a->pend, pain, e) : 0;

	if (n == 0 || !a->history_path)
		return 0;
	a->no_score = false;
	for (unsigned i = 0; i < n; i++) {
		a->no_score |= e[i].pain == HIST_NO_PAIN;
		if (e[i].session == 0)
			e[i].session = a->session;
	}
	if (hist_append(a->history_path, e, n, &err) != 0) {
		snprintf(a->saved, sizeof(a->saved), "Not saved: %s", err.msg);
		a->saved_failed = true;
		snprintf(a->exit_note, sizeof(a->exit_note), "history not saved: %s", err.msg);
		note(a, true, true, "history not saved: %s", err.msg);
		return -1;
	}
	journal_written(&a->pend);
	a->writes++;
	return (int)n;
}

void app_finish(struct app *a, int pain)
{
	if (a->done)
		return;
	int n = write_pending(a, pain);

	if (n > 0 && pain != HIST_NO_PAIN)
		snprintf(a->saved, sizeof(a->saved), "Saved to the history with pain %d.", pain);
	else if (n > 0)
		snprintf(a->saved, sizeof(a->saved), "Saved to the history.");
	end_progress(a, n >= 0);
	a->done = true;
}

void app_leave(struct app *a, enum journal_way way, time_t wall)
{
	if (!a->playing || a->done)
		return;
	/* Before the session began nothing was done, and nothing is kept. */
	if (!a->begun) {
		a->done = true;
		return;
	}
	/* A session ended with e is at its summary: as finished. */
	if (a->ended)
		way = JOURNAL_FINISHED;
	stamp_session(a, wall);
	if (journal_leave(&a->pend, a->cat, &a->plan, &a->sess, a->routine, way, wall) ==
	    JOURNAL_KEEP) {
		save_progress(a);
		unlock_progress(a);
		return;
	}
	end_progress(a, write_pending(a, HIST_NO_PAIN) >= 0);
	a->done = true;
}

void app_signal(struct app *a, int sig, time_t wall)
{
	switch (sig) {
	case SIGINT:
		app_leave(a, JOURNAL_INTERRUPT, wall);
		break;
	case SIGHUP:
		app_leave(a, JOURNAL_HANGUP, wall);
		break;
	case SIGTERM:
	case SIGQUIT: /* as SIGTERM: the person wants out, the routine can wait */
		app_leave(a, JOURNAL_TERM, wall);
		break;
	default:
		break;
	}
}

/* ---- Resume ---------------------------------------------------------------------- */

int app_resume_yes(struct app *a, int64_t now_ms)
{
	struct prog_state *st = a->resume;
	unsigned idx[CAT_MAX_EXERCISES];
	struct hist_error err;
	int rc = -1;

	if (!st || prog_resolve(st, a->cat, idx, &err) != 0)
		return -1;
	rc = app_play(a, idx, st->n_exercises, st->routine, st->phase, st, false, now_ms);
	free(a->resume);
	a->resume = NULL;
	return rc;
}

void app_resume_no(struct app *a)
{
	if (!a->resume)
		return;
	write_saved(a, a->resume, "the interrupted routine");
	app_resume_forget(a);
}

void app_resume_forget(struct app *a)
{
	free(a->resume);
	a->resume = NULL;
}
