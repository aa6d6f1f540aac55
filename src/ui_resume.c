/*
 * ui_resume.c - the question at start when a routine was left unfinished
 * ("Resume routine at ...? y/n"): yes plays on from the saved phase, no logs
 * what was done and drops the rest.
 */
#include <stdlib.h>

#include <curses.h>

#include "ui_draw.h"
#include "ui_priv.h"

void ui_resume_draw(struct ui *ui)
{
	/* Over the menu it belongs to; alone when started straight into a routine. */
	if (ui->opt->start == UI_START_MENU)
		ui_menu_draw(ui);
	ui_draw_question(ui->resume_q);
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
