/*
 * ui_menu.c - the menu (the routine, then each exercise with its length and
 * frequency) and the details screen an exercise opens with `i`.
 */
#include <stdio.h>
#include <string.h>

#include <curses.h>

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
	return (int)ui->opt->cat->n_exercises + 1;
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
	/* The history module (issue 5) fills this column: "1/2 today". */
	(void)ui;
	(void)exercise;
	return "";
}

unsigned ui_menu_due(const struct ui *ui, unsigned *out)
{
	/* Without a history every exercise is due. */
	unsigned n = ui->opt->cat->n_exercises;

	for (unsigned i = 0; i < n; i++)
		out[i] = i;
	return n;
}

/* ---- Menu ---------------------------------------------------------------- */

/* Rows the disclaimer takes at the current width. */
static int disclaimer_rows(void)
{
	struct ui_draw_flow f = { .top = 0, .bottom = 0, .x = 0, .w = COLS - 2 };

	ui_draw_flow_add(&f, NULL, disclaimer, A_NORMAL);
	return f.row;
}

static void draw_entry(const struct ui *ui, int y, int entry, int w_len, int w_freq, int w_today)
{
	const struct catalogue *cat = ui->opt->cat;
	bool sel = entry == ui->menu_sel;
	attr_t a = sel ? ui_draw_attr(UI_ROLE_SELECT) : A_NORMAL;
	char name[CAT_MAX_STRING + 64], len[16], freq[48];
	const char *today = "";
	int x, w_name;

	if (entry == 0) {
		snprintf(name, sizeof(name), "Full routine: %s", cat->routine_name);
		snprintf(freq, sizeof(freq), "%u exercises", cat->n_exercises);
		if (!sel)
			a = ui_draw_attr(UI_ROLE_TITLE);
	} else {
		const struct cat_exercise *ex = &cat->exercises[entry - 1];

		snprintf(name, sizeof(name), "%s", ex->name);
		ui_menu_frequency(&ex->freq, freq, sizeof(freq));
		today = ui_menu_today(ui, (unsigned)entry - 1);
	}
	ui_clock(ui->menu_secs[entry], len);

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
	if (w_today)
		ui_draw_text(y, x, w_today, today, a);
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
	int w_len = 7, w_freq = COLS >= 50 ? 12 : 0, w_today = COLS >= 70 ? 13 : 0;
	char title[CAT_MAX_STRING + 32];

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
		                  .bottom = LINES - (keys ? 1 : 0),
		                  .x = 1,
		                  .w = COLS - 2 };
	ui_draw_flow_add(&f, NULL, disclaimer, ui_draw_attr(UI_ROLE_DIM));
	if (keys)
		ui_draw_text(LINES - 1, 0, COLS,
		             "j/k move  Enter start  a routine  i details  ? keys  q quit",
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

	if (entry == 0) {
		for (unsigned i = 0; i < n; i++)
			idx[i] = i;
		ui_play(ui, idx, n, true);
	} else {
		idx[0] = (unsigned)entry - 1;
		ui_play(ui, idx, 1, false);
	}
}

void ui_menu_key(struct ui *ui, enum ui_action action)
{
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
		start_entry(ui, 0);
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

static void info_routine(const struct ui *ui, struct ui_draw_flow *f)
{
	const struct catalogue *cat = ui->opt->cat;
	char buf[CAT_MAX_STRING + 128], len[16], freq[48], num[16];

	snprintf(buf, sizeof(buf), "%u exercises, %s at %s level, each with its get-ready time.",
	         cat->n_exercises, ui_clock(ui->menu_secs[0], len), cat_level_name(ui->opt->level));
	ui_draw_flow_add(f, NULL, buf, A_NORMAL);
	ui_draw_flow_gap(f);
	for (unsigned i = 0; i < cat->n_exercises; i++) {
		snprintf(num, sizeof(num), "%2u. ", i + 1);
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
	if (ui->info_entry == 0)
		info_routine(ui, &f);
	else
		info_exercise(ui, &f, (unsigned)ui->info_entry - 1);
	return f.row;
}

void ui_menu_info_draw(struct ui *ui)
{
	const struct catalogue *cat = ui->opt->cat;
	const char *title =
	    ui->info_entry == 0 ? cat->routine_name : cat->exercises[ui->info_entry - 1].name;
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
