/*
 * ui_clock.c - the countdown's block digits, written past curses. See
 * ui_clock.h for the contract with curses.
 *
 * <term.h> is included here and nowhere else: its capability macros
 * (lines, columns, bell, tab, ...) would shadow ordinary names elsewhere.
 */
#include "ui_clock.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "ui_draw.h"
#include "ui_priv.h" /* before <term.h>, whose macros would rename its fields */

#include <term.h>

#define CLOCK_MAX_CHARS 8
#define CLOCK_MAX_ROWS  16
#define CLOCK_MAX_COLS  256
#define CUP_MAX         32
#define SGR_MAX         160

/* What is, or is to be, on the screen. */
struct view {
	bool on;
	int y, x, scale, w, h, n;
	int start[CLOCK_MAX_CHARS + 1]; /* column of each character, from ui_draw_big_row() */
	attr_t attr;
	char text[CLOCK_MAX_CHARS + 1];
	unsigned char
	    shape[CLOCK_MAX_ROWS * CLOCK_MAX_COLS]; /* row r at r * w, as ui_draw_big_row() */
};

/* dst = src, copying only the shapes in use: a tick should touch little memory. */
static void view_copy(struct view *dst, const struct view *src)
{
	memcpy(dst, src, offsetof(struct view, shape));
	if (src->on)
		memcpy(dst->shape, src->shape, (size_t)src->h * (size_t)src->w);
}

/*
 * The block font's glyphs at one scale, as shapes, so that a tick copies
 * rows instead of working out every pixel again.
 */
#define GLYPH_MAX_W 32
#define GLYPH_SLOTS 16
static struct {
	char c;
	int scale, w;
	unsigned char px[CLOCK_MAX_ROWS * GLYPH_MAX_W];
} glyphs[GLYPH_SLOTS];
static unsigned glyph_next;

static bool usable;
static struct view shown, want;

/*
 * Cursor addresses already formatted, by place: a phase counts down through
 * the same few places again and again, and tiparm() is the dearest part of
 * a move. A slot holds the last place that hashed to it.
 */
#define CUP_SLOTS 512
static struct {
	int y, x;
	char seq[CUP_MAX];
} cup_cache[CUP_SLOTS];

/* Attribute sequences, from sgr0 up, for the few attr_t a screen uses. */
#define SGR_SLOTS 8
static struct {
	bool valid;
	attr_t attr;
	char seq[SGR_MAX];
} sgr[SGR_SLOTS];
static unsigned sgr_next;

/* Fields (ui_clock_field()): a row of cells each. */
#define FIELD_COLS UI_CLOCK_FIELD_MAX
struct field {
	bool on, refused;
	int y, x, w;
	attr_t attr[FIELD_COLS];
	char ch[FIELD_COLS][8]; /* UTF-8 */
};
static struct field fshown[UI_CLOCK_FIELDS], fwant[UI_CLOCK_FIELDS];

/* What a shown field keeps of the one sent: its place and the cells in use. */
static void field_copy(struct field *dst, const struct field *src)
{
	dst->on = src->on;
	dst->y = src->y;
	dst->x = src->x;
	dst->w = src->w;
	if (src->on) {
		memcpy(dst->attr, src->attr, sizeof(src->attr[0]) * (size_t)src->w);
		memcpy(dst->ch, src->ch, sizeof(src->ch[0]) * (size_t)src->w);
	}
}

/*
 * The bytes of one change. The limits above bound it: a full paint and a
 * full blanking of the largest clock, with their cursor addresses, stay well
 * under this; append() drops the tail rather than overrun it.
 */
static char out[32768];
static size_t out_len;

/* One cell of the block font: blank, upper half, lower half or full block. */
static void put_cell(unsigned char k)
{
	static const char last[4] = { ' ', '\x80', '\x84', '\x88' };

	if (out_len + 4 >= sizeof(out))
		return;
	if (k) {
		out[out_len++] = '\xe2';
		out[out_len++] = '\x96';
	}
	out[out_len++] = last[k & 3];
	out[out_len] = '\0';
}

static bool have(const char *cap)
{
	return cap && cap != (const char *)-1;
}

/* A capability string we may send without tputs(): present, no padding. */
static bool plain(const char *cap)
{
	return have(cap) && !strstr(cap, "$<");
}

static void append(const char *s, size_t n)
{
	/* Room is kept for the restore_cursor that ends every change. */
	if (out_len + n + CUP_MAX >= sizeof(out))
		return;
	memcpy(out + out_len, s, n);
	out_len += n;
	out[out_len] = '\0';
}

static void append_str(const char *s)
{
	if (s)
		append(s, strlen(s));
}

/* Appends to `seq` (of SGR_MAX) a capability that must be there. */
static bool add_cap(char *seq, const char *cap)
{
	if (!plain(cap) || strlen(seq) + strlen(cap) >= SGR_MAX)
		return false;
	strcat(seq, cap);
	return true;
}

/* The sequence that sets exactly `a`, or NULL when this terminal cannot say it plainly. */
static const char *sgr_of(attr_t a)
{
	short pair = (short)PAIR_NUMBER(a), fg, bg;
	char seq[SGR_MAX] = "";
	unsigned slot;

	for (slot = 0; slot < SGR_SLOTS; slot++)
		if (sgr[slot].valid && sgr[slot].attr == a)
			return sgr[slot].seq;
	if ((a & ~(A_BOLD | A_DIM | A_REVERSE | A_UNDERLINE | A_COLOR)) ||
	    !add_cap(seq, exit_attribute_mode))
		return NULL;
	if (((a & A_BOLD) && !add_cap(seq, enter_bold_mode)) ||
	    ((a & A_DIM) && !add_cap(seq, enter_dim_mode)) ||
	    ((a & A_REVERSE) && !add_cap(seq, enter_reverse_mode)) ||
	    ((a & A_UNDERLINE) && !add_cap(seq, enter_underline_mode)))
		return NULL;
	if (pair > 0) {
		/* Attributes some terminals drop beside colour: leave those to curses. */
		if (no_color_video > 0 || pair_content(pair, &fg, &bg) != OK)
			return NULL;
		if (fg >= 0 &&
		    (!have(set_a_foreground) || !add_cap(seq, tiparm(set_a_foreground, (int)fg))))
			return NULL;
		if (bg >= 0 &&
		    (!have(set_a_background) || !add_cap(seq, tiparm(set_a_background, (int)bg))))
			return NULL;
	}
	slot = sgr_next++ % SGR_SLOTS;
	memcpy(sgr[slot].seq, seq, sizeof(seq));
	sgr[slot].attr = a;
	sgr[slot].valid = true;
	return sgr[slot].seq;
}

/* The cursor address of (y, x), or NULL when it cannot be sent plainly. */
static const char *cup_at(int y, int x)
{
	unsigned slot = ((unsigned)y * 131u + (unsigned)x) % CUP_SLOTS;
	const char *s;

	if (cup_cache[slot].seq[0] && cup_cache[slot].y == y && cup_cache[slot].x == x)
		return cup_cache[slot].seq;
	s = tiparm(cursor_address, y, x);
	if (!plain(s) || strlen(s) >= CUP_MAX)
		return NULL;
	strcpy(cup_cache[slot].seq, s);
	cup_cache[slot].y = y;
	cup_cache[slot].x = x;
	return cup_cache[slot].seq;
}

void ui_clock_init(bool utf8)
{
	/*
	 * The terminal must place the cursor, save and restore it with its
	 * attributes, and reset attributes, all without padding; and the
	 * three block characters must take one column each. When the
	 * alternate screen's own switch saves the cursor with sc, a second sc
	 * would lose the shell's cursor (curses stops using sc there too).
	 * LUMBAR_CURSES_ONLY turns it off, to compare the two ways (tests).
	 */
	usable = utf8 && !getenv("LUMBAR_CURSES_ONLY") && plain(cursor_address) &&
	         plain(save_cursor) && plain(restore_cursor) && strlen(restore_cursor) < CUP_MAX &&
	         plain(exit_attribute_mode) && magic_cookie_glitch <= 0 &&
	         !(have(enter_ca_mode) && strstr(enter_ca_mode, save_cursor)) &&
	         wcwidth(L'\u2580') == 1 && wcwidth(L'\u2584') == 1 && wcwidth(L'\u2588') == 1;
	shown.on = want.on = false;
	memset(sgr, 0, sizeof(sgr));
	memset(cup_cache, 0, sizeof(cup_cache));
	memset(fshown, 0, sizeof(fshown));
	memset(fwant, 0, sizeof(fwant));
}

void ui_clock_begin(void)
{
	want.on = false;
	for (int i = 0; i < UI_CLOCK_FIELDS; i++)
		fwant[i].on = fwant[i].refused = false;
}

/* Character c of the block font at `scale`, `h` rows high, or -1. */
static int glyph_slot(char c, int scale, int h)
{
	char one[2] = { c, '\0' };
	unsigned char row[CLOCK_MAX_COLS];
	int start[2], w, gh;
	unsigned slot;

	for (slot = 0; slot < GLYPH_SLOTS; slot++)
		if (glyphs[slot].w && glyphs[slot].c == c && glyphs[slot].scale == scale)
			return (int)slot;
	if (!ui_draw_big_size(one, scale, &w, &gh) || w > GLYPH_MAX_W || gh != h)
		return -1;
	slot = glyph_next++ % GLYPH_SLOTS;
	glyphs[slot].w = 0;
	for (int r = 0; r < h; r++) {
		if (ui_draw_big_row(one, scale, r, row, CLOCK_MAX_COLS, start, 1) != 1)
			return -1;
		memcpy(glyphs[slot].px + r * w, row, (size_t)w);
	}
	glyphs[slot].c = c;
	glyphs[slot].scale = scale;
	glyphs[slot].w = w;
	return (int)slot;
}

/* The shapes of v->text, laid out as ui_draw_big_row() does; false if it cannot. */
static bool render(struct view *v)
{
	int cx = 0;

	for (int i = 0; i < v->n; i++) {
		int g = glyph_slot(v->text[i], v->scale, v->h), gw;

		if (g < 0)
			return false;
		gw = glyphs[g].w;
		v->start[i] = cx;
		/* The gap after a glyph belongs to it. */
		if (cx + gw + (i + 1 < v->n ? v->scale : 0) > v->w)
			return false;
		for (int r = 0; r < v->h; r++) {
			memcpy(v->shape + r * v->w + cx, glyphs[g].px + r * gw, (size_t)gw);
			if (i + 1 < v->n)
				memset(v->shape + r * v->w + cx + gw, 0, (size_t)v->scale);
		}
		cx += gw + (i + 1 < v->n ? v->scale : 0);
	}
	v->start[v->n] = cx;
	return cx == v->w;
}

bool ui_clock_show(int y, int x, const char *text, int scale, attr_t attr)
{
	static struct view v;
	size_t n = strlen(text);
	bool was_on = want.on;

	want.on = false;
	if (!usable || n == 0 || n > CLOCK_MAX_CHARS)
		return false;
	/* The same as the last frame asked for: its shapes are ready. */
	if (was_on && want.y == y && want.x == x && want.scale == scale && want.attr == attr &&
	    strcmp(want.text, text) == 0)
		return want.on = true;
	memset(&v, 0, offsetof(struct view, shape));
	if (!ui_draw_big_size(text, scale, &v.w, &v.h) || v.w > CLOCK_MAX_COLS ||
	    v.h > CLOCK_MAX_ROWS || y < 0 || x < 0 || y + v.h > LINES || x + v.w > COLS)
		return false;
	v.n = (int)n;
	v.on = true;
	v.y = y;
	v.x = x;
	v.scale = scale;
	v.attr = attr;
	memcpy(v.text, text, n + 1);
	if (!render(&v))
		return false;
	/* Every place in the rectangle formats alike; try its corners. */
	if (!sgr_of(attr) || !cup_at(y, x) || !cup_at(y + v.h - 1, x + v.w - 1))
		return false;
	view_copy(&want, &v);
	return true;
}

bool ui_clock_field(int id, int y, int x, int w, const struct ui_clock_cell *cells)
{
	struct field *f = &fwant[id];

	f->on = false;
	if (!usable || f->refused || !cells || w <= 0 || w > FIELD_COLS || y < 0 || x < 0 ||
	    y >= LINES || x + w > COLS || !cup_at(y, x))
		goto refuse;
	for (int c = 0; c < w; c++) {
		/* Runs of one attribute are the rule: look each up once. */
		if ((c == 0 || cells[c].attr != cells[c - 1].attr) && !sgr_of(cells[c].attr))
			goto refuse;
		if (!memchr(cells[c].ch, '\0', sizeof(cells[c].ch)))
			goto refuse;
		memcpy(f->ch[c], cells[c].ch, sizeof(f->ch[c]));
		f->attr[c] = cells[c].attr;
	}
	f->y = y;
	f->x = x;
	f->w = w;
	f->on = true;
	return true;
refuse:
	/*
	 * Until the next full frame: cells curses drew this frame must not
	 * come this way on a tick, or curses would blank them after they were
	 * sent.
	 */
	f->refused = true;
	return false;
}

void ui_clock_forget(void)
{
	shown.on = false;
	for (int i = 0; i < UI_CLOCK_FIELDS; i++)
		fshown[i].on = false;
}

/* Blank what `v` covers, as far as it is still on the screen. */
static void blank(const struct view *v)
{
	const char *cup;
	int w = v->x + v->w <= COLS ? v->w : COLS - v->x;

	append_str(exit_attribute_mode);
	for (int r = 0; r < v->h && v->y + r < LINES && w > 0; r++) {
		if (!(cup = cup_at(v->y + r, v->x)))
			return;
		append_str(cup);
		for (int c = 0; c < w; c++)
			append(" ", 1);
	}
}

/*
 * Draw `want`, all of it, or where `was` (drawn before at the same place) is
 * given, only the cells whose shape differs. A short stretch of equal cells
 * between two changes is sent again rather than skipped with a cursor
 * address that would be longer.
 */
static void paint(const struct view *was)
{
	append_str(sgr_of(want.attr));
	for (int r = 0; r < want.h; r++) {
		const unsigned char *now = want.shape + r * want.w;
		const unsigned char *old = was ? was->shape + r * want.w : NULL;
		int c = 0;

		while (c < want.w) {
			int end, gap = 0;
			const char *cup;

			if (old && old[c] == now[c]) {
				c++;
				continue;
			}
			/* A run of changes from c, swallowing gaps cheaper to resend. */
			end = old ? c + 1 : want.w;
			for (int k = end; old && k < want.w; k++) {
				if (old[k] != now[k]) {
					end = k + 1;
					gap = 0;
				} else if ((gap += now[k] ? 3 : 1) > 6) {
					break;
				}
			}
			if (!(cup = cup_at(want.y + r, want.x + c)))
				return;
			append_str(cup);
			for (; c < end; c++)
				put_cell(now[c]);
		}
	}
}

static bool same_place(const struct view *a, const struct view *b)
{
	return a->on && b->on && a->y == b->y && a->x == b->x && a->scale == b->scale &&
	       a->n == b->n && a->attr == b->attr &&
	       memcmp(a->start, b->start, sizeof(int) * (size_t)(a->n + 1)) == 0;
}

static bool same_rect(const struct view *a, const struct view *b)
{
	return a->on && b->on && a->y == b->y && a->x == b->x && a->w == b->w && a->h == b->h;
}

static bool write_out(int fd)
{
	return ui_write_all(fd, out, out_len);
}

static void field_blank(const struct field *f)
{
	int w = f->x + f->w <= COLS ? f->w : COLS - f->x;
	const char *cup;

	if (f->y >= LINES || w <= 0 || !(cup = cup_at(f->y, f->x)))
		return;
	append_str(exit_attribute_mode);
	append_str(cup);
	for (int c = 0; c < w; c++)
		append(" ", 1);
}

static bool same_cell(const struct field *a, const struct field *b, int c)
{
	return a->attr[c] == b->attr[c] && strcmp(a->ch[c], b->ch[c]) == 0;
}

/* Send the cells of `f` that differ from `was` (all of them when NULL). */
static void field_paint(const struct field *f, const struct field *was)
{
	attr_t cur = 0;
	bool have_cur = false;
	int c = 0;

	while (c < f->w) {
		const char *cup;
		int end = c + 1, gap = 0;

		if (was && same_cell(f, was, c)) {
			c++;
			continue;
		}
		for (int k = end; k < f->w; k++) {
			if (!was || !same_cell(f, was, k)) {
				end = k + 1;
				gap = 0;
			} else if (f->attr[k] != f->attr[k - 1] ||
			           (gap += (int)strlen(f->ch[k])) > 6) {
				break;
			}
		}
		if (!(cup = cup_at(f->y, f->x + c)))
			return;
		append_str(cup);
		for (; c < end; c++) {
			if (!have_cur || f->attr[c] != cur) {
				append_str(sgr_of(f->attr[c]));
				cur = f->attr[c];
				have_cur = true;
			}
			append_str(f->ch[c]);
		}
	}
}

static bool same_field_place(const struct field *a, const struct field *b)
{
	return a->on && b->on && a->y == b->y && a->x == b->x && a->w == b->w;
}

/* Start the bytes of a change: the cursor is saved first, and restored by finish(). */
static void start(void)
{
	out_len = 0;
	out[0] = '\0';
	append_str(save_cursor);
}

/* Returns whether there is anything to send. */
static bool finish(void)
{
	if (out_len == strlen(save_cursor)) {
		out_len = 0;
		return false;
	}
	/* Always fits: append() kept CUP_MAX bytes, and ui_clock_init() checked it is shorter. */
	memcpy(out + out_len, restore_cursor, strlen(restore_cursor) + 1);
	out_len += strlen(restore_cursor);
	return true;
}

void ui_clock_before_refresh(bool full)
{
	start();
	if (full) {
		/* What the frame shows again at the same place is covered after curses. */
		if (shown.on && !same_rect(&shown, &want))
			blank(&shown);
		shown.on = false;
		for (int i = 0; i < UI_CLOCK_FIELDS; i++) {
			if (fshown[i].on && !same_field_place(&fshown[i], &fwant[i]))
				field_blank(&fshown[i]);
			fshown[i].on = false;
		}
	} else {
		if (same_place(&shown, &want)) {
			if (strcmp(shown.text, want.text) != 0)
				paint(&shown);
		} else {
			if (shown.on)
				blank(&shown);
			if (want.on)
				paint(NULL);
		}
		view_copy(&shown, &want);
		for (int i = 0; i < UI_CLOCK_FIELDS; i++) {
			if (same_field_place(&fshown[i], &fwant[i])) {
				field_paint(&fwant[i], &fshown[i]);
			} else {
				if (fshown[i].on)
					field_blank(&fshown[i]);
				if (fwant[i].on)
					field_paint(&fwant[i], NULL);
			}
			field_copy(&fshown[i], &fwant[i]);
		}
	}
	if (finish())
		write_out(STDOUT_FILENO);
}

bool ui_clock_after_refresh(int fd)
{
	start();
	if (want.on)
		paint(NULL);
	view_copy(&shown, &want);
	for (int i = 0; i < UI_CLOCK_FIELDS; i++) {
		if (fwant[i].on)
			field_paint(&fwant[i], NULL);
		field_copy(&fshown[i], &fwant[i]);
	}
	return !finish() || write_out(fd);
}
