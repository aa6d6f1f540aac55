/*
 * cli_text.h - the plain-text modes: --list, --show, --plan, and the words
 * both the text modes and the screens use for frequencies and lengths.
 * No curses; output goes to a FILE.
 */
#ifndef LUMBAR_CLI_TEXT_H
#define LUMBAR_CLI_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "catalogue.h"
#include "history.h"
#include "plan.h"

/* "twice a day", "2-3 times a week", "once a day (morning)". Returns buf. */
char *cli_frequency(const struct cat_frequency *f, bool with_when, char *buf, size_t len);

/* One set's prescription at a level: "hold 5 s x 2 reps, each side". */
char *cli_set_text(const struct cat_set *s, enum cat_level level, char *buf, size_t len);

/* --list: one line per exercise: id, name, length at the level, frequency. */
void cli_list(FILE *fp, const struct catalogue *cat, enum cat_level level, bool tsv);

/* --show: everything about one exercise. */
void cli_show(FILE *fp, const struct catalogue *cat, unsigned exercise, enum cat_level level);

/* --plan: the timeline as a table ending in a `Total` line, or as TSV. */
void cli_plan(FILE *fp, const struct catalogue *cat, const struct plan *plan, bool tsv);

/* "1/2 today" or "1/3 this week": an exercise's count against its frequency. */
char *cli_count_text(const struct cat_exercise *ex, const struct hist_ex_stat *st, char *buf,
                     size_t len);

/*
 * --history: per exercise today or this week against frequency, adherence,
 * streaks and the pain trend; with tsv, one row per day with entries.
 */
void cli_history(FILE *fp, const struct catalogue *cat, const struct hist_summary *s,
                 const char *path, bool tsv);

#endif
