/*
 * plan.c - expand exercises into a timeline of phases. See plan.h for the
 * rules; this file is their only implementation, shared by `--plan` and the
 * player.
 */
#include "plan.h"

#include "file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The expansion is written once, as a walk that calls emit() per phase. The
 * first pass only counts (phases == NULL), the second fills the array, so a
 * plan is one exact allocation and counting a length needs no memory.
 */
struct builder {
	struct plan_phase *phases; /* NULL while counting */
	size_t n;
	unsigned offset;
};

static void emit(struct builder *b, enum plan_kind kind, unsigned seconds, unsigned exercise,
                 unsigned slot, int set, enum plan_side side, unsigned rep, unsigned reps)
{
	/* A phase of zero seconds is no phase: nothing to show, nothing to wait. */
	if (seconds == 0)
		return;
	if (b->phases) {
		struct plan_phase *p = &b->phases[b->n];
		p->kind = kind;
		p->seconds = seconds;
		p->offset = b->offset;
		p->exercise = exercise;
		p->slot = slot;
		p->set = set;
		p->side = side;
		p->rep = rep;
		p->reps = reps;
	}
	b->n++;
	b->offset += seconds;
}

/* The work phases of one set, with the rests and switches between them. */
static void walk_set(struct builder *b, const struct cat_set *set, unsigned exercise, unsigned slot,
                     int set_index, const struct prg_set_dose *d)
{
	unsigned reps = d->reps;
	unsigned per_work; /* seconds of one work phase */
	unsigned works;    /* work phases per side */

	switch (set->mode) {
	case CAT_MODE_HOLD:
		per_work = d->hold;
		works = reps;
		break;
	case CAT_MODE_REPS:
		per_work = reps * d->tempo;
		works = 1;
		break;
	case CAT_MODE_TIMED:
	default:
		per_work = d->duration;
		works = 1;
		reps = 0;
		break;
	}
	unsigned n_sides = set->sides == CAT_SIDES_NONE ? 1 : 2;
	unsigned total = works * n_sides;
	enum plan_side prev_side = PLAN_SIDE_NONE;

	for (unsigned i = 0; i < total; i++) {
		enum plan_side side;
		unsigned rep_index; /* 0-based rep within its side */

		switch (set->sides) {
		case CAT_SIDES_EACH:
			side = i < works ? PLAN_SIDE_LEFT : PLAN_SIDE_RIGHT;
			rep_index = i % works;
			break;
		case CAT_SIDES_ALTERNATE:
			side = i % 2 == 0 ? PLAN_SIDE_LEFT : PLAN_SIDE_RIGHT;
			rep_index = i / 2;
			break;
		case CAT_SIDES_NONE:
		default:
			side = PLAN_SIDE_NONE;
			rep_index = i;
			break;
		}

		if (i > 0) {
			if (side != prev_side)
				emit(b, PLAN_SWITCH, set->switch_s, exercise, slot, set_index, side,
				     0, reps);
			else
				emit(b, PLAN_REST, set->rest, exercise, slot, set_index, side, 0,
				     reps);
		}
		emit(b, PLAN_WORK, per_work, exercise, slot, set_index, side,
		     set->mode == CAT_MODE_HOLD ? rep_index + 1 : 0, reps);
		prev_side = side;
	}
}

static void walk_exercise(struct builder *b, const struct catalogue *cat, unsigned exercise,
                          unsigned slot, const struct plan_dose *dose)
{
	const struct cat_exercise *ex = &cat->exercises[exercise];
	struct prg_dose d;

	plan_dose_of(cat, dose, exercise, &d);
	emit(b, PLAN_PREPARE, ex->prepare, exercise, slot, -1, PLAN_SIDE_NONE, 0, 0);
	for (unsigned s = 0; s < d.n_sets; s++) {
		walk_set(b, &ex->sets[s], exercise, slot, (int)s, &d.set[s]);
		if (s + 1 < d.n_sets)
			emit(b, PLAN_REST, ex->sets[s].rest_after, exercise, slot, (int)s,
			     PLAN_SIDE_NONE, 0, 0);
	}
}

void plan_dose_level(struct plan_dose *d, enum cat_level level)
{
	memset(d, 0, sizeof(*d));
	d->forced = true;
	d->level = level;
}

void plan_dose_of(const struct catalogue *cat, const struct plan_dose *d, unsigned exercise,
                  struct prg_dose *out)
{
	const struct cat_exercise *ex = &cat->exercises[exercise];

	if (!d->forced) {
		prg_dose(ex, exercise < CAT_MAX_EXERCISES ? d->step[exercise] : 0, out);
		return;
	}
	prg_dose(ex, 0, out);
	out->k = 0;
	for (unsigned s = 0; s < out->n_sets; s++) {
		const struct cat_set *set = &ex->sets[s];
		out->set[s] = (struct prg_set_dose){
			.hold = cat_range_at(set->hold, d->level),
			.reps = cat_range_at(set->reps, d->level),
			.tempo = cat_range_at(set->tempo, d->level),
			.duration = cat_range_at(set->duration, d->level),
		};
	}
}

int plan_build_dose(const struct catalogue *cat, const unsigned *exercises, unsigned n,
                    const struct plan_dose *dose, struct plan *out)
{
	struct builder b = { 0 };

	for (unsigned i = 0; i < n; i++)
		walk_exercise(&b, cat, exercises[i], i, dose);

	struct plan p = { 0 };
	p.forced = dose->forced;
	p.level = dose->level;
	p.n = b.n;
	p.total = b.offset;
	p.n_exercises = n;
	p.phases = xcalloc(b.n, sizeof(*p.phases));
	p.exercises = xcalloc(n, sizeof(*p.exercises));
	p.step = xcalloc(n, sizeof(*p.step));
	for (unsigned i = 0; i < n; i++) {
		p.exercises[i] = exercises[i];
		if (!dose->forced && exercises[i] < CAT_MAX_EXERCISES)
			p.step[i] = dose->step[exercises[i]];
	}

	b = (struct builder){ .phases = p.phases };
	for (unsigned i = 0; i < n; i++)
		walk_exercise(&b, cat, exercises[i], i, dose);

	*out = p;
	return 0;
}

int plan_build(const struct catalogue *cat, const unsigned *exercises, unsigned n,
               enum cat_level level, struct plan *out)
{
	struct plan_dose d;

	plan_dose_level(&d, level);
	return plan_build_dose(cat, exercises, n, &d, out);
}

int plan_build_all(const struct catalogue *cat, enum cat_level level, struct plan *out)
{
	unsigned idx[CAT_MAX_EXERCISES];

	for (unsigned i = 0; i < cat->n_exercises; i++)
		idx[i] = i;
	return plan_build(cat, idx, cat->n_exercises, level, out);
}

int plan_build_one(const struct catalogue *cat, unsigned exercise, enum cat_level level,
                   struct plan *out)
{
	return plan_build(cat, &exercise, 1, level, out);
}

void plan_free(struct plan *p)
{
	free(p->phases);
	free(p->exercises);
	free(p->step);
	memset(p, 0, sizeof(*p));
}

unsigned plan_seconds_at(const struct catalogue *cat, unsigned exercise,
                         const struct plan_dose *dose)
{
	struct builder b = { 0 };

	walk_exercise(&b, cat, exercise, 0, dose);
	return b.offset;
}

unsigned plan_exercise_seconds(const struct catalogue *cat, unsigned exercise, enum cat_level level)
{
	struct plan_dose d;

	plan_dose_level(&d, level);
	return plan_seconds_at(cat, exercise, &d);
}

size_t plan_slot_first(const struct plan *p, unsigned slot)
{
	size_t i = 0;

	while (i < p->n && p->phases[i].slot < slot)
		i++;
	return i;
}

size_t plan_slot_end(const struct plan *p, unsigned slot)
{
	return plan_slot_first(p, slot + 1);
}

unsigned plan_work_seconds(const struct plan *p, unsigned slot)
{
	unsigned s = 0;

	for (size_t i = plan_slot_first(p, slot); i < plan_slot_end(p, slot); i++)
		if (p->phases[i].kind == PLAN_WORK)
			s += p->phases[i].seconds;
	return s;
}

const char *plan_kind_name(enum plan_kind kind)
{
	switch (kind) {
	case PLAN_PREPARE:
		return "prepare";
	case PLAN_WORK:
		return "work";
	case PLAN_REST:
		return "rest";
	case PLAN_SWITCH:
		return "switch";
	}
	return "?";
}

const char *plan_side_name(enum plan_side side)
{
	switch (side) {
	case PLAN_SIDE_LEFT:
		return "left";
	case PLAN_SIDE_RIGHT:
		return "right";
	case PLAN_SIDE_NONE:
		break;
	}
	return "-";
}

char *plan_format_clock(unsigned seconds, char *buf, size_t len)
{
	/* Built from the right, without printf: the player shows a few every second. */
	char tmp[32], *p = tmp + sizeof(tmp);
	unsigned h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;
	unsigned lead = h ? h : seconds / 60;
	size_t n;

	*--p = '\0';
	*--p = (char)('0' + s % 10);
	*--p = (char)('0' + s / 10);
	*--p = ':';
	if (h) {
		*--p = (char)('0' + m % 10);
		*--p = (char)('0' + m / 10);
		*--p = ':';
	}
	do {
		*--p = (char)('0' + lead % 10);
		lead /= 10;
	} while (lead);
	/* As snprintf(): cut to fit, always terminated. */
	if (len) {
		n = strlen(p);
		n = n < len ? n : len - 1;
		memcpy(buf, p, n);
		buf[n] = '\0';
	}
	return buf;
}
