/*
 * ui_pain.c - typing a pain score 0-10 (the one input the summary, the
 * pain-before question and the stop screen share), and the pain-before
 * question itself: "How is your back right now? 0-10", asked when a plan
 * starts, before its get-ready. Digits then Enter give the score, Enter
 * alone gives none, q goes back. The answer goes on every history line of
 * the plan.
 */
#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "ui_draw.h"
#include "ui_hooks.h"
#include "ui_priv.h"
#include "words.h"

/* ---- The score ---------------------------------------------------------------- */

void ui_score_clear(struct ui_score *sc)
{
	sc->text[0] = '\0';
}

int ui_score_value(const struct ui_score *sc)
{
	int value = 0;

	if (!sc->text[0])
		return HIST_NO_PAIN;
	for (const char *p = sc->text; *p; p++)
		value = value * 10 + (*p - '0');
	return value;
}

/* A digit: kept only while the number stays within 0..max. */
static void type_digit(struct ui_score *sc, int digit, int max)
{
	size_t len = strlen(sc->text);
	int value = ui_score_value(sc);

	if (len >= sizeof(sc->text) - 1 || (len == 1 && sc->text[0] == '0'))
		return;
	if ((len ? value * 10 + digit : digit) > max)
		return;
	sc->text[len] = (char)('0' + digit);
	sc->text[len + 1] = '\0';
}

bool ui_score_key(struct ui_score *sc, const struct ui *ui, enum ui_action action)
{
	return ui_score_key_upto(sc, ui, action, HIST_MAX_PAIN);
}

bool ui_score_key_upto(struct ui_score *sc, const struct ui *ui, enum ui_action action, int max)
{
	size_t len = strlen(sc->text);

	switch (action) {
	case UI_ACT_DIGIT:
		if (ui->key >= '0' && ui->key <= '9')
			type_digit(sc, ui->key - '0', max);
		return true;
	case UI_ACT_ERASE:
		if (len)
			sc->text[len - 1] = '\0';
		return true;
	default:
		return false;
	}
}

/* The question with what is typed after it. */
static void score_text(char *buf, size_t len, const char *question, const struct ui_score *sc)
{
	snprintf(buf, len, "%s  %s", question, sc->text);
}

void ui_score_flow(struct ui_draw_flow *f, const char *question, const struct ui_score *sc)
{
	char buf[256];

	score_text(buf, sizeof(buf), question, sc);
	/* One column kept for the cursor, so that it follows the text when it wraps. */
	f->w--;
	ui_draw_flow_add(f, NULL, buf, ui_draw_attr(UI_ROLE_TITLE));
	f->w++;
	/* The terminal's cursor after what is typed. */
	ui_draw_focus(f->top + f->row - 1 - f->scroll, f->end_x);
	/* Every pain question gives the scale's anchors (issue 19). */
	ui_draw_flow_add(f, NULL, words_pain_anchors, ui_draw_attr(UI_ROLE_DIM));
}

/* ---- A screen's text on the full screen ------------------------------------ */

static attr_t role_attr(enum ui_text_role role)
{
	switch (role) {
	case UI_TEXT_TITLE:
		return ui_draw_attr(UI_ROLE_TITLE);
	case UI_TEXT_DIM:
		return ui_draw_attr(UI_ROLE_DIM);
	case UI_TEXT_ALERT:
		return ui_draw_attr(UI_ROLE_ALERT);
	case UI_TEXT_HEAD:
		return ui_draw_attr(UI_ROLE_WORK);
	case UI_TEXT_NORMAL:
		break;
	}
	return A_NORMAL;
}

static void flow_add(struct ui_text *t, const char *prefix, const char *text,
                     enum ui_text_role role)
{
	ui_draw_flow_add(t->ctx, prefix, text, role_attr(role));
}

static void flow_gap(struct ui_text *t, bool always)
{
	if (always || LINES >= 12)
		ui_draw_flow_gap(t->ctx);
}

static void flow_ask(struct ui_text *t, const char *question, const struct ui_score *sc)
{
	char q[256];

	ui_score_flow(t->ctx, words_pain_question(question, false, q, sizeof(q)), sc);
}

static void flow_cursor(struct ui_text *t, int back)
{
	const struct ui_draw_flow *f = t->ctx;

	ui_draw_focus(f->top + f->row - 1 - f->scroll, f->end_x - back);
}

struct ui_text ui_flow_text(struct ui_draw_flow *f)
{
	return (struct ui_text){
		.add = flow_add, .gap = flow_gap, .ask = flow_ask, .cursor = flow_cursor, .ctx = f
	};
}

int ui_score_rows(const struct ui_draw_flow *f, const char *question, const struct ui_score *sc)
{
	char buf[256];

	score_text(buf, sizeof(buf), question, sc);
	return ui_draw_rows(f->w - 1, NULL, buf) + ui_draw_rows(f->w, NULL, words_pain_anchors);
}

/* ---- The pain-before question ------------------------------------------------ */

/* What the score is typed into. */
static struct ui_score before;

void ui_pain_open(struct ui *ui)
{
	/* The clock waits for the answer (app_play()): get-ready starts after it. */
	ui_score_clear(&before);
	ui->screen = UI_SCREEN_PAIN;
}

const char *ui_pain_title(const struct ui *ui, char *buf, size_t len)
{
	const struct catalogue *cat = ui->opt->cat;

	if (ui->app.routine)
		words_routine(cat, ui->app.routine_name, ui->app.plan.n_exercises, buf, len);
	else
		snprintf(buf, len, "%s", cat->exercises[ui->app.plan.exercises[0]].name);
	return buf;
}

const struct ui_score *ui_pain_typed(void)
{
	return &before;
}

void ui_pain_draw(struct ui *ui)
{
	struct ui_draw_flow f = { .top = 0, .bottom = LINES - 1, .x = 2, .w = COLS - 4 };
	char buf[CAT_MAX_STRING + 64], question[64];
	int gap = LINES >= 12;

	words_pain_question(words_q_before, false, question, sizeof(question));
	if (LINES >= 12)
		f.top = 2;
	ui_pain_title(ui, buf, sizeof(buf));
	/* A long name is cut, so that the question always shows under it. */
	ui_draw_flow_cut(&f, NULL, buf, A_NORMAL,
	                 f.bottom - f.top - gap - ui_score_rows(&f, question, &before));
	if (gap)
		ui_draw_flow_gap(&f);
	ui_score_flow(&f, question, &before);
	snprintf(buf, sizeof(buf), "0-10 then Enter: start  Enter alone: no score  q: %s",
	         ui->opt->start == UI_START_MENU ? "back to the menu" : "exit");
	ui_draw_text(LINES - 1, 0, COLS, buf, ui_draw_attr(UI_ROLE_DIM));
}

void ui_pain_key(struct ui *ui, enum ui_action action)
{
	if (ui_score_key(&before, ui, action))
		return;
	switch (action) {
	case UI_ACT_START:
		app_begin(&ui->app, ui_score_value(&before), ui->now);
		ui_play_go(ui);
		break;
	case UI_ACT_QUIT:
		/* Nothing was done: nothing is logged, and a routine's progress file goes. */
		ui_log_quit(ui);
		ui_stop(ui);
		break;
	default:
		break;
	}
}
