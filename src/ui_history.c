/*
 * ui_history.c - the history view (`h` in the menu): a calendar of the last
 * twelve weeks shaded by how much of each day's due work was done, streaks,
 * per-exercise adherence over 7 and 30 days with each exercise's step, and
 * pain after sessions over time. It fits 80x24, its table's names take the
 * width a wider screen has, and it draws from the summary the menu already
 * holds; it reads no file.
 */
#include <stdio.h>
#include <string.h>

#include "words.h"
#include "history.h"
#include "ui_draw.h"
#include "ui_priv.h"

enum {
	CAL_WEEKS = HIST_CAL_DAYS / 7,
	CAL_X = 6,      /* first week column; weekday names before it */
	TABLE_X = 33,   /* adherence table */
	CHART_ROWS = 4, /* pain chart height, in rows of eighth blocks */
	NAME_MIN = 16,  /* the table's name column where the screen has room */
	NAME_FLOOR = 8, /* ... and at its narrowest, so that the step stays whole */
	FIGURES_W = 32  /* the table's columns after the name: done, 7 d, 30 d, step */
};

static const char *const weekday_names[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

/* One calendar cell: shade 0 (nothing) to 4 (all due work done). */
static void draw_cell(int y, int x, unsigned level, bool future)
{
	static const char *const utf8_shades[5] = { "\u00b7", "\u2591", "\u2592", "\u2593",
		                                    "\u2588" };
	static const char *const ascii_shades[5] = { ".", ":", "o", "O", "#" };
	const char *cell;

	if (future) {
		mvaddstr(y, x, " ");
		return;
	}
	cell = ui_draw_utf8() ? utf8_shades[level] : ascii_shades[level];
	attr_t attr = level == 0 ? ui_draw_attr(UI_ROLE_DIM) : ui_draw_attr(UI_ROLE_WORK);
	attron(attr);
	mvaddstr(y, x, cell);
	attroff(attr);
}

/*
 * The calendar: one column per week (oldest on the left), one row per
 * weekday, Monday on top. Today is the last cell drawn; later days of this
 * week stay blank.
 */
static int draw_calendar(const struct hist_summary *s, int top)
{
	unsigned today_wd = hist_weekday(s->today);
	/* Day number of the Monday of the oldest week shown. */
	int32_t first_monday = s->today - (int32_t)today_wd - 7 * (CAL_WEEKS - 1);

	ui_draw_text(top, 0, TABLE_X - 2, "Last 12 weeks", ui_draw_attr(UI_ROLE_TITLE));
	for (int wd = 0; wd < 7; wd++) {
		ui_draw_text(top + 1 + wd, 1, 3, weekday_names[wd], ui_draw_attr(UI_ROLE_DIM));
		for (int w = 0; w < CAL_WEEKS; w++) {
			int32_t day = first_monday + 7 * w + wd;
			struct hist_day d;
			int32_t idx = day - (s->today - (HIST_CAL_DAYS - 1));
			unsigned level = 0;
			if (idx >= 0 && idx < HIST_CAL_DAYS)
				level = s->cal[idx].level;
			else if (day <= s->today && hist_summary_day(s, day, &d))
				level = d.level;
			draw_cell(top + 1 + wd, CAL_X + 2 * w, level, day > s->today);
		}
	}
	/*
	 * What a cell counts: the share of the day's due work done. One legend
	 * or the other: in a C locale the UTF-8 one is a dozen bytes wide.
	 */
	ui_draw_text(top + 8, 1, TABLE_X - 2,
	             ui_draw_utf8() ? "due work done: none \u00b7\u2591\u2592\u2593\u2588 all"
	                            : "due work done: none .:oO# all",
	             ui_draw_attr(UI_ROLE_DIM));
	return top + 9;
}

/*
 * Per exercise: count against frequency, adherence over 7 and 30 days, and
 * its step as a person counts it, "2 of 5" or "fixed" (issue 20 §2), as
 * derived at start. The name gives up columns first so that the step stays
 * whole: 16 where they fit, at least 8.
 */

static void draw_table(const struct ui *ui, const struct hist_summary *s, int top, int bottom,
                       int x)
{
	const struct catalogue *cat = ui->opt->cat;
	char count[48], line[96], step[16];
	int w = COLS - x, name_w = NAME_MIN;

	if (w < 20 || top >= bottom)
		return;
	/* The names take what the screen has beyond the figures, up to the longest. */
	for (unsigned i = 0; i < cat->n_exercises; i++) {
		int nw = ui_draw_width(cat->exercises[i].name);
		if (nw > name_w)
			name_w = nw;
	}
	/* The name gives up columns first, so that the step stays whole. */
	if (name_w > w - 1 - FIGURES_W)
		name_w = w - 1 - FIGURES_W > NAME_FLOOR ? w - 1 - FIGURES_W : NAME_FLOOR;
	ui_draw_text(top, x, name_w + 1, "Exercise", ui_draw_attr(UI_ROLE_TITLE));
	snprintf(line, sizeof(line), "%-13s %4s %5s %7s", "Done", "7 d", "30 d", "Step");
	ui_draw_text(top, x + name_w + 1, w - name_w - 1, line, ui_draw_attr(UI_ROLE_TITLE));
	for (unsigned i = 0; i < cat->n_exercises && top + 1 + (int)i < bottom; i++) {
		const struct cat_exercise *ex = &cat->exercises[i];
		const struct hist_ex_stat *st = &s->ex[i];
		attr_t a = st->due ? ui_draw_attr(UI_ROLE_NORMAL) : ui_draw_attr(UI_ROLE_DIM);

		if (ui->opt->steps)
			words_step_short(ui->opt->steps[i].k, ui->opt->steps[i].steps, step,
			                 sizeof(step));
		else
			snprintf(step, sizeof(step), "-");
		/* The name as in the menu, cut with an ellipsis to its column. */
		ui_draw_text(top + 1 + (int)i, x, name_w, ex->name, a);
		snprintf(line, sizeof(line), "%-13s %3u%% %4u%% %7s",
		         words_count(ex, st, count, sizeof(count)), st->pct7, st->pct30, step);
		ui_draw_text(top + 1 + (int)i, x + name_w + 1, w - name_w - 1, line, a);
	}
}

/* Average pain of the week starting at `monday`, or -1 without scores. */
static double week_pain(const struct hist_summary *s, int32_t monday)
{
	unsigned sum = 0, n = 0;

	for (int32_t day = monday; day < monday + 7 && day <= s->today; day++) {
		struct hist_day d;
		if (hist_summary_day(s, day, &d)) {
			sum += d.pain_sum;
			n += d.pain_n;
		}
	}
	return n ? (double)sum / n : -1;
}

/*
 * Pain over the same twelve weeks as the calendar, one bar per week under
 * its column, CHART_ROWS rows high with eighth-block precision.
 */
static void draw_pain(const struct hist_summary *s, int top)
{
	static const char *const eighths[9] = { " ",      "\u2581", "\u2582", "\u2583", "\u2584",
		                                "\u2585", "\u2586", "\u2587", "\u2588" };
	int32_t first_monday = s->today - (int32_t)hist_weekday(s->today) - 7 * (CAL_WEEKS - 1);
	char buf[96];

	/* The score asked after each session, not the one before it. */
	ui_draw_text(top, 0, TABLE_X - 2, "Pain after, weekly average",
	             ui_draw_attr(UI_ROLE_TITLE));
	mvaddstr(top + 1, 0, "10");
	mvaddstr(top + CHART_ROWS, 1, "0");
	for (int w = 0; w < CAL_WEEKS; w++) {
		double p = week_pain(s, first_monday + 7 * w);
		if (p < 0) {
			mvaddstr(top + CHART_ROWS, CAL_X + 2 * w, ui_draw_utf8() ? "\u00b7" : ".");
			continue;
		}
		/* Height in eighths of a row; a score of 0 still shows a sliver. */
		int h = (int)(p / HIST_MAX_PAIN * CHART_ROWS * 8 + 0.5);
		if (h < 1)
			h = 1;
		for (int r = 0; r < CHART_ROWS; r++) {
			int fill = h - 8 * (CHART_ROWS - 1 - r);
			fill = fill < 0 ? 0 : fill > 8 ? 8 : fill;
			if (ui_draw_utf8())
				mvaddstr(top + 1 + r, CAL_X + 2 * w, eighths[fill]);
			else if (fill >= 4)
				mvaddstr(top + 1 + r, CAL_X + 2 * w, "#");
		}
	}

	if (!s->has_pain) {
		snprintf(buf, sizeof(buf), "No pain scores yet: answer after a session.");
	} else if (!hist_pain_trend(s)) {
		snprintf(buf, sizeof(buf), "Pain so far: %.1f on average.", s->pain_last);
	} else {
		double d = s->pain_last - s->pain_first;
		snprintf(buf, sizeof(buf), "Pain: first week %.1f, last week %.1f (%s).",
		         s->pain_first, s->pain_last,
		         d <= -0.5  ? "better"
		         : d >= 0.5 ? "worse"
		                    : "about the same");
	}
	ui_draw_text(top + CHART_ROWS + 1, 0, COLS, buf, ui_draw_attr(UI_ROLE_NORMAL));
}

/* The exercises stopped with x over the calendar's twelve weeks, when any were. */
static void draw_stops(const struct hist_summary *s, int y, int w)
{
	unsigned stops = 0;
	char buf[64];

	for (int i = 0; i < HIST_CAL_DAYS; i++)
		stops += s->cal[i].stopped;
	if (!stops || y >= LINES - 1)
		return;
	snprintf(buf, sizeof(buf), "Stopped: %u in %d weeks", stops, (int)CAL_WEEKS);
	ui_draw_text(y, 0, w, buf, ui_draw_attr(UI_ROLE_NORMAL));
}

void ui_history_draw(struct ui *ui)
{
	const struct hist_summary *s = &ui->hist_sum;
	char buf[96], day[16];
	int row;
	bool cal;

	ui_draw_text(0, 0, COLS, "History", ui_draw_attr(UI_ROLE_TITLE));
	snprintf(buf, sizeof(buf), "today %s", hist_format_day(s->today, day, sizeof(day)));
	ui_draw_right(0, buf, ui_draw_attr(UI_ROLE_DIM));
	if (!ui->hist_ok) {
		ui_draw_text(2, 1, COLS - 2, "No history can be shown.",
		             ui_draw_attr(UI_ROLE_ALERT));
		if (ui->hist_warning)
			ui_draw_text(3, 1, COLS - 2, ui->hist_warning,
			             ui_draw_attr(UI_ROLE_NORMAL));
		ui_draw_text(LINES - 1, 0, COLS, "q back", ui_draw_attr(UI_ROLE_DIM));
		return;
	}

	/*
	 * The calendar needs 12 rows and 30 columns; below that the figures
	 * that still fit come first: streaks and today, then the table.
	 */
	cal = LINES >= 13 && COLS >= CAL_X + 2 * CAL_WEEKS;
	row = cal ? draw_calendar(s, 2) : 2;
	if (cal)
		draw_table(ui, s, 2, LINES - 1, TABLE_X);

	/* Beside the table's last rows, so only the calendar's width is free. */
	snprintf(buf, sizeof(buf), "Streak: %u day%s (best %u)", s->streak,
	         s->streak == 1 ? "" : "s", s->best_streak);
	ui_draw_text(row, 0, cal ? TABLE_X - 2 : COLS, buf, ui_draw_attr(UI_ROLE_NORMAL));
	if (s->today_active_s > 0 && s->today_active_s < 30)
		snprintf(buf, sizeof(buf), "Today: <1 min");
	else
		snprintf(buf, sizeof(buf), "Today: %llu min",
		         (unsigned long long)(s->today_active_s + 30) / 60);
	if (row + 1 < LINES - 1)
		ui_draw_text(row + 1, 0, cal ? TABLE_X - 2 : COLS, buf,
		             ui_draw_attr(UI_ROLE_NORMAL));
	draw_stops(s, row + 2, cal ? TABLE_X - 2 : COLS);
	if (!cal)
		draw_table(ui, s, row + 3, LINES - 1, 0);
	else if (row + 3 + CHART_ROWS + 1 < LINES - 1)
		draw_pain(s, row + 3);
	ui_draw_text(LINES - 1, 0, COLS, "q back  ? keys", ui_draw_attr(UI_ROLE_DIM));
}

void ui_history_key(struct ui *ui, enum ui_action action)
{
	switch (action) {
	case UI_ACT_QUIT:
	case UI_ACT_BACK:
		ui->screen = UI_SCREEN_MENU;
		break;
	case UI_ACT_HELP:
		ui_help(ui);
		break;
	default:
		break;
	}
}
