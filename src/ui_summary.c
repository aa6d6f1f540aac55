/*
 * ui_summary.c - the end of a plan: what was done and skipped, the time
 * spent, and the pain question (0-10) whose answer goes to the history with
 * every entry of the plan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ui_draw.h"
#include "ui_priv.h"

/* Whether the summary is still asking for the pain score. */
static bool asking(const struct ui *ui)
{
	return !ui->pain_done && ui->opt->history_path && ui_log_pending(ui);
}

/* The question and its answer, or what became of it, at the flow's end. */
static void draw_pain(const struct ui *ui, struct ui_draw_flow *f)
{
	static const char q[] = "How is your back now? 0-10";
	char buf[UI_STATUS_MAX + 64];

	if (LINES >= 12)
		ui_draw_flow_gap(f);
	if (asking(ui)) {
		int y = f->top + f->row - f->scroll;

		snprintf(buf, sizeof(buf), "%s  %s", q, ui->pain);
		ui_draw_flow_add(f, NULL, buf, ui_draw_attr(UI_ROLE_TITLE));
		/* A visible cursor after what is typed, drawn as a block. */
		if (y >= f->top && y < f->bottom) {
			int x = f->x + ui_draw_width(buf);

			if (x < f->x + f->w)
				ui_draw_text(y, x, 1, " ", A_REVERSE);
		}
	} else if (ui->pain_done && ui->saved[0]) {
		ui_draw_flow_add(f, NULL, ui->saved,
		                 ui->saved_failed ? ui_draw_attr(UI_ROLE_ALERT) : A_NORMAL);
	} else if (!ui->opt->history_path) {
		ui_draw_flow_add(f, NULL, "Not logged: no history without HOME.",
		                 ui_draw_attr(UI_ROLE_DIM));
	} else if (!ui_log_pending(ui) && !ui->pain_done) {
		ui_draw_flow_add(f, NULL, "Nothing to log: no work phase was completed.",
		                 ui_draw_attr(UI_ROLE_DIM));
	}
}

void ui_summary_draw(struct ui *ui)
{
	const struct session *s = &ui->sess;
	const struct catalogue *cat = ui->opt->cat;
	struct ui_draw_flow f = { .top = 0, .bottom = LINES - 1, .x = 2, .w = COLS - 4 };
	char buf[CAT_MAX_STRING + 128], spent[16], planned[16];
	unsigned skipped = 0;
	int64_t active = session_active_ms(s);
	const char *back = ui->opt->start == UI_START_MENU ? "back to the menu" : "exit";

	if (LINES >= 12)
		f.top = 1;
	ui_draw_flow_add(&f, NULL, ui->routine ? "Routine complete" : "Exercise complete",
	                 ui_draw_attr(UI_ROLE_WORK));
	if (LINES >= 12)
		ui_draw_flow_gap(&f);
	snprintf(buf, sizeof(buf), "Time spent: %s (planned %s)",
	         ui_clock((unsigned)((active + 500) / 1000), spent),
	         ui_clock(ui->plan.total, planned));
	ui_draw_flow_add(&f, NULL, buf, A_NORMAL);

	for (unsigned i = 0; i < ui->plan.n_exercises; i++)
		if (s->stats[i].skipped || s->stats[i].work_skipped)
			skipped++;
	if (!skipped) {
		ui_draw_flow_add(&f, NULL, "Nothing skipped.", A_NORMAL);
	} else {
		ui_draw_flow_add(&f, NULL, "Skipped:", A_NORMAL);
		for (unsigned i = 0; i < ui->plan.n_exercises; i++) {
			const struct sess_stat *st = &s->stats[i];
			const char *name = cat->exercises[ui->plan.exercises[i]].name;

			if (st->skipped)
				snprintf(buf, sizeof(buf), "%s (skipped, %u of %u done)", name,
				         st->work_done, st->work_total);
			else if (st->work_skipped)
				snprintf(buf, sizeof(buf), "%s (%u of %u cut short)", name,
				         st->work_skipped, st->work_total);
			else
				continue;
			ui_draw_flow_add(&f, " - ", buf, A_NORMAL);
		}
	}
	draw_pain(ui, &f);
	if (asking(ui))
		snprintf(buf, sizeof(buf), "0-10 then Enter: save  Enter alone: no score  q: %s",
		         back);
	else
		snprintf(buf, sizeof(buf), "Enter or q: %s", back);
	ui_draw_text(LINES - 1, 0, COLS, buf, ui_draw_attr(UI_ROLE_DIM));
}

/* A digit of the score: kept only while the number stays within 0..10. */
void ui_score_type(char score[3], int digit)
{
	size_t len = strlen(score);
	int value = 0;

	if (len >= 2 || (len == 1 && score[0] == '0'))
		return;
	for (size_t i = 0; i < len; i++)
		value = value * 10 + (score[i] - '0');
	if (value * 10 + digit > HIST_MAX_PAIN)
		return;
	score[len] = (char)('0' + digit);
	score[len + 1] = '\0';
}

void ui_summary_key(struct ui *ui, enum ui_action action)
{
	size_t len = strlen(ui->pain);

	if (!asking(ui)) {
		if (action == UI_ACT_BACK || action == UI_ACT_QUIT) {
			/* Also removes a finished routine's progress file. */
			if (!ui->pain_done)
				ui_log_finish(ui, HIST_NO_PAIN);
			ui_stop(ui);
		}
		return;
	}
	switch (action) {
	case UI_ACT_DIGIT:
		if (ui->key >= '0' && ui->key <= '9')
			ui_score_type(ui->pain, ui->key - '0');
		break;
	case UI_ACT_ERASE:
		if (len)
			ui->pain[len - 1] = '\0';
		break;
	case UI_ACT_BACK:
		ui_log_finish(ui, len ? atoi(ui->pain) : HIST_NO_PAIN);
		break;
	case UI_ACT_QUIT:
		/* Leaving without an answer still logs what was done. */
		ui_log_finish(ui, HIST_NO_PAIN);
		ui_stop(ui);
		break;
	default:
		break;
	}
}
