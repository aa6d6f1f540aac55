/*
 * ui_log.c - the history and the progress file as the screens use them:
 * what is read at start, what an exercise leaves behind when it ends, what
 * is written when a routine ends or is quit, and the resume question.
 *
 * No curses here: the screens draw from what this fills in struct ui. The
 * wall clock (time()) is read only to stamp entries and to date the summary;
 * the session itself runs on the monotonic clock in ui.c.
 *
 * The logging policy, in one place:
 *  - An exercise walked to its end (by time or n) is `done`; one left with
 *    s, with q then y, or with Ctrl-C after at least one completed work
 *    phase is `partial`; anything else leaves no entry.
 *  - Entries wait ("pending") until the summary asks for the pain score, then
 *    go to the history in one append carrying that score. Quitting on purpose
 *    writes them at once, without a score.
 *  - A routine (all or due) keeps its pending entries in the progress file,
 *    saved at each phase change, so a killed process or a closed terminal
 *    loses at most the exercise in progress; SIGHUP and SIGTERM therefore
 *    write nothing and leave that file for the next start to offer.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ui_priv.h"

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
	if (!ui->status_line[0]) {
		ui_status(ui, alert, "%s", msg);
		return;
	}
	size_t used = strlen(ui->status_line);
	snprintf(ui->status_line + used, sizeof(ui->status_line) - used, " \u00b7 %s", msg);
	ui->status_alert = ui->status_alert || alert;
}

static void summarize(struct ui *ui)
{
	struct hist_summary sum;

	if (hist_summarize(&ui->hist, ui->opt->cat, time(NULL), &sum) != 0) {
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

static int find_exercise(const struct catalogue *cat, const char *id)
{
	for (unsigned i = 0; i < cat->n_exercises; i++)
		if (strcmp(cat->exercises[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* "Resume routine at Cat-cow, Slow reps, left? y/n", as issue 5 words it. */
static void resume_question(struct ui *ui, const struct prog_state *st)
{
	const struct catalogue *cat = ui->opt->cat;
	const struct cat_exercise *ex = &cat->exercises[find_exercise(cat, st->exercise)];
	const char *set =
	    st->set >= 0 && (unsigned)st->set < ex->n_sets ? ex->sets[st->set].name : "get ready";

	if (st->side != PLAN_SIDE_NONE)
		snprintf(ui->resume_q, sizeof(ui->resume_q), "Resume routine at %s, %s, %s? y/n",
		         ex->name, set, plan_side_name(st->side));
	else
		snprintf(ui->resume_q, sizeof(ui->resume_q), "Resume routine at %s, %s? y/n",
		         ex->name, set);
}

/*
 * A saved routine worth offering: readable, naming exercises that still
 * exist, and whose saved phase is still the same phase of the rebuilt plan.
 * Anything else is ignored with a warning, and the file left where it is.
 */
static void find_resume(struct ui *ui)
{
	struct prog_state *st = malloc(sizeof(*st));
	unsigned idx[CAT_MAX_EXERCISES];
	struct hist_error err;
	struct plan p;
	char msg[UI_STATUS_MAX];
	int rc;

	if (!st)
		return;
	rc = prog_load(ui->prog_file, st, &err);
	if (rc == 1 && prog_resolve(st, ui->opt->cat, idx, &err) == 0) {
		if (plan_build(ui->opt->cat, idx, st->n_exercises, st->level, &p) != 0) {
			free(st);
			return;
		}
		if (prog_check(st, ui->opt->cat, &p, &err) != 0)
			rc = -1;
		plan_free(&p);
	} else if (rc == 1) {
		rc = -1;
	}
	if (rc != 1) {
		/* Under a file there can be no progress file; writable() says why. */
		if (rc < 0 && err.errnum != ENOTDIR) {
			snprintf(msg, sizeof(msg), "%s (left as it is)", err.msg);
			add_status(ui, true, msg);
		}
		free(st);
		return;
	}
	ui->resume = st;
	resume_question(ui, st);
}

void ui_log_init(struct ui *ui)
{
	const char *path = ui->opt->history_path;
	char why[UI_STATUS_MAX - 100], msg[UI_STATUS_MAX];

	ui->prog_file[0] = '\0';
	ui->hist_ok = false;
	if (!path) {
		ui->hist_warning = "no history without HOME; use --history-file FILE";
		add_status(ui, false, ui->hist_warning);
		ui_menu_update_due(ui);
		return;
	}
	if (prog_path(path, ui->prog_file, sizeof(ui->prog_file)) != 0)
		ui->prog_file[0] = '\0';
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
	free(ui->resume);
	ui->resume = NULL;
}

void ui_log_check_day(struct ui *ui)
{
	if (ui->hist_ok && hist_today(time(NULL)) != ui->hist_sum.today)
		summarize(ui);
}

/* ---- While playing ---------------------------------------------------------- */

static void save_progress(struct ui *ui)
{
	const struct session *s = &ui->sess;
	struct hist_error err;
	struct prog_state *st;

	if (!ui->routine || !ui->prog_file[0] || s->finished)
		return;
	st = malloc(sizeof(*st));
	if (!st)
		return;
	if (prog_fill(st, ui->routine_name, ui->opt->cat, &ui->plan, s->cur,
	              ui->plan.phases[s->cur].seconds) == 0) {
		for (unsigned i = 0; i < ui->plan.n_exercises; i++)
			if (ui->pend_has[i])
				st->entries[st->n_entries++] = ui->pend[i];
		if (prog_save(ui->prog_file, st, &err) != 0 && !ui->prog_failed) {
			/* Said once: the routine runs on, only resuming is lost. */
			ui->prog_failed = true;
			add_status(ui, true, err.msg);
		}
	}
	free(st);
}

/* Make slot i's entry as the policy says; false when it earns none. */
static bool make_entry(struct ui *ui, unsigned i, bool leaving)
{
	const struct sess_stat *st = &ui->sess.stats[i];
	struct hist_entry *e = &ui->pend[i];
	const char *id = ui->opt->cat->exercises[ui->plan.exercises[i]].id;

	if (st->ended && !st->skipped && !leaving)
		e->status = HIST_DONE;
	else if (st->work_done >= 1)
		e->status = HIST_PARTIAL;
	else
		return false;
	snprintf(e->id, sizeof(e->id), "%s", id);
	e->when = time(NULL);
	e->active_s = (unsigned)((st->active_ms + 500) / 1000);
	e->pain = HIST_NO_PAIN;
	e->pain_before = HIST_NO_PAIN;
	e->step.kind = HIST_STEP_NONE;
	e->day = 0;
	e->line = 0;
	return true;
}

/*
 * Look at every slot: one that has just ended gets its entry (replacing
 * one it had, when it was gone back into with p and ended again); one that
 * was reopened is looked at again when it next ends.
 */
static void collect(struct ui *ui)
{
	for (unsigned i = 0; i < ui->plan.n_exercises; i++) {
		if (!ui->sess.stats[i].ended) {
			ui->pend_seen[i] = false;
			continue;
		}
		if (ui->pend_seen[i])
			continue;
		ui->pend_seen[i] = true;
		ui->pend_has[i] = make_entry(ui, i, false);
	}
}

void ui_log_begin(struct ui *ui, const struct prog_state *resumed)
{
	memset(ui->pend_has, 0, sizeof(ui->pend_has));
	memset(ui->pend_seen, 0, sizeof(ui->pend_seen));
	ui->pain[0] = '\0';
	ui->pain_done = false;
	ui->saved[0] = '\0';
	ui->saved_failed = false;
	ui->prog_dirty = false;
	if (resumed) {
		/*
		 * Each entry back to the first slot of its exercise without one;
		 * the plan was rebuilt from the same list, so they line up.
		 */
		for (unsigned k = 0; k < resumed->n_entries; k++) {
			for (unsigned i = 0; i < ui->plan.n_exercises; i++) {
				const char *id = ui->opt->cat->exercises[ui->plan.exercises[i]].id;

				if (!ui->pend_has[i] && strcmp(id, resumed->entries[k].id) == 0) {
					ui->pend[i] = resumed->entries[k];
					ui->pend_has[i] = true;
					break;
				}
			}
		}
	}
	save_progress(ui);
}

void ui_log_events(struct ui *ui, unsigned ev)
{
	if (!ui->playing || !(ev & (SESS_EV_PHASE | SESS_EV_EXERCISE | SESS_EV_DONE)))
		return;
	collect(ui);
	if (ev & SESS_EV_PHASE)
		ui->prog_dirty = true;
}

void ui_log_flush(struct ui *ui)
{
	if (!ui->prog_dirty)
		return;
	ui->prog_dirty = false;
	if (ui->playing)
		save_progress(ui);
}

bool ui_log_pending(const struct ui *ui)
{
	if (!ui->playing)
		return false;
	for (unsigned i = 0; i < ui->plan.n_exercises; i++)
		if (ui->pend_has[i])
			return true;
	return false;
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
	unsigned n = 0;

	for (unsigned i = 0; ui->playing && i < ui->plan.n_exercises; i++) {
		if (!ui->pend_has[i])
			continue;
		e[n] = ui->pend[i];
		e[n++].pain = pain;
	}
	if (n == 0 || !ui->opt->history_path)
		return 0;
	if (hist_append(ui->opt->history_path, e, n, &err) != 0) {
		snprintf(ui->saved, sizeof(ui->saved), "Not saved: %s", err.msg);
		ui->saved_failed = true;
		snprintf(ui->exit_note, sizeof(ui->exit_note), "history not saved: %s", err.msg);
		ui_status(ui, true, "history not saved: %s", err.msg);
		return -1;
	}
	memset(ui->pend_has, 0, sizeof(ui->pend_has));
	reload(ui, false);
	return (int)n;
}

static void drop_progress(struct ui *ui)
{
	struct hist_error err;

	if (ui->routine && ui->prog_file[0] && prog_remove(ui->prog_file, &err) != 0)
		add_status(ui, true, err.msg);
}

void ui_log_finish(struct ui *ui, int pain)
{
	int n = write_pending(ui, pain);

	if (n > 0 && pain != HIST_NO_PAIN)
		snprintf(ui->saved, sizeof(ui->saved), "Saved to the history with pain %d.", pain);
	else if (n > 0)
		snprintf(ui->saved, sizeof(ui->saved),
		         "Saved to the history without a pain score.");
	/*
	 * The file goes even when the history could not be written: a finished
	 * routine has nothing left to resume, and the entries are named in the
	 * message.
	 */
	drop_progress(ui);
	ui->pain_done = true;
}

void ui_log_quit(struct ui *ui)
{
	if (!ui->playing)
		return;
	if (!ui->sess.finished) {
		unsigned slot = session_slot(&ui->sess);

		/* An exercise already logged as done keeps its entry when gone back into. */
		if (slot < ui->plan.n_exercises && !ui->pend_has[slot])
			ui->pend_has[slot] = make_entry(ui, slot, true);
	}
	if (!ui->pain_done)
		write_pending(ui, HIST_NO_PAIN);
	drop_progress(ui);
	ui->pain_done = true;
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
	const struct prog_state *st = ui->resume;
	struct hist_error err;

	if (!st)
		return;
	if (st->n_entries && ui->opt->history_path) {
		if (hist_append(ui->opt->history_path, st->entries, st->n_entries, &err) != 0) {
			/* Kept, so the entries are offered again rather than lost. */
			snprintf(ui->exit_note, sizeof(ui->exit_note), "history not saved: %s",
			         err.msg);
			ui_status(ui, true, "history not saved: %s", err.msg);
			free(ui->resume);
			ui->resume = NULL;
			return;
		} else {
			ui_status(ui, false, "Saved %u exercise%s of the interrupted routine.",
			          st->n_entries, st->n_entries == 1 ? "" : "s");
			reload(ui, false);
		}
	}
	if (prog_remove(ui->prog_file, &err) != 0)
		add_status(ui, true, err.msg);
	free(ui->resume);
	ui->resume = NULL;
}
