/*
 * ui_stop.c - the stop key's screen. `x` in the player stops the exercise
 * at once, without a question: the clock freezes, the exercise is logged
 * `stopped` (journal.h) and the hooks hear `stopped`. The screen says
 * "Stopped <exercise>." and asks "Pain now? 0-10" (digits then Enter, Enter
 * alone for no score), then offers n (the next exercise, in a routine),
 * e (end the session, with the summary) and i (when to get help).
 */
#include <stdio.h>

#include <curses.h>

#include "ui_draw.h"
#include "ui_hooks.h"
#include "ui_priv.h"
#include "words.h"

/* The stopped exercise's slot, its score being typed, and whether it was given. */
static unsigned stop_slot;
static struct ui_score now_score;
static bool answered;

void ui_stop_open(struct ui *ui)
{
	if (!ui->app.playing || ui->app.sess.finished)
		return;
	ui->held_by_modal = false;
	stop_slot = app_stop(&ui->app, ui->now, ui_wall_now(ui));
	ui_hooks_stopped(ui->opt, &ui->app.sess);
	ui_score_clear(&now_score);
	answered = false;
	ui->screen = UI_SCREEN_STOP;
}

unsigned ui_stop_context(const struct ui *ui)
{
	(void)ui;
	return answered ? UI_CTX_STOPPED : UI_CTX_STOP;
}

/* The choices after the score, and what the score was, as flow paragraphs. */
static const char *const choice_keys[] = { "n  ", "e  ", "i  " };
static const char *const choice_what[] = { "next exercise", "end the session", "when to get help" };

/*
 * The first choice offered: `n` only in a plan of several exercises (after
 * the last one of a routine it goes on to the summary); a single exercise
 * has no next one to offer.
 */
static size_t first_choice(const struct ui *ui)
{
	return ui->app.plan.n_exercises > 1 ? 0 : 1;
}

static void pain_said(char *buf, size_t len)
{
	int pain = ui_score_value(&now_score);

	if (pain == HIST_NO_PAIN)
		snprintf(buf, len, "Pain now: no score.");
	else
		snprintf(buf, len, "Pain now: %d/10.", pain);
}

const char *ui_stop_title(const struct ui *ui, char *buf, size_t len)
{
	unsigned ex = ui->app.plan.exercises[stop_slot < ui->app.plan.n_exercises ? stop_slot : 0];

	snprintf(buf, len, "Stopped %s.", ui->opt->cat->exercises[ex].name);
	return buf;
}

bool ui_stop_answered(void)
{
	return answered;
}

void ui_stop_text(const struct ui *ui, struct ui_text *t)
{
	char buf[64];

	t->gap(t, false);
	if (!answered) {
		t->ask(t, words_q_stop, &now_score);
		return;
	}
	pain_said(buf, sizeof(buf));
	t->add(t, NULL, buf, UI_TEXT_NORMAL);
	t->gap(t, false);
	for (size_t i = first_choice(ui); i < sizeof(choice_keys) / sizeof(choice_keys[0]); i++)
		t->add(t, choice_keys[i], choice_what[i], UI_TEXT_NORMAL);
}

const char *ui_stop_keys(const struct ui *ui)
{
	if (!answered)
		return "0-10 then Enter: save  Enter alone: no score";
	return first_choice(ui) == 0 ? "n next exercise  e end the session  i when to get help"
	                             : "e end the session  i when to get help";
}

void ui_stop_draw(struct ui *ui)
{
	struct ui_draw_flow f = { .top = 0, .bottom = LINES - 1, .x = 2, .w = COLS - 4 };
	struct ui_text t = ui_flow_text(&f);
	char buf[CAT_MAX_STRING + 64], q[64];
	int gap = LINES >= 12, below;

	if (LINES >= 12)
		f.top = 2;
	/* What comes under the name: the question, or the score and the choices. */
	if (!answered) {
		words_pain_question(words_q_stop, false, q, sizeof(q));
		below = gap + ui_score_rows(&f, q, &now_score);
	} else {
		pain_said(buf, sizeof(buf));
		below = 2 * gap + ui_draw_rows(f.w, NULL, buf);
		for (size_t i = first_choice(ui); i < sizeof(choice_keys) / sizeof(choice_keys[0]);
		     i++)
			below += ui_draw_rows(f.w, choice_keys[i], choice_what[i]);
	}
	/* A long name is cut, so that what comes under it always shows. */
	ui_draw_flow_cut(&f, NULL, ui_stop_title(ui, buf, sizeof(buf)), ui_draw_attr(UI_ROLE_ALERT),
	                 f.bottom - f.top - below);
	ui_stop_text(ui, &t);
	ui_draw_text(LINES - 1, 0, COLS, ui_stop_keys(ui), ui_draw_attr(UI_ROLE_DIM));
}

void ui_stop_key(struct ui *ui, enum ui_action action)
{
	if (!answered) {
		if (ui_score_key(&now_score, ui, action))
			return;
		if (action == UI_ACT_START) {
			app_stop_score(&ui->app, stop_slot, ui_score_value(&now_score));
			answered = true;
		}
		return;
	}
	switch (action) {
	case UI_ACT_NEXT:
		/* On to the next exercise, running (the summary after the last one). */
		if (first_choice(ui) != 0)
			break;
		ui->screen = UI_SCREEN_PLAYER;
		ui_session_events(ui, app_stop_next(&ui->app, ui->now, ui_wall_now(ui)));
		if (ui->app.sess.finished)
			ui_summary_open(ui);
		break;
	case UI_ACT_END:
		app_end(&ui->app);
		ui_summary_open(ui);
		break;
	case UI_ACT_SAFETY:
		ui_safety_open(ui);
		break;
	default:
		break;
	}
}
