/*
 * ui_menu.c - the menu (the routine, then each exercise with its length and
 * frequency) and the details screen an exercise opens with `i`.
 */
#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "cli_text.h"
#include "ui_draw.h"
#include "ui_priv.h"

/* Said once, plainly, under the list: the routine is not a prescription. */
static const char disclaimer[] =
    "General advice from a public article, no substitute for a physiotherapist. "
    "Stop any exercise that increases pain.";

/* Rows the list had at the last draw, for paging. */
static int list_rows = 10;

static int entries(const struct ui *ui)
{
	return (int)ui->opt->cat->n_exercises + UI_MENU_FIRST_EXERCISE;
}

/* Whether the summary's counts can be shown beside the exercises. */
static bool have_counts(const struct ui *ui)
{
	return ui->hist_ok && ui->hist_sum.n_ex == ui->opt->cat->n_exercises;
}

void ui_menu_init(struct ui *ui)
{
	const struct catalogue *cat = ui->opt->cat;
	unsigned total = 0;

	/* Lengths do not change while the program runs: work them out once. */
	for (unsigned i = 0; i < cat->n_exercises; i++) {
		ui->menu_secs[i + 1] = plan_exercise_seconds(cat, i, ui->opt->level);
		total += ui->menu_secs[i + 1];
	}
	ui->menu_secs[0] = total;
	ui->menu_sel = 0;
	ui->menu_top = 0;
}

const char *ui_menu_frequency(const struct cat_frequency *f, char *buf, size_t len)
{
	const char *per = f->per == CAT_PER_WEEK ? "week" : "day";

	if (f->times == 0)
		snprintf(buf, len, "as needed");
	else if (f->times_max > f->times)
		snprintf(buf, len, "%u-%ux a %s", f->times, f->times_max, per);
	else
		snprintf(buf, len, "%ux a %s", f->times, per);
	return buf;
}

const char *ui_menu_today(const struct ui *ui, unsigned exercise)
{
	static char buf[48];

	if (!have_counts(ui) || exercise >= ui->opt->cat->n_exercises)
		return "";
	return cli_count_text(&ui->opt->cat->exercises[exercise], &ui->hist_sum.ex[exercise], buf,
	                      sizeof(buf));
}

unsigned ui_menu_due(const struct ui *ui, unsigned *out)
{
	return hist_due(ui->hist_ok ? &ui->hist_sum : NULL, ui->opt->cat->n_exercises, out);
}

void ui_menu_update_due(struct ui *ui)
{
	unsigned idx[CAT_MAX_EXERCISES];

	ui->due_n = ui_menu_due(ui, idx);
	ui->due_secs = 0;
	for (unsigned i = 0; i < ui->due_n; i++)
		ui->due_secs += ui->menu_secs[idx[i] + 1];
}

/* The catalogue index of a menu entry, or -1 for the routine and due entries. */
static int entry_exercise(int entry)
{
	return entry >= UI_MENU_FIRST_EXERCISE ? entry - UI_MENU_FIRST_EXERCISE : -1;
}

/* ---- Menu ---------------------------------------------------------------- */

/* Rows the disclaimer takes at the current width. */
static int disclaimer_rows(void)
{
	struct ui_draw_flow f = { .top = 0, .bottom = 0, .x = 0, .w = COLS - 2 };

	ui_draw_flow_add(&f, NULL, disclaimer, A_NORMAL);
	return f.row;
}

/* "12 min today": the routine row's share of the history. */
static void minutes_today(const struct ui *ui, char *buf, size_t len)
{
	unsigned s = ui->hist_sum.today_active_s;

	if (!have_counts(ui))
		buf[0] = '\0';
	else if (s > 0 && s < 30)
		snprintf(buf, len, "<1 min today");
	else
		snprintf(buf, len, "%u min today", (s + 30) / 60);
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

static void draw_entry(const struct ui *ui, int y, int entry, int w_len, int w_freq, int w_today)
{
	const struct catalogue *cat = ui->opt->cat;
	bool sel = entry == ui->menu_sel;
	attr_t a = sel ? ui_draw_attr(UI_ROLE_SELECT) : A_NORMAL;
	char name[CAT_MAX_STRING + 64], len[16], freq[48], today[64] = "";
	int x, w_name, ex_i = entry_exercise(entry);
	unsigned secs;

	if (entry == UI_MENU_ROUTINE) {
		snprintf(name, sizeof(name), "Full routine: %s", cat->routine_name);
		snprintf(freq, sizeof(freq), "%u exercises", cat->n_exercises);
		minutes_today(ui, today, sizeof(today));
		secs = ui->menu_secs[0];
		if (!sel)
			a = ui_draw_attr(UI_ROLE_TITLE);
	} else if (entry == UI_MENU_DUE) {
		snprintf(name, sizeof(name), "Due now");
		if (ui->due_n)
			snprintf(freq, sizeof(freq), "%u exercise%s", ui->due_n,
			         ui->due_n == 1 ? "" : "s");
		else
			snprintf(freq, sizeof(freq), "nothing due");
		secs = ui->due_secs;
		if (!sel)
			a = ui_draw_attr(UI_ROLE_TITLE);
	} else {
		const struct cat_exercise *ex = &cat->exercises[ex_i];
		bool due = have_counts(ui) && ui->hist_sum.ex[ex_i].due;

		snprintf(name, sizeof(name), "%s", ex->name);
		ui_menu_frequency(&ex->freq, freq, sizeof(freq));
		/* The mark leads the column, so what is due reads down one edge. */
		if (have_counts(ui))
			snprintf(today, sizeof(today), "%s %s",
			         due ? (ui_draw_utf8() ? "\u2022" : "*") : " ",
			         ui_menu_today(ui, (unsigned)ex_i));
		secs = ui->menu_secs[ex_i + 1];
	}
	ui_clock(secs, len);

	if (sel) {
		/* The highlight spans the row, so it reads from across the room. */
		attrset(a);
		mvhline(y, 0, ' ', COLS);
		attrset(A_NORMAL);
	}
	ui_draw_text(y, 0, 2, sel ? ">" : " ", a);
	w_name = COLS - 2 - (w_len + 1) - (w_freq ? w_freq + 2 : 0) - (w_today ? w_today + 2 : 0);
	ui_draw_text(y, 2, w_name, name, a);
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
	ui_draw_text(0, 0, COLS - 14, title, ui_draw_attr(UI_ROLE_TITLE));
	if (COLS >= 40) {
		char level[32];

		snprintf(level, sizeof(level), "level: %s", cat_level_name(ui->opt->level));
		ui_draw_right(0, level, ui_draw_attr(UI_ROLE_DIM));
	}

	list_rows = bottom - top;
	if (list_rows < 1) {
		/* Very short: the list wins over the disclaimer's second row. */
		list_rows = 1;
		bottom = top + 1;
	}
	if (ui->menu_sel < ui->menu_top)
		ui->menu_top = ui->menu_sel;
	if (ui->menu_sel >= ui->menu_top + list_rows)
		ui->menu_top = ui->menu_sel - list_rows + 1;
	if (ui->menu_top > n - list_rows)
		ui->menu_top = n - list_rows > 0 ? n - list_rows : 0;
	for (int i = 0; i < list_rows && ui->menu_top + i < n; i++)
		draw_entry(ui, top + i, ui->menu_top + i, w_len, w_freq, w_today);

	struct ui_draw_flow f = { .top = bottom + (gaps ? 1 : 0),
		                  .bottom = LINES - (keys ? 1 : 0) - status,
		                  .x = 1,
		                  .w = COLS - 2 };
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
		             COLS >= 76 ? "j/k move  Enter start  a routine  d due  h history  "
		                          "i details  ? keys  q quit"
		                        : "j/k move  Enter start  h history  ? keys  q quit",
		             ui_draw_attr(UI_ROLE_DIM));
}

static void select_by(struct ui *ui, int by)
{
	int n = entries(ui);

	ui->menu_sel += by;
	if (ui->menu_sel < 0)
		ui->menu_sel = 0;
	if (ui->menu_sel >= n)
		ui->menu_sel = n - 1;
}

static void start_entry(struct ui *ui, int entry)
{
	unsigned idx[CAT_MAX_EXERCISES];
	unsigned n = ui->opt->cat->n_exercises;

	if (entry == UI_MENU_ROUTINE) {
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
		idx[0] = (unsigned)entry_exercise(entry);
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
		select_by(ui, -list_rows);
		break;
	case UI_ACT_PAGE_DOWN:
		select_by(ui, list_rows);
		break;
	case UI_ACT_FIRST:
		select_by(ui, -entries(ui));
		break;
	case UI_ACT_LAST:
		select_by(ui, entries(ui));
		break;
	case UI_ACT_START:
		start_entry(ui, ui->menu_sel);
		break;
	case UI_ACT_ROUTINE:
		start_entry(ui, UI_MENU_ROUTINE);
		break;
	case UI_ACT_DUE:
		start_entry(ui, UI_MENU_DUE);
		break;
	case UI_ACT_HISTORY:
		ui->screen = UI_SCREEN_HISTORY;
		break;
	case UI_ACT_INFO:
		ui->info_entry = ui->menu_sel;
		ui->info_scroll = 0;
		ui->screen = UI_SCREEN_INFO;
		break;
	case UI_ACT_QUIT:
		ui->quit = true;
		ui->status = 0;
		break;
	default:
		break;
	}
}

/* ---- Details ---------------------------------------------------------------- */

/* Seconds as people write them: "30 s", "5 min", "1:30 min". */
static void secs_text(unsigned s, char *buf, size_t len)
{
	if (s < 60)
		snprintf(buf, len, "%u s", s);
	else if (s % 60 == 0)
		snprintf(buf, len, "%u min", s / 60);
	else
		snprintf(buf, len, "%u:%02u min", s / 60, s % 60);
}

static void range_secs(struct cat_range r, char *buf, size_t len)
{
	char lo[24], hi[24];

	secs_text(r.lo, lo, sizeof(lo));
	if (r.hi <= r.lo) {
		snprintf(buf, len, "%s", lo);
		return;
	}
	secs_text(r.hi, hi, sizeof(hi));
	snprintf(buf, len, "%s to %s", lo, hi);
}

static void range_count(struct cat_range r, char *buf, size_t len)
{
	if (r.hi > r.lo)
		snprintf(buf, len, "%u-%u", r.lo, r.hi);
	else
		snprintf(buf, len, "%u", r.lo);
}

/* One set in a sentence: "hold 5 s, 2 reps, alternating sides, rest 5 s". */
static void set_text(const struct cat_set *s, char *buf, size_t len)
{
	char a[64], b[64], rest[32];
	int n;

	switch (s->mode) {
	case CAT_MODE_HOLD:
		range_secs(s->hold, a, sizeof(a));
		range_count(s->reps, b, sizeof(b));
		n = snprintf(buf, len, "hold %s, %s reps", a, b);
		break;
	case CAT_MODE_REPS:
		range_count(s->reps, a, sizeof(a));
		range_secs(s->tempo, b, sizeof(b));
		n = snprintf(buf, len, "%s reps, %s each", a, b);
		break;
	case CAT_MODE_TIMED:
	default:
		range_secs(s->duration, a, sizeof(a));
		n = snprintf(buf, len, "%s", a);
		break;
	}
	if (n < 0 || (size_t)n >= len)
		return;
	if (s->sides == CAT_SIDES_EACH)
		n += snprintf(buf + n, len - (size_t)n, ", each side");
	else if (s->sides == CAT_SIDES_ALTERNATE)
		n += snprintf(buf + n, len - (size_t)n, ", alternating sides");
	if (s->rest && (size_t)n < len) {
		secs_text(s->rest, rest, sizeof(rest));
		n += snprintf(buf + n, len - (size_t)n, ", rest %s between reps", rest);
	}
	if (s->rest_after && (size_t)n < len) {
		secs_text(s->rest_after, rest, sizeof(rest));
		snprintf(buf + n, len - (size_t)n, ", then rest %s", rest);
	}
}

static void info_exercise(const struct ui *ui, struct ui_draw_flow *f, unsigned e)
{
	const struct cat_exercise *ex = &ui->opt->cat->exercises[e];
	attr_t head = ui_draw_attr(UI_ROLE_TITLE);
	char buf[CAT_MAX_STRING + 128], freq[48], len[16], num[16];

	ui_draw_flow_add(f, NULL, ex->summary, A_NORMAL);
	ui_menu_frequency(&ex->freq, freq, sizeof(freq));
	snprintf(buf, sizeof(buf), "%s at %s level, %s", ui_clock(ui->menu_secs[e + 1], len),
	         cat_level_name(ui->opt->level), freq);
	for (unsigned i = 0; i < ex->freq.n_when; i++) {
		size_t used = strlen(buf);

		snprintf(buf + used, sizeof(buf) - used, "%s%s", i ? ", " : " (", ex->freq.when[i]);
		if (i + 1 == ex->freq.n_when) {
			used = strlen(buf);
			snprintf(buf + used, sizeof(buf) - used, ")");
		}
	}
	ui_draw_flow_add(f, NULL, buf, ui_draw_attr(UI_ROLE_DIM));
	if (ex->position) {
		ui_draw_flow_gap(f);
		ui_draw_flow_add(f, NULL, "Starting position", head);
		ui_draw_flow_add(f, NULL, ex->position, A_NORMAL);
	}
	ui_draw_flow_gap(f);
	ui_draw_flow_add(f, NULL, "Steps", head);
	for (unsigned i = 0; i < ex->n_steps; i++) {
		snprintf(num, sizeof(num), "%2u. ", i + 1);
		ui_draw_flow_add(f, num, ex->steps[i], A_NORMAL);
	}
	if (ex->n_cautions) {
		ui_draw_flow_gap(f);
		ui_draw_flow_add(f, NULL, "Cautions", head);
		for (unsigned i = 0; i < ex->n_cautions; i++)
			ui_draw_flow_add(f, " ! ", ex->cautions[i], A_NORMAL);
	}
	ui_draw_flow_gap(f);
	ui_draw_flow_add(f, NULL, "Sets", head);
	for (unsigned i = 0; i < ex->n_sets; i++) {
		char set[256], line[CAT_MAX_STRING + 300];

		set_text(&ex->sets[i], set, sizeof(set));
		snprintf(line, sizeof(line), "%s: %s", ex->sets[i].name, set);
		ui_draw_flow_add(f, " - ", line, A_NORMAL);
	}
}

/* The routine, or with `due` only what is due, one exercise a paragraph. */
static void info_routine(const struct ui *ui, struct ui_draw_flow *f, bool due)
{
	const struct catalogue *cat = ui->opt->cat;
	char buf[CAT_MAX_STRING + 128], len[16], freq[48], num[16];
	unsigned idx[CAT_MAX_EXERCISES], n = cat->n_exercises;

	if (due) {
		n = ui_menu_due(ui, idx);
		if (n == 0) {
			ui_draw_flow_add(f, NULL, UI_NOTHING_DUE, A_NORMAL);
			return;
		}
		snprintf(buf, sizeof(buf),
		         "What is not yet done as often as its frequency asks: %u exercise%s, %s "
		         "at %s level.",
		         n, n == 1 ? "" : "s", ui_clock(ui->due_secs, len),
		         cat_level_name(ui->opt->level));
	} else {
		for (unsigned i = 0; i < n; i++)
			idx[i] = i;
		snprintf(buf, sizeof(buf),
		         "%u exercises, %s at %s level, each with its get-ready time.", n,
		         ui_clock(ui->menu_secs[0], len), cat_level_name(ui->opt->level));
	}
	ui_draw_flow_add(f, NULL, buf, A_NORMAL);
	ui_draw_flow_gap(f);
	for (unsigned k = 0; k < n; k++) {
		unsigned i = idx[k];

		snprintf(num, sizeof(num), "%2u. ", k + 1);
		snprintf(buf, sizeof(buf), "%s (%s, %s): %s", cat->exercises[i].name,
		         ui_clock(ui->menu_secs[i + 1], len),
		         ui_menu_frequency(&cat->exercises[i].freq, freq, sizeof(freq)),
		         cat->exercises[i].summary);
		ui_draw_flow_add(f, num, buf, A_NORMAL);
	}
}

/* Lay out the details; with `draw` false only measure them (nothing shows). */
static int info_flow(struct ui *ui, bool draw)
{
	struct ui_draw_flow f = { .top = 2, .bottom = draw ? LINES - 1 : 2, .x = 1, .w = COLS - 2 };

	f.scroll = ui->info_scroll;
	if (entry_exercise(ui->info_entry) < 0)
		info_routine(ui, &f, ui->info_entry == UI_MENU_DUE);
	else
		info_exercise(ui, &f, (unsigned)entry_exercise(ui->info_entry));
	return f.row;
}

void ui_menu_info_draw(struct ui *ui)
{
	const struct catalogue *cat = ui->opt->cat;
	int ex_i = entry_exercise(ui->info_entry);
	const char *title = ui->info_entry == UI_MENU_DUE ? "Due now"
	                    : ex_i < 0                    ? cat->routine_name
	                                                  : cat->exercises[ex_i].name;
	int rows = LINES - 3; /* between the title and the key hints */
	int height = info_flow(ui, false);

	if (ui->info_scroll > height - rows)
		ui->info_scroll = height - rows > 0 ? height - rows : 0;
	ui->info_height = height;
	ui_draw_text(0, 1, COLS - 2, title, ui_draw_attr(UI_ROLE_TITLE));
	info_flow(ui, true);
	ui_draw_text(LINES - 1, 0, COLS,
	             height > rows ? "Enter start  j/k scroll  q back  ? keys"
	                           : "Enter start  q back  ? keys",
	             ui_draw_attr(UI_ROLE_DIM));
}

void ui_menu_info_key(struct ui *ui, enum ui_action action)
{
	int page = LINES - 4 > 1 ? LINES - 4 : 1;

	switch (action) {
	case UI_ACT_UP:
		ui->info_scroll--;
		break;
	case UI_ACT_DOWN:
		ui->info_scroll++;
		break;
	case UI_ACT_PAGE_UP:
		ui->info_scroll -= page;
		break;
	case UI_ACT_PAGE_DOWN:
		ui->info_scroll += page;
		break;
	case UI_ACT_FIRST:
		ui->info_scroll = 0;
		break;
	case UI_ACT_LAST:
		ui->info_scroll = ui->info_height;
		break;
	case UI_ACT_START:
		start_entry(ui, ui->info_entry);
		break;
	case UI_ACT_BACK:
		ui->screen = UI_SCREEN_MENU;
		break;
	default:
		break;
	}
	/* Clamped against the height at the next draw. */
	if (ui->info_scroll < 0)
		ui->info_scroll = 0;
}
