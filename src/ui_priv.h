/*
 * ui_priv.h - what the ui_*.c files share: the program state the screens
 * draw from, the actions keys map to, and each screen's draw and key
 * functions (ncdu's shape: one module per screen, the loop in ui.c).
 *
 * The screens never read a clock: ui.c stores CLOCK_MONOTONIC in ui->now
 * before every call.
 */
#ifndef LUMBAR_UI_PRIV_H
#define LUMBAR_UI_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalogue.h"
#include "plan.h"
#include "session.h"
#include "ui.h"

enum ui_screen {
	UI_SCREEN_MENU,
	UI_SCREEN_INFO,
	UI_SCREEN_PLAYER,
	UI_SCREEN_SUMMARY,
	UI_SCREEN_HELP,
};

/* Where a key binding applies: one bit per screen, plus the quit question. */
enum {
	UI_CTX_MENU = 1u << 0,
	UI_CTX_INFO = 1u << 1,
	UI_CTX_PLAYER = 1u << 2,
	UI_CTX_CONFIRM = 1u << 3,
	UI_CTX_SUMMARY = 1u << 4,
	UI_CTX_HELP = 1u << 5,
};

/* Everything a key can ask for. The key table in ui.c maps keys to these. */
enum ui_action {
	UI_ACT_NONE,
	UI_ACT_UP,
	UI_ACT_DOWN,
	UI_ACT_PAGE_UP,
	UI_ACT_PAGE_DOWN,
	UI_ACT_FIRST,
	UI_ACT_LAST,
	UI_ACT_START,
	UI_ACT_ROUTINE,
	UI_ACT_INFO,
	UI_ACT_PAUSE,
	UI_ACT_NEXT,
	UI_ACT_PREV,
	UI_ACT_SKIP,
	UI_ACT_QUIT,
	UI_ACT_YES,
	UI_ACT_NO,
	UI_ACT_BACK,
	UI_ACT_HELP,
	UI_ACT_INTERRUPT,
};

/*
 * One key binding. `name` is how the help screen writes the key (NULL for an
 * alias the help does not list, such as '\r' beside '\n'); `help` is given
 * on the first binding of an action in a context, and the help screen lists
 * the names of every binding of that action beside it.
 */
struct ui_binding {
	unsigned ctx;
	int key;
	const char *name;
	enum ui_action action;
	const char *help;
};

/* The key table, in the order the help screen lists it. */
const struct ui_binding *ui_bindings(size_t *n);

/* The program state. One instance, owned by ui_run(). */
struct ui {
	const struct ui_options *opt;
	int64_t now; /* CLOCK_MONOTONIC in ms, set by ui.c before each call */

	enum ui_screen screen;
	enum ui_screen help_from; /* where `?` was pressed, to go back to */
	bool quit;                /* leave the event loop */
	int status;               /* exit status when quitting */
	const char *error;        /* printed on stderr after teardown */

	/* Menu: entry 0 is the routine, entry k the exercise k - 1. */
	int menu_sel, menu_top;
	unsigned menu_secs[CAT_MAX_EXERCISES + 1]; /* length of each entry */

	/* Details screen (`i`): which menu entry, and how far scrolled. */
	int info_entry, info_scroll, info_height;

	/* Player and summary. */
	bool playing; /* plan and sess are live */
	bool routine; /* the plan is the routine, not one exercise */
	struct plan plan;
	struct session sess;
	bool confirm;       /* "Quit? y/n" is showing */
	bool held_by_modal; /* the help or the question paused a running session */
};

/* ---- ui.c: services the screens use --------------------------------------- */

/*
 * Start playing `n` exercises (catalogue indexes): build the plan, start the
 * session at ui->now and show the player. On a failed allocation sets
 * ui->error and ui->quit and returns -1.
 */
int ui_play(struct ui *ui, const unsigned *exercises, unsigned n, bool routine);

/* Stop playing and free the plan and session; then the menu, or exit when
 * the program was started straight into the player. */
void ui_stop(struct ui *ui);

/* Open the help screen for the current screen (pausing a running session). */
void ui_help(struct ui *ui);

/* Format a length of seconds as M:SS (H:MM:SS from an hour) into buf[16]. */
const char *ui_clock(unsigned seconds, char buf[16]);

/* ---- ui_menu.c: the menu and the details screen --------------------------- */

void ui_menu_init(struct ui *ui);
void ui_menu_draw(struct ui *ui);
void ui_menu_key(struct ui *ui, enum ui_action action);
void ui_menu_info_draw(struct ui *ui);
void ui_menu_info_key(struct ui *ui, enum ui_action action);

/*
 * Frequency as people say it: "2x a day", "2-3x a week". Writes to buf and
 * returns it.
 */
const char *ui_menu_frequency(const struct cat_frequency *f, char *buf, size_t len);

/*
 * The history column beside an exercise (e.g. "1/2 today"); empty until the
 * history module lands. Returns a string owned by the menu.
 */
const char *ui_menu_today(const struct ui *ui, unsigned exercise);

/* The exercises the `due` routine plays, in catalogue order; returns n. */
unsigned ui_menu_due(const struct ui *ui, unsigned *out);

/* ---- ui_player.c: player, summary, help, quit question -------------------- */

void ui_player_draw(struct ui *ui);
void ui_player_key(struct ui *ui, enum ui_action action);
void ui_player_summary_draw(struct ui *ui);
void ui_player_summary_key(struct ui *ui, enum ui_action action);
void ui_player_help_draw(struct ui *ui);

#endif
