/*
 * ui_resume.c - the question at start when a routine was left unfinished
 * ("Resume routine at ...? y/n"): yes plays on from the saved phase, no logs
 * what was done and drops the rest.
 */
#include <stdio.h>
#include <stdlib.h>

#include <curses.h>

#include "ui_draw.h"
#include "ui_priv.h"

/* "Resume routine at Cat-cow, Slow reps, left? y/n", as issue 5 words it. */
static void question(const struct ui *ui, const struct prog_state *st, char *buf, size_t len)
{
	const struct catalogue *cat = ui->opt->cat;
	const struct cat_exercise *ex = &cat->exercises[cat_find(cat, st->exercise)];
	const char *set =
	    st->set >= 0 && (unsigned)st->set < ex->n_sets ? ex->sets[st->set].name : "get ready";

	if (st->side != PLAN_SIDE_NONE)
		snprintf(buf, len, "Resume routine at %s, %s, %s? y/n", ex->name, set,
		         plan_side_name(st->side));
	else
		snprintf(buf, len, "Resume routine at %s, %s? y/n", ex->name, set);
}

void ui_resume_draw(struct ui *ui)
{
	char q[CAT_MAX_STRING * 2 + 64];

	/* Over the menu it belongs to; alone when started straight into a routine. */
	if (ui->opt->start == UI_START_MENU)
		ui_menu_draw(ui);
	if (!ui->app.resume)
		return;
	question(ui, ui->app.resume, q, sizeof(q));
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
