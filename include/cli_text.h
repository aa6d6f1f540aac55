/*
 * cli_text.h - the plain-text modes: --list, --show, --plan, --history. Their
 * words are words.h's, which the screens use too. No curses; output goes to
 * a FILE.
 */
#ifndef LUMBAR_CLI_TEXT_H
#define LUMBAR_CLI_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "catalogue.h"
#include "history.h"
#include "plan.h"

/*
 * --list: one line per named routine, then per exercise: id, name, length at
 * the level, frequency ("routine of N exercises" for a routine).
 */
void cli_list(FILE *fp, const struct catalogue *cat, enum cat_level level, bool tsv);

/* --show: everything about one exercise. */
void cli_show(FILE *fp, const struct catalogue *cat, unsigned exercise, enum cat_level level);

/* --show ROUTINE: a named routine's exercises in order, each with its length, and the total. */
void cli_show_routine(FILE *fp, const struct catalogue *cat, unsigned routine,
                      enum cat_level level);

/* --plan: the timeline as a table ending in a `Total` line, or as TSV. */
void cli_plan(FILE *fp, const struct catalogue *cat, const struct plan *plan, bool tsv);

/*
 * --history: per exercise today or this week against frequency, adherence,
 * streaks and the pain trend; with tsv, one row per day with entries.
 */
void cli_history(FILE *fp, const struct catalogue *cat, const struct hist_summary *s,
                 const char *path, bool tsv);

#endif
