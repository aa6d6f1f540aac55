/*
 * ui_screens.c - the table of screens: for each, its name, the key context
 * its bindings are found in (ui_keys.c), the title of its help, whether it
 * shows counts per day, and its draw and key functions. The loop (ui.c)
 * knows no screen by name; adding one is a row here, a value of enum
 * ui_screen and a file of its own.
 */
#include <stdarg.h>
#include <stdio.h>
#include <locale.h>
#include <string.h>

#include "ui_hooks.h"

#include "ui_priv.h"

/* The player takes the quit question's keys while it is asked. */
static unsigned player_context(const struct ui *ui)
{
	return ui->confirm ? UI_CTX_CONFIRM : UI_CTX_PLAYER;
}

const struct ui_screen_def ui_screens[UI_SCREEN_COUNT] = {
	[UI_SCREEN_MENU] = { "menu", UI_CTX_MENU, NULL, "Keys in the menu", true, ui_menu_draw,
	                     ui_menu_key },
	[UI_SCREEN_INFO] = { "details", UI_CTX_INFO, NULL, "Keys in the details", false,
	                     ui_info_draw, ui_info_key },
	[UI_SCREEN_PLAYER] = { "player", UI_CTX_PLAYER, player_context, "Keys in the player", false,
	                       ui_player_draw, ui_player_key },
	[UI_SCREEN_SUMMARY] = { "summary", UI_CTX_SUMMARY, NULL, "Keys in the summary", false,
	                        ui_summary_draw, ui_summary_key },
	[UI_SCREEN_HELP] = { "help", UI_CTX_HELP, NULL, "Keys", false, ui_help_draw, ui_help_key },
	[UI_SCREEN_HISTORY] = { "history", UI_CTX_HISTORY, NULL, "Keys in the history", true,
	                        ui_history_draw, ui_history_key },
	[UI_SCREEN_RESUME] = { "resume", UI_CTX_RESUME, NULL, "Keys at the question", false,
	                       ui_resume_draw, ui_resume_key },
	[UI_SCREEN_PAIN] = { "pain-before", UI_CTX_PAIN, NULL, "Keys at the pain question", false,
	                     ui_pain_draw, ui_pain_key },
	[UI_SCREEN_STOP] = { "stop", UI_CTX_STOP | UI_CTX_STOPPED, ui_stop_context,
	                     "Keys after a stop", false, ui_stop_draw, ui_stop_key },
	[UI_SCREEN_SAFETY] = { "safety", UI_CTX_SAFETY, NULL, "Keys at when to get help", false,
	                       ui_safety_draw, ui_safety_key },
	[UI_SCREEN_MORNING] = { "morning", UI_CTX_MORNING, NULL, "Keys at the morning check-in",
	                        false, ui_morning_draw, ui_morning_key },
	[UI_SCREEN_OUTCOME] = { "outcome", UI_CTX_OUTCOME, NULL, "Keys at the outcome check-in",
	                        false, ui_outcome_draw, ui_outcome_key },
};

unsigned ui_context(const struct ui *ui)
{
	const struct ui_screen_def *sc = &ui_screens[ui->screen];

	return sc->context ? sc->context(ui) : sc->ctx;
}

void ui_start(struct ui *ui)
{
	if (ui_safety_at_start(ui, ui_wall_now(ui)))
		return;
	if (ui->app.resume) {
		/* The question comes first; its answer calls here again. */
		ui->screen = UI_SCREEN_RESUME;
		return;
	}
	switch (ui->opt->start) {
	case UI_START_MENU:
		ui->screen = UI_SCREEN_MENU;
		/* The morning check-in first; the outcome check-in after its answer. */
		if (!ui_morning_at_start(ui, ui_wall_now(ui)))
			ui_outcome_at_start(ui, ui_wall_now(ui));
		break;
	case UI_START_SAFETY: /* ui_safety_at_start() has shown it */
		break;
	case UI_START_ROUTINE:
		ui_menu_start(ui, UI_MENU_ROUTINE);
		break;
	case UI_START_EXERCISE:
		ui_menu_start(ui, UI_MENU_FIRST_EXERCISE + (int)ui->opt->exercise);
		break;
	case UI_START_DUE:
		if (ui_menu_due_count() == 0) {
			/* Said after the terminal is given back, instead of an empty plan. */
			ui->farewell = UI_NOTHING_DUE;
			ui->quit = true;
			ui->status = 0;
			break;
		}
		ui_menu_start(ui, UI_MENU_DUE);
		break;
	case UI_START_NAMED:
		ui_menu_start_named(ui, ui->opt->routine);
		break;
	}
}

void ui_status_add(struct ui *ui, bool alert, const char *msg)
{
	size_t used = strlen(ui->status_line);

	if (!used) {
		ui_status(ui, alert, "%s", msg);
		return;
	}
	snprintf(ui->status_line + used, sizeof(ui->status_line) - used, " \u00b7 %s", msg);
	ui->status_alert = ui->status_alert || alert;
}

const char *ui_clock(unsigned seconds, char buf[16])
{
	return plan_format_clock(seconds, buf, 16);
}

void ui_status(struct ui *ui, bool alert, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->status_line, sizeof(ui->status_line), fmt, ap);
	va_end(ap);
	ui->status_alert = alert;
}

bool ui_begin(struct ui *ui, const struct ui_options *o)
{
	memset(ui, 0, sizeof(*ui));
	ui->opt = o;
	setlocale(LC_ALL, "");

	/* Files first: the first frame already shows today's counts. */
	ui_read_clocks(ui);
	ui_menu_init(ui);
	ui_log_init(ui);
	if (o->start == UI_START_DUE && !ui->app.resume && ui_menu_due_count() == 0) {
		printf("%s\n", UI_NOTHING_DUE);
		ui_log_free(ui);
		return false;
	}
	return true;
}

int ui_end(struct ui *ui)
{
	ui_hooks_end(); /* no hook outlives lumbar; the terminal is already back */

	/*
	 * Signals are still ours here, so a second Ctrl-C cannot cut a write
	 * short. What each way out writes is journal.h's rule.
	 */
	ui_log_exit(ui);
	app_drop(&ui->app);
	ui_sig_restore();
	if (ui->error)
		fprintf(stderr, "lumbar: %s\n", ui->error);
	if (ui->farewell)
		printf("%s\n", ui->farewell);
	/* Warnings the screens showed are lost with them when started straight into a plan. */
	if (ui->opt->start != UI_START_MENU && ui->status_alert && ui->status_line[0])
		fprintf(stderr, "lumbar: %s\n", ui->status_line);
	else if (ui->exit_note[0])
		fprintf(stderr, "lumbar: %s\n", ui->exit_note);
	ui_log_free(ui);
	return ui->status;
}
