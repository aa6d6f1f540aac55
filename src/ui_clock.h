/*
 * ui_clock.h - what a second changes on the player (the block digits, the
 * header's time, the bar and its M:SS), written to the terminal past curses.
 *
 * Sent through curses, each row of the eight-row digits is a separate span
 * for doupdate() to find, weigh a cursor move for (a tparm() call each) and
 * format; that was most of what a tick cost. Here the digits are drawn from
 * the block font straight into escape sequences, with cursor addresses
 * formatted once and cached, and only the cells whose shape changed are
 * sent. The header's time and the bar are given as ready cells
 * (ui_clock_field()). A tick that changes nothing else is one write() and no
 * doupdate().
 *
 * The contract with curses: the cells this module owns stay blank in curses'
 * screens, so curses never writes them except to clear the screen, and every
 * write here is wrapped in save/restore cursor (sc/rc), so where curses
 * believes the cursor and the attributes to be stays true. Around a full
 * frame, the old cells are blanked before curses draws (unless the new ones
 * cover them) and the new ones are sent after it, into the same frame.
 *
 * When the terminal lacks what this needs (cup, sc, rc, sgr0, setaf for a
 * colour, no padding), the locale is not UTF-8, LUMBAR_CURSES_ONLY is set,
 * or something does not fit, ui_clock_show() and ui_clock_field() say no and
 * the player leaves those cells to curses.
 */
#ifndef LUMBAR_UI_CLOCK_H
#define LUMBAR_UI_CLOCK_H

#include <stdbool.h>

#include <curses.h>

/* After newterm(): decides whether the terminal allows it at all. */
void ui_clock_init(bool utf8);

/*
 * A full frame begins: unless ui_clock_show() is called again before it is
 * sent, the frame shows no digits.
 */
void ui_clock_begin(void);

/*
 * Show `text` in the block font at (y, x), `scale` as ui_draw_big(), in
 * `attr`. Returns false, and shows nothing, when it cannot be done here; the
 * caller then draws the digits through curses.
 */
bool ui_clock_show(int y, int x, const char *text, int scale, attr_t attr);

/*
 * Fields: a row of `w` cells from (y, x), each one column wide (the caller
 * makes sure), that the player would otherwise draw through curses: the
 * header's time and the bar. The player leaves those cells blank in curses.
 * Returns false, and the caller draws them through curses, when it cannot
 * be done here or `cells` is NULL; a refused field stays refused until
 * ui_clock_begin(), so that a tick never takes cells curses drew.
 */
enum { UI_CLOCK_HEADER, UI_CLOCK_BAR, UI_CLOCK_FIELDS };
#define UI_CLOCK_FIELD_MAX 128 /* cells in a field */
struct ui_clock_cell {
	attr_t attr;
	char ch[5]; /* UTF-8 */
};
bool ui_clock_field(int id, int y, int x, int w, const struct ui_clock_cell *cells);

/* The terminal was cleared or left (endwin): nothing of the digits is on it. */
void ui_clock_forget(void);

/*
 * Before refresh(): write to standard output what must reach the terminal
 * ahead of curses' bytes. For a tick (`full` false) that is the whole
 * change; for a full frame only the blanking of cells shown before that the
 * frame does not cover again.
 */
void ui_clock_before_refresh(bool full);

/*
 * After the refresh() of a full frame: write the cells it shows to `fd`.
 * Returns false if the write failed.
 */
bool ui_clock_after_refresh(int fd);

#endif
