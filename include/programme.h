/*
 * programme.h - the home-exercise sheet a physiotherapist hands out
 * (`lumbar programme`, issue 21 §4): one block per exercise with its figure,
 * its steps, today's dose in words and the steps ahead, how often, and the
 * article's cautions; then when to get help. Markdown (figures in Braille or
 * ASCII text) or one self-contained HTML page (figures as inline SVG) that
 * prints a whole routine on at most three A4 pages.
 *
 * Pure: no curses, no clock, no I/O but writing to the FILE* given.
 */
#ifndef LUMBAR_PROGRAMME_H
#define LUMBAR_PROGRAMME_H

#include <stdio.h>

#include "catalogue.h"
#include "figure.h"
#include "plan.h"
#include "report.h"

/* What to write: a title and the catalogue indexes of the exercises, in order. */
struct prog_sheet {
	const struct catalogue *cat;
	const char *title; /* the routine's name */
	const unsigned *exercises;
	unsigned n;
	const struct plan_dose *dose; /* each exercise's step, or one level */
};

/*
 * Write the sheet as REP_MD or REP_HTML (REP_CSV is refused: -1). Text from
 * the catalogue is escaped as the report escapes it. Returns 0, or -1 when
 * the stream failed.
 */
int prog_write(FILE *fp, const struct prog_sheet *s, enum rep_format fmt, enum fig_glyphs glyphs);

#endif
