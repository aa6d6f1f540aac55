/*
 * ui_log.c - the history and the progress file as the screens use them:
 * what is read at start, what is written when a plan ends or is left, the
 * resume question, and the progress file's lock. The rules for what lands in
 * the history are journal.c's; this is the glue that carries them out.
 *
 * No curses here: the screens draw from what this fills in struct ui. The
 * wall clock is read here only, by ui_wall_now(), and handed to the core; the
 * session itself runs on the monotonic clock in ui.c.
 *
 * The progress file:
 *  - A routine (all or due) keeps its pending entries in its progress file,
 *    saved at each phase change, so a killed process or a closed terminal
 *    loses at most the exercise in progress.
 *  - Only the lumbar holding the file's lock writes or removes it: a routine
 *    playing in another terminal is not offered for resume here, and a
 *    routine started here while one plays there is not saved for resume.
 *  - It goes only once its entries are in the history. A final append that
 *    fails leaves it marked ended; a file that can no longer be resumed has
 *    its entries written at the next start; one that cannot be read, or
 *    whose entries cannot be written, is left as it is and never replaced.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "file.h"
#include "ui_priv.h"

int64_t ui_log_wall_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

time_t ui_wall_now(void)
{
	return (time_t)(ui_log_wall_ms() / 1000);
}

/* ---- Reading ------------------------------------------------------------------ */

/* Damaged lines of one load: the first one, and how many in all. */
struct damage {
	unsigned n, line;
	char why[200];
};

static void on_damaged_line(void *ctx, unsigned line, const char *why)
{
	struct damage *d = ctx;

	if (d->n++ == 0) {
		d->line = line;
		snprintf(d->why, sizeof(d->why), "%s", why);
	}
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* Add a note to the status line, after any already there. */
static void add_status(struct ui *ui, bool alert, const char *msg)
{
	ui_status_add(ui, alert, msg);
}

static void summarize(struct ui *ui)
{
	struct hist_summary sum;

	size_t np;
	const struct hist_pause *p = ui_menu_pauses(ui, ui_wall_now(), &np);

	if (hist_summarize_paused(&ui->hist, ui->opt->cat, ui_wall_now(), p, np, &sum) != 0) {
		/* Out of memory: keep the summary there was, if any. */
		add_status(ui, true, "out of memory summarising the history");
		return;
	}
	hist_summary_free(&ui->hist_sum);
	ui->hist_sum = sum;
	ui->hist_ok = true;
	ui_menu_update_due(ui);
}

/*
 * Read the history and summarise it. Damaged lines are reported only when
 * `report` is set (the first load): after a write they are the same lines.
 */
static void reload(struct ui *ui, bool report)
{
	const char *path = ui->opt->history_path;
	struct damage d = { 0 };
	struct hist_error err;
	struct hist h = { 0 };

	if (!path)
		return;
	if (hist_load(path, &h, on_damaged_line, &d, &err) != 0) {
		if (err.errnum == ENOTDIR) {
			/*
			 * A file where a folder should be: no history yet, and none
			 * can be written, which writable() says at start.
			 */
			memset(&h, 0, sizeof(h));
		} else {
			snprintf(ui->hist_warn_buf, sizeof(ui->hist_warn_buf), "%s", err.msg);
			ui->hist_warning = ui->hist_warn_buf;
			if (report)
				add_status(ui, true, err.msg);
			/* Without the file there is nothing true to show. */
			ui->hist_ok = false;
			ui_menu_update_due(ui);
			return;
		}
	}
	hist_free(&ui->hist);
	ui->hist = h;
	ui->hist_warning = NULL;
	if (report && d.n) {
		char msg[UI_STATUS_MAX];

		if (d.n == 1)
			snprintf(msg, sizeof(msg), "%s:%u: %s (skipped)", base_name(path), d.line,
			         d.why);
		else
			snprintf(msg, sizeof(msg), "%s:%u: %s (skipped, and %u more damaged lines)",
			         base_name(path), d.line, d.why, d.n - 1);
		add_status(ui, true, msg);
	}
	summarize(ui);
}

/* "FILE: reason"; a long path is cut, which is all a status line can show. */
static void put_why(char *why, size_t len, const char *what, int errnum)
{
	int n = snprintf(why, len, "%s: %s", what, strerror(errnum));

	if (n >= 0 && (size_t)n >= len && len > 4)
		memcpy(why + len - 4, "...", 4);
}

/*
 * Whether the history could be written, without creating anything (the
 * folder is made on the first write): the file if it exists, else the
 * nearest folder above it that exists. Fills why and returns false when not.
 */
static bool writable(const char *path, char *why, size_t len)
{
	struct stat sb;
	char dir[4096];

	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode)) {
			put_why(why, len, path, EISDIR);
			return false;
		}
		if (access(path, W_OK) != 0) {
			put_why(why, len, path, errno);
			return false;
		}
		return true;
	}
	/* Missing, or under a file (ENOTDIR): the folders above tell. */
	if (errno != ENOENT && errno != ENOTDIR) {
		put_why(why, len, path, errno);
		return false;
	}
	snprintf(dir, sizeof(dir), "%s", path);
	for (;;) {
		char *slash = strrchr(dir, '/');

		if (!slash)
			snprintf(dir, sizeof(dir), ".");
		else if (slash == dir)
			dir[1] = '\0';
		else
			*slash = '\0';
		if (stat(dir, &sb) == 0) {
			if (!S_ISDIR(sb.st_mode)) {
				put_why(why, len, dir, ENOTDIR);
				return false;
			}
			if (access(dir, W_OK | X_OK) != 0) {
				put_why(why, len, dir, errno);
				return false;
			}
			return true;
		}
		if (errno != ENOENT && errno != ENOTDIR) {
			put_why(why, len, dir, errno);
			return false;
		}
		if (!slash || slash == dir)
			return true;
	}
}

/* ---- Resume: what the question says ----------------------------------------- */

/* "Resume routine at Cat-cow, Slow reps, left? y/n", as issue 5 words it. */
static void resume_question(struct ui *ui, const struct prog_state *st)
{
	const struct catalogue *cat = ui->opt->cat;
	const struct cat_exercise *ex = &cat->exercises[cat_find(cat, st->exercise)];
	const char *set =
	    st->set >= 0 && (unsigned)st->set < ex->n_sets ? ex->sets[st->set].name : "get ready";

	if (st->side != PLAN_SIDE_NONE)
		snprintf(ui->resume_q, sizeof(ui->resume_q), "Resume routine at %s, %s, %s? y/n",
		         ex->name, set, plan_side_name(st->side));
	else
		snprintf(ui->resume_q, sizeof(ui->resume_q), "Resume routine at %s, %s? y/n",
		         ex->name, set);
}

/* ---- The progress file and its lock ----------------------------------------- */

/*
 * The progress file of the history at `history`: in lumbar's state folder,
 * named after the history's absolute path (its folder resolved when it
 * exists). Left empty without a state folder (no HOME): then nothing is
 * resumable, and nothing is written beside the history.
 */
static void find_prog_file(struct ui *ui, const char *history)
{
	if (prog_path_for(history, getenv("XDG_STATE_HOME"), getenv("HOME"), ui->prog_file,
	                  sizeof(ui->prog_file)) != 0)
		ui->prog_file[0] = '\0';
}

static void unlock_progress(struct ui *ui)
{
	prog_unlock(ui->prog_lock);
	ui->prog_lock = -1;
}

/*
 * Take the progress file's lock for a routine about to play. Returns true
 * when this lumbar may write the file: the lock is held, and the file is
 * either the one being resumed or not there (a file nobody has dealt with
 * is never replaced).
 */
static bool claim_progress(struct ui *ui, bool resuming)
{
	struct hist_error err;

	if (!ui->prog_file[0] || ui->prog_off)
		return false;
	if (ui->prog_lock < 0) {
		int fd = prog_lock(ui->prog_file, true, &err);

		if (fd == PROG_LOCK_BUSY) {
			add_status(ui, true,
			           "a routine is running in another terminal; this one cannot be "
			           "resumed");
			return false;
		}
		if (fd < 0) {
			add_status(ui, true, err.msg);
			return false;
		}
		ui->prog_lock = fd;
	}
	if (!resuming && access(ui->prog_file, F_OK) == 0) {
		char msg[UI_STATUS_MAX];

		snprintf(msg, sizeof(msg),
		         "%.600s kept for the next start; this routine cannot be resumed",
		         ui->prog_file);
		add_status(ui, true, msg);
		unlock_progress(ui);
		return false;
	}
	return true;
}

/*
 * Save where the routine stands, with every pending entry; a finished
 * routine is saved as ended. Only with the lock. Returns 0, or -1.
 */
static int save_progress(struct ui *ui)
{
	const struct session *s = &ui->sess;
	struct hist_error err;
	struct prog_state *st;
	int rc = -1;

	if (!ui->routine || ui->prog_lock < 0 || ui->plan.n == 0)
		return -1;
	st = xmalloc(sizeof(*st));
	size_t phase = s->finished ? ui->plan.n - 1 : s->cur;
	if (prog_fill(st, ui->routine_name, ui->opt->cat, &ui->plan, phase,
	              s->finished ? 0 : ui->plan.phases[phase].seconds) == 0) {
		st->ended = s->finished || ui->ended;
		st->n_entries = journal_take(&ui->pend, HIST_NO_PAIN, st->entries);
		st->pain_before = ui->pend.pain_before;
		rc = prog_save(ui->prog_file, st, &err);
		if (rc != 0 && !ui->prog_failed) {
			/* Said once: the routine runs on, only resuming is lost. */
			ui->prog_failed = true;
			add_status(ui, true, err.msg);
		}
	}
	free(st);
	return rc;
}

/* The routine is over: its file goes once its entries are written, else it stays, ended. */
static void end_progress(struct ui *ui, bool written)
{
	struct hist_error err;

	if (!ui->routine || ui->prog_lock < 0)
		return;
	if (written) {
		if (prog_remove(ui->prog_file, &err) != 0)
			add_status(ui, true, err.msg);
	} else if (save_progress(ui) == 0) {
		snprintf(ui->exit_note + strlen(ui->exit_note),
		         sizeof(ui->exit_note) - strlen(ui->exit_note),
		         " (kept in %.600s; written at the next start)", ui->prog_file);
	}
	unlock_progress(ui);
}

/*
 * Append a saved routine's entries and remove its file, or, when the
 * append fails, leave the file for the next start and never replace it.
 * `what` names the routine in the message. Returns true when the file went.
 */
static bool write_saved(struct ui *ui, const struct prog_state *st, const char *what)
{
	struct hist_error err;

	if (st->n_entries) {
		if (hist_append(ui->opt->history_path, st->entries, st->n_entries, &err) != 0) {
			snprintf(ui->exit_note, sizeof(ui->exit_note), "history not saved: %s",
			         err.msg);
			ui_status(ui, true, "history not saved: %s (progress file kept)", err.msg);
			ui->prog_off = true;
			unlock_progress(ui);
			return false;
		}
		char msg[UI_STATUS_MAX];
		snprintf(msg, sizeof(msg), "Saved %u exercise%s of %s.", st->n_entries,
		         st->n_entries == 1 ? "" : "s", what);
		add_status(ui, false, msg);
		reload(ui, false);
	}
	if (prog_remove(ui->prog_file, &err) != 0) {
		add_status(ui, true, err.msg);
		ui->prog_off = true;
	}
	unlock_progress(ui);
	return true;
}

/*
 * A saved routine at start. One playing in another terminal (its lock is
 * held) is only mentioned. One that can be resumed is offered, with the lock
 * held until the answer. One that is ended or can no longer be resumed (the
 * catalogue changed) has its entries written now. One that cannot be read is
 * left as it is, and not replaced by this run.
 */
static void find_resume(struct ui *ui)
{
	struct prog_state *st = xmalloc(sizeof(*st));
	unsigned idx[CAT_MAX_EXERCISES];
	struct hist_error err, lerr;
	struct plan p;
	char msg[UI_STATUS_MAX];
	int rc;

	rc = prog_load(ui->prog_file, st, &err);
	/* Under a file there can be no progress file; writable() says why. */
	if (rc == 0 || (rc < 0 && err.errnum == ENOTDIR)) {
		free(st);
		return;
	}
	ui->prog_lock = prog_lock(ui->prog_file, false, &lerr);
	if (ui->prog_lock == PROG_LOCK_BUSY) {
		ui->prog_lock = -1;
		ui->prog_off = true;
		add_status(ui, false,
		           "a routine is running in another terminal (not offered here)");
		free(st);
		return;
	}
	if (rc < 0) {
		snprintf(msg, sizeof(msg), "%s (left as it is)", err.msg);
		add_status(ui, true, msg);
		ui->prog_off = true;
		unlock_progress(ui);
		free(st);
		return;
	}
	bool resumable = !st->ended && prog_resolve(st, ui->opt->cat, idx, &err) == 0;
	if (resumable) {
		if (plan_build_dose(ui->opt->cat, idx, st->n_exercises, ui->opt->dose, &p) != 0) {
			unlock_progress(ui);
			free(st);
			return;
		}
		resumable = prog_check(st, ui->opt->cat, &p, &err) == 0;
		plan_free(&p);
	}
	if (resumable) {
		ui->resume = st;
		resume_question(ui, st);
		return;
	}
	if (!st->ended)
		add_status(ui, true, err.msg);
	write_saved(ui, st, st->ended ? "the last routine" : "the routine that cannot be resumed");
	free(st);
}

void ui_log_init(struct ui *ui)
{
	const char *path = ui->opt->history_path;
	char why[UI_STATUS_MAX - 100], msg[UI_STATUS_MAX];

	ui->prog_file[0] = '\0';
	ui->prog_lock = -1;
	ui->hist_ok = false;
	if (!path) {
		ui->hist_warning = "no history without HOME; use --history-file FILE";
		add_status(ui, false, ui->hist_warning);
		ui_menu_update_due(ui);
		return;
	}
	find_prog_file(ui, path);
	reload(ui, true);
	if (!writable(path, why, sizeof(why))) {
		snprintf(msg, sizeof(msg), "history will not be saved: %s", why);
		add_status(ui, true, msg);
	}
	/* A single exercise from the command line has nothing to resume. */
	if (ui->prog_file[0] && ui->opt->start != UI_START_EXERCISE)
		find_resume(ui);
}

void ui_log_free(struct ui *ui)
{
	hist_summary_free(&ui->hist_sum);
	hist_free(&ui->hist);
	ui_events_free();
	free(ui->resume);
	ui->resume = NULL;
	unlock_progress(ui);
}

void ui_log_check_day(struct ui *ui)
{
	if (ui->hist_ok && hist_today(ui_wall_now()) != ui->hist_sum.today)
		summarize(ui);
}

/* ---- While playing ---------------------------------------------------------- */

void ui_log_begin(struct ui *ui, const struct prog_state *resumed)
{
	journal_begin(&ui->pend, ui->opt->cat, &ui->plan, resumed ? resumed->entries : NULL,
	              resumed ? resumed->n_entries : 0);
	/* A resumed routine keeps the score asked when it first started. */
	if (resumed)
		ui->pend.pain_before = resumed->pain_before;
	ui_score_clear(&ui->pain);
	ui->pain_done = false;
	ui->saved[0] = '\0';
	ui->saved_failed = false;
	ui->prog_dirty = false;
	if (ui->routine && claim_progress(ui, resumed != NULL))
		save_progress(ui);
}

void ui_log_events(struct ui *ui, unsigned ev)
{
	if (!ui->playing || !(ev & (SESS_EV_PHASE | SESS_EV_EXERCISE | SESS_EV_DONE)))
		return;
	journal_collect(&ui->pend, ui->opt->cat, &ui->plan, &ui->sess, ui_wall_now());
	if (ev & (SESS_EV_PHASE | SESS_EV_DONE))
		ui->prog_dirty = true;
}

void ui_log_flush(struct ui *ui)
{
	if (!ui->prog_dirty)
		return;
	ui->prog_dirty = false;
	if (ui->playing && !ui->pain_done)
		save_progress(ui);
}

bool ui_log_pending(const struct ui *ui)
{
	return ui->playing && journal_pending(&ui->pend);
}

bool ui_log_awaiting(const struct ui *ui)
{
	return ui->playing && journal_awaiting_score(&ui->pend);
}

void ui_log_pain_before(struct ui *ui, int pain)
{
	ui->pend.pain_before = pain;
	ui->prog_dirty = true; /* so a resumed routine keeps it */
}

unsigned ui_log_stop(struct ui *ui)
{
	unsigned slot = journal_stop(&ui->pend, ui->opt->cat, &ui->plan, &ui->sess, ui_wall_now());

	/* Saved with the routine's progress, so a closed terminal keeps the stop. */
	ui->prog_dirty = true;
	return slot;
}

void ui_log_stop_score(struct ui *ui, unsigned slot, int pain)
{
	journal_stop_score(&ui->pend, slot, pain);
}

bool ui_log_stopped(const struct ui *ui, unsigned slot, int *pain)
{
	return ui->playing && journal_stopped(&ui->pend, slot, pain);
}

/* ---- Writing ------------------------------------------------------------------ */

/*
 * Append every pending entry with `pain`, in one write. Returns the number
 * written (0 when none were waiting) or -1, with ui->saved telling which.
 */
static int write_pending(struct ui *ui, int pain)
{
	struct hist_entry e[CAT_MAX_EXERCISES];
	struct hist_error err;
	unsigned n = ui->playing ? journal_take(&ui->pend, pain, e) : 0;

	if (n == 0 || !ui->opt->history_path)
		return 0;
	if (hist_append(ui->opt->history_path, e, n, &err) != 0) {
		snprintf(ui->saved, sizeof(ui->saved), "Not saved: %s", err.msg);
		ui->saved_failed = true;
		snprintf(ui->exit_note, sizeof(ui->exit_note), "history not saved: %s", err.msg);
		ui_status(ui, true, "history not saved: %s", err.msg);
		return -1;
	}
	journal_written(&ui->pend);
	reload(ui, false);
	return (int)n;
}

void ui_log_finish(struct ui *ui, int pain)
{
	int n = write_pending(ui, pain);

	if (n > 0 && pain != HIST_NO_PAIN)
		snprintf(ui->saved, sizeof(ui->saved), "Saved to the history with pain %d.", pain);
	else if (n > 0)
		snprintf(ui->saved, sizeof(ui->saved),
		         "Saved to the history without a pain score.");
	end_progress(ui, n >= 0);
	ui->pain_done = true;
}

/* The player is left `way`: what journal_leave() says, carried out. */
static void leave(struct ui *ui, enum journal_way way)
{
	if (!ui->playing || ui->pain_done)
		return;
	/* A session ended with e is at its summary: as finished. */
	if (ui->ended)
		way = JOURNAL_FINISHED;
	if (journal_leave(&ui->pend, ui->opt->cat, &ui->plan, &ui->sess, ui->routine, way,
	                  ui_wall_now()) == JOURNAL_KEEP) {
		save_progress(ui);
		unlock_progress(ui);
		return;
	}
	end_progress(ui, write_pending(ui, HIST_NO_PAIN) >= 0);
	ui->pain_done = true;
}

void ui_log_quit(struct ui *ui)
{
	leave(ui, JOURNAL_QUIT);
}

void ui_log_exit(struct ui *ui)
{
	switch (ui->status) {
	case 130:
		leave(ui, JOURNAL_INTERRUPT);
		break;
	case 129:
		leave(ui, JOURNAL_HANGUP);
		break;
	case 131: /* SIGQUIT is treated as SIGTERM */
	case 143:
		leave(ui, JOURNAL_TERM);
		break;
	default:
		break;
	}
}

void ui_log_resume_yes(struct ui *ui)
{
	const struct prog_state *st = ui->resume;
	unsigned idx[CAT_MAX_EXERCISES];
	struct hist_error err;

	if (!st || prog_resolve(st, ui->opt->cat, idx, &err) != 0)
		return;
	ui_play_at(ui, idx, st->n_exercises, st->level, st->routine, st->phase, st);
	free(ui->resume);
	ui->resume = NULL;
}

void ui_log_resume_no(struct ui *ui)
{
	if (!ui->resume)
		return;
	write_saved(ui, ui->resume, "the interrupted routine");
	free(ui->resume);
	ui->resume = NULL;
}
