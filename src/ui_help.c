/*
 * ui_help.c - the help screen (`?`): the keys of the screen it was opened
 * on, generated from the key table, and any key goes back. Opened from the
 * player, it pauses the clock until then.
 */
#include <stdio.h>

#include <curses.h>

#include "ui_draw.h"
#include "ui_priv.h"

/* The screen `?` was pressed on, to list its keys and go back to. */
static enum ui_screen help_from;

void ui_help(struct ui *ui)
{
	if (ui->screen == UI_SCREEN_HELP)
		return;
	if (ui->screen == UI_SCREEN_PLAYER && ui->app.playing && !ui->app.sess.paused &&
	    !ui->app.sess.finished) {
		/* Reading the keys should not cost a hold; resume on the way back. */
		app_pause(&ui->app, ui->now);
		ui->held_by_modal = true;
	}
	help_from = ui->screen;
	ui->screen = UI_SCREEN_HELP;
}

/* Any key leaves, back where the help was opened; i opens when to get help. */
void ui_help_key(struct ui *ui, enum ui_action action)
{
	if (action == UI_ACT_SAFETY) {
		ui_safety_open(ui); /* its c comes back here */
		return;
	}
	ui->screen = help_from;
	if (ui->held_by_modal && !ui->confirm) {
		app_unpause(&ui->app, ui->now);
		ui->held_by_modal = false;
	}
}

const char *ui_help_row(unsigned ctx, size_t *i, bool (*shown)(const char *name), char *keys,
                        size_t len)
{
	size_t n;
	const struct ui_binding *b = ui_bindings(&n);

	for (; *i < n; (*i)++) {
		size_t used = 0;

		if (!(b[*i].ctx & ctx) || !b[*i].help)
			continue;
		keys[0] = '\0';
		for (size_t j = 0; j < n; j++) {
			if (!(b[j].ctx & ctx) || b[j].action != b[*i].action || !b[j].name ||
			    (shown && !shown(b[j].name)))
				continue;
			used += (size_t)snprintf(keys + used, len - used, "%s%s", used ? " " : "",
			                         b[j].name);
			if (used >= len)
				break;
		}
		if (used)
			return b[(*i)++].help;
	}
	return NULL;
}

void ui_help_draw(struct ui *ui)
{
	unsigned ctx = ui_screens[help_from].ctx;
	const char *help;
	char keys[64];
	size_t i = 0;
	int y = 2;

	ui_draw_text(0, 1, COLS - 2, ui_screens[help_from].help_title, ui_draw_attr(UI_ROLE_TITLE));
	/* One row per action: every key that does it, then what it does. */
	while (y < LINES - 1 && (help = ui_help_row(ctx, &i, NULL, keys, sizeof(keys)))) {
		ui_draw_text(y, 2, 16, keys, A_BOLD);
		ui_draw_text(y, 19, COLS - 20, help, A_NORMAL);
		y++;
	}
	if (help_from == UI_SCREEN_PLAYER && y + 1 < LINES - 1) {
		/* Say what the sound options chose, so silence is no surprise. */
		const char *sound =
		    ui->opt->bell    ? "A double bell at each phase change; single ticks for the "
		                       "last 3 s of a hold."
		    : ui->opt->flash ? "The screen flashes at each phase change (--no-bell)."
		                     : "No sound and no flash (--quiet).";

		ui_draw_text(y + 1, 2, COLS - 4, sound, ui_draw_attr(UI_ROLE_DIM));
	}
	ui_draw_text(LINES - 1, 0, COLS,
	             ui->held_by_modal ? "i when to get help  Any key: back (the clock is paused "
	                                 "meanwhile)"
	                               : "i when to get help  Any key: back",
	             ui_draw_attr(UI_ROLE_DIM));
}
