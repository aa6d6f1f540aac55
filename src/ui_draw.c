/*
 * ui_draw.c - drawing helpers shared by the screens. See ui_draw.h.
 */
#include "ui_draw.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* ---- Colours -------------------------------------------------------------- */

static attr_t role_attr[UI_ROLE_COUNT];
static bool have_utf8;

void ui_draw_init(bool color, bool utf8)
{
	/*
	 * Foreground colours only, on the terminal's own background, so the
	 * user's palette and theme stay in charge; a pair per role that needs one.
	 */
	static const struct {
		enum ui_draw_role role;
		short fg;
		attr_t extra;
		attr_t mono;
	} roles[] = {
		{ UI_ROLE_NORMAL, -1, A_NORMAL, A_NORMAL },
		{ UI_ROLE_TITLE, COLOR_CYAN, A_BOLD, A_BOLD },
		{ UI_ROLE_DIM, -1, A_DIM, A_NORMAL },
		{ UI_ROLE_SELECT, COLOR_CYAN, A_REVERSE | A_BOLD, A_REVERSE },
		{ UI_ROLE_PREPARE, COLOR_YELLOW, A_BOLD, A_BOLD },
		{ UI_ROLE_WORK, COLOR_GREEN, A_BOLD, A_BOLD },
		{ UI_ROLE_REST, COLOR_BLUE, A_BOLD, A_NORMAL },
		{ UI_ROLE_SWITCH, COLOR_MAGENTA, A_BOLD, A_BOLD },
		{ UI_ROLE_ALERT, COLOR_RED, A_BOLD | A_REVERSE, A_BOLD | A_REVERSE },
	};
	bool use = color && has_colors() && start_color() == OK;
	short bg = COLOR_BLACK;

	if (use && use_default_colors() == OK)
		bg = -1;
	have_utf8 = utf8;
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++) {
		short pair = (short)(i + 1);

		if (use && roles[i].fg >= 0 && init_pair(pair, roles[i].fg, bg) == OK)
			role_attr[roles[i].role] = COLOR_PAIR(pair) | roles[i].extra;
		else
			role_attr[roles[i].role] = use ? roles[i].extra : roles[i].mono;
	}
}

bool ui_draw_utf8(void)
{
	return have_utf8;
}

attr_t ui_draw_attr(enum ui_draw_role role)
{
	return role < UI_ROLE_COUNT ? role_attr[role] : A_NORMAL;
}

/* ---- Text ----------------------------------------------------------------- */

/*
 * Decode one character of `s` (at most `n` bytes): returns its length in
 * bytes (at least 1) and stores its width. Bytes that do not decode count as
 * one column each, so a broken string still lays out predictably.
 */
static size_t char_at(const char *s, size_t n, int *width)
{
	mbstate_t st;
	wchar_t wc;
	size_t len;

	/* ASCII is most of the text, and needs no decoder. */
	if ((unsigned char)*s < 0x80) {
		*width = 1;
		return 1;
	}
	memset(&st, 0, sizeof(st));
	len = mbrtowc(&wc, s, n, &st);
	if (len == (size_t)-1 || len == (size_t)-2 || len == 0) {
		*width = 1;
		return 1;
	}
	*width = wcwidth(wc);
	if (*width < 0)
		*width = 1;
	return len;
}

/*
 * Draw `n` copies of one wide character from (y, x). One hline call per run
 * of equal cells keeps the block digits and the bar cheap: no multibyte
 * decoding per cell, and the colour rides in the cell itself.
 */
static void put_run(int y, int x, wchar_t wc, int n, attr_t attr)
{
	wchar_t s[2] = { wc, L'\0' };
	cchar_t cc;

	if (n <= 0 || y < 0 || y >= LINES || x >= COLS)
		return;
	if (x < 0) {
		n += x;
		x = 0;
	}
	if (x + n > COLS)
		n = COLS - x;
	if (n <= 0)
		return;
	setcchar(&cc, s, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
	mvhline_set(y, x, &cc, n);
}

int ui_draw_width(const char *s)
{
	size_t n = strlen(s), i = 0;
	int w = 0;

	while (i < n) {
		int cw;

		i += char_at(s + i, n - i, &cw);
		w += cw;
	}
	return w;
}

/* Bytes of `s` that fit in `w` columns; stores the columns they take. */
static size_t fit(const char *s, size_t n, int w, int *used)
{
	size_t i = 0;
	int cols = 0;

	while (i < n) {
		int cw;
		size_t len = char_at(s + i, n - i, &cw);

		if (cols + cw > w)
			break;
		cols += cw;
		i += len;
	}
	*used = cols;
	return i;
}

int ui_draw_text(int y, int x, int w, const char *s, attr_t attr)
{
	size_t n = strlen(s), len;
	int used;

	if (w <= 0 || y < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + w > COLS)
		w = COLS - x;
	len = fit(s, n, w, &used);
	attrset(attr);
	if (len < n && w >= 2) {
		/* Leave a column for the ellipsis, so a clipped name says so. */
		len = fit(s, n, w - 1, &used);
		mvaddnstr(y, x, s, (int)len);
		addstr(have_utf8 ? "\u2026" : "~");
		used++;
	} else {
		mvaddnstr(y, x, s, (int)len);
	}
	attrset(A_NORMAL);
	return used;
}

int ui_draw_center(int y, const char *s, attr_t attr)
{
	int w = ui_draw_width(s);
	int x = w < COLS ? (COLS - w) / 2 : 0;

	ui_draw_text(y, x, COLS - x, s, attr);
	return x;
}

void ui_draw_right(int y, const char *s, attr_t attr)
{
	int w = ui_draw_width(s);
	int x = w < COLS ? COLS - w : 0;

	ui_draw_text(y, x, COLS - x, s, attr);
}

static void flow_line(struct ui_draw_flow *f, int x, const char *s, size_t n, attr_t attr)
{
	int y = f->top + f->row - f->scroll, used;

	if (y >= f->top && y < f->bottom) {
		attrset(attr);
		mvaddnstr(y, x, s, (int)n);
		attrset(A_NORMAL);
	}
	fit(s, n, INT_MAX, &used);
	f->end_x = x + used;
	f->row++;
}

void ui_draw_flow_cut(struct ui_draw_flow *f, const char *prefix, const char *text, attr_t attr,
                      int max_rows)
{
	int indent = prefix ? ui_draw_width(prefix) : 0;
	int w = f->w - indent;
	size_t n = strlen(text), i = 0;
	bool first = true;

	if (w < 4) {
		/* Too narrow for a hanging indent: wrap under the prefix instead. */
		indent = 0;
		w = f->w;
	}
	if (w <= 0 || max_rows <= 0)
		return;
	do {
		int used;
		size_t len = fit(text + i, n - i, w, &used);

		/* Break at the last space that fits, unless the word is longer. */
		if (i + len < n && text[i + len] != ' ') {
			size_t b = len;

			while (b > 0 && text[i + b - 1] != ' ')
				b--;
			if (b > 0)
				len = b;
		}
		if (len == 0)
			len = 1;
		if (first && prefix && *prefix) {
			int y = f->top + f->row - f->scroll;

			if (y >= f->top && y < f->bottom) {
				attrset(attr);
				mvaddstr(y, f->x, prefix);
			}
		}
		if (--max_rows == 0 && i + len < n) {
			/* The last row allowed, and more to come: cut it, with an ellipsis. */
			int y = f->top + f->row - f->scroll;

			f->end_x = f->x + indent;
			if (y >= f->top && y < f->bottom)
				f->end_x += ui_draw_text(y, f->x + indent, w, text + i, attr);
			else
				f->end_x += w;
			f->row++;
			return;
		}
		flow_line(f, f->x + indent, text + i, len, attr);
		first = false;
		i += len;
		while (i < n && text[i] == ' ')
			i++;
	} while (i < n);
}

void ui_draw_flow_add(struct ui_draw_flow *f, const char *prefix, const char *text, attr_t attr)
{
	ui_draw_flow_cut(f, prefix, text, attr, INT_MAX);
}

int ui_draw_rows(int w, const char *prefix, const char *text)
{
	struct ui_draw_flow f = { .top = 0, .bottom = 0, .x = 0, .w = w };

	ui_draw_flow_add(&f, prefix, text, A_NORMAL);
	return f.row;
}

void ui_draw_flow_gap(struct ui_draw_flow *f)
{
	f->row++;
}

int ui_draw_more(int y, int x, attr_t attr)
{
	return ui_draw_text(y, x, COLS - x, have_utf8 ? "more \u2193" : "more v", attr);
}

/* ---- Block font ----------------------------------------------------------- */

/*
 * Glyphs are 5 rows of up to 5 pixels, '#' for ink. Most are 3 wide; M, N,
 * W need more to stay readable, ':' and space less.
 */
struct glyph {
	char c;
	const char *rows[5];
};

static const struct glyph font[] = {
	{ '0', { "###", "# #", "# #", "# #", "###" } },
	{ '1', { " # ", "## ", " # ", " # ", "###" } },
	{ '2', { "###", "  #", "###", "#  ", "###" } },
	{ '3', { "###", "  #", " ##", "  #", "###" } },
	{ '4', { "# #", "# #", "###", "  #", "  #" } },
	{ '5', { "###", "#  ", "###", "  #", "###" } },
	{ '6', { "###", "#  ", "###", "# #", "###" } },
	{ '7', { "###", "  #", "  #", "  #", "  #" } },
	{ '8', { "###", "# #", "###", "# #", "###" } },
	{ '9', { "###", "# #", "###", "  #", "###" } },
	{ ':', { " ", "#", " ", "#", " " } },
	{ '-', { "   ", "   ", "###", "   ", "   " } },
	{ ' ', { "  ", "  ", "  ", "  ", "  " } },
	{ '\'', { "#", "#", " ", " ", " " } },
	{ '.', { " ", " ", " ", " ", "#" } },
	{ ',', { " ", " ", " ", "#", "#" } },
	{ '(', { " #", "# ", "# ", "# ", " #" } },
	{ ')', { "# ", " #", " #", " #", "# " } },
	{ 'A', { " # ", "# #", "###", "# #", "# #" } },
	{ 'B', { "## ", "# #", "## ", "# #", "## " } },
	{ 'C', { "###", "#  ", "#  ", "#  ", "###" } },
	{ 'D', { "## ", "# #", "# #", "# #", "## " } },
	{ 'E', { "###", "#  ", "## ", "#  ", "###" } },
	{ 'F', { "###", "#  ", "## ", "#  ", "#  " } },
	{ 'G', { "###", "#  ", "# #", "# #", "###" } },
	{ 'H', { "# #", "# #", "###", "# #", "# #" } },
	{ 'I', { "###", " # ", " # ", " # ", "###" } },
	{ 'J', { "  #", "  #", "  #", "# #", "###" } },
	{ 'K', { "# #", "# #", "## ", "# #", "# #" } },
	{ 'L', { "#  ", "#  ", "#  ", "#  ", "###" } },
	{ 'M', { "#   #", "## ##", "# # #", "#   #", "#   #" } },
	{ 'N', { "#  #", "## #", "# ##", "#  #", "#  #" } },
	{ 'O', { "###", "# #", "# #", "# #", "###" } },
	{ 'P', { "###", "# #", "###", "#  ", "#  " } },
	{ 'Q', { "###", "# #", "# #", "###", "  #" } },
	{ 'R', { "## ", "# #", "## ", "# #", "# #" } },
	{ 'S', { "###", "#  ", "###", "  #", "###" } },
	{ 'T', { "###", " # ", " # ", " # ", " # " } },
	{ 'U', { "# #", "# #", "# #", "# #", "###" } },
	{ 'V', { "# #", "# #", "# #", "# #", " # " } },
	{ 'W', { "#   #", "#   #", "# # #", "## ##", "#   #" } },
	{ 'X', { "# #", "# #", " # ", "# #", "# #" } },
	{ 'Y', { "# #", "# #", " # ", " # ", " # " } },
	{ 'Z', { "###", "  #", " # ", "#  ", "###" } },
};

static const struct glyph *glyph_of(char c)
{
	/* Built on first use: a countdown looks its glyphs up many times a second. */
	static const struct glyph *by_char[128];
	static bool built;
	unsigned char u = (unsigned char)toupper((unsigned char)c);

	if (!built) {
		for (size_t i = 0; i < sizeof(font) / sizeof(font[0]); i++)
			by_char[(unsigned char)font[i].c] = &font[i];
		built = true;
	}
	return u < 128 ? by_char[u] : NULL;
}

/*
 * Screen rows per pixel row in ASCII, where a cell holds one pixel row (of
 * `#`) instead of two half blocks: about half the scale, so that a pixel
 * stays roughly as tall as it is wide.
 */
static int ascii_rows(int scale)
{
	return (scale + 1) / 2;
}

bool ui_draw_big_size(const char *s, int scale, int *w, int *h)
{
	int width = 0;

	if (scale < 1 || !*s)
		return false;
	for (const char *p = s; *p; p++) {
		const struct glyph *g = glyph_of(*p);

		if (!g)
			return false;
		width += (int)strlen(g->rows[0]) * scale + (p[1] ? scale : 0);
	}
	*w = width;
	/* Five pixel rows: two per screen row in half blocks, else one per ascii_rows(). */
	*h = have_utf8 ? (5 * scale + 1) / 2 : 5 * ascii_rows(scale);
	return true;
}

/* Whether pixel row `py` (in scaled pixels) of column `px` of a glyph is ink. */
static bool ink(const struct glyph *g, int scale, int px, int py)
{
	int gy = py / scale, gx = px / scale;

	return gy < 5 && g->rows[gy][gx] == '#';
}

/* Widest text ui_draw_big() draws, in columns; wider ones are not drawn. */
#define BIG_MAX_COLS 1024

void ui_draw_big(int y, int x, const char *s, int scale, attr_t attr)
{
	/* Blank, upper half, lower half, full: a cell's two pixel rows. */
	static const wchar_t shapes[4][2] = {
		{ L' ', 0 }, { L'\u2580', 0 }, { L'\u2584', 0 }, { L'\u2588', 0 }
	};
	static const wchar_t ascii[2][2] = { { L' ', 0 }, { L'#', 0 } };
	cchar_t cells[4], row[BIG_MAX_COLS];
	int w, h;

	if (!ui_draw_big_size(s, scale, &w, &h) || w > BIG_MAX_COLS)
		return;
	if (x < 0 || x + w > COLS)
		return; /* callers centre it; never half a word */
	/*
	 * Each possible cell carries the colour. Gaps are spaces in the same
	 * attributes as the ink, so a changed digit reaches the terminal as one
	 * run with no attribute switches.
	 */
	for (int k = 0; k < 4; k++)
		setcchar(&cells[k], have_utf8 ? shapes[k] : ascii[k == 0 ? 0 : 1], attr & ~A_COLOR,
		         (short)PAIR_NUMBER(attr), NULL);
	for (int r = 0; r < h; r++) {
		int cx = 0;

		if (y + r < 0 || y + r >= LINES)
			continue;
		for (const char *p = s; *p; p++) {
			const struct glyph *g = glyph_of(*p);
			int gw = (int)strlen(g->rows[0]) * scale;

			for (int c = 0; c < gw; c++) {
				int k;

				if (have_utf8)
					k = (ink(g, scale, c, 2 * r) ? 1 : 0) |
					    (ink(g, scale, c, 2 * r + 1) ? 2 : 0);
				else
					k = ink(g, scale, c, r / ascii_rows(scale) * scale) ? 3 : 0;
				row[cx++] = cells[k];
			}
			for (int c = 0; p[1] && c < scale; c++)
				row[cx++] = cells[0];
		}
		mvadd_wchnstr(y + r, x, row, w);
	}
}

/* ---- Progress bar --------------------------------------------------------- */

/* Whole cells and the eighths of the next one that `done` of `total` fills in `w`. */
static void bar_fill(int w, unsigned done, unsigned total, int *full, int *part)
{
	unsigned long long units;

	if (total == 0)
		total = 1;
	if (done > total)
		done = total;
	units = (unsigned long long)done * (unsigned)w * 8 / total;
	*full = (int)(units / 8);
	*part = (int)(units % 8);
}

void ui_draw_bar(int y, int x, int w, unsigned done, unsigned total, attr_t attr)
{
	static const wchar_t eighths[] = { 0,         L'\u258f', L'\u258e', L'\u258d',
		                           L'\u258c', L'\u258b', L'\u258a', L'\u2589' };
	int full, part;

	if (w <= 0 || y < 0 || y >= LINES)
		return;
	bar_fill(w, done, total, &full, &part);
	if (!have_utf8) {
		put_run(y, x, L'#', full, attr);
		put_run(y, x + full, L'-', w - full, ui_draw_attr(UI_ROLE_DIM));
		return;
	}
	put_run(y, x, L'\u2588', full, attr);
	if (part && full < w)
		put_run(y, x + full++, eighths[part], 1, attr);
	put_run(y, x + full, L'\u2591', w - full, ui_draw_attr(UI_ROLE_DIM));
}

/* ---- Question box ----------------------------------------------------------- */

/*
 * The question box; with `cursor`, one column more after the text, for the
 * terminal's cursor, which shows where typing goes on.
 */
static void question(const char *q, bool cursor)
{
	int w = ui_draw_width(q) + 2 + cursor;
	attr_t a = ui_draw_attr(UI_ROLE_ALERT);
	struct ui_draw_flow f;
	int x, y, rows;

	if (w > COLS)
		w = COLS;
	x = (COLS - w) / 2;
	/* Wider than the screen, it wraps, and the cursor keeps its column. */
	f = (struct ui_draw_flow){ .top = 0, .bottom = 0, .x = x + 1, .w = w - 2 - cursor };
	ui_draw_flow_add(&f, NULL, q, a);
	rows = f.row;
	y = LINES / 2 - rows / 2;
	if (y + rows > LINES - 1)
		y = LINES - 1 - rows;
	if (y < 0)
		y = 0;
	/* Its rows are blanked across the screen: no piece of what is under it shows beside it. */
	for (int r = y - (LINES >= 5); r <= y + rows - (LINES < 5); r++)
		if (r >= 0 && r < LINES) {
			attrset(A_NORMAL);
			mvhline(r, 0, ' ', COLS);
			attrset(a);
			mvhline(r, x, ' ', w);
		}
	attrset(A_NORMAL);
	f = (struct ui_draw_flow){ .top = y, .bottom = LINES, .x = x + 1, .w = w - 2 - cursor };
	ui_draw_flow_add(&f, NULL, q, a);
	ui_draw_focus(y + f.row - 1, f.end_x);
}

void ui_draw_question(const char *q)
{
	question(q, false);
}

void ui_draw_question_typed(const char *q)
{
	question(q, true);
}

/* ---- Key lines -------------------------------------------------------------- */

/* Lay out (and with `draw`, draw from row y) the key items; returns the rows. */
static int keys(const char *const *items, size_t n, attr_t attr, int y, bool draw)
{
	int row = 0, col = 0;

	for (size_t i = 0; i < n; i++) {
		int w = ui_draw_width(items[i]);

		if (col > 0 && col + 3 + w <= COLS) {
			if (draw)
				ui_draw_text(y + row, col + 3, w, items[i], attr);
			col += 3 + w;
			continue;
		}
		row += col > 0;
		if (w <= COLS) {
			if (draw)
				ui_draw_text(y + row, 0, w, items[i], attr);
			col = w;
			continue;
		}
		/* Wider than the screen alone: wrapped at its spaces. */
		struct ui_draw_flow f = {
			.top = y + row, .bottom = draw ? LINES : y + row, .x = 0, .w = COLS
		};
		ui_draw_flow_add(&f, NULL, items[i], attr);
		row += f.row - 1;
		col = f.end_x;
	}
	return n ? row + 1 : 0;
}

int ui_draw_keys_rows(const char *const *items, size_t n)
{
	return keys(items, n, A_NORMAL, 0, false);
}

int ui_draw_keys(const char *const *items, size_t n, attr_t attr)
{
	int rows = keys(items, n, attr, 0, false);

	keys(items, n, attr, LINES - rows, true);
	return rows;
}

/* ---- Focus ------------------------------------------------------------------ */

/* The frame's focus; (0, 0) until a screen says otherwise. */
static int focus_y, focus_x;

void ui_draw_focus(int y, int x)
{
	focus_y = y;
	focus_x = x;
}

void ui_draw_focus_place(void)
{
	int y = focus_y < 0 ? 0 : focus_y >= LINES ? LINES - 1 : focus_y;
	int x = focus_x < 0 ? 0 : focus_x >= COLS ? COLS - 1 : focus_x;

	move(y, x);
	focus_y = focus_x = 0;
}

/* ---- Too small ------------------------------------------------------------ */

bool ui_draw_too_small(void)
{
	return COLS < UI_DRAW_MIN_COLS || LINES < UI_DRAW_MIN_ROWS;
}

void ui_draw_too_small_screen(void)
{
	struct ui_draw_flow f = { .top = 0, .bottom = LINES, .x = 0, .w = COLS };

	/* Centre vertically when there is room; wrap so even 10x3 says it all. */
	if (COLS >= 18)
		f.top = LINES > 1 ? (LINES - 1) / 2 : 0;
	else
		f.top = LINES > 2 ? (LINES - 2) / 2 : 0;
	f.bottom = LINES;
	ui_draw_flow_add(&f, NULL, "terminal too small", ui_draw_attr(UI_ROLE_ALERT));
	if (f.top + f.row < LINES) {
		char need[32];

		snprintf(need, sizeof(need), "need %dx%d", UI_DRAW_MIN_COLS, UI_DRAW_MIN_ROWS);
		ui_draw_flow_add(&f, NULL, need, ui_draw_attr(UI_ROLE_DIM));
	}
}
