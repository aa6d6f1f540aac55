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
	char farewell[256]; /* what to do, said again once the terminal is back */
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

static void list(struct ui_draw_flow *f, const struct words_safety_list *l)
{
	ui_draw_flow_add(f, NULL, l->head, ui_draw_attr(UI_ROLE_TITLE));
	for (size_t i = 0; l->items[i] != NULL; i++)
		ui_draw_flow_add(f, " - ", l->items[i], A_NORMAL);
}

/* The lists, or what to do, above `bottom`; with `draw` false only measured. */
static int flow(struct ui *ui, int bottom, bool draw)
{
	struct ui_draw_flow f = { .top = 2, .bottom = draw ? bottom : 2, .x = 1, .w = COLS - 2 };
	char buf[128];

	f.scroll = safety.scroll;
	if (safety.applies) {
		ui_draw_flow_add(&f, NULL, "If it is on the first list (see someone now):",
		                 ui_draw_attr(UI_ROLE_TITLE));
		ui_draw_flow_add(&f, "   ", emergency(ui, buf, sizeof(buf)),
		                 ui_draw_attr(UI_ROLE_ALERT));
		ui_draw_flow_gap(&f);
		ui_draw_flow_add(&f, NULL, "If it is on the second list (see a doctor soon):",
		                 ui_draw_attr(UI_ROLE_TITLE));
		ui_draw_flow_add(&f, "   ", "contact your doctor today.", A_NORMAL);
		ui_draw_flow_gap(&f);
		ui_draw_flow_add(&f, NULL,
		                 "lumbar stops here, and shows this screen again on every start "
		                 "today. Nothing about which one applies was recorded.",
		                 ui_draw_attr(UI_ROLE_DIM));
		return f.row;
	}
	ui_draw_flow_add(&f, NULL, words_safety_intro, A_NORMAL);
	for (int i = 0; i < WORDS_SAFETY_LISTS; i++) {
		ui_draw_flow_gap(&f);
		list(&f, &words_safety[i]);
	}
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
	ui_draw_text(0, 1, COLS - 2, safety.applies ? "What to do" : words_safety_title,
	             ui_draw_attr(UI_ROLE_TITLE));
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
