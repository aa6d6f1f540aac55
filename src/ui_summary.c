/*
 * ui_summary.c - the end of a plan: what was done and skipped, the time
 * spent, and the pain question (0-10) whose answer goes to the history with
 * every entry of the plan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curses.h>

#include "events.h"
#include "ui_draw.h"
#include "ui_priv.h"

/* ---- A note (`w`): one line to events.tsv --------------------------------------- */

static struct {
	bool typing;
	char text[EV_MAX_NOTE_BYTES + 1];
	size_t len;
	char said[UI_STATUS_MAX]; /* "Note saved." or why not */
	bool failed;
} note;

static void note_save(const struct ui *ui)
{
	struct ev_event e;
	struct hist_error err;
	char path[4096];

	note.typing = false;
	if (note.len == 0)
		return;
	ev_init(&e, EV_NOTE, time(NULL));
	memcpy(e.note, note.text, note.len + 1);
	note.failed = ev_path(ui->opt->history_path, path, sizeof(path)) != 0 ||
	              ev_append(path, &e, &err) != 0;
	snprintf(note.said, sizeof(note.said), "%s",
	         note.failed ? "Note not saved: cannot write the events file." : "Note saved.");
	if (note.failed && path[0])
		snprintf(note.said, sizeof(note.said), "Note not saved: %s", err.msg);
}

/*
 * The note's keys: `w` starts one, then every printable key is typed into
 * it (at most EV_MAX_NOTE characters, as ev_note_check() says), Backspace
 * erases a character, Enter saves, Esc drops it. Returns whether the key
 * was the note's.
 */
static bool note_key(struct ui *ui, enum ui_action action)
{
	int k = ui->key;

	if (!note.typing) {
		if (action == UI_ACT_BACK || action == UI_ACT_QUIT) {
			note.said[0] = '\0';
			return false;
		}
		if (k != 'w' || !ui->opt->history_path)
			return false;
		note.typing = true;
		note.len = 0;
		note.text[0] = '\0';
		note.said[0] = '\0';
		return true;
	}
	if (k == 27) {
		note.typing = false;
	} else if (k == '\n' || k == '\r' || k == KEY_ENTER) {
		note_save(ui);
	} else if (action == UI_ACT_ERASE) {
		/* A whole UTF-8 character: its continuation bytes, then its lead. */
		while (note.len > 0 && ((unsigned char)note.text[note.len - 1] & 0xc0) == 0x80)
			note.len--;
		if (note.len > 0)
			note.len--;
		note.text[note.len] = '\0';
	} else if (k >= 0x20 && k <= 0xff && k != 0x7f && note.len + 1 < sizeof(note.text)) {
		note.text[note.len] = (char)k;
		if (ev_note_check(note.text, note.len + 1) == NULL)
			note.text[++note.len] = '\0';
		else
			note.text[note.len] = '\0';
	}
	return true;
}

/* The note being typed, or what became of it, and its key on the last row. */
static void draw_note(const struct ui *ui, struct ui_draw_flow *f)
{
	char buf[EV_MAX_NOTE_BYTES + 32];

	if (note.typing) {
		if (LINES >= 12)
			ui_draw_flow_gap(f);
		snprintf(buf, sizeof(buf), "Note: %s_", note.text);
		ui_draw_flow_add(f, NULL, buf, ui_draw_attr(UI_ROLE_TITLE));
		ui_draw_text(LINES - 1, 0, COLS,
		             "Enter: save the note  Esc: drop it  Backspace: erase",
		             ui_draw_attr(UI_ROLE_DIM));
		return;
	}
	if (note.said[0])
		ui_draw_flow_add(f, NULL, note.said,
		                 note.failed ? ui_draw_attr(UI_ROLE_ALERT) : A_NORMAL);
	if (ui->opt->history_path && COLS >= 60)
		ui_draw_right(LINES - 1, "w: write a note", ui_draw_attr(UI_ROLE_DIM));
}

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
	draw_note(ui, &f);
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

	if (note_key(ui, action))
		return;
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
