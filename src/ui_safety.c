/*
 * ui_safety.c - when to get help (issue 12 §6): two short lists, see
 * someone now and see a doctor soon, and one choice: `c` none of these,
 * continue, or `h` one of these applies, which says what to do, records a
 * safety-stop (the time only, never which symptom) and ends lumbar with
 * status 3. Shown at start when events.h's ev_safety_due() says so (never
 * with --no-ask), by `lumbar safety`, and by `i` in the menu, the help and
 * the player's stop screen. Every showing records safety-shown.
 *
 * No score and no verdict: the lists are read by the person, and lumbar
 * keeps nothing of what they found.
 *
 * Also the events file as the screens append to it (this screen and the
 * morning check-in); what it says is read from the record (ui_log.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ui_draw.h"
#include "ui_priv.h"
#include "words.h"

static struct {
	bool started;        /* the check at start was made */
	bool at_start;       /* shown at start: `c` carries on with the start */
	bool applies;        /* `h` was pressed: what to do is showing */
	enum ui_screen back; /* where `c` returns when opened with `i` */
	int scroll, height;
	char farewell[1024]; /* what to do, said again once the terminal is back */
} safety;

/* ---- The events file --------------------------------------------------------- */

const struct ev_log *ui_events(const struct ui *ui)
{
	return ui->events_ok ? &ui->rec->ev : NULL;
}

int ui_events_add(struct ui *ui, enum ev_kind kind, int score, time_t now)
{
	struct ev_event e;

	ev_init(&e, kind, now);
	e.score = score;
	return ui_events_append(ui, &e);
}

int ui_events_append(struct ui *ui, const struct ev_event *e)
{
	struct hist_error err;
	char msg[UI_STATUS_MAX], path[4096];

	if (!ui->opt->history_path || ev_path(ui->opt->history_path, path, sizeof(path)) != 0)
		return -1;
	if (ev_append(path, e, &err) != 0) {
		snprintf(msg, sizeof(msg), "not recorded: %s", err.msg);
		ui_status_add(ui, true, msg);
		return -1;
	}
	ui_log_reload(ui); /* and with it the banner, which reads the events */
	return 0;
}

/* ---- The screen ------------------------------------------------------------------ */

static void show(struct ui *ui, bool at_start)
{
	if (ui->screen != UI_SCREEN_SAFETY)
		safety.back = ui->screen;
	safety.at_start = at_start;
	safety.applies = false;
	safety.scroll = 0;
	ui->screen = UI_SCREEN_SAFETY;
	ui_events_add(ui, EV_SAFETY_SHOWN, HIST_NO_PAIN, ui_wall_now(ui));
}

bool ui_safety_at_start(struct ui *ui, time_t now)
{
	static const struct ev_log none;
	const struct ev_log *ev = ui_events(ui);

	if (safety.started)
		return false;
	safety.started = true;
	if (ui->opt->start != UI_START_SAFETY) {
		/* An unreadable events file counts as no showing yet. */
		if (!ui->opt->ask || ev_safety_due(&ui->rec->h, ev ? ev : &none, hist_today(now)) ==
		                         EV_SAFETY_NOT_DUE)
			return false;
	}
	show(ui, true);
	return true;
}

void ui_safety_open(struct ui *ui)
{
	if (ui->screen == UI_SCREEN_SAFETY)
		return;
	show(ui, false);
}

/* What to do for the first list: call the number set, or one of the usual ones. */
static const char *emergency(const struct ui *ui, char *buf, size_t len)
{
	if (!ui->opt->emergency_number)
		return words_emergency_unset;
	snprintf(buf, len, "call your local emergency number, %s.", ui->opt->emergency_number);
	return buf;
}

static void list(struct ui_text *t, const struct words_safety_list *l)
{
	t->add(t, NULL, l->head, UI_TEXT_TITLE);
	for (size_t i = 0; l->items[i] != NULL; i++)
		t->add(t, " - ", l->items[i], UI_TEXT_NORMAL);
}

void ui_safety_text(const struct ui *ui, struct ui_text *t)
{
	char buf[128];

	if (safety.applies) {
		t->add(t, NULL, "If it is on the first list (see someone now):", UI_TEXT_TITLE);
		t->add(t, "   ", emergency(ui, buf, sizeof(buf)), UI_TEXT_ALERT);
		t->gap(t, true);
		t->add(t, NULL, "If it is on the second list (see a doctor soon):", UI_TEXT_TITLE);
		t->add(t, "   ", "contact your doctor today.", UI_TEXT_NORMAL);
		t->gap(t, true);
		t->add(t, NULL,
		       "lumbar stops here, and shows this screen again on every start "
		       "today. Nothing about which one applies was recorded.",
		       UI_TEXT_DIM);
		return;
	}
	t->add(t, NULL, words_safety_intro, UI_TEXT_NORMAL);
	for (int i = 0; i < WORDS_SAFETY_LISTS; i++) {
		t->gap(t, true);
		list(t, &words_safety[i]);
	}
}

const char *ui_safety_title(void)
{
	return safety.applies ? "What to do" : words_safety_title;
}

bool ui_safety_applies(void)
{
	return safety.applies;
}

/* The lists, or what to do, above `bottom`; with `draw` false only measured. */
static int flow(struct ui *ui, int bottom, bool draw)
{
	struct ui_draw_flow f = { .top = 2, .bottom = draw ? bottom : 2, .x = 1, .w = COLS - 2 };
	struct ui_text t = ui_flow_text(&f);

	f.scroll = safety.scroll;
	ui_safety_text(ui, &t);
	return f.row;
}

void ui_safety_draw(struct ui *ui)
{
	static const char *const keys[] = { "c none of these, continue", "h one of these applies",
		                            "j/k scroll" };
	static const char *const done[] = { "Any key: exit" };
	int height = flow(ui, 0, false);
	/* The key line wraps on a narrow screen: its rows come off the lists'. */
	size_t n = 2;
	int rows = LINES - 2 - ui_draw_keys_rows(keys, n);

	if (safety.applies) {
		rows = LINES - 2 - ui_draw_keys_rows(done, 1);
	} else if (height > rows) {
		n = 3;
		rows = LINES - 2 - ui_draw_keys_rows(keys, n);
	}
	if (rows < 0)
		rows = 0;
	if (safety.scroll > height - rows)
		safety.scroll = height - rows > 0 ? height - rows : 0;
	safety.height = height;
	ui_draw_text(0, 1, COLS - 2, ui_safety_title(), ui_draw_attr(UI_ROLE_TITLE));
	flow(ui, 2 + rows, true);
	if (safety.applies)
		ui_draw_keys(done, 1, ui_draw_attr(UI_ROLE_DIM));
	else
		ui_draw_keys(keys, n, A_BOLD);
}

/* `h`: record the time only, keep what was done, and say what to do. */
static void applies(struct ui *ui)
{
	char buf[128];

	ui_events_add(ui, EV_SAFETY_STOP, HIST_NO_PAIN, ui_wall_now(ui));
	/* What was done so far is kept, as with q then y. */
	if (ui->app.playing && !ui->app.done)
		ui_log_quit(ui);
	snprintf(safety.farewell, sizeof(safety.farewell),
	         "One of the safety lists applies:\n"
	         "  see someone now: %s\n"
	         "  see a doctor soon: contact your doctor today",
	         emergency(ui, buf, sizeof(buf)));
	ui->farewell = safety.farewell; /* also after a signal on the next screen */
	safety.applies = true;
	safety.scroll = 0;
}

void ui_safety_key(struct ui *ui, enum ui_action action)
{
	if (safety.applies) {
		/* Any key: out, with the status that says one applied. */
		ui->quit = true;
		ui->status = 3;
		return;
	}
	switch (action) {
	case UI_ACT_CONTINUE:
		if (ui->opt->start == UI_START_SAFETY && safety.at_start) {
			ui->quit = true;
			ui->status = 0;
		} else if (safety.at_start) {
			ui_start(ui);
		} else {
			ui->screen = safety.back;
		}
		break;
	case UI_ACT_APPLIES:
		applies(ui);
		break;
	case UI_ACT_UP:
		safety.scroll -= safety.scroll > 0;
		break;
	case UI_ACT_DOWN:
		safety.scroll++;
		break;
	default:
		break;
	}
}
