/*
 * ui_resume.c - the question at start when a routine was left unfinished
 * ("Resume Morning, left today at 07:42, at ...? y/n"): yes plays on from
 * the saved phase, no logs what was done and drops the rest.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#include <curses.h>

#include "ui_draw.h"
#include "ui_priv.h"
#include "words.h"

/* When the routine was left: its progress file's last save; 0 when unknown. */
static time_t left_at(const struct ui *ui)
{
	static const struct prog_state *for_state;
	static time_t when;
	struct stat sb;

	if (for_state != ui->app.resume) {
		for_state = ui->app.resume;
		when = stat(ui->app.prog_file, &sb) == 0 ? sb.st_mtime : 0;
	}
	return when;
}

/*
 * "Resume Morning, left today at 07:42, at Cat-cow, Slow reps, left? y/n":
 * the routine, when it was left and where it resumes (issue 5, issue 19 §3).
 */
void ui_resume_question(const struct ui *ui, const struct prog_state *st, char *buf, size_t len)
{
	const struct catalogue *cat = ui->opt->cat;
	const struct cat_exercise *ex = &cat->exercises[cat_find(cat, st->exercise)];
	const char *set =
	    st->set >= 0 && (unsigned)st->set < ex->n_sets ? ex->sets[st->set].name : "get ready";
	time_t then = left_at(ui);
	char day[48], when[64] = "", side[32] = "";

	if (then)
		snprintf(when, sizeof(when), ", left %s",
		         words_when_left(then, ui_wall_now(ui), day, sizeof(day)));
	if (st->side != PLAN_SIDE_NONE)
		snprintf(side, sizeof(side), ", %s", plan_side_name(st->side));
	snprintf(buf, len, "Resume %s%s, at %s, %s%s? y/n", words_routine_name(cat, st->routine),
	         when, ex->name, set, side);
}

void ui_resume_draw(struct ui *ui)
{
	char q[CAT_MAX_STRING * 2 + 64];

	/* Over the menu it belongs to; alone when started straight into a routine. */
	if (ui->opt->start == UI_START_MENU)
		ui_menu_draw(ui);
	if (!ui->app.resume)
		return;
	ui_resume_question(ui, ui->app.resume, q, sizeof(q));
	ui_draw_question(q);
}

void ui_resume_key(struct ui *ui, enum ui_action action)
{
	switch (action) {
	case UI_ACT_YES:
		ui_log_resume_yes(ui);
		if (!ui->app.playing && !ui->quit) {
			/* The saved routine could not be rebuilt after all: carry on. */
			app_resume_forget(&ui->app);
			ui_start(ui);
		}
		break;
	case UI_ACT_NO:
		ui_log_resume_no(ui);
		ui_start(ui);
		break;
	default:
		break;
	}
}
