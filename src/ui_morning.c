/*
 * ui_morning.c - the morning check-in (issue 12 §5): the first time lumbar
 * opens its menu before noon on a day that follows a day with a session,
 * "Back pain this morning? 0-10" over the menu. A number then Enter records
 * a morning event; Enter alone, q or Esc (whatever was typed) records one
 * with `-`, so the question comes once a day. When it is due is events.h's
 * ev_morning_due(); config.yaml's ask_morning: false and --no-ask turn it
 * off. `lumbar checkin N` records the same from a script.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ui_draw.h"
#include "ui_priv.h"
#include "words.h"

/* What is typed so far. */
static struct ui_score typed;

bool ui_morning_at_start(struct ui *ui, time_t now)
{
	const struct ev_log *ev = ui_events(ui);

	/* Without a readable events file the answer could not be kept. */
	if (!ui->opt->ask || !ui->opt->ask_morning || !ev || !ui->hist_ok ||
	    !ev_morning_due(&ui->rec->h, ev, now))
		return false;
	ui_score_clear(&typed);
	ui->screen = UI_SCREEN_MORNING;
	return true;
}

const struct ui_score *ui_morning_typed(void)
{
	return &typed;
}

void ui_morning_draw(struct ui *ui)
{
	char question[64], q[80], keys[128];

	ui_menu_draw(ui);
	words_pain_question(words_q_morning, false, question, sizeof(question));
	/* Wrapped on a narrow screen, so the digits typed always show. */
	snprintf(q, sizeof(q), "%s  %s", question, typed.text);
	ui_draw_question_typed(q);
	move(LINES - 1, 0);
	clrtoeol();
	/* The scale's anchors lead the key line, as every pain question gives them. */
	snprintf(keys, sizeof(keys), "%s  Enter: record  Enter alone: skip for today",
	         words_pain_anchors);
	ui_draw_text(LINES - 1, 0, COLS, keys, ui_draw_attr(UI_ROLE_DIM));
}

void ui_morning_key(struct ui *ui, enum ui_action action)
{
	int score = ui_score_value(&typed);

	if (ui_score_key(&typed, ui, action))
		return;
	/* q and Esc skip, whatever was typed; Enter records what was. */
	if (action == UI_ACT_QUIT)
		score = HIST_NO_PAIN;
	if (action == UI_ACT_BACK || action == UI_ACT_QUIT) {
		ui->screen = UI_SCREEN_MENU;
		if (ui_events_add(ui, EV_MORNING, score, ui_wall_now(ui)) == 0 &&
		    score != HIST_NO_PAIN)
			ui_status(ui, false, "Back pain this morning: %d/10, recorded.", score);
		/* Then a questionnaire, when one is offered today (ui_outcome.c). */
		ui_outcome_at_start(ui, ui_wall_now(ui));
	}
}
