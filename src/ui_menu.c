/*
 * ui_menu.c - the menu: the catalogue's named routines, the full routine,
 * what is due, then each exercise with its length, frequency and today's
 * count. Its state (the selection, the lengths, what is due) lives here.
 *
 * The named routines (the Routines block at the top) are the entries before
 * UI_MENU_ROUTINE: entry -R .. -1 for R routines, in catalogue order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "events.h"
#include "records.h"
#include "remind.h"
#include "merge.h"
#include "words.h"
#include "ui_draw.h"
#include "ui_priv.h"

/* Said once, plainly, under the list: the routine is not a prescription. */
static const char disclaimer[] =
    "General advice from a public article, no substitute for a physiotherapist. "
    "Stop any exercise that increases pain.";

/* A quiet line above it when events.h's ev_banner_due() says so. */
static const char banner[] =
    "Your pain has been higher lately; consider talking to a physiotherapist or GP";

/*
 * The menu's state. Entry UI_MENU_ROUTINE is the routine, UI_MENU_DUE what
 * is due, entry UI_MENU_FIRST_EXERCISE + k the exercise k. secs[0] is the
 * routine's length and secs[k + 1] the exercise k's.
 */
static struct {
	int sel, top;
	int list_rows; /* rows the list had at the last draw, for paging */
	unsigned secs[CAT_MAX_EXERCISES + 1];
	unsigned due_n, due_secs;              /* what the `due` entry plays, and how long */
	unsigned named_secs[CAT_MAX_ROUTINES]; /* each named routine's length */
	int n_named;                           /* how many: entries -n_named .. -1 */
	bool banner;                           /* show the banner */
} menu = { .list_rows = 10 };

static int entries(const struct ui *ui)
{
	return (int)ui->opt->cat->n_exercises + UI_MENU_FIRST_EXERCISE;
}

/* Whether the summary's counts can be shown beside the exercises. */
static bool have_counts(const struct ui *ui)
{
	return ui->hist_ok && ui->hist_sum.n_ex == ui->opt->cat->n_exercises;
}

/* ---- The Routines block ------------------------------------------------------- */

/* The first entry: the first named routine, else the full routine. */
static int first_entry(void)
{
	return -menu.n_named;
}

/* The named routine a menu entry is, or -1. */
static int named_of(int entry)
{
	return entry < 0 ? entry + menu.n_named : -1;
}

static void named_init(const struct ui *ui)
{
	const struct catalogue *cat = ui->opt->cat;

	menu.n_named = cat->n_routines <= CAT_MAX_ROUTINES ? (int)cat->n_routines : 0;
	for (int r = 0; r < menu.n_named; r++) {
		menu.named_secs[r] = 0;
		for (unsigned k = 0; k < cat->routines[r].n_exercises; k++)
			menu.named_secs[r] += menu.secs[cat->routines[r].exercises[k] + 1];
	}
}

/* Whether every exercise of routine `r` has been done at least once today. */
static bool named_done_today(const struct ui *ui, unsigned r)
{
	const struct cat_routine *rt = &ui->opt->cat->routines[r];

	if (!have_counts(ui))
		return false;
	for (unsigned k = 0; k < rt->n_exercises; k++)
		if (ui->hist_sum.ex[rt->exercises[k]].today == 0)
			return false;
	return true;
}

/* A named routine's row: its name, how many exercises, and the mark. */
static void named_row(const struct ui *ui, unsigned r, char *name, size_t nlen, char *freq,
                      size_t flen, char *today, size_t tlen)
{
	const struct cat_routine *rt = &ui->opt->cat->routines[r];

	snprintf(name, nlen, "Routine: %s", rt->name);
	snprintf(freq, flen, "%u exercise%s", rt->n_exercises, rt->n_exercises == 1 ? "" : "s");
	if (named_done_today(ui, r))
		snprintf(today, tlen, "done today");
}

/* `i` on a named routine: its exercises, in the status line. */
static void named_info(struct ui *ui, unsigned r)
{
	const struct catalogue *cat = ui->opt->cat;
	const struct cat_routine *rt = &cat->routines[r];
	char list[UI_STATUS_MAX - 64] = "", len[16];
	size_t n = 0;

	for (unsigned k = 0; k < rt->n_exercises && n < sizeof(list); k++)
		n += (size_t)snprintf(list + n, sizeof(list) - n, "%s%s", k ? ", " : "",
		                      cat->exercises[rt->exercises[k]].name);
	ui_status(ui, false, "%s (%s): %s", rt->name, ui_clock(menu.named_secs[r], len), list);
}

void ui_menu_start_named(struct ui *ui, unsigned r)
{
	const struct cat_routine *rt = &ui->opt->cat->routines[r];

	ui_play(ui, rt->exercises, rt->n_exercises, rt->id);
}

void ui_menu_init(struct ui *ui)
{
	const struct catalogue *cat = ui->opt->cat;
	unsigned total = 0;

	/* Lengths do not change while the program runs: work them out once. */
	for (unsigned i = 0; i < cat->n_exercises; i++) {
		menu.secs[i + 1] = plan_seconds_at(cat, i, ui->opt->dose);
		total += menu.secs[i + 1];
	}
	menu.secs[0] = total;
	named_init(ui);
	menu.sel = first_entry();
	menu.top = first_entry();
	/* Copies from a second machine that hold lines the files lack, said once. */
	char copies[UI_STATUS_MAX / 2], safe[UI_STATUS_MAX];
	if (ui->opt->history_path && merge_notice(ui->opt->history_path, copies, sizeof(copies)))
		ui_status_add(ui, true, cat_escape(safe, sizeof(safe), copies));
}

const char *ui_menu_today(const struct ui *ui, unsigned exercise)
{
	static char buf[48];

	if (!have_counts(ui) || exercise >= ui->opt->cat->n_exercises)
		return "";
	return words_count(&ui->opt->cat->exercises[exercise], &ui->hist_sum.ex[exercise], buf,
	                   sizeof(buf));
}

unsigned ui_menu_due(const struct ui *ui, unsigned *out)
{
	return hist_due(ui->hist_ok ? &ui->hist_sum : NULL, ui->opt->cat->n_exercises, out);
}

/* Whether the banner shows, from the history and the events as they are now. */
static bool banner_due(const struct ui *ui)
{
	struct prg_params p;

	if (!ui->hist_ok || !ui_events(ui))
		return false;
	prg_params_default(&p);
	return ev_banner_due(&ui->rec->h, ui_events(ui), &p, ui->hist_sum.today);
}

void ui_menu_update_due(struct ui *ui)
{
	menu.banner = banner_due(ui);

	/* The one length of what is due (remind.h), as `due --format=line` says it. */
	struct rem_due d;
	rem_due(ui->opt->cat, ui->hist_ok ? &ui->hist_sum : NULL, ui->opt->dose, &d);
	menu.due_n = d.n;
	menu.due_secs = d.seconds;
}

unsigned ui_menu_due_count(void)
{
	return menu.due_n;
}

unsigned ui_menu_seconds(int entry)
{
	return entry < 0                  ? menu.named_secs[named_of(entry)]
	       : entry == UI_MENU_DUE     ? menu.due_secs
	       : entry == UI_MENU_ROUTINE ? menu.secs[0]
	                                  : menu.secs[entry - UI_MENU_FIRST_EXERCISE + 1];
}

int ui_menu_named(int entry)
{
	return named_of(entry);
}

int ui_menu_exercise(int entry)
{
	return entry >= UI_MENU_FIRST_EXERCISE ? entry - UI_MENU_FIRST_EXERCISE : -1;
}

/* ---- Pauses ------------------------------------------------------------- */

static struct {
	struct hist_pause *p;
	size_t n;
	bool today;    /* today is paused */
	int32_t until; /* and the pause's last day */
} paused;

const struct hist_pause *ui_menu_pauses(const struct ui *ui, time_t now, size_t *n)
{
	const struct records *r = ui->rec;

	free(paused.p);
	memset(&paused, 0, sizeof(paused));
	if (ui_events(ui)) {
		paused.n = ev_pauses(&r->ev, &paused.p);
		paused.today = ev_paused_until(&r->ev, hist_today(now), &paused.until);
	}
	*n = paused.n;
	return paused.p;
}

/* "Paused until 2026-12-05" under the title while lumbar is paused. */
static void draw_paused(int y)
{
	char buf[48], day[16];

	if (!paused.today)
		return;
	snprintf(buf, sizeof(buf), "Paused until %s",
	         hist_format_day(paused.until, day, sizeof(day)));
	ui_draw_text(y, 1, COLS - 2, buf, ui_draw_attr(UI_ROLE_DIM));
}

/* ---- Menu ---------------------------------------------------------------- */

/* Rows the disclaimer takes at the current width. */
static int disclaimer_rows(void)
{
	struct ui_draw_flow f = { .top = 0, .bottom = 0, .x = 0, .w = COLS - 2 };

	if (menu.banner)
		ui_draw_flow_add(&f, NULL, banner, A_NORMAL);
	ui_draw_flow_add(&f, NULL, disclaimer, A_NORMAL);
	return f.row;
}

/* "12 min today": the routine row's share of the history; nothing before any work. */
static void minutes_today(const struct ui *ui, char *buf, size_t len)
{
	uint64_t s = ui->hist_sum.today_active_s;

	if (!have_counts(ui) || s == 0)
		buf[0] = '\0';
	else if (s > 0 && s < 30)
		snprintf(buf, len, "<1 min today");
	else
		snprintf(buf, len, "%llu min today", (unsigned long long)(s + 30) / 60);
}

/*
 * Rows the status line takes: wrapped, since a warning names a file and
 * why, but at most two (or one on a short screen) so the list keeps room.
 */
static int status_rows(const struct ui *ui)
{
	struct ui_draw_flow f = { .top = 0, .bottom = 0, .x = 0, .w = COLS };
	int max = LINES >= 12 ? 2 : 1;

	if (!ui->status_line[0])
		return 0;
	ui_draw_flow_add(&f, NULL, ui->status_line, A_NORMAL);
	return f.row < max ? f.row : max;
}

bool ui_menu_row(const struct ui *ui, int entry, char *name, size_t nlen, char *freq, size_t flen,
                 char *today, size_t tlen)
{
	const struct catalogue *cat = ui->opt->cat;
	int ex_i = ui_menu_exercise(entry);

	freq[0] = today[0] = '\0';
	if (named_of(entry) >= 0) {
		named_row(ui, (unsigned)named_of(entry), name, nlen, freq, flen, today, tlen);
	} else if (entry == UI_MENU_ROUTINE) {
		snprintf(name, nlen, "Full routine: %s", cat->routine_name);
		snprintf(freq, flen, "%u exercises", cat->n_exercises);
		minutes_today(ui, today, tlen);
	} else if (entry == UI_MENU_DUE) {
		snprintf(name, nlen, "Due now");
		if (menu.due_n)
			snprintf(freq, flen, "%u exercise%s", menu.due_n,
			         menu.due_n == 1 ? "" : "s");
		else
			snprintf(freq, flen, "nothing due");
	} else {
		const struct cat_exercise *ex = &cat->exercises[ex_i];

		snprintf(name, nlen, "%s", ex->name);
		words_frequency(&ex->freq, WORDS_SHORT, freq, flen);
		if (have_counts(ui)) {
			snprintf(today, tlen, "%s", ui_menu_today(ui, (unsigned)ex_i));
			return ui->hist_sum.ex[ex_i].due;
		}
	}
	return false;
}

int ui_menu_first(void)
{
	return first_entry();
}

int ui_menu_end(const struct ui *ui)
{
	return entries(ui);
}

static void draw_entry(const struct ui *ui, int y, int entry, int w_len, int w_freq, int w_today)
{
	bool sel = entry == menu.sel;
	attr_t a = sel ? ui_draw_attr(UI_ROLE_SELECT) : A_NORMAL;
	char name[CAT_MAX_STRING + 64], len[16], freq[48], count[48], today[64] = "";
	int x, w_name, ex_i = ui_menu_exercise(entry);
	bool due =
	    ui_menu_row(ui, entry, name, sizeof(name), freq, sizeof(freq), count, sizeof(count));

	if (ex_i < 0) {
		/* A named routine done today has its mark before the words. */
		snprintf(today, sizeof(today), "%s%s",
		         named_of(entry) >= 0 && count[0] ? (ui_draw_utf8() ? "\u2713 " : "+ ")
		                                          : "",
		         count);
		if (!sel)
			a = ui_draw_attr(UI_ROLE_TITLE);
	} else if (have_counts(ui)) {
		/* The mark leads the column, so what is due reads down one edge. */
		snprintf(today, sizeof(today), "%s %s",
		         due ? (ui_draw_utf8() ? "\u2022" : "*") : " ", count);
	}
	ui_clock(ui_menu_seconds(entry), len);

	if (sel) {
		/* The highlight spans the row, so it reads from across the room. */
		attrset(a);
		mvhline(y, 0, ' ', COLS);
		attrset(A_NORMAL);
	}
	ui_draw_text(y, 0, 2, sel ? ">" : " ", a);
	w_name = COLS - 2 - (w_len + 1) - (w_freq ? w_freq + 2 : 0) - (w_today ? w_today + 2 : 0);
	ui_draw_text(y, 2, w_name, name, a);
	if (sel)
		ui_draw_focus(y, 2); /* the terminal's cursor at the start of its name */
	x = 2 + w_name + 1;
	ui_draw_text(y, x + w_len - ui_draw_width(len), w_len, len, a);
	x += w_len + 2;
	if (w_freq) {
		ui_draw_text(y, x, w_freq, freq, a);
		x += w_freq + 2;
	}
	if (w_today > 1)
		ui_draw_text(y, x, w_today, today, a);
	else if (w_today == 1 && ex_i >= 0)
		ui_draw_text(y, x, 1, today, a); /* only the due mark fits */
}

void ui_menu_draw(struct ui *ui)
{
	const struct catalogue *cat = ui->opt->cat;
	int n = entries(ui);
	int dis = disclaimer_rows();
	bool keys = LINES >= 12;
	bool gaps = LINES >= 10;
	int top = gaps ? 2 : 1;
	int bottom = LINES - dis - (keys ? 1 : 0) - (gaps ? 1 : 0); /* first row after the list */
	int status = status_rows(ui);
	int w_len = 7, w_freq = COLS >= 50 ? 12 : 0;
	int w_today = !have_counts(ui) ? 0 : COLS >= 70 ? 15 : COLS >= 50 ? 1 : 0;
	char title[CAT_MAX_STRING + 32];

	bottom -= status;

	snprintf(title, sizeof(title), "lumbar \u00b7 %s", cat->routine_name);
	char level[32];
	ui_dose_words(ui, -1, level, sizeof(level));
	/* The dose's words on the right, when they fit beside the title's start. */
	bool right = COLS >= 40;
	ui_draw_text(0, 0, right ? COLS - (int)strlen(level) - 2 : COLS, title,
	             ui_draw_attr(UI_ROLE_TITLE));
	if (right)
		ui_draw_right(0, level, ui_draw_attr(UI_ROLE_DIM));

	if (gaps)
		draw_paused(1);
	menu.list_rows = bottom - top;
	if (menu.list_rows < 1) {
		/* Very short: the list wins over the disclaimer's second row. */
		menu.list_rows = 1;
		bottom = top + 1;
	}
	if (menu.sel < menu.top)
		menu.top = menu.sel;
	if (menu.sel >= menu.top + menu.list_rows)
		menu.top = menu.sel - menu.list_rows + 1;
	if (menu.top > n - menu.list_rows)
		menu.top = n - menu.list_rows > first_entry() ? n - menu.list_rows : first_entry();
	for (int i = 0; i < menu.list_rows && menu.top + i < n; i++)
		draw_entry(ui, top + i, menu.top + i, w_len, w_freq, w_today);

	struct ui_draw_flow f = { .top = bottom + (gaps ? 1 : 0),
		                  .bottom = LINES - (keys ? 1 : 0) - status,
		                  .x = 1,
		                  .w = COLS - 2 };
	if (menu.banner)
		ui_draw_flow_add(&f, NULL, banner, A_NORMAL);
	ui_draw_flow_add(&f, NULL, disclaimer, ui_draw_attr(UI_ROLE_DIM));
	if (status) {
		struct ui_draw_flow sf = { .top = LINES - (keys ? 1 : 0) - status,
			                   .bottom = LINES - (keys ? 1 : 0),
			                   .x = 0,
			                   .w = COLS };

		ui_draw_flow_add(&sf, NULL, ui->status_line,
		                 ui_draw_attr(ui->status_alert ? UI_ROLE_ALERT : UI_ROLE_TITLE));
	}
	if (keys)
		ui_draw_text(LINES - 1, 0, COLS,
		             COLS >= 92   ? "j/k move  Enter start  a routine  d due  h history  "
		                            "Tab details  i get help  ? keys  q quit"
		             : COLS >= 74 ? "j/k move  Enter start  Tab details  h history  "
		                            "i get help  ? keys  q quit"
		                          : "j/k move  Enter start  i get help  ? keys  q quit",
		             ui_draw_attr(UI_ROLE_DIM));
}

static void select_by(struct ui *ui, int by)
{
	int n = entries(ui);

	menu.sel += by;
	if (menu.sel < first_entry())
		menu.sel = first_entry();
	if (menu.sel >= n)
		menu.sel = n - 1;
}

void ui_menu_start(struct ui *ui, int entry)
{
	unsigned idx[CAT_MAX_EXERCISES];
	unsigned n = ui->opt->cat->n_exercises;

	if (named_of(entry) >= 0) {
		ui_menu_start_named(ui, (unsigned)named_of(entry));
	} else if (entry == UI_MENU_ROUTINE) {
		for (unsigned i = 0; i < n; i++)
			idx[i] = i;
		ui_play(ui, idx, n, "all");
	} else if (entry == UI_MENU_DUE) {
		n = ui_menu_due(ui, idx);
		if (n == 0)
			ui_status(ui, false, "%s", UI_NOTHING_DUE);
		else
			ui_play(ui, idx, n, "due");
	} else {
		idx[0] = (unsigned)ui_menu_exercise(entry);
		ui_play(ui, idx, 1, NULL);
	}
}

void ui_menu_key(struct ui *ui, enum ui_action action)
{
	/* A note is read once; the next key makes room for the disclaimer again. */
	if (action != UI_ACT_NONE)
		ui->status_line[0] = '\0';
	switch (action) {
	case UI_ACT_UP:
		select_by(ui, -1);
		break;
	case UI_ACT_DOWN:
		select_by(ui, 1);
		break;
	case UI_ACT_PAGE_UP:
		select_by(ui, -menu.list_rows);
		break;
	case UI_ACT_PAGE_DOWN:
		select_by(ui, menu.list_rows);
		break;
	case UI_ACT_FIRST:
		select_by(ui, first_entry() - entries(ui));
		break;
	case UI_ACT_LAST:
		select_by(ui, entries(ui) - first_entry());
		break;
	case UI_ACT_START:
		ui_menu_start(ui, menu.sel);
		break;
	case UI_ACT_ROUTINE:
		ui_menu_start(ui, UI_MENU_ROUTINE);
		break;
	case UI_ACT_DUE:
		ui_menu_start(ui, UI_MENU_DUE);
		break;
	case UI_ACT_HISTORY:
		ui->screen = UI_SCREEN_HISTORY;
		break;
	case UI_ACT_INFO:
		if (named_of(menu.sel) >= 0)
			named_info(ui, (unsigned)named_of(menu.sel));
		else
			ui_info_open(ui, menu.sel);
		break;
	case UI_ACT_SAFETY:
		ui_safety_open(ui);
		break;
	case UI_ACT_QUIT:
		ui->quit = true;
		ui->status = 0;
		break;
	default:
		break;
	}
}

/* Where the numbers come from (issue 13): "medium level", "step 4 of 20" or "each at its step". */
const char *ui_dose_words(const struct ui *ui, int exercise, char *buf, size_t len)
{
	const struct plan_dose *d = ui->opt->dose;
	struct prg_dose pd;

	if (d->forced) {
		snprintf(buf, len, "%s level", cat_level_name(d->level));
	} else if (exercise < 0) {
		snprintf(buf, len, "each at its step");
	} else {
		plan_dose_of(ui->opt->cat, d, (unsigned)exercise, &pd);
		words_step(pd.k, pd.steps, buf, len);
	}
	return buf;
}
