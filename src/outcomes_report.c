/*
 * outcomes_report.c - the figures of the report's Outcomes section: the PEG
 * by the report's weeks, the activities' first and latest ratings, and the
 * marks of change (outcomes_report.h). The rules are outcomes.c's
 * (out_weeks(), out_activities(), out_change_words()); this lines them up
 * with the report's weeks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "history.h"
#include "outcomes_report.h"

const char *const out_report_peg_items[3] = { "Pain", "Enjoyment of life", "General activity" };

/*
 * Questionnaire q's weeks lined up with the report's n weeks from
 * first_monday: week[w] a Monday week's answers (the latest weeks up to
 * `to`), *first_w and *last_w the first and latest week with a score.
 */
static void line_up(const struct ev_log *ev, const struct questionnaire *q, int32_t first_monday,
                    int32_t to, unsigned n, struct out_week *week, int *first_w, int *last_w)
{
	struct out_week *got = xcalloc(n, sizeof(*got));
	size_t n_got = out_weeks(ev, q, to, got, n);

	for (size_t k = 0; k < n_got; k++) {
		int32_t w = (got[k].monday - first_monday) / 7;
		if (w < 0 || !got[k].present)
			continue;
		week[w] = got[k];
		if (got[k].have_score) {
			if (*first_w < 0)
				*first_w = w;
			*last_w = w;
		}
	}
	free(got);
}

void out_report_build(const struct ev_log *ev, const struct questionnaire *peg,
                      const struct questionnaire *activities, int32_t from, int32_t to,
                      struct out_report *out)
{
	static const struct ev_log none;
	const int32_t first_monday = out_monday(from);

	if (to < from)
		to = from;
	if (!ev)
		ev = &none;
	*out = (struct out_report){
		.peg = peg, .activities = activities, .first_w = -1, .last_w = -1
	};
	out->n_weeks = (unsigned)((out_monday(to) - first_monday) / 7 + 1);
	out->week = xcalloc(out->n_weeks, sizeof(*out->week));
	for (unsigned w = 0; w < out->n_weeks; w++)
		out->week[w].monday = first_monday + 7 * (int32_t)w;
	if (peg)
		line_up(ev, peg, first_monday, to, out->n_weeks, out->week, &out->first_w,
		        &out->last_w);
	if (activities) {
		out->act = xcalloc(OUT_MAX_ACTIVITIES, sizeof(*out->act));
		out->n_act = out_activities(ev, to, out->act, OUT_MAX_ACTIVITIES);
	}
	out->any = out->n_act > 0;
	for (size_t i = 0; i < ev->n && !out->any; i++) {
		const struct ev_event *e = &ev->e[i];
		out->any = e->kind == EV_OUTCOME && e->day >= from && e->day <= to &&
		           ((peg && strcmp(e->exercise, peg->id) == 0) ||
		            (activities && strcmp(e->exercise, activities->id) == 0));
	}
}

void out_report_add_others(struct out_report *o, const struct ev_log *ev, const struct q_set *set,
                           int32_t from, int32_t to)
{
	static const struct ev_log none;

	if (!set || o->n_weeks == 0)
		return;
	if (!ev)
		ev = &none;
	if (to < from)
		to = from;
	o->other = xcalloc(set->n ? set->n : 1, sizeof(*o->other));
	for (size_t k = 0; k < set->n; k++) {
		const struct questionnaire *q = &set->q[k];
		struct out_other *x = &o->other[o->n_other];

		/* The shipped ones have their own tables; "My activities" names its items. */
		if (strcmp(q->id, Q_PEG) == 0 || strcmp(q->id, Q_ACTIVITIES) == 0 || q->max_active)
			continue;
		*x = (struct out_other){ .q = q, .first_w = -1, .last_w = -1 };
		x->week = xcalloc(o->n_weeks, sizeof(*x->week));
		for (unsigned w = 0; w < o->n_weeks; w++)
			x->week[w].monday = o->week[w].monday;
		line_up(ev, q, o->week[0].monday, to, o->n_weeks, x->week, &x->first_w, &x->last_w);
		if (x->first_w < 0) {
			free(x->week); /* no answer in the period: not shown */
			continue;
		}
		o->n_other++;
		o->any = true;
	}
}

const char *out_report_other_change(const struct out_report *o, size_t k, char *buf, size_t len)
{
	const struct out_other *x = &o->other[k];
	char than[40], day[16];

	buf[0] = '\0';
	if (x->first_w < 0 || x->first_w == x->last_w)
		return buf;
	snprintf(than, sizeof(than), "the week of %s",
	         hist_format_day(x->week[x->first_w].monday, day, sizeof(day)));
	return out_change_words(x->week[x->first_w].score, x->week[x->last_w].score, x->q->scoring,
	                        x->q->min, x->q->max, than, buf, len);
}

void out_report_free(struct out_report *o)
{
	for (size_t k = 0; k < o->n_other; k++)
		free(o->other[k].week);
	free(o->other);
	free(o->week);
	free(o->act);
	*o = (struct out_report){ 0 };
}

const char *out_report_peg_change(const struct out_report *o, int item, char *buf, size_t len)
{
	const struct out_week *a, *b;
	char than[40], day[16];

	buf[0] = '\0';
	if (!o->peg || o->first_w < 0 || o->first_w == o->last_w)
		return buf;
	a = &o->week[o->first_w];
	b = &o->week[o->last_w];
	snprintf(than, sizeof(than), "the week of %s",
	         hist_format_day(a->monday, day, sizeof(day)));
	if (item < 0)
		return out_change_words(a->score, b->score, o->peg->scoring, o->peg->min,
		                        o->peg->max, than, buf, len);
	if ((unsigned)item >= a->n_items || a->item[item] == OUT_NO_ANSWER ||
	    b->item[item] == OUT_NO_ANSWER)
		return buf;
	/* An item is a figure of its own on the scale: points, never a percentage. */
	return out_change_words(a->item[item], b->item[item], Q_SCORE_EACH, o->peg->min,
	                        o->peg->max, than, buf, len);
}

const char *out_report_activity_change(const struct out_report *o, const struct out_activity *a,
                                       char *buf, size_t len)
{
	buf[0] = '\0';
	if (!o->activities || a->first == OUT_NO_ANSWER || a->first_day == a->latest_day)
		return buf;
	return out_change_words(a->first, a->latest, o->activities->scoring, o->activities->min,
	                        o->activities->max, "the first rating", buf, len);
}
