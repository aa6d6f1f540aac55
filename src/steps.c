/*
 * steps.c - history and events into progression's input; see steps.h.
 */
#include "steps.h"

#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void steps_rules(struct steps_rules *r, const struct catalogue *cat, const struct settings *st)
{
	if (st)
		r->params = st->progression;
	else
		prg_params_default(&r->params);
	for (unsigned i = 0; i < CAT_MAX_EXERCISES; i++)
		r->modes[i] = r->params.mode;
	for (unsigned i = 0; st && i < st->n_modes; i++) {
		int at = cat_find(cat, st->modes[i].id);
		if (at >= 0 && at < CAT_MAX_EXERCISES)
			r->modes[at] = st->modes[i].mode;
	}
}

void steps_session(const struct hist_entry *e, struct prg_session *out)
{
	memset(out, 0, sizeof(*out));
	out->when = e->when;
	out->day = e->day;
	/* Both are CAT_MAX_ID + 1 bytes, NUL-terminated: no snprintf per line. */
	memcpy(out->id, e->id, sizeof(out->id));
	out->status = e->status == HIST_DONE      ? PRG_DONE
	              : e->status == HIST_PARTIAL ? PRG_PARTIAL
	                                          : PRG_STOPPED;
	out->pain = e->pain;
	out->pain_before = e->pain_before;
	out->logged = e->source == HIST_SRC_LOG;
	switch (e->step.kind) {
	case HIST_STEP_INDEX:
		out->step = (struct prg_tag){ PRG_TAG_STEP, e->step.k, e->step.n, CAT_LEVEL_EASY };
		break;
	case HIST_STEP_LEVEL:
		out->step = (struct prg_tag){ PRG_TAG_LEVEL, 0, 0, e->step.level };
		break;
	case HIST_STEP_NONE:
		out->step.kind = PRG_TAG_NONE;
		break;
	}
}

/* A whole number 0..99999 from an event's value, or -1. */
static int whole(const char *s)
{
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (*end || errno || v > 99999)
		return -1;
	return (int)v;
}

bool steps_event(const struct ev_event *e, struct prg_event *out)
{
	memset(out, 0, sizeof(*out));
	out->when = e->when;
	out->day = e->day;
	memcpy(out->id, e->exercise, sizeof(out->id));
	switch (e->kind) {
	case EV_MORNING:
		if (e->score == HIST_NO_PAIN)
			return false;
		out->kind = PRG_EV_MORNING;
		out->value = e->score;
		return true;
	case EV_ACCEPT:
		out->kind = PRG_EV_ACCEPT;
		return true;
	case EV_DECLINE:
		out->kind = PRG_EV_DECLINE;
		return true;
	case EV_SET: {
		/* `k/K` from issue 20 on, as the history writes a step; a bare `k` before. */
		struct hist_step hs;

		out->kind = PRG_EV_SET;
		if (strchr(e->value, '/') != NULL) {
			if (hist_parse_step(e->value, strlen(e->value), &hs) != 0 ||
			    hs.kind != HIST_STEP_INDEX)
				return false;
			out->value = (int)hs.k;
			out->steps = hs.n;
			return true;
		}
		out->value = whole(e->value);
		return out->value >= 0;
	}
	case EV_HOLD:
		out->kind = PRG_EV_HOLD;
		out->value = whole(e->value);
		return out->value >= 0;
	default:
		return false;
	}
}

int steps_derive_events(const struct catalogue *cat, const struct hist *h,
                        const struct prg_event *ev, size_t n_ev, const struct steps_rules *rules,
                        int32_t today, struct prg_result *out)
{
	size_t ns = h ? h->n : 0, n = 0, ne = 0;
	struct prg_session *s = xcalloc(ns, sizeof(*s));
	struct prg_event *e = xcalloc(n_ev, sizeof(*e));

	/* Lines dated after today (a clock wrong once, or an as-of day) are
	 * not part of today's steps: a red line of 2099 holds nothing now. */
	for (size_t i = 0; i < ns; i++)
		if (h->e[i].day <= today)
			steps_session(&h->e[i], &s[n++]);
	for (size_t i = 0; i < n_ev; i++)
		if (ev[i].day <= today)
			e[ne++] = ev[i];
	int rc = prg_derive(cat, s, n, e, ne, &rules->params, rules->modes, today, out);
	free(s);
	free(e);
	return rc;
}

int steps_derive(const struct catalogue *cat, const struct hist *h, const struct ev_log *ev,
                 const struct steps_rules *rules, int32_t today, struct prg_result *out)
{
	size_t cap = ev ? ev->n : 0, ne = 0;
	struct prg_event *e = xcalloc(cap, sizeof(*e));

	for (size_t i = 0; i < cap; i++)
		if (steps_event(&ev->e[i], &e[ne]))
			ne++;
	int rc = steps_derive_events(cat, h, e, ne, rules, today, out);
	free(e);
	return rc;
}

void steps_dose(const struct catalogue *cat, const struct prg_result *res, struct plan_dose *out)
{
	memset(out, 0, sizeof(*out));
	for (unsigned i = 0; i < cat->n_exercises && i < CAT_MAX_EXERCISES; i++)
		out->step[i] = res[i].k;
}
