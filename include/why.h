/*
 * why.h - the wording of `lumbar why ID`: an exercise's step, the rule, the
 * sessions at that step and when the next may come, written once for the
 * command (cli_why(), which wraps the paragraphs at 80 columns) and the
 * summary's Tab view (which wraps them to the screen).
 *
 * Core: no curses, no clock (`today` is an argument), no FILE: the text is
 * handed out piece by piece.
 */
#ifndef LUMBAR_WHY_H
#define LUMBAR_WHY_H

#include <stdint.h>

#include "catalogue.h"
#include "history.h"
#include "progression.h"

/* What one piece of the text is. */
enum why_piece {
	WHY_PARA, /* a paragraph, to wrap to the width at hand */
	WHY_ROW,  /* a line of the sessions' table (or its heading), as it is */
	WHY_GAP,  /* a blank line, where the command leaves one */
};

/* Where the pieces go, in order; `text` is valid during the call only. */
typedef void why_put_fn(void *ctx, enum why_piece piece, const char *text);

/*
 * Why exercise `ex` of `cat` is at its step (res: its prg_result as of
 * `today`, from h, the record's history, under the rules p), piece by
 * piece through put.
 */
void why_exercise(const struct catalogue *cat, unsigned ex, const struct prg_result *res,
                  const struct hist *h, const struct prg_params *p, int32_t today, why_put_fn *put,
                  void *ctx);

#endif
