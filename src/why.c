/*
 * why.c - the wording of `lumbar why ID`, for the command and the summary's
 * Tab view (why.h). No curses, no clock, no FILE.
 */
#include "why.h"
#include "steps.h"
#include "words.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* The sessions at this step since then, as progression counts them; the last that hurt. */
static const struct hist_entry *why_sessions(const struct cat_exercise *e,
                                             const struct prg_result *res, const struct hist *h,
                                             const struct prg_params *p, why_put_fn *put, void *ctx)
{
	char row[256], day[16], step[16], before[8], after[8];
	const struct hist_entry *red = NULL;
	unsigned shown = 0;

	for (size_t i = 0; h && i < h->n; i++) {
		const struct hist_entry *x = &h->e[i];
		struct prg_session s;
		enum prg_colour c;

		if (strcmp(x->id, e->id) != 0 || x->step.kind == HIST_STEP_LEVEL)
			continue;
		steps_session(x, &s);
		c = prg_classify(p, s.status, s.pain, s.pain_before);
		if (c == PRG_RED)
			red = x;
		if ((res->since != PRG_NO_DAY && x->day < res->since) ||
		    (x->step.kind == HIST_STEP_INDEX && x->step.n == res->steps &&
		     x->step.k != res->k))
			continue;
		if (shown++ == 0)
			put(ctx, WHY_ROW, "Sessions at this step:");
		hist_format_fields(x, after, before, step);
		/* Logged without the timer: only its pain counts (progression.h). */
		bool hurt = s.pain != PRG_NO_PAIN &&
		            prg_classify(p, PRG_DONE, s.pain, s.pain_before) != PRG_GREEN;
		snprintf(row, sizeof(row), "  %s  %-7s  pain %s before, %s after  %s%s",
		         hist_format_day(x->day, day, sizeof(day)),
		         x->status == HIST_DONE      ? "done"
		         : x->status == HIST_PARTIAL ? "partial"
		                                     : "stopped",
		         before, after,
		         s.logged && c != PRG_RED && !hurt ? "logged: not toward a step"
		         : c == PRG_GREEN                  ? "acceptable"
		         : c == PRG_RED                    ? "hurt"
		                                           : "not acceptable",
		         s.logged && (c == PRG_RED || hurt) ? " (logged)" : "");
		put(ctx, WHY_ROW, row);
	}
	if (shown == 0)
		put(ctx, WHY_ROW, "No session at this step yet.");
	return red;
}

void why_exercise(const struct catalogue *cat, unsigned ex, const struct prg_result *res,
                  const struct hist *h, const struct prg_params *p, int32_t today, why_put_fn *put,
                  void *ctx)
{
	const struct cat_exercise *e = &cat->exercises[ex];
	const struct hist_entry *red;
	char buf[1024], day[16];

	snprintf(buf, sizeof(buf), "%s: ", e->name);
	words_step_dose(e, res->k, buf + strlen(buf), sizeof(buf) - strlen(buf));
	put(ctx, WHY_PARA, buf);
	if (res->steps == 0) {
		put(ctx, WHY_PARA,
		    "A fixed dose: nothing in the catalogue can grow, so no step comes.");
		return;
	}
	put(ctx, WHY_PARA, words_progression_rule);
	put(ctx, WHY_GAP, "");
	if (res->since == PRG_NO_DAY)
		snprintf(buf, sizeof(buf), "At this step since the start.");
	else
		snprintf(buf, sizeof(buf), "At this step since %s%s%s.",
		         hist_format_day(res->since, day, sizeof(day)),
		         res->change == PRG_CHANGE_UP     ? ", stepped up: "
		         : res->change == PRG_CHANGE_BACK ? ", stepped back: "
		         : res->change == PRG_CHANGE_SET  ? ", set by hand"
		                                          : "",
		         res->change == PRG_CHANGE_UP || res->change == PRG_CHANGE_BACK
		             ? res->changed
		             : "");
	put(ctx, WHY_PARA, buf);
	red = why_sessions(e, res, h, p, put, ctx);
	snprintf(buf, sizeof(buf), "Now: %s.", res->words);
	put(ctx, WHY_PARA, buf);
	if (res->k < res->steps && res->state != PRG_STATE_OFF) {
		/* One acceptable session a day from today, and the calendar's first day. */
		int32_t first = today + (int32_t)(res->more > 0 ? res->more - 1 : 0);

		if (res->allowed != PRG_NO_DAY && res->allowed > first)
			first = res->allowed;
		if (res->until != PRG_NO_DAY && res->until > first)
			first = res->until;
		snprintf(buf, sizeof(buf), "Earliest day for the next step: %s%s.",
		         hist_format_day(first, day, sizeof(day)),
		         res->more > 1 ? ", with one acceptable session a day from today" : "");
		put(ctx, WHY_PARA, buf);
	}
	if (red) {
		struct prg_session s;

		steps_session(red, &s);
		snprintf(buf, sizeof(buf), "Last session that hurt: %s (%s).",
		         hist_format_day(red->day, day, sizeof(day)),
		         s.status == PRG_STOPPED ? "stopped"
		         : s.pain >= p->red_pain ? "pain after"
		                                 : "pain rose");
		put(ctx, WHY_PARA, buf);
	}
	if (res->hold != PRG_NO_DAY) {
		snprintf(buf, sizeof(buf), "A hold is in force: no step up until %s.",
		         hist_format_day(res->hold, day, sizeof(day)));
		put(ctx, WHY_PARA, buf);
	}
}
