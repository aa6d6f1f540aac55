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
#include "figure.h"
#include "history.h"
#include "plan.h"
#include "progression.h"

/*
 * --list: one line per named routine, then per exercise: id, name, length at
 * its dose, frequency ("routine of N exercises" for a routine).
 */
void cli_list(FILE *fp, const struct catalogue *cat, const struct plan_dose *dose, bool tsv);

/*
 * --show: everything about one exercise, at its dose: its figure's key
 * poses (in Braille, or ASCII where the locale is not UTF-8) above the
 * steps, within 80 columns, and its video's address when it has one.
 */
void cli_show(FILE *fp, const struct catalogue *cat, unsigned exercise,
              const struct plan_dose *dose, enum fig_glyphs glyphs);

/* --show ROUTINE: a named routine's exercises in order, each with its length, and the total. */
void cli_show_routine(FILE *fp, const struct catalogue *cat, unsigned routine,
                      const struct plan_dose *dose);

/* --plan: the timeline as a table ending in a `Total` line, or as TSV. */
void cli_plan(FILE *fp, const struct catalogue *cat, const struct plan *plan, bool tsv);

/*
 * --history: per exercise today or this week against frequency, adherence
 * and its step k/K (`steps`, may be NULL), streaks and the pain trend; with
 * tsv, one row per day with entries.
 */
void cli_history(FILE *fp, const struct catalogue *cat, const struct hist_summary *s,
                 const struct prg_result *steps, const char *path, bool tsv);

/*
 * lumbar progress: each exercise (or only the `n` catalogue indexes in
 * `only`, in that order; NULL for all) with its step k/K, its dose now and
 * at the next step, and its state in words; with tsv, `#exercise step
 * steps state since`.
 */
void cli_progress(FILE *fp, const struct catalogue *cat, const struct prg_result *res,
                  const unsigned *only, unsigned n, bool tsv);

/*
 * lumbar why (issue 20 §2). With an exercise (`ex` a catalogue index): its
 * step and since when, the sessions at that step since then (date, pain
 * before and after, acceptable or not), what is missing and the earliest
 * day for the next step, the last red session and a hold in force. `h` is
 * the record's history as of `today`. Alone (`ex` < 0): each rule and its
 * threshold, from `p`, with where the numbers come from.
 */
void cli_why(FILE *fp, const struct catalogue *cat, int ex, const struct prg_result *res,
             const struct hist *h, const struct prg_params *p, int32_t today);

/* When to get help: the safety screen's two lists as plain text (`lumbar safety`). */
void cli_safety(FILE *fp);

/*
 * What `lumbar log` wrote: the day, the status and the file, then each
 * exercise of `plan` with its work time and step, the scores, and how a
 * logged session counts (`today`: the day it was said). After a pain of
 * EV_SAFETY_STOP_PAIN or more, when to get help at once (cli_safety()):
 * the screen's next start may not come for a past day's line, when it was
 * shown since.
 */
void cli_logged(FILE *fp, const struct catalogue *cat, const struct plan *plan,
                const struct hist_entry *e, unsigned n, int32_t today, const char *path);

/*
 * Damaged lines of a history or events file, as compilers name them:
 * `PATH:LINE: why` on stderr, the path escaped. Only the first
 * CLI_DAMAGE_SHOWN are printed, so a file of a million broken lines costs no
 * more than a few; cli_damage_end() then says how many more were skipped.
 * Pass cli_damage_line as the reader's warn function with a struct
 * cli_damage as its context.
 */
enum { CLI_DAMAGE_SHOWN = 20 };
struct cli_damage {
	const char *path;
	unsigned n; /* damaged lines seen */
};
void cli_damage_line(void *ctx, unsigned line, const char *why);
void cli_damage_end(const struct cli_damage *d);

#endif
