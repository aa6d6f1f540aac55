/*
 * steps.h - the step of every exercise, from the files as loaded: the one
 * place that turns the history's entries and the events file's lines into
 * progression's sessions and events and calls prg_derive(). Every user (the
 * plain modes, `lumbar progress`, the screens) comes through here.
 *
 * Core: no curses, no clock (`today` is an argument).
 */
#ifndef LUMBAR_STEPS_H
#define LUMBAR_STEPS_H

#include <stdint.h>

#include "catalogue.h"
#include "events.h"
#include "history.h"
#include "plan.h"
#include "progression.h"
#include "settings.h"

/* The rules' parameters and each exercise's mode. */
struct steps_rules {
	struct prg_params params;
	enum prg_mode modes[CAT_MAX_EXERCISES]; /* one per catalogue exercise */
};

/*
 * The rules config.yaml's `progression:` gives (`st` NULL: issue 13's
 * defaults, suggest for every exercise). Modes of ids not in the catalogue
 * are left unused.
 */
void steps_rules(struct steps_rules *r, const struct catalogue *cat, const struct settings *st);

/* A history entry as progression reads it. */
void steps_session(const struct hist_entry *e, struct prg_session *out);

/*
 * An event as progression reads it; false for a kind it does not read, or
 * a value that is not a whole number (a hold of "x" days: skipped).
 */
bool steps_event(const struct ev_event *e, struct prg_event *out);

/*
 * Derive every exercise's step into out[0 .. cat->n_exercises). `h` and
 * `ev` may be NULL (nothing yet). Returns 0, or -1 when memory runs out.
 */
int steps_derive(const struct catalogue *cat, const struct hist *h, const struct ev_log *ev,
                 const struct steps_rules *rules, int32_t today, struct prg_result *out);

/* As steps_derive(), from events already in progression's form (records.h). */
int steps_derive_events(const struct catalogue *cat, const struct hist *h,
                        const struct prg_event *ev, size_t n_ev, const struct steps_rules *rules,
                        int32_t today, struct prg_result *out);

/* A dose source at each exercise's derived step. */
void steps_dose(const struct catalogue *cat, const struct prg_result *res, struct plan_dose *out);

#endif
