/*
 * ui_outcome.c - the outcome check-in (issue 22 §2): when the menu opens at
 * start and outcomes.h's out_offer() names a questionnaire for today (the
 * PEG once a week, "My activities" every two weeks), it is asked over the
 * menu, one item at a time: the item's text and the scale's ends, digits
 * then Enter. The answers go to events.tsv as one `outcome` line (its id,
 * its version, the answers in item order; for "My activities" by activity
 * number), as `lumbar checkin --peg` and `lumbar activities rate` write it.
 *
 * Enter alone on the first item, q or Esc on any: the questionnaire is
 * skipped, recorded as an `outcome` line with the note `-` (out_offer()
 * then offers it again every_days later). Enter alone on a later item
 * leaves that item out (`-` in its place). Never before a session: only
 * when the menu opens; config.yaml's ask_outcomes: false and --no-ask turn
 * it off. What is due is the rule's; this screen only asks and records.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "outcomes.h"
#include "questionnaire.h"
#include "ui_draw.h"
#include "ui_priv.h"

static struct {
	bool started;                  /* the check at start was made */
	const struct questionnaire *q; /* the one being asked */
	unsigned n, pos;               /* items to ask, and the one being asked */
	/* "My activities": the active ones, asked in number order. */
	struct out_activity act[OUT_MAX_ACTIVITIES];
	int answers[OUT_MAX_ANSWERS]; /* by item, or by activity number - 1 */
	unsigned n_answers;           /* answers written in the note */
	struct ui_score typed;
} offer;

/* The active activities, at most one questionnaire's items. */
static unsigned active_items(const struct ui *ui, int32_t today)
{
	size_t n = out_active(ui_events(ui), today, offer.act, OUT_MAX_ACTIVITIES);

	return n > Q_MAX_ITEMS ? Q_MAX_ITEMS : (unsigned)n;
}

bool ui_outcome_at_start(struct ui *ui, time_t now)
{
	const struct ev_log *ev = ui_events(ui);
	int32_t today = hist_today(now);
	const struct questionnaire *q;

	if (offer.started)
		return false;
	offer.started = true;
	if (ui->opt->questionnaires_note)
		ui_status_add(ui, true, ui->opt->questionnaires_note);
	/* Without a readable events file the answers could not be kept. */
	if (!ui->opt->ask || !ui->opt->ask_outcomes || !ui->opt->questionnaires || !ev ||
	    !ui->hist_ok)
		return false;
	q = out_offer(ui->opt->questionnaires, ev, today, true, OUT_AT_MENU);
	if (!q)
		return false;
	offer.q = q;
	offer.n = q->max_active ? active_items(ui, today) : q->n_items;
	if (offer.n == 0)
		return false; /* the rule offers activities only while one is active */
	offer.pos = 0;
	offer.n_answers = q->max_active ? offer.act[offer.n - 1].number : q->n_items;
	for (unsigned i = 0; i < offer.n_answers; i++)
		offer.answers[i] = OUT_NO_ANSWER;
	ui_score_clear(&offer.typed);
	ui->screen = UI_SCREEN_OUTCOME;
	return true;
}

/* The text of item `i`: its own, or the activity's number and words. */
static const char *item_text(unsigned i, char *buf, size_t len)
{
	if (!offer.q->max_active)
		return offer.q->item[i].text;
	snprintf(buf, len, "%u. %s", offer.act[i].number, offer.act[i].words);
	return buf;
}

/* The scale's ends for item `i`: an item's own anchors, else the scale's. */
static const struct q_anchors *item_anchors(unsigned i)
{
	return offer.q->max_active ? &offer.q->anchors : &offer.q->item[i].anchors;
}

/*
 * The question as it fits the screen: all of it (title, recall, which item,
 * its text, the scale's ends, what is typed), else without the title, else
 * without the ends' words, else which item and the scale only, so that the
 * digits typed always show, down to the smallest screen.
 */
static const char *question_text(char *buf, size_t len)
{
	const struct questionnaire *q = offer.q;
	const struct q_anchors *a = item_anchors(offer.pos);
	char text[EV_MAX_NOTE_BYTES + 32];
	const char *item = item_text(offer.pos, text, sizeof(text));

	for (int form = 0; form < 4; form++) {
		if (form == 0)
			snprintf(buf, len, "%s, %s (%u of %u): %s (%d %s, %d %s)  %s", q->title,
			         q->recall, offer.pos + 1, offer.n, item, q->min, a->low, q->max,
			         a->high, offer.typed.text);
		else if (form == 1)
			snprintf(buf, len, "(%u of %u) %s (%d %s, %d %s)  %s", offer.pos + 1,
			         offer.n, item, q->min, a->low, q->max, a->high, offer.typed.text);
		else if (form == 2)
			snprintf(buf, len, "(%u of %u) %s (%d-%d)  %s", offer.pos + 1, offer.n,
			         item, q->min, q->max, offer.typed.text);
		else
			snprintf(buf, len, "%u of %u, %d-%d:  %s", offer.pos + 1, offer.n, q->min,
			         q->max, offer.typed.text);
		/* The box's text is the screen's width less a margin each side and the cursor. */
		if (ui_draw_rows(COLS - 3, NULL, buf) <= LINES - 1)
			break;
	}
	return buf;
}

void ui_outcome_draw(struct ui *ui)
{
	const struct questionnaire *q = offer.q;
	char box[Q_MAX_TITLE + Q_MAX_RECALL + EV_MAX_NOTE_BYTES + 2 * Q_MAX_ANCHOR + 96];
	char keys[160];

	ui_menu_draw(ui);
	ui_draw_question_typed(question_text(box, sizeof(box)));
	move(LINES - 1, 0);
	clrtoeol();
	snprintf(keys, sizeof(keys), "%d-%d then Enter: %s  Enter alone: %s  q: skip all", q->min,
	         q->max, offer.pos + 1 < offer.n ? "next" : "record",
	         offer.pos ? "leave out" : "skip");
	ui_draw_text(LINES - 1, 0, COLS, keys, ui_draw_attr(UI_ROLE_DIM));
}

/* Write the outcome line: the answers, or `-` alone when skipped; then the menu. */
static void record(struct ui *ui, bool skipped)
{
	const struct questionnaire *q = offer.q;
	char said[Q_MAX_TITLE + EV_MAX_NOTE_BYTES + 64];
	struct ev_event e;

	ui->screen = UI_SCREEN_MENU;
	ev_init(&e, EV_OUTCOME, ui_wall_now(ui));
	snprintf(e.exercise, sizeof(e.exercise), "%s", q->id);
	snprintf(e.value, sizeof(e.value), "%u", q->version);
	if (!skipped &&
	    out_format_answers(offer.answers, offer.n_answers, e.note, sizeof(e.note)) != 0)
		skipped = true; /* cannot happen: EV_MAX_NOTE_BYTES holds every answer */
	if (ui_events_append(ui, &e) != 0)
		return;
	/* After what is said already: the morning's answer, a questionnaire not read. */
	if (skipped)
		snprintf(said, sizeof(said), "%s: skipped, offered again in %u days.", q->title,
		         q->every_days);
	else
		snprintf(said, sizeof(said), "%s: %s, recorded.", q->title, e.note);
	ui_status_add(ui, false, said);
}

void ui_outcome_key(struct ui *ui, enum ui_action action)
{
	const struct questionnaire *q = offer.q;
	int value = ui_score_value(&offer.typed);

	if (ui_score_key_upto(&offer.typed, ui, action, q->max))
		return;
	if (action == UI_ACT_QUIT) {
		record(ui, true);
		return;
	}
	if (action != UI_ACT_BACK)
		return;
	if (value == HIST_NO_PAIN && offer.pos == 0) {
		record(ui, true);
		return;
	}
	if (value != HIST_NO_PAIN && value < q->min)
		return; /* below the scale: not taken, the digits stay to be erased */
	if (value != HIST_NO_PAIN) {
		unsigned at = q->max_active ? offer.act[offer.pos].number - 1 : offer.pos;
		offer.answers[at] = value;
	}
	ui_score_clear(&offer.typed);
	if (++offer.pos == offer.n)
		record(ui, false);
}
