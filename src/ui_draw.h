/*
 * ui_draw.h - drawing helpers shared by the screens: colour roles with a
 * monochrome fallback, UTF-8 aware clipped and wrapped text, the block font
 * used for large words and the countdown, the progress bar, the
 * "terminal too small" screen, and where the terminal's cursor rests.
 *
 * Private to the ui_*.c files; everything here draws on stdscr and leaves
 * the refresh to the event loop.
 */
#ifndef LUMBAR_UI_DRAW_H
#define LUMBAR_UI_DRAW_H

#include <stdbool.h>

#include <curses.h>

/* The smallest terminal the screens are laid out for. */
enum {
	UI_DRAW_MIN_COLS = 20,
	UI_DRAW_MIN_ROWS = 5,
};

/* What a piece of text is, not what it looks like; ui_draw_attr() decides. */
enum ui_draw_role {
	UI_ROLE_NORMAL,
	UI_ROLE_TITLE,   /* screen titles, the exercise name */
	UI_ROLE_DIM,     /* key hints, secondary facts */
	UI_ROLE_SELECT,  /* the highlighted menu row */
	UI_ROLE_PREPARE, /* GET READY */
	UI_ROLE_WORK,    /* HOLD, reps and timed work */
	UI_ROLE_REST,    /* REST */
	UI_ROLE_SWITCH,  /* SWITCH SIDES */
	UI_ROLE_ALERT,   /* PAUSED, "Quit? y/n", warnings */
	UI_ROLE_COUNT
};

/*
 * Decide how roles look: with colour, pairs on the terminal's own default
 * background (use_default_colors); without, bold and reverse only. Call once
 * after initscr(). `utf8` says whether the locale can show block characters.
 */
void ui_draw_init(bool color, bool utf8);

/* Whether the locale can show block and shade characters (set at init). */
bool ui_draw_utf8(void);

/* The attributes of a role. */
attr_t ui_draw_attr(enum ui_draw_role role);

/* Display width of a UTF-8 string in columns. */
int ui_draw_width(const char *s);

/*
 * Draw `s` at (y, x) in at most `w` columns; text that does not fit ends in
 * an ellipsis. Returns the number of columns drawn.
 */
int ui_draw_text(int y, int x, int w, const char *s, attr_t attr);

/* Draw `s` centred on row y across the whole width (clipped); returns its first column. */
int ui_draw_center(int y, const char *s, attr_t attr);

/* Draw `s` so that it ends at the right edge of row y (clipped). */
void ui_draw_right(int y, const char *s, attr_t attr);

/*
 * A column of wrapped paragraphs that may scroll: rows are counted from 0 at
 * the top of the flow, and only those from `scroll` on that fall between
 * `top` and `bottom` (exclusive) are drawn. `row` ends as the total height,
 * which lets a screen clamp its scrolling.
 */
struct ui_draw_flow {
	int top, bottom; /* screen rows available */
	int x, w;        /* screen columns available */
	int scroll;      /* flow rows hidden above `top` */
	int row;         /* next flow row */
	int end_x;       /* the screen column after the last row's text */
};

/*
 * Add a paragraph to the flow: `prefix` (may be NULL or "") on its first
 * line, the text wrapped at spaces with later lines indented by the width
 * of the prefix.
 */
void ui_draw_flow_add(struct ui_draw_flow *f, const char *prefix, const char *text, attr_t attr);

/*
 * As ui_draw_flow_add(), in at most `max_rows` rows: a text that needs more
 * is cut on the last of them, with an ellipsis.
 */
void ui_draw_flow_cut(struct ui_draw_flow *f, const char *prefix, const char *text, attr_t attr,
                      int max_rows);

/* The rows ui_draw_flow_add() would take for this paragraph in `w` columns. */
int ui_draw_rows(int w, const char *prefix, const char *text);

/* Add an empty row to the flow. */
void ui_draw_flow_gap(struct ui_draw_flow *f);

/*
 * The block font: 3x5 glyphs for A-Z, 0-9, ':', '-', '\'', '.', ',', '(', ')'
 * and space, `scale`
 * pixels per pixel, drawn with half blocks so a pixel is square, or with `#`
 * where the locale has no block characters. Letters are shown upper case.
 * ui_draw_big_size() returns false when `s` has a character the font lacks.
 */
bool ui_draw_big_size(const char *s, int scale, int *w, int *h);
void ui_draw_big(int y, int x, const char *s, int scale, attr_t attr);

/*
 * A progress bar `w` columns wide at (y, x), `done` of `total` filled, with
 * eighth-cell precision where the locale allows.
 */
void ui_draw_bar(int y, int x, int w, unsigned done, unsigned total, attr_t attr);

/*
 * A question ("Quit? y/n") in an alert box over the middle of the screen,
 * wrapped at its spaces when it is wider than the screen. The rows of the
 * box are blanked across the screen, so nothing under it shows beside it.
 * The frame's focus is after its text, where the answer goes.
 */
void ui_draw_question(const char *q);

/*
 * The same, being answered: one column is kept after what is typed (the end
 * of `q`) for the terminal's cursor, which the frame leaves there.
 */
void ui_draw_question_typed(const char *q);

/*
 * A screen's key line at the bottom: the items ("c none of these, continue")
 * three spaces apart, on as many rows as the width needs, so that no key is
 * cut off; an item wider than the screen wraps at its spaces. Returns the
 * rows drawn; ui_draw_keys_rows() only counts them.
 */
int ui_draw_keys(const char *const *items, size_t n, attr_t attr);
int ui_draw_keys_rows(const char *const *items, size_t n);

/*
 * `more ↓` at (y, x) (`more v` without UTF-8): text below was cut by the
 * screen. Returns the columns drawn.
 */
int ui_draw_more(int y, int x, attr_t attr);

/*
 * Where the person is on this frame: the selected menu row, the answer
 * being typed, the phase's name in the player. The terminal's cursor is
 * left there when the frame is drawn, so that a screen reader, a Braille
 * display or a magnifier that follows the cursor reads that row. The last
 * call of a frame wins; a frame without one leaves the cursor at the top
 * left, on the screen's title.
 */
void ui_draw_focus(int y, int x);

/*
 * For the loop, once a screen has drawn its frame: move the cursor to the
 * frame's focus (kept on the screen) and forget it for the next frame.
 */
void ui_draw_focus_place(void);

/* True when the screen is below the smallest usable size. */
bool ui_draw_too_small(void);

/* Draw the "terminal too small" screen; it fits even a 10x3 terminal. */
void ui_draw_too_small_screen(void);

#endif
