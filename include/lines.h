/*
 * lines.h - the line mode (issue 24): every screen of the program as plain
 * lines of text, each said once when it changes, for screen readers,
 * Braille displays, TERM=dumb, an Emacs shell, a serial line or a pipe. No
 * curses, no escape sequences, no colour: the only bytes below 0x20 it
 * writes are the newline and the bell.
 *
 * A second front end on the same session's life (app.h) and the same
 * screens' rules and words (ui_priv.h) as the full screen: what differs is
 * how the text reaches the person and how keys come in.
 */
#ifndef LUMBAR_LINES_H
#define LUMBAR_LINES_H

#include "ui.h"

/*
 * Run the program in lines until the person quits or input ends (q then y:
 * what was done is written, exit 0). Standard input may be a terminal (read
 * a key at a time, its settings given back on every way out) or a pipe (read
 * as it comes). Returns an exit status as ui_run() does.
 */
int lines_run(const struct ui_options *o);

#endif
