/*
 * ui_log.c - the history as the screens read it, and the glue from the
 * screens to the session's life (app.h): what is read at start, what is
 * read again after app.c wrote, and app.c's notes on the status line. The
 * rules of what is written, when, and the progress file's lock are app.c's
 * and journal.c's; none of them is here.
 *
 * No curses here: the screens draw from what this fills in struct ui. The
 * wall clock is not read here either: ui.c reads it once per turn of its
 * loop into ui->wall_ms.
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

#include "ui_priv.h"

time_t ui_wall_now(const struct ui *ui)
{
	return (time_t)(ui->wall_ms / 1000);
}

/* ---- Reading ------------------------------------------------------------------ */

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
	const struct hist_pause *p = ui_menu_pauses(ui, ui_wall_now(ui), &np);

	if (hist_summarize_paused(&ui->rec->h, ui->opt->cat, ui_wall_now(ui), p, np, &sum) != 0) {
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
 * What the screens load (the same as main's, cmd_verbs.c's derive_steps()):
 * all the history, the events of REC_KINDS_SCREENS, the steps, and a file
 * that cannot be read left empty and said in the record.
 */
static void request(const struct ui *ui, struct rec_request *q, char *events, size_t len)
{
	const char *path = ui->opt->history_path;

	if (!path || ev_path(path, events, len) != 0)
		events[0] = '\0';
	*q = (struct rec_request){
		.history = path,
		.events = events,
		.now = ui_wall_now(ui),
		.since = INT32_MIN,
		.kinds = REC_KINDS_SCREENS,
		.steps = true,
		.partial = true,
	};
}

/* "history.tsv:3: why (skipped, and 2 more damaged lines)" on the status line. */
static void say_named(struct ui *ui, const char *file, const struct rec_named *d)
{
	char msg[UI_STATUS_MAX];

	if (d->n == 0)
		return;
	if (d->n == 1)
		snprintf(msg, sizeof(msg), "%s:%u: %s (skipped)", file, d->line, d->why);
	else
		snprintf(msg, sizeof(msg), "%s:%u: %s (skipped, and %u more damaged lines)", file,
		         d->line, d->why, d->n - 1);
	add_status(ui, true, msg);
}

/*
 * Take in the record as it is now: its events, then its history, and
 * summarise. Damaged lines and files that cannot be read are said only when
 * `report` is set (the first load): after a write they are the same lines.
 */
static void take(struct ui *ui, bool report)
{
	const struct records *r = ui->rec;

	/*
	 * A file where the history's folder should be (ENOTDIR): no history
	 * or events yet, and none can be written, which writable() says.
	 */
	ui->events_ok =
	    ui->opt->history_path && (!r->events_failed || r->events_error.errnum == ENOTDIR);
	if (report && r->events_failed && !ui->events_ok)
		add_status(ui, true, r->events_error.msg);
	if (report)
		say_named(ui, "events.tsv", &r->named_events);
	if (r->history_failed && r->history_error.errnum != ENOTDIR) {
		snprintf(ui->hist_warn_buf, sizeof(ui->hist_warn_buf), "%s", r->history_error.msg);
		ui->hist_warning = ui->hist_warn_buf;
		if (report)
			add_status(ui, true, r->history_error.msg);
		/* Without the file there is nothing true to show. */
		ui->hist_ok = false;
		ui_menu_update_due(ui);
		return;
	}
	ui->hist_warning = NULL;
	if (report)
		say_named(ui, base_name(ui->opt->history_path), &r->named_history);
	summarize(ui);
}

/*
 * Read the record again if a file changed since it was read, or when lines
 * were left out as dated after now, whose time may have come (true when it
 * was read). Only running out of memory fails a partial load, and that
 * exits.
 */
static bool refresh(struct ui *ui)
{
	struct rec_request q;
	struct hist_error err;
	struct records fresh;
	char events[4096];

	if (!ui->opt->history_path)
		return false;
	request(ui, &q, events, sizeof(events));
	if (!ui->rec->future)
		return rec_reload(ui->rec, &q, &err) == 1;
	if (rec_load(&fresh, &q, &err) != 0)
		return false;
	rec_free(ui->rec);
	*ui->rec = fresh;
	return true;
}

void ui_log_reload(struct ui *ui)
{
	if (refresh(ui))
		take(ui, false);
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

/* ---- Start and end ---------------------------------------------------------- */

void ui_log_sync(struct ui *ui)
{
	struct app *a = &ui->app;

	for (unsigned i = 0; i < a->n_notes; i++) {
		if (a->notes[i].replace)
			ui_status(ui, a->notes[i].alert, "%s", a->notes[i].text);
		else
			add_status(ui, a->notes[i].alert, a->notes[i].text);
	}
	a->n_notes = 0;
	if (a->exit_note[0]) {
		snprintf(ui->exit_note, sizeof(ui->exit_note), "%s", a->exit_note);
	}
	if (a->writes != ui->hist_writes) {
		ui->hist_writes = a->writes;
		ui_log_reload(ui);
	}
}

void ui_log_init(struct ui *ui)
{
	const char *path = ui->opt->history_path;
	char why[UI_STATUS_MAX - 100], msg[UI_STATUS_MAX], prog[APP_PATH_MAX];

	ui->hist_ok = false;
	ui->rec = ui->opt->records ? ui->opt->records : &ui->rec_own;
	if (!path ||
	    prog_path_for(path, getenv("XDG_STATE_HOME"), getenv("HOME"), prog, sizeof(prog)) != 0)
		prog[0] = '\0';
	app_init(&ui->app, ui->opt->cat, ui->opt->dose, path, prog);
	if (!path) {
		ui->hist_warning = "no history without HOME; use --history-file FILE";
		add_status(ui, false, ui->hist_warning);
		ui_menu_update_due(ui);
		return;
	}
	if (!ui->opt->records) {
		struct rec_request q;
		struct hist_error err;
		char events[4096];

		request(ui, &q, events, sizeof(events));
		(void)rec_load(ui->rec, &q, &err); /* partial: only memory fails, and exits */
	}
	take(ui, true);
	if (!writable(path, why, sizeof(why))) {
		snprintf(msg, sizeof(msg), "history will not be saved: %s", why);
		add_status(ui, true, msg);
	}
	/* A single exercise from the command line has nothing to resume. */
	if (ui->opt->start != UI_START_EXERCISE)
		app_find_resume(&ui->app);
	ui_log_sync(ui);
}

void ui_log_free(struct ui *ui)
{
	hist_summary_free(&ui->hist_sum);
	rec_free(&ui->rec_own); /* main's is main's to free */
	app_free(&ui->app);
}

void ui_log_check_day(struct ui *ui)
{
	if (refresh(ui))
		take(ui, false);
	else if (ui->hist_ok && hist_today(ui_wall_now(ui)) != ui->hist_sum.today)
		summarize(ui);
}

void ui_log_finish(struct ui *ui, int pain)
{
	app_finish(&ui->app, pain);
	ui_log_sync(ui);
}

void ui_log_quit(struct ui *ui)
{
	app_leave(&ui->app, JOURNAL_QUIT, ui_wall_now(ui));
	ui_log_sync(ui);
}

void ui_log_exit(struct ui *ui)
{
	if (ui->status <= 128)
		return;
	app_signal(&ui->app, ui->status - 128, ui_wall_now(ui));
	ui_log_sync(ui);
}

void ui_log_resume_yes(struct ui *ui)
{
	/* One that cannot be rebuilt after all is left to the resume screen to carry on. */
	if (ui->app.resume && app_resume_yes(&ui->app, ui->now) == 0)
		ui_play_shown(ui, 0);
}

void ui_log_resume_no(struct ui *ui)
{
	app_resume_no(&ui->app);
	ui_log_sync(ui);
}
