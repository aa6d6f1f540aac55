/*
 * journal.c - what a session leaves in the history; the rules are in
 * journal.h.
 */
#include "journal.h"
#include "progression.h"

#include <stdio.h>
#include <string.h>

static const char *slot_id(const struct catalogue *cat, const struct plan *p, unsigned i)
{
	return cat->exercises[p->exercises[i]].id;
}

void journal_step(const struct catalogue *cat, const struct plan *p, unsigned i,
                  struct hist_step *out)
{
	unsigned top = prg_steps(&cat->exercises[p->exercises[i]]);

	if (p->forced)
		*out = (struct hist_step){ .kind = HIST_STEP_LEVEL, .level = p->level };
	else if (p->step && top <= HIST_MAX_STEPS)
		*out = (struct hist_step){ .kind = HIST_STEP_INDEX,
			                   .k = p->step[i] < top ? p->step[i] : top,
			                   .n = top };
	else
		*out = (struct hist_step){ .kind = HIST_STEP_NONE };
}

unsigned journal_begin(struct journal *j, const struct catalogue *cat, const struct plan *p,
                       const struct hist_entry *resumed, unsigned n_resumed)
{
	unsigned placed = 0;

	memset(j, 0, sizeof(*j));
	j->pain_before = HIST_NO_PAIN;
	j->n = p->n_exercises < CAT_MAX_EXERCISES ? (unsigned)p->n_exercises : CAT_MAX_EXERCISES;
	for (unsigned k = 0; k < n_resumed; k++) {
		for (unsigned i = 0; i < j->n; i++) {
			if (!j->has[i] && strcmp(slot_id(cat, p, i), resumed[k].id) == 0) {
				j->pend[i] = resumed[k];
				j->has[i] = true;
				placed++;
				break;
			}
		}
	}
	return placed;
}

bool journal_played_enough(const struct sess_stat *st)
{
	/* work_ms * 100 >= total * percent, in integers: no rounding at the edge. */
	return st->work_ms * 100 >= st->work_total_ms * PRG_DONE_PERCENT;
}

/* Make slot i's entry as the rules say; false when it earns none. */
static bool make_entry(struct journal *j, const struct catalogue *cat, const struct plan *p,
                       const struct session *s, unsigned i, bool leaving, time_t now)
{
	const struct sess_stat *st = &s->stats[i];
	struct hist_entry *e = &j->pend[i];

	if (st->ended && !st->skipped && !leaving)
		e->status = journal_played_enough(st) ? HIST_DONE : HIST_PARTIAL;
	else if (st->work_done >= 1)
		e->status = HIST_PARTIAL;
	else
		return false;
	snprintf(e->id, sizeof(e->id), "%s", slot_id(cat, p, i));
	e->when = now;
	e->active_s = (unsigned)((st->active_ms + 500) / 1000);
	e->pain = HIST_NO_PAIN;
	e->pain_before = HIST_NO_PAIN;
	journal_step(cat, p, i, &e->step);
	e->day = 0;
	e->line = 0;
	return true;
}

void journal_collect(struct journal *j, const struct catalogue *cat, const struct plan *p,
                     const struct session *s, time_t now)
{
	for (unsigned i = 0; i < j->n; i++) {
		if (!s->stats[i].ended) {
			j->seen[i] = false;
			continue;
		}
		/* A stop stands: what was said about the exercise is not undone. */
		if (j->seen[i] || (j->has[i] && j->pend[i].status == HIST_STOPPED))
			continue;
		j->seen[i] = true;
		j->has[i] = make_entry(j, cat, p, s, i, false, now);
	}
}

enum journal_act journal_leave(struct journal *j, const struct catalogue *cat, const struct plan *p,
                               const struct session *s, bool routine, enum journal_way way,
                               time_t now)
{
	if (s->finished || way == JOURNAL_FINISHED)
		return JOURNAL_WRITE;
	/* Kept only while something is left to resume: after a stop on the last, nothing is. */
	if (routine && (way == JOURNAL_TERM || way == JOURNAL_HANGUP) &&
	    journal_resume_phase(j, p, s) < p->n)
		return JOURNAL_KEEP;

	unsigned slot = session_slot(s);
	/* An exercise already logged as done keeps its entry when gone back into. */
	if (slot < j->n && !j->has[slot])
		j->has[slot] = make_entry(j, cat, p, s, slot, true, now);
	return JOURNAL_WRITE;
}

size_t journal_resume_phase(const struct journal *j, const struct plan *p, const struct session *s)
{
	unsigned slot = session_slot(s);
	int pain;

	if (s->finished)
		return p->n;
	/* A stop stands: the stopped exercise is not played again. */
	if (journal_stopped(j, slot, &pain))
		return plan_slot_end(p, slot);
	return s->cur;
}

unsigned journal_stop(struct journal *j, const struct catalogue *cat, const struct plan *p,
                      const struct session *s, time_t now)
{
	unsigned slot = session_slot(s);

	if (s->finished || slot >= j->n)
		return j->n;
	/*
	 * make_entry() fills the fields when the slot earned an entry anyway;
	 * a stop with no work phase completed is filled here. Either way the
	 * status is `stopped`.
	 */
	if (!make_entry(j, cat, p, s, slot, true, now)) {
		const struct sess_stat *st = &s->stats[slot];
		struct hist_entry *e = &j->pend[slot];

		hist_entry_init(e);
		snprintf(e->id, sizeof(e->id), "%s", slot_id(cat, p, slot));
		e->when = now;
		e->active_s = (unsigned)((st->active_ms + 500) / 1000);
		journal_step(cat, p, slot, &e->step);
	}
	j->pend[slot].status = HIST_STOPPED;
	j->has[slot] = true;
	return slot;
}

void journal_stop_score(struct journal *j, unsigned slot, int pain)
{
	if (slot < j->n && j->has[slot] && j->pend[slot].status == HIST_STOPPED)
		j->pend[slot].pain = pain;
}

bool journal_stopped(const struct journal *j, unsigned slot, int *pain)
{
	/* journal_begin() zeroes the slots, and journal_written() keeps pend[]. */
	if (slot >= j->n || j->pend[slot].status != HIST_STOPPED)
		return false;
	*pain = j->pend[slot].pain;
	return true;
}

bool journal_pending(const struct journal *j)
{
	for (unsigned i = 0; i < j->n; i++)
		if (j->has[i])
			return true;
	return false;
}

bool journal_awaiting_score(const struct journal *j)
{
	for (unsigned i = 0; i < j->n; i++)
		if (j->has[i] && j->pend[i].status != HIST_STOPPED)
			return true;
	return false;
}

unsigned journal_take(const struct journal *j, int pain, struct hist_entry *out)
{
	unsigned n = 0;

	for (unsigned i = 0; i < j->n; i++) {
		if (!j->has[i])
			continue;
		out[n] = j->pend[i];
		if (out[n].status != HIST_STOPPED)
			out[n].pain = pain;
		out[n++].pain_before = j->pain_before;
	}
	return n;
}

void journal_written(struct journal *j)
{
	memset(j->has, 0, sizeof(j->has));
}

bool journal_entry_valid(const struct hist_entry *e)
{
	char line[160], why[160];
	struct hist_entry back;

	if (!memchr(e->id, '\0', sizeof(e->id)) ||
	    (e->status != HIST_DONE && e->status != HIST_PARTIAL && e->status != HIST_STOPPED))
		return false;
	size_t len = hist_format_entry(e, line, sizeof(line));
	if (len == 0 || len >= sizeof(line) || line[len - 1] != '\n')
		return false;
	return hist_parse_line(line, len - 1, &back, why, sizeof(why)) == 0 &&
	       strcmp(back.id, e->id) == 0 && back.status == e->status &&
	       back.active_s == e->active_s && back.pain == e->pain &&
	       back.pain_before == e->pain_before;
}
