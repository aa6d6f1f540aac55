/*
 * ui_info.c - the details screen (Tab in the menu): one exercise in full
 * (summary, length, frequency, its figure's key poses, position, steps,
 * cautions, sets), or the routine or what is due, one exercise a
 * paragraph. It scrolls.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "hook.h"
#include "ui_draw.h"
#include "words.h"
#include "ui_priv.h"

/*
 * Which menu entry is shown, how far scrolled, and how tall it was drawn;
 * what `o` said, on the key line until the next key.
 */
static struct {
	int entry, scroll, height;
	char said[CAT_MAX_STRING + 64];
} info;

void ui_info_open(struct ui *ui, int entry)
{
	info.entry = entry;
	info.scroll = 0;
	info.said[0] = '\0';
	ui->screen = UI_SCREEN_INFO;
}

/*
 * One set in a sentence, today's numbers beside the ranges: "now 30 s
 * \u00d7 2, range 20-30 s, alternating sides, rest 5 s between reps".
 */
static void set_text(const struct cat_set *s, const struct prg_set_dose *d, char *buf, size_t len)
{
	char rest[32];
	int n;

	words_set_now(s, d, buf, len);
	n = (int)strlen(buf);
	if (s->sides == CAT_SIDES_EACH)
		n += snprintf(buf + n, len - (size_t)n, ", each side");
	else if (s->sides == CAT_SIDES_ALTERNATE)
		n += snprintf(buf + n, len - (size_t)n, ", alternating sides");
	if (s->rest && (size_t)n < len) {
		words_seconds(s->rest, rest, sizeof(rest));
		n += snprintf(buf + n, len - (size_t)n, ", rest %s between reps", rest);
	}
	if (s->rest_after && (size_t)n < len) {
		words_seconds(s->rest_after, rest, sizeof(rest));
		snprintf(buf + n, len - (size_t)n, ", then rest %s", rest);
	}
}

/* A pose on the details screen: `show`'s size, the box at one dot a unit. */
enum { INFO_FIG_W = 24, INFO_FIG_H = 8, INFO_FIG_GAP = 2 };

/* Lines of text as rows of the flow, as they are: a figure is not wrapped. */
static void flow_rows(struct ui_draw_flow *f, const char *text)
{
	while (*text) {
		size_t n = strcspn(text, "\n");
		int y = f->top + f->row - f->scroll;

		if (y >= f->top && y < f->bottom)
			mvaddnstr(y, f->x, text, (int)n);
		f->row++;
		text += n + (text[n] == '\n');
	}
}

/*
 * The exercise's figures, as many poses a row as the width takes (the
 * figure module draws them), each named by its sets when the sets differ;
 * nothing on a screen narrower than one pose. `t` is the full screen's
 * flow text (ui_flow_text()).
 */
static void info_figures(struct ui_text *t, const struct cat_exercise *ex)
{
	struct ui_draw_flow *f = t->ctx;
	const struct fig_figure *figs[CAT_MAX_SETS];
	unsigned n = cat_figures(ex, figs);
	unsigned per_row = (unsigned)(f->w + INFO_FIG_GAP) / (INFO_FIG_W + INFO_FIG_GAP);
	char names[CAT_MAX_SETS * 64];

	if (n == 0 || f->w < INFO_FIG_W)
		return;
	for (unsigned k = 0; k < n; k++) {
		char *text = fig_poses_text(figs[k], INFO_FIG_W, INFO_FIG_H, INFO_FIG_GAP, per_row,
		                            "", ui_draw_utf8() ? FIG_BRAILLE : FIG_ASCII);

		ui_draw_flow_gap(f);
		if (n > 1)
			ui_draw_flow_add(f, NULL,
			                 cat_figure_sets(ex, figs[k], names, sizeof(names)),
			                 ui_draw_attr(UI_ROLE_DIM));
		flow_rows(f, text);
		free(text);
	}
}

static void info_exercise(const struct ui *ui, struct ui_text *t, unsigned e,
                          void (*figures)(struct ui_text *, const struct cat_exercise *))
{
	const struct cat_exercise *ex = &ui->opt->cat->exercises[e];
	char buf[CAT_MAX_STRING + 128], freq[48], len[16], num[16], at[32];
	struct prg_dose pd;

	plan_dose_of(ui->opt->cat, ui->opt->dose, e, &pd);
	t->add(t, NULL, ex->summary, UI_TEXT_NORMAL);
	words_frequency(&ex->freq, WORDS_SHORT, freq, sizeof(freq));
	snprintf(buf, sizeof(buf), "%s at %s, %s",
	         ui_clock(ui_menu_seconds(UI_MENU_FIRST_EXERCISE + (int)e), len),
	         ui_dose_words(ui, (int)e, at, sizeof(at)), freq);
	for (unsigned i = 0; i < ex->freq.n_when; i++) {
		size_t used = strlen(buf);

		snprintf(buf + used, sizeof(buf) - used, "%s%s", i ? ", " : " (", ex->freq.when[i]);
		if (i + 1 == ex->freq.n_when) {
			used = strlen(buf);
			snprintf(buf + used, sizeof(buf) - used, ")");
		}
	}
	t->add(t, NULL, buf, UI_TEXT_DIM);
	if (figures)
		figures(t, ex);
	if (ex->position) {
		t->gap(t, true);
		t->add(t, NULL, "Starting position", UI_TEXT_TITLE);
		t->add(t, NULL, ex->position, UI_TEXT_NORMAL);
	}
	t->gap(t, true);
	t->add(t, NULL, "Steps", UI_TEXT_TITLE);
	for (unsigned i = 0; i < ex->n_steps; i++) {
		snprintf(num, sizeof(num), "%2u. ", i + 1);
		t->add(t, num, ex->steps[i], UI_TEXT_NORMAL);
	}
	if (ex->n_cautions) {
		t->gap(t, true);
		t->add(t, NULL, "Cautions", UI_TEXT_TITLE);
		for (unsigned i = 0; i < ex->n_cautions; i++)
			t->add(t, " ! ", ex->cautions[i], UI_TEXT_NORMAL);
	}
	t->gap(t, true);
	t->add(t, NULL, "Sets", UI_TEXT_TITLE);
	for (unsigned i = 0; i < ex->n_sets; i++) {
		char set[256], line[CAT_MAX_STRING + 300];

		set_text(&ex->sets[i], &pd.set[i], set, sizeof(set));
		snprintf(line, sizeof(line), "%s: %s", ex->sets[i].name, set);
		t->add(t, " - ", line, UI_TEXT_NORMAL);
	}
	/*
	 * Where it stands on its ladder and the rule that moves it, in one
	 * sentence (issue 20 §2); nothing to say of a forced level or a
	 * fixed dose, which the line under the summary already names.
	 */
	if (!ui->opt->dose->forced && pd.steps > 0) {
		char step[1024];

		t->gap(t, true);
		t->add(t, NULL, "Progression", UI_TEXT_TITLE);
		t->add(t, NULL, words_step_dose(ex, pd.k, step, sizeof(step)), UI_TEXT_NORMAL);
		t->add(t, NULL, words_progression_rule, UI_TEXT_NORMAL);
	}
}

/*
 * The routine, a named routine (`named` >= 0), or what is due (`entry`
 * UI_MENU_DUE), one exercise a paragraph.
 */
static void info_routine(const struct ui *ui, struct ui_text *t, int entry, int named)
{
	const struct catalogue *cat = ui->opt->cat;
	char buf[CAT_MAX_STRING + 128], len[16], freq[48], num[16], at[32];
	unsigned idx[CAT_MAX_EXERCISES], n = cat->n_exercises;

	if (named >= 0) {
		const struct cat_routine *r = &cat->routines[named];

		n = r->n_exercises;
		for (unsigned i = 0; i < n; i++)
			idx[i] = r->exercises[i];
		snprintf(buf, sizeof(buf), "%u exercise%s, %s, %s, each with its get-ready time.",
		         n, n == 1 ? "" : "s", ui_clock(ui_menu_seconds(entry), len),
		         ui_dose_words(ui, -1, at, sizeof(at)));
	} else if (entry == UI_MENU_DUE) {
		n = ui_menu_due(ui, idx);
		if (n == 0) {
			t->add(t, NULL, UI_NOTHING_DUE, UI_TEXT_NORMAL);
			return;
		}
		snprintf(buf, sizeof(buf),
		         "What is not yet done as often as its frequency asks: %u exercise%s, %s "
		         "%s.",
		         n, n == 1 ? "" : "s", ui_clock(ui_menu_seconds(UI_MENU_DUE), len),
		         ui_dose_words(ui, -1, at, sizeof(at)));
	} else {
		for (unsigned i = 0; i < n; i++)
			idx[i] = i;
		snprintf(buf, sizeof(buf), "%u exercises, %s, %s, each with its get-ready time.", n,
		         ui_clock(ui_menu_seconds(UI_MENU_ROUTINE), len),
		         ui_dose_words(ui, -1, at, sizeof(at)));
	}
	t->add(t, NULL, buf, UI_TEXT_NORMAL);
	t->gap(t, true);
	for (unsigned k = 0; k < n; k++) {
		unsigned i = idx[k];

		snprintf(num, sizeof(num), "%2u. ", k + 1);
		snprintf(buf, sizeof(buf), "%s (%s, %s): %s", cat->exercises[i].name,
		         ui_clock(ui_menu_seconds(UI_MENU_FIRST_EXERCISE + (int)i), len),
		         words_frequency(&cat->exercises[i].freq, WORDS_SHORT, freq, sizeof(freq)),
		         cat->exercises[i].summary);
		t->add(t, num, buf, UI_TEXT_NORMAL);
	}
}

const char *ui_info_title(const struct ui *ui, int entry)
{
	const struct catalogue *cat = ui->opt->cat;
	int ex = ui_menu_exercise(entry);

	int named = ui_menu_named(entry);

	return entry == UI_MENU_DUE ? "Due now"
	       : named >= 0         ? cat->routines[named].name
	       : ex < 0             ? cat->routine_name
	                            : cat->exercises[ex].name;
}

void ui_info_text(const struct ui *ui, int entry, struct ui_text *t,
                  void (*figures)(struct ui_text *, const struct cat_exercise *))
{
	if (ui_menu_exercise(entry) < 0)
		info_routine(ui, t, entry, ui_menu_named(entry));
	else
		info_exercise(ui, t, (unsigned)ui_menu_exercise(entry), figures);
}

/*
 * Lay out the details; with `draw` false only measure them (nothing shows).
 * `bottom` is the screen row below the last one drawn.
 */
static int info_flow(struct ui *ui, bool draw, int bottom)
{
	struct ui_draw_flow f = { .top = 2, .bottom = draw ? bottom : 2, .x = 1, .w = COLS - 2 };
	struct ui_text t = ui_flow_text(&f);

	f.scroll = info.scroll;
	ui_info_text(ui, info.entry, &t, info_figures);
	return f.row;
}

/* The video of the entry shown: the exercise's, else the routine's; NULL when none. */
static const char *entry_video(const struct ui *ui)
{
	const struct catalogue *cat = ui->opt->cat;
	int ex = ui_menu_exercise(info.entry);

	return ex < 0 ? cat->video : cat_video(cat, &cat->exercises[ex]);
}

void ui_open_video(const char *url, char *said, size_t len)
{
	char safe[CAT_MAX_STRING + 32];
	pid_t pid;

	if (url == NULL) {
		snprintf(said, len, "No video for this in the catalogue.");
		return;
	}
	pid = hook_open(getenv("PATH"), url, said, len);
	if (pid > 0)
		snprintf(said, len, "Opening %s", cat_escape(safe, sizeof(safe), url));
	else if (pid < 0)
		snprintf(said, len, "Cannot open the video: %s", strerror(errno));
}

void ui_info_draw(struct ui *ui)
{
	const char *title = ui_info_title(ui, info.entry);
	int rows = LINES - 3; /* between the title and the key hints */
	int height = info_flow(ui, false, 0);
	char keys[64];
	bool more;

	if (info.scroll > height - rows)
		info.scroll = height - rows > 0 ? height - rows : 0;
	info.height = height;
	ui_draw_text(0, 1, COLS - 2, title, ui_draw_attr(UI_ROLE_TITLE));
	/* Text below the screen says so on the last row, until scrolled to its end. */
	more = height - info.scroll > rows && rows >= 2;
	info_flow(ui, true, more ? LINES - 2 : LINES - 1);
	if (more)
		ui_draw_more(LINES - 2, 1, ui_draw_attr(UI_ROLE_DIM));
	snprintf(keys, sizeof(keys), "Enter start%s%s  q back  ? keys",
	         height > rows ? "  j/k scroll" : "", entry_video(ui) ? "  o video" : "");
	if (info.said[0] != '\0')
		ui_draw_text(LINES - 1, 0, COLS, info.said, A_NORMAL);
	else
		ui_draw_text(LINES - 1, 0, COLS, keys, ui_draw_attr(UI_ROLE_DIM));
}

void ui_info_key(struct ui *ui, enum ui_action action)
{
	int page = LINES - 4 > 1 ? LINES - 4 : 1;

	info.said[0] = '\0';
	switch (action) {
	case UI_ACT_UP:
		info.scroll--;
		break;
	case UI_ACT_DOWN:
		info.scroll++;
		break;
	case UI_ACT_PAGE_UP:
		info.scroll -= page;
		break;
	case UI_ACT_PAGE_DOWN:
		info.scroll += page;
		break;
	case UI_ACT_FIRST:
		info.scroll = 0;
		break;
	case UI_ACT_LAST:
		info.scroll = info.height;
		break;
	case UI_ACT_START:
		ui_menu_start(ui, info.entry);
		break;
	case UI_ACT_BACK:
		ui->screen = UI_SCREEN_MENU;
		break;
	case UI_ACT_VIDEO:
		ui_open_video(entry_video(ui), info.said, sizeof(info.said));
		break;
	default:
		break;
	}
	/* Clamped against the height at the next draw. */
	if (info.scroll < 0)
		info.scroll = 0;
}
