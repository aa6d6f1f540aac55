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
	if (peg) {
		/* The latest weeks up to `to`: those of the period, or fewer. */
		struct out_week *got = xcalloc(out->n_weeks, sizeof(*got));
		size_t n = out_weeks(ev, peg, to, got, out->n_weeks);

		for (size_t k = 0; k < n; k++) {
			int32_t w = (got[k].monday - first_monday) / 7;
			if (w < 0 || !got[k].present)
				continue;
			out->week[w] = got[k];
			if (got[k].have_score) {
				if (out->first_w < 0)
					out->first_w = w;
				out->last_w = w;
			}
		}
		free(got);
	}
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

void out_report_free(struct out_report *o)
{
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
