/*
 * ui_outcome.c - the outcome check-in (issue 22 §2), for both front ends:
 * when the menu opens at start and outcomes.h's out_offer() names a
 * questionnaire for today (the PEG once a week, "My activities" every two
 * weeks), it is asked over the menu, one item at a time: the item's text
 * and the scale's ends, digits then Enter. The answers go to events.tsv as
 * one `outcome` line (its id, its version, the answers in item order; for
 * "My activities" by activity number), as `lumbar checkin --peg` and
 * `lumbar activities rate` write it.
 *
 * Enter alone on the first item, q or Esc on any: the questionnaire is
 * skipped, recorded as an `outcome` line with the note `-` (out_offer()
 * then offers it again every_days later). Enter alone on a later item
 * leaves that item out (`-` in its place). Never before a session: only
 * when the menu opens; config.yaml's ask_outcomes: false and --no-ask turn
 * it off. What is due is the rule's; this screen only asks and records.
 *
 * "My activities" while none is active asks the person to name one
 * (words typed as the summary's note is, ui_entry.c): Enter writes an
 * `activity` line with the next number, then its first rating is asked as
 * the questionnaire's one item; Enter alone or Esc skips, an `outcome` line
 * `-`, so it comes again every_days later.
 *
 * The flow, the words of each item and what is written are here, once: the
 * full screen draws the question in a box over the menu
 * (ui_outcome_draw()), the line mode (lines.c) says ui_outcome_text() and
 * asks ui_outcome_question() on a line; both hand their keys to
 * ui_outcome_key().
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
	bool naming;           /* "My activities" with none active: its words are typed */
	struct ui_entry words; /* the activity's words */
	unsigned named;        /* the number just named (0: none) */
} offer;

/* The naming question, word for word (issue 22's brief). */
static const char name_question[] = "Name an activity your back makes hard (Enter to skip):";

/* The active activities, at most one questionnaire's items. */
static unsigned active_items(const struct ui *ui, int32_t today)
{
	size_t n = out_active(ui_events(ui), today, offer.act, OUT_MAX_ACTIVITIES);

	return n > Q_MAX_ITEMS ? Q_MAX_ITEMS : (unsigned)n;
}

/* Ask the items of offer.q from the first: its own, or the active activities. */
static void ask_items(const struct ui *ui, int32_t today)
{
	const struct questionnaire *q = offer.q;

	offer.n = q->max_active ? active_items(ui, today) : q->n_items;
	offer.naming = offer.n == 0;
	offer.pos = 0;
	offer.n_answers = offer.naming    ? 0
	                  : q->max_active ? offer.act[offer.n - 1].number
	                                  : q->n_items;
	for (unsigned i = 0; i < offer.n_answers; i++)
		offer.answers[i] = OUT_NO_ANSWER;
	ui_score_clear(&offer.typed);
	ui_entry_clear(&offer.words);
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
	offer.named = 0;
	/* "My activities" with none active: the rule offers it to name one. */
	ask_items(ui, today);
	ui->screen = UI_SCREEN_OUTCOME;
	return true;
}

bool ui_outcome_naming(void)
{
	return offer.naming;
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

const char *ui_outcome_question(enum ui_outcome_form form, char *buf, size_t len)
{
	const struct questionnaire *q = offer.q;
	const struct q_anchors *a;
	char text[EV_MAX_NOTE_BYTES + 32];
	const char *item, *typed = form == UI_OUTCOME_LINE ? "" : offer.typed.text;
	size_t n;

	if (offer.naming) {
		/* The words typed follow: on the full screen, in its box. */
		if (form == UI_OUTCOME_LINE)
			snprintf(buf, len, "%s", name_question);
		else if (form == UI_OUTCOME_FULL)
			snprintf(buf, len, "%s: %s  %s", q->title, name_question, offer.words.text);
		else if (form == UI_OUTCOME_NO_TITLE)
			snprintf(buf, len, "%s  %s", name_question, offer.words.text);
		else
			snprintf(buf, len, "%s:  %s",
			         form == UI_OUTCOME_NO_ANCHORS ? "Name an activity" : "Activity",
			         offer.words.text);
		return buf;
	}
	a = item_anchors(offer.pos);
	item = item_text(offer.pos, text, sizeof(text));
	switch (form) {
	case UI_OUTCOME_FULL:
		snprintf(buf, len, "%s, %s (%u of %u): %s (%d %s, %d %s)  %s", q->title, q->recall,
		         offer.pos + 1, offer.n, item, q->min, a->low, q->max, a->high, typed);
		break;
	case UI_OUTCOME_NO_TITLE:
		snprintf(buf, len, "(%u of %u) %s (%d %s, %d %s)  %s", offer.pos + 1, offer.n, item,
		         q->min, a->low, q->max, a->high, typed);
		break;
	case UI_OUTCOME_NO_ANCHORS:
		snprintf(buf, len, "(%u of %u) %s (%d-%d)  %s", offer.pos + 1, offer.n, item,
		         q->min, q->max, typed);
		break;
	case UI_OUTCOME_SMALLEST:
		snprintf(buf, len, "%u of %u, %d-%d:  %s", offer.pos + 1, offer.n, q->min, q->max,
		         typed);
		break;
	case UI_OUTCOME_LINE:
		/* As the pain questions read: the item, then the scale's ends, then a colon. */
		n = strlen(item);
		snprintf(buf, len, "%u of %u: %s%s %d %s, %d %s:", offer.pos + 1, offer.n, item,
		         n && strchr("?.:", item[n - 1]) ? "" : ",", q->min, a->low, q->max,
		         a->high);
		break;
	}
	return buf;
}

void ui_outcome_text(const struct ui *ui, struct ui_text *t)
{
	const struct questionnaire *q = offer.q;
	char buf[Q_MAX_TITLE + Q_MAX_RECALL + 160];

	(void)ui;
	if (offer.naming)
		snprintf(buf, sizeof(buf),
		         "%s: up to %u activities your back makes hard, each rated from %d to %d "
		         "every %u days.",
		         q->title, q->max_active, q->min, q->max, q->every_days);
	else
		snprintf(buf, sizeof(buf),
		         "%s, %s: %u %s, %d to %d (Enter alone: skip; q: skip all).", q->title,
		         q->recall, offer.n,
		         q->max_active ? (offer.n == 1 ? "activity" : "activities")
		                       : (offer.n == 1 ? "question" : "questions"),
		         q->min, q->max);
	t->add(t, NULL, buf, UI_TEXT_TITLE);
}

void ui_outcome_draw(struct ui *ui)
{
	const struct questionnaire *q = offer.q;
	char box[Q_MAX_TITLE + Q_MAX_RECALL + EV_MAX_NOTE_BYTES + 2 * Q_MAX_ANCHOR + 96];
	char keys[160];

	ui_menu_draw(ui);
	/*
	 * The question as it fits the screen: all of it, else without the
	 * title, else without the ends' words, else which item and the scale
	 * only, so that what is typed always shows, down to the smallest
	 * screen. The box's text is the screen's width less a margin each side
	 * and the cursor.
	 */
	for (int form = UI_OUTCOME_FULL; form <= UI_OUTCOME_SMALLEST; form++)
		if (ui_draw_rows(COLS - 3, NULL,
		                 ui_outcome_question((enum ui_outcome_form)form, box,
		                                     sizeof(box))) <= LINES - 1)
			break;
	/* Words longer than the screen holds: their end shows, where typing goes on. */
	for (const char *w = offer.words.text;
	     offer.naming && *w && ui_draw_rows(COLS - 3, NULL, box) > LINES - 1;) {
		do
			w++;
		while (((unsigned char)*w & 0xc0) == 0x80);
		snprintf(box, sizeof(box), "...%s", w);
	}
	ui_draw_question_typed(box);
	move(LINES - 1, 0);
	clrtoeol();
	if (offer.naming)
		snprintf(keys, sizeof(keys), "Enter: name it  Enter alone or Esc: skip%s",
		         ui_entry_full(&offer.words) ? "  (full)" : "  Backspace: erase");
	else
		snprintf(keys, sizeof(keys), "%d-%d then Enter: %s  Enter alone: %s  q: skip all",
		         q->min, q->max, offer.pos + 1 < offer.n ? "next" : "record",
		         offer.pos ? "leave out" : "skip");
	ui_draw_text(LINES - 1, 0, COLS, keys, ui_draw_attr(UI_ROLE_DIM));
}

/* Write the outcome line: the answers, or `-` alone when skipped; then the menu. */
static void record(struct ui *ui, bool skipped)
{
	const struct questionnaire *q = offer.q;
	char said[Q_MAX_TITLE + 2 * EV_MAX_NOTE_BYTES + 96], answers[EV_MAX_NOTE_BYTES + 1];
	struct ev_event e;

	ui->screen = UI_SCREEN_MENU;
	offer.naming = false;
	ev_init(&e, EV_OUTCOME, ui_wall_now(ui));
	snprintf(e.exercise, sizeof(e.exercise), "%s", q->id);
	snprintf(e.value, sizeof(e.value), "%u", q->version);
	if (!skipped &&
	    out_format_answers(offer.answers, offer.n_answers, answers, sizeof(answers)) != 0)
		skipped = true; /* cannot happen: EV_MAX_NOTE_BYTES holds every answer */
	if (!skipped)
		e.note = answers;
	if (ui_events_append(ui, &e) != 0)
		return;
	/* After what is said already: the morning's answer, a questionnaire not read. */
	if (offer.named) {
		snprintf(said, sizeof(said), "Activity %u added: %s", offer.named,
		         offer.act[0].words);
		ui_status_add(ui, false, said);
	}
	if (skipped)
		snprintf(said, sizeof(said), "%s: skipped, offered again in %u days.", q->title,
		         q->every_days);
	else
		snprintf(said, sizeof(said), "%s: %s, recorded.", q->title, e.note);
	ui_status_add(ui, false, said);
}

/*
 * The activity's words typed, then Enter: an `activity` line with the next
 * number (outcomes.h), then its first rating, asked as the one item.
 */
static void name_it(struct ui *ui)
{
	const char *words = ui_entry_words(&offer.words);
	time_t now = ui_wall_now(ui);
	struct ev_event e;

	if (!*words) {
		record(ui, true);
		return;
	}
	ev_init(&e, EV_ACTIVITY, now);
	offer.named = out_next_number(ui_events(ui));
	snprintf(e.value, sizeof(e.value), "%u", offer.named);
	e.note = words; /* at most EV_MAX_NOTE_BYTES: a ui_entry */
	if (ui_events_append(ui, &e) != 0) {
		ui->screen = UI_SCREEN_MENU; /* why is on the status line */
		offer.naming = false;
		return;
	}
	ask_items(ui, hist_today(now));
	if (offer.naming || offer.n == 0) {
		/* Not read back (a line dated after now): nothing to rate today. */
		ui->screen = UI_SCREEN_MENU;
		offer.naming = false;
	}
}

/* A key while the activity's words are typed: Enter names it, alone skips, as Esc does. */
static void name_key(struct ui *ui, enum ui_action action)
{
	if (ui->key == 27)
		record(ui, true);
	else if (action == UI_ACT_BACK)
		name_it(ui);
	else
		ui_entry_key(&offer.words, ui, action);
}

void ui_outcome_key(struct ui *ui, enum ui_action action)
{
	const struct questionnaire *q = offer.q;
	int value = ui_score_value(&offer.typed);

	if (offer.naming) {
		name_key(ui, action);
		return;
	}
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
