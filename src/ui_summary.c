/*
 * ui_summary.c - the end of a plan: what was done and skipped, the time
 * spent, and the pain question (0-10) whose answer goes to the history with
 * every entry of the plan. Also after q then y in a routine (app_quit()).
 * With nothing to ask (only stops), the lines are written when it opens,
 * so that a step back is always stated; a session written without a
 * score says words_no_score.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curses.h>

#include "events.h"
#include "steps.h"
#include "ui_draw.h"
#include "ui_priv.h"
#include "why.h"
#include "words.h"

/* ---- A note (`w`): one line to events.tsv --------------------------------------- */

static struct {
	bool typing;
	struct ui_entry entry;    /* what is typed */
	char said[UI_STATUS_MAX]; /* "Note saved." or why not */
	bool failed;
} note;

/*
 * The exercise a note belongs to: the one the session ended on when it was
 * stopped (a note written right after a stop is about it); else none (-1).
 */
static int note_exercise(const struct ui *ui)
{
	unsigned slot = session_slot(&ui->app.sess);
	int pain;

	if (slot >= ui->app.plan.n_exercises || !app_stopped(&ui->app, slot, &pain))
		return -1;
	return (int)ui->app.plan.exercises[slot];
}

static void note_save(const struct ui *ui)
{
	struct ev_event e;
	struct hist_error err;
	char path[4096];
	int x = note_exercise(ui);

	note.typing = false;
	if (note.entry.len == 0)
		return;
	ev_init(&e, EV_NOTE, ui_wall_now(ui));
	e.note = note.entry.text;
	if (x >= 0)
		snprintf(e.exercise, sizeof(e.exercise), "%s", ui->opt->cat->exercises[x].id);
	note.failed = ev_path(ui->opt->history_path, path, sizeof(path)) != 0 ||
	              ev_append(path, &e, &err) != 0;
	snprintf(note.said, sizeof(note.said), "%s",
	         note.failed ? "Note not saved: cannot write the events file."
	                     : "Note saved. It goes into the report (lumbar report).");
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
		ui_entry_clear(&note.entry);
		note.said[0] = '\0';
		return true;
	}
	if (k == 27)
		note.typing = false;
	else if (k == '\n' || k == '\r' || k == KEY_ENTER)
		note_save(ui);
	else
		ui_entry_key(&note.entry, ui, action);
	return true;
}

/* The note being typed, or what became of it. */
static void note_text(const struct ui *ui, struct ui_text *t)
{
	char buf[EV_MAX_NOTE_BYTES + CAT_MAX_STRING + 32];
	int x = note_exercise(ui);

	if (note.typing) {
		t->gap(t, false);
		/* What the note is for, where it goes and how long it may be (issue 19 §3). */
		if (x >= 0)
			snprintf(buf, sizeof(buf),
			         "A note on %s (stopped) for the report, %d characters at most:",
			         ui->opt->cat->exercises[x].name, EV_MAX_NOTE);
		else
			snprintf(buf, sizeof(buf),
			         "A note for the report, %d characters at most:", EV_MAX_NOTE);
		t->add(t, NULL, buf, UI_TEXT_DIM);
		if (!t->echoes) {
			snprintf(buf, sizeof(buf), "Note: %s_", note.entry.text);
			t->add(t, NULL, buf, UI_TEXT_TITLE);
			/* The terminal's cursor on the `_`, after what is typed. */
			if (t->cursor)
				t->cursor(t, 1);
		}
		if (ui_entry_full(&note.entry)) {
			snprintf(buf, sizeof(buf), "The note is full: %d characters at most.",
			         EV_MAX_NOTE);
			t->add(t, NULL, buf, UI_TEXT_ALERT);
		}
		return;
	}
	if (note.said[0])
		t->add(t, NULL, note.said, note.failed ? UI_TEXT_ALERT : UI_TEXT_NORMAL);
}

/* The note's key on the last row. */
static void note_keys(const struct ui *ui)
{
	if (note.typing)
		ui_draw_text(LINES - 1, 0, COLS,
		             "Enter: save the note  Esc: drop it  Backspace: erase",
		             ui_draw_attr(UI_ROLE_DIM));
	else if (ui->opt->history_path && COLS >= 60)
		ui_draw_right(LINES - 1, "w: write a note", ui_draw_attr(UI_ROLE_DIM));
}

/* Whether the summary is still asking for the pain score (a stop has its own). */
static bool asking(const struct ui *ui)
{
	return !ui->app.done && ui->opt->history_path && app_awaiting(&ui->app);
}

/* The question and its answer, or what became of it, at the flow's end. */
static void draw_pain(const struct ui *ui, struct ui_text *t)
{
	t->gap(t, false);
	if (asking(ui)) {
		t->ask(t, words_q_after, &ui->pain);
	} else if (ui->app.done && ui->app.saved[0]) {
		t->add(t, NULL, ui->app.saved,
		       ui->app.saved_failed ? UI_TEXT_ALERT : UI_TEXT_NORMAL);
		if (ui->app.no_score && !ui->app.saved_failed)
			t->add(t, NULL, words_no_score, UI_TEXT_NORMAL);
	} else if (!ui->opt->history_path) {
		t->add(t, NULL, "Not logged: no history without HOME.", UI_TEXT_DIM);
	} else if (!app_pending(&ui->app) && !ui->app.done) {
		t->add(t, NULL, "Nothing to log: no work phase was completed.", UI_TEXT_DIM);
	}
}

/* The exercises stopped with x, with the score each was given. */
static void draw_stopped(const struct ui *ui, struct ui_text *t)
{
	const struct catalogue *cat = ui->opt->cat;
	char buf[CAT_MAX_STRING + 64];
	bool any = false;
	int pain;

	for (unsigned i = 0; i < ui->app.plan.n_exercises; i++) {
		if (!app_stopped(&ui->app, i, &pain))
			continue;
		if (!any)
			t->add(t, NULL, "Stopped:", UI_TEXT_NORMAL);
		any = true;
		if (pain == HIST_NO_PAIN)
			snprintf(buf, sizeof(buf), "%s (no score)",
			         cat->exercises[ui->app.plan.exercises[i]].name);
		else
			snprintf(buf, sizeof(buf), "%s (pain %d)",
			         cat->exercises[ui->app.plan.exercises[i]].name, pain);
		t->add(t, " - ", buf, UI_TEXT_NORMAL);
	}
}

/* ---- Steps (issue 13): what this session changed, and the step offered ---- */

static struct {
	bool ready;                        /* worked out since the pain answer */
	unsigned n_offer, at;              /* steps offered, and the one asked about */
	unsigned offer[CAT_MAX_EXERCISES]; /* catalogue indexes */
	struct prg_result res[CAT_MAX_EXERCISES];
	char answer[UI_STATUS_MAX]; /* what the last y or n did */
	bool answer_failed;
	bool nudged; /* Enter was pressed with a step offered: say y or n */
	bool why;    /* Tab: the offer's `lumbar why` shown under it */
} steps;

/* Whether a step is offered and not yet answered. */
static bool offer_pending(void)
{
	return steps.ready && steps.at < steps.n_offer;
}

/* "35 s (was 30 s)": an exercise's dose at step `to`, and at `from`. */
static void dose_change(const struct cat_exercise *ex, unsigned to, unsigned from, char *buf,
                        size_t len)
{
	struct prg_dose d;
	char a[256], b[256];

	prg_dose(ex, to, &d);
	words_dose(ex, &d, a, sizeof(a));
	prg_dose(ex, from, &d);
	words_dose(ex, &d, b, sizeof(b));
	snprintf(buf, len, "%s (was %s)", a, b);
}

/* After the history is written: derive the steps again and find what to say. */
static void steps_work_out(struct ui *ui)
{
	unsigned played[CAT_MAX_EXERCISES], n = 0;
	int k;

	memset(&steps, 0, sizeof(steps));
	if (!ui->opt->rules || !ui->opt->history_path || !ui->hist_ok || !ui_events(ui) ||
	    ui->app.saved_failed || ui->app.plan.forced)
		return;
	/* Only for an exercise just done, not one skipped whole. */
	for (unsigned i = 0; i < ui->app.plan.n_exercises && n < CAT_MAX_EXERCISES; i++)
		if (!ui->app.sess.stats[i].skipped)
			played[n++] = ui->app.plan.exercises[i];
	/* The record was read again after the write (ui_log_sync()): as of today. */
	k = rec_offers(ui->rec, ui->opt->cat, ui->opt->rules, played, n, steps.res, steps.offer);
	if (k < 0)
		return;
	steps.ready = true;
	steps.n_offer = (unsigned)k;
}

/* A piece of the why text: each paragraph and row a paragraph of the screen's. */
static void why_put(void *ctx, enum why_piece piece, const char *text)
{
	struct ui_text *t = ctx;

	if (piece != WHY_GAP)
		t->add(t, NULL, text, UI_TEXT_DIM);
}

/*
 * Tab on the offer: what `lumbar why ID` says, word for word (why_exercise()
 * is the one place of that wording), under the offer, wrapped to the screen.
 */
static void why_draw(const struct ui *ui, struct ui_text *t, unsigned e, int32_t today)
{
	t->gap(t, true);
	why_exercise(ui->opt->cat, e, &steps.res[e], &ui->rec->h, &ui->opt->rules->params, today,
	             why_put, t);
}

/* The lines about steps: taken (auto), stepped back (red), and the offer. */
static void steps_draw(const struct ui *ui, struct ui_text *t)
{
	const struct catalogue *cat = ui->opt->cat;
	int32_t today = hist_today(ui_wall_now(ui));
	char buf[UI_STATUS_MAX + 64], dose[600];

	if (!steps.ready)
		return;
	for (unsigned i = 0; i < ui->app.plan.n_exercises; i++) {
		unsigned e = ui->app.plan.exercises[i];
		const struct prg_result *r = &steps.res[e];
		const struct cat_exercise *ex = &cat->exercises[e];

		if (r->since != today || ui->app.plan.step[i] == r->k)
			continue;
		dose_change(ex, r->k, ui->app.plan.step[i], dose, sizeof(dose));
		if (r->change == PRG_CHANGE_UP)
			snprintf(buf, sizeof(buf), "Step taken: %s %s next time — %s.", ex->name,
			         dose, r->why);
		else if (r->change == PRG_CHANGE_BACK)
			snprintf(buf, sizeof(buf), "Stepped back: %s %s next time — %s.", ex->name,
			         dose, r->why);
		else
			continue;
		t->add(t, NULL, buf, UI_TEXT_NORMAL);
	}
	if (steps.answer[0])
		t->add(t, NULL, steps.answer, steps.answer_failed ? UI_TEXT_ALERT : UI_TEXT_NORMAL);
	if (offer_pending()) {
		/*
		 * The offer, a line of its own (issue 20 §2): "Child's pose:
		 * 1 min next time (now 30 s)?"; why it comes below it, and the
		 * keys in the footer.
		 */
		unsigned e = steps.offer[steps.at];
		const struct prg_result *r = &steps.res[e];
		const struct cat_exercise *ex = &cat->exercises[e];
		struct prg_dose d;
		char now[200];

		prg_dose(ex, r->k + 1, &d);
		words_dose(ex, &d, dose, sizeof(dose));
		prg_dose(ex, r->k, &d);
		words_dose(ex, &d, now, sizeof(now));
		t->gap(t, true);
		snprintf(buf, sizeof(buf), "%s: %s next time (now %s)?", ex->name, dose, now);
		t->add(t, NULL, buf, UI_TEXT_TITLE);
		snprintf(buf, sizeof(buf), "Offered after %s.", r->why);
		t->add(t, NULL, buf, UI_TEXT_DIM);
		if (steps.nudged)
			t->add(t, NULL, "Answer y or n first; q leaves it to be offered again.",
			       UI_TEXT_ALERT);
		if (steps.why)
			why_draw(ui, t, e, today);
	}
}

/* y or n to the step offered: an accept or decline event. True when it was one. */
static bool steps_key(struct ui *ui, enum ui_action action)
{
	struct ev_event ev;
	struct hist_error err;
	char path[4096];

	if (!steps.ready || steps.at >= steps.n_offer ||
	    (action != UI_ACT_YES && action != UI_ACT_NO))
		return false;
	unsigned e = steps.offer[steps.at++];
	const struct cat_exercise *ex = &ui->opt->cat->exercises[e];
	struct prg_dose d;
	char dose[300];

	steps.nudged = false;
	steps.why = false;
	prg_dose(ex, steps.res[e].k + 1, &d);
	words_dose(ex, &d, dose, sizeof(dose));

	ev_init(&ev, action == UI_ACT_YES ? EV_ACCEPT : EV_DECLINE, ui_wall_now(ui));
	snprintf(ev.exercise, sizeof(ev.exercise), "%s", ex->id);
	steps.answer_failed = ev_path(ui->opt->history_path, path, sizeof(path)) != 0 ||
	                      ev_append(path, &ev, &err) != 0;
	if (!steps.answer_failed)
		ui_log_reload(ui); /* the record as it now is, for what comes next */
	if (steps.answer_failed)
		snprintf(steps.answer, sizeof(steps.answer), "Not saved: %s", err.msg);
	else if (action == UI_ACT_YES)
		snprintf(steps.answer, sizeof(steps.answer), "%s: %s from next time.", ex->name,
		         dose);
	else
		snprintf(steps.answer, sizeof(steps.answer),
		         "%s: not yet; asked again after the next acceptable session.", ex->name);
	return true;
}

void ui_summary_open(struct ui *ui)
{
	memset(&steps, 0, sizeof(steps)); /* nothing said about another plan's steps */
	ui->confirm = false;
	ui->held_by_modal = false;
	ui->screen = UI_SCREEN_SUMMARY;
	if (ui->app.done || asking(ui) || !app_pending(&ui->app) || !ui->opt->history_path)
		return;
	ui_log_finish(ui, HIST_NO_PAIN);
	steps_work_out(ui);
}

/* An exercise of the plan never begun: the session ended (e, q y) before it. */
static bool not_reached(const struct ui *ui, unsigned i)
{
	const struct sess_stat *st = &ui->app.sess.stats[i];
	int pain;

	return !st->reached && !st->skipped && !app_stopped(&ui->app, i, &pain);
}

void ui_summary_text(const struct ui *ui, struct ui_text *t)
{
	const struct session *s = &ui->app.sess;
	const struct catalogue *cat = ui->opt->cat;
	char buf[CAT_MAX_STRING + 128], spent[16], planned[16];
	unsigned skipped = 0, unreached = 0;
	int64_t active = session_active_ms(s);
	int pain;
	enum app_headline head = app_headline(&ui->app);

	t->add(t, NULL,
	       head == APP_SESSION_ENDED      ? "Session ended"
	       : head == APP_ROUTINE_COMPLETE ? "Routine complete"
	                                      : "Exercise complete",
	       UI_TEXT_HEAD);
	t->gap(t, false);
	snprintf(buf, sizeof(buf), "Time spent: %s (planned %s)",
	         ui_clock((unsigned)((active + 500) / 1000), spent),
	         ui_clock(ui->app.plan.total, planned));
	t->add(t, NULL, buf, UI_TEXT_NORMAL);

	/* A stopped exercise is listed as stopped, not as skipped. */
	for (unsigned i = 0; i < ui->app.plan.n_exercises; i++)
		if ((s->stats[i].skipped || s->stats[i].work_skipped) &&
		    !app_stopped(&ui->app, i, &pain))
			skipped++;
		else if (not_reached(ui, i))
			unreached++;
	/* "Nothing skipped" only when nothing was, and the part never reached is said. */
	if (!skipped && !unreached) {
		t->add(t, NULL, "Nothing skipped.", UI_TEXT_NORMAL);
	} else if (skipped) {
		t->add(t, NULL, "Skipped:", UI_TEXT_NORMAL);
		for (unsigned i = 0; i < ui->app.plan.n_exercises; i++) {
			const struct sess_stat *st = &s->stats[i];
			const char *name = cat->exercises[ui->app.plan.exercises[i]].name;

			if (app_stopped(&ui->app, i, &pain))
				continue;
			if (st->skipped)
				snprintf(buf, sizeof(buf), "%s (skipped, %u of %u done)", name,
				         st->work_done, st->work_total);
			else if (st->work_skipped)
				snprintf(buf, sizeof(buf), "%s (%u of %u cut short)", name,
				         st->work_skipped, st->work_total);
			else
				continue;
			t->add(t, " - ", buf, UI_TEXT_NORMAL);
		}
	}
	if (unreached) {
		t->add(t, NULL, "Not reached:", UI_TEXT_NORMAL);
		for (unsigned i = 0; i < ui->app.plan.n_exercises; i++)
			if (not_reached(ui, i))
				t->add(t, " - ", cat->exercises[ui->app.plan.exercises[i]].name,
				       UI_TEXT_NORMAL);
	}
	draw_stopped(ui, t);
	draw_pain(ui, t);
	steps_draw(ui, t);
	note_text(ui, t);
}

const char *ui_summary_keys(const struct ui *ui, char *buf, size_t len)
{
	const char *back = ui->opt->start == UI_START_MENU ? "back to the menu" : "exit";

	if (note.typing)
		return "Enter: save the note  Esc: drop it  Backspace: erase";
	if (asking(ui))
		snprintf(buf, len, "0-10 then Enter: save  Enter alone: no score  q: %s", back);
	else if (offer_pending())
		snprintf(buf, len, "y take the step  n not yet  Tab why  q: %s", back);
	else
		snprintf(buf, len, "Enter or q: %s", back);
	return buf;
}

bool ui_summary_typing(void)
{
	return note.typing;
}

void ui_summary_draw(struct ui *ui)
{
	struct ui_draw_flow f = {
		.top = LINES >= 12 ? 1 : 0, .bottom = LINES - 1, .x = 2, .w = COLS - 4
	};
	struct ui_text t = ui_flow_text(&f);
	char buf[CAT_MAX_STRING + 128];

	ui_summary_text(ui, &t);
	if (!note.typing)
		ui_draw_text(LINES - 1, 0, COLS, ui_summary_keys(ui, buf, sizeof(buf)),
		             ui_draw_attr(UI_ROLE_DIM));
	note_keys(ui);
}

void ui_summary_key(struct ui *ui, enum ui_action action)
{
	if (note_key(ui, action))
		return;
	if (!asking(ui)) {
		if (steps_key(ui, action))
			return;
		if (action == UI_ACT_INFO && offer_pending()) {
			steps.why = !steps.why;
			return;
		}
		/* Enter never passes an offer by in silence (issue 20 §2): it asks. */
		if (action == UI_ACT_BACK && offer_pending()) {
			steps.nudged = true;
			return;
		}
		if (action == UI_ACT_BACK || action == UI_ACT_QUIT) {
			/* Also removes a finished routine's progress file. */
			if (!ui->app.done)
				ui_log_finish(ui, HIST_NO_PAIN);
			ui_stop(ui);
		}
		return;
	}
	if (ui_score_key(&ui->pain, ui, action))
		return;
	switch (action) {
	case UI_ACT_BACK:
		ui_log_finish(ui, ui_score_value(&ui->pain));
		steps_work_out(ui);
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
