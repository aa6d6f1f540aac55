/*
 * plan.h - expand an exercise, or a list of them, into a timeline of phases.
 *
 * Pure: no clock, no I/O. Both `lumbar --plan` and the player read the same
 * array, so what the table says is what the countdown does.
 *
 * The rules (the contract users rely on):
 *  1. a prepare phase per exercise, skipped when its length is 0;
 *  2. per set: work phases, then a rest phase of `rest_after` when another
 *     set follows (none when 0);
 *     - hold: one work phase of `hold` s per rep per side;
 *       reps: one of `reps x tempo` s per side; timed: one of `duration` s
 *       per side;
 *     - sides none: no side; each: all left, then all right; alternate:
 *       left, right, left, right... (reps count per side);
 *     - between consecutive work phases of a set: a switch phase when the
 *       side changes, else a rest phase of `rest` s (none when 0).
 *  3. the numbers of each exercise (hold, reps, tempo, duration) are its
 *     dose: by default its own step on its ladder (progression.h, derived by
 *     steps.h), or one level for every exercise when forced (--level).
 */
#ifndef LUMBAR_PLAN_H
#define LUMBAR_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "catalogue.h"
#include "progression.h"

enum plan_kind { PLAN_PREPARE, PLAN_WORK, PLAN_REST, PLAN_SWITCH };
enum plan_side { PLAN_SIDE_NONE, PLAN_SIDE_LEFT, PLAN_SIDE_RIGHT };

struct plan_phase {
	enum plan_kind kind;
	unsigned seconds;  /* length; never 0 */
	unsigned offset;   /* seconds from the start of the plan */
	unsigned exercise; /* index into the catalogue */
	unsigned slot;     /* index of the exercise within this plan (0..) */
	int set;           /* index of the set, -1 for prepare */
	enum plan_side side;
	unsigned rep;  /* work in hold mode: 1..reps; otherwise 0 */
	unsigned reps; /* the set's reps per side at this level (0 timed) */
};

/* Where each exercise's numbers come from. */
struct plan_dose {
	bool forced;                      /* one level for every exercise (--level) */
	enum cat_level level;             /* when forced */
	unsigned step[CAT_MAX_EXERCISES]; /* else: the step of each catalogue exercise */
};

/* A dose source forcing `level` for every exercise. */
void plan_dose_level(struct plan_dose *d, enum cat_level level);

/* The numbers of one exercise under a dose source (k and steps: its step and K). */
void plan_dose_of(const struct catalogue *cat, const struct plan_dose *d, unsigned exercise,
                  struct prg_dose *out);

struct plan {
	struct plan_phase *phases;
	size_t n;
	unsigned total;      /* seconds */
	unsigned *exercises; /* catalogue index of each slot */
	unsigned n_exercises;
	enum cat_level level; /* when forced */
	bool forced;          /* built at one level for all (--level) */
	unsigned *step;       /* each slot's step (0 when forced) */
};

/*
 * Build the timeline of `n` exercises (catalogue indexes, in order) at their
 * doses. Returns 0 and fills *out (running out of memory exits, file.h).
 * Free with plan_free().
 */
int plan_build_dose(const struct catalogue *cat, const unsigned *exercises, unsigned n,
                    const struct plan_dose *dose, struct plan *out);

/* plan_build_dose() with one level forced for every exercise. */
int plan_build(const struct catalogue *cat, const unsigned *exercises, unsigned n,
               enum cat_level level, struct plan *out);

/* Every exercise of the catalogue, in catalogue order. */
int plan_build_all(const struct catalogue *cat, enum cat_level level, struct plan *out);

/* One exercise. */
int plan_build_one(const struct catalogue *cat, unsigned exercise, enum cat_level level,
                   struct plan *out);

/* Free a plan's arrays and zero it. Accepts a zeroed plan. */
void plan_free(struct plan *p);

/* Total seconds of one exercise at its dose, without building a plan. */
unsigned plan_seconds_at(const struct catalogue *cat, unsigned exercise,
                         const struct plan_dose *dose);

/* The same at a level. */
unsigned plan_exercise_seconds(const struct catalogue *cat, unsigned exercise,
                               enum cat_level level);

/* Index of the first phase of the slot's exercise, and one past its last. */
size_t plan_slot_first(const struct plan *p, unsigned slot);
size_t plan_slot_end(const struct plan *p, unsigned slot);

/*
 * The planned work time of a slot in seconds: its work phases, without the
 * prepare, rest and switch phases (what the player counts as the dose
 * played, journal.h; what `lumbar log` writes as active seconds).
 */
unsigned plan_work_seconds(const struct plan *p, unsigned slot);

/* "prepare", "work", "rest", "switch"; "left", "right", "-". */
const char *plan_kind_name(enum plan_kind kind);
const char *plan_side_name(enum plan_side side);

/*
 * Format seconds as M:SS, or H:MM:SS from one hour. Returns buf.
 * buf must hold at least 16 bytes.
 */
char *plan_format_clock(unsigned seconds, char *buf, size_t len);

#endif
